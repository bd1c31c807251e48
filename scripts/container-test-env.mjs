// The container engine the containerize tests run against: a Docker daemon started by hand on a
// socket of its own (no iptables, no bridge: containers use the host's loopback), and a base image
// with Debian's Python and scikit-learn, built once from a debootstrap minbase root and kept in a
// cache folder between runs (no image can be pulled from Docker Hub here).
//
//   node scripts/container-test-env.mjs prepare    build the base image when it is missing
//
// Tests import startDockerd() and BASE_IMAGE. Nothing here runs when dockerd is not installed.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const BASE_IMAGE = 'mlops-test/python-sklearn:bookworm';
const ROOTFS_IMAGE = 'mlops-test/debian:bookworm';
const cacheRoot = path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'mlops-actions', 'container-test');

export function dockerdAvailable() {
  return spawnSync('sh', ['-c', 'command -v dockerd && command -v docker'], { stdio: 'ignore' }).status === 0;
}

/**
 * Starts dockerd with its images in the cache folder; resolves to { host, env, pid, stop }. Only one
 * daemon may use the folder at a time: a second caller waits for the first one's lock.
 */
export async function startDockerd() {
  const dataRoot = path.join(cacheRoot, 'docker');
  mkdirSync(dataRoot, { recursive: true });
  const run = mkdtempSync(path.join(os.tmpdir(), 'mlops-dockerd-'));
  const lock = path.join(cacheRoot, 'dockerd.lock');
  await acquireLock(lock);
  const socket = path.join(run, 'docker.sock');
  const log = path.join(run, 'dockerd.log');
  const child = spawn(
    'dockerd',
    ['--host', `unix://${socket}`, '--data-root', dataRoot, '--exec-root', path.join(run, 'exec'), '--pidfile', path.join(run, 'pid'), '--iptables=false', '--bridge=none'],
    { stdio: ['ignore', 'ignore', 'ignore'], detached: false },
  );
  const host = `unix://${socket}`;
  const env = { ...process.env, DOCKER_HOST: host };
  const started = Date.now();
  while (spawnSync('docker', ['version', '--format', '{{.Server.Version}}'], { env, stdio: 'ignore' }).status !== 0) {
    if (child.exitCode !== null || Date.now() - started > 60_000) {
      child.kill('SIGKILL');
      rmSync(lock, { force: true });
      throw new Error(`dockerd did not start: ${existsSync(log) ? readFileSync(log, 'utf8').slice(-2000) : 'no log'}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    host,
    env,
    pid: child.pid,
    async stop() {
      spawnSync('sh', ['-c', 'ids=$(docker ps -aq); [ -z "$ids" ] || docker rm -f $ids'], { env, stdio: 'ignore' });
      child.kill('SIGTERM');
      const deadline = Date.now() + 15_000;
      while (child.exitCode === null && child.signalCode === null && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      // The daemon leaves its network namespace mounted under exec-root.
      spawnSync('sh', ['-c', `grep -o ' ${run}[^ ]*' /proc/mounts | sort -r | xargs -r -n1 umount -l`], { stdio: 'ignore' });
      try {
        rmSync(run, { recursive: true, force: true });
      } catch {
        // A mount still busy: the folder is in the temporary directory and harmless.
      }
      rmSync(lock, { force: true });
    },
  };
}

async function acquireLock(lock) {
  const deadline = Date.now() + 10 * 60_000;
  for (;;) {
    try {
      writeFileSync(lock, String(process.pid), { flag: 'wx' });
      return;
    } catch {
      const holder = Number(readFileSync(lock, 'utf8'));
      if (!holder || !alive(holder)) {
        rmSync(lock, { force: true });
        continue;
      }
      if (Date.now() > deadline) throw new Error(`the Docker cache folder is locked by process ${holder}`);
      await new Promise((r) => setTimeout(r, 500));
    }
  }
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function hasImage(env, image) {
  return spawnSync('docker', ['image', 'inspect', image], { env, stdio: 'ignore' }).status === 0;
}

/** Puts the base image into a registry under `ref` (no image comes from Docker Hub here). */
export function pushBaseImage(env, ref) {
  execFileSync('docker', ['tag', BASE_IMAGE, ref], { env });
  execFileSync('docker', ['push', ref], { env, stdio: 'ignore' });
}

/** The daemon's image store is a cache kept between runs: removes what tests pushed to loopback registries. */
export function removeTestImages(env) {
  spawnSync('sh', ['-c', `docker images --format '{{.Repository}}:{{.Tag}}' | grep '^127\\.0\\.0\\.1:' | xargs -r docker rmi -f; docker image prune -f`], { env, stdio: 'ignore' });
}

/** Builds the base image when the daemon does not have it yet (about five minutes, once). */
export function ensureBaseImage(env) {
  if (hasImage(env, BASE_IMAGE)) return;
  if (!hasImage(env, ROOTFS_IMAGE)) {
    const rootfs = mkdtempSync(path.join(os.tmpdir(), 'mlops-rootfs-'));
    try {
      const mirror = debianMirror();
      console.log(`building ${ROOTFS_IMAGE} with debootstrap from ${mirror}`);
      execFileSync('debootstrap', ['--variant=minbase', 'bookworm', rootfs, mirror], { stdio: ['ignore', 'ignore', 'inherit'] });
      execFileSync('sh', ['-c', `tar -C '${rootfs}' -c . | docker import - ${ROOTFS_IMAGE}`], { env, stdio: ['ignore', 'ignore', 'inherit'] });
    } finally {
      rmSync(rootfs, { recursive: true, force: true });
    }
  }
  const context = mkdtempSync(path.join(os.tmpdir(), 'mlops-base-'));
  try {
    writeFileSync(
      path.join(context, 'Dockerfile'),
      `FROM ${ROOTFS_IMAGE}\nRUN apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends python3 python3-sklearn python3-pandas python3-joblib && rm -rf /var/lib/apt/lists/*\n`,
    );
    console.log(`building ${BASE_IMAGE}`);
    execFileSync('docker', ['build', '--network', 'host', '--tag', BASE_IMAGE, context], { env: { ...env, DOCKER_BUILDKIT: '0' }, stdio: ['ignore', 'ignore', 'inherit'] });
  } finally {
    rmSync(context, { recursive: true, force: true });
  }
}

/** The Debian mirror this machine's apt uses. */
function debianMirror() {
  for (const file of ['/etc/apt/sources.list.d/debian.sources', '/etc/apt/sources.list']) {
    if (!existsSync(file)) continue;
    const match = /(?:URIs:|deb)\s+(https?:\/\/\S+\/debian)\b(?!-security)/.exec(readFileSync(file, 'utf8'));
    if (match) return match[1];
  }
  return 'http://deb.debian.org/debian';
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (process.argv[2] !== 'prepare') {
    console.error('usage: node scripts/container-test-env.mjs prepare');
    process.exit(2);
  }
  if (!dockerdAvailable()) {
    console.log('container-test-env: dockerd is not installed; nothing to prepare');
  } else {
    const daemon = await startDockerd();
    try {
      ensureBaseImage(daemon.env);
      console.log(`container-test-env: ${BASE_IMAGE} is ready`);
    } finally {
      await daemon.stop();
    }
  }
}
