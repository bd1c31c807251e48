import type { ModelManifest } from '../packaging/manifest.js';
import { ConfigurationError } from '../platform/errors.js';

/**
 * The image's names and labels, from the package and the run: tags from templates in the spirit
 * of docker/metadata-action, OCI annotations and the model's own labels. Only public facts of the
 * package and the commit go in; never an input that could hold a secret.
 */
export interface TagContext {
  /** The package version (semver). */
  version: string;
  sha?: string;
  branch?: string;
  defaultBranch?: string;
  pullRequest?: number;
  /** A date for `{{date}}`, YYYYMMDD (UTC). */
  date: string;
}

const PLACEHOLDER = /\{\{\s*([a-z_]+)\s*\}\}/g;
const KNOWN = ['version', 'major', 'minor', 'patch', 'sha', 'branch', 'pr', 'date'] as const;

/**
 * One template per entry (the input is split on lines and commas). `{{version}}`, `{{major}}`, `{{minor}}`, `{{patch}}` come from the package
 * version (the major and minor forms only for a release, not a pre-release or 0.0.0+sha build),
 * `{{sha}}` is the short commit, `{{branch}}` the branch (sanitized), `{{pr}}` the pull-request
 * number, `{{date}}` YYYYMMDD. A line whose value is unknown on this run is left out. `latest` is
 * given only for a release version or on the default branch.
 */
export function renderTags(templates: string[], context: TagContext): string[] {
  const semver = /^(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?(?:\+([0-9A-Za-z.-]+))?$/.exec(context.version);
  const release = semver !== null && semver[4] === undefined && semver[5] === undefined && !(semver[1] === '0' && semver[2] === '0' && semver[3] === '0');
  const values: Record<(typeof KNOWN)[number], string | undefined> = {
    version: context.version.replace(/\+/g, '-'),
    major: release ? semver![1] : undefined,
    minor: release ? semver![2] : undefined,
    patch: release ? semver![3] : undefined,
    sha: context.sha?.slice(0, 7),
    branch: context.branch ? sanitizeTag(context.branch) : undefined,
    pr: context.pullRequest !== undefined ? String(context.pullRequest) : undefined,
    date: context.date,
  };
  const out: string[] = [];
  for (const [index, template] of templates.entries()) {
    if (template === 'latest') {
      if (release || (context.branch !== undefined && context.branch === context.defaultBranch)) out.push('latest');
      continue;
    }
    let missing = false;
    const tag = template.replace(PLACEHOLDER, (_, name: string) => {
      if (!(KNOWN as readonly string[]).includes(name)) {
        throw new ConfigurationError(`input tags, entry ${index + 1}: unknown placeholder {{${name}}}`, { hint: `Use ${KNOWN.map((k) => `{{${k}}}`).join(', ')} or latest.` });
      }
      const value = values[name as (typeof KNOWN)[number]];
      if (value === undefined) missing = true;
      return value ?? '';
    });
    if (missing) continue;
    if (!/^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/.test(tag)) {
      throw new ConfigurationError(`input tags, entry ${index + 1}: ${JSON.stringify(tag)} is not a valid image tag`, { hint: 'Tags are up to 128 letters, digits, `_`, `.` and `-`, not starting with `.` or `-`.' });
    }
    if (!out.includes(tag)) out.push(tag);
  }
  return out;
}

function sanitizeTag(text: string): string {
  return text.replace(/[^A-Za-z0-9_.-]/g, '-').replace(/^[.-]+/, '').slice(0, 128);
}

export const DEFAULT_TAG_TEMPLATES = ['{{version}}', '{{major}}.{{minor}}', 'sha-{{sha}}', 'pr-{{pr}}', 'latest'];

export interface LabelContext {
  manifest: ModelManifest;
  /** sha256:<hex> of the package archive, when known. */
  packageDigest?: string;
  repositoryUrl?: string;
  revision?: string;
}

/** OCI annotations and model labels, sorted by key. */
export function imageLabels(context: LabelContext): Record<string, string> {
  const m = context.manifest;
  const labels: Record<string, string> = {
    'org.opencontainers.image.title': m.name,
    'org.opencontainers.image.version': m.version,
    'org.opencontainers.image.description': m.description ?? `Serving image of the model ${m.name} ${m.version}`,
    'io.mlops-actions.model.name': m.name,
    'io.mlops-actions.model.version': m.version,
    'io.mlops-actions.serving-contract': '1',
  };
  if (context.repositoryUrl) labels['org.opencontainers.image.source'] = context.repositoryUrl;
  const revision = context.revision ?? m.createdFrom.commit;
  if (revision) labels['org.opencontainers.image.revision'] = revision;
  if (context.packageDigest) labels['io.mlops-actions.model.package-digest'] = context.packageDigest;
  if (m.evaluation) labels['io.mlops-actions.model.gate-verdict'] = m.evaluation.verdict;
  const metrics = Object.entries(m.metrics).slice(0, 8);
  if (metrics.length > 0) labels['io.mlops-actions.model.metrics'] = JSON.stringify(Object.fromEntries(metrics.map(([k, v]) => [k, Number(v.toPrecision(6))])));
  if (m.data.length > 0) labels['io.mlops-actions.model.data-fingerprint'] = m.data.map((d) => `sha256:${d.sha256}`).join(',');
  return Object.fromEntries(Object.entries(labels).sort(([a], [b]) => (a < b ? -1 : 1)));
}
