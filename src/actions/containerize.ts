import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { buildDaemonless } from '../container/daemonless.js';
import { DockerCli } from '../container/docker.js';
import { DEFAULT_TAG_TEMPLATES, imageLabels, renderTags } from '../container/metadata.js';
import { formatImageReference, parseImageReference, type ImageReference } from '../container/reference.js';
import { RegistryClient, type RegistryCredentials } from '../container/registry.js';
import { writeBuildContext } from '../container/serving-image.js';
import { packageExamples, smokeTest, type SmokeResult } from '../container/smoke.js';
import type { ModelManifest } from '../packaging/manifest.js';
import { openVerifiedPackage } from '../packaging/package.js';
import type { ActionContext, ActionDefinition, ActionOutcome } from '../platform/action.js';
import { currentBranch } from '../platform/environment.js';
import { ConfigurationError } from '../platform/errors.js';
import { booleanInput, choiceInput, numberInput, splitList } from '../platform/inputs.js';
import { buildReport, FindingCollector, type Cell, type Excerpt, type Table } from '../platform/report.js';
import { reportingInputs } from '../platform/reporting.js';

export const containerizeInputs = z.object({
  package: z.string().describe("The model package: package-model's folder (package-dir) or .tar.gz (package-path)."),
  image: z.string().describe('The image repository, e.g. ghcr.io/acme/churn-server (tags come from `tags`).'),
  builder: choiceInput('builder', ['auto', 'docker', 'daemonless'] as const).prefault('auto').describe('docker (a daemon), daemonless (registry API only), or auto.'),
  'base-image': z.string().prefault('python:3.12-slim').describe('The base image: it must hold Python 3 and the model’s requirements for the daemonless builder.'),
  dockerfile: z.string().optional().describe('Your own Dockerfile (docker builder); its context holds model/ and runtime/.'),
  tags: z.string().prefault(DEFAULT_TAG_TEMPLATES.join(',')).describe('Tag templates, one per line or comma separated.'),
  push: booleanInput('push').prefault('true').describe('Push the image (after the smoke test).'),
  'registry-username': z.string().optional().describe('Registry user; default for ghcr.io: the workflow actor.'),
  'registry-password': z.string().optional().describe('Registry password or token (a secret); default for ghcr.io: github-token.'),
  'insecure-registry': booleanInput('insecure-registry').prefault('false').describe('Talk plain HTTP to the registry (loopback registries always are).'),
  'oci-layout': z.string().optional().describe('Also write the image as an OCI layout in this folder (daemonless builder).'),
  'smoke-test': choiceInput('smoke-test', ['auto', 'true', 'false'] as const).prefault('auto').describe('Run the image and call /health and /predict before pushing: auto (when an engine can run it), true (fail without), false.'),
  'smoke-timeout-seconds': numberInput('smoke-timeout-seconds', { min: 1, max: 3600, integer: false, what: 'a number of seconds from 1 to 3600' })
    .prefault('60')
    .describe('How long the smoke test waits for /health.'),
  'smoke-requests': numberInput('smoke-requests', { min: 0, max: 100_000, integer: true, what: 'a whole number from 0 to 100000' }).prefault('200').describe('/predict requests to measure latency over.'),
  'max-latency-ms': numberInput('max-latency-ms', { min: 0, max: Number.MAX_SAFE_INTEGER, integer: false, what: 'a number of milliseconds' }).optional().describe('Budget: p99 latency of /predict.'),
  'max-image-mb': numberInput('max-image-mb', { min: 0, max: Number.MAX_SAFE_INTEGER, integer: false, what: 'a number of MiB' }).optional().describe('Budget: image size.'),
  'compression-level': numberInput('compression-level', { min: 0, max: 9, integer: true, what: 'a whole number from 0 to 9' }).prefault('1').describe('gzip level of the daemonless layers.'),
  ...reportingInputs('containerize'),
});
export type ContainerizeInputs = z.output<typeof containerizeInputs>;

export const containerizeAction: ActionDefinition<typeof containerizeInputs> = {
  name: 'containerize',
  inputs: containerizeInputs,
  async run(inputs: ContainerizeInputs, context: ActionContext): Promise<ActionOutcome> {
    const startedAt = new Date();
    const { workspace, logger, run } = context;
    const scratch = await mkdtemp(path.join(context.scratch ?? os.tmpdir(), 'containerize-'));
    try {
      // The package must be intact before anything is built from it.
      const packagePath = workspace.resolve(inputs.package);
      const packageDisplay = workspace.display(packagePath);
      const opened = await openVerifiedPackage(packagePath, packageDisplay, scratch, 'Build the image from the package package-model wrote, unchanged');
      const packageDir = opened.dir;
      const packageDigest = opened.archiveSha256 ? `sha256:${opened.archiveSha256}` : undefined;
      const manifest: ModelManifest = opened.manifest;

      const target = parseImageReference(inputs.image);
      if (target.tag || target.digest) throw new ConfigurationError(`input image: give the repository without a tag (${formatImageReference({ ...target, tag: undefined, digest: undefined })})`, { hint: 'Tags come from the tags input.' });
      const tags = renderTags(splitList(inputs.tags), {
        version: manifest.version,
        sha: run.sha,
        branch: currentBranch(run),
        defaultBranch: 'main',
        pullRequest: run.pullRequest?.number,
        date: startedAt.toISOString().slice(0, 10).replace(/-/g, ''),
      });
      if (tags.length === 0) throw new ConfigurationError('input tags: no tag applies to this run', { hint: 'Add a template that always applies, e.g. {{version}} or sha-{{sha}}.' });
      const credentials = registryCredentials(inputs, target, context);
      if (credentials) context.secret?.(credentials.password);
      const labels = imageLabels({
        manifest,
        packageDigest,
        repositoryUrl: run.repository ? `${run.serverUrl}/${run.repository.owner}/${run.repository.repo}` : undefined,
        revision: run.sha,
      });

      const docker = await DockerCli.isolated(context.commandEnv ?? {});
      try {
        const daemon = await docker.cli.available();
        const builder = inputs.builder === 'auto' ? (daemon ? 'docker' : 'daemonless') : inputs.builder;
        if (builder === 'docker' && !daemon) throw new ConfigurationError('builder docker: no Docker daemon answers', { hint: 'Use builder: daemonless (or auto), or start Docker on the runner.' });
        if (builder === 'daemonless' && inputs.dockerfile) throw new ConfigurationError('input dockerfile needs the docker builder', { hint: 'The daemonless builder cannot run Dockerfile steps; set builder: docker.' });
        const canRun = daemon;
        if (inputs['smoke-test'] === 'true' && !canRun) throw new ConfigurationError('smoke-test: true, but no container engine can run the image here', { hint: 'Start Docker on the runner, or set smoke-test: auto to skip it with a notice.' });
        const smokeWanted = inputs['smoke-test'] !== 'false' && canRun;
        const findings = new FindingCollector();
        const excerpts: Excerpt[] = [];
        const refs = tags.map((t) => formatImageReference({ ...target, tag: t }));
        let digest: string | undefined;
        let size = 0;
        let smoke: SmokeResult | undefined;
        let pushedBytes: number | undefined;
        let layersSent: string | undefined;

        if (builder === 'docker') {
          const contextDir = path.join(scratch, 'context');
          let dockerfile = await writeBuildContext(contextDir, packageDir, inputs['base-image']);
          if (inputs.dockerfile) {
            dockerfile = path.join(contextDir, 'Dockerfile');
            await copyFile(workspace.resolve(inputs.dockerfile), dockerfile);
          }
          logger.startGroup(`docker build ${refs[0]}`);
          try {
            await docker.cli.build({ contextDir, dockerfile, tags: refs, labels, network: 'host', onOutput: (t) => logger.output(t) });
          } finally {
            logger.endGroup();
          }
          size = await docker.cli.imageSize(refs[0]!);
          if (smokeWanted) smoke = await runSmoke(docker.cli, refs[0]!, manifest, packageDir, inputs, findings, excerpts);
          if (inputs.push && (!smoke || smoke.ok)) {
            if (credentials) await docker.cli.login(target.registry, credentials.username, credentials.password);
            for (const ref of refs) digest = (await docker.cli.push(ref)) ?? digest;
          }
        } else {
          const base = parseImageReference(inputs['base-image']);
          const baseClient = new RegistryClient({ registry: base.registry, credentials: base.registry === target.registry ? credentials : undefined, insecure: inputs['insecure-registry'], logger });
          const client = new RegistryClient({ registry: target.registry, credentials, insecure: inputs['insecure-registry'], logger });
          try {
            const push = inputs.push || smokeWanted;
            const result = await buildDaemonless({
              base,
              baseClient,
              packageDir,
              workDir: path.join(scratch, 'layers'),
              labels,
              annotations: labels,
              // Pushed by digest first; the tags are written only after the smoke test passes.
              target: push ? { reference: target, tags: [], client } : undefined,
              layoutDir: inputs['oci-layout'] ? workspace.resolve(inputs['oci-layout']) : undefined,
              layoutTag: tags[0],
              compressionLevel: inputs['compression-level'],
              logger,
            });
            size = result.size;
            digest = result.image.manifestDigest;
            if (push) {
              await client.putManifest(target.repository, digest, result.image.manifest, result.image.manifestMediaType);
              pushedBytes = result.pushed?.bytesUploaded;
              layersSent = `${result.pushed?.blobsUploaded ?? 0} uploaded, ${result.pushed?.blobsExisting ?? 0} already there, ${result.pushed?.blobsMounted ?? 0} mounted`;
            }
            if (smokeWanted) {
              const byDigest = formatImageReference({ ...target, tag: undefined, digest });
              if (credentials) await docker.cli.login(target.registry, credentials.username, credentials.password);
              const pulled = await docker.cli.run(['pull', byDigest]);
              if (pulled.code !== 0) throw new Error(`docker pull ${byDigest} failed: ${pulled.stderr.trim().split('\n').slice(-2).join(' ')}`);
              smoke = await runSmoke(docker.cli, byDigest, manifest, packageDir, inputs, findings, excerpts);
            }
            if (inputs.push && (!smoke || smoke.ok)) {
              for (const tag of tags) await client.putManifest(target.repository, tag, result.image.manifest, result.image.manifestMediaType);
            }
          } finally {
            baseClient.close();
            client.close();
          }
        }
        if (!smokeWanted && inputs['smoke-test'] !== 'false') {
          findings.add({ severity: 'notice', rule: 'smoke-skipped', message: 'No container engine can run the image here: the smoke test was skipped. Run it where Docker is available (builder: docker) to test the image before it is pushed.' });
        }
        const maxMb = inputs['max-image-mb'];
        if (maxMb !== undefined && size > maxMb * 1024 * 1024) {
          findings.add({ severity: 'error', rule: 'image-size', message: `The image is ${(size / 1024 / 1024).toFixed(1)} MiB, over max-image-mb (${maxMb} MiB).` });
        }
        const pushed = inputs.push && findings.counts.error === 0 && (!smoke || smoke.ok);
        if (inputs.push && !pushed) findings.add({ severity: 'notice', rule: 'not-pushed', message: 'The image was not pushed (tags not written) because a check failed.' });

        const outputs: Record<string, string> = {
          image: formatImageReference({ ...target, tag: undefined, digest: undefined }),
          tags: JSON.stringify(refs),
          'image-size': String(size),
          builder,
          pushed: String(pushed),
        };
        if (digest) outputs.digest = digest;
        if (smoke?.latency) {
          outputs['latency-p50-ms'] = smoke.latency.p50.toFixed(2);
          outputs['latency-p99-ms'] = smoke.latency.p99.toFixed(2);
        }
        const rows: Cell[][] = [
          ['builder', builder],
          ['base image', inputs['base-image']],
          ['tags', refs.join(', ')],
          ['digest', digest ?? '—'],
          ['size', `${(size / 1024 / 1024).toFixed(1)} MiB`],
          ['pushed', pushed ? 'yes' : 'no'],
        ];
        if (layersSent) rows.push(['layers', `${layersSent}; ${((pushedBytes ?? 0) / 1024 / 1024).toFixed(1)} MiB sent`]);
        if (smoke) rows.push(['smoke test', smoke.ok ? `passed: /health in ${((smoke.startMs ?? 0) / 1000).toFixed(1)} s, /predict p50 ${smoke.latency?.p50.toFixed(1)} ms, p99 ${smoke.latency?.p99.toFixed(1)} ms over ${smoke.latency?.requests} requests` : `failed: ${smoke.problem}`]);
        const tables: Table[] = [
          { title: 'Image', columns: ['', ''], rows },
          { title: 'Labels', columns: ['label', 'value'], rows: Object.entries(labels).map(([k, v]) => [k, v]) },
        ];
        const report = buildReport({
          action: 'containerize',
          title: `containerize: ${manifest.name} ${manifest.version}`,
          verdict: findings.counts.error > 0 ? 'fail' : 'pass',
          headline: `${refs[0]}${digest ? `@${digest.slice(0, 19)}…` : ''}, ${(size / 1024 / 1024).toFixed(1)} MiB (${builder} builder)${smoke ? `; smoke test ${smoke.ok ? 'passed' : 'failed'}` : ''}${pushed ? '; pushed' : ''}.`,
          startedAt,
          findings,
          tables,
          excerpts,
          details: { builder, image: outputs.image, tags: refs, digest, size, pushed, smoke, labels },
        });
        return { report, outputs };
      } finally {
        await docker.dispose();
      }
    } finally {
      await rm(scratch, { recursive: true, force: true });
    }
  },
};

async function runSmoke(
  cli: DockerCli,
  image: string,
  manifest: ModelManifest,
  packageDir: string,
  inputs: ContainerizeInputs,
  findings: FindingCollector,
  excerpts: Excerpt[],
): Promise<SmokeResult> {
  const example = manifest.examples?.input;
  if (!example) {
    findings.add({ severity: 'warning', rule: 'smoke-no-example', message: 'The package has no input example: the smoke test checked /health only. Give package-model an input-example (and output-example).' });
  }
  const { rows, expected } = await packageExamples(packageDir, manifest);
  const port = await freePort();
  const container = await cli.start(image, port);
  try {
    const result = await smokeTest({ baseUrl: `http://127.0.0.1:${port}`, rows, expected, requests: rows.length > 0 ? inputs['smoke-requests'] : 0, startTimeoutMs: inputs['smoke-timeout-seconds'] * 1000, exited: () => container.exited() });
    if (!result.ok) {
      findings.add({ severity: 'error', rule: 'smoke-test', message: `The image failed its smoke test: ${result.problem}. Its log is in the summary.` });
      excerpts.push({ title: 'Container log (last 60 lines)', text: await container.logs() });
    }
    const budget = inputs['max-latency-ms'];
    if (result.latency && budget !== undefined && result.latency.p99 > budget) {
      findings.add({ severity: 'error', rule: 'latency', message: `/predict p99 latency ${result.latency.p99.toFixed(1)} ms is over max-latency-ms (${budget} ms).` });
    }
    return result;
  } finally {
    await container.stop();
  }
}

function registryCredentials(inputs: ContainerizeInputs, target: ImageReference, context: ActionContext): RegistryCredentials | undefined {
  const password = inputs['registry-password'] ?? (target.registry === 'ghcr.io' ? inputs['github-token'] : undefined);
  if (!password) return undefined;
  const username = inputs['registry-username'] ?? (target.registry === 'ghcr.io' ? (context.run.actor ?? 'x-access-token') : undefined);
  if (!username) throw new ConfigurationError('input registry-password is set but registry-username is empty', { hint: 'Give the registry user as well.' });
  return { username, password };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no free port'))));
    });
  });
}
