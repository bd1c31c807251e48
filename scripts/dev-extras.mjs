// Development tools that cannot be recorded in package-lock.json: @duckdb/node-api (an independent
// Parquet writer for the reader tests, and the DuckDB side of the benchmark) depends on one native
// binding package per platform, and not every platform's binding of a release can be resolved from
// the registry, so a lock file that lists it fails `npm ci`. They are installed next to the locked
// dependencies, without touching package.json or the lock file, at the versions pinned here.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const EXTRA_DEV_DEPENDENCIES = { '@duckdb/node-api': '1.5.6-r.1' };

/** Installs each extra tool that is missing or at another version; returns false when that failed. */
export function ensureExtraDevDependencies(root) {
  const wanted = Object.entries(EXTRA_DEV_DEPENDENCIES).filter(([name, version]) => {
    const manifest = path.join(root, 'node_modules', name, 'package.json');
    return !existsSync(manifest) || JSON.parse(readFileSync(manifest, 'utf8')).version !== version;
  });
  if (wanted.length === 0) return true;
  const specs = wanted.map(([name, version]) => `${name}@${version}`);
  console.log(`installing development tools kept out of the lock file: ${specs.join(', ')}`);
  const install = spawnSync('npm', ['install', '--no-save', '--no-audit', '--no-fund', ...specs], { cwd: root, stdio: 'inherit' });
  return install.status === 0;
}

// Run as a script (`node scripts/dev-extras.mjs`), it installs them in this checkout.
if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  process.exitCode = ensureExtraDevDependencies(path.resolve(path.dirname(new URL(import.meta.url).pathname), '..')) ? 0 : 1;
}
