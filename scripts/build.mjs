// Bundles every action (actions/<name>/dist) and the CLI (cli/dist) with @vercel/ncc, from clean.
// The output is committed: GitHub runs what is at the ref.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ncc = path.join(root, 'node_modules', '.bin', 'ncc');
const only = process.argv.slice(2);

const targets = readdirSync(path.join(root, 'actions'), { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(path.join(root, 'actions', d.name, 'action.yml')))
  .map((d) => ({ name: d.name, entry: `src/entries/${d.name}.ts`, out: `actions/${d.name}/dist` }));
targets.push({ name: 'cli', entry: 'src/entries/cli.ts', out: 'cli/dist' });

// The WebAssembly module the bundles embed, compiled first (scripts/build-wasm.mjs).
execFileSync(process.execPath, [path.join(root, 'scripts/build-wasm.mjs')], { cwd: root, stdio: 'inherit' });

for (const target of targets) {
  if (only.length > 0 && !only.includes(target.name)) continue;
  if (!existsSync(path.join(root, target.entry))) throw new Error(`${target.name}: missing entry ${target.entry}`);
  rmSync(path.join(root, target.out), { recursive: true, force: true });
  const started = Date.now();
  execFileSync(ncc, ['build', target.entry, '--out', target.out, '--minify', '--license', 'licenses.txt', '--quiet', '--target', 'es2022'], {
    cwd: root,
    stdio: 'inherit',
  });
  console.log(`built ${target.out} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

// The published JSON Schemas are generated from the zod schemas by the CLI just built, and the
// reference pages in docs/config from them.
if (only.length === 0 || only.includes('cli')) {
  execFileSync(process.execPath, [path.join(root, 'cli/dist/index.js'), 'schemas', 'schemas'], { cwd: root, stdio: 'inherit' });
  execFileSync(process.execPath, [path.join(root, 'scripts/config-reference.mjs')], { cwd: root, stdio: 'inherit' });
}
