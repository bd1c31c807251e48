import { ConfigurationError } from '../platform/errors.js';

/*
 * Image references as Docker reads them (github.com/distribution/reference):
 *   [registry/]repository[:tag][@digest]
 * The first path component is a registry when it holds '.' or ':', is 'localhost', or has capitals;
 * otherwise the registry is docker.io, where a single-component name lives under library/.
 */

export interface ImageReference {
  /** Host, with its port when it has one: `docker.io`, `ghcr.io`, `localhost:5000`. */
  registry: string;
  /** Path inside the registry: `library/python`, `owner/model-server`. */
  repository: string;
  tag?: string;
  /** `sha256:<64 hex digits>`. */
  digest?: string;
}

export const DOCKER_HUB = 'docker.io';
const DOCKER_HUB_ALIASES = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io']);
const DOCKER_HUB_API = 'https://registry-1.docker.io';

const PATH_COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const REPOSITORY_PATTERN = new RegExp(`^${PATH_COMPONENT}(?:/${PATH_COMPONENT})*$`);
const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const REGISTRY_PATTERN = new RegExp(`^(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|\\[[a-fA-F0-9:]+\\])(?::[0-9]+)?$`);
const TAG_PATTERN = /^[\w][\w.-]{0,127}$/;
const DIGEST_PATTERN = /^(?:sha256:[a-f0-9]{64}|sha512:[a-f0-9]{128})$/;
/** Docker refuses longer names (registry and repository together). */
const NAME_MAX = 255;

const EXAMPLE = 'Write it as [registry/]repository[:tag][@sha256:<64 hex digits>], for example ghcr.io/owner/model-server:1.0 or localhost:5000/model@sha256:<64 hex digits>.';

export function isValidRepository(name: string): boolean {
  return REPOSITORY_PATTERN.test(name);
}

export function isValidTag(tag: string): boolean {
  return TAG_PATTERN.test(tag);
}

/** sha256 and sha512 digests in canonical (lowercase hex) form; other algorithms are not used by registries. */
export function isValidDigest(digest: string): boolean {
  return DIGEST_PATTERN.test(digest);
}

export function parseImageReference(ref: string): ImageReference {
  const fail = (why: string): never => {
    throw new ConfigurationError(`invalid image reference ${JSON.stringify(ref)}: ${why}`, { hint: EXAMPLE });
  };
  if (ref.length === 0) fail('it is empty');
  if (/\s/.test(ref)) fail('it contains white space');
  if (/^[a-f0-9]{64}$/.test(ref)) fail('a 64-digit hex string is an image id, not a reference; prefix the digest with the repository and @sha256:');

  let rest = ref;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!isValidDigest(digest)) fail(`the digest ${JSON.stringify(digest)} is not sha256: followed by 64 lowercase hex digits`);
  }

  let registry = DOCKER_HUB;
  const slash = rest.indexOf('/');
  if (slash >= 0) {
    const first = rest.slice(0, slash);
    if (first.includes('.') || first.includes(':') || first === 'localhost' || first !== first.toLowerCase()) {
      registry = first;
      rest = rest.slice(slash + 1);
      if (!REGISTRY_PATTERN.test(registry)) fail(`the registry ${JSON.stringify(registry)} is not a host name with an optional :port`);
    }
  }
  if (DOCKER_HUB_ALIASES.has(registry)) registry = DOCKER_HUB;

  // After the registry is split off, a ':' can only start the tag: repository paths have none.
  let tag: string | undefined;
  const colon = rest.lastIndexOf(':');
  if (colon >= 0) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!isValidTag(tag)) fail(`the tag ${JSON.stringify(tag)} must be 1 to 128 letters, digits, '_', '.' or '-', not starting with '.' or '-'`);
  }

  if (rest.length === 0) fail('the repository name is missing');
  if (!isValidRepository(rest)) {
    if (isValidRepository(rest.toLowerCase())) fail(`the repository ${JSON.stringify(rest)} must be lowercase (${rest.toLowerCase()})`);
    fail(`the repository ${JSON.stringify(rest)} must be lowercase letters and digits in '/'-separated parts, joined inside a part by '.', '_', '__' or dashes`);
  }
  let repository = rest;
  if (registry === DOCKER_HUB && !repository.includes('/')) repository = `library/${repository}`;
  if (registry.length + 1 + repository.length > NAME_MAX) fail(`the name is longer than ${NAME_MAX} characters`);

  const result: ImageReference = { registry, repository };
  if (tag !== undefined) result.tag = tag;
  if (digest !== undefined) result.digest = digest;
  return result;
}

/** The fully qualified form; `parseImageReference` reads it back to the same value. */
export function formatImageReference(r: ImageReference): string {
  return `${r.registry}/${r.repository}${r.tag !== undefined ? `:${r.tag}` : ''}${r.digest !== undefined ? `@${r.digest}` : ''}`;
}

/** True for localhost and the loopback addresses, where a registry is reached over plain HTTP. */
export function isLoopbackHost(host: string): boolean {
  const h = host.toLowerCase();
  return h === 'localhost' || h.endsWith('.localhost') || /^127(?:\.\d{1,3}){3}$/.test(h) || h === '::1' || h === '[::1]';
}

/** The host of a `host[:port]` registry name, IPv6 brackets kept. */
export function registryHostname(registry: string): string {
  if (registry.startsWith('[')) return registry.slice(0, registry.indexOf(']') + 1);
  const colon = registry.indexOf(':');
  return colon >= 0 ? registry.slice(0, colon) : registry;
}

/**
 * Where the registry's /v2/ API answers. Docker Hub's API lives on its own host. Like Docker, a
 * registry on loopback is spoken to over HTTP; any other only when `insecure` says so.
 */
export function registryBaseUrl(registry: string, insecure = false): string {
  if (DOCKER_HUB_ALIASES.has(registry.toLowerCase())) return DOCKER_HUB_API;
  const scheme = insecure || isLoopbackHost(registryHostname(registry)) ? 'http' : 'https';
  return `${scheme}://${registry}`;
}
