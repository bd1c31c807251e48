import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** A temporary folder with helpers to write files in it; remove() deletes it. */
export function makeTempDir(prefix = 'mlops-test-') {
  const root = mkdtempSync(path.join(tmpdir(), prefix));
  return {
    root,
    write(rel: string, content: string | Buffer): string {
      const file = path.join(root, rel);
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, content);
      return file;
    },
    remove(): void {
      rmSync(root, { recursive: true, force: true });
    },
  };
}
