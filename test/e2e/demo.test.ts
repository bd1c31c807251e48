import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pythonWithScikitLearn } from '../support/model-server.js';

/**
 * `npm run demo`: the whole pipeline on the example project through the committed CLI bundle.
 * Every step must pass and leave its report.
 */
const repoRoot = path.resolve(import.meta.dirname, '../..');

describe.skipIf(!pythonWithScikitLearn())('npm run demo', () => {
  it('runs validate, train, gate, package, containerize and a canary deploy, each passing, and lists the reports', async () => {
    const { code, output } = await new Promise<{ code: number | null; output: string }>((resolve) => {
      const child = spawn(process.execPath, [path.join(repoRoot, 'scripts/demo.mjs')], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
      let output = '';
      child.stdout.on('data', (c: Buffer) => (output += c.toString()));
      child.stderr.on('data', (c: Buffer) => (output += c.toString()));
      child.on('close', (code) => resolve({ code, output }));
    });
    expect(code, output.slice(-4000)).toBe(0);
    const steps = ['validate-data', 'train-check', 'evaluate-metrics-gate', 'package-model', 'package-model-stable', 'containerize', 'staged-deploy'];
    for (const step of steps) {
      const report = JSON.parse(readFileSync(path.join(repoRoot, 'mlops-demo/reports', `${step}.json`), 'utf8')) as { verdict: string };
      expect(report.verdict, step).toBe('pass');
      expect(output).toMatch(new RegExp(`^${step}\\s+ok\\s+pass\\s+mlops-demo/reports/${step}\\.json`, 'm'));
    }
    const deploy = JSON.parse(readFileSync(path.join(repoRoot, 'mlops-demo/reports/staged-deploy.json'), 'utf8')) as { details: { results: Array<{ outcome: string; finalWeight: number }> } };
    expect(deploy.details.results[0]).toMatchObject({ outcome: 'promoted', finalWeight: 100 });
    expect(output).toMatch(/Requests sent during the rollout: \d+, failed: 0\./);
  }, 300_000);
});
