#!/usr/bin/env node
// Renders the screenshots in docs/screenshots/ from the reports of `npm run demo`: the job summary
// of each action and the pull-request comment of the metric gate, as GitHub would show them.
//
//   npm run demo && node scripts/screenshots.mjs
//
// The markdown comes from the project's own renderer (src/platform/render/markdown.ts, bundled
// here with rolldown, which vitest's vite already brings), is turned into HTML with marked
// (GitHub-flavoured), styled like github.com, and photographed by headless Chromium (Debian's
// `chromium` package). Mermaid charts show as their source: they are drawn by GitHub's own
// JavaScript. Run it again after a change to a report or the renderer; commit the images.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { marked } from 'marked';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const reports = path.join(root, 'mlops-demo', 'reports');
const outDir = path.join(root, 'docs', 'screenshots');
const SHOTS = [
  { report: 'validate-data', kind: 'summary', height: 1000 },
  { report: 'train-check', kind: 'summary', height: 1100 },
  { report: 'evaluate-metrics-gate', kind: 'comment', height: 1250 },
  { report: 'package-model', kind: 'summary', height: 1100 },
  { report: 'staged-deploy', kind: 'summary', height: 1300 },
];

const chromium = ['chromium', 'chromium-browser', 'google-chrome'].find((c) => spawnSync('sh', ['-c', `command -v ${c}`]).status === 0);
if (!chromium) fail('headless Chromium is needed: apt-get install chromium');
if (!existsSync(reports)) fail('run `npm run demo` first: the screenshots show its reports');

const tmp = mkdtempSync(path.join(os.tmpdir(), 'mlops-screenshots-'));
try {
  const { build } = await import('rolldown');
  const bundle = path.join(tmp, 'markdown.mjs');
  await build({ input: path.join(root, 'src/platform/render/markdown.ts'), platform: 'node', logLevel: 'silent', output: { file: bundle, format: 'esm' } });
  const { renderReportMarkdown, charLength, byteLength, COMMENT_BUDGET_CHARS, SUMMARY_BUDGET_BYTES } = await import(bundle);
  mkdirSync(outDir, { recursive: true });
  for (const shot of SHOTS) {
    const file = path.join(reports, `${shot.report}.json`);
    if (!existsSync(file)) fail(`${file} is missing: run \`npm run demo\` again`);
    const report = JSON.parse(readFileSync(file, 'utf8'));
    const options = shot.kind === 'comment' ? { budget: COMMENT_BUDGET_CHARS, measure: charLength, maxFindings: 20 } : { budget: SUMMARY_BUDGET_BYTES, measure: byteLength };
    const { markdown } = renderReportMarkdown(report, options);
    const html = page(marked.parse(markdown, { gfm: true }).replaceAll('<details>', '<details open>'), shot.kind);
    const htmlFile = path.join(tmp, `${shot.report}.html`);
    writeFileSync(htmlFile, html);
    const png = path.join(outDir, `${shot.report}-${shot.kind}.png`);
    const r = spawnSync(chromium, ['--headless=new', '--no-sandbox', '--disable-gpu', '--hide-scrollbars', '--force-device-scale-factor=1', `--window-size=1000,${shot.height}`, `--screenshot=${png}`, `file://${htmlFile}`], { encoding: 'utf8' });
    if (r.status !== 0 || !existsSync(png)) fail(`chromium failed on ${shot.report}: ${r.stderr}`);
    console.log(`wrote ${path.relative(root, png)}`);
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}

function page(body, kind) {
  const frame = kind === 'comment' ? 'border:1px solid #d0d7de;border-radius:6px;padding:16px 24px' : 'padding:8px 24px';
  return `<!doctype html><meta charset="utf-8"><style>
body{font-family:-apple-system,BlinkMacSystemFont,"Segoe UI","Noto Sans",Helvetica,Arial,sans-serif;font-size:14px;line-height:1.5;color:#1f2328;background:#fff;margin:16px}
main{${frame}}
h2{font-size:1.5em;border-bottom:1px solid #d1d9e0;padding-bottom:.3em}h3,h4{font-size:1.1em}
table{border-collapse:collapse;margin:8px 0;display:block;overflow:auto}th,td{border:1px solid #d1d9e0;padding:4px 10px}th{background:#f6f8fa}tr:nth-child(2n){background:#f6f8fa}
code,pre{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:12px;background:#f6f8fa;border-radius:6px}pre{padding:12px;overflow:auto}
blockquote{border-left:.25em solid #d1d9e0;color:#59636e;margin:0;padding:0 1em}summary{cursor:pointer;margin:6px 0}
</style><main>${body}</main>`;
}

function fail(message) {
  console.error(`screenshots: ${message}`);
  process.exit(1);
}
