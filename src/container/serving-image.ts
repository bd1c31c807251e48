import { cp, mkdir, readdir, stat, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { SERVE_HEALTHCHECK_ARG, SERVE_PY, SERVE_PY_NAME } from './serve-runtime.js';

/**
 * What a serving image is made of, whichever builder makes it: the runtime (the reference server)
 * in one layer, the model package in another, a non-root user, the serving port and a health
 * check. The docker builder gets it as a Dockerfile; the daemonless builder as layers and config.
 */
export const SERVE_DIR = '/opt/mlops/serve';
export const MODEL_DIR = '/opt/mlops/model';
export const SERVE_PORT = 8080;
/** A numeric user: works on bases without an /etc/passwd entry for it. */
export const SERVE_USER = '65532:65532';
/** Fixed times on build-context files, so the docker builder's COPY layers do not change with checkout times. */
const FIXED_TIME = new Date('1980-01-01T00:00:00Z');

export const SERVE_ENTRYPOINT = ['python3', `${SERVE_DIR}/${SERVE_PY_NAME}`];
export const SERVE_ENV: Record<string, string> = { MLOPS_MODEL_DIR: MODEL_DIR, PORT: String(SERVE_PORT), PYTHONDONTWRITEBYTECODE: '1', PYTHONUNBUFFERED: '1' };
export const HEALTHCHECK = {
  test: ['CMD', 'python3', `${SERVE_DIR}/${SERVE_PY_NAME}`, SERVE_HEALTHCHECK_ARG],
  intervalSeconds: 30,
  timeoutSeconds: 5,
  startPeriodSeconds: 10,
  retries: 3,
};

/** The Dockerfile the docker builder uses when the user brings none. */
export function servingDockerfile(baseImage: string): string {
  const env = Object.entries(SERVE_ENV)
    .map(([k, v]) => `${k}=${v}`)
    .join(' \\\n    ');
  const hc = HEALTHCHECK;
  return `# Written by mlops-actions containerize: the model package served by the reference server.
FROM ${baseImage}
# The runtime, in its own layer: a code-only change does not touch the model layer.
COPY runtime/ ${SERVE_DIR}/
# The model package, in its own layer: a model-only change does not touch the runtime layer.
COPY model/ ${MODEL_DIR}/
ENV ${env}
USER ${SERVE_USER}
EXPOSE ${SERVE_PORT}
HEALTHCHECK --interval=${hc.intervalSeconds}s --timeout=${hc.timeoutSeconds}s --start-period=${hc.startPeriodSeconds}s --retries=${hc.retries} \\
  ${JSON.stringify(hc.test.slice(1)).replace(/^\[/, 'CMD [')}
ENTRYPOINT ${JSON.stringify(SERVE_ENTRYPOINT)}
`;
}

/**
 * A build context: runtime/ (the server), model/ (a copy of the package folder), and the
 * Dockerfile; every file and folder at a fixed time.
 */
export async function writeBuildContext(dir: string, packageDir: string, baseImage: string): Promise<string> {
  await mkdir(path.join(dir, 'runtime'), { recursive: true });
  await writeFile(path.join(dir, 'runtime', SERVE_PY_NAME), SERVE_PY);
  await cp(packageDir, path.join(dir, 'model'), { recursive: true });
  const dockerfile = path.join(dir, 'Dockerfile');
  await writeFile(dockerfile, servingDockerfile(baseImage));
  await fixTimes(dir);
  return dockerfile;
}

async function fixTimes(dir: string): Promise<void> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) await fixTimes(full);
    await utimes(full, FIXED_TIME, FIXED_TIME);
  }
  await utimes(dir, FIXED_TIME, FIXED_TIME);
}

/** Files of the two layers the daemonless builder adds, as paths in the image. */
export async function servingLayerFiles(packageDir: string, runtimeFile: string): Promise<{ runtime: Array<{ path: string; source: string }>; model: Array<{ path: string; source: string }> }> {
  const model: Array<{ path: string; source: string }> = [];
  const walk = async (rel: string) => {
    for (const entry of await readdir(path.join(packageDir, rel), { withFileTypes: true })) {
      const child = rel === '' ? entry.name : `${rel}/${entry.name}`;
      if (entry.isDirectory()) await walk(child);
      else if ((await stat(path.join(packageDir, child))).isFile()) model.push({ path: `${MODEL_DIR}/${child}`, source: path.join(packageDir, child) });
    }
  };
  await walk('');
  return { runtime: [{ path: `${SERVE_DIR}/${SERVE_PY_NAME}`, source: runtimeFile }], model };
}
