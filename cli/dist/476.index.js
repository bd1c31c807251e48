export const id = 476;
export const ids = [476];
export const modules = {

/***/ 2476:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  actions: () => (/* binding */ actions)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __webpack_require__(7030);
var external_node_net_default = /*#__PURE__*/__webpack_require__.n(external_node_net_);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
var external_node_os_default = /*#__PURE__*/__webpack_require__.n(external_node_os_);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 7 modules
var schemas = __webpack_require__(2311);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./src/platform/errors.ts
var errors = __webpack_require__(6316);
// EXTERNAL MODULE: ./src/packaging/tar.ts
var tar = __webpack_require__(2892);
;// CONCATENATED MODULE: ./src/container/image.ts




/*
 * Image assembly without a container daemon, as ko and Jib do: the base image's config and layer
 * descriptors, plus new layers written here, give a new config and an OCI image manifest.
 *
 * Same base, same files and same changes give the same bytes, hence the same digests: layers are
 * deterministic tar.gz files (fixed mtime, uid/gid 0, sorted entries), history dates are one fixed
 * `created`, and every JSON document is serialized with its keys sorted and no whitespace.
 */
const image_OCI_MANIFEST_MEDIA_TYPE = 'application/vnd.oci.image.manifest.v1+json';
const OCI_CONFIG_MEDIA_TYPE = 'application/vnd.oci.image.config.v1+json';
const OCI_LAYER_MEDIA_TYPE = 'application/vnd.oci.image.layer.v1.tar+gzip';
/** 1980-01-01, the default mtime of the tar entries too. */
const DEFAULT_CREATED = '1980-01-01T00:00:00Z';
const HISTORY_CREATED_BY_PREFIX = 'mlops-actions containerize: ';
/** `sha256:<hex>` of some bytes. */
function image_sha256Digest(bytes) {
    return `sha256:${(0,external_node_crypto_.createHash)('sha256').update(bytes).digest('hex')}`;
}
/**
 * Writes files as one deterministic gzip'd layer at outFile; image paths become tar names
 * relative to the root, and every parent folder gets an entry (mode 0755, root-owned). A parent
 * entry replaces the folder's metadata in the image, so files belong under folders that are 0755
 * root:root in the base (/opt, /usr/local, /srv, /app), not under /tmp.
 */
async function buildLayer(files, outFile, comment, options = {}) {
    if (files.length === 0)
        throw new Error(`layer "${comment}" has no files`);
    const entries = files.map((file) => ({ name: tarNameOf(file.path), source: file.source, executable: file.executable === true }));
    const result = await (0,tar/* writeDeterministicTarGz */.K4)(entries, outFile, options);
    return { file: outFile, digest: `sha256:${result.archiveSha256}`, diffId: `sha256:${result.tarSha256}`, size: result.archiveBytes, mediaType: OCI_LAYER_MEDIA_TYPE, comment };
}
function tarNameOf(imagePath) {
    if (!imagePath.startsWith('/'))
        throw new errors/* ConfigurationError */.j1(`image path ${JSON.stringify(imagePath)} is not absolute`, { hint: 'Paths in the image start with /, e.g. /opt/mlops/model/model.pkl.' });
    const normal = external_node_path_default().posix.normalize(imagePath);
    if (normal !== imagePath || imagePath.endsWith('/') || imagePath === '/') {
        throw new errors/* ConfigurationError */.j1(`image path ${JSON.stringify(imagePath)} is not a normalized file path`, { hint: "Write it without '.', '..', '//' or a trailing '/'." });
    }
    return imagePath.slice(1);
}
/**
 * The new config and OCI manifest: the base config with the new layers' diff_ids and one history
 * entry each, the changes applied and `created` fixed; the manifest lists the base layers (their
 * media types kept: Docker's gzip layer type is valid in an OCI manifest) then the new ones.
 */
function assembleImage(base, newLayers, changes, options = {}) {
    const created = options.created ?? DEFAULT_CREATED;
    checkTimestamp(created);
    const config = parseBaseConfig(base.config);
    const rootfs = config.rootfs;
    if (!isPlainObject(rootfs) || rootfs.type !== 'layers' || !Array.isArray(rootfs.diff_ids) || !rootfs.diff_ids.every((id) => typeof id === 'string')) {
        throw new Error('the base image config has no rootfs of type "layers" with a diff_ids list');
    }
    if (rootfs.diff_ids.length !== base.layers.length) {
        throw new Error(`the base image config lists ${rootfs.diff_ids.length} diff_ids but its manifest ${base.layers.length} layers`);
    }
    for (const layer of [...base.layers, ...newLayers])
        image_checkDigest(layer.digest, 'layer digest');
    for (const layer of newLayers)
        image_checkDigest(layer.diffId, 'layer diffId');
    config.created = created;
    config.rootfs = { ...rootfs, type: 'layers', diff_ids: [...rootfs.diff_ids, ...newLayers.map((layer) => layer.diffId)] };
    const history = Array.isArray(config.history) ? config.history : [];
    config.history = [...history, ...newLayers.map((layer) => ({ created, created_by: `${HISTORY_CREATED_BY_PREFIX}${layer.comment}` }))];
    config.config = applyChanges(isPlainObject(config.config) ? config.config : {}, changes);
    const configBytes = Buffer.from(canonicalJson(config), 'utf8');
    const configDigest = image_sha256Digest(configBytes);
    const layers = [...base.layers, ...newLayers].map(({ digest, size, mediaType }) => ({ digest, size, mediaType }));
    const manifest = {
        schemaVersion: 2,
        mediaType: image_OCI_MANIFEST_MEDIA_TYPE,
        config: { mediaType: OCI_CONFIG_MEDIA_TYPE, digest: configDigest, size: configBytes.length },
        layers,
    };
    if (options.annotations !== undefined && Object.keys(options.annotations).length > 0)
        manifest.annotations = checkStringMap(options.annotations, 'annotation');
    const manifestBytes = Buffer.from(canonicalJson(manifest), 'utf8');
    return { config: configBytes, configDigest, manifest: manifestBytes, manifestDigest: image_sha256Digest(manifestBytes), manifestMediaType: image_OCI_MANIFEST_MEDIA_TYPE, layers };
}
function parseBaseConfig(config) {
    let parsed = config;
    if (Buffer.isBuffer(config)) {
        try {
            parsed = JSON.parse(config.toString('utf8'));
        }
        catch (error) {
            throw new Error(`the base image config is not valid JSON: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
        }
    }
    if (!isPlainObject(parsed))
        throw new Error('the base image config is not a JSON object');
    // A deep copy: the caller's object is left as it was.
    return JSON.parse(JSON.stringify(parsed));
}
/** The container config (Docker's field names, which the OCI image config shares) with the changes applied. */
function applyChanges(base, changes) {
    const out = { ...base };
    if (changes.env !== undefined)
        out.Env = mergeEnv(Array.isArray(base.Env) ? base.Env.filter((item) => typeof item === 'string') : [], changes.env);
    if (changes.entrypoint !== undefined) {
        out.Entrypoint = checkStringList(changes.entrypoint, 'entrypoint');
        if (changes.cmd === undefined)
            delete out.Cmd;
    }
    if (changes.cmd !== undefined)
        out.Cmd = checkStringList(changes.cmd, 'cmd');
    if (changes.user !== undefined)
        out.User = changes.user;
    if (changes.workingDir !== undefined) {
        if (!changes.workingDir.startsWith('/'))
            throw new errors/* ConfigurationError */.j1(`working directory ${JSON.stringify(changes.workingDir)} is not absolute`);
        out.WorkingDir = changes.workingDir;
    }
    if (changes.exposedPorts !== undefined) {
        const ports = {};
        for (const port of changes.exposedPorts) {
            if (!Number.isInteger(port) || port < 1 || port > 65_535)
                throw new errors/* ConfigurationError */.j1(`exposed port ${port} is not a port number from 1 to 65535`);
            ports[`${port}/tcp`] = {};
        }
        out.ExposedPorts = ports;
    }
    if (changes.labels !== undefined) {
        const inherited = isPlainObject(base.Labels) ? base.Labels : {};
        out.Labels = { ...inherited, ...checkStringMap(changes.labels, 'label') };
    }
    if (changes.healthcheck !== undefined)
        out.Healthcheck = healthcheckConfig(changes.healthcheck);
    return out;
}
/** Base variables keep their place with the new value; new ones follow in name order. */
function mergeEnv(baseEnv, env) {
    const baseValues = new Map();
    for (const item of baseEnv) {
        const equals = item.indexOf('=');
        if (equals > 0)
            baseValues.set(item.slice(0, equals), item.slice(equals + 1));
    }
    const updates = new Map();
    for (const [name, value] of Object.entries(env)) {
        if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name))
            throw new errors/* ConfigurationError */.j1(`environment variable name ${JSON.stringify(name)} is not valid`, { hint: 'Use letters, digits and _, not starting with a digit.' });
        if (typeof value !== 'string' || value.includes('\u0000'))
            throw new errors/* ConfigurationError */.j1(`environment variable ${name} needs a string value without NUL characters`);
        const previous = baseValues.get(name) ?? '';
        // Only the variable's own previous value, as `ENV PATH=/x:$PATH` in a Dockerfile, most often PATH.
        updates.set(name, value.replace(new RegExp(`\\$(?:\\{${name}\\}|${name}(?![A-Za-z0-9_]))`, 'g'), () => previous));
    }
    const merged = [];
    const seen = new Set();
    for (const item of baseEnv) {
        const equals = item.indexOf('=');
        const name = equals > 0 ? item.slice(0, equals) : item;
        if (seen.has(name))
            continue;
        seen.add(name);
        merged.push(updates.has(name) ? `${name}=${updates.get(name)}` : item);
    }
    for (const name of [...updates.keys()].sort(compareStrings))
        if (!seen.has(name))
            merged.push(`${name}=${updates.get(name)}`);
    return merged;
}
const NANOSECONDS_PER_SECOND = 1_000_000_000;
/** Docker's Healthcheck: durations in nanoseconds. */
function healthcheckConfig(check) {
    const test = checkStringList(check.test, 'healthcheck test');
    const kind = test[0];
    if (kind === 'NONE') {
        if (test.length !== 1)
            throw new errors/* ConfigurationError */.j1('a healthcheck test ["NONE"] takes no arguments');
    }
    else if (kind === 'CMD' || kind === 'CMD-SHELL') {
        if (test.length < 2)
            throw new errors/* ConfigurationError */.j1(`a healthcheck test ["${kind}", ...] needs a command`);
        if (kind === 'CMD-SHELL' && test.length !== 2)
            throw new errors/* ConfigurationError */.j1('a healthcheck test ["CMD-SHELL", command] takes one command string');
    }
    else {
        throw new errors/* ConfigurationError */.j1(`a healthcheck test starts with "CMD", "CMD-SHELL" or "NONE", not ${JSON.stringify(kind ?? '')}`);
    }
    const seconds = (value, name) => {
        if (!Number.isFinite(value) || value < 0)
            throw new errors/* ConfigurationError */.j1(`healthcheck ${name} must be a number of seconds of 0 or more, got ${value}`);
        return Math.round(value * NANOSECONDS_PER_SECOND);
    };
    if (!Number.isInteger(check.retries) || check.retries < 0)
        throw new errors/* ConfigurationError */.j1(`healthcheck retries must be a whole number of 0 or more, got ${check.retries}`);
    return {
        Test: test,
        Interval: seconds(check.intervalSeconds, 'interval'),
        Timeout: seconds(check.timeoutSeconds, 'timeout'),
        StartPeriod: seconds(check.startPeriodSeconds, 'start period'),
        Retries: check.retries,
    };
}
function checkStringList(list, what) {
    if (!Array.isArray(list) || !list.every((item) => typeof item === 'string'))
        throw new errors/* ConfigurationError */.j1(`${what} must be a list of strings`);
    return [...list];
}
function checkStringMap(map, what) {
    const out = {};
    for (const [name, value] of Object.entries(map)) {
        if (name === '')
            throw new errors/* ConfigurationError */.j1(`a ${what} has an empty name`);
        if (typeof value !== 'string')
            throw new errors/* ConfigurationError */.j1(`${what} ${name} must have a string value`);
        out[name] = value;
    }
    return out;
}
function checkTimestamp(created) {
    if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(created) || Number.isNaN(Date.parse(created))) {
        throw new errors/* ConfigurationError */.j1(`image creation date ${JSON.stringify(created)} is not an RFC 3339 date-time`, { hint: 'Write it like 2024-05-01T12:00:00Z.' });
    }
}
function image_checkDigest(digest, what) {
    if (!/^sha256:[0-9a-f]{64}$/.test(digest))
        throw new Error(`${what} ${JSON.stringify(digest)} is not sha256:<64 lowercase hex digits>`);
}
/** JSON with object keys sorted by code unit at every level and no whitespace: one text per value. */
function canonicalJson(value) {
    if (Array.isArray(value))
        return `[${value.map((item) => (item === undefined ? 'null' : canonicalJson(item))).join(',')}]`;
    if (isPlainObject(value)) {
        const members = [];
        for (const key of Object.keys(value).sort(compareStrings))
            if (value[key] !== undefined)
                members.push(`${JSON.stringify(key)}:${canonicalJson(value[key])}`);
        return `{${members.join(',')}}`;
    }
    const text = JSON.stringify(value);
    if (text === undefined)
        throw new Error(`cannot write ${typeof value} as JSON`);
    return text;
}
function compareStrings(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}
function isPlainObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(7075);
// EXTERNAL MODULE: external "node:stream/promises"
var external_node_stream_promises_ = __webpack_require__(6466);
;// CONCATENATED MODULE: ./src/container/oci-layout.ts








/*
 * The OCI image layout (image-spec layout.md): an `oci-layout` file, `index.json` naming each
 * manifest by its `org.opencontainers.image.ref.name` annotation, and content-addressed blobs under
 * blobs/sha256/. skopeo (`oci:<dir>:<tag>`), umoci, crane and buildkit read and write it, so an
 * image written here can be pushed, inspected or unpacked by any of them, and a base image saved
 * by them can be used without a registry.
 */
const OCI_INDEX_MEDIA_TYPE = 'application/vnd.oci.image.index.v1+json';
const REF_NAME_ANNOTATION = 'org.opencontainers.image.ref.name';
const LAYOUT_FILE = 'oci-layout';
const INDEX_FILE = 'index.json';
const LAYOUT_VERSION = '1.0.0';
const DOCKER_MANIFEST_MEDIA_TYPE = 'application/vnd.docker.distribution.manifest.v2+json';
const DOCKER_LIST_MEDIA_TYPE = 'application/vnd.docker.distribution.manifest.list.v2+json';
/**
 * Writes image into the OCI layout at dir (created if missing) under tag: config, manifest and
 * every layer blob, then index.json. A blob already in dir is kept as it is; any other layer blob
 * must be among blobs. An index.json already there keeps its other tags; one with the same tag is
 * replaced. Files are written through a temporary name and renamed, index.json last, so a reader
 * never sees a manifest whose blobs are missing.
 */
async function writeOciLayout(dir, image, blobs, tag) {
    checkRefName(tag);
    const blobDir = external_node_path_default().join(dir, 'blobs', 'sha256');
    await (0,promises_.mkdir)(blobDir, { recursive: true });
    await writeIfChanged(external_node_path_default().join(dir, LAYOUT_FILE), Buffer.from(canonicalJson({ imageLayoutVersion: LAYOUT_VERSION }), 'utf8'));
    const sources = new Map();
    for (const blob of blobs) {
        image_checkDigest(blob.digest, 'blob digest');
        sources.set(blob.digest, blob);
    }
    const inline = [
        { digest: image.configDigest, content: image.config },
        { digest: image.manifestDigest, content: image.manifest },
    ];
    for (const blob of inline) {
        if (image_sha256Digest(blob.content) !== blob.digest)
            throw new Error(`the image's ${blob.digest} does not match its bytes`);
        sources.set(blob.digest, blob);
    }
    for (const layer of image.layers) {
        if (sources.has(layer.digest))
            continue;
        const existing = await (0,promises_.stat)(blobPath(dir, layer.digest)).catch(() => undefined);
        if (existing === undefined)
            throw new Error(`no blob given for layer ${layer.digest}, and ${dir} does not hold it`);
    }
    for (const blob of [...sources.values()].sort((a, b) => oci_layout_compareStrings(a.digest, b.digest)))
        await writeBlob(dir, blob);
    const manifests = (await readIndex(dir)).filter((descriptor) => descriptor.annotations?.[REF_NAME_ANNOTATION] !== tag);
    manifests.push({ mediaType: image.manifestMediaType, digest: image.manifestDigest, size: image.manifest.length, annotations: { [REF_NAME_ANNOTATION]: tag } });
    manifests.sort((a, b) => oci_layout_compareStrings(a.annotations?.[REF_NAME_ANNOTATION] ?? '', b.annotations?.[REF_NAME_ANNOTATION] ?? '') || oci_layout_compareStrings(a.digest, b.digest));
    await writeIfChanged(external_node_path_default().join(dir, INDEX_FILE), Buffer.from(canonicalJson({ schemaVersion: 2, mediaType: OCI_INDEX_MEDIA_TYPE, manifests }), 'utf8'));
}
/**
 * The image named tag in the OCI layout at dir: its manifest and config (digests checked) and its
 * layers with the blob file of each (present and of the right size; not hashed, as layers can be
 * large). Without a tag, the layout must hold exactly one. A tag naming an image index (a
 * multi-platform image) resolves to the manifest for `platform`, linux/amd64 by default.
 */
async function readOciLayout(dir, tag, options = {}) {
    const layout = await readFile(path.join(dir, LAYOUT_FILE), 'utf8').catch(() => undefined);
    if (layout === undefined)
        throw new ConfigurationError(`${dir} is not an OCI image layout: it has no ${LAYOUT_FILE} file`, { hint: 'Save the image with `skopeo copy docker://<image> oci:<dir>:<tag>`.' });
    const version = parseJson(layout, path.join(dir, LAYOUT_FILE)).imageLayoutVersion;
    if (typeof version !== 'string' || !version.startsWith('1.'))
        throw new ConfigurationError(`${dir}: unsupported OCI layout version ${JSON.stringify(version)}`);
    const manifests = await readIndex(dir);
    const names = manifests.map((item) => item.annotations?.[REF_NAME_ANNOTATION]).filter((name) => name !== undefined);
    const descriptor = tag === undefined ? (manifests.length === 1 ? manifests[0] : undefined) : manifests.find((item) => item.annotations?.[REF_NAME_ANNOTATION] === tag);
    if (descriptor === undefined) {
        const problem = tag === undefined ? `holds ${manifests.length} images and no tag was given` : `has no image tagged ${JSON.stringify(tag)}`;
        throw new ConfigurationError(`${dir} ${problem}; it has: ${names.join(', ') || '(none tagged)'}`);
    }
    let manifestDescriptor = descriptor;
    let manifestBytes = await readBlob(dir, manifestDescriptor);
    let manifest = parseJson(manifestBytes.toString('utf8'), `manifest ${manifestDescriptor.digest}`);
    if (manifestDescriptor.mediaType === OCI_INDEX_MEDIA_TYPE || manifestDescriptor.mediaType === DOCKER_LIST_MEDIA_TYPE || Array.isArray(manifest.manifests)) {
        const platform = options.platform ?? 'linux/amd64';
        const [os, architecture, variant] = platform.split('/');
        const entries = (Array.isArray(manifest.manifests) ? manifest.manifests : []);
        const chosen = entries.find((item) => item.platform?.os === os && item.platform?.architecture === architecture && (variant === undefined || item.platform?.variant === variant));
        if (chosen === undefined) {
            const offered = entries.map((item) => [item.platform?.os, item.platform?.architecture, item.platform?.variant].filter(Boolean).join('/'));
            throw new ConfigurationError(`the image ${tag ?? ''} in ${dir} has no ${platform} variant; it has: ${offered.join(', ')}`);
        }
        manifestDescriptor = chosen;
        manifestBytes = await readBlob(dir, chosen);
        manifest = parseJson(manifestBytes.toString('utf8'), `manifest ${chosen.digest}`);
    }
    const manifestDigest = manifestDescriptor.digest;
    const mediaType = manifest.mediaType ?? manifestDescriptor.mediaType;
    if (mediaType !== OCI_MANIFEST_MEDIA_TYPE && mediaType !== DOCKER_MANIFEST_MEDIA_TYPE)
        throw new Error(`manifest ${manifestDigest} in ${dir} has unsupported media type ${JSON.stringify(mediaType)}`);
    const configDescriptor = manifest.config;
    if (configDescriptor === undefined || !Array.isArray(manifest.layers))
        throw new Error(`manifest ${manifestDigest} in ${dir} has no config or layers`);
    const config = await readBlob(dir, configDescriptor);
    const layers = [];
    for (const layer of manifest.layers) {
        checkDigest(layer.digest, 'layer digest');
        const file = blobPath(dir, layer.digest);
        const info = await stat(file).catch(() => undefined);
        if (info === undefined)
            throw new Error(`${dir} is missing the blob of layer ${layer.digest}`);
        if (info.size !== layer.size)
            throw new Error(`${dir}: the blob of layer ${layer.digest} has ${info.size} bytes, its manifest says ${layer.size}`);
        layers.push({ digest: layer.digest, size: layer.size, mediaType: layer.mediaType, file });
    }
    return { manifest: manifestBytes, manifestDigest, config, configDigest: configDescriptor.digest, layers };
}
/** blobs/sha256/<hex> of a digest in dir. */
function blobPath(dir, digest) {
    image_checkDigest(digest, 'blob digest');
    return external_node_path_default().join(dir, 'blobs', 'sha256', digest.slice('sha256:'.length));
}
async function readIndex(dir) {
    const file = external_node_path_default().join(dir, INDEX_FILE);
    const text = await (0,promises_.readFile)(file, 'utf8').catch((error) => {
        if (error.code === 'ENOENT')
            return undefined;
        throw error;
    });
    if (text === undefined)
        return [];
    const index = parseJson(text, file);
    if (!Array.isArray(index.manifests))
        throw new Error(`${file} has no manifests list`);
    return index.manifests;
}
/** A small blob (manifest, config, index), its size and digest checked. */
async function readBlob(dir, descriptor) {
    const file = blobPath(dir, descriptor.digest);
    const bytes = await readFile(file).catch(() => {
        throw new Error(`${dir} is missing the blob ${descriptor.digest}`);
    });
    if (bytes.length !== descriptor.size)
        throw new Error(`${dir}: blob ${descriptor.digest} has ${bytes.length} bytes, its descriptor says ${descriptor.size}`);
    if (sha256Digest(bytes) !== descriptor.digest)
        throw new Error(`${dir}: blob ${descriptor.digest} does not match its digest`);
    return bytes;
}
async function writeBlob(dir, blob) {
    const target = blobPath(dir, blob.digest);
    if ((await (0,promises_.stat)(target).catch(() => undefined)) !== undefined)
        return;
    const temporary = `${target}.${process.pid}.tmp`;
    try {
        let actual;
        if (blob.content !== undefined) {
            actual = image_sha256Digest(blob.content);
            if (actual === blob.digest)
                await (0,promises_.writeFile)(temporary, blob.content);
        }
        else if (blob.file !== undefined) {
            const hash = (0,external_node_crypto_.createHash)('sha256');
            await (0,external_node_stream_promises_.pipeline)((0,external_node_fs_.createReadStream)(blob.file, { highWaterMark: 4 << 20 }), hashTap(hash), (0,external_node_fs_.createWriteStream)(temporary));
            actual = `sha256:${hash.digest('hex')}`;
        }
        else {
            throw new Error(`blob ${blob.digest} has neither a file nor content`);
        }
        if (actual !== blob.digest)
            throw new Error(`blob ${blob.digest}${blob.file === undefined ? '' : ` (${blob.file})`} has digest ${actual}`);
        await (0,promises_.rename)(temporary, target);
    }
    catch (error) {
        await (0,promises_.unlink)(temporary).catch(() => undefined);
        throw error;
    }
}
function hashTap(hash) {
    return new external_node_stream_.Transform({
        transform(chunk, _encoding, callback) {
            hash.update(chunk);
            callback(null, chunk);
        },
    });
}
/** Leaves a file with the same bytes untouched (its mtime too); else writes it whole. */
async function writeIfChanged(file, content) {
    const current = await (0,promises_.readFile)(file).catch(() => undefined);
    if (current !== undefined && current.equals(content))
        return;
    const temporary = `${file}.${process.pid}.tmp`;
    await (0,promises_.writeFile)(temporary, content);
    await (0,promises_.rename)(temporary, file);
}
/** image-spec annotations.md: ref ::= component ("/" component)*, component ::= alphanum (separator alphanum)*. */
function checkRefName(tag) {
    const component = '[A-Za-z0-9]+(?:(?:[-._:@+]|--)[A-Za-z0-9]+)*';
    if (!new RegExp(`^${component}(?:/${component})*$`).test(tag)) {
        throw new errors/* ConfigurationError */.j1(`${JSON.stringify(tag)} is not a valid OCI layout reference name`, { hint: 'Use letters and digits joined by - . _ : @ + or /, e.g. 1.2.0 or model-server:latest.' });
    }
}
function parseJson(text, what) {
    let value;
    try {
        value = JSON.parse(text);
    }
    catch (error) {
        throw new Error(`${what} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value))
        throw new Error(`${what} is not a JSON object`);
    return value;
}
function oci_layout_compareStrings(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}

;// CONCATENATED MODULE: ./src/container/reference.ts

const DOCKER_HUB = 'docker.io';
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
function isValidRepository(name) {
    return REPOSITORY_PATTERN.test(name);
}
function isValidTag(tag) {
    return TAG_PATTERN.test(tag);
}
/** sha256 and sha512 digests in canonical (lowercase hex) form; other algorithms are not used by registries. */
function isValidDigest(digest) {
    return DIGEST_PATTERN.test(digest);
}
function parseImageReference(ref) {
    const fail = (why) => {
        throw new errors/* ConfigurationError */.j1(`invalid image reference ${JSON.stringify(ref)}: ${why}`, { hint: EXAMPLE });
    };
    if (ref.length === 0)
        fail('it is empty');
    if (/\s/.test(ref))
        fail('it contains white space');
    if (/^[a-f0-9]{64}$/.test(ref))
        fail('a 64-digit hex string is an image id, not a reference; prefix the digest with the repository and @sha256:');
    let rest = ref;
    let digest;
    const at = rest.indexOf('@');
    if (at >= 0) {
        digest = rest.slice(at + 1);
        rest = rest.slice(0, at);
        if (!isValidDigest(digest))
            fail(`the digest ${JSON.stringify(digest)} is not sha256: followed by 64 lowercase hex digits`);
    }
    let registry = DOCKER_HUB;
    const slash = rest.indexOf('/');
    if (slash >= 0) {
        const first = rest.slice(0, slash);
        if (first.includes('.') || first.includes(':') || first === 'localhost' || first !== first.toLowerCase()) {
            registry = first;
            rest = rest.slice(slash + 1);
            if (!REGISTRY_PATTERN.test(registry))
                fail(`the registry ${JSON.stringify(registry)} is not a host name with an optional :port`);
        }
    }
    if (DOCKER_HUB_ALIASES.has(registry))
        registry = DOCKER_HUB;
    // After the registry is split off, a ':' can only start the tag: repository paths have none.
    let tag;
    const colon = rest.lastIndexOf(':');
    if (colon >= 0) {
        tag = rest.slice(colon + 1);
        rest = rest.slice(0, colon);
        if (!isValidTag(tag))
            fail(`the tag ${JSON.stringify(tag)} must be 1 to 128 letters, digits, '_', '.' or '-', not starting with '.' or '-'`);
    }
    if (rest.length === 0)
        fail('the repository name is missing');
    if (!isValidRepository(rest)) {
        if (isValidRepository(rest.toLowerCase()))
            fail(`the repository ${JSON.stringify(rest)} must be lowercase (${rest.toLowerCase()})`);
        fail(`the repository ${JSON.stringify(rest)} must be lowercase letters and digits in '/'-separated parts, joined inside a part by '.', '_', '__' or dashes`);
    }
    let repository = rest;
    if (registry === DOCKER_HUB && !repository.includes('/'))
        repository = `library/${repository}`;
    if (registry.length + 1 + repository.length > NAME_MAX)
        fail(`the name is longer than ${NAME_MAX} characters`);
    const result = { registry, repository };
    if (tag !== undefined)
        result.tag = tag;
    if (digest !== undefined)
        result.digest = digest;
    return result;
}
/** The fully qualified form; `parseImageReference` reads it back to the same value. */
function formatImageReference(r) {
    return `${r.registry}/${r.repository}${r.tag !== undefined ? `:${r.tag}` : ''}${r.digest !== undefined ? `@${r.digest}` : ''}`;
}
/** True for localhost and the loopback addresses, where a registry is reached over plain HTTP. */
function isLoopbackHost(host) {
    const h = host.toLowerCase();
    return h === 'localhost' || h.endsWith('.localhost') || /^127(?:\.\d{1,3}){3}$/.test(h) || h === '::1' || h === '[::1]';
}
/** The host of a `host[:port]` registry name, IPv6 brackets kept. */
function registryHostname(registry) {
    if (registry.startsWith('['))
        return registry.slice(0, registry.indexOf(']') + 1);
    const colon = registry.indexOf(':');
    return colon >= 0 ? registry.slice(0, colon) : registry;
}
/**
 * Where the registry's /v2/ API answers. Docker Hub's API lives on its own host. Like Docker, a
 * registry on loopback is spoken to over HTTP; any other only when `insecure` says so.
 */
function registryBaseUrl(registry, insecure = false) {
    if (DOCKER_HUB_ALIASES.has(registry.toLowerCase()))
        return DOCKER_HUB_API;
    const scheme = insecure || isLoopbackHost(registryHostname(registry)) ? 'http' : 'https';
    return `${scheme}://${registry}`;
}

// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(7067);
var external_node_http_default = /*#__PURE__*/__webpack_require__.n(external_node_http_);
// EXTERNAL MODULE: external "node:https"
var external_node_https_ = __webpack_require__(4708);
var external_node_https_default = /*#__PURE__*/__webpack_require__.n(external_node_https_);
;// CONCATENATED MODULE: ./src/platform/units.ts
const MIB = 1024 * 1024;
/** A size for people: `512 B`, `1.5 KiB`, `12.3 MiB`, `1.25 GiB`. */
function formatBytes(bytes) {
    if (bytes < 1024)
        return `${bytes} B`;
    if (bytes < MIB)
        return `${(bytes / 1024).toFixed(1)} KiB`;
    if (bytes < 1024 * MIB)
        return `${(bytes / MIB).toFixed(1)} MiB`;
    return `${(bytes / (1024 * MIB)).toFixed(2)} GiB`;
}

;// CONCATENATED MODULE: ./src/container/registry.ts









/*
 * A client of the OCI distribution API (the Docker registry HTTP API v2), enough to build an
 * image without a Docker daemon: read a base image's manifest and config, push blobs and
 * manifests.
 *
 * It speaks node:http directly rather than fetch so that each request is one exchange on one
 * connection whose body, headers and failure are fully known: a PATCH that broke half-way must be
 * told from one that was answered, and a redirect to blob storage must not carry the registry's
 * Authorization header.
 *
 * Uploads resume. Each PATCH carries one chunk held in memory (at most `chunkSize` bytes), so a
 * failed chunk is sent again without re-reading the source; after a failure the client asks the
 * registry how much it has (GET on the upload URL → `Range: 0-<last>`) and continues from there.
 * A registry that dropped the session (404) gets the blob from the start. After a failed final
 * PUT the blob may well be committed, so the client asks (HEAD) before sending anything again.
 */
const MEDIA_TYPES = {
    ociManifest: 'application/vnd.oci.image.manifest.v1+json',
    ociIndex: 'application/vnd.oci.image.index.v1+json',
    dockerManifest: 'application/vnd.docker.distribution.manifest.v2+json',
    dockerManifestList: 'application/vnd.docker.distribution.manifest.list.v2+json',
};
const INDEX_TYPES = new Set([MEDIA_TYPES.ociIndex, MEDIA_TYPES.dockerManifestList]);
const IMAGE_TYPES = new Set([MEDIA_TYPES.ociManifest, MEDIA_TYPES.dockerManifest]);
const MANIFEST_ACCEPT = [MEDIA_TYPES.ociManifest, MEDIA_TYPES.ociIndex, MEDIA_TYPES.dockerManifest, MEDIA_TYPES.dockerManifestList].join(', ');
const DEFAULT_PLATFORM = { os: 'linux', architecture: 'amd64' };
const registry_MIB = 1024 * 1024;
/** Distribution refuses manifests above 4 MiB; a larger answer is not a manifest. */
const MAX_MANIFEST_BYTES = 4 * registry_MIB;
/** Error bodies are read for their message, no further. */
const MAX_ERROR_BYTES = 64 * 1024;
const MAX_REDIRECTS = 5;
const MAX_RETRY_AFTER_MS = 60_000;
/** A token is renewed this long before the registry says it expires. */
const TOKEN_MARGIN_MS = 10_000;
/** Docker's token specification: a token without expires_in lasts 60 s. */
const DEFAULT_TOKEN_SECONDS = 60;
/** The registry failed or answered something this client cannot use: not the user's mistake. */
class RegistryError extends Error {
    registry;
    status;
    constructor(message, options) {
        super(message, options.cause === undefined ? undefined : { cause: options.cause });
        this.name = 'RegistryError';
        this.registry = options.registry;
        this.status = options.status;
    }
}
/** A blob source over bytes in memory. */
function blobFromBuffer(data) {
    return { digest: image_sha256Digest(data), size: data.length, openAt: (offset) => external_node_stream_.Readable.from([data.subarray(offset)]) };
}
/** A blob source over a file, hashed once here; the file must not change until it is pushed. */
async function blobFromFile(file) {
    const hash = createHash('sha256');
    let size = 0;
    for await (const chunk of createReadStream(file)) {
        hash.update(chunk);
        size += chunk.length;
    }
    return { digest: `sha256:${hash.digest('hex')}`, size, openAt: (offset) => createReadStream(file, { start: offset }) };
}
/** Connection failures worth another attempt. ECONNREFUSED only once the registry has answered. */
const RETRIABLE_CODES = new Set(['ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ECONNABORTED', 'ERR_STREAM_PREMATURE_CLOSE']);
/** Before any answer, these mean the address is wrong or nothing listens there. */
const UNREACHABLE_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ETIMEDOUT']);
const TLS_CODE = /^(?:EPROTO|ERR_SSL_|ERR_TLS_|CERT_|UNABLE_TO_|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN)/;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);
class RegistryClient {
    registry;
    baseUrl;
    stats = { bytesUploaded: 0, blobsExisting: 0, blobsMounted: 0, blobsUploaded: 0, requests: 0, retries: 0 };
    base;
    credentials;
    insecure;
    retries;
    retryDelayMs;
    chunkSize;
    timeoutMs;
    logger;
    httpAgent = new (external_node_http_default()).Agent({ keepAlive: true, maxSockets: 8 });
    httpsAgent = new (external_node_https_default()).Agent({ keepAlive: true, maxSockets: 8 });
    /** How the registry wants to be authenticated, learned from its first 401. */
    challenge;
    tokens = new Map();
    /** Every token received, so that none can leak into a message. */
    secrets = new Set();
    /** Whether the registry has ever answered: a refused connection after that is a hiccup, before it a wrong address. */
    answered = false;
    constructor(options) {
        this.registry = options.registry;
        this.baseUrl = registryBaseUrl(options.registry, options.insecure ?? false);
        this.base = new URL(this.baseUrl);
        this.credentials = options.credentials;
        this.insecure = options.insecure ?? false;
        this.retries = nonNegativeInteger(options.retries ?? 4, 'retries');
        this.retryDelayMs = nonNegativeInteger(options.retryDelayMs ?? 500, 'retryDelayMs');
        this.chunkSize = nonNegativeInteger(options.chunkSize ?? 16 * registry_MIB, 'chunkSize');
        if (this.chunkSize === 0)
            throw new RangeError('chunkSize must be at least 1 byte');
        this.timeoutMs = nonNegativeInteger(options.timeoutMs ?? 120_000, 'timeoutMs');
        this.logger = options.logger;
        if (this.credentials) {
            this.secrets.add(this.credentials.password);
            this.secrets.add(basicHeader(this.credentials).slice('Basic '.length));
        }
    }
    /** Closes the kept-alive connections. The client still works afterwards, on new ones. */
    close() {
        this.httpAgent.destroy();
        this.httpsAgent.destroy();
    }
    // ---------------------------------------------------------------------------------------------
    // Manifests
    /**
     * The manifest of `repository` at a tag or digest. An index (or Docker manifest list) is
     * resolved to the manifest for `platform`.
     */
    async getManifest(repository, reference, platform = DEFAULT_PLATFORM) {
        this.checkRepository(repository);
        this.checkReference(reference);
        const top = await this.fetchManifest(repository, reference);
        if (!INDEX_TYPES.has(top.mediaType))
            return top;
        const entries = Array.isArray(top.json.manifests) ? top.json.manifests : [];
        const chosen = entries.find((entry) => matchesPlatform(entry.platform, platform));
        const name = this.imageName(repository, reference);
        if (!chosen) {
            const available = entries
                .map((entry) => entry.platform)
                .filter((p) => p !== undefined && p.os !== 'unknown')
                .map(platformName);
            throw new errors/* ConfigurationError */.j1(`the image ${name} has no ${platformName(platform)} variant (it has ${available.length > 0 ? available.join(', ') : 'none with a platform'})`, {
                hint: `Use a base image built for ${platformName(platform)}, or build for one of the platforms it has.`,
            });
        }
        if (typeof chosen.digest !== 'string' || !isValidDigest(chosen.digest)) {
            throw new RegistryError(`the index of ${name} lists ${platformName(platform)} with an invalid digest`, { registry: this.registry });
        }
        const resolved = await this.fetchManifest(repository, chosen.digest);
        if (!IMAGE_TYPES.has(resolved.mediaType)) {
            throw new RegistryError(`the index of ${name} points ${platformName(platform)} at a ${resolved.mediaType}, not an image manifest`, { registry: this.registry });
        }
        return resolved;
    }
    /** Stores a manifest under a tag (or its digest); returns its digest. */
    async putManifest(repository, reference, body, mediaType) {
        this.checkRepository(repository);
        this.checkReference(reference);
        const digest = image_sha256Digest(body);
        if (isValidDigest(reference) && reference !== digest) {
            throw new RangeError(`putManifest: the manifest's digest is ${digest}, not the reference ${reference}`);
        }
        const response = await this.send({
            method: 'PUT',
            url: this.url(`/v2/${repository}/manifests/${reference}`),
            headers: { 'Content-Type': mediaType },
            body,
            scopes: [pushScope(repository)],
            repository,
        });
        if (response.status < 200 || response.status > 299)
            throw this.unexpected('PUT', response);
        const told = header(response, 'docker-content-digest');
        if (told !== undefined && told !== digest) {
            throw new RegistryError(`the registry ${this.registry} stored the manifest ${this.imageName(repository, reference)} as ${told}, but its bytes hash to ${digest}`, {
                registry: this.registry,
            });
        }
        this.logger?.debug(`pushed manifest ${this.imageName(repository, reference)} (${digest})`);
        return digest;
    }
    // ---------------------------------------------------------------------------------------------
    // Blobs
    /** The blob's bytes, checked against its digest. Redirects (to blob storage) are followed. */
    async getBlob(repository, digest) {
        this.checkRepository(repository);
        this.checkDigest(digest);
        const response = await this.send({
            method: 'GET',
            url: this.url(`/v2/${repository}/blobs/${digest}`),
            scopes: [pullScope(repository)],
            repository,
            followRedirects: true,
            maxBody: Number.MAX_SAFE_INTEGER,
        });
        if (response.status === 404) {
            throw new RegistryError(`the registry ${this.registry} has no blob ${digest} in ${repository}`, { registry: this.registry, status: 404 });
        }
        if (response.status !== 200)
            throw this.unexpected('GET', response);
        const actual = digestOf(response.body, digest);
        if (actual !== digest) {
            throw new RegistryError(`the blob ${digest} from ${this.registry}/${repository} hashes to ${actual}: it was corrupted in transit or in storage`, { registry: this.registry });
        }
        return response.body;
    }
    /** The blob's size when the repository has it, else undefined. */
    async hasBlob(repository, digest) {
        this.checkRepository(repository);
        this.checkDigest(digest);
        return this.headBlob(repository, digest, [pullScope(repository)]);
    }
    /**
     * Links a blob of another repository of the same registry into `repository` without sending it.
     * False when the registry cannot (blob unknown there, or mounting unsupported); the upload
     * session it opened instead is cancelled.
     */
    async mountBlob(repository, digest, fromRepository) {
        this.checkRepository(repository);
        this.checkRepository(fromRepository);
        this.checkDigest(digest);
        const started = await this.startUpload(repository, { digest, from: fromRepository });
        if (started.mounted) {
            this.stats.blobsMounted += 1;
            return true;
        }
        await this.cancelUpload(repository, started.location);
        return false;
    }
    /**
     * Makes sure `repository` has the blob: nothing to do when it has it, a mount when
     * `fromRepository` has it, otherwise an upload (one PUT up to `chunkSize`, PATCH chunks above).
     */
    async pushBlob(repository, source, options = {}) {
        this.checkRepository(repository);
        this.checkDigest(source.digest);
        if (!Number.isSafeInteger(source.size) || source.size < 0)
            throw new RangeError(`pushBlob: size ${source.size} of ${source.digest} is not a byte count`);
        if (!source.open && !source.openAt)
            throw new TypeError('pushBlob: the blob source needs open() or openAt(offset)');
        const scopes = [pushScope(repository)];
        if ((await this.headBlob(repository, source.digest, scopes)) !== undefined) {
            this.stats.blobsExisting += 1;
            this.logger?.debug(`${repository} already has ${source.digest}`);
            return 'exists';
        }
        let session;
        const from = options.fromRepository;
        if (from !== undefined && from !== repository) {
            this.checkRepository(from);
            let started;
            try {
                started = await this.startUpload(repository, { digest: source.digest, from });
            }
            catch (error) {
                // Credentials that may push here but not read `from` are refused the mount; a plain
                // upload needs no access to `from`. Refused credentials are refused again below.
                if (!(error instanceof errors/* ConfigurationError */.j1))
                    throw error;
                this.logger?.debug(`could not mount ${source.digest} from ${from}: ${error.message}; uploading it`);
            }
            if (started?.mounted) {
                this.stats.blobsMounted += 1;
                this.logger?.debug(`mounted ${source.digest} into ${repository} from ${from}`);
                return 'mounted';
            }
            session = started?.location;
        }
        await this.upload(repository, source, session);
        this.stats.blobsUploaded += 1;
        this.logger?.debug(`uploaded ${source.digest} (${formatBytes(source.size)}) to ${repository}`);
        return 'uploaded';
    }
    async headBlob(repository, digest, scopes) {
        const response = await this.send({ method: 'HEAD', url: this.url(`/v2/${repository}/blobs/${digest}`), scopes, repository, followRedirects: true });
        if (response.status === 404)
            return undefined;
        if (response.status !== 200)
            throw this.unexpected('HEAD', response);
        const length = Number(header(response, 'content-length'));
        return Number.isSafeInteger(length) && length >= 0 ? length : 0;
    }
    /** POST …/blobs/uploads/: a new session, or a finished mount. */
    async startUpload(repository, mount) {
        const url = this.url(`/v2/${repository}/blobs/uploads/`);
        const scopes = [pushScope(repository)];
        if (mount) {
            url.searchParams.set('mount', mount.digest);
            url.searchParams.set('from', mount.from);
            scopes.push(pullScope(mount.from));
        }
        const response = await this.send({ method: 'POST', url, scopes, repository });
        if (mount && response.status === 201)
            return { mounted: true };
        if (response.status !== 202)
            throw this.unexpected('POST', response);
        return { mounted: false, location: this.uploadLocation(response) };
    }
    async cancelUpload(repository, location) {
        try {
            const response = await this.send({ method: 'DELETE', url: location, scopes: [pushScope(repository)], repository });
            if (response.status >= 300 && response.status !== 404)
                this.logger?.debug(`cancelling an upload session answered ${response.status}`);
        }
        catch (error) {
            if (error instanceof errors/* ConfigurationError */.j1)
                throw error;
            // The registry purges abandoned sessions itself; failing the push for this would be wrong.
            this.logger?.debug(`could not cancel an upload session: ${this.redact(errorText(error))}`);
        }
    }
    async upload(repository, source, session) {
        const { digest, size } = source;
        const scopes = [pushScope(repository)];
        const monolithic = size <= this.chunkSize;
        const reader = new BlobReader(source);
        let location = session;
        let offset = 0;
        let failures = 0;
        let restarts = 0;
        const failed = async (method, reason) => {
            failures += 1;
            if (failures > this.retries) {
                throw new RegistryError(`uploading ${digest} to ${this.registry}/${repository} failed: ${method} ${reason}; gave up after ${failures} attempts`, { registry: this.registry });
            }
            await this.pause(failures, `${method} of ${digest} failed (${reason})`);
        };
        const restart = (why) => {
            restarts += 1;
            if (restarts > this.retries) {
                throw new RegistryError(`uploading ${digest} to ${this.registry}/${repository} failed: ${why}, ${restarts} times`, { registry: this.registry });
            }
            this.logger?.info(`${why}; sending ${digest} again from the start`);
            location = undefined;
            offset = 0;
        };
        try {
            for (;;) {
                if (!location) {
                    const started = await this.startUpload(repository);
                    if (started.mounted)
                        return;
                    location = started.location;
                    offset = 0;
                }
                if (!monolithic && offset < size) {
                    const length = Math.min(this.chunkSize, size - offset);
                    const chunk = await reader.read(offset, length);
                    this.stats.bytesUploaded += length;
                    const outcome = await this.tryOnce({
                        method: 'PATCH',
                        url: location,
                        headers: { 'Content-Type': 'application/octet-stream', 'Content-Range': `${offset}-${offset + length - 1}` },
                        body: chunk,
                        scopes,
                        repository,
                    });
                    if (outcome.ok && outcome.response.status === 202) {
                        location = this.uploadLocation(outcome.response, location);
                        const received = receivedBytes(header(outcome.response, 'range'), offset + length);
                        if (received === undefined || received > size) {
                            restart(`the registry reported an impossible upload range (${header(outcome.response, 'range') ?? 'none'})`);
                            continue;
                        }
                        offset = received;
                        failures = 0;
                        continue;
                    }
                    if (outcome.ok && outcome.response.status === 404) {
                        await failed('PATCH', '404: the upload session is gone');
                        restart('the registry dropped the upload session');
                        continue;
                    }
                    if (outcome.ok && outcome.response.status !== 416)
                        throw this.unexpected('PATCH', outcome.response);
                    await failed('PATCH', outcome.ok ? '416 range not satisfiable' : outcome.reason);
                    const point = await this.uploadStatus(repository, location);
                    if (point.gone) {
                        restart(point.why);
                        continue;
                    }
                    if (point.received > size) {
                        restart(`the registry holds ${point.received} bytes of a ${size}-byte blob`);
                        continue;
                    }
                    location = point.location;
                    if (point.received !== offset)
                        this.logger?.info(`resuming the upload of ${digest} at ${formatBytes(point.received)} of ${formatBytes(size)}`);
                    offset = point.received;
                    continue;
                }
                // The final PUT: the whole blob when it fits one request, else an empty body closing the chunks.
                const body = monolithic ? await reader.read(0, size) : Buffer.alloc(0);
                const url = new URL(location);
                url.searchParams.set('digest', digest);
                this.stats.bytesUploaded += body.length;
                const outcome = await this.tryOnce({ method: 'PUT', url, headers: { 'Content-Type': 'application/octet-stream' }, body, scopes, repository });
                if (outcome.ok && outcome.response.status === 201) {
                    const told = header(outcome.response, 'docker-content-digest');
                    if (told !== undefined && told !== digest) {
                        throw new RegistryError(`the registry ${this.registry} stored the blob ${digest} as ${told}`, { registry: this.registry });
                    }
                    return;
                }
                if (outcome.ok && outcome.response.status === 400) {
                    const text = this.errorText(outcome.response);
                    if (/DIGEST_INVALID|BLOB_UPLOAD_INVALID|SIZE_INVALID/.test(text)) {
                        throw new RegistryError(`the registry ${this.registry} did not accept the content of ${digest} (${size} bytes): ${text}. The source's bytes do not match its digest or size, or changed while being sent`, {
                            registry: this.registry,
                            status: 400,
                        });
                    }
                }
                if (outcome.ok && outcome.response.status !== 404)
                    throw this.unexpected('PUT', outcome.response);
                await failed('PUT', outcome.ok ? '404: the upload session is gone' : outcome.reason);
                // A PUT can fail after the registry committed the blob; never send a blob it already has.
                if ((await this.headBlob(repository, digest, scopes)) !== undefined)
                    return;
                if (monolithic || (outcome.ok && outcome.response.status === 404)) {
                    restart(monolithic ? 'the single-request upload failed' : 'the registry dropped the upload session');
                    continue;
                }
                const point = await this.uploadStatus(repository, location);
                if (point.gone || point.received !== size) {
                    restart(point.gone ? point.why : `the registry holds ${point.received} of ${size} bytes after the final request`);
                    continue;
                }
                location = point.location;
            }
        }
        finally {
            reader.close();
        }
    }
    /**
     * How much of the upload the registry holds. `gone` when the session is: the registry forgot it,
     * or (Distribution) refused it because a broken request left more bytes than its state says.
     */
    async uploadStatus(repository, location) {
        const response = await this.send({ method: 'GET', url: location, scopes: [pushScope(repository)], repository });
        if (response.status === 404)
            return { gone: true, why: 'the registry dropped the upload session' };
        if (response.status !== 204 && response.status !== 200)
            throw this.unexpected('GET', response);
        const next = this.uploadLocation(response, location);
        const received = receivedBytes(header(response, 'range'), undefined);
        if (received === undefined) {
            // `0-0` means both "nothing" and "one byte" in Distribution's answer; only a fresh start is safe.
            await this.cancelUpload(repository, next);
            return { gone: true, why: `the registry's upload range (${header(response, 'range') ?? 'none'}) does not say how much it holds` };
        }
        return { gone: false, location: next, received };
    }
    uploadLocation(response, fallback) {
        const location = header(response, 'location');
        if (location === undefined) {
            if (fallback)
                return fallback;
            throw new RegistryError(`the registry ${this.registry} started an upload without a Location header`, { registry: this.registry, status: response.status });
        }
        return new URL(location, response.url);
    }
    // ---------------------------------------------------------------------------------------------
    // Requests, retries and authentication
    async fetchManifest(repository, reference) {
        const response = await this.send({
            method: 'GET',
            url: this.url(`/v2/${repository}/manifests/${reference}`),
            headers: { Accept: MANIFEST_ACCEPT },
            scopes: [pullScope(repository)],
            repository,
            maxBody: MAX_MANIFEST_BYTES,
        });
        const name = this.imageName(repository, reference);
        if (response.status === 404) {
            throw new errors/* ConfigurationError */.j1(`image not found: ${name}`, {
                hint: 'Check the image name and tag, and that the image has been pushed to this registry.',
            });
        }
        if (response.status !== 200)
            throw this.unexpected('GET', response);
        const body = response.body;
        const digest = image_sha256Digest(body);
        if (isValidDigest(reference) && digestOf(body, reference) !== reference) {
            throw new RegistryError(`the manifest of ${name} hashes to ${digestOf(body, reference)}, not the digest asked for`, { registry: this.registry });
        }
        const told = header(response, 'docker-content-digest');
        if (told !== undefined && isValidDigest(told) && digestOf(body, told) !== told) {
            throw new RegistryError(`the manifest of ${name} hashes to ${digestOf(body, told)}, but the registry says ${told}`, { registry: this.registry });
        }
        let json;
        try {
            const parsed = JSON.parse(body.toString('utf8'));
            if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))
                throw new Error('not a JSON object');
            json = parsed;
        }
        catch (error) {
            throw new RegistryError(`the manifest of ${name} is not valid JSON: ${errorText(error)}`, { registry: this.registry, cause: error });
        }
        const contentType = header(response, 'content-type')?.split(';')[0]?.trim();
        const mediaType = typeof json.mediaType === 'string' && json.mediaType !== ''
            ? json.mediaType
            : contentType !== undefined && (INDEX_TYPES.has(contentType) || IMAGE_TYPES.has(contentType))
                ? contentType
                : Array.isArray(json.manifests)
                    ? MEDIA_TYPES.ociIndex
                    : MEDIA_TYPES.ociManifest;
        if (!INDEX_TYPES.has(mediaType) && !IMAGE_TYPES.has(mediaType)) {
            throw new errors/* ConfigurationError */.j1(`the image ${name} has a ${mediaType} manifest, which cannot be built upon`, {
                hint: 'Use a base image pushed with an OCI or Docker schema 2 manifest (any image pushed by a current Docker, Podman or Buildah).',
            });
        }
        return { mediaType, digest, body, json };
    }
    /** A request with retries on 5xx, 429 and broken connections. Returns any other answer. */
    async send(request) {
        for (let attempt = 1;; attempt += 1) {
            const outcome = await this.tryOnce(request);
            if (outcome.ok)
                return outcome.response;
            if (attempt > this.retries) {
                const registryText = outcome.response ? this.errorText(outcome.response) : '';
                throw new RegistryError(`the registry ${this.registry} ${outcome.response ? 'answered' : 'failed'} ${outcome.reason} to ${request.method} ${request.url.pathname}; gave up after ${attempt} attempts${registryText ? `: ${registryText}` : ''}`, { registry: this.registry, status: outcome.response?.status });
            }
            await this.pause(attempt, `${request.method} ${request.url.pathname} failed (${outcome.reason})`, outcome.response);
        }
    }
    /** One attempt: an answer, or a failure worth retrying. Anything else is thrown. */
    async tryOnce(request) {
        try {
            const response = await this.exchange(request);
            if (response.status >= 500 || response.status === 429)
                return { ok: false, reason: `${response.status} ${response.statusText}`.trim(), response };
            return { ok: true, response };
        }
        catch (error) {
            if (error instanceof errors/* ConfigurationError */.j1 || error instanceof RegistryError)
                throw error;
            const code = errorCode(error);
            if (!this.answered && code !== undefined && (UNREACHABLE_CODES.has(code) || TLS_CODE.test(code)))
                throw this.unreachable(code, error);
            if (code !== undefined && (RETRIABLE_CODES.has(code) || (code === 'ECONNREFUSED' && this.answered))) {
                return { ok: false, reason: `${code}${error instanceof Error && error.message !== code ? ` (${this.redact(error.message)})` : ''}` };
            }
            throw new RegistryError(`${request.method} ${request.url.pathname} to the registry ${this.registry} failed: ${this.redact(errorText(error))}`, { registry: this.registry, cause: error });
        }
    }
    async pause(attempt, what, response) {
        let delay = this.retryDelayMs * 2 ** (attempt - 1);
        const retryAfter = response ? retryAfterMs(header(response, 'retry-after')) : undefined;
        if (retryAfter !== undefined)
            delay = Math.max(delay, Math.min(retryAfter, MAX_RETRY_AFTER_MS));
        this.stats.retries += 1;
        this.logger?.warning(`registry ${this.registry}: ${what}; retrying in ${(delay / 1000).toFixed(1)} s (retry ${attempt} of ${this.retries})`);
        await new Promise((resolve) => setTimeout(resolve, delay));
    }
    /** Sends with authentication (learning the scheme from a 401) and follows redirects when asked. */
    async exchange(request) {
        let auth = await this.authorization(request.scopes, undefined);
        let response = await this.transmit(request.method, request.url, withAuth(request.headers, auth.header), request.body, request.maxBody);
        if (response.status === 401) {
            const challenge = parseChallenge(header(response, 'www-authenticate'));
            if (!challenge) {
                throw new RegistryError(`the registry ${this.registry} answered 401 to ${request.method} ${request.url.pathname} without saying how to authenticate`, { registry: this.registry, status: 401 });
            }
            if (auth.fresh)
                throw this.refused(request.repository, 401);
            this.challenge = challenge.scheme === 'bearer' ? { ...challenge, scope: undefined } : challenge;
            this.forgetTokens(request.scopes);
            auth = await this.authorization(request.scopes, challenge.scope);
            response = await this.transmit(request.method, request.url, withAuth(request.headers, auth.header), request.body, request.maxBody);
            if (response.status === 401)
                throw this.refused(request.repository, 401);
        }
        if (response.status === 403)
            throw this.refused(request.repository, 403);
        for (let hops = 0; request.followRedirects && REDIRECTS.has(response.status); hops += 1) {
            const location = header(response, 'location');
            if (location === undefined || hops === MAX_REDIRECTS)
                break;
            const target = new URL(location, response.url);
            // Blob storage gets its own credentials in the signed URL; the registry's stay with it.
            const headers = target.origin === this.base.origin ? withAuth(request.headers, auth.header) : { ...request.headers };
            response = await this.transmit(request.method, target, headers, undefined, request.maxBody);
        }
        return response;
    }
    /**
     * The Authorization header for these scopes, if the registry is known to want one. `fresh` says
     * it was just obtained, so a 401 with it means the credentials are refused, not that it expired.
     */
    async authorization(scopes, challengeScope) {
        const challenge = this.challenge;
        if (!challenge)
            return { fresh: false };
        if (challenge.scheme === 'basic') {
            if (!this.credentials)
                throw this.refused(scopeRepository(scopes), 401);
            return { header: basicHeader(this.credentials), fresh: true };
        }
        const key = [...scopes].sort().join(' ');
        const now = Date.now();
        const cached = this.tokens.get(key);
        if (cached) {
            const token = await cached.catch(() => undefined);
            if (token && token.expiresAt > now)
                return { header: `Bearer ${token.token}`, fresh: false };
        }
        const wanted = [...new Set([...scopes, ...(challengeScope ? challengeScope.split(' ') : [])])];
        const pending = this.fetchToken(challenge, wanted, scopeRepository(scopes));
        this.tokens.set(key, pending);
        try {
            const token = await pending;
            return { header: `Bearer ${token.token}`, fresh: true };
        }
        catch (error) {
            this.tokens.delete(key);
            throw error;
        }
    }
    forgetTokens(scopes) {
        this.tokens.delete([...scopes].sort().join(' '));
    }
    async fetchToken(challenge, scopes, repository) {
        if (!challenge.realm)
            throw new RegistryError(`the registry ${this.registry} asked for a bearer token without naming where to get one (realm)`, { registry: this.registry });
        let realm;
        try {
            realm = new URL(challenge.realm);
        }
        catch {
            throw new RegistryError(`the registry ${this.registry} named an invalid token realm`, { registry: this.registry });
        }
        if (realm.protocol !== 'https:' && realm.protocol !== 'http:')
            throw new RegistryError(`the registry ${this.registry} named a token realm that is not HTTP(S)`, { registry: this.registry });
        if (realm.protocol === 'http:' && this.credentials && !this.insecure && !isLoopbackHost(realm.hostname)) {
            throw new errors/* ConfigurationError */.j1(`the registry ${this.registry} asks for the credentials over plain HTTP (${realm.origin}); they were not sent`, {
                hint: 'Use the registry over HTTPS, or set it as insecure if it is on a network you trust.',
            });
        }
        if (challenge.service)
            realm.searchParams.set('service', challenge.service);
        for (const scope of scopes)
            realm.searchParams.append('scope', scope);
        const headers = { Accept: 'application/json' };
        if (this.credentials)
            headers.Authorization = basicHeader(this.credentials);
        let response;
        for (let attempt = 1;; attempt += 1) {
            let reason;
            try {
                response = await this.transmit('GET', realm, headers, undefined, MAX_ERROR_BYTES);
                if (response.status < 500 && response.status !== 429)
                    break;
                reason = `${response.status} ${response.statusText}`.trim();
            }
            catch (error) {
                const code = errorCode(error);
                if (code === undefined || !(RETRIABLE_CODES.has(code) || code === 'ECONNREFUSED')) {
                    throw new RegistryError(`the token service ${realm.origin} of the registry ${this.registry} failed: ${this.redact(errorText(error))}`, { registry: this.registry, cause: error });
                }
                reason = code;
                response = undefined;
            }
            if (attempt > this.retries) {
                throw new RegistryError(`the token service ${realm.origin} of the registry ${this.registry} failed: ${reason}; gave up after ${attempt} attempts`, { registry: this.registry });
            }
            await this.pause(attempt, `the token request failed (${reason})`, response);
        }
        if (response.status === 401 || response.status === 403)
            throw this.refused(repository, response.status);
        if (response.status !== 200) {
            throw new RegistryError(`the token service ${realm.origin} of the registry ${this.registry} answered ${response.status} ${response.statusText}`, { registry: this.registry, status: response.status });
        }
        let token;
        let expiresIn;
        try {
            const parsed = JSON.parse(response.body.toString('utf8'));
            token = parsed.token ?? parsed.access_token;
            expiresIn = parsed.expires_in;
        }
        catch {
            token = undefined;
        }
        if (typeof token !== 'string' || token === '') {
            throw new RegistryError(`the token service ${realm.origin} of the registry ${this.registry} answered without a token`, { registry: this.registry });
        }
        this.secrets.add(token);
        const seconds = typeof expiresIn === 'number' && expiresIn > 0 ? expiresIn : DEFAULT_TOKEN_SECONDS;
        this.logger?.debug(`registry ${this.registry}: got a token for ${scopes.join(' ')}`);
        return { token, expiresAt: Date.now() + Math.max(seconds * 1000 - TOKEN_MARGIN_MS, 1000) };
    }
    /** One HTTP exchange on one connection; the response body is read whole (up to maxBody). */
    transmit(method, url, headers, body, maxBody = MAX_ERROR_BYTES) {
        this.stats.requests += 1;
        const isHttps = url.protocol === 'https:';
        const allHeaders = { 'User-Agent': 'mlops-actions', ...headers };
        if (body !== undefined || method === 'POST' || method === 'PUT' || method === 'PATCH')
            allHeaders['Content-Length'] = String(body?.length ?? 0);
        const toRegistry = url.origin === this.base.origin;
        return new Promise((resolve, reject) => {
            const request = (isHttps ? (external_node_https_default()) : (external_node_http_default())).request(url, { method, headers: allHeaders, agent: isHttps ? this.httpsAgent : this.httpAgent });
            let settled = false;
            const fail = (error) => {
                if (settled)
                    return;
                settled = true;
                request.destroy();
                reject(error);
            };
            request.setTimeout(this.timeoutMs, () => fail(codedError('ETIMEDOUT', `no traffic for ${this.timeoutMs / 1000} s`)));
            request.on('error', fail);
            request.on('response', (res) => {
                if (toRegistry)
                    this.answered = true;
                const status = res.statusCode ?? 0;
                const limit = status >= 200 && status < 300 ? maxBody : MAX_ERROR_BYTES;
                const chunks = [];
                let length = 0;
                res.on('data', (chunk) => {
                    length += chunk.length;
                    if (length > limit) {
                        if (status >= 200 && status < 300)
                            fail(new Error(`the answer to ${method} ${url.pathname} is larger than ${formatBytes(limit)}`));
                        return;
                    }
                    chunks.push(chunk);
                });
                res.on('error', fail);
                res.on('close', () => {
                    if (!res.complete)
                        fail(codedError('ECONNRESET', 'the connection closed before the answer ended'));
                });
                res.on('end', () => {
                    if (settled)
                        return;
                    settled = true;
                    this.logger?.debug(`${method} ${toRegistry ? url.pathname : `${url.origin}${url.pathname}`} → ${status}`);
                    resolve({ status, statusText: res.statusMessage ?? '', headers: res.headers, body: Buffer.concat(chunks), url });
                });
            });
            request.end(body);
        });
    }
    // ---------------------------------------------------------------------------------------------
    // Messages
    refused(repository, status) {
        const host = this.registry;
        if (!this.credentials) {
            return new errors/* ConfigurationError */.j1(`the registry ${host} refused anonymous access to ${repository} (${status})`, {
                hint: `Give a username and password (or token) for ${host} that may read and write ${repository}; a repository that does not exist may also be reported this way.`,
            });
        }
        const hint = host === 'ghcr.io'
            ? 'For ghcr.io, use the workflow\'s GITHUB_TOKEN as the password (username: the actor) and give the job `permissions: packages: write`; a package created by another repository must also grant this repository write access in its settings.'
            : `Check the registry username and password secrets, and that this account may push to ${repository} on ${host}.`;
        return new errors/* ConfigurationError */.j1(`the registry ${host} refused the credentials for ${repository}`, { hint });
    }
    unreachable(code, error) {
        if (TLS_CODE.test(code)) {
            return new errors/* ConfigurationError */.j1(`cannot reach the registry ${this.baseUrl}: the TLS handshake failed (${code})`, {
                cause: error,
                hint: 'A registry that speaks plain HTTP must be marked insecure; one with a self-signed certificate needs that certificate trusted by the runner.',
            });
        }
        return new errors/* ConfigurationError */.j1(`cannot reach the registry ${this.baseUrl} (${code})`, {
            cause: error,
            hint: 'Check the registry host and port, that the registry is running, and that the runner can reach it; a registry in a service container is at localhost:<mapped port>.',
        });
    }
    unexpected(method, response) {
        const text = this.errorText(response);
        return new RegistryError(`the registry ${this.registry} answered ${response.status} ${response.statusText} to ${method} ${response.url.pathname}${text ? `: ${text}` : ''}`, { registry: this.registry, status: response.status });
    }
    /** The registry's own error codes and messages, with anything secret removed. */
    errorText(response) {
        if (response.body.length === 0)
            return '';
        const raw = response.body.toString('utf8');
        let text = raw;
        try {
            const parsed = JSON.parse(raw);
            if (Array.isArray(parsed.errors)) {
                text = parsed.errors.map((e) => [e.code, e.message].filter((part) => typeof part === 'string' && part !== '').join(': ')).join('; ');
            }
        }
        catch {
            // Not JSON: the text itself, shortened.
        }
        text = text.replace(/\s+/g, ' ').trim();
        return this.redact(text.length > 300 ? `${text.slice(0, 300)}…` : text);
    }
    redact(text) {
        let out = text;
        for (const secret of this.secrets) {
            if (secret.length >= 4)
                out = out.split(secret).join('***');
        }
        return out;
    }
    imageName(repository, reference) {
        return isValidDigest(reference)
            ? formatImageReference({ registry: this.registry, repository, digest: reference })
            : formatImageReference({ registry: this.registry, repository, tag: reference });
    }
    url(path) {
        return new URL(path, this.base);
    }
    checkRepository(repository) {
        if (!isValidRepository(repository)) {
            throw new errors/* ConfigurationError */.j1(`invalid repository name ${JSON.stringify(repository)} for the registry ${this.registry}`, {
                hint: "A repository is lowercase letters and digits in '/'-separated parts, for example owner/model-server.",
            });
        }
    }
    checkReference(reference) {
        if (!isValidTag(reference) && !isValidDigest(reference)) {
            throw new errors/* ConfigurationError */.j1(`invalid tag or digest ${JSON.stringify(reference)}`, {
                hint: "A tag is 1 to 128 letters, digits, '_', '.' or '-' (not first); a digest is sha256: and 64 lowercase hex digits.",
            });
        }
    }
    checkDigest(digest) {
        if (!isValidDigest(digest))
            throw new RangeError(`${JSON.stringify(digest)} is not a sha256:<64 hex> digest`);
    }
}
/**
 * Reads byte ranges of a blob source, keeping the stream open while reads follow each other and
 * reopening it (at the offset, or from the start and skipping) when a resumed upload jumps. The
 * last range read is kept: it is the one sent again after a failure.
 */
class BlobReader {
    source;
    stream;
    iterator;
    position = 0;
    leftover = Buffer.alloc(0);
    last;
    constructor(source) {
        this.source = source;
    }
    async read(offset, length) {
        if (this.last && this.last.offset === offset && this.last.data.length === length)
            return this.last.data;
        if (!this.iterator || offset !== this.position)
            await this.reopen(offset);
        const parts = await this.take(length);
        const data = parts.length === 1 ? parts[0] : Buffer.concat(parts);
        this.last = { offset, data };
        return data;
    }
    close() {
        const stream = this.stream;
        stream?.destroy?.();
        this.stream = undefined;
        this.iterator = undefined;
        this.leftover = Buffer.alloc(0);
    }
    async reopen(offset) {
        this.close();
        this.last = undefined;
        if (this.source.openAt) {
            this.stream = this.source.openAt(offset);
            this.position = offset;
        }
        else {
            this.stream = this.source.open();
            this.position = 0;
        }
        this.iterator = this.stream[Symbol.asyncIterator]();
        while (this.position < offset)
            await this.take(Math.min(offset - this.position, 4 * registry_MIB));
    }
    async take(length) {
        const parts = [];
        let have = 0;
        while (have < length) {
            let piece;
            if (this.leftover.length > 0) {
                piece = this.leftover;
                this.leftover = Buffer.alloc(0);
            }
            else {
                const next = await this.iterator.next();
                if (next.done) {
                    throw new Error(`the content of ${this.source.digest} ended after ${this.position + have} bytes, but its size is ${this.source.size}`);
                }
                piece = typeof next.value === 'string' ? Buffer.from(next.value) : next.value;
            }
            const needed = length - have;
            if (piece.length > needed) {
                this.leftover = piece.subarray(needed);
                piece = piece.subarray(0, needed);
            }
            parts.push(piece);
            have += piece.length;
        }
        this.position += length;
        return parts;
    }
}
// -----------------------------------------------------------------------------------------------
// Helpers
function nonNegativeInteger(value, name) {
    if (!Number.isSafeInteger(value) || value < 0)
        throw new RangeError(`${name} must be a non-negative integer, not ${value}`);
    return value;
}
function pullScope(repository) {
    return `repository:${repository}:pull`;
}
function pushScope(repository) {
    return `repository:${repository}:pull,push`;
}
function scopeRepository(scopes) {
    return scopes[0]?.split(':')[1] ?? '';
}
function basicHeader(credentials) {
    return `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`, 'utf8').toString('base64')}`;
}
function withAuth(headers, authorization) {
    return authorization === undefined ? { ...headers } : { ...headers, Authorization: authorization };
}
function header(response, name) {
    const value = response.headers[name];
    return Array.isArray(value) ? value[0] : value;
}
function digestOf(data, like) {
    const algorithm = like.startsWith('sha512:') ? 'sha512' : 'sha256';
    return `${algorithm}:${(0,external_node_crypto_.createHash)(algorithm).update(data).digest('hex')}`;
}
/**
 * Bytes the registry holds, from its `Range: 0-<last>` header. Distribution answers `0-0` for an
 * empty session as for a one-byte one; that is only taken as one byte when one byte was expected.
 */
function receivedBytes(range, expected) {
    if (range === undefined)
        return expected;
    const match = /^(?:bytes=)?0-(\d+)$/.exec(range.trim());
    if (!match)
        return undefined;
    const last = Number(match[1]);
    if (last === 0)
        return expected === 1 ? 1 : expected === 0 ? 0 : undefined;
    return last + 1;
}
function retryAfterMs(value) {
    if (value === undefined)
        return undefined;
    if (/^\d+$/.test(value.trim()))
        return Number(value.trim()) * 1000;
    const date = Date.parse(value);
    return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}
/**
 * `WWW-Authenticate: Bearer realm="…",service="…",scope="repository:x:pull,push"` or `Basic realm="…"`.
 * Quoted values may hold commas.
 */
function parseChallenge(value) {
    if (value === undefined)
        return undefined;
    const match = /^\s*(\w+)\s*(.*)$/s.exec(value);
    if (!match)
        return undefined;
    const scheme = match[1].toLowerCase();
    if (scheme !== 'basic' && scheme !== 'bearer')
        return undefined;
    const params = {};
    const param = /([\w-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s,]*))\s*,?\s*/g;
    for (let m = param.exec(match[2]); m; m = param.exec(match[2])) {
        params[m[1].toLowerCase()] = m[2] !== undefined ? m[2].replace(/\\(.)/g, '$1') : (m[3] ?? '');
    }
    return { scheme, realm: params.realm, service: params.service, scope: params.scope };
}
function matchesPlatform(candidate, wanted) {
    if (!candidate || candidate.os !== wanted.os || candidate.architecture !== wanted.architecture)
        return false;
    if (wanted.variant === undefined)
        return true;
    // arm64 images often omit their only variant, v8.
    const variant = candidate.variant ?? (candidate.architecture === 'arm64' ? 'v8' : undefined);
    return variant === wanted.variant;
}
function platformName(p) {
    return `${p.os}/${p.architecture}${p.variant ? `/${p.variant}` : ''}`;
}
function errorCode(error) {
    if (error && typeof error === 'object' && 'code' in error && typeof error.code === 'string')
        return error.code;
    return undefined;
}
function errorText(error) {
    return error instanceof Error ? error.message : String(error);
}
function codedError(code, message) {
    return Object.assign(new Error(message), { code });
}

// EXTERNAL MODULE: ./src/container/serve-runtime.ts
var serve_runtime = __webpack_require__(1077);
;// CONCATENATED MODULE: ./src/container/serving-image.ts



/**
 * What a serving image is made of, whichever builder makes it: the runtime (the reference server)
 * in one layer, the model package in another, a non-root user, the serving port and a health
 * check. The docker builder gets it as a Dockerfile; the daemonless builder as layers and config.
 */
const SERVE_DIR = '/opt/mlops/serve';
const MODEL_DIR = '/opt/mlops/model';
const SERVE_PORT = 8080;
/** A numeric user: works on bases without an /etc/passwd entry for it. */
const SERVE_USER = '65532:65532';
/** Fixed times on build-context files, so the docker builder's COPY layers do not change with checkout times. */
const FIXED_TIME = new Date('1980-01-01T00:00:00Z');
const SERVE_ENTRYPOINT = ['python3', `${SERVE_DIR}/${serve_runtime/* SERVE_PY_NAME */.K_}`];
const SERVE_ENV = { MLOPS_MODEL_DIR: MODEL_DIR, PORT: String(SERVE_PORT), PYTHONDONTWRITEBYTECODE: '1', PYTHONUNBUFFERED: '1' };
const HEALTHCHECK = {
    test: ['CMD', 'python3', `${SERVE_DIR}/${serve_runtime/* SERVE_PY_NAME */.K_}`, serve_runtime/* SERVE_HEALTHCHECK_ARG */.oc],
    intervalSeconds: 30,
    timeoutSeconds: 5,
    startPeriodSeconds: 10,
    retries: 3,
};
/** The Dockerfile the docker builder uses when the user brings none. */
function servingDockerfile(baseImage) {
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
async function writeBuildContext(dir, packageDir, baseImage) {
    await (0,promises_.mkdir)(external_node_path_default().join(dir, 'runtime'), { recursive: true });
    await (0,promises_.writeFile)(external_node_path_default().join(dir, 'runtime', serve_runtime/* SERVE_PY_NAME */.K_), serve_runtime/* SERVE_PY */.cC);
    await (0,promises_.cp)(packageDir, external_node_path_default().join(dir, 'model'), { recursive: true });
    const dockerfile = external_node_path_default().join(dir, 'Dockerfile');
    await (0,promises_.writeFile)(dockerfile, servingDockerfile(baseImage));
    await fixTimes(dir);
    return dockerfile;
}
async function fixTimes(dir) {
    for (const entry of await (0,promises_.readdir)(dir, { withFileTypes: true })) {
        const full = external_node_path_default().join(dir, entry.name);
        if (entry.isDirectory())
            await fixTimes(full);
        await (0,promises_.utimes)(full, FIXED_TIME, FIXED_TIME);
    }
    await (0,promises_.utimes)(dir, FIXED_TIME, FIXED_TIME);
}
/** Files of the two layers the daemonless builder adds, as paths in the image. */
async function servingLayerFiles(packageDir, runtimeFile) {
    const model = [];
    const walk = async (rel) => {
        for (const entry of await (0,promises_.readdir)(external_node_path_default().join(packageDir, rel), { withFileTypes: true })) {
            const child = rel === '' ? entry.name : `${rel}/${entry.name}`;
            if (entry.isDirectory())
                await walk(child);
            else if ((await (0,promises_.stat)(external_node_path_default().join(packageDir, child))).isFile())
                model.push({ path: `${MODEL_DIR}/${child}`, source: external_node_path_default().join(packageDir, child) });
        }
    };
    await walk('');
    return { runtime: [{ path: `${SERVE_DIR}/${serve_runtime/* SERVE_PY_NAME */.K_}`, source: runtimeFile }], model };
}

;// CONCATENATED MODULE: ./src/container/daemonless.ts









async function buildDaemonless(options) {
    const { base, baseClient, logger } = options;
    let baseLayers = [];
    let baseConfig;
    if (isScratch(base)) {
        // As `FROM scratch`: no base layers. The image holds the runtime and the model only.
        baseConfig = Buffer.from(JSON.stringify({ architecture: process.arch === 'arm64' ? 'arm64' : 'amd64', os: 'linux', config: {}, rootfs: { type: 'layers', diff_ids: [] } }));
        logger.info('Base scratch: no layers. The image has no Python of its own: it runs only where one is added (another base, or a volume).');
    }
    else {
        const baseRef = base.digest ?? base.tag ?? 'latest';
        const baseManifest = await baseClient.getManifest(base.repository, baseRef);
        baseLayers = (baseManifest.json.layers ?? []).map((l) => ({ digest: l.digest, size: l.size, mediaType: l.mediaType }));
        if (!baseManifest.json.config)
            throw new Error(`the base image ${formatImageReference(base)} has no config`);
        baseConfig = await baseClient.getBlob(base.repository, baseManifest.json.config.digest);
        logger.info(`Base ${formatImageReference(base)}: ${baseLayers.length} layers (${baseManifest.digest}).`);
    }
    await (0,promises_.mkdir)(options.workDir, { recursive: true });
    const runtimeFile = external_node_path_default().join(options.workDir, serve_runtime/* SERVE_PY_NAME */.K_);
    await (0,promises_.writeFile)(runtimeFile, serve_runtime/* SERVE_PY */.cC);
    const files = await servingLayerFiles(options.packageDir, runtimeFile);
    const runtimeLayer = await buildLayer(files.runtime, external_node_path_default().join(options.workDir, 'runtime.tar.gz'), 'the serving runtime', { level: options.compressionLevel });
    const modelLayer = await buildLayer(files.model, external_node_path_default().join(options.workDir, 'model.tar.gz'), 'the model package', { level: options.compressionLevel });
    const changes = {
        env: SERVE_ENV,
        entrypoint: SERVE_ENTRYPOINT,
        user: SERVE_USER,
        workingDir: '/opt/mlops',
        exposedPorts: [SERVE_PORT],
        labels: options.labels,
        healthcheck: HEALTHCHECK,
    };
    const image = assembleImage({ config: baseConfig, layers: baseLayers }, [runtimeLayer, modelLayer], changes, { annotations: options.annotations });
    const size = image.layers.reduce((a, l) => a + l.size, 0) + image.config.length;
    logger.info(`Image ${image.manifestDigest}: runtime layer ${runtimeLayer.digest.slice(0, 19)}…, model layer ${modelLayer.digest.slice(0, 19)}….`);
    if (options.target) {
        const { client, reference, tags } = options.target;
        const sameRegistry = reference.registry === base.registry;
        for (const layer of baseLayers) {
            if ((await client.hasBlob(reference.repository, layer.digest)) !== undefined)
                continue;
            // Same registry: mount the base's layer into the target repository, nothing travels.
            if (sameRegistry && (await client.mountBlob(reference.repository, layer.digest, base.repository)))
                continue;
            await copyBlob(baseClient, base.repository, client, reference.repository, layer);
        }
        for (const layer of [runtimeLayer, modelLayer]) {
            const result = await client.pushBlob(reference.repository, { digest: layer.digest, size: layer.size, openAt: (offset) => (0,external_node_fs_.createReadStream)(layer.file, { start: offset }) });
            logger.info(`${layer.comment}: ${result === 'exists' ? 'already in the registry, not sent' : result}.`);
        }
        await client.pushBlob(reference.repository, blobFromBuffer(image.config));
        for (const tag of tags)
            await client.putManifest(reference.repository, tag, image.manifest, image.manifestMediaType);
        return { image, runtimeLayer, modelLayer, size, pushed: { ...client.stats } };
    }
    if (options.layoutDir) {
        const blobs = [
            { digest: runtimeLayer.digest, file: runtimeLayer.file },
            { digest: modelLayer.digest, file: modelLayer.file },
        ];
        for (const layer of baseLayers)
            blobs.push({ digest: layer.digest, content: await baseClient.getBlob(base.repository, layer.digest) });
        await writeOciLayout(options.layoutDir, image, blobs, options.layoutTag ?? 'latest');
    }
    return { image, runtimeLayer, modelLayer, size };
}
/** `scratch`, as in a Dockerfile's `FROM scratch`: the empty base, not an image to pull. */
function isScratch(base) {
    return base.registry === 'docker.io' && base.repository === 'library/scratch' && base.tag === undefined && base.digest === undefined;
}
/** A base layer from another registry (or one that would not mount): read it, then push it. */
async function copyBlob(from, fromRepository, to, toRepository, layer) {
    const content = await from.getBlob(fromRepository, layer.digest);
    await to.pushBlob(toRepository, blobFromBuffer(content));
}

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
;// CONCATENATED MODULE: ./src/container/docker.ts





class DockerCli {
    env;
    configDir;
    constructor(env, configDir) {
        this.env = env;
        this.configDir = configDir;
    }
    run(args, options = {}) {
        return new Promise((resolve) => {
            const env = { ...this.env, ...(this.configDir ? { DOCKER_CONFIG: this.configDir } : {}) };
            const child = (0,external_node_child_process_.spawn)('docker', args, { env, stdio: ['pipe', 'pipe', 'pipe'] });
            let stdout = '';
            let stderr = '';
            child.stdout.on('data', (d) => {
                stdout += d.toString();
                options.onOutput?.(d.toString());
            });
            child.stderr.on('data', (d) => {
                stderr += d.toString();
                options.onOutput?.(d.toString());
            });
            child.on('error', (error) => resolve({ code: 127, stdout, stderr: stderr + error.message }));
            child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
            // A command that exits without reading its input (a failed `docker rm`) breaks the pipe:
            // its exit status says why, the EPIPE adds nothing.
            child.stdin.on('error', () => undefined);
            child.stdin.end(options.input ?? '');
        });
    }
    /** A daemon answers (the CLI alone is not enough). */
    async available() {
        const r = await this.run(['version', '--format', '{{.Server.Version}}']);
        return r.code === 0 && r.stdout.trim() !== '';
    }
    async hasBuildx() {
        return (await this.run(['buildx', 'version'])).code === 0;
    }
    /** A CLI whose logins live in a fresh folder, removed by `dispose`. */
    static async isolated(env) {
        const dir = await (0,promises_.mkdtemp)(external_node_path_default().join(external_node_os_default().tmpdir(), 'mlops-docker-config-'));
        await (0,promises_.writeFile)(external_node_path_default().join(dir, 'config.json'), '{}');
        return { cli: new DockerCli(env, dir), dispose: () => (0,promises_.rm)(dir, { recursive: true, force: true }) };
    }
    async login(registry, username, password) {
        const r = await this.run(['login', registry, '--username', username, '--password-stdin'], { input: password });
        if (r.code !== 0) {
            throw new errors/* ConfigurationError */.j1(`the registry ${registry} refused the login of ${username}`, {
                hint: 'Check registry-username and registry-password (a secret); for ghcr.io give the job `packages: write`.',
            });
        }
    }
    async build(options) {
        const buildx = await this.hasBuildx();
        const args = buildx ? ['buildx', 'build', '--load'] : ['build'];
        args.push('--file', options.dockerfile);
        for (const tag of options.tags)
            args.push('--tag', tag);
        for (const [k, v] of Object.entries(options.labels))
            args.push('--label', `${k}=${v}`);
        if (options.network)
            args.push('--network', options.network);
        args.push(options.contextDir);
        const r = await this.run(args, { onOutput: options.onOutput });
        if (r.code !== 0) {
            const last = `${r.stdout}\n${r.stderr}`.trim().split('\n').slice(-8).join('\n');
            if (/pull access denied|not found|manifest unknown|No such image/i.test(last)) {
                throw new errors/* ConfigurationError */.j1(`docker build failed: the base image could not be found or pulled`, { hint: `Check base-image. The build said:\n${last}` });
            }
            throw new Error(`docker build failed (exit ${r.code}):\n${last}`);
        }
        const inspect = await this.run(['image', 'inspect', '--format', '{{.Id}}', options.tags[0]]);
        return inspect.stdout.trim();
    }
    async push(reference) {
        const r = await this.run(['push', reference]);
        if (r.code !== 0) {
            const text = `${r.stdout}\n${r.stderr}`;
            if (/unauthorized|denied|authentication required/i.test(text)) {
                throw new errors/* ConfigurationError */.j1(`the registry refused to take ${reference}`, { hint: 'Check registry-username and registry-password; for ghcr.io give the job `packages: write`.' });
            }
            if (/connection refused|no such host|i\/o timeout|dial tcp/i.test(text)) {
                throw new errors/* ConfigurationError */.j1(`cannot reach the registry of ${reference}`, { hint: 'Check the registry address and that it is reachable from the runner.' });
            }
            throw new Error(`docker push ${reference} failed:\n${text.trim().split('\n').slice(-5).join('\n')}`);
        }
        return /digest: (sha256:[0-9a-f]{64})/.exec(r.stdout)?.[1];
    }
    async imageSize(reference) {
        const r = await this.run(['image', 'inspect', '--format', '{{.Size}}', reference]);
        return Number(r.stdout.trim()) || 0;
    }
    /** Starts a container on the host's network with PORT set; the caller stops it. */
    async start(image, port) {
        const r = await this.run(['run', '--detach', '--network', 'host', '--env', `PORT=${port}`, '--env', 'HOST=127.0.0.1', image]);
        if (r.code !== 0)
            throw new Error(`docker run ${image} failed: ${r.stderr.trim().split('\n').slice(-3).join(' ')}`);
        const id = r.stdout.trim();
        return {
            id,
            logs: async () => {
                const l = await this.run(['logs', '--tail', '60', id]);
                return `${l.stdout}${l.stderr}`;
            },
            exited: async () => (await this.run(['inspect', '--format', '{{.State.Running}}', id])).stdout.trim() !== 'true',
            stop: async () => {
                await this.run(['rm', '--force', id]);
            },
        };
    }
}

;// CONCATENATED MODULE: ./src/container/metadata.ts

const PLACEHOLDER = /\{\{\s*([a-z_]+)\s*\}\}/g;
const KNOWN = ['version', 'major', 'minor', 'patch', 'sha', 'branch', 'pr', 'date'];
/**
 * One template per entry (the input is split on lines and commas). `{{version}}`, `{{major}}`, `{{minor}}`, `{{patch}}` come from the package
 * version (the major and minor forms only for a release, not a pre-release or 0.0.0+sha build),
 * `{{sha}}` is the short commit, `{{branch}}` the branch (sanitized), `{{pr}}` the pull-request
 * number, `{{date}}` YYYYMMDD. A line whose value is unknown on this run is left out. `latest` is
 * given only for a release version or on the default branch.
 */
function renderTags(templates, context) {
    const semver = /^(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?(?:\+([0-9A-Za-z.-]+))?$/.exec(context.version);
    const release = semver !== null && semver[4] === undefined && semver[5] === undefined && !(semver[1] === '0' && semver[2] === '0' && semver[3] === '0');
    const values = {
        version: context.version.replace(/\+/g, '-'),
        major: release ? semver[1] : undefined,
        minor: release ? semver[2] : undefined,
        patch: release ? semver[3] : undefined,
        sha: context.sha?.slice(0, 7),
        branch: context.branch ? sanitizeTag(context.branch) : undefined,
        pr: context.pullRequest !== undefined ? String(context.pullRequest) : undefined,
        date: context.date,
    };
    const out = [];
    for (const [index, template] of templates.entries()) {
        if (template === 'latest') {
            if (release || (context.branch !== undefined && context.branch === context.defaultBranch))
                out.push('latest');
            continue;
        }
        let missing = false;
        const tag = template.replace(PLACEHOLDER, (_, name) => {
            if (!KNOWN.includes(name)) {
                throw new errors/* ConfigurationError */.j1(`input tags, entry ${index + 1}: unknown placeholder {{${name}}}`, { hint: `Use ${KNOWN.map((k) => `{{${k}}}`).join(', ')} or latest.` });
            }
            const value = values[name];
            if (value === undefined)
                missing = true;
            return value ?? '';
        });
        if (missing)
            continue;
        if (!/^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/.test(tag)) {
            throw new errors/* ConfigurationError */.j1(`input tags, entry ${index + 1}: ${JSON.stringify(tag)} is not a valid image tag`, { hint: 'Tags are up to 128 letters, digits, `_`, `.` and `-`, not starting with `.` or `-`.' });
        }
        if (!out.includes(tag))
            out.push(tag);
    }
    return out;
}
function sanitizeTag(text) {
    return text.replace(/[^A-Za-z0-9_.-]/g, '-').replace(/^[.-]+/, '').slice(0, 128);
}
const DEFAULT_TAG_TEMPLATES = ['{{version}}', '{{major}}.{{minor}}', 'sha-{{sha}}', 'pr-{{pr}}', 'latest'];
/** OCI annotations and model labels, sorted by key. */
function imageLabels(context) {
    const m = context.manifest;
    const labels = {
        'org.opencontainers.image.title': m.name,
        'org.opencontainers.image.version': m.version,
        'org.opencontainers.image.description': m.description ?? `Serving image of the model ${m.name} ${m.version}`,
        'io.mlops-actions.model.name': m.name,
        'io.mlops-actions.model.version': m.version,
        'io.mlops-actions.serving-contract': '1',
    };
    if (context.repositoryUrl)
        labels['org.opencontainers.image.source'] = context.repositoryUrl;
    const revision = context.revision ?? m.createdFrom.commit;
    if (revision)
        labels['org.opencontainers.image.revision'] = revision;
    if (context.packageDigest)
        labels['io.mlops-actions.model.package-digest'] = context.packageDigest;
    if (m.evaluation)
        labels['io.mlops-actions.model.gate-verdict'] = m.evaluation.verdict;
    const metrics = Object.entries(m.metrics).slice(0, 8);
    if (metrics.length > 0)
        labels['io.mlops-actions.model.metrics'] = JSON.stringify(Object.fromEntries(metrics.map(([k, v]) => [k, Number(v.toPrecision(6))])));
    if (m.data.length > 0)
        labels['io.mlops-actions.model.data-fingerprint'] = m.data.map((d) => `sha256:${d.sha256}`).join(',');
    return Object.fromEntries(Object.entries(labels).sort(([a], [b]) => (a < b ? -1 : 1)));
}

// EXTERNAL MODULE: ./src/packaging/signature.ts
var signature = __webpack_require__(2253);
;// CONCATENATED MODULE: ./src/container/smoke.ts



async function smokeTest(options) {
    const started = performance.now();
    let healthy = false;
    let lastError = '';
    while (performance.now() - started < options.startTimeoutMs) {
        try {
            const response = await fetch(`${options.baseUrl}/health`, { signal: AbortSignal.timeout(2000) });
            if (response.ok) {
                healthy = true;
                break;
            }
            lastError = `/health answered ${response.status}`;
        }
        catch (error) {
            lastError = error.message;
        }
        if (options.exited && (await options.exited()))
            return { ok: false, problem: 'the container exited before /health answered', mismatches: [] };
        await new Promise((r) => setTimeout(r, 250));
    }
    if (!healthy)
        return { ok: false, problem: `/health did not answer 200 within ${Math.round(options.startTimeoutMs / 1000)} s (${lastError})`, mismatches: [] };
    const startMs = performance.now() - started;
    const body = JSON.stringify({ rows: options.rows });
    const first = await post(`${options.baseUrl}/predict`, body);
    if (first.status !== 200)
        return { ok: false, problem: `/predict answered ${first.status}: ${first.text.slice(0, 300)}`, startMs, mismatches: [] };
    const predictions = JSON.parse(first.text).predictions;
    if (!Array.isArray(predictions) || predictions.length !== options.rows.length) {
        return { ok: false, problem: `/predict returned ${Array.isArray(predictions) ? predictions.length : 'no'} predictions for ${options.rows.length} rows`, startMs, mismatches: [] };
    }
    const mismatches = [];
    if (options.expected) {
        options.expected.forEach((expected, row) => {
            if (!sameValue(expected, predictions[row]))
                mismatches.push({ row, expected, actual: predictions[row] });
        });
    }
    const times = [];
    for (let i = 0; i < options.requests; i++) {
        const t = performance.now();
        const r = await post(`${options.baseUrl}/predict`, body);
        times.push(performance.now() - t);
        if (r.status !== 200)
            return { ok: false, problem: `/predict answered ${r.status} on request ${i + 2}`, startMs, predictions, mismatches };
    }
    times.sort((a, b) => a - b);
    const quantile = (q) => (times.length === 0 ? 0 : times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)]);
    const latency = { p50: quantile(0.5), p99: quantile(0.99), max: times.at(-1) ?? 0, requests: times.length };
    return {
        ok: mismatches.length === 0,
        problem: mismatches.length > 0 ? `${mismatches.length} of ${options.rows.length} predictions differ from the package's expected output` : undefined,
        startMs,
        predictions,
        mismatches,
        latency,
    };
}
async function post(url, body) {
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body, signal: AbortSignal.timeout(30_000) });
    return { status: response.status, text: await response.text() };
}
/** Equal, with numbers equal to 1e-9 relative (floating point differs between builds of numpy). */
function sameValue(a, b) {
    if (typeof a === 'number' && typeof b === 'number')
        return a === b || Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
    if (Array.isArray(a) && Array.isArray(b))
        return a.length === b.length && a.every((x, i) => sameValue(x, b[i]));
    return JSON.stringify(a) === JSON.stringify(b);
}
/** The predictions of an expected-output file: a list, or {"predictions": [...]}. */
function expectedPredictions(json) {
    if (Array.isArray(json))
        return json;
    const p = json?.predictions;
    return Array.isArray(p) ? p : undefined;
}
/** Rows of an input example: a list of objects, {"rows": [...]}, {"instances": [...]}, CSV or JSON Lines text. */
function exampleRows(text, fileName) {
    if (/\.(csv|tsv)$/i.test(fileName)) {
        const [header, ...records] = (0,signature/* parseCsv */.Wk)(text.replace(/^\uFEFF/, ''), fileName, /\.tsv$/i.test(fileName) ? '\t' : ',');
        if (!header)
            return [];
        return records.map((r) => Object.fromEntries(header.fields.map((c, i) => [c, r.quoted[i] ? (r.fields[i] ?? '') : csvValue(r.fields[i] ?? '')])));
    }
    if (/\.jsonl$/i.test(fileName))
        return text.split(/\r?\n/).filter((l) => l.trim() !== '').map((l) => JSON.parse(l));
    const json = JSON.parse(text);
    if (Array.isArray(json))
        return json;
    const obj = json;
    for (const key of ['rows', 'instances', 'inputs'])
        if (Array.isArray(obj[key]))
            return obj[key];
    return [json];
}
function csvValue(cell) {
    const t = cell.trim();
    if (t === '')
        return null;
    if (t === 'true' || t === 'false')
        return t === 'true';
    const n = Number(t);
    return Number.isFinite(n) && /^[-+]?[\d.]+(e[-+]?\d+)?$/i.test(t) ? n : t;
}
/** The rows of a package's input example and its expected predictions, read from the package folder. */
async function packageExamples(packageDir, manifest) {
    const example = manifest.examples?.input;
    const rows = example ? exampleRows(await (0,promises_.readFile)(external_node_path_default().join(packageDir, example), 'utf8'), example) : [];
    const expected = manifest.examples?.output ? expectedPredictions(JSON.parse(await (0,promises_.readFile)(external_node_path_default().join(packageDir, manifest.examples.output), 'utf8'))) : undefined;
    return { rows, expected };
}

// EXTERNAL MODULE: ./src/packaging/package.ts + 2 modules
var packaging_package = __webpack_require__(9915);
// EXTERNAL MODULE: ./src/platform/environment.ts
var environment = __webpack_require__(3113);
// EXTERNAL MODULE: ./src/platform/inputs.ts
var platform_inputs = __webpack_require__(3734);
// EXTERNAL MODULE: ./src/platform/report.ts
var platform_report = __webpack_require__(8809);
;// CONCATENATED MODULE: ./src/platform/reporting.ts


/**
 * Inputs every action shares: how its report is published and when the step fails. Spread into
 * each action's input schema; action.yml declares them too (the agreement test checks it).
 */
function reportingInputs(action, failOn = 'findings') {
    return {
        'fail-on': failOn === 'findings'
            ? (0,platform_inputs/* choiceInput */.ij)('fail-on', ['error', 'warning', 'never'])
                .prefault('error')
                .describe('Which findings fail the step: error, warning (errors and warnings) or never.')
            : (0,platform_inputs/* choiceInput */.ij)('fail-on', ['fail', 'inconclusive', 'never'])
                .prefault('fail')
                .describe('Which verdicts fail the step: fail, inconclusive (fail or inconclusive) or never.'),
        'report-path': schemas/* string */.YjP().prefault(`mlops-reports/${action}.json`).describe('Where to write the JSON report, relative to the workspace.'),
        'github-token': schemas/* string */.YjP().optional().describe('Token for the pull-request comment and check run; defaults to the job token.'),
        comment: (0,platform_inputs/* booleanInput */.tE)('comment').prefault('true').describe('Post or update one sticky comment on the pull request.'),
        'check-run': (0,platform_inputs/* booleanInput */.tE)('check-run').prefault('false').describe('Also create a check run with the report.'),
        'upload-report': (0,platform_inputs/* choiceInput */.ij)('upload-report', ['auto', 'always', 'never'])
            .prefault('auto')
            .describe('Upload the report as an artifact: auto (when the summary is cut or the token is read-only), always or never.'),
    };
}
function reportingOptions(inputs) {
    return {
        failOn: inputs['fail-on'],
        reportPath: inputs['report-path'],
        githubToken: inputs['github-token'],
        comment: inputs.comment,
        checkRun: inputs['check-run'],
        uploadReport: inputs['upload-report'],
    };
}

;// CONCATENATED MODULE: ./src/actions/containerize.ts


















const containerizeInputs = schemas/* object */.Ikc({
    package: schemas/* string */.YjP().describe("The model package: package-model's folder (package-dir) or .tar.gz (package-path)."),
    image: schemas/* string */.YjP().describe('The image repository, e.g. ghcr.io/acme/churn-server (tags come from `tags`).'),
    builder: (0,platform_inputs/* choiceInput */.ij)('builder', ['auto', 'docker', 'daemonless']).prefault('auto').describe('docker (a daemon), daemonless (registry API only), or auto.'),
    'base-image': schemas/* string */.YjP().prefault('python:3.12-slim').describe('The base image: it must hold Python 3 and the model’s requirements for the daemonless builder.'),
    dockerfile: schemas/* string */.YjP().optional().describe('Your own Dockerfile (docker builder); its context holds model/ and runtime/.'),
    tags: schemas/* string */.YjP().prefault(DEFAULT_TAG_TEMPLATES.join(',')).describe('Tag templates, one per line or comma separated.'),
    push: (0,platform_inputs/* booleanInput */.tE)('push').prefault('true').describe('Push the image (after the smoke test).'),
    'registry-username': schemas/* string */.YjP().optional().describe('Registry user; default for ghcr.io: the workflow actor.'),
    'registry-password': schemas/* string */.YjP().optional().describe('Registry password or token (a secret); default for ghcr.io: github-token.'),
    'insecure-registry': (0,platform_inputs/* booleanInput */.tE)('insecure-registry').prefault('false').describe('Talk plain HTTP to the registry (loopback registries always are).'),
    'oci-layout': schemas/* string */.YjP().optional().describe('Also write the image as an OCI layout in this folder (daemonless builder).'),
    'smoke-test': (0,platform_inputs/* choiceInput */.ij)('smoke-test', ['auto', 'true', 'false']).prefault('auto').describe('Run the image and call /health and /predict before pushing: auto (when an engine can run it), true (fail without), false.'),
    'smoke-timeout-seconds': (0,platform_inputs/* numberInput */.QR)('smoke-timeout-seconds', { min: 1, max: 3600, integer: false, what: 'a number of seconds from 1 to 3600' })
        .prefault('60')
        .describe('How long the smoke test waits for /health.'),
    'smoke-requests': (0,platform_inputs/* numberInput */.QR)('smoke-requests', { min: 0, max: 100_000, integer: true, what: 'a whole number from 0 to 100000' }).prefault('200').describe('/predict requests to measure latency over.'),
    'max-latency-ms': (0,platform_inputs/* numberInput */.QR)('max-latency-ms', { min: 0, max: Number.MAX_SAFE_INTEGER, integer: false, what: 'a number of milliseconds' }).optional().describe('Budget: p99 latency of /predict.'),
    'max-image-mb': (0,platform_inputs/* numberInput */.QR)('max-image-mb', { min: 0, max: Number.MAX_SAFE_INTEGER, integer: false, what: 'a number of MiB' }).optional().describe('Budget: image size.'),
    'compression-level': (0,platform_inputs/* numberInput */.QR)('compression-level', { min: 0, max: 9, integer: true, what: 'a whole number from 0 to 9' }).prefault('1').describe('gzip level of the daemonless layers.'),
    ...reportingInputs('containerize'),
});
const containerizeAction = {
    name: 'containerize',
    inputs: containerizeInputs,
    async run(inputs, context) {
        const startedAt = new Date();
        const { workspace, logger, run } = context;
        const scratch = await (0,promises_.mkdtemp)(external_node_path_default().join(context.scratch ?? external_node_os_default().tmpdir(), 'containerize-'));
        try {
            // The package must be intact before anything is built from it.
            const packagePath = workspace.resolve(inputs.package);
            const packageDisplay = workspace.display(packagePath);
            const opened = await (0,packaging_package/* openVerifiedPackage */.H6)(packagePath, packageDisplay, scratch, 'Build the image from the package package-model wrote, unchanged');
            const packageDir = opened.dir;
            const packageDigest = opened.archiveSha256 ? `sha256:${opened.archiveSha256}` : undefined;
            const manifest = opened.manifest;
            const target = parseImageReference(inputs.image);
            if (target.tag || target.digest)
                throw new errors/* ConfigurationError */.j1(`input image: give the repository without a tag (${formatImageReference({ ...target, tag: undefined, digest: undefined })})`, { hint: 'Tags come from the tags input.' });
            const tags = renderTags((0,platform_inputs/* splitList */.ry)(inputs.tags), {
                version: manifest.version,
                sha: run.sha,
                branch: (0,environment/* currentBranch */.eR)(run),
                defaultBranch: 'main',
                pullRequest: run.pullRequest?.number,
                date: startedAt.toISOString().slice(0, 10).replace(/-/g, ''),
            });
            if (tags.length === 0)
                throw new errors/* ConfigurationError */.j1('input tags: no tag applies to this run', { hint: 'Add a template that always applies, e.g. {{version}} or sha-{{sha}}.' });
            const credentials = registryCredentials(inputs, target, context);
            if (credentials)
                context.secret?.(credentials.password);
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
                if (builder === 'docker' && !daemon)
                    throw new errors/* ConfigurationError */.j1('builder docker: no Docker daemon answers', { hint: 'Use builder: daemonless (or auto), or start Docker on the runner.' });
                if (builder === 'daemonless' && inputs.dockerfile)
                    throw new errors/* ConfigurationError */.j1('input dockerfile needs the docker builder', { hint: 'The daemonless builder cannot run Dockerfile steps; set builder: docker.' });
                const canRun = daemon;
                if (inputs['smoke-test'] === 'true' && !canRun)
                    throw new errors/* ConfigurationError */.j1('smoke-test: true, but no container engine can run the image here', { hint: 'Start Docker on the runner, or set smoke-test: auto to skip it with a notice.' });
                const smokeWanted = inputs['smoke-test'] !== 'false' && canRun;
                const findings = new platform_report/* FindingCollector */.xe();
                const excerpts = [];
                const refs = tags.map((t) => formatImageReference({ ...target, tag: t }));
                let digest;
                let size = 0;
                let smoke;
                let pushedBytes;
                let layersSent;
                if (builder === 'docker') {
                    const contextDir = external_node_path_default().join(scratch, 'context');
                    let dockerfile = await writeBuildContext(contextDir, packageDir, inputs['base-image']);
                    if (inputs.dockerfile) {
                        dockerfile = external_node_path_default().join(contextDir, 'Dockerfile');
                        await (0,promises_.copyFile)(workspace.resolve(inputs.dockerfile), dockerfile);
                    }
                    logger.startGroup(`docker build ${refs[0]}`);
                    try {
                        await docker.cli.build({ contextDir, dockerfile, tags: refs, labels, network: 'host', onOutput: (t) => logger.output(t) });
                    }
                    finally {
                        logger.endGroup();
                    }
                    size = await docker.cli.imageSize(refs[0]);
                    if (smokeWanted)
                        smoke = await runSmoke(docker.cli, refs[0], manifest, packageDir, inputs, findings, excerpts);
                    if (inputs.push && (!smoke || smoke.ok)) {
                        if (credentials)
                            await docker.cli.login(target.registry, credentials.username, credentials.password);
                        for (const ref of refs)
                            digest = (await docker.cli.push(ref)) ?? digest;
                    }
                }
                else {
                    const base = parseImageReference(inputs['base-image']);
                    const baseClient = new RegistryClient({ registry: base.registry, credentials: base.registry === target.registry ? credentials : undefined, insecure: inputs['insecure-registry'], logger });
                    const client = new RegistryClient({ registry: target.registry, credentials, insecure: inputs['insecure-registry'], logger });
                    try {
                        const push = inputs.push || smokeWanted;
                        const result = await buildDaemonless({
                            base,
                            baseClient,
                            packageDir,
                            workDir: external_node_path_default().join(scratch, 'layers'),
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
                            if (credentials)
                                await docker.cli.login(target.registry, credentials.username, credentials.password);
                            const pulled = await docker.cli.run(['pull', byDigest]);
                            if (pulled.code !== 0)
                                throw new Error(`docker pull ${byDigest} failed: ${pulled.stderr.trim().split('\n').slice(-2).join(' ')}`);
                            smoke = await runSmoke(docker.cli, byDigest, manifest, packageDir, inputs, findings, excerpts);
                        }
                        if (inputs.push && (!smoke || smoke.ok)) {
                            for (const tag of tags)
                                await client.putManifest(target.repository, tag, result.image.manifest, result.image.manifestMediaType);
                        }
                    }
                    finally {
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
                if (inputs.push && !pushed)
                    findings.add({ severity: 'notice', rule: 'not-pushed', message: 'The image was not pushed (tags not written) because a check failed.' });
                const outputs = {
                    image: formatImageReference({ ...target, tag: undefined, digest: undefined }),
                    tags: JSON.stringify(refs),
                    'image-size': String(size),
                    builder,
                    pushed: String(pushed),
                };
                if (digest)
                    outputs.digest = digest;
                if (smoke?.latency) {
                    outputs['latency-p50-ms'] = smoke.latency.p50.toFixed(2);
                    outputs['latency-p99-ms'] = smoke.latency.p99.toFixed(2);
                }
                const rows = [
                    ['builder', builder],
                    ['base image', inputs['base-image']],
                    ['tags', refs.join(', ')],
                    ['digest', digest ?? '—'],
                    ['size', `${(size / 1024 / 1024).toFixed(1)} MiB`],
                    ['pushed', pushed ? 'yes' : 'no'],
                ];
                if (layersSent)
                    rows.push(['layers', `${layersSent}; ${((pushedBytes ?? 0) / 1024 / 1024).toFixed(1)} MiB sent`]);
                if (smoke)
                    rows.push(['smoke test', smoke.ok ? `passed: /health in ${((smoke.startMs ?? 0) / 1000).toFixed(1)} s, /predict p50 ${smoke.latency?.p50.toFixed(1)} ms, p99 ${smoke.latency?.p99.toFixed(1)} ms over ${smoke.latency?.requests} requests` : `failed: ${smoke.problem}`]);
                const tables = [
                    { title: 'Image', columns: ['', ''], rows },
                    { title: 'Labels', columns: ['label', 'value'], rows: Object.entries(labels).map(([k, v]) => [k, v]) },
                ];
                const report = (0,platform_report/* buildReport */.FK)({
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
            }
            finally {
                await docker.dispose();
            }
        }
        finally {
            await (0,promises_.rm)(scratch, { recursive: true, force: true });
        }
    },
};
async function runSmoke(cli, image, manifest, packageDir, inputs, findings, excerpts) {
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
    }
    finally {
        await container.stop();
    }
}
function registryCredentials(inputs, target, context) {
    const password = inputs['registry-password'] ?? (target.registry === 'ghcr.io' ? inputs['github-token'] : undefined);
    if (!password)
        return undefined;
    const username = inputs['registry-username'] ?? (target.registry === 'ghcr.io' ? (context.run.actor ?? 'x-access-token') : undefined);
    if (!username)
        throw new errors/* ConfigurationError */.j1('input registry-password is set but registry-username is empty', { hint: 'Give the registry user as well.' });
    return { username, password };
}
function freePort() {
    return new Promise((resolve, reject) => {
        const server = (0,external_node_net_.createServer)();
        server.listen(0, '127.0.0.1', () => {
            const address = server.address();
            server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no free port'))));
        });
    });
}

// EXTERNAL MODULE: ./src/stats/distributions.ts
var distributions = __webpack_require__(9808);
// EXTERNAL MODULE: ./src/eval/bootstrap.ts
var bootstrap = __webpack_require__(6140);
// EXTERNAL MODULE: ./src/eval/gates.ts
var eval_gates = __webpack_require__(6190);
;// CONCATENATED MODULE: ./src/eval/metrics.ts
/** Metrics of predicted labels, in the order `availableMetrics` lists them. */
const LABEL_AVERAGES = ['precision_macro', 'recall_macro', 'f1_macro', 'precision_weighted', 'recall_weighted', 'f1_weighted'];
const BINARY_LABEL_METRICS = ['accuracy', 'precision', 'recall', 'f1', ...LABEL_AVERAGES];
const MULTICLASS_METRICS = ['accuracy', ...LABEL_AVERAGES];
const SCORE_METRICS = ['roc_auc', 'pr_auc', 'log_loss', 'brier'];
const REGRESSION_METRICS = ['rmse', 'mae', 'r2', 'mape'];
const metrics_KNOWN = {
    binary: [...BINARY_LABEL_METRICS, ...SCORE_METRICS],
    multiclass: MULTICLASS_METRICS,
    regression: REGRESSION_METRICS,
};
/** Per metric: whether a 'higher' or a 'lower' value is better. */
const METRIC_DIRECTION = {
    accuracy: 'higher',
    precision: 'higher',
    recall: 'higher',
    f1: 'higher',
    precision_macro: 'higher',
    recall_macro: 'higher',
    f1_macro: 'higher',
    precision_weighted: 'higher',
    recall_weighted: 'higher',
    f1_weighted: 'higher',
    roc_auc: 'higher',
    pr_auc: 'higher',
    log_loss: 'lower',
    brier: 'lower',
    rmse: 'lower',
    mae: 'lower',
    r2: 'higher',
    mape: 'lower',
};
/** np.finfo(np.float64).eps: sklearn's log_loss clipping (eps="auto") and mape's floor for |yTrue|. */
const EPS = 2 ** -52;
/** Largest number of classes accepted (per-class totals are arrays of this length). */
const MAX_CLASSES = 1 << 20;
/**
 * Metric names available for a task given which columns exist: binary label metrics need yPred or
 * yScore (thresholded), roc_auc, pr_auc, log_loss and brier need yScore; multiclass and regression
 * metrics need yPred.
 */
function availableMetrics(task, p) {
    switch (task) {
        case 'binary':
            return [...(p.yPred || p.yScore ? BINARY_LABEL_METRICS : []), ...(p.yScore ? SCORE_METRICS : [])];
        case 'multiclass':
            return p.yPred ? [...MULTICLASS_METRICS] : [];
        case 'regression':
            return p.yPred ? [...REGRESSION_METRICS] : [];
        default:
            throw new RangeError(`unknown task ${JSON.stringify(task)}: expected binary, multiclass or regression`);
    }
}
/**
 * Every available metric (or just `names`, in their order), as scikit-learn 1.2 computes them with
 * `sample_weight`. Undefined metrics are NaN (see the module comment). Throws RangeError for an
 * unknown name, a name the columns cannot give, or invalid inputs.
 */
function computeMetrics(task, p, options = {}, names) {
    const columns = { yScore: p.yScore !== undefined, yPred: p.yPred !== undefined };
    const available = availableMetrics(task, columns);
    const wanted = names ?? available;
    for (const name of wanted)
        checkName(task, name, available);
    const classes = checkInputs(task, p, options);
    if (wanted.length === 0)
        return {};
    if (task === 'regression')
        return regressionMetrics(p, wanted);
    return classificationMetrics(p, task === 'binary', classes, options.threshold ?? 0.5, wanted);
}
function checkName(task, name, available) {
    if (!metrics_KNOWN[task].includes(name)) {
        throw new RangeError(`unknown metric "${name}" for ${task} predictions (known: ${metrics_KNOWN[task].join(', ')})`);
    }
    if (!available.includes(name)) {
        const needs = SCORE_METRICS.includes(name) ? 'yScore' : task === 'binary' ? 'yPred or yScore' : 'yPred';
        throw new RangeError(`metric "${name}" needs ${needs}, which the predictions do not have`);
    }
}
// ---------------------------------------------------------------------------------------------
// Input checks
/** Checks lengths and values; returns the number of classes k (2 for binary, 0 for regression). */
function checkInputs(task, p, options) {
    const n = p.yTrue.length;
    if (n === 0)
        throw new RangeError('no rows: yTrue is empty');
    checkLength('yScore', p.yScore, n);
    checkLength('yPred', p.yPred, n);
    checkLength('weight', p.weight, n);
    if (p.weight)
        checkWeights(p.weight);
    if (task === 'regression') {
        checkFinite('yTrue', p.yTrue);
        if (p.yPred)
            checkFinite('yPred', p.yPred);
        return 0;
    }
    if (task === 'binary') {
        checkCodes('yTrue', p.yTrue, 2, 'binary labels must be 0 or 1');
        if (p.yPred)
            checkCodes('yPred', p.yPred, 2, 'binary labels must be 0 or 1');
        if (p.yScore)
            checkFinite('yScore', p.yScore);
        if (options.threshold !== undefined && Number.isNaN(options.threshold))
            throw new RangeError('threshold is NaN');
        return 2;
    }
    const k = options.classes ?? Math.max(largestCode('yTrue', p.yTrue), p.yPred ? largestCode('yPred', p.yPred) : 0) + 1;
    if (!Number.isInteger(k) || k < 1 || k > MAX_CLASSES)
        throw new RangeError(`classes must be an integer from 1 to ${MAX_CLASSES}; got ${k}`);
    const rule = `class codes must be integers from 0 to ${k - 1}`;
    checkCodes('yTrue', p.yTrue, k, rule);
    if (p.yPred)
        checkCodes('yPred', p.yPred, k, rule);
    return k;
}
function checkLength(name, values, n) {
    if (values && values.length !== n)
        throw new RangeError(`${name} has ${values.length} values but yTrue has ${n}`);
}
function checkFinite(name, values) {
    for (let i = 0; i < values.length; i++) {
        const x = values[i];
        // x - x is NaN for NaN and for ±Infinity, 0 otherwise.
        if (x - x !== 0)
            throw new RangeError(`${name}[${i}] is ${x}; values must be finite`);
    }
}
function checkWeights(weight) {
    for (let i = 0; i < weight.length; i++) {
        const x = weight[i];
        if (!(x >= 0 && x < Infinity))
            throw new RangeError(`weight[${i}] is ${x}; weights must be finite and >= 0`);
    }
}
/** Every value an integer code in 0..k-1; else a RangeError that states `rule`. */
function checkCodes(name, values, k, rule) {
    for (let i = 0; i < values.length; i++) {
        const x = values[i];
        if (!(x >= 0 && x < k && Math.floor(x) === x))
            throw new RangeError(`${name}[${i}] is ${x}; ${rule}`);
    }
}
function largestCode(name, values) {
    let max = 0;
    for (let i = 0; i < values.length; i++) {
        const x = values[i];
        if (!(x >= 0 && x < MAX_CLASSES && Math.floor(x) === x)) {
            throw new RangeError(`${name}[${i}] is ${x}; class codes must be integers from 0 to ${MAX_CLASSES - 1}`);
        }
        if (x > max)
            max = x;
    }
    return max;
}
// ---------------------------------------------------------------------------------------------
// Summation
/** numpy's reductions run over buffers of this many elements (np.getbufsize()). */
const NUMPY_BUFFER = 8192;
/**
 * Sum of `values` in numpy's order (np.sum, np.mean, np.average in numpy 1.x): the array is reduced
 * buffer by buffer, 8192 values at a time, each buffer summed pairwise and the buffer sums added left
 * to right. This matches numpy to the last bit, and the error grows as O(n / 8192 + log n) ulps
 * where a plain left-to-right sum drifts as O(n).
 */
function numpySum(values) {
    let sum = 0;
    for (let start = 0; start < values.length; start += NUMPY_BUFFER) {
        sum += pairwiseSum(values, start, Math.min(NUMPY_BUFFER, values.length - start));
    }
    return sum;
}
/**
 * Sum of values[start .. start + n) in the order of numpy's `pairwise_sum`: fewer than 8 values left
 * to right; up to 128 in 8 interleaved partial sums combined as ((r0 + r1) + (r2 + r3)) +
 * ((r4 + r5) + (r6 + r7)), then the remainder; more than 128 split at half the count rounded down to
 * a multiple of 8.
 */
function pairwiseSum(values, start, n) {
    if (n < 8) {
        let s = 0;
        for (let i = start; i < start + n; i++)
            s += values[i];
        return s;
    }
    if (n <= 128)
        return blockSum(values, start, n);
    let half = Math.floor(n / 2);
    half -= half % 8;
    return pairwiseSum(values, start, half) + pairwiseSum(values, start + half, n - half);
}
function blockSum(a, start, n) {
    let r0 = a[start];
    let r1 = a[start + 1];
    let r2 = a[start + 2];
    let r3 = a[start + 3];
    let r4 = a[start + 4];
    let r5 = a[start + 5];
    let r6 = a[start + 6];
    let r7 = a[start + 7];
    const blocks = n - (n % 8);
    let i = 8;
    for (; i < blocks; i += 8) {
        const j = start + i;
        r0 += a[j];
        r1 += a[j + 1];
        r2 += a[j + 2];
        r3 += a[j + 3];
        r4 += a[j + 4];
        r5 += a[j + 5];
        r6 += a[j + 6];
        r7 += a[j + 7];
    }
    let s = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7));
    for (; i < n; i++)
        s += a[start + i];
    return s;
}
/**
 * `np.average(terms, weights=weight)`: sum(terms · weight) / sum(weight), or mean(terms) without
 * weights; NaN when the weights sum to 0 (numpy raises). Overwrites `terms` with terms · weight.
 */
function average(terms, weight, weightSum) {
    if (!weight)
        return numpySum(terms) / terms.length;
    if (weightSum === 0)
        return NaN;
    for (let i = 0; i < terms.length; i++)
        terms[i] *= weight[i];
    return numpySum(terms) / weightSum;
}
/** Sum of the weights as numpy sums them (the divisor of np.average); n without weights. */
function totalWeight(weight, n) {
    return weight ? numpySum(weight) : n;
}
// ---------------------------------------------------------------------------------------------
// Classification
function classificationMetrics(p, binary, classes, threshold, names) {
    const { yTrue, yScore, weight } = p;
    const n = yTrue.length;
    const weightSum = totalWeight(weight, n);
    const scratch = new Float64Array(n);
    let labels;
    let curve;
    let bothClasses;
    const out = {};
    for (const name of names) {
        if (!SCORE_METRICS.includes(name)) {
            labels ??= labelMetrics(binary, yTrue, p.yPred ?? thresholded(yScore, threshold), weight, weightSum, classes, scratch);
            out[name] = labels[name];
            continue;
        }
        const score = yScore;
        bothClasses ??= hasBothClasses(yTrue);
        if (name === 'roc_auc')
            out[name] = bothClasses ? rocAuc((curve ??= rankCurve(yTrue, score, weight))) : NaN;
        else if (name === 'pr_auc')
            out[name] = averagePrecision((curve ??= rankCurve(yTrue, score, weight)));
        else if (name === 'log_loss')
            out[name] = bothClasses ? logLoss(yTrue, score, weight, weightSum, scratch) : NaN;
        else
            out[name] = brier(yTrue, score, weight, weightSum, scratch);
    }
    return out;
}
function thresholded(yScore, threshold) {
    const yPred = new Float64Array(yScore.length);
    for (let i = 0; i < yScore.length; i++)
        yPred[i] = yScore[i] >= threshold ? 1 : 0;
    return yPred;
}
/** Whether yTrue (binary, any weight) has both 0 and 1, as sklearn's np.unique(y_true) checks. */
function hasBothClasses(yTrue) {
    const first = yTrue[0];
    for (let i = 1; i < yTrue.length; i++)
        if (yTrue[i] !== first)
            return true;
    return false;
}
function classTotals(yTrue, yPred, weight, k) {
    const totals = { hits: new Float64Array(k), truth: new Float64Array(k), predicted: new Float64Array(k), present: new Uint8Array(k) };
    const { hits, truth, predicted, present } = totals;
    for (let i = 0; i < yTrue.length; i++) {
        const t = yTrue[i];
        const q = yPred[i];
        const w = weight ? weight[i] : 1;
        truth[t] += w;
        predicted[q] += w;
        if (t === q)
            hits[t] += w;
        present[t] = 1;
        present[q] = 1;
    }
    return totals;
}
/**
 * Accuracy and precision, recall and F1 (binary for class 1, macro and weighted averages) from the
 * class totals, with the formulas of sklearn's precision_recall_fscore_support.
 */
function labelMetrics(binary, yTrue, yPred, weight, weightSum, k, scratch) {
    const totals = classTotals(yTrue, yPred, weight, k);
    const scores = presentClassScores(totals);
    const out = { accuracy: accuracy(yTrue, yPred, weight, weightSum, scratch) };
    if (binary) {
        // average='binary', pos_label=1: class 1's scores, even if class 1 never occurs.
        const one = classScores(totals.hits[1], totals.predicted[1], totals.truth[1]);
        out.precision = one.precision;
        out.recall = one.recall;
        out.f1 = one.f1;
    }
    const noSupport = numpySum(scores.support) === 0;
    for (const [metric, values] of [
        ['precision', scores.precision],
        ['recall', scores.recall],
        ['f1', scores.f1],
    ]) {
        out[`${metric}_macro`] = numpySum(values) / values.length;
        // sklearn returns zero_division (0) for every weighted average when no row has weight.
        out[`${metric}_weighted`] = noSupport ? 0 : weightedMean(values, scores.support);
    }
    return out;
}
/** np.average(values, weights=weights) for short per-class arrays. */
function weightedMean(values, weights) {
    const products = new Float64Array(values.length);
    for (let c = 0; c < values.length; c++)
        products[c] = values[c] * weights[c];
    return numpySum(products) / numpySum(weights);
}
/** The scores of the classes present, in ascending class order, and their supports (true weight). */
function presentClassScores(totals) {
    const classes = [];
    totals.present.forEach((present, c) => {
        if (present)
            classes.push(c);
    });
    const m = classes.length;
    const out = { precision: new Float64Array(m), recall: new Float64Array(m), f1: new Float64Array(m), support: new Float64Array(m) };
    classes.forEach((c, j) => {
        const s = classScores(totals.hits[c], totals.predicted[c], totals.truth[c]);
        out.precision[j] = s.precision;
        out.recall[j] = s.recall;
        out.f1[j] = s.f1;
        out.support[j] = s.support;
    });
    return out;
}
/**
 * One class's precision, recall and F1 as sklearn computes them: it rebuilds the predicted and true
 * totals as tp + fp and tp + fn from the confusion matrix (which can differ from the bincounts in
 * the last bit), sets a ratio with a zero denominator to 0, and F1 = 2·p·r / (p + r), or 0 when
 * p + r = 0.
 */
function classScores(hits, predicted, truth) {
    const predictedSum = hits + (predicted - hits);
    const trueSum = hits + (truth - hits);
    const precision = predictedSum === 0 ? 0 : hits / predictedSum;
    const recall = trueSum === 0 ? 0 : hits / trueSum;
    const denominator = precision + recall;
    const f1 = denominator === 0 ? 0 : (2 * precision * recall) / denominator;
    return { precision, recall, f1, support: trueSum };
}
/** accuracy_score: np.average(yTrue == yPred, weights). */
function accuracy(yTrue, yPred, weight, weightSum, scratch) {
    if (!weight) {
        let hits = 0;
        for (let i = 0; i < yTrue.length; i++)
            if (yTrue[i] === yPred[i])
                hits++;
        return hits / yTrue.length;
    }
    for (let i = 0; i < yTrue.length; i++)
        scratch[i] = yTrue[i] === yPred[i] ? 1 : 0;
    return average(scratch, weight, weightSum);
}
/**
 * log_loss with eps="auto" (float64 eps): the score is clipped to [eps, 1 - eps], the two class
 * probabilities (1 - p, p) are renormalised by their sum as sklearn does, and the loss is -log of the
 * true class's probability.
 */
function logLoss(yTrue, yScore, weight, weightSum, scratch) {
    for (let i = 0; i < yTrue.length; i++) {
        const p = Math.min(Math.max(yScore[i], EPS), 1 - EPS);
        const q = 1 - p;
        const sum = q + p;
        scratch[i] = -Math.log((yTrue[i] === 1 ? p : q) / sum);
    }
    return average(scratch, weight, weightSum);
}
/** brier_score_loss: the mean of (y - p)²; NaN for scores outside [0, 1], which sklearn rejects. */
function brier(yTrue, yScore, weight, weightSum, scratch) {
    for (let i = 0; i < yTrue.length; i++) {
        const s = yScore[i];
        if (s < 0 || s > 1)
            return NaN;
        const d = yTrue[i] - s;
        scratch[i] = d * d;
    }
    return average(scratch, weight, weightSum);
}
/**
 * The curve, with the cumulative sums taken row by row in sklearn's order: np.cumsum over the rows
 * by descending score, tied rows in descending row order (sklearn reverses a stable ascending
 * argsort), so that weighted sums round exactly as sklearn's do.
 */
function rankCurve(yTrue, yScore, weight) {
    const sorted = sortRows(yTrue, yScore, weight);
    const { high, low, signedWeight } = sorted;
    const tps = new Float64Array(signedWeight.length);
    const fps = new Float64Array(signedWeight.length);
    let m = 0;
    let tp = 0;
    let fp = 0;
    for (let k = signedWeight.length - 1; k >= 0; k--) {
        const w = signedWeight[k];
        if (w > 0)
            tp += w;
        else
            fp -= w;
        // The last row of a tie group (in this descending walk) closes a point of the curve.
        if (k === 0 || high[k - 1] !== high[k] || low[k - 1] !== low[k]) {
            tps[m] = tp;
            fps[m++] = fp;
        }
    }
    return { tps: tps.subarray(0, m), fps: fps.subarray(0, m) };
}
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
/** Radix digits on the 64-bit keys: 11, 11 and 10 bits of the low word, then of the high word. */
const DIGITS = [
    { onHigh: false, shift: 0, mask: 0x7ff },
    { onHigh: false, shift: 11, mask: 0x7ff },
    { onHigh: false, shift: 22, mask: 0x3ff },
    { onHigh: true, shift: 0, mask: 0x7ff },
    { onHigh: true, shift: 11, mask: 0x7ff },
    { onHigh: true, shift: 22, mask: 0x3ff },
];
/**
 * The rows of nonzero weight in ascending order of score, equal scores in ascending row order (as
 * numpy's argsort(kind='mergesort')). An LSD radix sort on sort keys, 64-bit unsigned integers in
 * the order of the scores (the IEEE-754 bits, all flipped for a negative score, the sign bit set for
 * others; -0 is made +0, a tie in numpy), in six stable counting passes that carry each row's
 * signed weight, so that the walk over the result reads memory in order. A pass whose digit is the
 * same for every key is skipped.
 */
function sortRows(yTrue, yScore, weight) {
    let rows = keyRows(yTrue, yScore, weight);
    let spare = { high: new Uint32Array(rows.high.length), low: new Uint32Array(rows.high.length), signedWeight: new Float64Array(rows.high.length) };
    for (const { onHigh, shift, mask } of DIGITS) {
        const keys = onHigh ? rows.high : rows.low;
        const offsets = digitCounts(keys, shift, mask);
        if (offsets.includes(keys.length))
            continue; // every key has the same digit
        let sum = 0;
        for (let b = 0; b < offsets.length; b++) {
            const count = offsets[b];
            offsets[b] = sum;
            sum += count;
        }
        scatter(rows, spare, keys, shift, mask, offsets);
        [rows, spare] = [spare, rows];
    }
    return rows;
}
/** The sort keys and signed weights of the rows of nonzero weight, in row order. */
function keyRows(yTrue, yScore, weight) {
    const n = yScore.length;
    const high = new Uint32Array(n);
    const low = new Uint32Array(n);
    const signedWeight = new Float64Array(n);
    const bits = new Float64Array(1);
    const words = new Uint32Array(bits.buffer);
    const hi = LITTLE_ENDIAN ? 1 : 0;
    let kept = 0;
    for (let i = 0; i < n; i++) {
        const w = weight ? weight[i] : 1;
        if (w === 0)
            continue; // sklearn drops the rows of zero weight
        bits[0] = yScore[i] + 0; // -0 + 0 is +0
        const h = words[hi];
        const l = words[1 - hi];
        const negative = h >>> 31 === 1;
        high[kept] = negative ? ~h >>> 0 : (h | 0x80000000) >>> 0;
        low[kept] = negative ? ~l >>> 0 : l;
        signedWeight[kept++] = yTrue[i] === 1 ? w : -w;
    }
    return { high: high.subarray(0, kept), low: low.subarray(0, kept), signedWeight: signedWeight.subarray(0, kept) };
}
/**
 * One stable counting pass: moves each row to offsets[its digit]++. Unrolled by four, since V8
 * reloads every typed array's length and data pointer after a store to another typed array, and the
 * unrolled body shares those loads (as in src/stats/sort-float64.ts).
 */
function scatter(from, to, keys, shift, mask, offsets) {
    const { high, low, signedWeight } = from;
    const { high: toHigh, low: toLow, signedWeight: toWeight } = to;
    const n = keys.length;
    let i = 0;
    for (; i + 3 < n; i += 4) {
        const d0 = (keys[i] >>> shift) & mask;
        const d1 = (keys[i + 1] >>> shift) & mask;
        const d2 = (keys[i + 2] >>> shift) & mask;
        const d3 = (keys[i + 3] >>> shift) & mask;
        const h0 = high[i];
        const h1 = high[i + 1];
        const h2 = high[i + 2];
        const h3 = high[i + 3];
        const l0 = low[i];
        const l1 = low[i + 1];
        const l2 = low[i + 2];
        const l3 = low[i + 3];
        const w0 = signedWeight[i];
        const w1 = signedWeight[i + 1];
        const w2 = signedWeight[i + 2];
        const w3 = signedWeight[i + 3];
        const j0 = offsets[d0]++;
        const j1 = offsets[d1]++;
        const j2 = offsets[d2]++;
        const j3 = offsets[d3]++;
        toHigh[j0] = h0;
        toHigh[j1] = h1;
        toHigh[j2] = h2;
        toHigh[j3] = h3;
        toLow[j0] = l0;
        toLow[j1] = l1;
        toLow[j2] = l2;
        toLow[j3] = l3;
        toWeight[j0] = w0;
        toWeight[j1] = w1;
        toWeight[j2] = w2;
        toWeight[j3] = w3;
    }
    for (; i < n; i++) {
        const j = offsets[(keys[i] >>> shift) & mask]++;
        toHigh[j] = high[i];
        toLow[j] = low[i];
        toWeight[j] = signedWeight[i];
    }
}
function digitCounts(keys, shift, mask) {
    const counts = new Uint32Array(mask + 1);
    for (let i = 0; i < keys.length; i++)
        counts[(keys[i] >>> shift) & mask]++;
    return counts;
}
/**
 * roc_auc_score: the trapezoid rule over the ROC points from (0, 0) through every distinct
 * threshold, after sklearn's roc_curve drops the points whose second differences of fps and tps are
 * both 0 (collinear). NaN when the positives or the negatives have no weight.
 */
function rocAuc({ tps, fps }) {
    const m = tps.length;
    if (m === 0)
        return NaN;
    const positives = tps[m - 1];
    const negatives = fps[m - 1];
    if (!(positives > 0 && negatives > 0))
        return NaN;
    const kept = cornerPoints(tps, fps);
    const terms = new Float64Array(kept.length);
    let x0 = 0;
    let y0 = 0;
    for (let i = 0; i < kept.length; i++) {
        const x = fps[kept[i]] / negatives;
        const y = tps[kept[i]] / positives;
        terms[i] = ((x - x0) * (y + y0)) / 2;
        x0 = x;
        y0 = y;
    }
    return numpySum(terms);
}
/** Indices of the curve points sklearn's roc_curve(drop_intermediate=True) keeps. */
function cornerPoints(tps, fps) {
    const m = tps.length;
    const kept = new Uint32Array(m);
    let count = 0;
    for (let j = 0; j < m; j++) {
        const corner = m <= 2 ||
            j === 0 ||
            j === m - 1 ||
            fps[j + 1] - fps[j] - (fps[j] - fps[j - 1]) !== 0 ||
            tps[j + 1] - tps[j] - (tps[j] - tps[j - 1]) !== 0;
        if (corner)
            kept[count++] = j;
    }
    return kept.subarray(0, count);
}
/**
 * average_precision_score: Σ (R_n − R_{n−1}) · P_n over the distinct thresholds, the step function
 * with no interpolation. A threshold with no weight at or above it has precision 0; with no positive
 * weight at all the recall is 1 everywhere and the result 0 (as sklearn). NaN when no row has weight.
 */
function averagePrecision({ tps, fps }) {
    const m = tps.length;
    if (m === 0)
        return NaN;
    const positives = tps[m - 1];
    const recall = (j) => (positives === 0 ? 1 : tps[j] / positives);
    const terms = new Float64Array(m);
    // sklearn reverses the curve (recall decreasing) and appends recall 0, precision 1; term i is
    // (recall[i + 1] - recall[i]) · precision[i] in that order, the sum negated.
    for (let i = 0; i < m; i++) {
        const j = m - 1 - i;
        const predictedPositive = tps[j] + fps[j];
        const precision = predictedPositive === 0 ? 0 : tps[j] / predictedPositive;
        terms[i] = ((j > 0 ? recall(j - 1) : 0) - recall(j)) * precision;
    }
    return 0 - numpySum(terms);
}
// ---------------------------------------------------------------------------------------------
// Regression
function regressionMetrics(p, names) {
    const { yTrue, weight } = p;
    const yPred = p.yPred;
    const weightSum = totalWeight(weight, yTrue.length);
    const scratch = new Float64Array(yTrue.length);
    const out = {};
    for (const name of names) {
        if (name === 'r2')
            out[name] = r2(yTrue, yPred, weight, weightSum, scratch);
        else {
            errorTerms(name, yTrue, yPred, scratch);
            const mean = average(scratch, weight, weightSum);
            out[name] = name === 'rmse' ? Math.sqrt(mean) : mean;
        }
    }
    return out;
}
/**
 * Per-row errors: (y - q)² for rmse (the square root of mean_squared_error), |q - y| for mae, and
 * |q - y| / max(|y|, eps) for mape, so that a zero target gives |q| / eps (about 4.5e15 · |q|), as
 * sklearn's mean_absolute_percentage_error does. One loop per kind keeps each loop monomorphic.
 */
function errorTerms(kind, yTrue, yPred, out) {
    const n = yTrue.length;
    if (kind === 'rmse') {
        for (let i = 0; i < n; i++)
            out[i] = squaredError(yTrue[i], yPred[i]);
    }
    else if (kind === 'mae') {
        for (let i = 0; i < n; i++)
            out[i] = Math.abs(yPred[i] - yTrue[i]);
    }
    else {
        for (let i = 0; i < n; i++)
            out[i] = Math.abs(yPred[i] - yTrue[i]) / Math.max(Math.abs(yTrue[i]), EPS);
    }
}
function squaredError(t, q) {
    const d = t - q;
    return d * d;
}
/**
 * r2_score: 1 − Σw(y − q)² / Σw(y − ȳ)² with the weighted mean ȳ; 1 when the residuals are all 0,
 * 0 when only the target is constant (force_finite), NaN for fewer than 2 rows or no weight.
 */
function r2(yTrue, yPred, weight, weightSum, scratch) {
    const n = yTrue.length;
    if (n < 2)
        return NaN;
    scratch.set(yTrue);
    const mean = average(scratch, weight, weightSum);
    if (Number.isNaN(mean))
        return NaN;
    for (let i = 0; i < n; i++)
        scratch[i] = squaredError(yTrue[i], yPred[i]) * (weight ? weight[i] : 1);
    const residual = numpySum(scratch);
    for (let i = 0; i < n; i++)
        scratch[i] = squaredError(yTrue[i], mean) * (weight ? weight[i] : 1);
    const total = numpySum(scratch);
    if (residual === 0)
        return 1;
    if (total === 0)
        return 0;
    return 1 - residual / total;
}

;// CONCATENATED MODULE: ./src/eval/mcnemar.ts

/**
 * McNemar's test of two classifiers on the same examples: of the examples exactly one of them
 * labels correctly, are the candidate's and the baseline's shares equal? The statistic is the
 * continuity-corrected χ² = (|b − c| − 1)² / (b + c) with one degree of freedom (statsmodels'
 * mcnemar(exact=False, correction=True)); counts are of examples, not weights.
 */
function mcnemar(yTrue, candidate, baseline) {
    let b = 0;
    let c = 0;
    for (let i = 0; i < yTrue.length; i++) {
        const candidateRight = candidate[i] === yTrue[i];
        const baselineRight = baseline[i] === yTrue[i];
        if (candidateRight && !baselineRight)
            b++;
        else if (baselineRight && !candidateRight)
            c++;
    }
    if (b + c === 0)
        return { candidateOnlyCorrect: 0, baselineOnlyCorrect: 0, statistic: 0, pValue: 1 };
    const statistic = (Math.abs(b - c) - 1) ** 2 / (b + c);
    return { candidateOnlyCorrect: b, baselineOnlyCorrect: c, statistic, pValue: (0,distributions/* chi2Sf */.wv)(statistic, 1) };
}

// EXTERNAL MODULE: ./src/data/batch.ts
var batch = __webpack_require__(9984);
// EXTERNAL MODULE: ./src/data/readers/index.ts + 2 modules
var readers = __webpack_require__(2271);
// EXTERNAL MODULE: ./src/data/typed.ts
var typed = __webpack_require__(3560);
;// CONCATENATED MODULE: ./src/eval/predictions.ts





const DEFAULT_COLUMNS = { label: 'y_true', score: 'y_score', prediction: 'y_pred', weight: 'weight' };
/** Grows a Float64Array as rows come. */
class Column {
    data = new Float64Array(1 << 16);
    length = 0;
    push(x) {
        if (this.length === this.data.length) {
            const grown = new Float64Array(this.data.length * 2);
            grown.set(this.data);
            this.data = grown;
        }
        this.data[this.length++] = x;
    }
    done() {
        return this.data.slice(0, this.length);
    }
}
/** Codes strings in order of first sight; recoded to sorted order at the end. */
class Dictionary {
    index = new Map();
    values = [];
    code(text) {
        let c = this.index.get(text);
        if (c === undefined) {
            c = this.values.length;
            this.index.set(text, c);
            this.values.push(text);
        }
        return c;
    }
}
async function loadPredictions(file, names, read, options) {
    const label = new Column();
    const score = new Column();
    const pred = new Column();
    const weight = new Column();
    const labelText = new Dictionary();
    const slices = (names.slices ?? []).map((name) => ({ name, dict: new Dictionary(), codes: new Column() }));
    const hash = (0,external_node_crypto_.createHash)('sha256');
    let at = {};
    let has = { score: false, pred: false, weight: false, id: false };
    const text = (col, r) => {
        if (col.kind === 'values') {
            const v = col.values[r];
            return v === null || v === undefined ? null : v instanceof Date ? v.toISOString() : String(v);
        }
        if (col.flags[r] === batch/* FIELD_NULL */.VG)
            return null;
        return (0,typed/* fieldText */.gF)(col.buf, col.start[r], col.end[r], col.flags[r] === batch/* FIELD_QUOTED_ESCAPED */.A0, col.quote);
    };
    const number = (col, r) => {
        if (col.kind === 'values') {
            const v = col.values[r];
            if (typeof v === 'number')
                return v;
            if (typeof v === 'boolean')
                return v ? 1 : 0;
            if (typeof v === 'bigint')
                return Number(v);
            if (typeof v === 'string' && v.trim() !== '')
                return Number(v);
            return NaN;
        }
        if (col.flags[r] === batch/* FIELD_NULL */.VG)
            return NaN;
        return (0,typed/* parseNumberBytes */.oX)(col.buf, col.start[r], col.end[r]);
    };
    const bad = (batch, r, column, value, expected) => new errors/* ConfigurationError */.j1(`${column}: ${value === null ? 'an empty value' : JSON.stringify(value.length > 40 ? `${value.slice(0, 39)}…` : value)} is not ${expected}`, {
        file: file.displayName,
        line: batch.positionKind === 'line' ? batch.positions[r] : undefined,
        hint: batch.positionKind === 'row'
            ? `At row ${batch.positions[r] + 1}. Every row needs ${expected} in ${column}; drop or fix the rows without one before the evaluation.`
            : `Every row needs ${expected} in ${column}; drop or fix the rows without one before the evaluation.`,
    });
    const sink = {
        beginFile(_f, header) {
            at = Object.fromEntries(header.map((n, i) => [n, i]));
            if (at[names.label] === undefined) {
                throw new errors/* ConfigurationError */.j1(`no label column "${names.label}" in the predictions (columns: ${header.slice(0, 20).join(', ')})`, {
                    file: file.displayName,
                    line: 1,
                    hint: 'Name the column of true labels with `label-column`, or call it y_true.',
                });
            }
            has = { score: at[names.score] !== undefined, pred: at[names.prediction] !== undefined, weight: at[names.weight] !== undefined, id: names.id !== undefined && at[names.id] !== undefined };
            if (!has.score && !has.pred) {
                throw new errors/* ConfigurationError */.j1(`the predictions have neither a score column "${names.score}" nor a predicted-label column "${names.prediction}"`, {
                    file: file.displayName,
                    line: 1,
                    hint: 'Write the model’s score (probability of the positive class) as y_score, or its predicted label (or value) as y_pred; or name them with score-column / prediction-column.',
                });
            }
            if (names.id !== undefined && !has.id)
                throw new errors/* ConfigurationError */.j1(`no id column "${names.id}" in the predictions`, { file: file.displayName, line: 1, hint: 'Remove id-column, or add the column.' });
            for (const s of slices) {
                if (at[s.name] === undefined)
                    throw new errors/* ConfigurationError */.j1(`no slice column "${s.name}" in the predictions`, { file: file.displayName, line: 1, hint: 'Name columns the predictions file has in slices.columns of the gates file.' });
            }
        },
        batch(batch) {
            const cols = batch.columns;
            const labelCol = cols[at[names.label]];
            const scoreCol = has.score ? cols[at[names.score]] : undefined;
            const predCol = has.pred ? cols[at[names.prediction]] : undefined;
            const weightCol = has.weight ? cols[at[names.weight]] : undefined;
            const idCol = has.id ? cols[at[names.id]] : undefined;
            const rowHash = new Float64Array(batch.rowCount * 2);
            for (let r = 0; r < batch.rowCount; r++) {
                if (options.labelsNumeric) {
                    const y = number(labelCol, r);
                    if (!Number.isFinite(y))
                        throw bad(batch, r, names.label, text(labelCol, r), 'a number');
                    label.push(y);
                }
                else {
                    const t = text(labelCol, r);
                    if (t === null)
                        throw bad(batch, r, names.label, t, 'a label');
                    label.push(labelText.code(t));
                }
                rowHash[2 * r] = label.data[label.length - 1];
                if (scoreCol) {
                    const s = number(scoreCol, r);
                    if (!Number.isFinite(s))
                        throw bad(batch, r, names.score, text(scoreCol, r), 'a finite number');
                    score.push(s);
                }
                if (predCol) {
                    if (options.labelsNumeric) {
                        const p = number(predCol, r);
                        if (!Number.isFinite(p))
                            throw bad(batch, r, names.prediction, text(predCol, r), 'a number');
                        pred.push(p);
                    }
                    else {
                        const t = text(predCol, r);
                        if (t === null)
                            throw bad(batch, r, names.prediction, t, 'a label');
                        pred.push(labelText.code(t));
                    }
                }
                if (weightCol) {
                    const w = number(weightCol, r);
                    if (!(w >= 0) || !Number.isFinite(w))
                        throw bad(batch, r, names.weight, text(weightCol, r), 'a non-negative number');
                    weight.push(w);
                }
                rowHash[2 * r + 1] = weightCol ? weight.data[weight.length - 1] : 1;
                for (const s of slices) {
                    const t = text(cols[at[s.name]], r) ?? '(empty)';
                    s.codes.push(s.dict.code(t));
                }
                if (idCol)
                    hash.update(`${text(idCol, r) ?? ''}\n`);
            }
            hash.update(new Uint8Array(rowHash.buffer));
        },
    };
    await (0,readers/* readDataFile */.l)(file, read, sink);
    if (label.length === 0)
        throw new errors/* ConfigurationError */.j1('the predictions file has no rows', { file: file.displayName, hint: 'The evaluation step must write one row per example.' });
    let yTrue = label.done();
    let yPred = has.pred ? pred.done() : undefined;
    let labels = [];
    if (!options.labelsNumeric) {
        // Codes in sorted label order, as sklearn's unique_labels sorts them (numbers numerically).
        const order = labelText.values.map((v, i) => ({ v, i })).sort((a, b) => compareLabels(a.v, b.v));
        const recode = new Float64Array(order.length);
        order.forEach((o, rank) => (recode[o.i] = rank));
        yTrue = yTrue.map((c) => recode[c]);
        yPred = yPred?.map((c) => recode[c]);
        labels = order.map((o) => o.v);
    }
    return {
        file: file.displayName,
        rows: label.length,
        yTrue,
        yScore: has.score ? score.done() : undefined,
        yPred,
        weight: has.weight ? weight.done() : undefined,
        labels,
        slices: Object.fromEntries(slices.map((s) => [s.name, { values: s.dict.values, codes: Uint32Array.from(s.codes.done()) }])),
        fingerprint: `sha256:${hash.update(`labels:${labels.join('\u0000')}`).digest('hex')}`,
    };
}
/** scikit-learn's class order: numbers numerically, other labels as strings. */
function compareLabels(a, b) {
    const x = Number(a);
    const y = Number(b);
    if (a.trim() !== '' && b.trim() !== '' && Number.isFinite(x) && Number.isFinite(y))
        return x - y;
    return a < b ? -1 : a > b ? 1 : 0;
}

;// CONCATENATED MODULE: ./src/eval/compare.ts








async function evaluateMetricsGate(options) {
    const { gates, candidate, task } = options;
    const findings = new platform_report/* FindingCollector */.xe();
    const gateLine = (metric) => options.gatesLineOf?.(['metrics', metric]);
    const names = Object.keys(gates.metrics);
    const sliceNames = Object.keys(gates.slices?.worst_slice ?? {});
    const wanted = [...new Set([...names, ...sliceNames])];
    const confidence = gates.confidence;
    // Which metrics the candidate can give.
    if (candidate.kind === 'predictions') {
        const can = availableMetrics(task, { yScore: candidate.data.yScore !== undefined, yPred: candidate.data.yPred !== undefined || task === 'binary' });
        for (const m of wanted) {
            if (!can.includes(m)) {
                throw new errors/* ConfigurationError */.j1(`the gates name metric "${m}", which ${task} predictions with ${describeColumns(candidate.data)} cannot give`, {
                    file: options.gatesFile,
                    line: gateLine(m) ?? options.gatesLineOf?.(['slices', 'worst_slice', m]),
                    hint: `Metrics available here: ${can.join(', ')}.${m === 'roc_auc' || m === 'pr_auc' || m === 'log_loss' || m === 'brier' ? ' This one needs a score column (y_score).' : ''}`,
                });
            }
        }
        checkLabels(candidate.data, task);
    }
    else {
        for (const m of names) {
            if (candidate.values[m] === undefined) {
                throw new errors/* ConfigurationError */.j1(`the gates name metric "${m}", which the candidate metrics (${candidate.name}) do not have`, {
                    file: options.gatesFile,
                    line: gateLine(m),
                    hint: `The file has: ${Object.keys(candidate.values).slice(0, 30).join(', ')}. Nested keys are joined with dots (test.roc_auc).`,
                });
            }
        }
    }
    // The baseline must be of the same eval set.
    const baseline = options.baseline;
    let paired = false;
    if (baseline && candidate.kind === 'predictions') {
        const theirs = baseline.kind === 'predictions' ? baseline.data.fingerprint : baseline.kind === 'stored' ? baseline.evaluation.fingerprint : undefined;
        if (theirs !== undefined && theirs !== candidate.data.fingerprint) {
            const theirRows = baseline.kind === 'predictions' ? baseline.data.rows : baseline.kind === 'stored' ? baseline.evaluation.rows : undefined;
            const sizes = theirRows !== undefined && theirRows !== candidate.data.rows ? ` (${theirRows.toLocaleString('en-US')} examples, the candidate's ${candidate.data.rows.toLocaleString('en-US')})` : '';
            const message = `the baseline (${baseline.name}) was evaluated on different data${sizes}: eval-set fingerprint ${compare_short(theirs)}, the candidate's ${compare_short(candidate.data.fingerprint)}`;
            if (!options.allowDifferentData) {
                throw new errors/* ConfigurationError */.j1(message, {
                    hint: 'Evaluate both models on the same examples in the same order (same labels, weights and ids), or set allow-different-data: true to compare anyway without pairing.',
                });
            }
            findings.add({ severity: 'warning', rule: 'different-data', message: `${message}; compared without pairing, as allow-different-data is set` });
        }
        else if (baseline.kind === 'predictions') {
            paired = true;
            checkLabels(baseline.data, task);
            if (task === 'multiclass')
                alignLabels(candidate.data, baseline.data);
        }
        else if (baseline.kind === 'stored') {
            paired = theirs !== undefined && baseline.evaluation.seed === options.seed && baseline.evaluation.resamples === options.resamples && baseline.evaluation.replicates !== undefined;
        }
    }
    // Estimates with intervals.
    const cand = {};
    const base = {};
    const delta = {};
    let replicates;
    if (candidate.kind === 'predictions') {
        const result = await bootstrapAll(options, candidate.data, baseline?.kind === 'predictions' && paired ? baseline.data : undefined, wanted);
        replicates = result.replicates;
        for (const m of wanted) {
            cand[m] = result.candidate[m];
            if (result.baseline?.[m])
                base[m] = result.baseline[m];
            if (result.delta?.[m])
                delta[m] = { ...result.delta[m], paired: true };
        }
        if (baseline?.kind === 'predictions' && !paired) {
            const alone = await bootstrapAll(options, baseline.data, undefined, wanted);
            for (const m of wanted)
                base[m] = alone.candidate[m];
        }
    }
    else {
        for (const m of names)
            cand[m] = { estimate: candidate.values[m] };
    }
    if (baseline?.kind === 'metrics') {
        for (const m of names)
            if (baseline.values[m] !== undefined)
                base[m] = { estimate: baseline.values[m] };
    }
    else if (baseline?.kind === 'stored') {
        for (const m of names) {
            const b = baseline.evaluation.metrics[m];
            if (b)
                base[m] = b;
            const theirs = baseline.evaluation.replicates?.[m];
            if (paired && theirs && replicates?.[m] && theirs.length === replicates[m].length) {
                const mine = replicates[m];
                const diffs = mine.map((x, i) => x - theirs[i]);
                delta[m] = { ...(0,bootstrap/* bootstrapInterval */.kd)(diffs, cand[m].estimate - b.estimate, confidence), paired: true };
            }
        }
    }
    for (const m of names) {
        if (delta[m] || !base[m])
            continue;
        delta[m] = unpairedDelta(cand[m], base[m], confidence);
    }
    if (baseline && candidate.kind === 'predictions' && !paired && baseline.kind !== 'metrics' && !findings.kept.some((f) => f.rule === 'different-data')) {
        findings.add({ severity: 'notice', rule: 'unpaired', message: `the baseline (${baseline.name}) has no per-resample values for this eval set and seed: its difference intervals assume independent samples, which makes them wider` });
    }
    if (!baseline) {
        findings.add({ severity: 'notice', rule: 'no-baseline', message: `no baseline${options.noBaselineReason ? ` (${options.noBaselineReason})` : ''}: only absolute gates (min, max) apply on this run` });
    }
    // Training noise: a retrained model moves by about its seed std even on the same data. Judge on
    // intervals that hold both noises (half-widths added in quadrature); a difference of two trained
    // models carries it twice (σ√2). The stored evaluation keeps the eval-set intervals alone.
    const judgedCand = { ...cand };
    const judgedDelta = { ...delta };
    const noiseUsed = {};
    if (options.trainingNoise) {
        const z = (0,distributions/* normalQuantile */.Zl)(1 - (1 - confidence) / 2);
        for (const m of names) {
            const sigma = options.trainingNoise.std[m];
            if (sigma === undefined || !(sigma > 0))
                continue;
            noiseUsed[m] = sigma;
            judgedCand[m] = widen(cand[m], z * sigma);
            if (delta[m])
                judgedDelta[m] = { ...widen(delta[m], z * sigma * Math.SQRT2), paired: delta[m].paired };
        }
        const used = Object.keys(noiseUsed);
        findings.add({
            severity: 'notice',
            rule: 'training-noise',
            message: used.length > 0
                ? `intervals of ${used.join(', ')} include the training noise measured across seeds in ${options.trainingNoise.source} (std ${used.map((m) => `${m} ${(0,eval_gates/* fmt */.Sc)(noiseUsed[m])}`).join(', ')})`
                : `${options.trainingNoise.source} has no seed std for the gated metrics (${names.join(', ')}): intervals are the eval set's alone`,
        });
    }
    // The gates.
    const examples = candidate.kind === 'predictions' ? candidate.data.rows : undefined;
    const results = [];
    const comparison = [];
    for (const m of names) {
        const gate = gates.metrics[m];
        const direction = gate.direction ?? METRIC_DIRECTION[m] ?? 'higher';
        const judged = (0,eval_gates/* judgeMetric */.mg)(m, gate, { direction, candidate: judgedCand[m], baseline: base[m], delta: judgedDelta[m], examples });
        results.push(...judged);
        comparison.push({ metric: m, direction, candidate: judgedCand[m], baseline: base[m], delta: judgedDelta[m], status: overallStatus(judged) });
        for (const r of judged) {
            if (r.status === 'fail' || r.status === 'inconclusive') {
                findings.add({
                    severity: r.status === 'fail' ? 'error' : 'warning',
                    rule: r.status === 'fail' ? 'gate' : 'gate-inconclusive',
                    subject: m,
                    file: options.gatesFile,
                    line: gateLine(m),
                    message: `${m} ${r.gate}: ${r.status}: ${r.reason}`,
                });
            }
        }
    }
    // Slices (point values: a slice is small, and its interval would say mostly that).
    let slices;
    if (gates.slices && candidate.kind === 'predictions') {
        slices = [];
        const data = candidate.data;
        const minSize = gates.slices.min_size;
        for (const column of gates.slices.columns) {
            const slice = data.slices[column];
            for (let v = 0; v < slice.values.length; v++) {
                const rows = [];
                for (let i = 0; i < slice.codes.length; i++)
                    if (slice.codes[i] === v)
                        rows.push(i);
                const gated = rows.length >= minSize;
                const metrics = safeMetrics(task, subset(data, rows), options.threshold, sliceNames.length > 0 ? sliceNames : wanted.filter((m) => !m.endsWith('_weighted')));
                slices.push({ column, value: slice.values[v], size: rows.length, gated, metrics });
            }
        }
        for (const [m, bound] of Object.entries(gates.slices.worst_slice)) {
            const direction = METRIC_DIRECTION[m] ?? 'higher';
            const gatedSlices = slices.filter((s) => s.gated && Number.isFinite(s.metrics[m]));
            if (gatedSlices.length === 0)
                continue;
            const worst = gatedSlices.reduce((a, b) => ((direction === 'higher' ? b.metrics[m] < a.metrics[m] : b.metrics[m] > a.metrics[m]) ? b : a));
            const value = worst.metrics[m];
            for (const [kind, threshold] of [['min', bound.min], ['max', bound.max]]) {
                if (threshold === undefined)
                    continue;
                const ok = kind === 'min' ? value >= threshold : value <= threshold;
                const r = {
                    metric: m,
                    gate: `worst_slice ${kind} ${threshold}`,
                    status: ok ? 'pass' : 'fail',
                    value: { estimate: value },
                    threshold,
                    reason: `the worst slice, ${worst.column} = ${worst.value} (${worst.size.toLocaleString('en-US')} examples), has ${(0,eval_gates/* fmt */.Sc)(value)}`,
                };
                results.push(r);
                if (!ok) {
                    findings.add({ severity: 'error', rule: 'worst-slice', subject: m, file: options.gatesFile, line: options.gatesLineOf?.(['slices', 'worst_slice', m]), message: `${m} worst_slice ${kind} ${threshold}: fail: ${r.reason}` });
                }
            }
        }
    }
    // McNemar's test on accuracy, when both models' predicted labels are at hand on the same examples.
    let mcnemarResult;
    if (paired && candidate.kind === 'predictions' && baseline?.kind === 'predictions' && task !== 'regression') {
        const c = predictedLabels(candidate.data, options.threshold);
        const b = predictedLabels(baseline.data, options.threshold);
        if (c && b)
            mcnemarResult = mcnemar(candidate.data.yTrue, c, b);
    }
    const verdict = (0,eval_gates/* overallVerdict */.Bn)(results);
    const failedGates = results.filter((r) => r.status === 'fail').map((r) => `${r.metric} ${r.gate}`);
    const evaluation = {
        fingerprint: candidate.kind === 'predictions' ? candidate.data.fingerprint : undefined,
        rows: examples,
        task,
        seed: options.seed,
        resamples: options.resamples,
        confidence,
        metrics: cand,
        replicates,
    };
    const details = {
        task,
        confidence,
        trainingNoise: Object.keys(noiseUsed).length > 0 ? { source: options.trainingNoise.source, std: noiseUsed } : undefined,
        baseline: baseline ? { name: baseline.name, kind: baseline.kind, paired } : undefined,
        comparison,
        gates: results,
        failedGates,
        slices,
        mcnemar: mcnemarResult,
        evaluation,
    };
    const tables = [comparisonTable(comparison, baseline?.name, confidence, evaluation), gatesTable(results)];
    if (slices)
        tables.push(slicesTable(slices, gates.slices.min_size));
    if (mcnemarResult) {
        tables.push({
            title: "McNemar's test on accuracy",
            columns: ['only the candidate right', 'only the baseline right', 'χ² (continuity-corrected)', 'p-value'],
            rows: [[mcnemarResult.candidateOnlyCorrect, mcnemarResult.baselineOnlyCorrect, Number(mcnemarResult.statistic.toPrecision(6)), Number(mcnemarResult.pValue.toPrecision(4))]],
            note: 'Counts of examples, unweighted. A small p-value says the two models disagree on accuracy beyond chance.',
        });
    }
    if (options.gatesDiff && options.gatesDiff.length > 0) {
        tables.push({
            title: `The gates file changed in this pull request (${options.gatesFile})`,
            columns: ['', 'line'],
            rows: options.gatesDiff.map((l) => [l.startsWith('+') ? '➕' : l.startsWith('-') ? '➖' : '', l.slice(1)]),
            note: 'Threshold edits are part of the review: this is the diff against the base branch.',
        });
    }
    const charts = [];
    const chart = deltaChart(comparison, confidence);
    if (chart)
        charts.push(chart);
    const counts = { pass: 0, fail: 0, inconclusive: 0, skipped: 0 };
    for (const r of results)
        counts[r.status]++;
    const headline = `${verdict === 'pass' ? 'The candidate may replace the baseline' : verdict === 'fail' ? 'The candidate may not replace the baseline' : 'The eval set cannot tell yet'}: ` +
        `${counts.pass} gate${counts.pass === 1 ? '' : 's'} passed, ${counts.fail} failed, ${counts.inconclusive} inconclusive${counts.skipped ? `, ${counts.skipped} skipped` : ''}` +
        `${examples !== undefined ? ` on ${examples.toLocaleString('en-US')} examples` : ''}${baseline ? ` against ${baseline.name}` : ' (no baseline)'}.`;
    const report = (0,platform_report/* buildReport */.FK)({
        action: 'evaluate-metrics-gate',
        title: 'Model gate',
        verdict,
        headline,
        startedAt: options.startedAt,
        findings,
        tables,
        charts,
        details: details,
    });
    return { report, details };
}
async function bootstrapAll(options, candidate, baseline, metrics) {
    const confidence = options.gates.confidence;
    const out = {
        candidate: {},
        baseline: baseline ? {} : undefined,
        delta: baseline ? {} : undefined,
        replicates: {},
    };
    // Replicates are kept in the report for a later run to pair with: 12 digits are plenty.
    const keep = (values) => Array.from(values, (x) => Number(x.toPrecision(12)));
    // Binary metrics come from the fused engine; the rest (averaged label metrics, other tasks) through computeMetrics per resample.
    const fused = options.task === 'binary' ? metrics.filter((m) => bootstrap/* BINARY_METRICS */.Cd.includes(m)) : [];
    const generic = metrics.filter((m) => !fused.includes(m));
    if (fused.length > 0) {
        const result = await (0,bootstrap/* pairedBootstrap */.Wx)({
            yTrue: candidate.yTrue,
            weight: candidate.weight,
            candidate: { yScore: candidate.yScore, yPred: candidate.yPred },
            baseline: baseline ? { yScore: baseline.yScore, yPred: baseline.yPred } : undefined,
            threshold: options.threshold,
        }, { metrics: fused, resamples: options.resamples, confidence, seed: options.seed, workerEntry: options.workerEntry });
        for (const m of fused) {
            const r = result.metrics[m];
            out.candidate[m] = r.candidate;
            if (out.baseline && r.baseline)
                out.baseline[m] = r.baseline;
            if (out.delta && r.delta)
                out.delta[m] = r.delta;
            out.replicates[m] = keep(result.replicates[m].candidate);
        }
    }
    if (generic.length === 0)
        return out;
    const n = candidate.rows;
    const c = Object.fromEntries(generic.map((m) => [m, []]));
    const b = Object.fromEntries(generic.map((m) => [m, []]));
    const weight = new Float64Array(n);
    const metricOptions = { threshold: options.threshold, classes: classCount(candidate, baseline) };
    for (let r = 0; r < options.resamples; r++) {
        const w = (0,bootstrap/* poissonWeights */.np)(options.seed, r, n);
        for (let i = 0; i < n; i++)
            weight[i] = w[i] * (candidate.weight ? candidate.weight[i] : 1);
        const cm = computeMetrics(options.task, { ...asPredictions(candidate), weight }, metricOptions, generic);
        for (const m of generic)
            c[m].push(cm[m]);
        if (baseline) {
            const bm = computeMetrics(options.task, { ...asPredictions(baseline), weight }, metricOptions, generic);
            for (const m of generic)
                b[m].push(bm[m]);
        }
    }
    const ce = computeMetrics(options.task, asPredictions(candidate), metricOptions, generic);
    const be = baseline ? computeMetrics(options.task, asPredictions(baseline), metricOptions, generic) : undefined;
    for (const m of generic) {
        out.candidate[m] = (0,bootstrap/* bootstrapInterval */.kd)(c[m], ce[m], confidence);
        out.replicates[m] = keep(c[m]);
        if (be && out.baseline && out.delta) {
            out.baseline[m] = (0,bootstrap/* bootstrapInterval */.kd)(b[m], be[m], confidence);
            out.delta[m] = (0,bootstrap/* bootstrapInterval */.kd)(c[m].map((x, i) => x - b[m][i]), ce[m] - be[m], confidence);
        }
    }
    return out;
}
/** Multiclass: the classes of both models' labels, so every resample averages over the same ones. */
function classCount(candidate, baseline) {
    if (candidate.labels.length === 0)
        return undefined;
    return Math.max(candidate.labels.length, baseline?.labels.length ?? 0);
}
function asPredictions(p) {
    return { yTrue: p.yTrue, yScore: p.yScore, yPred: p.yPred, weight: p.weight };
}
/** Candidate − baseline from two independent estimates: a normal interval from their standard errors (or a point value). */
function unpairedDelta(c, b, confidence) {
    const estimate = c.estimate - b.estimate;
    if (c.se === undefined || b.se === undefined || !Number.isFinite(c.se) || !Number.isFinite(b.se))
        return { estimate, paired: false };
    const z = (0,distributions/* normalQuantile */.Zl)(1 - (1 - confidence) / 2);
    const se = Math.hypot(c.se, b.se);
    return { estimate, low: estimate - z * se, high: estimate + z * se, paired: false };
}
function overallStatus(results) {
    const live = results.filter((r) => r.status !== 'skipped');
    if (live.length === 0)
        return 'skipped';
    return (0,eval_gates/* overallVerdict */.Bn)(live);
}
function checkLabels(data, task) {
    if (task !== 'binary')
        return;
    for (let i = 0; i < data.rows; i++) {
        const y = data.yTrue[i];
        if (y !== 0 && y !== 1) {
            throw new errors/* ConfigurationError */.j1(`binary labels must be 0 or 1 (or true/false); ${data.file} has ${y} in row ${i + 1}`, {
                file: data.file,
                hint: 'Map the labels to 0/1 before the evaluation, or set task: multiclass for more than two classes.',
            });
        }
        const p = data.yPred?.[i];
        if (p !== undefined && p !== 0 && p !== 1) {
            throw new errors/* ConfigurationError */.j1(`binary predicted labels must be 0 or 1; ${data.file} has ${p} in row ${i + 1}`, { file: data.file, hint: 'Write 0/1 in y_pred, or leave it out and give y_score.' });
        }
    }
}
/** Multiclass: recodes both models' labels over the union of their classes, in sorted order. */
function alignLabels(a, b) {
    const union = [...new Set([...a.labels, ...b.labels])].sort(compareLabels);
    if (union.length === a.labels.length && union.length === b.labels.length && union.every((l, i) => l === a.labels[i] && l === b.labels[i]))
        return;
    for (const p of [a, b]) {
        const to = Float64Array.from(p.labels, (l) => union.indexOf(l));
        p.yTrue = p.yTrue.map((c) => to[c]);
        if (p.yPred)
            p.yPred = p.yPred.map((c) => to[c]);
        p.labels = union;
    }
}
function predictedLabels(data, threshold) {
    if (data.yPred)
        return data.yPred;
    if (data.yScore)
        return data.yScore.map((s) => (s >= threshold ? 1 : 0));
    return undefined;
}
function subset(data, rows) {
    const pick = (a) => (a ? Float64Array.from(rows, (i) => a[i]) : undefined);
    return { yTrue: pick(data.yTrue), yScore: pick(data.yScore), yPred: pick(data.yPred), weight: pick(data.weight) };
}
function safeMetrics(task, p, threshold, names) {
    if (p.yTrue.length === 0)
        return {};
    try {
        return computeMetrics(task, p, { threshold }, names);
    }
    catch {
        return {};
    }
}
function describeColumns(p) {
    return [p.yScore ? 'scores' : undefined, p.yPred ? 'predicted labels' : undefined].filter(Boolean).join(' and ') || 'no model output';
}
function compare_short(fingerprint) {
    return fingerprint.replace(/^sha256:/, '').slice(0, 12);
}
function interval(e) {
    if (!e || e.low === undefined || e.high === undefined)
        return '—';
    return `[${(0,eval_gates/* fmt */.Sc)(e.low)}, ${(0,eval_gates/* fmt */.Sc)(e.high)}]`;
}
const STATUS_ICON = { pass: '✅ pass', fail: '❌ fail', inconclusive: '⚠️ inconclusive', skipped: '➖ skipped' };
function comparisonTable(rows, baselineName, confidence, evaluation) {
    const order = { fail: 0, inconclusive: 1, pass: 2, skipped: 3 };
    const sorted = [...rows].sort((a, b) => order[a.status] - order[b.status] || a.metric.localeCompare(b.metric));
    return {
        title: 'Candidate vs baseline',
        columns: ['metric', 'baseline', 'candidate', 'Δ', `${Math.round(confidence * 100)} % CI of Δ`, 'gate', 'verdict'],
        rows: sorted.map((r) => [
            r.metric,
            r.baseline ? (0,eval_gates/* fmt */.Sc)(r.baseline.estimate) : '—',
            `${(0,eval_gates/* fmt */.Sc)(r.candidate.estimate)}${r.candidate.low !== undefined ? ` ${interval(r.candidate)}` : ''}`,
            r.delta ? `${r.delta.estimate >= 0 ? '+' : ''}${(0,eval_gates/* fmt */.Sc)(r.delta.estimate)}` : '—',
            r.delta ? `${interval(r.delta)}${r.delta.low !== undefined && !r.delta.paired ? ' (unpaired)' : ''}` : '—',
            r.direction === 'higher' ? 'higher is better' : 'lower is better',
            STATUS_ICON[r.status],
        ]),
        note: (baselineName ? `Baseline: ${baselineName}. Worst first.` : 'No baseline: only absolute gates were judged.') +
            (evaluation.fingerprint
                ? ` Eval set: ${evaluation.rows?.toLocaleString('en-US')} examples, fingerprint ${compare_short(evaluation.fingerprint)}; ${evaluation.resamples.toLocaleString('en-US')} bootstrap resamples, seed ${evaluation.seed}.`
                : ' Metrics from a file: point values, no intervals.'),
    };
}
function gatesTable(results) {
    return {
        title: 'Gates',
        columns: ['metric', 'gate', 'verdict', 'why'],
        rows: results.map((r) => [r.metric, r.gate, STATUS_ICON[r.status], r.reason]),
    };
}
function slicesTable(slices, minSize) {
    const metricNames = [...new Set(slices.flatMap((s) => Object.keys(s.metrics)))];
    return {
        title: 'Slices',
        columns: ['column', 'value', 'examples', ...metricNames],
        rows: slices.map((s) => [s.column, s.value, s.size, ...metricNames.map((m) => (s.metrics[m] === undefined ? '—' : (0,eval_gates/* fmt */.Sc)(s.metrics[m])))]),
        note: `Slices under ${minSize} examples are listed but not gated.`,
    };
}
/** A Mermaid chart of each metric's Δ with its interval bounds (bars: Δ; lines: the bounds). */
function deltaChart(rows, confidence) {
    const withDelta = rows.filter((r) => r.delta && Number.isFinite(r.delta.estimate));
    if (withDelta.length === 0)
        return undefined;
    const num = (x) => (x === undefined || !Number.isFinite(x) ? 0 : Number(x.toPrecision(4)));
    const values = withDelta.flatMap((r) => [r.delta.estimate, r.delta.low ?? r.delta.estimate, r.delta.high ?? r.delta.estimate]);
    const lo = Math.min(0, ...values);
    const hi = Math.max(0, ...values);
    const pad = (hi - lo) * 0.1 || 0.01;
    const lines = [
        'xychart-beta',
        `  title "Candidate − baseline, with ${Math.round(confidence * 100)} % interval bounds"`,
        `  x-axis [${withDelta.map((r) => `"${r.metric}"`).join(', ')}]`,
        `  y-axis "Δ" ${num(lo - pad)} --> ${num(hi + pad)}`,
        `  bar [${withDelta.map((r) => num(r.delta.estimate)).join(', ')}]`,
    ];
    if (withDelta.some((r) => r.delta.low !== undefined)) {
        lines.push(`  line [${withDelta.map((r) => num(r.delta.low ?? r.delta.estimate)).join(', ')}]`);
        lines.push(`  line [${withDelta.map((r) => num(r.delta.high ?? r.delta.estimate)).join(', ')}]`);
    }
    return { title: 'Δ per metric', mermaid: lines.join('\n') };
}
/** An estimate's interval with `extra` added in quadrature to each half-width; a point value gets ± extra. */
function widen(value, extra) {
    const low = value.low ?? value.estimate;
    const high = value.high ?? value.estimate;
    return {
        ...value,
        low: value.estimate - Math.hypot(value.estimate - low, extra),
        high: value.estimate + Math.hypot(high - value.estimate, extra),
    };
}

// EXTERNAL MODULE: ./src/eval/metrics-file.ts
var metrics_file = __webpack_require__(5546);
;// CONCATENATED MODULE: ./src/eval/training-noise.ts



/**
 * Reads train-check's variance file (`seeds:` runs): each metric's standard deviation across
 * training seeds, the noise of training itself.
 */
const varianceFileSchema = schemas/* object */.Ikc({
    kind: schemas/* literal */.euz('mlops-actions/training-variance'),
    version: schemas/* literal */.euz(1),
    seeds: schemas/* array */.YOg(schemas/* number */.aig()),
    metrics: schemas/* record */.g1P(schemas/* string */.YjP(), schemas/* object */.Ikc({ std: schemas/* number */.aig().nonnegative(), n: schemas/* number */.aig().int().positive() }).loose()),
});
async function readTrainingNoise(file, displayName) {
    let parsed;
    try {
        parsed = JSON.parse(await (0,promises_.readFile)(file, 'utf8'));
    }
    catch (error) {
        const code = error.code;
        throw new errors/* ConfigurationError */.j1(code === 'ENOENT' ? 'training-noise file not found' : 'the training-noise file is not JSON', {
            file: displayName,
            hint: 'Give the variance file train-check writes with `seeds:` (its output variance-path), e.g. from an artifact.',
        });
    }
    const result = varianceFileSchema.safeParse(parsed);
    if (!result.success) {
        const issue = result.error.issues[0];
        throw new errors/* ConfigurationError */.j1(`the training-noise file is not a train-check variance file: ${issue.path.join('.') || '(top level)'}: ${issue.message}`, {
            file: displayName,
            hint: 'It is the JSON that train-check writes to variance-path when given several seeds.',
        });
    }
    const std = {};
    for (const [name, spread] of Object.entries(result.data.metrics))
        std[name] = spread.std;
    return { source: displayName, std };
}

// EXTERNAL MODULE: ./src/platform/config-file.ts
var config_file = __webpack_require__(5892);
;// CONCATENATED MODULE: ./src/platform/text-diff.ts
/**
 * A line diff of two small texts (config files) by longest common subsequence: each changed line
 * prefixed `-` (removed) or `+` (added), with one unchanged line (` `) of context around each
 * change. Texts over 2,000 lines are compared as a whole: removed, then added.
 */
const MAX_LINES = 2000;
function lineDiff(before, after) {
    const a = before.replace(/\n$/, '').split(/\r?\n/);
    const b = after.replace(/\n$/, '').split(/\r?\n/);
    if (a.length > MAX_LINES || b.length > MAX_LINES)
        return [...a.map((l) => `-${l}`), ...b.map((l) => `+${l}`)];
    // lcs[i][j]: the LCS length of a[i..] and b[j..].
    const lcs = Array.from({ length: a.length + 1 }, () => new Int32Array(b.length + 1));
    for (let i = a.length - 1; i >= 0; i--) {
        for (let j = b.length - 1; j >= 0; j--)
            lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
    }
    const all = [];
    let i = 0;
    let j = 0;
    while (i < a.length || j < b.length) {
        if (i < a.length && j < b.length && a[i] === b[j]) {
            all.push(` ${a[i]}`);
            i++;
            j++;
        }
        else if (i < a.length && (j === b.length || lcs[i + 1][j] >= lcs[i][j + 1])) {
            all.push(`-${a[i]}`);
            i++;
        }
        else {
            all.push(`+${b[j]}`);
            j++;
        }
    }
    const changed = all.map((l) => !l.startsWith(' '));
    return all.filter((_, k) => changed[k] || changed[k - 1] || changed[k + 1]);
}

;// CONCATENATED MODULE: ./src/actions/evaluate-metrics-gate.ts












const evaluateMetricsGateInputs = schemas/* object */.Ikc({
    gates: schemas/* string */.YjP().describe('The gates file (YAML or JSON, `version: 1`): the metrics, their bounds and allowed changes.'),
    predictions: schemas/* string */.YjP().optional().describe("The candidate's predictions on the eval set (CSV, JSONL or Parquet): metrics and intervals are computed from them."),
    metrics: schemas/* string */.YjP().optional().describe("Or the candidate's metrics (JSON, YAML or CSV; nested keys joined with dots): point values, no intervals."),
    baseline: schemas/* string */.YjP()
        .optional()
        .describe("What the candidate must not be worse than: a predictions file of the baseline model on the same eval set (paired), a metrics file, a report of an earlier run (.json), or a branch name: the newest report this action saved there (save-history)."),
    task: (0,platform_inputs/* choiceInput */.ij)('task', ['auto', 'binary', 'multiclass', 'regression']).prefault('auto').describe('auto: binary for 0/1 labels, multiclass for other labels, regression for non-integer targets.'),
    threshold: (0,platform_inputs/* numberInput */.QR)('threshold', { min: 0, max: 1, integer: false, what: 'a number between 0 and 1' }).prefault('0.5').describe('Binary: a score at or above this is a positive prediction (when there is no y_pred column).'),
    'label-column': schemas/* string */.YjP().prefault(DEFAULT_COLUMNS.label).describe('Column of the true labels (or regression targets).'),
    'score-column': schemas/* string */.YjP().prefault(DEFAULT_COLUMNS.score).describe('Column of the score of the positive class (binary).'),
    'prediction-column': schemas/* string */.YjP().prefault(DEFAULT_COLUMNS.prediction).describe('Column of the predicted labels (or values).'),
    'weight-column': schemas/* string */.YjP().prefault(DEFAULT_COLUMNS.weight).describe('Column of example weights, used when present.'),
    'id-column': schemas/* string */.YjP().optional().describe('Column of example ids: part of the eval-set fingerprint, so candidate and baseline must list the same examples in the same order.'),
    format: (0,platform_inputs/* choiceInput */.ij)('format', ['auto', 'csv', 'jsonl', 'parquet']).prefault('auto').describe('Predictions format; auto goes by the file extension.'),
    resamples: (0,platform_inputs/* numberInput */.QR)('resamples', { min: 1, max: Number.MAX_SAFE_INTEGER, integer: true, what: 'a positive whole number' }).prefault('1000').describe('Bootstrap resamples for the intervals.'),
    seed: (0,platform_inputs/* numberInput */.QR)('seed', { min: 0, max: 2 ** 32 - 1, integer: true, what: 'a whole number from 0 to 4294967295' }).prefault('0').describe('Seed of the bootstrap; keep it fixed so a branch baseline pairs with this run.'),
    'allow-different-data': (0,platform_inputs/* booleanInput */.tE)('allow-different-data').prefault('false').describe('Compare with a baseline evaluated on other data (with a warning, unpaired) instead of refusing.'),
    'training-noise': schemas/* string */.YjP()
        .optional()
        .describe("train-check's variance across seeds (variance-path): each metric's seed std is added to its interval, so training noise alone does not fail or pass a gate."),
    'save-history': (0,platform_inputs/* booleanInput */.tE)('save-history').prefault('false').describe("Save this run's report to the Actions cache, for `baseline: <this branch>` in later runs (set it on the main branch)."),
    ...reportingInputs('evaluate-metrics-gate', 'verdict'),
});
const evaluateMetricsGateAction = {
    name: 'evaluate-metrics-gate',
    inputs: evaluateMetricsGateInputs,
    async run(inputs, context) {
        const { workspace, logger } = context;
        const startedAt = new Date();
        const gatesPath = workspace.resolve(inputs.gates);
        const gatesFile = workspace.display(gatesPath);
        const gates = await (0,config_file/* loadConfigFile */.H)(gatesPath, gatesFile, eval_gates/* gatesSchema */.y2, 'gates file');
        if (!inputs.predictions === !inputs.metrics) {
            throw new errors/* ConfigurationError */.j1(inputs.predictions ? 'give either predictions or metrics, not both' : 'input predictions or metrics is required', {
                hint: 'predictions: the model’s outputs on the eval set (for intervals); metrics: a file of metric values (point values only).',
            });
        }
        const read = { format: inputs.format === 'auto' ? undefined : inputs.format };
        const names = {
            label: inputs['label-column'],
            score: inputs['score-column'],
            prediction: inputs['prediction-column'],
            weight: inputs['weight-column'],
            id: inputs['id-column'],
            slices: gates.value.slices?.columns,
        };
        let task = inputs.task === 'auto' ? 'binary' : inputs.task;
        let candidate;
        if (inputs.predictions) {
            const file = await single(context, inputs.predictions, 'predictions');
            const loaded = await loadWithTask(file, names, read, inputs.task);
            task = loaded.task;
            candidate = { kind: 'predictions', name: file.displayName, data: loaded.data };
            logger.info(`Read ${loaded.data.rows.toLocaleString('en-US')} predictions from ${file.displayName} (task: ${task}).`);
        }
        else {
            const file = await single(context, inputs.metrics, 'metrics');
            candidate = { kind: 'metrics', name: file.displayName, values: await (0,metrics_file/* readMetricsFile */._)(file.path, file.displayName) };
        }
        let baseline;
        let noBaselineReason;
        if (inputs.baseline) {
            const resolved = await resolveBaseline(inputs.baseline.trim(), context, { ...names, slices: undefined }, read, task);
            baseline = resolved.side;
            noBaselineReason = resolved.reason;
        }
        const gatesDiff = await changedGates(context, inputs.gates, gatesPath);
        const trainingNoise = inputs['training-noise'] ? await single(context, inputs['training-noise'], 'training-noise').then((f) => readTrainingNoise(f.path, f.displayName)) : undefined;
        const { report, details } = await evaluateMetricsGate({
            gates: gates.value,
            gatesFile,
            gatesLineOf: gates.lineOf,
            candidate,
            baseline,
            noBaselineReason,
            task,
            threshold: inputs.threshold,
            resamples: inputs.resamples,
            seed: inputs.seed,
            allowDifferentData: inputs['allow-different-data'],
            workerEntry: context.workerEntry,
            startedAt,
            gatesDiff,
            trainingNoise,
        });
        return {
            report,
            outputs: {
                'failed-gates': JSON.stringify(details.failedGates),
                comparison: JSON.stringify(comparisonOutput(details)),
            },
        };
    },
};
async function single(context, pattern, input) {
    const files = await context.workspace.expand(pattern, input);
    if (files.length !== 1) {
        throw new errors/* ConfigurationError */.j1(`${input}: ${files.length} files match ${pattern}; one is needed`, { hint: 'Name a single file.' });
    }
    return files[0];
}
/**
 * Reads predictions; with task auto, labels that are all 0/1 make it binary, other whole-number or
 * text labels multiclass, and other numbers regression.
 */
async function loadWithTask(file, names, read, task) {
    if (task === 'multiclass')
        return { task, data: await loadPredictions(file, names, read, { labelsNumeric: false }) };
    if (task !== 'auto')
        return { task, data: await loadPredictions(file, names, read, { labelsNumeric: true }) };
    let data;
    try {
        data = await loadPredictions(file, names, read, { labelsNumeric: true });
    }
    catch (error) {
        // Text labels: a classification with named classes.
        if (error instanceof errors/* ConfigurationError */.j1 && error.message.startsWith(`${names.label}:`))
            return { task: 'multiclass', data: await loadPredictions(file, names, read, { labelsNumeric: false }) };
        throw error;
    }
    let binary = true;
    let integers = true;
    for (const y of data.yTrue) {
        if (y !== 0 && y !== 1)
            binary = false;
        if (!Number.isInteger(y))
            integers = false;
    }
    if (binary)
        return { task: 'binary', data };
    if (integers && !data.yScore)
        return { task: 'multiclass', data: await loadPredictions(file, names, read, { labelsNumeric: false }) };
    return { task: 'regression', data };
}
async function resolveBaseline(value, context, names, read, task) {
    const { workspace } = context;
    const absolute = workspace.resolve(value);
    const isFile = await (0,promises_.stat)(absolute).then((s) => s.isFile(), () => false);
    if (!isFile) {
        if (/[/\\]|\.(json|ya?ml|csv|tsv|jsonl|ndjson|parquet)$/i.test(value)) {
            throw new errors/* ConfigurationError */.j1(`baseline: file not found: ${value}`, { hint: 'A path is relative to the workspace; a branch name has no extension.' });
        }
        if (!context.restoreHistory)
            return { reason: `a branch baseline (${value}) needs the Actions cache, which only a workflow run has` };
        const saved = await context.restoreHistory(value);
        const evaluation = saved?.report.details.evaluation;
        if (!saved || !evaluation)
            return { reason: `no saved report of ${value} yet: run this action there with save-history: true` };
        return { side: { kind: 'stored', name: `${value} (newest saved run)`, evaluation } };
    }
    const file = { path: absolute, displayName: workspace.display(absolute) };
    if (/\.json$/i.test(value)) {
        // A report of an earlier run keeps its evaluation; any other JSON is a metrics file.
        const text = await (0,promises_.readFile)(absolute, 'utf8');
        const parsed = safeJson(text);
        if (parsed?.action === 'evaluate-metrics-gate' && parsed.details?.evaluation)
            return { side: { kind: 'stored', name: file.displayName, evaluation: parsed.details.evaluation } };
        return { side: { kind: 'metrics', name: file.displayName, values: await (0,metrics_file/* readMetricsFile */._)(absolute, file.displayName) } };
    }
    if (/\.ya?ml$/i.test(value))
        return { side: { kind: 'metrics', name: file.displayName, values: await (0,metrics_file/* readMetricsFile */._)(absolute, file.displayName) } };
    if (/\.csv$/i.test(value)) {
        const head = (await (0,promises_.readFile)(absolute, 'utf8')).split(/\r?\n/, 1)[0] ?? '';
        if (!head.split(',').some((c) => c.trim().replace(/^"|"$/g, '') === names.label)) {
            return { side: { kind: 'metrics', name: file.displayName, values: await (0,metrics_file/* readMetricsFile */._)(absolute, file.displayName) } };
        }
    }
    const data = await loadPredictions(file, names, read, { labelsNumeric: task !== 'multiclass' });
    return { side: { kind: 'predictions', name: file.displayName, data } };
}
function safeJson(text) {
    try {
        return JSON.parse(text);
    }
    catch {
        return undefined;
    }
}
/** The gates file's diff against the pull request's base branch, when it changed. */
async function changedGates(context, relative, absolute) {
    if (!context.readFileAtBase)
        return undefined;
    const before = await context.readFileAtBase(context.workspace.display(absolute));
    const now = await (0,promises_.readFile)(absolute, 'utf8');
    if (before === undefined)
        return [`+(new in this pull request: ${relative})`];
    if (before === now)
        return undefined;
    return lineDiff(before, now);
}
function comparisonOutput(details) {
    return Object.fromEntries(details.comparison.map((c) => [
        c.metric,
        {
            candidate: c.candidate.estimate,
            candidateInterval: c.candidate.low === undefined ? undefined : [c.candidate.low, c.candidate.high],
            baseline: c.baseline?.estimate,
            delta: c.delta?.estimate,
            deltaInterval: c.delta?.low === undefined ? undefined : [c.delta.low, c.delta.high],
            verdict: c.status,
        },
    ]));
}

// EXTERNAL MODULE: ./src/packaging/manifest.ts
var packaging_manifest = __webpack_require__(5494);
;// CONCATENATED MODULE: ./src/packaging/compare.ts

function compareManifests(previous, current) {
    const files = compareFiles(previous, current);
    const signatureDifferences = compareSignatures(previous.signature, current.signature);
    const requirements = compareRequirements(previous, current);
    const pythonBefore = previous.environment.python;
    const pythonAfter = current.environment.python;
    const metrics = compareMetrics(previous.metrics, current.metrics);
    const params = compareParams(previous.params, current.params);
    const data = compareData(previous, current);
    const metricsSame = metrics.every((m) => m.before !== undefined && m.after !== undefined && m.before === m.after);
    const identical = files.added.length + files.removed.length + files.changed.length === 0 &&
        signatureDifferences.length === 0 &&
        requirements.added.length + requirements.removed.length + requirements.changed.length === 0 &&
        pythonBefore === pythonAfter &&
        metricsSame &&
        params.length === 0 &&
        data.length === 0;
    return {
        versionBefore: previous.version,
        versionAfter: current.version,
        files,
        signatureChanged: signatureDifferences.length > 0,
        signatureDifferences,
        requirements,
        ...(pythonBefore !== pythonAfter ? { python: { ...(pythonBefore !== undefined ? { before: pythonBefore } : {}), ...(pythonAfter !== undefined ? { after: pythonAfter } : {}) } } : {}),
        metrics,
        params,
        data,
        identical,
    };
}
function compareFiles(previous, current) {
    const contentFiles = (m) => new Map(m.files.filter((f) => f.role !== 'card').map((f) => [f.path, f.sha256]));
    const before = contentFiles(previous);
    const after = contentFiles(current);
    const added = [...after.keys()].filter((p) => !before.has(p)).sort(packaging_manifest/* comparePaths */.cD);
    const removed = [...before.keys()].filter((p) => !after.has(p)).sort(packaging_manifest/* comparePaths */.cD);
    const changed = [...after]
        .filter(([p, sha]) => before.has(p) && before.get(p) !== sha)
        .map(([path, sha]) => ({ path, before: before.get(path), after: sha }))
        .sort((a, b) => (0,packaging_manifest/* comparePaths */.cD)(a.path, b.path));
    return { added, removed, changed };
}
function compareSignatures(before, after) {
    if (!before && !after)
        return [];
    if (!before)
        return ['signature added'];
    if (!after)
        return ['signature removed'];
    return [...compareFields('input', before.inputs, after.inputs), ...compareFields('output', before.outputs ?? [], after.outputs ?? [])];
}
function compareFields(direction, before, after) {
    const out = [];
    const old = new Map(before.map((f) => [f.name, f]));
    const now = new Map(after.map((f) => [f.name, f]));
    for (const f of after) {
        const was = old.get(f.name);
        if (!was) {
            out.push(`${direction} ${f.name} added (${describeField(f)})`);
            continue;
        }
        if (was.type !== f.type)
            out.push(`${direction} ${f.name}: type ${was.type} → ${f.type}`);
        const shape = (s) => (s ? `[${s.join(', ')}]` : 'none');
        if (shape(was.shape) !== shape(f.shape))
            out.push(`${direction} ${f.name}: shape ${shape(was.shape)} → ${shape(f.shape)}`);
        if ((was.dtype ?? 'none') !== (f.dtype ?? 'none'))
            out.push(`${direction} ${f.name}: dtype ${was.dtype ?? 'none'} → ${f.dtype ?? 'none'}`);
        if (Boolean(was.nullable) !== Boolean(f.nullable))
            out.push(`${direction} ${f.name}: ${f.nullable ? 'now nullable' : 'no longer nullable'}`);
    }
    for (const f of before)
        if (!now.has(f.name))
            out.push(`${direction} ${f.name} removed (${describeField(f)})`);
    // A model fed by position (a tensor, an ONNX graph) cares about order even when the names match.
    const common = (list, other) => list.map((f) => f.name).filter((n) => other.has(n));
    const orderBefore = common(before, now);
    const orderAfter = common(after, old);
    if (orderBefore.join('\u0000') !== orderAfter.join('\u0000'))
        out.push(`${direction} order: ${orderBefore.join(', ')} → ${orderAfter.join(', ')}`);
    return out;
}
function describeField(f) {
    return `${f.type}${f.shape ? ` [${f.shape.join(', ')}]` : ''}${f.nullable ? ', nullable' : ''}`;
}
function compareRequirements(previous, current) {
    const byName = (m) => {
        const map = new Map();
        for (const file of m.environment.requirements) {
            for (const requirement of file.packages) {
                const name = (0,packaging_manifest/* requirementName */.xV)(requirement);
                const known = map.get(name);
                map.set(name, known === undefined || known === requirement ? requirement : [known, requirement].sort(packaging_manifest/* comparePaths */.cD).join(' + '));
            }
        }
        return map;
    };
    const before = byName(previous);
    const after = byName(current);
    const names = [...new Set([...before.keys(), ...after.keys()])].sort(packaging_manifest/* comparePaths */.cD);
    const out = { added: [], removed: [], changed: [] };
    for (const name of names) {
        const b = before.get(name);
        const a = after.get(name);
        if (b === undefined)
            out.added.push(a);
        else if (a === undefined)
            out.removed.push(b);
        else if (a !== b)
            out.changed.push(`${name}: ${pinnedVersion(b) ?? b} → ${pinnedVersion(a) ?? a}`);
    }
    return out;
}
function pinnedVersion(requirement) {
    return /^[^=<>!~@;\s]+==([^=\s,;]+)$/.exec(requirement)?.[1];
}
function compareMetrics(before, after) {
    const names = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort(packaging_manifest/* comparePaths */.cD);
    return names.map((name) => {
        const b = Object.hasOwn(before, name) ? before[name] : undefined;
        const a = Object.hasOwn(after, name) ? after[name] : undefined;
        return {
            name,
            ...(b !== undefined ? { before: b } : {}),
            ...(a !== undefined ? { after: a } : {}),
            ...(a !== undefined && b !== undefined ? { delta: a - b } : {}),
        };
    });
}
function compareParams(before, after) {
    const names = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort(packaging_manifest/* comparePaths */.cD);
    const out = [];
    for (const name of names) {
        const has = [Object.hasOwn(before, name), Object.hasOwn(after, name)];
        if (has[0] && has[1] && canonical(before[name]) === canonical(after[name]))
            continue;
        out.push({ name, ...(has[0] ? { before: before[name] } : {}), ...(has[1] ? { after: after[name] } : {}) });
    }
    return out;
}
function compareData(previous, current) {
    const before = new Map(previous.data.map((d) => [d.source, d]));
    const after = new Map(current.data.map((d) => [d.source, d]));
    const sources = [...new Set([...before.keys(), ...after.keys()])].sort(packaging_manifest/* comparePaths */.cD);
    const out = [];
    for (const source of sources) {
        const b = before.get(source);
        const a = after.get(source);
        if (b && a && b.sha256 === a.sha256)
            continue;
        out.push({
            source,
            ...(b ? { before: b.sha256 } : {}),
            ...(a ? { after: a.sha256 } : {}),
            ...(b?.rows !== undefined ? { rowsBefore: b.rows } : {}),
            ...(a?.rows !== undefined ? { rowsAfter: a.rows } : {}),
        });
    }
    return out;
}
function canonical(value) {
    return (JSON.stringify(value, (_key, v) => v !== null && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (0,packaging_manifest/* comparePaths */.cD)(a, b))) : v) ?? 'undefined');
}

;// CONCATENATED MODULE: ./src/actions/package-model.ts












const packageModelInputs = schemas/* object */.Ikc({
    mode: (0,platform_inputs/* choiceInput */.ij)('mode', ['package', 'verify']).prefault('package').describe('package: build the bundle; verify: re-hash a bundle against its manifest.'),
    name: schemas/* string */.YjP().optional().describe('Name of the model: letters, digits, `.`, `_`, `-`.'),
    version: schemas/* string */.YjP().optional().describe('Semantic version; default: the tag when the ref is a semver tag, else 0.0.0+<short sha>.'),
    model: schemas/* string */.YjP().optional().describe('The model: files, folders or globs, one per line.'),
    metrics: schemas/* string */.YjP().optional().describe('Metrics file (JSON, YAML or CSV).'),
    params: schemas/* string */.YjP().optional().describe('Hyper-parameters file (JSON or YAML).'),
    signature: schemas/* string */.YjP().optional().describe('Input / output schema (YAML or JSON).'),
    'input-example': schemas/* string */.YjP().optional().describe('An input example (JSON, JSONL or CSV); the signature is inferred from it when none is given.'),
    'output-example': schemas/* string */.YjP().optional().describe("The model's expected output for the input example (JSON), for the serving image's smoke test."),
    requirements: schemas/* string */.YjP().optional().describe('Requirement or lock files, one per line.'),
    'data-profile': schemas/* string */.YjP().optional().describe('validate-data profiles or reports of the training data, one per line.'),
    'evaluation-report': schemas/* string */.YjP().optional().describe("evaluate-metrics-gate's JSON report."),
    'extra-files': schemas/* string */.YjP().optional().describe('Other files to ship, one per line.'),
    'model-card-template': schemas/* string */.YjP().optional().describe('A Markdown template for MODEL_CARD.md.'),
    description: schemas/* string */.YjP().optional().describe('One paragraph on what the model does.'),
    'intended-use': schemas/* string */.YjP().optional().describe('Intended use, for the model card.'),
    limitations: schemas/* string */.YjP().optional().describe('Known limitations, for the model card.'),
    'python-version': schemas/* string */.YjP().optional().describe('Python version the model was trained with; default: .python-version when present.'),
    'output-dir': schemas/* string */.YjP().prefault('mlops-packages').describe('Folder that receives <name>-<version>/ and <name>-<version>.tar.gz.'),
    'compression-level': (0,platform_inputs/* numberInput */.QR)('compression-level', { min: 0, max: 9, integer: true, what: 'a whole number from 0 to 9' }).prefault('1').describe('gzip level of the archive.'),
    'artifact-name': schemas/* string */.YjP().optional().describe('Artifact to upload the archive as; default model-package-<name>.'),
    'upload-artifact': (0,platform_inputs/* booleanInput */.tE)('upload-artifact').prefault('true').describe('Upload the archive as a workflow artifact.'),
    'retention-days': (0,platform_inputs/* numberInput */.QR)('retention-days', { min: 1, max: 90, integer: true, what: 'a whole number of days from 1 to 90' }).optional().describe('Retention of the artifact.'),
    attest: (0,platform_inputs/* choiceInput */.ij)('attest', ['auto', 'true', 'false']).prefault('auto').describe('Build-provenance attestation of the archive: auto (when the job may), true (fail without), false.'),
    'compare-to': schemas/* string */.YjP().optional().describe('A previous package (folder, .tar.gz, manifest, or artifact name) to list what changed.'),
    bundle: schemas/* string */.YjP().optional().describe('With mode verify: the package folder or .tar.gz.'),
    ...reportingInputs('package-model'),
});
const packageModelAction = {
    name: 'package-model',
    inputs: packageModelInputs,
    async run(inputs, context) {
        return inputs.mode === 'verify' ? verify(inputs, context) : build(inputs, context);
    },
};
async function build(inputs, context) {
    const { workspace, logger, run } = context;
    const startedAt = new Date();
    if (!inputs.name)
        throw new errors/* ConfigurationError */.j1('input name is required', { hint: 'Name the model, e.g. `churn-classifier`.' });
    if (!/^[a-z0-9][a-z0-9._-]{0,127}$/i.test(inputs.name)) {
        throw new errors/* ConfigurationError */.j1(`input name: ${JSON.stringify(inputs.name)} is not a package name`, { hint: 'Use letters, digits, `.`, `_` and `-`, starting with a letter or digit (at most 128).' });
    }
    const model = (0,platform_inputs/* splitLines */.uz)(inputs.model);
    if (model.length === 0)
        throw new errors/* ConfigurationError */.j1('input model is required', { hint: 'Give the model files or folders, e.g. `train-output/model.pkl`.' });
    const version = (0,packaging_manifest/* deriveVersion */.Ui)({ given: inputs.version, ref: run.ref, sha: run.sha });
    const pythonVersion = inputs['python-version'] ?? (await (0,promises_.readFile)(workspace.resolve('.python-version'), 'utf8').then((t) => t.trim() || undefined, () => undefined));
    const scratch = context.scratch ?? external_node_os_default().tmpdir();
    const packaged = await (0,packaging_package/* packageModel */.gR)({
        collector: {
            root: workspace.root,
            glob: async (pattern) => {
                try {
                    return (await workspace.expand(pattern, 'model')).map((f) => f.path);
                }
                catch (error) {
                    if (error instanceof errors/* ConfigurationError */.j1)
                        return [];
                    throw error;
                }
            },
        },
        name: inputs.name,
        version,
        model,
        extra: (0,platform_inputs/* splitLines */.uz)(inputs['extra-files']),
        requirements: (0,platform_inputs/* splitLines */.uz)(inputs.requirements),
        metrics: inputs.metrics,
        params: inputs.params,
        signature: inputs.signature,
        inputExample: inputs['input-example'],
        outputExample: inputs['output-example'],
        data: (0,platform_inputs/* splitLines */.uz)(inputs['data-profile']),
        evaluation: inputs['evaluation-report'],
        modelCardTemplate: inputs['model-card-template'],
        description: inputs.description,
        intendedUse: inputs['intended-use'],
        limitations: inputs.limitations,
        pythonVersion,
        createdFrom: {
            ...(run.repository ? { repository: `${run.repository.owner}/${run.repository.repo}` } : {}),
            ...(run.sha ? { commit: run.sha } : {}),
            ...(run.ref ? { ref: run.ref } : {}),
            ...(run.workflow ? { workflow: run.workflow } : {}),
            ...(run.repository && run.runId ? { runUrl: `${run.serverUrl}/${run.repository.owner}/${run.repository.repo}/actions/runs/${run.runId}` } : {}),
        },
        outputDir: workspace.resolve(inputs['output-dir']),
        compressionLevel: inputs['compression-level'],
    });
    const { manifest } = packaged;
    const archiveName = external_node_path_default().basename(packaged.archive);
    logger.info(`Packaged ${manifest.name} ${manifest.version}: ${manifest.files.length} files, ${workspace.display(packaged.archive)} (sha256:${packaged.archiveSha256}).`);
    const findings = new platform_report/* FindingCollector */.xe();
    for (const f of manifest.formats.filter((x) => x.runsCodeOnLoad)) {
        findings.add({
            severity: 'warning',
            rule: 'runs-code-on-load',
            subject: f.path,
            message: `${f.path} is ${f.format}: loading it runs code. Only load this package from a source you trust${f.note ? ` (${f.note})` : ''}; prefer safetensors or ONNX where the framework allows.`,
        });
    }
    if (manifest.evaluation && manifest.evaluation.verdict !== 'pass') {
        findings.add({ severity: 'warning', rule: 'evaluation-verdict', message: `The evaluation report's verdict is ${manifest.evaluation.verdict}: this package holds a model that did not pass its gates.` });
    }
    const outputs = {
        'package-path': workspace.display(packaged.archive),
        'package-dir': workspace.display(packaged.bundleDir),
        digest: `sha256:${packaged.archiveSha256}`,
        'tar-digest': `sha256:${packaged.tarSha256}`,
        version: manifest.version,
        name: manifest.name,
        'manifest-path': workspace.display(external_node_path_default().join(packaged.bundleDir, packaging_manifest/* MANIFEST_FILE */.h1)),
    };
    if (inputs['upload-artifact'] && context.artifacts) {
        const artifactName = inputs['artifact-name'] ?? `model-package-${manifest.name}`;
        const uploaded = await context.artifacts.uploadPaths(artifactName, [packaged.archive], external_node_path_default().dirname(packaged.archive), inputs['retention-days']);
        outputs['artifact-id'] = String(uploaded.id ?? '');
        outputs['artifact-name'] = artifactName;
        logger.info(`Uploaded ${archiveName} as artifact ${artifactName} (id ${uploaded.id}).`);
    }
    let attestation;
    if (inputs.attest !== 'false') {
        const result = context.attest ? await context.attest({ name: archiveName, sha256: packaged.archiveSha256 }) : { status: 'skipped', reason: 'attestations need a workflow run' };
        if (result.status === 'created') {
            attestation = result.url ?? result.id;
            if (result.id)
                outputs['attestation-id'] = result.id;
            if (result.url)
                outputs['attestation-url'] = result.url;
        }
        else if (inputs.attest === 'true') {
            findings.add({ severity: 'error', rule: 'attestation', message: `No build-provenance attestation: ${result.reason}.` });
        }
        else {
            findings.add({ severity: 'notice', rule: 'attestation', message: `No build-provenance attestation: ${result.reason}.` });
        }
    }
    let comparison;
    let previousName;
    if (inputs['compare-to']) {
        const previous = await loadPrevious(inputs['compare-to'].trim(), context, scratch);
        previousName = previous.name;
        comparison = compareManifests(previous.manifest, manifest);
    }
    const tables = [packageTable(manifest, packaged.archiveSha256, packaged.archiveBytes, attestation), metricsTable(manifest), filesTable(manifest)];
    if (comparison)
        tables.splice(1, 0, changesTable(comparison, previousName));
    const report = (0,platform_report/* buildReport */.FK)({
        action: 'package-model',
        title: `package-model: ${manifest.name} ${manifest.version}`,
        verdict: findings.counts.error > 0 ? 'fail' : 'pass',
        headline: `${manifest.name} ${manifest.version}: ${manifest.files.length} files, ${formatBytes(packaged.archiveBytes)} archive, sha256:${packaged.archiveSha256.slice(0, 16)}…${comparison ? `; ${describeComparison(comparison, previousName)}` : ''}.`,
        startedAt,
        findings,
        tables,
        details: {
            name: manifest.name,
            version: manifest.version,
            archive: outputs['package-path'],
            digest: outputs.digest,
            tarDigest: outputs['tar-digest'],
            manifest,
            ...(comparison ? { comparison: { previous: previousName, ...comparison } } : {}),
        },
    });
    return { report, outputs };
}
async function verify(inputs, context) {
    const startedAt = new Date();
    if (!inputs.bundle)
        throw new errors/* ConfigurationError */.j1('input bundle is required with mode: verify', { hint: 'Give the package folder or its .tar.gz.' });
    const { workspace } = context;
    const bundle = workspace.resolve(inputs.bundle);
    const display = workspace.display(bundle);
    const result = await (0,packaging_package/* verifyBundle */.IF)(bundle, display, context.scratch ?? external_node_os_default().tmpdir());
    return { report: verifyReport(result, display, startedAt), outputs: { digest: result.archiveSha256 ? `sha256:${result.archiveSha256}` : '', version: result.manifest.version, name: result.manifest.name } };
}
function verifyReport(result, display, startedAt) {
    const findings = new platform_report/* FindingCollector */.xe();
    const what = { mismatch: 'differs from the manifest (tampered with or corrupted)', missing: 'is listed in the manifest but missing', extra: 'is not listed in the manifest' };
    for (const p of result.problems) {
        findings.add({
            severity: 'error',
            rule: `verify-${p.kind}`,
            file: `${display}/${p.path}`,
            message: `${p.path} ${what[p.kind]}${p.kind === 'mismatch' ? ` (sha256 ${p.actual?.slice(0, 12)}…, manifest ${p.expected?.slice(0, 12)}…)` : ''}.`,
        });
    }
    const ok = result.problems.length === 0;
    return (0,platform_report/* buildReport */.FK)({
        action: 'package-model',
        title: `package-model verify: ${result.manifest.name} ${result.manifest.version}`,
        verdict: ok ? 'pass' : 'fail',
        headline: ok
            ? `All ${result.checked} files of ${display} match their manifest.`
            : `${result.problems.length} problem${result.problems.length === 1 ? '' : 's'} in ${display}: ${result.problems.slice(0, 3).map((p) => `${p.path} ${p.kind}`).join(', ')}${result.problems.length > 3 ? ', …' : ''}.`,
        startedAt,
        findings,
        tables: [
            {
                title: 'Verification',
                columns: ['file', 'result'],
                rows: result.manifest.files.map((f) => [f.path, result.problems.find((p) => p.path === f.path)?.kind ?? 'ok']).concat(result.problems.filter((p) => p.kind === 'extra').map((p) => [p.path, 'extra'])),
            },
        ],
        details: { name: result.manifest.name, version: result.manifest.version, checked: result.checked, problems: result.problems, archiveSha256: result.archiveSha256 },
    });
}
async function loadPrevious(value, context, scratch) {
    const absolute = context.workspace.resolve(value);
    const exists = await (0,promises_.readFile)(absolute).then(() => true, (e) => e.code === 'EISDIR');
    if (exists)
        return { name: context.workspace.display(absolute), manifest: await (0,packaging_package/* readPackageManifest */.i7)(absolute, context.workspace.display(absolute), scratch) };
    if (/[/\\]|\.(gz|json)$/i.test(value))
        throw new errors/* ConfigurationError */.j1(`compare-to: not found: ${value}`, { hint: 'Give a package folder, .tar.gz or model-manifest.json in the workspace, or an artifact name of this run.' });
    const dir = context.artifacts ? await context.artifacts.downloadByName(value) : undefined;
    if (!dir)
        throw new errors/* ConfigurationError */.j1(`compare-to: no file and no artifact named ${value}`, { hint: 'An artifact must come from this workflow run (download earlier ones with actions/download-artifact first).' });
    const { readdir } = await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 1455, 23));
    const archive = (await readdir(dir)).find((f) => f.endsWith('.tar.gz'));
    if (!archive)
        throw new errors/* ConfigurationError */.j1(`compare-to: artifact ${value} holds no .tar.gz`, { hint: 'Give the artifact that package-model uploaded.' });
    return { name: `artifact ${value}`, manifest: await (0,packaging_package/* readPackageManifest */.i7)(external_node_path_default().join(dir, archive), `${value}/${archive}`, scratch) };
}
function packageTable(m, sha256, bytes, attestation) {
    const rows = [
        ['name', m.name],
        ['version', m.version],
        ['archive', `${formatBytes(bytes)}, sha256:${sha256}`],
        ['formats', m.formats.map((f) => `${f.path} (${f.format}${f.runsCodeOnLoad ? ', runs code when loaded ⚠️' : ''})`).join('; ') || '—'],
        ['signature', m.signature ? `${m.signature.inputs.length} inputs (${m.signature.source})` : '—'],
        ['evaluation', m.evaluation ? `${m.evaluation.verdict}${m.evaluation.headline ? `: ${m.evaluation.headline}` : ''}` : '—'],
        ['data', m.data.map((d) => `${d.source}${d.rows !== undefined ? ` (${d.rows.toLocaleString('en-US')} rows)` : ''}`).join('; ') || '—'],
        ['commit', m.createdFrom.commit ?? '—'],
        ['attestation', attestation ?? '—'],
    ];
    return { title: 'Package', columns: ['', ''], rows, note: `The bundle folder holds ${packaging_manifest/* MANIFEST_FILE */.h1} and ${packaging_manifest/* CARD_FILE */.Yq}; verify it with mode: verify.` };
}
function metricsTable(m) {
    return { title: 'Metrics', columns: ['metric', 'value'], rows: Object.entries(m.metrics).map(([k, v]) => [k, v]) };
}
function filesTable(m) {
    return { title: 'Files', columns: ['path', 'role', 'bytes', 'sha256'], rows: m.files.map((f) => [f.path, f.role, f.size, f.sha256.slice(0, 16)]) };
}
function changesTable(c, previous) {
    const rows = [];
    rows.push(['version', `${c.versionBefore} → ${c.versionAfter}`]);
    for (const f of c.files.added)
        rows.push(['file added', f]);
    for (const f of c.files.removed)
        rows.push(['file removed', f]);
    for (const f of c.files.changed)
        rows.push(['file changed', `${f.path} (${f.before.slice(0, 8)} → ${f.after.slice(0, 8)})`]);
    if (c.signatureChanged)
        rows.push(['signature', c.signatureDifferences.join('; ') || 'changed']);
    for (const r of c.requirements.added)
        rows.push(['requirement added', r]);
    for (const r of c.requirements.removed)
        rows.push(['requirement removed', r]);
    for (const r of c.requirements.changed)
        rows.push(['requirement changed', r]);
    for (const m of c.metrics)
        rows.push([`metric ${m.name}`, `${m.before ?? '—'} → ${m.after ?? '—'}${m.delta !== undefined ? ` (${m.delta >= 0 ? '+' : ''}${Number(m.delta.toPrecision(4))})` : ''}`]);
    for (const d of c.data)
        rows.push([`data ${d.source}`, `${d.before?.slice(0, 12) ?? '—'} → ${d.after?.slice(0, 12) ?? '—'}`]);
    return { title: `Changes since ${previous}`, columns: ['what', 'change'], rows };
}
function describeComparison(c, previous) {
    if (c.identical)
        return `identical to ${previous}`;
    const n = c.files.added.length + c.files.removed.length + c.files.changed.length;
    return `${n} file${n === 1 ? '' : 's'} changed since ${previous}`;
}

// EXTERNAL MODULE: ./src/deploy/plan.ts
var deploy_plan = __webpack_require__(5448);
// EXTERNAL MODULE: ./src/deploy/progress.ts
var deploy_progress = __webpack_require__(524);
;// CONCATENATED MODULE: ./src/deploy/providers/command.ts


class CommandProvider {
    config;
    options;
    kind = 'command';
    known;
    constructor(config, options) {
        this.config = config;
        this.options = options;
        this.known = options.recorded ?? { candidateWeight: 0, candidatePresent: false };
    }
    async preflight(stage) {
        // A status script proves the target answers; without one there is nothing to ask.
        if (this.config.status)
            await this.status(stage, 'preflight');
    }
    async deploy(stage) {
        await this.script('deploy', this.config.deploy, stage, 0);
        this.known = { candidateWeight: 0, candidatePresent: true, candidateImage: stage.image };
        return { candidateUrl: this.config.candidate_url, stableUrl: this.config.stable_url, publicUrl: this.config.public_url };
    }
    async setWeight(stage, percent) {
        await this.script('set_weight', this.config.set_weight, stage, percent);
        this.known = { ...this.known, candidateWeight: percent };
    }
    async status(stage, purpose = 'status') {
        if (!this.config.status)
            return { ...this.known };
        const out = await this.script('status', this.config.status, stage, this.known.candidateWeight, purpose === 'preflight');
        const text = out.trim().split('\n').at(-1)?.trim() ?? '';
        const weight = Number(text);
        if (text === '' || !Number.isFinite(weight) || weight < 0 || weight > 100) {
            throw new errors/* ConfigurationError */.j1(`provider command status printed ${JSON.stringify(text.slice(0, 80))}, not a weight`, {
                hint: 'The status script must print the candidate’s current share of traffic as its last line: a number from 0 to 100 (0 when there is no candidate).',
            });
        }
        return { candidateWeight: weight, candidatePresent: weight > 0 || this.known.candidatePresent };
    }
    async promote(stage) {
        await this.script('promote', this.config.promote, stage, 100);
        this.known = { candidateWeight: 0, candidatePresent: false, stableImage: stage.image };
    }
    async rollback(stage) {
        await this.script('rollback', this.config.rollback, stage, 0);
        this.known = { candidateWeight: 0, candidatePresent: false, stableImage: this.known.stableImage };
    }
    script(name, script, stage, weight, configurationStage = false) {
        const env = {
            ...this.options.env,
            STAGE: stage.name,
            IMAGE: stage.image,
            WEIGHT: String(weight),
            CANDIDATE_URL: this.config.candidate_url,
            STABLE_URL: this.config.stable_url ?? '',
            PUBLIC_URL: this.config.public_url ?? '',
        };
        const args = this.config.shell === 'bash' ? ['--noprofile', '--norc', '-eo', 'pipefail', '-c', script] : ['-e', '-c', script];
        return new Promise((resolve, reject) => {
            const child = (0,external_node_child_process_.spawn)(this.config.shell, args, { cwd: this.options.cwd, env, stdio: ['ignore', 'pipe', 'pipe'], signal: this.options.signal });
            let stdout = '';
            let pending = '';
            const onData = (chunk, keep) => {
                const text = chunk.toString('utf8');
                if (keep)
                    stdout += text;
                pending += text;
                const lines = pending.split('\n');
                pending = lines.pop() ?? '';
                for (const line of lines)
                    this.options.log(`[${name}] ${line}`);
            };
            child.stdout.on('data', (c) => onData(c, true));
            child.stderr.on('data', (c) => onData(c, false));
            child.on('error', (error) => {
                const code = error.code;
                reject(code === 'ENOENT'
                    ? new errors/* ConfigurationError */.j1(`provider command: ${this.config.shell} is not installed`, { hint: 'Install it on the runner, or set shell: sh.' })
                    : error);
            });
            child.on('close', (code, signal) => {
                if (pending !== '')
                    this.options.log(`[${name}] ${pending}`);
                if (code === 0)
                    return resolve(stdout);
                const message = `provider command ${name} ${signal ? `was killed by ${signal}` : `exited with ${code}`}`;
                reject(configurationStage ? new errors/* ConfigurationError */.j1(message, { hint: 'The status script must succeed before any traffic moves; run it by hand to see why it fails.' }) : new Error(message));
            });
        });
    }
}

// EXTERNAL MODULE: ./src/platform/logger.ts
var platform_logger = __webpack_require__(3255);
;// CONCATENATED MODULE: ./src/deploy/haproxy.ts


const DEFAULT_TIMEOUT_MS = 5000;
/** HAProxy's own limit on a server weight. */
const MAX_WEIGHT = 256;
/** The characters HAProxy allows in proxy and server names; anything else would split the command. */
const NAME = /^[A-Za-z0-9_.:-]+$/;
/** `srv_admin_state` bits (HAProxy's enum srv_admin): forced, inherited and resolution maintenance. */
const ADMIN_MAINT = 0x01 | 0x02 | 0x20;
/** Forced and inherited drain. */
const ADMIN_DRAIN = 0x08 | 0x10;
const OP_STATES = ['down', 'starting', 'up', 'stopping'];
/** A unix socket path, or `host:port` (`ipv4@` / `ipv6@` / `unix@` prefixes of HAProxy's syntax accepted). */
function parseRuntimeApiAddress(text) {
    const trimmed = text.trim();
    const unix = /^unix@(.+)$/.exec(trimmed);
    if (unix)
        return { kind: 'unix', path: unix[1] };
    const bare = trimmed.replace(/^ipv[46]@/, '');
    const tcp = /^(?:\[([^\]]+)\]|([^/:[\]]+)):(\d+)$/.exec(bare);
    if (tcp) {
        const port = Number(tcp[3]);
        if (port < 1 || port > 65535)
            throw new errors/* ConfigurationError */.j1(`runtime_api ${text}: ${port} is not a port number`);
        return { kind: 'tcp', host: tcp[1] ?? tcp[2], port };
    }
    if (trimmed === '')
        throw new errors/* ConfigurationError */.j1('runtime_api is empty', { hint: 'Give a unix socket path, or host:port of a `stats socket ipv4@… level admin` line.' });
    return { kind: 'unix', path: trimmed };
}
function formatRuntimeApiAddress(address) {
    if (address.kind === 'unix')
        return address.path;
    return address.host.includes(':') ? `[${address.host}]:${address.port}` : `${address.host}:${address.port}`;
}
class HaproxyRuntimeClient {
    address;
    timeoutMs;
    constructor(address, options = {}) {
        this.address = typeof address === 'string' ? parseRuntimeApiAddress(address) : address;
        this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    }
    /** The address as the user wrote it, for messages. */
    get where() {
        return formatRuntimeApiAddress(this.address);
    }
    /**
     * Sends one command and returns HAProxy's whole answer. Failing to connect is the user's to fix
     * (wrong address, HAProxy down, no `stats socket` line); no answer after connecting is not.
     */
    async execute(command) {
        if (/[\r\n;]/.test(command))
            throw new Error(`one runtime API command at a time, without ; or line breaks: ${JSON.stringify(command)}`);
        return new Promise((resolve, reject) => {
            const socket = this.address.kind === 'unix' ? external_node_net_default().connect(this.address.path) : external_node_net_default().connect(this.address.port, this.address.host);
            let connected = false;
            let settled = false;
            let reply = '';
            const finish = (error) => {
                if (settled)
                    return;
                settled = true;
                clearTimeout(timer);
                socket.destroy();
                if (error)
                    reject(error);
                else
                    resolve(reply);
            };
            const unreachable = (reason, cause) => new errors/* ConfigurationError */.j1(`cannot reach the HAProxy runtime API at ${this.where}: ${reason}`, {
                hint: 'Check runtime_api and that HAProxy runs with a `stats socket` on that address at `level admin` (e.g. `stats socket ipv4@127.0.0.1:9999 level admin`, or a unix socket path the runner can open).',
                cause,
            });
            const timer = setTimeout(() => {
                finish(connected ? new Error(`the HAProxy runtime API at ${this.where} did not answer "${command}" within ${this.timeoutMs / 1000} s`) : unreachable(`no connection within ${this.timeoutMs / 1000} s`));
            }, this.timeoutMs);
            socket.setEncoding('utf8');
            socket.on('connect', () => {
                connected = true;
                socket.end(`${command}\n`);
            });
            socket.on('data', (chunk) => {
                reply += chunk;
            });
            socket.on('close', () => finish());
            socket.on('error', (error) => {
                if (connected)
                    finish(new Error(`the HAProxy runtime API at ${this.where} failed during "${command}": ${error.message}`));
                else
                    finish(unreachable(error.code ?? error.message, error));
            });
        });
    }
    /** Proves the runtime API answers with admin rights; returns HAProxy's version. */
    async check() {
        const info = await this.execute('show info');
        const version = /^Version:\s*(\S+)/m.exec(info)?.[1];
        if (!/^Name:\s*HAProxy/m.test(info) || !version) {
            throw new errors/* ConfigurationError */.j1(`${this.where} does not answer like an HAProxy runtime API`, { hint: `It answered "show info" with: ${firstLine(info) || '(nothing)'}. Check runtime_api.` });
        }
        const level = (await this.execute('show cli level')).trim();
        if (level !== 'admin') {
            throw new errors/* ConfigurationError */.j1(`the HAProxy runtime API at ${this.where} is at level ${level || 'unknown'}, and changing weights needs level admin`, {
                hint: 'Declare the socket with `level admin`, e.g. `stats socket ipv4@127.0.0.1:9999 level admin`.',
            });
        }
        return { version, level };
    }
    async getWeight(backend, server) {
        const command = `get weight ${serverRef(backend, server)}`;
        const reply = await this.execute(command);
        const m = /^(\d+) \(initial (\d+)\)/.exec(reply.trim());
        if (!m)
            throw this.failure(reply, command, backend, server);
        return { current: Number(m[1]), initial: Number(m[2]) };
    }
    /** An absolute weight, 0–256; 0 takes the server out of the rotation for new requests. */
    async setWeight(backend, server, weight) {
        if (!Number.isInteger(weight) || weight < 0 || weight > MAX_WEIGHT)
            throw new RangeError(`an HAProxy weight is an integer from 0 to ${MAX_WEIGHT}, not ${weight}`);
        const command = `set weight ${serverRef(backend, server)} ${weight}`;
        const reply = await this.execute(command);
        if (reply.trim() !== '')
            throw this.failure(reply, command, backend, server);
    }
    /** Points a server at another IP address and port (HAProxy takes IP addresses only, no names). */
    async setServerAddress(backend, server, host, port) {
        if (!Number.isInteger(port) || port < 1 || port > 65535)
            throw new RangeError(`${port} is not a port number`);
        if (!/^[0-9A-Fa-f.:]+$/.test(host)) {
            throw new errors/* ConfigurationError */.j1(`HAProxy cannot take "${host}" as the address of ${backend}/${server}: the runtime API sets IP addresses only`, { hint: 'Give the host as an IP address, e.g. 127.0.0.1.' });
        }
        const command = `set server ${serverRef(backend, server)} addr ${host} port ${port}`;
        const reply = await this.execute(command);
        if (!/changed from|no need to change/.test(reply) || ERROR_REPLY.test(reply))
            throw this.failure(reply, command, backend, server);
    }
    async setServerState(backend, server, state) {
        const command = `set server ${serverRef(backend, server)} state ${state}`;
        const reply = await this.execute(command);
        if (reply.trim() !== '')
            throw this.failure(reply, command, backend, server);
    }
    /** The servers of a backend, from `show servers state`. */
    async showServers(backend) {
        const command = `show servers state ${haproxy_checkName(backend, 'backend')}`;
        const reply = await this.execute(command);
        const lines = reply.split('\n');
        const header = lines.find((l) => l.startsWith('# be_id'));
        if (!header)
            throw this.failure(reply, command, backend);
        const columns = header.slice(2).split(' ');
        const servers = [];
        for (const line of lines.slice(lines.indexOf(header) + 1)) {
            if (line.trim() === '')
                continue;
            const values = line.split(' ');
            const field = (name) => values[columns.indexOf(name)] ?? '';
            const admin = Number(field('srv_admin_state'));
            const address = field('srv_addr');
            const port = Number(field('srv_port'));
            servers.push({
                name: field('srv_name'),
                address: address === '' || address === '-' ? undefined : address,
                port: port > 0 ? port : undefined,
                state: admin & ADMIN_MAINT ? 'maint' : admin & ADMIN_DRAIN ? 'drain' : 'ready',
                status: OP_STATES[Number(field('srv_op_state'))] ?? 'down',
                weight: Number(field('srv_uweight')),
                initialWeight: Number(field('srv_iweight')),
            });
        }
        return servers;
    }
    /** One server of a backend; a ConfigurationError naming both when it is not there. */
    async server(backend, name) {
        return findServer(await this.showServers(backend), backend, name, this.where);
    }
    /** Per-server counters of a backend, from `show stat` (its servers only). */
    async stats(backend) {
        const command = `show stat ${haproxy_checkName(backend, 'backend')} 4 -1`;
        const reply = await this.execute(command);
        if (!reply.startsWith('# pxname'))
            throw this.failure(reply, command, backend);
        const [header, ...rows] = reply.split('\n').filter((l) => l.trim() !== '');
        const columns = parseCsvLine(header.slice(2));
        return rows.map((row) => {
            const values = parseCsvLine(row);
            const text = (name) => values[columns.indexOf(name)] ?? '';
            const count = (name) => Number(text(name)) || 0;
            return {
                name: text('svname'),
                status: text('status'),
                weight: count('weight'),
                address: text('addr') || undefined,
                sessions: { current: count('scur'), total: count('stot') },
                responses: { '1xx': count('hrsp_1xx'), '2xx': count('hrsp_2xx'), '3xx': count('hrsp_3xx'), '4xx': count('hrsp_4xx'), '5xx': count('hrsp_5xx'), other: count('hrsp_other') },
                connectionErrors: count('econ'),
                responseErrors: count('eresp'),
                bytesIn: count('bin'),
                bytesOut: count('bout'),
                responseTimeMs: count('rtime'),
                totalTimeMs: count('ttime'),
            };
        });
    }
    /** Turns a refusal into an error that says which backend or server, and what to do. */
    failure(reply, command, backend, server) {
        const said = firstLine(reply);
        if (/^(No such backend|Can't find backend|No such proxy)/i.test(said)) {
            return new errors/* ConfigurationError */.j1(`HAProxy at ${this.where} has no backend ${backend}`, {
                hint: 'Check `backend` in the rollout plan against the HAProxy configuration (the runtime API command `show backend` lists them).',
            });
        }
        if (/^No such server/i.test(said)) {
            return new errors/* ConfigurationError */.j1(`backend ${backend} of HAProxy at ${this.where} has no server ${server}`, {
                hint: 'Check stable_server and candidate_server in the rollout plan, or declare the server in the backend (e.g. `server candidate 127.0.0.1:1 disabled`) and reload HAProxy.',
            });
        }
        if (/Permission denied/i.test(said)) {
            return new errors/* ConfigurationError */.j1(`the HAProxy runtime API at ${this.where} refused "${command}": it needs level admin`, {
                hint: 'Declare the socket with `level admin`, e.g. `stats socket ipv4@127.0.0.1:9999 level admin`.',
            });
        }
        if (/static LB algorithm/i.test(said)) {
            return new errors/* ConfigurationError */.j1(`backend ${backend} uses a static load-balancing algorithm, whose weights cannot change while HAProxy runs`, {
                hint: 'Use `balance roundrobin` (or leastconn, or random) in the backend.',
            });
        }
        if (/^Invalid addr/i.test(said)) {
            return new errors/* ConfigurationError */.j1(`HAProxy refused the address for ${backend}/${server}: ${said}`, { hint: 'Give the host as an IP address.' });
        }
        if (/^Unknown command/i.test(said)) {
            return new errors/* ConfigurationError */.j1(`HAProxy at ${this.where} does not know "${command}"`, { hint: 'Staged deploys need HAProxy 2.0 or newer.' });
        }
        return new Error(`HAProxy at ${this.where} refused "${command}": ${said || '(no answer)'}`);
    }
}
/** Texts HAProxy answers a `set server … addr` with when it changed nothing. */
const ERROR_REPLY = /can't|cannot|invalid|requires|expects|No such|Require/i;
function firstLine(text) {
    return text.trim().split('\n')[0]?.trim() ?? '';
}
function haproxy_checkName(name, what) {
    if (!NAME.test(name)) {
        throw new errors/* ConfigurationError */.j1(`${what} name ${JSON.stringify(name)} is not an HAProxy name`, { hint: 'HAProxy names hold letters, digits and - _ . : only.' });
    }
    return name;
}
function serverRef(backend, server) {
    return `${haproxy_checkName(backend, 'backend')}/${haproxy_checkName(server, 'server')}`;
}
function findServer(servers, backend, name, where) {
    const found = servers.find((s) => s.name === name);
    if (!found) {
        throw new errors/* ConfigurationError */.j1(`backend ${backend} of HAProxy at ${where} has no server ${name} (it has ${servers.map((s) => s.name).join(', ') || 'none'})`, {
            hint: 'Check stable_server and candidate_server in the rollout plan, or declare the server in the backend (e.g. `server candidate 127.0.0.1:1 disabled`) and reload HAProxy.',
        });
    }
    return found;
}
/** HAProxy's CSV quotes a field holding a comma or a quote, doubling the quote. */
function parseCsvLine(line) {
    const fields = [];
    let field = '';
    let quoted = false;
    for (let i = 0; i < line.length; i++) {
        const c = line[i];
        if (quoted) {
            if (c === '"' && line[i + 1] === '"') {
                field += '"';
                i++;
            }
            else if (c === '"')
                quoted = false;
            else
                field += c;
        }
        else if (c === '"')
            quoted = true;
        else if (c === ',') {
            fields.push(field);
            field = '';
        }
        else
            field += c;
    }
    fields.push(field);
    return fields;
}
/**
 * The weights that put `percent` of the traffic on the candidate: candidate = percent, stable =
 * 100 − percent. Weights are integers, so a percent is rounded, but never to 0 or 100 when it is
 * not exactly that: a 0.5 % step still sends the candidate something, and stable keeps a share
 * until the split is really 100 %.
 */
function trafficWeights(percent) {
    if (!Number.isFinite(percent) || percent < 0 || percent > 100)
        throw new RangeError(`a traffic share is 0–100 %, not ${percent}`);
    const candidate = percent > 0 && percent < 1 ? 1 : percent > 99 && percent < 100 ? 99 : Math.round(percent);
    return { stable: 100 - candidate, candidate };
}
/**
 * Puts `percent` of the traffic on the candidate. The server whose weight rises is set first: the
 * total weight never dips, so the backend never passes through a moment where both weights are 0
 * (HAProxy would answer 503). The order matters for the split too: HAProxy's weighted round robin
 * schedules in windows as long as the total weight, and a total that dips makes it park one server
 * for the rest of the window; measured on HAProxy 2.6, setting the losing server first gave the
 * other one bursts of 40 extra requests out of 100 after a change to 50 %, the gaining one first
 * at most 2 in most changes.
 */
async function applyTrafficSplit(client, target, percent) {
    const weights = trafficWeights(percent);
    const servers = await client.showServers(target.backend);
    const now = {
        stable: findServer(servers, target.backend, target.stableServer, client.where).weight,
        candidate: findServer(servers, target.backend, target.candidateServer, client.where).weight,
    };
    const stable = () => client.setWeight(target.backend, target.stableServer, weights.stable);
    const candidate = () => client.setWeight(target.backend, target.candidateServer, weights.candidate);
    if (weights.candidate - now.candidate > weights.stable - now.stable) {
        await candidate();
        await stable();
    }
    else {
        await stable();
        await candidate();
    }
    return weights;
}
/**
 * The candidate's share of the traffic, in percent, from the two weights: 0 when the candidate is
 * in maint or drain or has no address (it takes no new requests whatever its weight), and when
 * both weights are 0. Stable's state is not looked at: before the first promotion there is no
 * stable, and the share still reads as the split that was set.
 */
async function readTrafficSplit(client, target) {
    const servers = await client.showServers(target.backend);
    const stable = findServer(servers, target.backend, target.stableServer, client.where);
    const candidate = findServer(servers, target.backend, target.candidateServer, client.where);
    if (candidate.state !== 'ready' || candidate.address === undefined || candidate.port === undefined)
        return 0;
    const total = stable.weight + candidate.weight;
    if (total === 0)
        return 0;
    return Math.round((candidate.weight / total) * 10_000) / 100;
}

;// CONCATENATED MODULE: ./src/deploy/providers/docker.ts







/** Container labels; `role` is the role a container started in (always candidate): its name says its role now. */
const DEPLOY_LABELS = {
    name: 'io.mlops-actions.deploy.name',
    role: 'io.mlops-actions.deploy.role',
    image: 'io.mlops-actions.deploy.image',
    port: 'io.mlops-actions.deploy.port',
    stage: 'io.mlops-actions.deploy.stage',
};
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** Set by the provider itself, from `host` and `ports`. */
const RESERVED_ENV = new Set(['PORT', 'HOST']);
class DockerProvider {
    config;
    kind = 'docker';
    docker;
    haproxy;
    target;
    logger;
    startTimeoutMs;
    stopTimeoutSeconds;
    constructor(config, options) {
        this.config = config;
        this.docker = options.docker;
        this.haproxy = options.haproxy ?? new HaproxyRuntimeClient(config.runtime_api);
        this.target = { backend: config.backend, stableServer: config.stable_server, candidateServer: config.candidate_server };
        this.logger = options.logger ?? platform_logger/* silentLogger */.q;
        this.startTimeoutMs = options.startTimeoutMs ?? 60_000;
        this.stopTimeoutSeconds = options.stopTimeoutSeconds ?? 10;
    }
    get stableName() {
        return `${this.config.name}-stable`;
    }
    get candidateName() {
        return `${this.config.name}-candidate`;
    }
    /** The configuration makes sense, Docker and HAProxy answer, and the image is here or can be pulled. */
    async preflight(stage) {
        this.checkConfig();
        if (!(await this.docker.available())) {
            throw new errors/* ConfigurationError */.j1('the docker provider needs a Docker daemon, and none answers', { hint: 'Start Docker on the deployment host, or point DOCKER_HOST at its daemon.' });
        }
        await this.haproxy.check();
        await this.haproxy.server(this.target.backend, this.target.stableServer);
        await this.haproxy.server(this.target.backend, this.target.candidateServer);
        await this.ensureImage(stage.image);
    }
    /**
     * Replaces any candidate container by a new one of `stage.image` on the port stable does not
     * use, waits until it listens, and adds it to the backend at weight 0.
     */
    async deploy(stage) {
        await this.preflight(stage);
        await this.settleStable();
        // A candidate left by an earlier attempt takes no traffic while it is replaced.
        await applyTrafficSplit(this.haproxy, this.target, 0);
        await this.haproxy.setServerState(this.target.backend, this.target.candidateServer, 'maint');
        await this.retire(this.candidateName);
        const stablePort = await this.stablePort();
        const port = this.config.ports.find((p) => p !== stablePort);
        if (await listening(this.config.host, port)) {
            throw new errors/* ConfigurationError */.j1(`port ${port} on ${this.config.host} is taken by a process that is not ${this.candidateName}`, {
                hint: `The docker provider's ports (${this.config.ports.join(', ')}) must be free for its containers: stop that process or choose other ports.`,
            });
        }
        await this.runContainer(stage, port);
        await this.waitUntilListening(port);
        await this.haproxy.setServerAddress(this.target.backend, this.target.candidateServer, this.config.host, port);
        await this.haproxy.setServerState(this.target.backend, this.target.candidateServer, 'ready');
        this.logger.info(`${this.candidateName} (${stage.image}) listens on ${this.url(port)}, in ${this.target.backend} at weight 0`);
        return { candidateUrl: this.url(port), stableUrl: stablePort === undefined ? undefined : this.url(stablePort), publicUrl: this.config.public_url };
    }
    async setWeight(_stage, percent) {
        const weights = await applyTrafficSplit(this.haproxy, this.target, percent);
        this.logger.info(`${this.target.backend}: ${this.target.candidateServer} weight ${weights.candidate}, ${this.target.stableServer} weight ${weights.stable}`);
    }
    async status(_stage) {
        const [stable, candidate] = await Promise.all([this.inspect(this.stableName), this.inspect(this.candidateName)]);
        const candidatePresent = candidate?.running === true;
        return {
            candidateWeight: candidatePresent ? await readTrafficSplit(this.haproxy, this.target) : 0,
            candidatePresent,
            stablePresent: stable?.running === true,
            stableImage: stable?.image,
            candidateImage: candidate?.image,
        };
    }
    /**
     * The candidate takes all traffic, then moves into the stable slot: HAProxy's stable server is
     * pointed at the candidate's port and given the traffic, the old stable container is retired,
     * and the candidate container is renamed `<name>-stable`.
     */
    async promote(stage) {
        const candidate = await this.inspect(this.candidateName);
        if (!candidate) {
            const stable = await this.inspect(this.stableName);
            if (stable?.image !== stage.image) {
                throw new Error(`nothing to promote: there is no ${this.candidateName}, and ${this.stableName} runs ${stable?.image ?? 'nothing'}, not ${stage.image}`);
            }
            // Promoted already, perhaps interrupted before the candidate server went into maintenance.
            await this.settleStable();
            await this.retireCandidateServer();
            return;
        }
        if (candidate.port === undefined)
            throw new Error(`${this.candidateName} has no ${DEPLOY_LABELS.port} label: it was not started by this provider`);
        if (!candidate.running)
            throw new Error(`${this.candidateName} is not running: promoting it would send all traffic nowhere\n${await this.logs(this.candidateName)}`);
        await applyTrafficSplit(this.haproxy, this.target, 100);
        await this.haproxy.setServerAddress(this.target.backend, this.target.stableServer, this.config.host, candidate.port);
        await this.haproxy.setServerState(this.target.backend, this.target.stableServer, 'ready');
        // Both servers now lead to the candidate container; the stable one keeps the traffic.
        await applyTrafficSplit(this.haproxy, this.target, 0);
        await this.retire(this.stableName);
        await this.rename(this.candidateName, this.stableName);
        await this.retireCandidateServer();
        this.logger.info(`${this.stableName} now runs ${stage.image} on ${this.url(candidate.port)}`);
    }
    /** All traffic to stable, the candidate server into maintenance, the candidate container removed. */
    async rollback(_stage) {
        await this.settleStable();
        await this.retireCandidateServer();
        await this.retire(this.candidateName);
    }
    checkConfig() {
        const [a, b] = this.config.ports;
        if (a === b)
            throw new errors/* ConfigurationError */.j1(`the docker provider's two ports are both ${a}`, { hint: 'Give two different ports: stable and candidate take turns on them.' });
        if (!/^[0-9A-Fa-f.:]+$/.test(this.config.host) || this.config.host === '0.0.0.0' || this.config.host === '::') {
            throw new errors/* ConfigurationError */.j1(`host ${this.config.host}: the docker provider needs the IP address HAProxy reaches the containers at`, { hint: 'Give an IP address such as 127.0.0.1 (HAProxy is given addresses, not names).' });
        }
        for (const [key, value] of Object.entries(this.config.env)) {
            if (!ENV_NAME.test(key))
                throw new errors/* ConfigurationError */.j1(`env: ${JSON.stringify(key)} is not an environment variable name`);
            if (RESERVED_ENV.has(key))
                throw new errors/* ConfigurationError */.j1(`env: ${key} is set by the docker provider`, { hint: 'The containers get PORT from `ports` and HOST from `host`; remove it from env.' });
            if (/[\r\n\0]/.test(value))
                throw new errors/* ConfigurationError */.j1(`env: the value of ${key} holds a line break`, { hint: 'Docker takes one line per variable.' });
        }
    }
    /** The image is on the host, or is pulled; a ConfigurationError naming it otherwise. */
    async ensureImage(image) {
        if ((await this.docker.run(['image', 'inspect', '--format', '{{.Id}}', image])).code === 0)
            return;
        this.logger.info(`pulling ${image}`);
        const pull = await this.docker.run(['pull', image]);
        if (pull.code !== 0) {
            const said = `${pull.stdout}\n${pull.stderr}`.trim().split('\n').slice(-3).join(' ');
            throw new errors/* ConfigurationError */.j1(`the image ${image} is not on the Docker host and cannot be pulled`, { hint: `Check the image reference and the registry login. docker pull said: ${said}` });
        }
    }
    /**
     * Makes HAProxy's stable server lead to the stable container. It can lead elsewhere after a
     * promotion was interrupted: to the candidate's port while the old stable still runs (pointed
     * back), or to the candidate after the old stable was removed (the candidate becomes stable).
     */
    async settleStable() {
        const [stable, candidate, server] = await Promise.all([this.inspect(this.stableName), this.inspect(this.candidateName), this.haproxy.server(this.target.backend, this.target.stableServer)]);
        if (stable?.port !== undefined) {
            if (server.port !== stable.port || server.address !== this.config.host || server.state !== 'ready') {
                this.logger.info(`pointing ${this.target.backend}/${this.target.stableServer} back at ${this.stableName} on ${this.url(stable.port)}`);
                await this.haproxy.setServerAddress(this.target.backend, this.target.stableServer, this.config.host, stable.port);
                await this.haproxy.setServerState(this.target.backend, this.target.stableServer, 'ready');
            }
        }
        else if (!stable && candidate?.port !== undefined && server.state === 'ready' && server.port === candidate.port && server.address === this.config.host) {
            this.logger.warning(`an interrupted promotion had already removed the old stable: ${this.candidateName} (${candidate.image}) is completed as ${this.stableName}`);
            await applyTrafficSplit(this.haproxy, this.target, 0);
            await this.rename(this.candidateName, this.stableName);
        }
    }
    /** The port the stable version listens on: its container's, else the stable server's when it is one of ours. */
    async stablePort() {
        const stable = await this.inspect(this.stableName);
        if (stable?.port !== undefined)
            return stable.port;
        const server = await this.haproxy.server(this.target.backend, this.target.stableServer);
        if (server.state === 'ready' && server.address === this.config.host && server.port !== undefined && this.config.ports.includes(server.port))
            return server.port;
        return undefined;
    }
    async retireCandidateServer() {
        await applyTrafficSplit(this.haproxy, this.target, 0);
        await this.haproxy.setServerState(this.target.backend, this.target.candidateServer, 'maint');
    }
    async runContainer(stage, port) {
        // Values go through a file only this user can read, never onto a command line that any
        // process list shows; the file is gone once the container is created.
        const dir = await (0,promises_.mkdtemp)(external_node_path_default().join(external_node_os_default().tmpdir(), 'mlops-deploy-env-'));
        try {
            const envFile = external_node_path_default().join(dir, 'env');
            await (0,promises_.writeFile)(envFile, Object.entries(this.config.env).map(([k, v]) => `${k}=${v}\n`).join(''), { mode: 0o600 });
            await (0,promises_.chmod)(envFile, 0o600);
            const labels = { [DEPLOY_LABELS.name]: this.config.name, [DEPLOY_LABELS.role]: 'candidate', [DEPLOY_LABELS.image]: stage.image, [DEPLOY_LABELS.port]: String(port), [DEPLOY_LABELS.stage]: stage.name };
            const args = ['run', '--detach', '--name', this.candidateName, '--network', 'host', '--restart', 'unless-stopped', '--env-file', envFile, '--env', `PORT=${port}`, '--env', `HOST=${this.config.host}`];
            for (const [k, v] of Object.entries(labels))
                args.push('--label', `${k}=${v}`);
            args.push(...this.config.docker_args, stage.image);
            const r = await this.docker.run(args);
            if (r.code !== 0)
                throw new Error(`docker run ${stage.image} as ${this.candidateName} failed: ${r.stderr.trim().split('\n').slice(-3).join(' ')}`);
        }
        finally {
            await (0,promises_.rm)(dir, { recursive: true, force: true });
        }
    }
    async waitUntilListening(port) {
        const deadline = Date.now() + this.startTimeoutMs;
        let checked = 0;
        while (!(await listening(this.config.host, port))) {
            if (Date.now() - checked > 1000) {
                checked = Date.now();
                const container = await this.inspect(this.candidateName);
                if (!container?.running || container.restarts > 0)
                    throw new Error(`${this.candidateName} stopped before it listened on port ${port}:\n${await this.logs(this.candidateName)}`);
            }
            if (Date.now() > deadline)
                throw new Error(`${this.candidateName} did not listen on port ${port} within ${this.startTimeoutMs / 1000} s:\n${await this.logs(this.candidateName)}`);
            await new Promise((r) => setTimeout(r, 200));
        }
    }
    async logs(name) {
        const r = await this.docker.run(['logs', '--tail', '30', name]);
        return `${r.stdout}${r.stderr}`.trim();
    }
    /** Gives a container time to finish its requests, then removes it; nothing to do when it is gone. */
    async retire(name) {
        if (!(await this.inspect(name)))
            return;
        await this.docker.run(['stop', '--time', String(this.stopTimeoutSeconds), name]);
        const r = await this.docker.run(['rm', '--force', name]);
        if (r.code !== 0 && !/No such container/i.test(r.stderr))
            throw new Error(`docker rm ${name} failed: ${r.stderr.trim()}`);
    }
    async rename(from, to) {
        const r = await this.docker.run(['rename', from, to]);
        if (r.code !== 0)
            throw new Error(`docker rename ${from} ${to} failed: ${r.stderr.trim()}`);
    }
    async inspect(name) {
        const r = await this.docker.run(['container', 'inspect', '--format', '{{json .}}', name]);
        if (r.code !== 0) {
            if (/No such (container|object)/i.test(r.stderr))
                return undefined;
            throw new Error(`docker container inspect ${name} failed: ${r.stderr.trim()}`);
        }
        const info = JSON.parse(r.stdout);
        const labels = info.Config?.Labels ?? {};
        const port = Number(labels[DEPLOY_LABELS.port]);
        return { name, running: info.State?.Running === true && info.State.Restarting !== true, restarts: info.RestartCount ?? 0, image: labels[DEPLOY_LABELS.image] ?? info.Config?.Image ?? '', port: Number.isInteger(port) && port > 0 ? port : undefined };
    }
    url(port) {
        return `http://${this.config.host.includes(':') ? `[${this.config.host}]` : this.config.host}:${port}`;
    }
}
/** Something accepts TCP connections on host:port. */
function listening(host, port) {
    return new Promise((resolve) => {
        const socket = external_node_net_default().connect(port, host);
        socket.setTimeout(1000);
        socket.on('connect', () => {
            socket.destroy();
            resolve(true);
        });
        socket.on('timeout', () => {
            socket.destroy();
            resolve(false);
        });
        socket.on('error', () => resolve(false));
    });
}

;// CONCATENATED MODULE: ./src/deploy/providers/haproxy.ts



/**
 * The `haproxy` provider: two servers that already run (VMs, or anything HAProxy reaches), one
 * backend, and the traffic shifted between them through HAProxy's runtime API. Nothing is started
 * or stopped; the candidate server must already run the version being rolled out.
 *
 * Promotion leaves the candidate server at 100 % and the stable one at 0 %: the names in the plan
 * no longer say which server runs the newest version. The next rollout must swap stable_server and
 * candidate_server in the plan (or use the docker provider, which moves the stable slot itself);
 * `deploy` refuses to start while the candidate carries everything, instead of silently sending all
 * traffic back to the old version.
 */
class HaproxyProvider {
    config;
    kind = 'haproxy';
    client;
    target;
    logger;
    constructor(config, options = {}) {
        this.config = config;
        this.client = options.client ?? new HaproxyRuntimeClient(config.runtime_api);
        this.target = { backend: config.backend, stableServer: config.stable_server, candidateServer: config.candidate_server };
        this.logger = options.logger ?? platform_logger/* silentLogger */.q;
    }
    /** The runtime API answers at level admin, and the backend has both servers. */
    async preflight(_stage) {
        const { version } = await this.client.check();
        await this.client.server(this.target.backend, this.target.stableServer);
        const candidate = await this.client.server(this.target.backend, this.target.candidateServer);
        if (candidate.address === undefined || candidate.port === undefined) {
            throw new errors/* ConfigurationError */.j1(`server ${this.target.backend}/${this.target.candidateServer} has no address`, {
                hint: 'The haproxy provider moves traffic between servers that already run: give the candidate server its address in the HAProxy configuration.',
            });
        }
        this.logger.debug(`HAProxy ${version} at ${this.client.where}: backend ${this.target.backend} has ${this.target.stableServer} and ${this.target.candidateServer}`);
    }
    /** Nothing to start: the candidate server is made ready at weight 0, stable gets everything. */
    async deploy(_stage) {
        const servers = await this.client.showServers(this.target.backend);
        const stable = servers.find((s) => s.name === this.target.stableServer);
        const candidate = servers.find((s) => s.name === this.target.candidateServer);
        if (stable && candidate && candidate.state === 'ready' && candidate.weight > 0 && stable.weight === 0) {
            throw new errors/* ConfigurationError */.j1(`server ${this.target.backend}/${this.target.candidateServer} carries all the traffic (the last rollout promoted it), so deploying would send everything back to ${this.target.stableServer}`, {
                hint: 'Swap stable_server and candidate_server in the rollout plan, so that stable names the server that serves now.',
            });
        }
        await applyTrafficSplit(this.client, this.target, 0);
        await this.client.setServerState(this.target.backend, this.target.candidateServer, 'ready');
        return { candidateUrl: this.config.candidate_url, stableUrl: this.config.stable_url, publicUrl: this.config.public_url };
    }
    async setWeight(_stage, percent) {
        const weights = await applyTrafficSplit(this.client, this.target, percent);
        this.logger.info(`${this.target.backend}: ${this.target.candidateServer} weight ${weights.candidate}, ${this.target.stableServer} weight ${weights.stable}`);
    }
    async status(_stage) {
        const candidate = await this.client.server(this.target.backend, this.target.candidateServer);
        return {
            candidateWeight: await readTrafficSplit(this.client, this.target),
            // The server always exists; it counts as deployed while it can take requests.
            candidatePresent: candidate.state !== 'maint' && candidate.address !== undefined,
        };
    }
    /** Everything to the candidate server; the old stable server stays at weight 0 (see above). */
    async promote(_stage) {
        await applyTrafficSplit(this.client, this.target, 100);
    }
    /**
     * Everything back to the stable server. The candidate server keeps running (nothing here stops
     * it) but goes into maintenance, so that `status` no longer counts it as deployed.
     */
    async rollback(_stage) {
        await applyTrafficSplit(this.client, this.target, 0);
        await this.client.setServerState(this.target.backend, this.target.candidateServer, 'maint');
    }
}

;// CONCATENATED MODULE: ./src/deploy/providers/kubernetes.ts



const LABELS = {
    name: 'app.kubernetes.io/name',
    managedBy: 'app.kubernetes.io/managed-by',
    track: 'mlops-actions/track',
};
/** The field manager of server-side apply and the `managed-by` label value. */
const FIELD_MANAGER = 'mlops-actions';
/** The container of the Deployments this provider renders. */
const CONTAINER_NAME = 'model';
const NGINX = 'nginx.ingress.kubernetes.io';
/** The Kubernetes objects of a rollout of `image` with `weight` percent on the candidate. Pure. */
function renderManifests(config, options) {
    return {
        canaryDeployment: renderDeployment(config, 'canary', options.image),
        canaryService: renderService(config, 'canary'),
        stableDeployment: renderDeployment(config, 'stable', options.image),
        stableService: renderService(config, 'stable'),
        traffic: renderTraffic(config, options.weight),
    };
}
/** `<name>` for stable, `<name>-canary` for the candidate: both the Deployment and the Service. */
function objectName(config, track) {
    return track === 'stable' ? config.name : `${config.name}-canary`;
}
function routeName(config) {
    return config.route ?? config.name;
}
function podLabels(config, track) {
    return { [LABELS.name]: config.name, [LABELS.track]: track };
}
function meta(config, name, track) {
    return {
        name,
        namespace: config.namespace,
        labels: { [LABELS.name]: config.name, ...(track ? { [LABELS.track]: track } : {}), [LABELS.managedBy]: FIELD_MANAGER },
    };
}
function renderDeployment(config, track, image) {
    return {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: meta(config, objectName(config, track), track),
        spec: {
            replicas: config.replicas,
            selector: { matchLabels: podLabels(config, track) },
            template: {
                metadata: { labels: podLabels(config, track) },
                spec: {
                    containers: [
                        {
                            name: CONTAINER_NAME,
                            image,
                            ports: [{ name: 'http', containerPort: config.container_port, protocol: 'TCP' }],
                            readinessProbe: { httpGet: { path: '/health', port: 'http' }, periodSeconds: 5, failureThreshold: 3 },
                        },
                    ],
                },
            },
        },
    };
}
function renderService(config, track) {
    return {
        apiVersion: 'v1',
        kind: 'Service',
        metadata: meta(config, objectName(config, track), track),
        spec: {
            type: 'ClusterIP',
            selector: podLabels(config, track),
            ports: [{ name: 'http', port: config.container_port, targetPort: 'http', protocol: 'TCP' }],
        },
    };
}
/**
 * Integer weights for `percent` on the candidate, exact to four decimals: 5 → 95/5 of 100,
 * 2.5 → 975/25 of 1000.
 */
function splitWeights(percent) {
    if (!Number.isFinite(percent) || percent < 0 || percent > 100)
        throw new RangeError(`a traffic weight is a percentage from 0 to 100, not ${percent}`);
    let scale = 1;
    while (scale < 10_000 && Math.abs(percent * scale - Math.round(percent * scale)) > 1e-9)
        scale *= 10;
    const total = 100 * scale;
    const canary = Math.round(percent * scale);
    return { stable: total - canary, canary, total };
}
function renderTraffic(config, weight) {
    const port = config.container_port;
    if (config.traffic === 'ingress-nginx') {
        if (weight === null)
            throw new Error('ingress-nginx has no canary Ingress at rest');
        const w = splitWeights(weight);
        return {
            apiVersion: 'networking.k8s.io/v1',
            kind: 'Ingress',
            metadata: {
                ...meta(config, objectName(config, 'canary'), 'canary'),
                annotations: {
                    [`${NGINX}/canary`]: 'true',
                    [`${NGINX}/canary-weight`]: String(w.canary),
                    ...(w.total === 100 ? {} : { [`${NGINX}/canary-weight-total`]: String(w.total) }),
                },
            },
            spec: {
                ingressClassName: config.ingress_class,
                rules: [
                    {
                        ...(config.host ? { host: config.host } : {}),
                        http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: objectName(config, 'canary'), port: { number: port } } } }] },
                    },
                ],
            },
        };
    }
    const backend = (track, weight) => ({ kind: 'Service', name: objectName(config, track), port, weight });
    let backendRefs;
    if (weight === null) {
        backendRefs = [backend('stable', 100)];
    }
    else {
        const w = splitWeights(weight);
        backendRefs = [backend('stable', w.stable), backend('canary', w.canary)];
    }
    const gateway = parseGateway(config.gateway);
    return {
        apiVersion: 'gateway.networking.k8s.io/v1',
        kind: 'HTTPRoute',
        metadata: meta(config, routeName(config)),
        spec: {
            ...(gateway ? { parentRefs: [gateway.namespace ? { name: gateway.name, namespace: gateway.namespace } : { name: gateway.name }] } : {}),
            ...(config.host ? { hostnames: [config.host] } : {}),
            rules: [{ matches: [{ path: { type: 'PathPrefix', value: '/' } }], backendRefs }],
        },
    };
}
/** `gateway` is `<name>` (the route's namespace) or `<namespace>/<name>`. */
function parseGateway(gateway) {
    if (!gateway)
        return undefined;
    const slash = gateway.indexOf('/');
    return slash < 0 ? { name: gateway } : { namespace: gateway.slice(0, slash), name: gateway.slice(slash + 1) };
}
/** The objects as one kubectl input: a stream of JSON objects, applied in order. */
function manifestStream(objects) {
    return objects.map((o) => `${JSON.stringify(o)}\n`).join('');
}
const MAX_OUTPUT = 4 * 1024 * 1024;
class KubernetesProvider {
    config;
    options;
    kind = 'kubernetes';
    logger;
    kubectlPath;
    rolloutTimeoutMs;
    commandTimeoutMs;
    constructor(config, options) {
        this.config = config;
        this.options = options;
        this.logger = options.logger ?? platform_logger/* silentLogger */.q;
        this.kubectlPath = options.kubectl ?? 'kubectl';
        this.rolloutTimeoutMs = options.rolloutTimeoutMs ?? 300_000;
        this.commandTimeoutMs = options.commandTimeoutMs ?? 60_000;
    }
    async preflight(_stage) {
        const c = this.config;
        const where = this.where();
        // 1. The server answers, with the credentials of the kubeconfig.
        const version = await this.kubectl(['version', '-o', 'json']);
        let serverVersion;
        try {
            serverVersion = JSON.parse(version.stdout).serverVersion;
        }
        catch {
            serverVersion = undefined;
        }
        if (version.code !== 0 || !serverVersion)
            throw this.failure(['version'], version) ?? this.unreachable(version);
        this.logger.info(`Kubernetes ${serverVersion.gitVersion ?? '(version unknown)'} answers ${where}`);
        // 2. The namespace exists. Without the right to read namespaces the check is left to the
        // first write, which then fails with the same NotFound.
        const ns = await this.kubectl(['get', 'namespace', c.namespace, '-o', 'name']);
        if (ns.code !== 0) {
            if (isNotFound(ns.stderr)) {
                throw new errors/* ConfigurationError */.j1(`the namespace ${c.namespace} does not exist ${where}.`, {
                    hint: `Create it (kubectl create namespace ${c.namespace}) or set provider.namespace to the namespace the service lives in.`,
                });
            }
            if (!isForbidden(ns.stderr))
                throw this.failure(['get', 'namespace'], ns) ?? commandError(['get', 'namespace', c.namespace], ns);
            this.logger.debug(`not allowed to read namespace ${c.namespace}; its existence is checked by the first write`);
        }
        // 3. The API that carries the split is served.
        if (c.traffic === 'gateway-api') {
            await this.requireResource('gateway.networking.k8s.io/v1', 'httproutes', {
                message: `the cluster does not serve the Gateway API (HTTPRoute, gateway.networking.k8s.io/v1) ${where}.`,
                hint: 'Install the Gateway API CRDs (standard channel, v1.0 or later) and a Gateway controller, or set provider.traffic to ingress-nginx.',
            });
        }
        else {
            await this.requireResource('networking.k8s.io/v1', 'ingresses', {
                message: `the cluster does not serve Ingresses (networking.k8s.io/v1) ${where}.`,
                hint: 'ingress-nginx needs Kubernetes 1.19 or later; or set provider.traffic to gateway-api.',
            });
        }
        // 4. What is there already fits: the stable version, its Service, the route or stable Ingress.
        const state = await this.readState(true);
        this.checkStable(state);
        if (c.traffic === 'gateway-api')
            await this.checkRoute(state);
        else
            await this.checkStableIngress();
    }
    async deploy(stage) {
        const m = renderManifests(this.config, { image: stage.image, weight: 0 });
        // The split goes to 0 before the candidate's pods change: a candidate left at some weight by
        // an earlier run never serves the new image before its analysis starts.
        await this.apply([m.traffic, m.canaryDeployment, m.canaryService]);
        await this.waitForRollout('canary', stage.image);
        return { candidateUrl: this.config.candidate_url, stableUrl: this.config.stable_url, publicUrl: this.config.public_url };
    }
    async setWeight(_stage, percent) {
        await this.apply([renderTraffic(this.config, percent)]);
    }
    async status(_stage) {
        const state = await this.readState(false);
        return {
            candidateWeight: this.weightOf(state.traffic),
            candidatePresent: state.canary !== undefined,
            stablePresent: state.stable !== undefined,
            stableImage: state.stable ? containerOf(state.stable)?.image : undefined,
            candidateImage: state.canary ? containerOf(state.canary)?.image : undefined,
        };
    }
    async promote(stage) {
        const state = await this.readState(true);
        const stableName = objectName(this.config, 'stable');
        if (state.stable) {
            const container = containerOf(state.stable);
            if (!container)
                throw this.noContainer(state.stable);
            const set = await this.kubectl(['set', 'image', `deployment/${stableName}`, `${container.name}=${stage.image}`]);
            if (set.code !== 0)
                throw this.failure(['set', 'image'], set) ?? commandError(['set', 'image', `deployment/${stableName}`], set);
        }
        else {
            const m = renderManifests(this.config, { image: stage.image, weight: 0 });
            await this.apply(state.stableService ? [m.stableDeployment] : [m.stableDeployment, m.stableService]);
        }
        await this.waitForRollout('stable', stage.image);
        await this.toRest();
    }
    async rollback(_stage) {
        await this.toRest();
    }
    /** All traffic to stable, then the candidate's objects deleted; nothing that is gone is an error. */
    async toRest() {
        const c = this.config;
        const remove = [`deployment/${objectName(c, 'canary')}`, `service/${objectName(c, 'canary')}`];
        if (c.traffic === 'gateway-api')
            await this.apply([renderTraffic(c, null)]);
        else
            remove.unshift(`ingress/${objectName(c, 'canary')}`);
        const deleted = await this.kubectl(['delete', ...remove, '--ignore-not-found']);
        if (deleted.code !== 0)
            throw this.failure(['delete'], deleted) ?? commandError(['delete', ...remove], deleted);
    }
    async apply(objects) {
        const args = ['apply', '--server-side', `--field-manager=${FIELD_MANAGER}`, '--force-conflicts', '-f', '-'];
        const result = await this.kubectl(args, { input: manifestStream(objects) });
        if (result.code !== 0)
            throw this.failure(args, result) ?? commandError(args, result);
        for (const line of result.stdout.split('\n'))
            if (line.trim())
                this.logger.info(line.trim());
    }
    async waitForRollout(track, image) {
        const name = objectName(this.config, track);
        const seconds = Math.max(1, Math.ceil(this.rolloutTimeoutMs / 1000));
        const args = ['rollout', 'status', `deployment/${name}`, `--timeout=${seconds}s`];
        const result = await this.kubectl(args, { timeoutMs: this.rolloutTimeoutMs + this.commandTimeoutMs, watch: true });
        if (result.code === 0) {
            this.logger.info(result.stdout.trim().split('\n').at(-1) ?? `deployment ${name} rolled out`);
            return;
        }
        const known = this.failure(args, result);
        if (known)
            throw known;
        throw (await this.diagnosePods(track, image)) ?? new Error(`Deployment ${name} did not become available within ${seconds} s ${this.where()}: ${lastLine(result.stderr || result.stdout)}`);
    }
    /** Why a rollout is stuck, when the pods say it is the user's to fix: an image that cannot be pulled. */
    async diagnosePods(track, image) {
        const selector = `${LABELS.name}=${this.config.name},${LABELS.track}=${track}`;
        const pods = await this.kubectl(['get', 'pods', '-l', selector, '-o', 'json']);
        if (pods.code !== 0)
            return undefined;
        let items = [];
        try {
            items = JSON.parse(pods.stdout).items ?? [];
        }
        catch {
            return undefined;
        }
        for (const pod of items) {
            for (const status of pod.status?.containerStatuses ?? []) {
                const waiting = status.state?.waiting;
                if (waiting?.reason && ['ErrImagePull', 'ImagePullBackOff', 'InvalidImageName', 'ErrImageNeverPull'].includes(waiting.reason)) {
                    return new errors/* ConfigurationError */.j1(`the cluster cannot pull the image ${image} (${waiting.reason}${waiting.message ? `: ${waiting.message}` : ''}).`, {
                        hint: 'Check the image reference, and that the namespace can pull from its registry (imagePullSecrets on the service account, or a registry the nodes may read).',
                    });
                }
            }
        }
        return undefined;
    }
    async readState(withStableService) {
        const c = this.config;
        const refs = [`deployment/${objectName(c, 'stable')}`, `deployment/${objectName(c, 'canary')}`];
        if (withStableService)
            refs.push(`service/${objectName(c, 'stable')}`);
        refs.push(c.traffic === 'gateway-api' ? `httproute/${routeName(c)}` : `ingress/${objectName(c, 'canary')}`);
        const args = ['get', ...refs, '-o', 'json', '--ignore-not-found'];
        const result = await this.kubectl(args);
        if (result.code !== 0)
            throw this.failure(args, result) ?? commandError(args, result);
        const items = parseItems(result.stdout);
        const find = (kind, name) => items.find((o) => o.kind === kind && o.metadata?.name === name);
        return {
            stable: find('Deployment', objectName(c, 'stable')),
            canary: find('Deployment', objectName(c, 'canary')),
            stableService: find('Service', objectName(c, 'stable')),
            traffic: c.traffic === 'gateway-api' ? find('HTTPRoute', routeName(c)) : find('Ingress', objectName(c, 'canary')),
        };
    }
    /** The candidate's share of the traffic the route or canary Ingress declares, in percent. */
    weightOf(traffic) {
        if (!traffic)
            return 0;
        const canaryName = objectName(this.config, 'canary');
        if (this.config.traffic === 'ingress-nginx') {
            const annotations = traffic.metadata?.annotations ?? {};
            if (annotations[`${NGINX}/canary`] !== 'true')
                return 0;
            const weight = Number(annotations[`${NGINX}/canary-weight`] ?? 0);
            const total = Number(annotations[`${NGINX}/canary-weight-total`] ?? 100);
            return total > 0 && Number.isFinite(weight) ? round4(Math.min(100, (weight / total) * 100)) : 0;
        }
        const rules = (traffic.spec?.rules ?? []);
        for (const rule of rules) {
            const refs = rule.backendRefs ?? [];
            const canary = refs.find((r) => r.name === canaryName && (r.kind ?? 'Service') === 'Service');
            if (!canary)
                continue;
            // Gateway API: a backendRef without a weight weighs 1.
            const sum = refs.reduce((s, r) => s + (r.weight ?? 1), 0);
            return sum > 0 ? round4(((canary.weight ?? 1) / sum) * 100) : 0;
        }
        return 0;
    }
    checkStable(state) {
        const c = this.config;
        const stableName = objectName(c, 'stable');
        if (state.stable && !containerOf(state.stable))
            throw this.noContainer(state.stable);
        if (state.stable && !state.stableService) {
            throw new errors/* ConfigurationError */.j1(`Deployment ${stableName} exists but Service ${stableName} does not ${this.where()}: the route's stable backend would have no endpoints.`, {
                hint: `Create Service ${stableName} selecting the stable pods only (e.g. ${LABELS.name}: ${c.name} and ${LABELS.track}: stable).`,
            });
        }
        const selector = (state.stableService?.spec?.selector ?? undefined);
        if (selector) {
            const canaryPods = podLabels(c, 'canary');
            if (Object.entries(selector).every(([k, v]) => canaryPods[k] === v)) {
                throw new errors/* ConfigurationError */.j1(`Service ${stableName} selects the canary's pods too (selector ${Object.entries(selector)
                    .map(([k, v]) => `${k}=${v}`)
                    .join(',')}): its traffic would reach the candidate outside the split.`, { hint: `Add ${LABELS.track}: stable to the Service's selector and to the pod labels of Deployment ${stableName}.` });
            }
        }
    }
    async checkRoute(state) {
        const c = this.config;
        const gateway = parseGateway(c.gateway);
        if (!gateway) {
            if (!state.traffic) {
                throw new errors/* ConfigurationError */.j1(`the HTTPRoute ${routeName(c)} does not exist ${this.where()} and no gateway is set to attach a new one to.`, {
                    hint: 'Set provider.gateway to the Gateway that serves the service (<name> or <namespace>/<name>), or create the HTTPRoute and set provider.route to it.',
                });
            }
            return;
        }
        const args = ['get', `gateway/${gateway.name}`, '-o', 'name'];
        const result = await this.kubectl(args, { namespace: gateway.namespace });
        if (result.code === 0)
            return;
        if (isNotFound(result.stderr)) {
            throw new errors/* ConfigurationError */.j1(`the Gateway ${gateway.name} does not exist in namespace ${gateway.namespace ?? c.namespace}.`, {
                hint: 'Set provider.gateway to an existing Gateway (<name>, or <namespace>/<name> for one in another namespace).',
            });
        }
        if (!isForbidden(result.stderr))
            throw this.failure(args, result) ?? commandError(args, result);
        this.logger.debug(`not allowed to read Gateway ${gateway.name}; the route's status will tell whether it was accepted`);
    }
    async checkStableIngress() {
        const c = this.config;
        const args = ['get', 'ingresses', '-o', 'json'];
        const result = await this.kubectl(args);
        if (result.code !== 0)
            throw this.failure(args, result) ?? commandError(args, result);
        const found = parseItems(result.stdout).some((ing) => {
            const annotations = ing.metadata?.annotations ?? {};
            if (ing.metadata?.name === objectName(c, 'canary') || annotations[`${NGINX}/canary`] === 'true')
                return false;
            const ingressClass = ing.spec?.ingressClassName ?? annotations['kubernetes.io/ingress.class'];
            if (ingressClass !== c.ingress_class)
                return false;
            return (ing.spec?.rules ?? []).some((rule) => (rule.host ?? '') === (c.host ?? '') && (rule.http?.paths ?? []).some((p) => (p.path ?? '/') === '/' && p.backend?.service?.name === objectName(c, 'stable')));
        });
        if (!found) {
            throw new errors/* ConfigurationError */.j1(`no Ingress of class ${c.ingress_class} routes ${c.host ?? 'requests without a host'} at path / to Service ${objectName(c, 'stable')} ${this.where()}: ingress-nginx applies a canary Ingress only beside such a stable Ingress.`, { hint: `Create the stable Ingress (ingressClassName: ${c.ingress_class}${c.host ? `, host ${c.host}` : ''}, path / to Service ${objectName(c, 'stable')}), or set provider.host to the host it serves.` });
        }
    }
    async requireResource(groupVersion, resource, error) {
        const args = ['get', '--raw', `/apis/${groupVersion}`];
        const result = await this.kubectl(args);
        if (result.code !== 0) {
            if (isNotFound(result.stderr))
                throw new errors/* ConfigurationError */.j1(error.message, { hint: error.hint });
            throw this.failure(args, result) ?? commandError(args, result);
        }
        let names = [];
        try {
            names = (JSON.parse(result.stdout).resources ?? []).map((r) => r.name ?? '');
        }
        catch {
            names = [];
        }
        if (!names.includes(resource))
            throw new errors/* ConfigurationError */.j1(error.message, { hint: error.hint });
    }
    noContainer(deployment) {
        const names = containersOf(deployment).map((x) => x.name);
        return new errors/* ConfigurationError */.j1(`Deployment ${deployment.metadata?.name ?? this.config.name} has containers ${names.join(', ') || '(none)'}; the provider cannot tell which one runs the model.`, {
            hint: `Name the model's container ${CONTAINER_NAME}, or give the Deployment a single container.`,
        });
    }
    where() {
        return `(${this.config.context ? `context ${this.config.context}` : 'the current kubectl context'}, namespace ${this.config.namespace})`;
    }
    unreachable(result) {
        return new errors/* ConfigurationError */.j1(`cannot reach the Kubernetes API server ${this.where()}: ${lastLine(result.stderr) || 'kubectl printed no server version'}.`, {
            hint: 'Check the kubeconfig the job gives kubectl (KUBECONFIG, or the step that writes it), the context name, and that the runner can reach the server.',
        });
    }
    /** A kubectl failure that is the user's to fix, as a ConfigurationError; undefined for any other. */
    failure(args, result) {
        const text = result.stderr;
        const command = `kubectl ${args[0] ?? ''}`.trim();
        if (/Unable to connect to the server|connection refused|was refused|no such host|i\/o timeout|dial tcp|the server is currently unable|Client\.Timeout exceeded|context deadline exceeded/i.test(text)) {
            return this.unreachable(result);
        }
        if (/You must be logged in|Unauthorized|provide credentials/i.test(text)) {
            return new errors/* ConfigurationError */.j1(`the Kubernetes API server refused the kubeconfig's credentials ${this.where()}: ${lastLine(text)}.`, {
                hint: 'Refresh the credentials the job writes into the kubeconfig (a token that expired, a cloud login step that did not run).',
            });
        }
        if (/x509|certificate/i.test(text)) {
            return new errors/* ConfigurationError */.j1(`kubectl does not trust the API server's certificate ${this.where()}: ${lastLine(text)}.`, {
                hint: "Put the cluster's certificate authority in the kubeconfig (certificate-authority-data).",
            });
        }
        if (/context was not found|no context exists|context "[^"]*" does not exist/i.test(text)) {
            return new errors/* ConfigurationError */.j1(`the kubeconfig has no context ${this.config.context ?? ''}: ${lastLine(text)}.`, {
                hint: 'Set provider.context to a context of the kubeconfig (kubectl config get-contexts), or leave it unset for the current one.',
            });
        }
        if (isForbidden(text)) {
            return new errors/* ConfigurationError */.j1(`${command} was forbidden ${this.where()}: ${lastLine(text)}.`, {
                hint: 'Grant the deploying identity get, list, watch, create, patch and delete on deployments, services and httproutes (or ingresses) in the namespace.',
            });
        }
        if (/namespaces? "[^"]+" not found/.test(text)) {
            return new errors/* ConfigurationError */.j1(`the namespace ${this.config.namespace} does not exist ${this.where()}.`, {
                hint: `Create it (kubectl create namespace ${this.config.namespace}) or set provider.namespace.`,
            });
        }
        return undefined;
    }
    /** Runs kubectl without a shell; resolves with its exit code and output, rejects only when it could not run. */
    kubectl(args, call = {}) {
        const full = [...args];
        if (this.config.context)
            full.push('--context', this.config.context);
        full.push('--namespace', call.namespace ?? this.config.namespace);
        const timeoutMs = call.timeoutMs ?? this.commandTimeoutMs;
        if (!call.watch)
            full.push(`--request-timeout=${Math.max(1, Math.ceil(timeoutMs / 1000))}s`);
        this.logger.debug(`kubectl ${full.join(' ')}`);
        return new Promise((resolve, reject) => {
            let child;
            try {
                // Its own process group, so a timeout also ends whatever kubectl started (a version dispatcher, a credential plugin).
                child = (0,external_node_child_process_.spawn)(this.kubectlPath, full, { env: { ...this.options.env }, stdio: ['pipe', 'pipe', 'pipe'], detached: true });
            }
            catch (error) {
                reject(this.notRunnable(error));
                return;
            }
            const out = [];
            const err = [];
            let outBytes = 0;
            let errBytes = 0;
            child.stdout.on('data', (chunk) => {
                if ((outBytes += chunk.length) <= MAX_OUTPUT)
                    out.push(chunk);
            });
            child.stderr.on('data', (chunk) => {
                if ((errBytes += chunk.length) <= MAX_OUTPUT)
                    err.push(chunk);
            });
            let timedOut = false;
            const kill = () => {
                if (child.pid === undefined)
                    return;
                try {
                    process.kill(-child.pid, 'SIGKILL');
                }
                catch {
                    // Already gone.
                }
            };
            const timer = setTimeout(() => {
                timedOut = true;
                kill();
            }, timeoutMs);
            const onAbort = () => kill();
            this.options.signal?.addEventListener('abort', onAbort, { once: true });
            const done = () => {
                clearTimeout(timer);
                this.options.signal?.removeEventListener('abort', onAbort);
            };
            child.on('error', (error) => {
                done();
                reject(this.notRunnable(error));
            });
            child.on('close', (code, signal) => {
                done();
                const stdout = Buffer.concat(out).toString('utf8');
                const stderr = Buffer.concat(err).toString('utf8');
                if (timedOut) {
                    reject(new Error(`kubectl ${args.join(' ')} did not finish within ${Math.round(timeoutMs / 1000)} s ${this.where()}${stderr ? `: ${lastLine(stderr)}` : ''}`));
                    return;
                }
                if (this.options.signal?.aborted) {
                    reject(this.options.signal.reason instanceof Error ? this.options.signal.reason : new Error('aborted'));
                    return;
                }
                resolve({ code: code ?? (signal ? 128 : 1), stdout, stderr });
            });
            child.stdin.on('error', () => {
                // kubectl exited before reading its input; its exit code and stderr say why.
            });
            child.stdin.end(call.input ?? '');
        });
    }
    notRunnable(error) {
        const code = error?.code;
        if (code === 'ENOENT' || code === 'EACCES') {
            return new errors/* ConfigurationError */.j1(`kubectl ${code === 'ENOENT' ? 'is not installed, or not on the PATH' : 'cannot be executed'} (${this.kubectlPath}).`, {
                hint: 'Install kubectl on the runner (GitHub-hosted Ubuntu runners have it; elsewhere e.g. azure/setup-kubectl) before this step.',
                cause: error,
            });
        }
        return error instanceof Error ? error : new Error(String(error));
    }
}
function containersOf(deployment) {
    const template = deployment.spec?.template;
    return template?.spec?.containers ?? [];
}
/** The model's container: the one named `model`, or the only one. */
function containerOf(deployment) {
    const containers = containersOf(deployment);
    return containers.find((x) => x.name === CONTAINER_NAME) ?? (containers.length === 1 ? containers[0] : undefined);
}
function parseItems(stdout) {
    if (!stdout.trim())
        return [];
    const parsed = JSON.parse(stdout);
    return Array.isArray(parsed.items) ? parsed.items : [parsed];
}
function isNotFound(stderr) {
    return /\(NotFound\)|not found|could not find the requested resource/i.test(stderr);
}
function isForbidden(stderr) {
    return /\(Forbidden\)|is forbidden|forbidden:/i.test(stderr);
}
function lastLine(text) {
    return (text
        .trim()
        .split('\n')
        .filter((line) => line.trim() && !/^Warning:/.test(line))
        .at(-1)
        ?.trim()
        // It goes inside a sentence of ours.
        .replace(/^error:\s*/i, '')
        .replace(/[.?!]+$/, '') ?? '');
}
function round4(value) {
    return Math.round(value * 10_000) / 10_000;
}
function commandError(args, result) {
    return new Error(`kubectl ${args.join(' ')} failed (exit ${result.code}): ${lastLine(result.stderr || result.stdout) || 'no output'}`);
}

;// CONCATENATED MODULE: ./src/deploy/providers/index.ts





/** The provider a stage's config names. */
function createProvider(config, deps) {
    switch (config.kind) {
        case 'docker':
            return new DockerProvider(config, { docker: new DockerCli(deps.env), logger: deps.logger });
        case 'haproxy':
            return new HaproxyProvider(config, { logger: deps.logger });
        case 'kubernetes':
            return new KubernetesProvider(config, { env: deps.env, logger: deps.logger, signal: deps.signal });
        case 'command':
            return new CommandProvider(config, { env: deps.env, cwd: deps.cwd, log: (line) => deps.logger.info(line), recorded: deps.recorded, signal: deps.signal });
    }
}

// EXTERNAL MODULE: ./src/stats/drift-tests.ts
var drift_tests = __webpack_require__(2160);
;// CONCATENATED MODULE: ./src/deploy/metrics.ts


/** A malformed line of an exposition; `line` is 1-based. */
class PrometheusParseError extends Error {
    line;
    constructor(line, detail) {
        super(`line ${line}: ${detail}`);
        this.line = line;
        this.name = 'PrometheusParseError';
    }
}
const METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*/;
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*/;
const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const TIMESTAMP = /^-?\d+$/;
/**
 * The samples of a Prometheus text exposition (format 0.0.4), in order. Comment lines (HELP and
 * TYPE included) and blank lines are skipped. A malformed line throws a PrometheusParseError
 * naming it: a scrape that cannot be read whole is not judged in part.
 */
function parsePrometheusText(text) {
    const samples = [];
    const lines = text.split('\n');
    for (let index = 0; index < lines.length; index++) {
        let line = lines[index];
        if (line.endsWith('\r'))
            line = line.slice(0, -1);
        const trimmed = line.replace(/^[ \t]+/, '');
        if (trimmed === '' || trimmed.startsWith('#'))
            continue;
        samples.push(parseSampleLine(trimmed, index + 1));
    }
    return samples;
}
function parseSampleLine(line, lineNumber) {
    const fail = (detail) => {
        throw new PrometheusParseError(lineNumber, `${detail}: ${JSON.stringify(line.length > 200 ? `${line.slice(0, 200)}…` : line)}`);
    };
    const nameMatch = METRIC_NAME.exec(line);
    if (!nameMatch)
        return fail('expected a metric name');
    const name = nameMatch[0];
    let at = name.length;
    const skipBlanks = () => {
        while (line[at] === ' ' || line[at] === '\t')
            at++;
    };
    const entries = [];
    skipBlanks();
    const hasLabels = line[at] === '{';
    if (hasLabels) {
        at++;
        const seen = new Set();
        for (;;) {
            skipBlanks();
            if (line[at] === '}')
                break;
            const labelMatch = LABEL_NAME.exec(line.slice(at));
            if (!labelMatch)
                return fail('expected a label name or "}"');
            const labelName = labelMatch[0];
            at += labelName.length;
            skipBlanks();
            if (line[at] !== '=')
                return fail(`expected "=" after label ${labelName}`);
            at++;
            skipBlanks();
            if (line[at] !== '"')
                return fail(`expected a quoted value for label ${labelName}`);
            at++;
            let value = '';
            for (;;) {
                const c = line[at];
                if (c === undefined)
                    return fail(`unterminated value of label ${labelName}`);
                at++;
                if (c === '"')
                    break;
                if (c !== '\\') {
                    value += c;
                    continue;
                }
                const escaped = line[at++];
                if (escaped === '\\')
                    value += '\\';
                else if (escaped === '"')
                    value += '"';
                else if (escaped === 'n')
                    value += '\n';
                else
                    return fail(`invalid escape "\\${escaped ?? ''}" in the value of label ${labelName}`);
            }
            if (seen.has(labelName))
                return fail(`label ${labelName} given twice`);
            seen.add(labelName);
            entries.push([labelName, value]);
            skipBlanks();
            if (line[at] === ',') {
                at++;
                continue;
            }
            if (line[at] !== '}')
                return fail('expected "," or "}" after a label value');
        }
        at++;
    }
    const rest = line.slice(at);
    if (!hasLabels && at === name.length && rest !== '')
        return fail('expected a blank or "{" after the metric name');
    const fields = rest.split(/[ \t]+/).filter((f) => f !== '');
    if (fields.length === 0)
        return fail('no value');
    if (fields.length > 2)
        return fail('more than a value and a timestamp');
    const value = parseValue(fields[0]);
    if (value === undefined)
        return fail(`${JSON.stringify(fields[0])} is not a number`);
    const sample = { name, labels: Object.fromEntries(entries), value };
    if (fields.length === 2) {
        if (!TIMESTAMP.test(fields[1]))
            return fail(`${JSON.stringify(fields[1])} is not a timestamp in milliseconds`);
        sample.timestamp = Number(fields[1]);
    }
    return sample;
}
/** A float as Go's strconv.ParseFloat reads the ones exporters write: decimal, ±Inf, NaN. */
function parseValue(text) {
    if (DECIMAL.test(text))
        return Number(text);
    const lower = text.toLowerCase();
    if (lower === 'nan')
        return NaN;
    if (lower === '+inf' || lower === 'inf' || lower === '+infinity' || lower === 'infinity')
        return Infinity;
    if (lower === '-inf' || lower === '-infinity')
        return -Infinity;
    return undefined;
}
/** The `path` labels of mlops_requests_total that are predictions: the routes a canary is judged on. */
const PREDICTION_ROUTES = ['/predict', '/v2/models/{name}/infer'];
/** Folds the samples of a scrape of the reference server into its serving counters. */
function servingSnapshot(samples) {
    let requests = 0;
    let serverErrors = 0;
    let clientErrors = 0;
    let predictionRows = 0;
    const classes = {};
    let model;
    const duration = new HistogramSamples();
    const predictionDuration = new HistogramSamples();
    const score = new HistogramSamples();
    for (const s of samples) {
        switch (s.name) {
            case serve_runtime/* SERVE_METRICS */.uJ.requests: {
                if (!PREDICTION_ROUTES.includes(s.labels.path ?? ''))
                    break;
                requests += s.value;
                const code = Number(s.labels.code);
                if (code >= 500)
                    serverErrors += s.value;
                else if (code >= 400)
                    clientErrors += s.value;
                break;
            }
            case serve_runtime/* SERVE_METRICS */.uJ.predictionRows:
                predictionRows += s.value;
                break;
            case serve_runtime/* SERVE_METRICS */.uJ.predictions: {
                const label = s.labels.class ?? '';
                setCount(classes, label, countOf(classes, label) + s.value);
                break;
            }
            case serve_runtime/* SERVE_METRICS */.uJ.modelInfo:
                if (!model && s.labels.name !== undefined && s.labels.version !== undefined)
                    model = { name: s.labels.name, version: s.labels.version };
                break;
            default:
                if (!predictionDuration.take(serve_runtime/* SERVE_METRICS */.uJ.predictionDuration, s) && !duration.take(serve_runtime/* SERVE_METRICS */.uJ.requestDuration, s))
                    score.take(serve_runtime/* SERVE_METRICS */.uJ.predictionScore, s);
        }
    }
    const snapshot = {
        requests,
        serverErrors,
        clientErrors,
        duration: predictionDuration.histogram() ?? duration.histogram() ?? emptyHistogram(),
        predictionRows,
        classes,
        score: score.histogram(),
    };
    if (model)
        snapshot.model = model;
    return snapshot;
}
/** parsePrometheusText, then servingSnapshot. Throws PrometheusParseError on a malformed line. */
function servingSnapshotFromText(text) {
    return servingSnapshot(parsePrometheusText(text));
}
/** Collects `<name>_bucket`, `_sum` and `_count` samples of one histogram. */
class HistogramSamples {
    cumulative = new Map();
    sum = 0;
    total;
    take(name, s) {
        if (!s.name.startsWith(name))
            return false;
        const suffix = s.name.slice(name.length);
        if (suffix === '_bucket') {
            const bound = parseValue(s.labels.le ?? '');
            if (bound === undefined || Number.isNaN(bound))
                return true;
            // Two series with one bound are added, as Prometheus' histogram_quantile coalesces them.
            this.cumulative.set(bound, (this.cumulative.get(bound) ?? 0) + s.value);
        }
        else if (suffix === '_sum') {
            this.sum += s.value;
        }
        else if (suffix === '_count') {
            this.total = (this.total ?? 0) + s.value;
        }
        else {
            return false;
        }
        return true;
    }
    histogram() {
        if (this.cumulative.size === 0)
            return undefined;
        const bounds = [...this.cumulative.keys()].sort((a, b) => a - b);
        const cumulative = bounds.map((b) => this.cumulative.get(b));
        if (bounds[bounds.length - 1] !== Infinity) {
            // An exposition without the +Inf bucket: _count is what it would have held.
            bounds.push(Infinity);
            cumulative.push(Math.max(this.total ?? 0, cumulative[cumulative.length - 1]));
        }
        const counts = [];
        let previous = 0;
        for (const c of cumulative) {
            // Cumulative counts that go down are read as flat, as Prometheus does.
            const level = Math.max(previous, c);
            counts.push(level - previous);
            previous = level;
        }
        return { bounds, counts, count: previous, sum: this.sum };
    }
}
function emptyHistogram() {
    return { bounds: [Infinity], counts: [0], count: 0, sum: 0 };
}
/**
 * Whether `after` cannot follow `before` on one running server: a counter went down (requests,
 * errors, rows, a class, a histogram's cumulative buckets or sum), a histogram's bounds changed, or
 * the model changed. That means the server restarted (or was replaced) between the scrapes. A
 * restart followed by more traffic than before is not visible in counters, as with Prometheus'
 * own reset detection.
 */
function isCounterReset(before, after) {
    if (after.requests < before.requests || after.serverErrors < before.serverErrors || after.clientErrors < before.clientErrors)
        return true;
    if (after.predictionRows < before.predictionRows)
        return true;
    for (const [label, count] of Object.entries(before.classes))
        if (countOf(after.classes, label) < count)
            return true;
    if (histogramWentDown(before.duration, after.duration))
        return true;
    if (before.score && before.score.count > 0 && (!after.score || histogramWentDown(before.score, after.score)))
        return true;
    if (before.model && after.model && (before.model.name !== after.model.name || before.model.version !== after.model.version))
        return true;
    return false;
}
function histogramWentDown(before, after) {
    if (before.count === 0)
        return false;
    if (!sameBounds(before.bounds, after.bounds))
        return true;
    if (after.sum < before.sum)
        return true;
    let cumulativeBefore = 0;
    let cumulativeAfter = 0;
    for (let i = 0; i < before.counts.length; i++) {
        cumulativeBefore += before.counts[i];
        cumulativeAfter += after.counts[i];
        if (cumulativeAfter < cumulativeBefore)
            return true;
    }
    return false;
}
/**
 * What the server did between two scrapes. Without `before` (the first scrape), everything since
 * the server started. When the server restarted in between (isCounterReset), its counters began
 * again from 0, so `after` itself is the delta: what it did since the restart; what it did between
 * `before` and the restart is lost, as in Prometheus' increase().
 */
function snapshotDelta(before, after) {
    if (!before || isCounterReset(before, after))
        return cloneSnapshot(after);
    const classes = {};
    for (const [label, count] of Object.entries(after.classes)) {
        const delta = count - countOf(before.classes, label);
        if (delta > 0)
            setCount(classes, label, delta);
    }
    const delta = {
        requests: after.requests - before.requests,
        serverErrors: after.serverErrors - before.serverErrors,
        clientErrors: after.clientErrors - before.clientErrors,
        duration: histogramDelta(before.duration, after.duration),
        predictionRows: after.predictionRows - before.predictionRows,
        classes,
        score: after.score && (before.score ? histogramDelta(before.score, after.score) : cloneHistogram(after.score)),
    };
    if (after.model)
        delta.model = { ...after.model };
    return delta;
}
/** `after - before` of one server's histogram; bounds equal unless `before` is empty. */
function histogramDelta(before, after) {
    if (before.count === 0 && !sameBounds(before.bounds, after.bounds))
        return cloneHistogram(after);
    return {
        bounds: [...after.bounds],
        counts: after.counts.map((c, i) => c - before.counts[i]),
        count: after.count - before.count,
        sum: after.sum - before.sum,
    };
}
/**
 * Two windows pooled: counts added, class labels united. Histograms with different bounds are
 * re-bucketed onto the bounds both have (each of those buckets is a union of buckets of either),
 * which is exact. The model is `b`'s when it has one: windows are pooled in time order.
 */
function addSnapshots(a, b) {
    const classes = {};
    for (const [label, count] of Object.entries(a.classes))
        setCount(classes, label, count);
    for (const [label, count] of Object.entries(b.classes))
        setCount(classes, label, countOf(classes, label) + count);
    const sum = {
        requests: a.requests + b.requests,
        serverErrors: a.serverErrors + b.serverErrors,
        clientErrors: a.clientErrors + b.clientErrors,
        duration: addHistograms(a.duration, b.duration),
        predictionRows: a.predictionRows + b.predictionRows,
        classes,
        score: a.score && b.score ? addHistograms(a.score, b.score) : cloneOptional(a.score ?? b.score),
    };
    const model = b.model ?? a.model;
    if (model)
        sum.model = { ...model };
    return sum;
}
function addHistograms(a, b) {
    if (!sameBounds(a.bounds, b.bounds)) {
        // An empty histogram has no bounds to keep; pooling it must not coarsen the other.
        if (a.count === 0)
            return cloneHistogram(b);
        if (b.count === 0)
            return cloneHistogram(a);
    }
    const [x, y] = commonBuckets(a, b);
    return { bounds: [...x.bounds], counts: x.counts.map((c, i) => c + y.counts[i]), count: a.count + b.count, sum: a.sum + b.sum };
}
/**
 * Both histograms on the bounds they share (always including Infinity): a bucket of the shared
 * bounds holds every bucket of either whose upper bound lies in it.
 */
function commonBuckets(a, b) {
    if (sameBounds(a.bounds, b.bounds))
        return [a, b];
    const inB = new Set(b.bounds);
    const bounds = a.bounds.filter((bound) => inB.has(bound));
    if (bounds[bounds.length - 1] !== Infinity)
        bounds.push(Infinity);
    return [rebucket(a, bounds), rebucket(b, bounds)];
}
function rebucket(h, bounds) {
    const counts = new Array(bounds.length).fill(0);
    let target = 0;
    for (let i = 0; i < h.bounds.length; i++) {
        while (h.bounds[i] > bounds[target])
            target++;
        counts[target] += h.counts[i];
    }
    return { bounds, counts, count: h.count, sum: h.sum };
}
/**
 * The q-quantile of the observations of a histogram, as Prometheus' histogram_quantile computes
 * it: the bucket holding rank q·count is found, and the value interpolated linearly inside it. The
 * lowest bucket starts at 0 when its upper bound is positive, and is its upper bound otherwise;
 * a rank in the +Inf bucket gives the highest finite bound. undefined when the histogram holds no
 * observations or has no finite bound.
 *
 * Two differences from Prometheus, where it answers what no caller wants: a q outside [0, 1] throws
 * a RangeError (Prometheus gives ±Inf), and q = 0 gives the lower edge of the first non-empty
 * bucket (Prometheus gives NaN when the lowest bucket is empty).
 */
function histogramQuantile(q, h) {
    if (!(q >= 0 && q <= 1))
        throw new RangeError(`histogramQuantile: q must be in [0, 1], got ${q}`);
    const n = h.bounds.length;
    if (n < 2 || h.bounds[n - 1] !== Infinity)
        return undefined;
    const cumulative = [];
    let running = 0;
    for (const c of h.counts)
        cumulative.push((running += c));
    const observations = cumulative[n - 1];
    if (!(observations > 0))
        return undefined;
    const rank = q * observations;
    // The first bucket whose cumulative count reaches the rank; for rank 0, the first non-empty one.
    let b = 0;
    while (b < n - 1 && (cumulative[b] < rank || h.counts[b] === 0))
        b++;
    if (b === n - 1)
        return h.bounds[n - 2];
    if (b === 0 && h.bounds[0] <= 0)
        return h.bounds[0];
    const start = b === 0 ? 0 : h.bounds[b - 1];
    const below = b === 0 ? 0 : cumulative[b - 1];
    return start + (h.bounds[b] - start) * ((rank - below) / h.counts[b]);
}
/**
 * How far the candidate's predictions are from stable's: over the buckets of the score histogram
 * when both have scored predictions, else over the predicted labels (the union of both; a label
 * one side never predicted counts 0 there). `psi` is src/stats' population stability index with
 * stable as the expected distribution (an empty bin counts as proportion 1e-4); `jensenshannon` is
 * the Jensen–Shannon distance in bits, in [0, 1]. undefined when either side has no predictions on
 * a common basis.
 */
function predictionDistance(method, stable, candidate) {
    let basis;
    let expected;
    let actual;
    if (stable.score && candidate.score && stable.score.count > 0 && candidate.score.count > 0) {
        const [s, c] = commonBuckets(stable.score, candidate.score);
        basis = 'score';
        expected = s.counts;
        actual = c.counts;
    }
    else {
        const labels = [...new Set([...Object.keys(stable.classes), ...Object.keys(candidate.classes)])].sort();
        basis = 'classes';
        expected = labels.map((label) => countOf(stable.classes, label));
        actual = labels.map((label) => countOf(candidate.classes, label));
    }
    const stableCount = expected.reduce((x, y) => x + y, 0);
    const candidateCount = actual.reduce((x, y) => x + y, 0);
    if (!(stableCount > 0 && candidateCount > 0))
        return undefined;
    const value = method === 'psi' ? (0,drift_tests/* psi */.js)(expected, actual) : (0,drift_tests/* jensenShannon */.fy)(expected, actual, 2);
    return { value, basis, stableCount, candidateCount };
}
function sameBounds(a, b) {
    return a.length === b.length && a.every((x, i) => x === b[i]);
}
/** Class labels are the model's own output: one such as "__proto__" must stay a plain key. */
function setCount(record, label, count) {
    Object.defineProperty(record, label, { value: count, enumerable: true, writable: true, configurable: true });
}
function countOf(record, label) {
    return Object.hasOwn(record, label) ? record[label] : 0;
}
function cloneHistogram(h) {
    return { bounds: [...h.bounds], counts: [...h.counts], count: h.count, sum: h.sum };
}
function cloneOptional(h) {
    return h && cloneHistogram(h);
}
function cloneSnapshot(s) {
    const classes = {};
    for (const [label, count] of Object.entries(s.classes))
        setCount(classes, label, count);
    const copy = { ...s, duration: cloneHistogram(s.duration), classes, score: cloneOptional(s.score) };
    if (s.model)
        copy.model = { ...s.model };
    return copy;
}

;// CONCATENATED MODULE: ./src/deploy/analysis.ts


function judgeMeasurement(config, m) {
    const checks = [];
    for (const p of m.probes)
        checks.push({ name: p.name, status: p.ok ? 'pass' : 'fail', detail: p.detail });
    const cand = m.candidate;
    if (!cand) {
        checks.push({ name: 'metrics', status: 'fail', detail: `the candidate's /metrics could not be read: ${m.candidateMetricsError ?? 'no answer'}` });
        return { checks, verdict: 'fail' };
    }
    const min = config.min_requests;
    const candRate = cand.requests > 0 ? cand.serverErrors / cand.requests : 0;
    if (config.max_error_rate !== undefined) {
        // Too few requests to tell, unless the errors alone are already over the limit however the
        // missing requests would have gone.
        const lowerBound = cand.serverErrors / Math.max(cand.requests, min);
        const status = lowerBound > config.max_error_rate ? 'fail' : cand.requests < min ? 'inconclusive' : 'pass';
        checks.push({
            name: 'error-rate',
            status,
            value: candRate,
            limit: config.max_error_rate,
            detail: `${cand.serverErrors} of ${cand.requests} candidate requests answered 5xx (${percent(candRate)}; at most ${percent(config.max_error_rate)})${status === 'inconclusive' ? `; fewer than ${min} requests` : ''}`,
        });
    }
    const candP99 = p99Ms(cand);
    if (config.max_p99_latency_ms !== undefined) {
        const status = cand.requests < min || candP99 === undefined ? 'inconclusive' : candP99 > config.max_p99_latency_ms ? 'fail' : 'pass';
        checks.push({
            name: 'p99-latency',
            status,
            value: candP99,
            limit: config.max_p99_latency_ms,
            detail: candP99 === undefined ? 'no candidate requests' : `candidate p99 ${ms(candP99)} (at most ${ms(config.max_p99_latency_ms)})${status === 'inconclusive' ? `; fewer than ${min} requests` : ''}`,
        });
    }
    const relative = config.relative_to_stable;
    const stable = m.stable;
    if (relative?.error_rate !== undefined) {
        if (!stable || stable.requests < min || cand.requests < min) {
            checks.push({ name: 'error-rate-vs-stable', status: 'inconclusive', detail: `too few requests to compare with stable (candidate ${cand.requests}, stable ${stable?.requests ?? 'no metrics'}; need ${min} each)` });
        }
        else {
            const stableRate = stable.serverErrors / stable.requests;
            // One error of slack: against a stable rate of 0 any single error would be an infinite ratio.
            const allowed = relative.error_rate * stableRate + 1 / cand.requests;
            checks.push({
                name: 'error-rate-vs-stable',
                status: candRate > allowed ? 'fail' : 'pass',
                value: stableRate > 0 ? candRate / stableRate : undefined,
                limit: relative.error_rate,
                detail: `candidate error rate ${percent(candRate)} against stable ${percent(stableRate)} (at most ${relative.error_rate}× stable plus one request)`,
            });
        }
    }
    if (relative?.p99_latency !== undefined) {
        const stableP99 = stable ? p99Ms(stable) : undefined;
        if (!stable || stable.requests < min || cand.requests < min || stableP99 === undefined || candP99 === undefined) {
            checks.push({ name: 'p99-vs-stable', status: 'inconclusive', detail: `too few requests to compare with stable (candidate ${cand.requests}, stable ${stable?.requests ?? 'no metrics'}; need ${min} each)` });
        }
        else {
            const ratio = candP99 / Math.max(stableP99, 1e-9);
            checks.push({
                name: 'p99-vs-stable',
                status: ratio > relative.p99_latency ? 'fail' : 'pass',
                value: ratio,
                limit: relative.p99_latency,
                detail: `candidate p99 ${ms(candP99)} is ${ratio.toFixed(2)}× stable's ${ms(stableP99)} (at most ${relative.p99_latency}×)`,
            });
        }
    }
    const drift = config.prediction_drift;
    if (drift) {
        const cs = m.candidateStep ?? cand;
        const ss = m.stableStep ?? stable;
        const d = ss ? predictionDistance(drift.method, ss, cs) : undefined;
        if (!d || d.candidateCount < drift.min_predictions || d.stableCount < drift.min_predictions) {
            checks.push({
                name: 'prediction-drift',
                status: 'inconclusive',
                detail: `too few predictions to compare since the step began (candidate ${d?.candidateCount ?? cs.predictionRows}, stable ${d?.stableCount ?? ss?.predictionRows ?? 'no metrics'}; need ${drift.min_predictions} each)`,
            });
        }
        else {
            checks.push({
                name: 'prediction-drift',
                status: d.value > drift.max ? 'fail' : 'pass',
                value: d.value,
                limit: drift.max,
                detail: `${drift.method === 'psi' ? 'PSI' : 'Jensen-Shannon distance'} of the candidate's predicted ${d.basis === 'score' ? 'scores' : 'classes'} against stable's: ${d.value.toFixed(4)} (at most ${drift.max}; ${d.candidateCount} vs ${d.stableCount} predictions)`,
            });
        }
    }
    return { checks, verdict: verdictOf(checks) };
}
/**
 * Any failed check fails the measurement. Passing probes alone do not pass it when the analysis
 * judges traffic: without user requests there is no evidence, and the measurement is inconclusive.
 */
function verdictOf(checks) {
    if (checks.some((c) => c.status === 'fail'))
        return 'fail';
    const traffic = checks.filter((c) => c.name !== 'health' && c.name !== 'predict');
    return (traffic.length > 0 ? traffic : checks).some((c) => c.status === 'pass') ? 'pass' : 'inconclusive';
}
/** A step: failed when more measurements failed than the limit allows, passed when one passed. */
function judgeStep(verdicts, failureLimit) {
    if (verdicts.filter((v) => v === 'fail').length > failureLimit)
        return 'fail';
    return verdicts.includes('pass') ? 'pass' : 'inconclusive';
}
function p99Ms(s) {
    const q = histogramQuantile(0.99, s.duration);
    return q === undefined ? undefined : q * 1000;
}
/**
 * Reads serving metrics in the Prometheus text format: a server's own /metrics, or a Prometheus
 * federation URL whose series (one per replica) are added up.
 */
async function scrapeServing(metricsUrl, timeoutMs) {
    const response = await fetch(metricsUrl, { signal: AbortSignal.timeout(timeoutMs), headers: { accept: 'text/plain; version=0.0.4' } });
    const text = await response.text();
    if (!response.ok)
        throw new Error(`${new URL(metricsUrl).pathname} answered ${response.status}`);
    return servingSnapshotFromText(text);
}
/** A version's metrics URL: the plan's, or its own /metrics. */
function metricsUrl(baseUrl, configured) {
    return configured ?? (baseUrl ? `${baseUrl.replace(/\/$/, '')}/metrics` : undefined);
}
/**
 * GET /health, and POST the package's input example to /predict: it must answer 200 with one
 * prediction per row (and, when the package has an expected output, those predictions).
 */
async function probeCandidate(baseUrl, options) {
    const base = baseUrl.replace(/\/$/, '');
    const results = [];
    if (options.health) {
        const t = performance.now();
        try {
            const r = await fetch(`${base}/health`, { signal: AbortSignal.timeout(options.timeoutMs) });
            await r.arrayBuffer();
            results.push({ name: 'health', ok: r.ok, detail: `GET /health answered ${r.status}`, ms: performance.now() - t });
        }
        catch (error) {
            results.push({ name: 'health', ok: false, detail: `GET /health failed: ${reason(error)}`, ms: performance.now() - t });
        }
    }
    if (options.predict && options.rows.length > 0) {
        const t = performance.now();
        try {
            const r = await fetch(`${base}/predict`, {
                method: 'POST',
                headers: { 'content-type': 'application/json' },
                body: JSON.stringify({ rows: options.rows }),
                signal: AbortSignal.timeout(options.timeoutMs),
            });
            const text = await r.text();
            const elapsed = performance.now() - t;
            if (!r.ok) {
                results.push({ name: 'predict', ok: false, detail: `POST /predict answered ${r.status}: ${text.slice(0, 200)}`, ms: elapsed });
            }
            else {
                const predictions = JSON.parse(text).predictions;
                const count = Array.isArray(predictions) ? predictions.length : undefined;
                const mismatch = Array.isArray(predictions) && options.expected ? options.expected.findIndex((e, i) => !sameValue(e, predictions[i])) : -1;
                const ok = count === options.rows.length && mismatch < 0;
                results.push({
                    name: 'predict',
                    ok,
                    detail: count !== options.rows.length ? `POST /predict returned ${count ?? 'no'} predictions for ${options.rows.length} rows` : mismatch >= 0 ? `POST /predict: row ${mismatch + 1} differs from the package's expected output` : `POST /predict answered ${options.rows.length} predictions`,
                    ms: elapsed,
                });
            }
        }
        catch (error) {
            results.push({ name: 'predict', ok: false, detail: `POST /predict failed: ${reason(error)}`, ms: performance.now() - t });
        }
    }
    return results;
}
function reason(error) {
    const e = error;
    if (e?.name === 'TimeoutError')
        return 'timed out';
    return e?.cause?.code ?? e?.cause?.message ?? e?.message ?? String(error);
}
function percent(x) {
    return `${(x * 100).toFixed(x < 0.01 && x > 0 ? 2 : 1)} %`;
}
function ms(x) {
    return `${x < 10 ? x.toFixed(1) : Math.round(x)} ms`;
}

;// CONCATENATED MODULE: ./src/deploy/rollout.ts




async function runStage(options) {
    const { stage, provider, progress, log } = options;
    const target = { name: stage.name, image: options.image };
    const started = performance.now();
    const timeline = [];
    const at = () => Math.round(performance.now() - started);
    const note = (entry) => {
        timeline.push({ atMs: at(), ...entry });
        log(`${(at() / 1000).toFixed(1).padStart(6)} s  ${String(entry.weight).padStart(3)} %  ${entry.event}${entry.verdict ? ` ${entry.verdict}` : ''}: ${entry.detail}`);
    };
    const steps = [];
    const result = (outcome, verdict, finalWeight, reason, extra = {}) => ({
        stage: stage.name,
        image: options.image,
        outcome,
        verdict,
        finalWeight,
        reason,
        steps,
        timeline,
        durationMs: at(),
        ...extra,
    });
    // Nothing may change before the target is known to answer and the image to exist.
    await provider.preflight(target);
    // 1. Converge what an earlier run left behind.
    const record = await progress.read(stage.name);
    const live = await provider.status(target);
    let startIndex = 0;
    const sameImage = record?.image === options.image;
    // A candidate at weight 0 and no record of a rollout is no split: deploy replaces it.
    const leftover = record?.status === 'running' || record?.status === 'paused' || live.candidateWeight > 0;
    if (leftover) {
        const what = `${record?.status === 'paused' ? 'a paused' : 'an unfinished'} rollout of ${record?.image ?? live.candidateImage ?? 'an unknown image'} (candidate at ${live.candidateWeight} %)`;
        if (record && sameImage && (record.status === 'paused' || options.resume === 'continue')) {
            startIndex = Math.min(record.stepIndex, stage.steps.length - 1);
            note({ event: 'recover', weight: live.candidateWeight, detail: `found ${what}: resuming at step ${startIndex + 1} of ${stage.steps.length}` });
        }
        else {
            await provider.rollback(target);
            if (record)
                await progress.write({ ...record, status: 'rolled-back', weight: 0, updatedAt: new Date().toISOString() });
            note({ event: 'recover', weight: 0, detail: `found ${what}: rolled it back, 100 % on stable` });
        }
    }
    const stableImage = leftover ? (await provider.status(target)).stableImage : live.stableImage;
    const now = () => new Date().toISOString();
    const base = {
        version: 1,
        stage: stage.name,
        image: options.image,
        status: 'running',
        stepIndex: startIndex,
        weight: 0,
        startedAt: startIndex > 0 && record ? record.startedAt : now(),
        updatedAt: now(),
        deploymentId: options.deploymentId,
        stableImage,
    };
    let current = base;
    const save = async (patch) => {
        current = { ...current, ...patch, updatedAt: now() };
        await progress.write(current);
    };
    await save({});
    await progress.append({ at: now(), stage: stage.name, image: options.image, outcome: 'started', previous: stableImage, model: options.model, deploymentId: options.deploymentId });
    let endpoints;
    let weight = 0;
    const rollBack = async (reason, verdict, extra = {}) => {
        const t = performance.now();
        await provider.rollback(target);
        weight = 0;
        const rollbackMs = performance.now() - t;
        await save({ status: 'rolled-back', weight: 0 });
        await progress.append({ at: now(), stage: stage.name, image: options.image, outcome: 'rolled-back', previous: stableImage, model: options.model, deploymentId: options.deploymentId, reason });
        note({ event: 'rollback', weight: 0, detail: `${reason}: 100 % back on stable in ${(rollbackMs / 1000).toFixed(2)} s` });
        await options.onState?.('failure', `rolled back: ${reason}`.slice(0, 140), endpoints);
        return result('rolled-back', verdict, 0, reason, { endpoints, previousImage: stableImage, rollbackMs: extra.rollbackMs ?? rollbackMs, ...extra });
    };
    try {
        // 2. Deploy at weight 0, wait for it, smoke it.
        await options.onState?.('in_progress', `deploying ${options.image}`);
        endpoints = await provider.deploy(target);
        note({ event: 'deploy', weight: 0, detail: `candidate ${options.image} started at ${endpoints.candidateUrl}` });
        const smoke = await smokeTest({
            baseUrl: endpoints.candidateUrl.replace(/\/$/, ''),
            rows: options.rows,
            expected: options.expected,
            requests: options.rows.length > 0 ? (stage.smoke?.requests ?? 0) : 0,
            startTimeoutMs: stage.ready_timeout,
        });
        if (!smoke.ok)
            return await rollBack(`the candidate failed its smoke test: ${smoke.problem ?? 'unknown'}`, 'fail', { smoke });
        const budget = stage.smoke?.max_p99_latency_ms;
        if (smoke.latency && budget !== undefined && smoke.latency.p99 > budget) {
            return await rollBack(`the candidate's smoke p99 latency ${smoke.latency.p99.toFixed(1)} ms is over ${budget} ms`, 'fail', { smoke });
        }
        note({ event: 'smoke', weight: 0, verdict: 'pass', detail: `/health in ${((smoke.startMs ?? 0) / 1000).toFixed(1)} s${smoke.latency ? `, ${smoke.latency.requests + 1} /predict requests, p99 ${smoke.latency.p99.toFixed(1)} ms` : ''}` });
        await options.onState?.('in_progress', 'candidate deployed and smoke-tested', endpoints);
        // 3. Canary steps. The very first rollout has no stable version to share traffic with.
        const canary = stage.canary !== undefined && live.stablePresent !== false;
        if (stage.canary && !canary)
            note({ event: 'step', weight: 0, detail: 'no stable version serves yet: the canary is skipped and the candidate promoted' });
        if (canary) {
            for (let i = startIndex; i < stage.steps.length; i++) {
                options.signal?.throwIfAborted();
                weight = stage.steps[i];
                await save({ status: 'running', stepIndex: i, weight });
                await provider.setWeight(target, weight);
                note({ event: 'weight', weight, detail: `step ${i + 1} of ${stage.steps.length}: ${weight} % of traffic on the candidate` });
                await options.onState?.('in_progress', `step ${i + 1}/${stage.steps.length}: ${weight} % on the candidate`, endpoints);
                const stepStarted = performance.now();
                const step = await analyseStep(options, endpoints, i, weight, note);
                steps.push(step);
                if (step.verdict === 'fail') {
                    const failing = step.checks.filter((c) => c.status === 'fail').map((c) => c.detail);
                    const rolled = await rollBack(`step ${i + 1} (${weight} %) failed its analysis: ${failing.join('; ')}`, 'fail');
                    return { ...rolled, detectionMs: performance.now() - stepStarted };
                }
                if (step.verdict === 'inconclusive') {
                    if (stage.on_inconclusive === 'fail')
                        return await rollBack(`step ${i + 1} (${weight} %) was inconclusive: too few requests to judge`, 'inconclusive');
                    await provider.setWeight(target, 0);
                    weight = 0;
                    await save({ status: 'paused', stepIndex: i, weight: 0 });
                    const reason = `step ${i + 1} (${stage.steps[i]} %) was inconclusive (too few requests to judge): traffic is back on stable and the candidate kept; re-run to resume at this step`;
                    await progress.append({ at: now(), stage: stage.name, image: options.image, outcome: 'paused', previous: stableImage, model: options.model, deploymentId: options.deploymentId, reason });
                    note({ event: 'pause', weight: 0, detail: reason });
                    await options.onState?.('paused', `paused at step ${i + 1}: inconclusive`, endpoints);
                    return result('paused', 'inconclusive', 0, reason, { endpoints, smoke, previousImage: stableImage });
                }
            }
        }
        // 4. Promote.
        options.signal?.throwIfAborted();
        if (!canary)
            await provider.setWeight(target, 100);
        weight = 100;
        await save({ weight: 100 });
        await provider.promote(target);
        await save({ status: 'promoted', weight: 100 });
        await progress.append({ at: now(), stage: stage.name, image: options.image, outcome: 'promoted', previous: stableImage, model: options.model, deploymentId: options.deploymentId });
        note({ event: 'promote', weight: 100, detail: `${options.image} is stable at 100 %${stableImage ? `, replacing ${stableImage}` : ''}` });
        await options.onState?.('success', `promoted ${options.image}`, endpoints);
        return result('promoted', 'pass', 100, canary ? `every step passed its analysis` : 'deployed and smoke-tested', { endpoints, smoke, previousImage: stableImage });
    }
    catch (error) {
        // Whatever went wrong, no split may be left behind.
        const cancelled = options.signal?.aborted === true;
        const reason = cancelled ? 'the run was cancelled' : `${(0,errors/* isConfigurationError */.p0)(error) ? '' : 'an error mid-rollout: '}${error instanceof Error ? error.message : String(error)}`;
        note({ event: 'error', weight, detail: reason });
        try {
            return await rollBack(reason, cancelled ? 'fail' : 'error', { error });
        }
        catch (rollbackError) {
            await save({ status: 'running' }).catch(() => undefined);
            throw new Error(`${reason}; the rollback failed too (${rollbackError instanceof Error ? rollbackError.message : String(rollbackError)}): re-run the job to converge, the progress record says where it stopped`, { cause: error });
        }
    }
}
async function analyseStep(options, endpoints, index, weight, note) {
    const analysis = options.stage.analysis;
    const timeoutMs = analysis.probes.timeout;
    const scrape = async (url) => {
        if (!url)
            return { error: 'no URL' };
        try {
            return { snapshot: await scrapeServing(url, timeoutMs) };
        }
        catch (error) {
            return { error: error instanceof Error ? error.message : String(error) };
        }
    };
    const candidateMetrics = metricsUrl(endpoints.candidateUrl, analysis.metrics?.candidate);
    const stableMetrics = metricsUrl(endpoints.stableUrl, analysis.metrics?.stable);
    const started = performance.now();
    let prevCand = (await scrape(candidateMetrics)).snapshot;
    let prevStable = (await scrape(stableMetrics)).snapshot;
    let stepCand;
    let stepStable;
    const verdicts = [];
    let deciding = [];
    let failed = 0;
    const totals = { candidateRequests: 0, candidateErrors: 0, stableRequests: 0 };
    while (performance.now() - started < options.stage.intervalMs) {
        const remaining = options.stage.intervalMs - (performance.now() - started);
        await sleep(Math.min(options.stage.measureEveryMs, remaining), options.signal);
        const [cand, stable, probes] = await Promise.all([
            scrape(candidateMetrics),
            scrape(stableMetrics),
            probeCandidate(endpoints.candidateUrl, { health: analysis.probes.health, predict: analysis.probes.predict, rows: options.rows, expected: options.expected, timeoutMs }),
        ]);
        const candWindow = cand.snapshot ? snapshotDelta(prevCand, cand.snapshot) : undefined;
        const stableWindow = stable.snapshot ? snapshotDelta(prevStable, stable.snapshot) : undefined;
        // The probes' own requests are in the candidate's metrics: they are not user traffic.
        const userWindow = candWindow ? withoutProbes(candWindow, probes) : undefined;
        if (cand.snapshot)
            prevCand = cand.snapshot;
        if (stable.snapshot)
            prevStable = stable.snapshot;
        if (userWindow)
            stepCand = stepCand ? addSnapshots(stepCand, userWindow) : userWindow;
        if (stableWindow)
            stepStable = stepStable ? addSnapshots(stepStable, stableWindow) : stableWindow;
        const judged = judgeMeasurement(analysis, {
            candidate: userWindow,
            stable: stableWindow,
            candidateStep: stepCand,
            stableStep: stepStable,
            candidateMetricsError: cand.error,
            probes,
        });
        verdicts.push(judged.verdict);
        totals.candidateRequests += userWindow?.requests ?? 0;
        totals.candidateErrors += userWindow?.serverErrors ?? 0;
        totals.stableRequests += stableWindow?.requests ?? 0;
        if (judged.verdict === 'fail') {
            failed++;
            deciding = judged.checks;
        }
        else if (failed === 0) {
            deciding = judged.checks;
        }
        note({
            event: 'measure',
            weight,
            verdict: judged.verdict,
            detail: judged.checks
                .filter((c) => c.status !== 'pass' || judged.verdict === 'pass')
                .map((c) => `${c.name} ${c.status}${c.value !== undefined ? ` (${formatValue(c)})` : ''}`)
                .join(', '),
            checks: judged.checks,
        });
        if (judgeStep(verdicts, analysis.failure_limit) === 'fail')
            break;
    }
    const verdict = judgeStep(verdicts, analysis.failure_limit);
    const step = {
        index,
        weight,
        verdict,
        measurements: verdicts.length,
        failedMeasurements: failed,
        ...totals,
        candidateP99Ms: stepCand ? p99Ms(stepCand) : undefined,
        stableP99Ms: stepStable ? p99Ms(stepStable) : undefined,
        durationMs: performance.now() - started,
        checks: deciding,
    };
    note({ event: 'step', weight, verdict, detail: `${verdicts.length} measurements, ${failed} failed (limit ${analysis.failure_limit}); ${totals.candidateRequests} candidate requests, ${totals.candidateErrors} 5xx` });
    return step;
}
/** Takes the probes' requests out of a window: one /predict each (their latency stays in the histogram). */
function withoutProbes(window, probes) {
    const predicts = probes.filter((p) => p.name === 'predict');
    const failedPredicts = predicts.filter((p) => !p.ok && /answered 5\d\d/.test(p.detail)).length;
    return {
        ...window,
        requests: Math.max(0, window.requests - predicts.length),
        serverErrors: Math.max(0, window.serverErrors - failedPredicts),
    };
}
function formatValue(c) {
    const v = c.value;
    if (c.name === 'error-rate')
        return `${(v * 100).toFixed(2)} %`;
    if (c.name === 'p99-latency')
        return `${v.toFixed(1)} ms`;
    return v.toFixed(3);
}
function sleep(ms, signal) {
    return new Promise((resolve, reject) => {
        if (signal?.aborted)
            return reject(signal.reason);
        const timer = setTimeout(() => {
            signal?.removeEventListener('abort', onAbort);
            resolve();
        }, Math.max(0, ms));
        const onAbort = () => {
            clearTimeout(timer);
            reject(signal.reason);
        };
        signal?.addEventListener('abort', onAbort, { once: true });
    });
}

// EXTERNAL MODULE: ./src/platform/deployments.ts
var deployments = __webpack_require__(119);
// EXTERNAL MODULE: ./src/platform/github.ts
var github = __webpack_require__(5952);
;// CONCATENATED MODULE: ./src/actions/staged-deploy.ts

















const stagedDeployInputs = schemas/* object */.Ikc({
    image: schemas/* string */.YjP().min(1).describe('The candidate: an image reference (containerize’s image and digest as <image>@<digest>), or any version string for the command and haproxy providers.'),
    plan: schemas/* string */.YjP().min(1).describe('The rollout plan: a YAML file in the repository, or the plan itself as YAML text.'),
    stages: schemas/* string */.YjP().prefault('').describe('Stages to run, comma separated, in the plan’s order (default: all). One job per GitHub environment runs one stage.'),
    package: schemas/* string */.YjP().optional().describe('The model package (package-model’s folder or .tar.gz): its input example feeds the /predict probes, its name and version the records.'),
    resume: (0,platform_inputs/* choiceInput */.ij)('resume', ['rollback', 'continue']).prefault('rollback').describe('A rollout of the same image left unfinished by a killed job: roll it back and start again, or continue at its step.'),
    'state-dir': schemas/* string */.YjP().prefault('.mlops/deploy').describe('Where the progress record and the deploy history are kept, relative to the workspace.'),
    deployments: (0,platform_inputs/* booleanInput */.tE)('deployments').prefault('true').describe('Record each stage as a GitHub deployment with statuses (needs `deployments: write`).'),
    ...reportingInputs('staged-deploy', 'verdict'),
});
const stagedDeployAction = {
    name: 'staged-deploy',
    inputs: stagedDeployInputs,
    cancellable: true,
    async run(inputs, context) {
        const startedAt = new Date();
        const { workspace, logger, run } = context;
        const plan = await loadPlan(inputs.plan, context);
        const selected = selectStages(plan, inputs.stages);
        const scratch = await (0,promises_.mkdtemp)(external_node_path_default().join(context.scratch ?? external_node_os_default().tmpdir(), 'staged-deploy-'));
        try {
            const example = inputs.package ? await readPackage(inputs.package, context, scratch) : { rows: [], expected: undefined, model: undefined };
            const progress = new deploy_progress/* ProgressStore */.rE(workspace.resolve(inputs['state-dir']));
            const recorder = inputs.deployments && inputs['github-token'] && run.repository && run.onRunner ? new deployments/* DeploymentRecorder */.q(await (0,github/* createOctokit */.Qi)(inputs['github-token'], run, logger), run, logger) : undefined;
            const results = [];
            let deploymentId;
            for (const stage of selected) {
                logger.startGroup(`staged-deploy: ${stage.name} (${stage.provider.kind}${stage.canary ? `, canary ${stage.steps.join(' → ')} % every ${(0,deploy_plan/* formatDuration */.a3)(stage.intervalMs)}` : ''})`);
                try {
                    const provider = createProvider(stage.provider, {
                        env: context.commandEnv ?? {},
                        cwd: workspace.root,
                        logger,
                        signal: context.signal,
                        recorded: await recordedState(progress, stage.name),
                    });
                    // Checked before a deployment is recorded, so that a bad target leaves no trace on GitHub.
                    await provider.preflight({ name: stage.name, image: inputs.image });
                    deploymentId = recorder ? await recorder.create(stage.name, { image: inputs.image, model: example.model }, `${inputs.image} to ${stage.name}`) : undefined;
                    const result = await runStage({
                        stage,
                        image: inputs.image,
                        provider,
                        progress,
                        resume: inputs.resume,
                        rows: example.rows,
                        expected: example.expected,
                        log: (line) => logger.info(line),
                        signal: context.signal,
                        model: example.model,
                        deploymentId,
                        onState: async (state, description, endpoints) => {
                            if (recorder && deploymentId !== undefined) {
                                await recorder.status(deploymentId, state === 'paused' ? 'pending' : state, description, stage.url ?? endpoints?.publicUrl);
                            }
                        },
                    });
                    results.push(result);
                    if (result.outcome !== 'promoted')
                        break;
                }
                finally {
                    logger.endGroup();
                }
            }
            return outcome(results, selected, startedAt, deploymentId, example.rows.length === 0 && inputs.package === undefined);
        }
        finally {
            await (0,promises_.rm)(scratch, { recursive: true, force: true });
        }
    },
};
async function loadPlan(input, context) {
    if (input.includes('\n'))
        return (0,config_file/* parseConfigText */.B)(input, 'input plan', deploy_plan/* rolloutPlanSchema */.ij, 'rollout plan').value;
    const file = context.workspace.resolve(input);
    return (await (0,config_file/* loadConfigFile */.H)(file, context.workspace.display(file), deploy_plan/* rolloutPlanSchema */.ij, 'rollout plan')).value;
}
function selectStages(plan, names) {
    const wanted = (0,platform_inputs/* splitList */.ry)(names);
    const known = plan.stages.map((s) => s.name);
    for (const name of wanted) {
        if (!known.includes(name))
            throw new errors/* ConfigurationError */.j1(`input stages: the plan has no stage ${name}`, { hint: `Its stages are: ${known.join(', ')}.` });
    }
    return plan.stages.filter((s) => wanted.length === 0 || wanted.includes(s.name)).map((s) => (0,deploy_plan/* resolveStage */.rQ)(plan, s));
}
async function recordedState(progress, stage) {
    const record = await progress.read(stage);
    if (!record || record.status === 'promoted' || record.status === 'rolled-back')
        return undefined;
    return { candidateWeight: record.weight, candidatePresent: true, candidateImage: record.image, stableImage: record.stableImage };
}
async function readPackage(input, context, scratch) {
    const packagePath = context.workspace.resolve(input);
    const { dir, manifest, archiveSha256 } = await (0,packaging_package/* openVerifiedPackage */.H6)(packagePath, context.workspace.display(packagePath), scratch, 'Deploy what package-model wrote, unchanged');
    const { rows, expected } = await packageExamples(dir, manifest);
    return { rows, expected, model: { name: manifest.name, version: manifest.version, ...(archiveSha256 ? { digest: `sha256:${archiveSha256}` } : {}) } };
}
function outcome(results, selected, startedAt, deploymentId, noExample) {
    const findings = new platform_report/* FindingCollector */.xe();
    const last = results.at(-1);
    if (noExample) {
        findings.add({ severity: 'notice', rule: 'no-package', message: 'No package was given: the /predict probes were skipped. Give the model package to check the candidate answers its input example.' });
    }
    for (const r of results) {
        for (const t of r.timeline) {
            if (t.event === 'recover')
                findings.add({ severity: 'notice', rule: 'recovered', subject: r.stage, message: t.detail });
        }
        if (r.outcome === 'rolled-back') {
            findings.add({ severity: 'error', rule: 'rolled-back', subject: r.stage, message: `${r.stage}: rolled back, ${r.reason}.` });
        }
        else if (r.outcome === 'paused') {
            findings.add({ severity: 'warning', rule: 'paused', subject: r.stage, message: `${r.stage}: ${r.reason}.` });
        }
    }
    const verdicts = results.map((r) => r.verdict);
    const verdict = verdicts.includes('error') ? 'error' : verdicts.includes('fail') ? 'fail' : verdicts.includes('inconclusive') ? 'inconclusive' : 'pass';
    const notRun = selected.slice(results.length).map((s) => s.name);
    const headline = last
        ? last.outcome === 'promoted'
            ? `${last.image} promoted to ${results.map((r) => r.stage).join(' and ')}.`
            : `${last.image} ${last.outcome === 'paused' ? 'paused' : 'rolled back'} in ${last.stage}${notRun.length > 0 ? `; ${notRun.join(', ')} not started` : ''}: ${last.reason}.`
        : 'Nothing was deployed.';
    const tables = [
        {
            title: 'Rollout',
            columns: ['stage', 'outcome', 'final weight', 'steps', 'duration', 'environment'],
            rows: results.map((r) => [r.stage, r.outcome, `${r.finalWeight} %`, r.steps.map((s) => `${s.weight} % ${s.verdict}`).join(', ') || '—', `${(r.durationMs / 1000).toFixed(1)} s`, r.endpoints?.publicUrl ?? '—']),
        },
    ];
    for (const r of results) {
        if (r.steps.length > 0) {
            tables.push({
                title: `Analysis: ${r.stage}`,
                columns: ['step', 'weight', 'verdict', 'measurements (failed)', 'candidate requests', '5xx', 'p99 candidate', 'p99 stable', 'checks'],
                rows: r.steps.map((s) => [
                    s.index + 1,
                    `${s.weight} %`,
                    s.verdict,
                    `${s.measurements} (${s.failedMeasurements})`,
                    s.candidateRequests,
                    s.candidateErrors,
                    s.candidateP99Ms === undefined ? '—' : `${s.candidateP99Ms.toFixed(1)} ms`,
                    s.stableP99Ms === undefined ? '—' : `${s.stableP99Ms.toFixed(1)} ms`,
                    s.checks.map((c) => `${c.name}: ${c.status}`).join(', '),
                ]),
            });
        }
        tables.push({
            title: `Timeline: ${r.stage}`,
            columns: ['time', 'weight', 'event', 'verdict', 'detail'],
            rows: r.timeline.filter((t) => t.event !== 'measure' || t.verdict !== 'pass').slice(0, 200).map((t) => [`${(t.atMs / 1000).toFixed(1)} s`, `${t.weight} %`, t.event, t.verdict ?? '', t.detail]),
            note: 'Passing measurements are left out; the JSON report has every one.',
        });
    }
    const charts = results.filter((r) => r.steps.length > 0).map(weightChart);
    return {
        report: (0,platform_report/* buildReport */.FK)({
            action: 'staged-deploy',
            title: 'Staged deploy',
            verdict,
            headline,
            startedAt,
            findings,
            tables,
            charts,
            details: { results: results.map(({ error: _error, ...r }) => r), notStarted: notRun },
        }),
        outputs: {
            outcome: last?.outcome ?? 'rolled-back',
            'final-weight': String(last?.finalWeight ?? 0),
            'environment-url': last?.endpoints?.publicUrl ?? selected.find((s) => s.name === last?.stage)?.url ?? '',
            'deployment-id': deploymentId === undefined ? '' : String(deploymentId),
        },
    };
}
/** The candidate's weight over time, as a Mermaid line chart. */
function weightChart(r) {
    // The weight changes only: each one where it happened.
    const points = r.timeline.filter((t) => t.event === 'weight' || t.event === 'rollback' || t.event === 'pause' || t.event === 'promote' || t.event === 'deploy');
    const x = points.map((t) => `"${(t.atMs / 1000).toFixed(1)} s"`).join(', ');
    const y = points.map((t) => t.weight).join(', ');
    return {
        title: `Candidate weight: ${r.stage}`,
        mermaid: `xychart-beta\n  title "${r.stage}: percent of traffic on the candidate"\n  x-axis [${x}]\n  y-axis "weight %" 0 --> 100\n  line [${y}]`,
    };
}

// EXTERNAL MODULE: ./src/platform/files.ts
var platform_files = __webpack_require__(4924);
;// CONCATENATED MODULE: ./src/training/parse.ts

/**
 * Text a training check reads from the user: the command line, the env input, per-step JSONL logs,
 * metrics matched in stdout, and the expect-metrics input. Every user mistake is a
 * ConfigurationError that says what is wrong, where, and how to fix it.
 */
const SHELL_HINT = 'To keep it, set `shell: bash` to run the command through bash, or quote it to pass it as text.';
/** Longest first, so `||` is named rather than `|`. */
const SHELL_OPERATORS = [
    ['&&', 'an and-list'],
    ['||', 'an or-list'],
    ['>>', 'an appending redirection'],
    ['<<', 'a here-document'],
    ['$(', 'a command substitution'],
    ['|', 'a pipe'],
    ['&', 'a background operator'],
    [';', 'a command separator'],
    ['>', 'an output redirection'],
    ['<', 'an input redirection'],
    ['`', 'a command substitution'],
    ['(', 'a subshell'],
    [')', 'a subshell'],
];
/**
 * POSIX-shell-like split without a shell: whitespace separates words; '...' is literal; "..." allows
 * \" \\ \$ \` escapes (any other backslash is kept); a backslash outside quotes escapes the next
 * character, and a backslash before a line break continues the line; `#` at the start of a word
 * starts a comment. No globbing, no $VAR expansion, no ~.
 *
 * Anything a shell would treat as more than words is refused rather than passed on as text, since
 * the user evidently meant the shell's meaning: operators (| || && ; > >> < << & $( ` ( )), a line
 * break between words (a second command), and a leading NAME=value (an environment assignment).
 */
function splitCommandLine(command) {
    const words = [];
    const wordStarts = [];
    let word = '';
    let inWord = false;
    let wordStart = 0;
    /** Index of an unquoted line break seen since the last word, if any. */
    let lineBreak;
    const endWord = () => {
        if (inWord) {
            words.push(word);
            wordStarts.push(wordStart);
        }
        word = '';
        inWord = false;
    };
    let i = 0;
    while (i < command.length) {
        const c = command[i];
        if (c === ' ' || c === '\t' || c === '\r') {
            endWord();
            i++;
            continue;
        }
        if (c === '\n') {
            endWord();
            lineBreak ??= i;
            i++;
            continue;
        }
        if (c === '\\' && isLineBreakAt(command, i + 1)) {
            i += command[i + 1] === '\r' ? 3 : 2;
            continue;
        }
        if (!inWord && c === '#') {
            while (i < command.length && command[i] !== '\n')
                i++;
            continue;
        }
        const operator = SHELL_OPERATORS.find(([op]) => command.startsWith(op, i));
        if (operator) {
            throw new errors/* ConfigurationError */.j1(`command: ${JSON.stringify(operator[0])} at ${position(command, i)} is ${operator[1]}, which needs a shell; the command runs without one`, {
                ...lineAndColumn(command, i),
                hint: SHELL_HINT,
            });
        }
        if (!inWord) {
            if (lineBreak !== undefined && words.length > 0) {
                throw new errors/* ConfigurationError */.j1(`command: the line break at ${position(command, lineBreak)} starts a second command, which needs a shell; the command runs without one`, {
                    ...lineAndColumn(command, lineBreak),
                    hint: 'End the line with \\ to continue the same command, or set `shell: bash` to run the lines as a script.',
                });
            }
            lineBreak = undefined;
            inWord = true;
            wordStart = i;
        }
        if (c === '\\') {
            if (i + 1 >= command.length) {
                throw new errors/* ConfigurationError */.j1(`command: the backslash at ${position(command, i)} ends the command and escapes nothing`, {
                    ...lineAndColumn(command, i),
                    hint: 'Remove it, or write \\\\ for a literal backslash.',
                });
            }
            word += command[i + 1];
            i += 2;
        }
        else if (c === "'") {
            const close = command.indexOf("'", i + 1);
            if (close < 0)
                throw unterminatedQuote(command, i, 'single');
            word += command.slice(i + 1, close);
            i = close + 1;
        }
        else if (c === '"') {
            const [text, next] = readDoubleQuoted(command, i);
            word += text;
            i = next;
        }
        else {
            word += c;
            i++;
        }
    }
    endWord();
    if (words.length === 0) {
        throw new errors/* ConfigurationError */.j1('command: the command is empty', { hint: 'Give the command that trains the model, e.g. `python train.py --epochs 1`.' });
    }
    const assignment = /^[A-Za-z_][A-Za-z0-9_]*=/.exec(command.slice(wordStarts[0]));
    if (assignment) {
        const name = assignment[0].slice(0, -1);
        throw new errors/* ConfigurationError */.j1(`command: ${JSON.stringify(words[0])} at ${position(command, wordStarts[0])} sets the environment variable ${name}, which needs a shell; the command runs without one`, {
            ...lineAndColumn(command, wordStarts[0]),
            hint: `Move ${name} to the \`env\` input (one NAME=value per line), or set \`shell: bash\`.`,
        });
    }
    return words;
}
/** The text of a "..." word starting at `open`, and the index after its closing quote. */
function readDoubleQuoted(command, open) {
    let text = '';
    let j = open + 1;
    while (j < command.length) {
        const ch = command[j];
        if (ch === '"')
            return [text, j + 1];
        if (ch === '\\') {
            const next = command[j + 1];
            if (next === '"' || next === '\\' || next === '$' || next === '`') {
                text += next;
                j += 2;
            }
            else if (isLineBreakAt(command, j + 1)) {
                j += next === '\r' ? 3 : 2;
            }
            else {
                text += ch;
                j++;
            }
            continue;
        }
        // A shell runs command substitutions inside double quotes too.
        if (ch === '`' || (ch === '$' && command[j + 1] === '(')) {
            const op = ch === '`' ? '`' : '$(';
            throw new errors/* ConfigurationError */.j1(`command: ${JSON.stringify(op)} at ${position(command, j)} is a command substitution, which needs a shell; the command runs without one`, {
                ...lineAndColumn(command, j),
                hint: `${SHELL_HINT} Inside double quotes, write \\${ch} for a literal ${ch}.`,
            });
        }
        text += ch;
        j++;
    }
    throw unterminatedQuote(command, open, 'double');
}
function unterminatedQuote(command, open, kind) {
    const mark = kind === 'single' ? "'" : '"';
    return new errors/* ConfigurationError */.j1(`command: the ${kind} quote (${mark}) at ${position(command, open)} is never closed`, {
        ...lineAndColumn(command, open),
        hint: `Add the closing ${mark}, or escape the quote as \\${mark} if it is meant literally.`,
    });
}
function isLineBreakAt(text, index) {
    return text[index] === '\n' || (text[index] === '\r' && text[index + 1] === '\n');
}
function lineAndColumn(text, index) {
    const before = text.slice(0, index);
    const line = before.split('\n').length;
    return { line, column: index - (before.lastIndexOf('\n') + 1) + 1 };
}
/** `column 7`, or `line 2, column 7` when the text has several lines. */
function position(text, index) {
    const { line, column } = lineAndColumn(text, index);
    return text.includes('\n') ? `line ${line}, column ${column}` : `column ${column}`;
}
/**
 * Multi-line KEY=VALUE (the `env` input). Blank lines and lines starting with # are skipped; the
 * value is everything after the first '=' (kept verbatim, inner and outer spaces included; a
 * trailing \r removed). Leading indentation before KEY is ignored. Duplicate keys: the later wins.
 */
function parseEnvLines(text, inputName = 'env') {
    const out = {};
    const example = 'Write one NAME=value per line, e.g. DATA_DIR=data/train; lines starting with # are comments.';
    text.split('\n').forEach((raw, index) => {
        const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
        const where = `input ${inputName}, line ${index + 1}`;
        const trimmed = line.trimStart();
        if (trimmed.trim() === '' || trimmed.startsWith('#'))
            return;
        const eq = trimmed.indexOf('=');
        if (eq < 0) {
            throw new errors/* ConfigurationError */.j1(`${where}: ${JSON.stringify(truncate(trimmed))} has no '='`, { line: index + 1, hint: example });
        }
        const key = trimmed.slice(0, eq);
        if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(key)) {
            const spaced = key.trim() !== key && /^[A-Za-z_][A-Za-z0-9_]*$/.test(key.trim());
            throw new errors/* ConfigurationError */.j1(`${where}: ${JSON.stringify(key)} is not a valid environment variable name`, {
                line: index + 1,
                hint: spaced
                    ? `Remove the space before '=': ${key.trim()}=value (spaces after '=' are part of the value).`
                    : `Names start with a letter or _ and contain only letters, digits and _. ${example}`,
            });
        }
        out[key] = trimmed.slice(eq + 1);
    });
    return out;
}
const DECIMAL_NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const NON_FINITE_NUMBER = /^([+-]?)(nan|inf|infinity)$/i;
/**
 * A number as training scripts print it: JS/JSON decimals (an optional sign, `.5`, `5.` and
 * exponents included), and Python's or C's nan, inf, infinity with an optional sign, in any case.
 * Surrounding whitespace is ignored. Anything else, hexadecimal and empty text included, is undefined.
 */
function parseLoggedNumber(text) {
    const t = text.trim();
    if (DECIMAL_NUMBER.test(t))
        return Number(t);
    const special = NON_FINITE_NUMBER.exec(t);
    if (!special)
        return undefined;
    if (special[2].toLowerCase() === 'nan')
        return Number.NaN;
    return special[1] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
}
/** Keys that give a record's x value, first found wins. */
const STEP_KEYS = ['step', 'epoch', 'iteration'];
/**
 * Bare NaN/Infinity tokens become these strings before JSON.parse and numbers after it. A log's own
 * string could only collide by holding a NUL character followed by the same word.
 */
const NON_FINITE_TOKENS = [
    ['-Infinity', '\u0000-Infinity', Number.NEGATIVE_INFINITY],
    ['Infinity', '\u0000Infinity', Number.POSITIVE_INFINITY],
    ['NaN', '\u0000NaN', Number.NaN],
];
const SENTINEL_VALUES = new Map(NON_FINITE_TOKENS.map(([, sentinel, value]) => [sentinel, value]));
/**
 * Parses a per-step JSONL log: one JSON object per line, e.g. {"step": 10, "loss": 0.41}. Bare NaN,
 * Infinity and -Infinity (as Python's json.dumps writes them) are numbers; inside strings they are
 * text. The top-level finite `step`, else `epoch`, else `iteration` gives the x value, otherwise
 * the 1-based index of the record; the key used (and `step` always) is not a series, so with both
 * `step` and `epoch` present, `epoch` is a series plotted against `step`. Every other
 * numeric field is a series, nested objects flattened with dots ({"metrics": {"loss": 1}} gives
 * `metrics.loss`); strings, booleans, null and arrays are ignored.
 */
function parseStepLog(text, displayName) {
    const series = new Map();
    const rows = (text.startsWith('\uFEFF') ? text.slice(1) : text).split('\n');
    const endsWithNewline = text.endsWith('\n');
    let records = 0;
    rows.forEach((raw, index) => {
        const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
        if (line.trim() === '')
            return;
        const lineNumber = index + 1;
        const isCutShort = !endsWithNewline && index === rows.length - 1;
        const record = parseRecord(line, displayName, lineNumber, isCutShort);
        records++;
        const stepKey = STEP_KEYS.find((key) => typeof record[key] === 'number' && Number.isFinite(record[key]));
        const step = stepKey === undefined ? records : record[stepKey];
        const values = new Map();
        for (const [key, value] of Object.entries(record)) {
            // `step` is never a metric: it is the x value, or not a usable one.
            if (key !== stepKey && key !== 'step')
                collectNumbers(value, key, values);
        }
        for (const [name, value] of values)
            appendPoint(series, name, { step, value, line: lineNumber });
    });
    return { series, lines: records };
}
function parseRecord(line, displayName, lineNumber, isCutShort) {
    const hint = 'Write one JSON object per line, e.g. {"step": 10, "loss": 0.41}; bare NaN and Infinity are accepted as Python writes them.';
    let parsed;
    try {
        parsed = restoreNonFinite(JSON.parse(replaceNonFiniteTokens(line)));
    }
    catch (error) {
        if (error instanceof errors/* ConfigurationError */.j1)
            throw error;
        if (isCutShort) {
            throw new errors/* ConfigurationError */.j1(`the last line is cut short (no line break at its end, and not valid JSON): ${JSON.stringify(truncate(line))}`, {
                file: displayName,
                line: lineNumber,
                hint: 'The log was read while still being written or the script stopped mid-line: flush and close the log before the training command exits.',
            });
        }
        throw new errors/* ConfigurationError */.j1(`not valid JSON: ${JSON.stringify(truncate(line))}`, { file: displayName, line: lineNumber, hint });
    }
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
        const kind = parsed === null ? 'null' : Array.isArray(parsed) ? 'an array' : `a ${typeof parsed}`;
        throw new errors/* ConfigurationError */.j1(`a JSON object was expected, this line holds ${kind}: ${JSON.stringify(truncate(line))}`, { file: displayName, line: lineNumber, hint });
    }
    return parsed;
}
/** Rewrites bare NaN/Infinity/-Infinity outside strings as sentinel strings JSON.parse accepts. */
function replaceNonFiniteTokens(line) {
    if (!line.includes('NaN') && !line.includes('Infinity'))
        return line;
    let out = '';
    let copiedUpTo = 0;
    let inString = false;
    for (let i = 0; i < line.length; i++) {
        const c = line[i];
        if (inString) {
            if (c === '\\')
                i++;
            else if (c === '"')
                inString = false;
            continue;
        }
        if (c === '"') {
            inString = true;
            continue;
        }
        const token = NON_FINITE_TOKENS.find(([word]) => line.startsWith(word, i));
        if (token) {
            out += line.slice(copiedUpTo, i) + JSON.stringify(token[1]);
            i += token[0].length - 1;
            copiedUpTo = i + 1;
        }
    }
    return out + line.slice(copiedUpTo);
}
function restoreNonFinite(value) {
    if (typeof value === 'string')
        return SENTINEL_VALUES.has(value) ? SENTINEL_VALUES.get(value) : value;
    if (Array.isArray(value))
        return value.map(restoreNonFinite);
    if (value !== null && typeof value === 'object') {
        const out = {};
        for (const [key, child] of Object.entries(value)) {
            // A sentinel as a key means a bare token stood where a key belongs: not JSON.
            if (SENTINEL_VALUES.has(key))
                throw new SyntaxError('bare token used as an object key');
            out[key] = restoreNonFinite(child);
        }
        return out;
    }
    return value;
}
function collectNumbers(value, name, out) {
    if (typeof value === 'number') {
        out.set(name, value);
    }
    else if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
        for (const [key, child] of Object.entries(value))
            collectNumbers(child, `${name}.${key}`, out);
    }
}
function appendPoint(series, name, point) {
    const points = series.get(name);
    if (points)
        points.push(point);
    else
        series.set(name, [point]);
}
/** How many non-numeric captures StdoutMetricMatcher keeps as examples. */
const UNPARSED_KEPT = 10;
/**
 * A user regex (JavaScript syntax, no flags) applied to every stdout line; the first match on a
 * line counts, so `loss: (?<loss>\S+)` does not also pick up `val_loss: ...` further along. Named
 * groups are series; a group `step`, else `epoch`, else `iteration` is the x value, otherwise the
 * number of lines matched so far. Groups that did not take part in a match add no point.
 */
class StdoutMetricMatcher {
    series = new Map();
    /** Lines where a named group matched text that is not a number: the first few, as examples. */
    unparsed = [];
    /** Every non-numeric capture, including those not kept in `unparsed`. */
    unparsedCount = 0;
    regex;
    stepGroup;
    matches = 0;
    constructor(pattern, inputName = 'loss-regex') {
        const example = 'e.g. `loss=(?<loss>\\S+)` or `step (?<step>\\d+) .* loss=(?<loss>\\S+)`';
        try {
            this.regex = new RegExp(pattern);
        }
        catch (error) {
            const reason = error instanceof Error ? error.message.replace(/^Invalid regular expression: /, '') : String(error);
            throw new errors/* ConfigurationError */.j1(`input ${inputName}: not a valid regular expression: ${reason}`, {
                hint: `Write a JavaScript regular expression whose named groups capture the numbers, ${example}.`,
                cause: error,
            });
        }
        // Matching the empty alternative lists every named group, each undefined.
        const groups = Object.keys(new RegExp(`(?:${pattern})|`).exec('')?.groups ?? {});
        this.stepGroup = STEP_KEYS.find((key) => groups.includes(key));
        if (groups.length === 0) {
            throw new errors/* ConfigurationError */.j1(`input ${inputName}: the regular expression has no named group, so it captures no metric`, {
                hint: `Name each group after the metric it captures, ${example}.`,
            });
        }
        if (groups.every((group) => group === this.stepGroup)) {
            throw new errors/* ConfigurationError */.j1(`input ${inputName}: the only named group is ${JSON.stringify(this.stepGroup)}, the x value, so no metric is captured`, {
                hint: `Add a named group for each metric, ${example}.`,
            });
        }
    }
    /** Feed one line (without newline) with its 1-based line number in the output. */
    addLine(text, lineNumber) {
        const match = this.regex.exec(text);
        if (!match?.groups)
            return;
        this.matches++;
        let step = this.matches;
        if (this.stepGroup !== undefined) {
            const raw = match.groups[this.stepGroup];
            if (raw !== undefined) {
                const parsed = parseLoggedNumber(raw);
                if (parsed !== undefined && Number.isFinite(parsed))
                    step = parsed;
                else
                    this.recordUnparsed(lineNumber, this.stepGroup, raw);
            }
        }
        for (const [group, raw] of Object.entries(match.groups)) {
            if (group === this.stepGroup || raw === undefined)
                continue;
            const value = parseLoggedNumber(raw);
            if (value === undefined)
                this.recordUnparsed(lineNumber, group, raw);
            else
                appendPoint(this.series, group, { step, value, line: lineNumber });
        }
    }
    recordUnparsed(line, group, text) {
        this.unparsedCount++;
        if (this.unparsed.length < UNPARSED_KEPT)
            this.unparsed.push({ line, group, text: truncate(text) });
    }
}
const EXPECTATION = /^([A-Za-z0-9_.\-/:]+)\s*(?:(>=|<=|==|>|<)\s*([^\s<>=!]\S*))?$/;
const EXPECTATION_FORMS = 'Write one expectation per line or separate them with commas: `accuracy >= 0.8`, `val.loss < 0.5`, `epochs == 10`, or a bare name such as `f1` to require that the metric is present. The comparisons are >=, >, <=, < and ==.';
/**
 * The `expect-metrics` input: one expectation per line, or several separated by commas:
 * `accuracy >= 0.8`, `val.loss < 0.5`, `f1` (present only), `epochs == 10`. Metric names use
 * letters, digits and _ . - / : . Blank lines, lines starting with # and a trailing ` # comment`
 * are skipped; empty items between commas too. Bounds may be inf or -inf, never nan.
 */
function parseMetricExpectations(text, inputName = 'expect-metrics') {
    const out = [];
    text.split('\n').forEach((raw, index) => {
        const line = index + 1;
        const where = `input ${inputName}, line ${line}`;
        const content = raw.replace(/(^|\s)#.*$/, '').trim();
        for (const item of content.split(',').map((part) => part.trim())) {
            if (item === '')
                continue;
            const match = EXPECTATION.exec(item);
            if (!match) {
                throw new errors/* ConfigurationError */.j1(`${where}: cannot read ${JSON.stringify(item)}${describeExpectationMistake(item)}`, { line, hint: EXPECTATION_FORMS });
            }
            const [, metric, op, bound] = match;
            if (op === undefined) {
                out.push({ metric: metric, line });
                continue;
            }
            const value = parseLoggedNumber(bound);
            if (value === undefined || Number.isNaN(value)) {
                const why = value === undefined ? 'is not a number' : 'can never compare true';
                throw new errors/* ConfigurationError */.j1(`${where}: ${JSON.stringify(bound)} in ${JSON.stringify(item)} ${why}`, { line, hint: EXPECTATION_FORMS });
            }
            out.push({ metric: metric, op: op, value, line });
        }
    });
    return out;
}
/** A short reason for the commonest mistakes, or ''. */
function describeExpectationMistake(item) {
    if (item.includes('!='))
        return ': != is not supported';
    if (/=>|=</.test(item))
        return ': write >= or <= with the = last';
    if (/(>=|<=|==|>|<)$/.test(item))
        return ': the value is missing';
    const op = /(>=|<=|==|>|<)/.exec(item);
    if (op) {
        const name = item.slice(0, op.index).trim();
        return /^[A-Za-z0-9_.\-/:]+$/.test(name) ? '' : `: ${JSON.stringify(name)} is not a metric name (letters, digits and _ . - / : only)`;
    }
    if (item.includes('='))
        return ': use == for equality';
    if (/^[A-Za-z0-9_.\-/:]+\s+\S/.test(item))
        return ': a comparison is missing between the name and the value';
    return '';
}
function compare(actual, op, bound) {
    switch (op) {
        case '>=':
            return actual >= bound;
        case '>':
            return actual > bound;
        case '<=':
            return actual <= bound;
        case '<':
            return actual < bound;
        case '==':
            return actual === bound;
    }
}
function truncate(text, max = 80) {
    return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

;// CONCATENATED MODULE: ./src/training/checks.ts
/**
 * Start and end of a loss series, each the mean of `window` values (fewer when the series is
 * short: at most half of it, at least one), so one noisy step decides neither end.
 */
function lossTrend(points, window) {
    const values = points.map((p) => p.value).filter((v) => Number.isFinite(v));
    if (values.length < 2)
        return undefined;
    const w = Math.max(1, Math.min(window, Math.floor(values.length / 2)));
    const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const start = mean(values.slice(0, w));
    const end = mean(values.slice(values.length - w));
    const scale = Math.abs(start);
    const decrease = scale === 0 ? (end < start ? Infinity : end > start ? -Infinity : 0) : (start - end) / scale;
    return { start, end, window: w, decrease, points: values.length };
}
/** The first value of a series that is NaN or infinite, with how many there are. */
function firstNonFinite(points) {
    let first;
    let count = 0;
    for (const p of points) {
        if (!Number.isFinite(p.value)) {
            count++;
            first ??= p;
        }
    }
    return first ? { point: first, count } : undefined;
}
/** Equal within `tolerance`, relative to the larger magnitude (absolute below 1). */
function withinTolerance(a, b, tolerance) {
    if (Object.is(a, b) || (Number.isNaN(a) && Number.isNaN(b)))
        return true;
    return Math.abs(a - b) <= tolerance * Math.max(1, Math.abs(a), Math.abs(b));
}
function seedSpread(values) {
    const n = values.length;
    const mean = values.reduce((a, b) => a + b, 0) / n;
    const ss = values.reduce((a, v) => a + (v - mean) ** 2, 0);
    const min = Math.min(...values);
    const max = Math.max(...values);
    // Equal values have no spread, whatever rounding the mean picked up.
    return { n, mean: min === max ? min : mean, std: n > 1 && min !== max ? Math.sqrt(ss / (n - 1)) : 0, min, max, values };
}
/** At most `max` points, evenly spaced, first and last kept. */
function downsample(items, max) {
    if (items.length <= max)
        return [...items];
    const out = [];
    for (let i = 0; i < max; i++)
        out.push(items[Math.round((i * (items.length - 1)) / (max - 1))]);
    return out;
}
/** A Mermaid line chart of the loss series (and the validation loss when logged). */
function lossChart(series, names) {
    const present = names.filter((n) => (series.get(n)?.length ?? 0) >= 2);
    if (present.length === 0)
        return undefined;
    const main = downsample(series.get(present[0]), 60);
    const steps = main.map((p) => p.step);
    const num = (x) => (Number.isFinite(x) ? Number(x.toPrecision(4)) : 0);
    const lines = [];
    const all = [];
    for (const name of present) {
        const points = series.get(name);
        // Each series at the steps of the first one (the nearest logged step at or before it).
        const values = steps.map((step) => {
            let best;
            for (const p of points)
                if (p.step <= step)
                    best = p;
            return (best ?? points[0]).value;
        });
        for (const v of values)
            if (Number.isFinite(v))
                all.push(v);
        lines.push(`  line [${values.map(num).join(', ')}]`);
    }
    if (all.length === 0)
        return undefined;
    const lo = Math.min(...all);
    const hi = Math.max(...all);
    const pad = (hi - lo) * 0.05 || Math.abs(hi) * 0.05 || 0.01;
    return {
        title: `Loss by step: ${present.join(', ')}`,
        mermaid: [
            'xychart-beta',
            `  title "${present.join(' and ')}"`,
            `  x-axis "step" [${steps.map((s) => `"${s}"`).join(', ')}]`,
            `  y-axis "${present[0]}" ${num(lo - pad)} --> ${num(hi + pad)}`,
            ...lines,
        ].join('\n'),
    };
}

// EXTERNAL MODULE: external "node:string_decoder"
var external_node_string_decoder_ = __webpack_require__(6193);
;// CONCATENATED MODULE: ./src/training/process-tree.ts







/**
 * Set in the child's environment with a fresh id per run. Descendants inherit it, so processes
 * that escaped the tree (re-parented to init after their parent died, or moved to their own
 * session with setsid) can still be found and killed.
 */
const RUN_MARKER_VARIABLE = 'MLOPS_TRAIN_CHECK_RUN';
const DEFAULT_SAMPLE_INTERVAL_MS = 250;
/**
 * After the first seconds, sample at most once a second: a long run's tree is settled, and each
 * process's own high-water mark (VmHWM) still catches a peak between samples. Keeps the sampler's
 * own CPU near 1 % of one core.
 */
const SETTLE_MS = 10_000;
const SLOW_SAMPLE_INTERVAL_MS = 1000;
const DEFAULT_KILL_GRACE_MS = 5000;
const DEFAULT_TAIL_LINES = 60;
/** Linux reports CPU times in /proc in USER_HZ, which is 100 on every architecture. */
const MS_PER_TICK = 10;
/** How long to wait for the output pipes to close once every process we can find is gone. */
const CLOSE_WAIT_MS = 2000;
/** A line longer than this (e.g. a progress bar that never ends its line) is cut in the tail. */
const MAX_LINE_CHARS = 4000;
async function runMeasured(options) {
    const tailLines = options.tailLines ?? DEFAULT_TAIL_LINES;
    if (options.signal?.aborted) {
        return { exitCode: null, signal: null, stoppedBy: 'cancel', wallMs: 0, cpuMs: 0, peakMemoryBytes: 0, samples: 0, processesSeen: 0, leftover: 0, tail: [] };
    }
    checkWorkingDirectory(options.cwd);
    const name = options.argv[0];
    if (name === undefined || name === '')
        throw new errors/* ConfigurationError */.j1('no command given', { hint: 'Set the command to run.' });
    const executable = resolveCommand(name, options.env.PATH, options.cwd);
    return new MeasuredRun(options, name, executable, tailLines).run();
}
/**
 * Parses one /proc/<pid>/stat line. The command name sits in parentheses and may itself hold
 * spaces and parentheses, so the fields after it are found from the last ')'.
 */
function parseProcStat(text) {
    const open = text.indexOf('(');
    const close = text.lastIndexOf(')');
    if (open < 0 || close < open)
        return undefined;
    const pid = Number(text.slice(0, open).trim());
    // rest[0] is field 3 (state); field n of proc(5) is rest[n - 3].
    const rest = text.slice(close + 2).trim().split(' ');
    if (!Number.isInteger(pid) || rest.length < 22)
        return undefined;
    const field = (n) => Number(rest[n - 3]);
    return {
        pid,
        comm: text.slice(open + 1, close),
        state: rest[0],
        ppid: field(4),
        pgrp: field(5),
        utime: field(14),
        stime: field(15),
        cutime: field(16),
        cstime: field(17),
        starttime: field(22),
        rss: field(24),
    };
}
function checkWorkingDirectory(cwd) {
    let isDirectory = false;
    try {
        isDirectory = (0,external_node_fs_.statSync)(cwd).isDirectory();
    }
    catch {
        // Missing: reported below like a file in its place.
    }
    if (!isDirectory) {
        throw new errors/* ConfigurationError */.j1(`working directory not found: ${cwd}`, { hint: 'Set working-directory to a folder that exists after checkout (relative to the workspace).' });
    }
}
function classify(file) {
    try {
        if ((0,external_node_fs_.statSync)(file).isDirectory())
            return 'not-executable';
    }
    catch {
        return 'missing';
    }
    try {
        (0,external_node_fs_.accessSync)(file, external_node_fs_.constants.X_OK);
        return 'executable';
    }
    catch {
        return 'not-executable';
    }
}
/** Like execvp: a name with a '/' is a path (relative to cwd), anything else is looked up on PATH. */
function resolveCommand(name, searchPath, cwd) {
    const notExecutable = () => new errors/* ConfigurationError */.j1(`command is not executable: ${name}`, {
        hint: `Make it executable (chmod +x ${name}, and commit the mode with git update-index --chmod=+x) or run it through its interpreter, e.g. python3 train.py.`,
    });
    if (name.includes('/')) {
        const file = external_node_path_default().resolve(cwd, name);
        const kind = classify(file);
        if (kind === 'executable')
            return file;
        if (kind === 'not-executable')
            throw notExecutable();
        throw new errors/* ConfigurationError */.j1(`command not found: ${name}`, { hint: `There is no file ${file}; a relative path is taken from the working directory.` });
    }
    let sawNotExecutable = false;
    for (const folder of (searchPath ?? '').split(':')) {
        // An empty PATH entry means the current directory.
        const file = external_node_path_default().resolve(cwd, folder, name);
        const kind = classify(file);
        if (kind === 'executable')
            return file;
        if (kind === 'not-executable')
            sawNotExecutable = true;
    }
    if (sawNotExecutable)
        throw notExecutable();
    throw new errors/* ConfigurationError */.j1(`command not found: ${name}`, {
        hint: `No folder on PATH holds it. Install it in an earlier step, give its path (e.g. ./${name}), or, if it is a shell builtin, alias or pipeline, run the command through a shell (shell: bash).`,
    });
}
function errnoCode(error) {
    return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}
function spawnError(name, error) {
    switch (errnoCode(error)) {
        case 'ENOENT':
            return new errors/* ConfigurationError */.j1(`command could not be started: ${name}`, {
                hint: 'Its #! line names an interpreter that is not installed (or the file disappeared); install the interpreter or run the script through it, e.g. python3 train.py.',
                cause: error,
            });
        case 'EACCES':
            return new errors/* ConfigurationError */.j1(`command is not executable: ${name}`, {
                hint: 'Permission was denied when starting it (or its #! interpreter); chmod +x it or run it through its interpreter, e.g. python3 train.py.',
                cause: error,
            });
        case 'ENOEXEC':
            return new errors/* ConfigurationError */.j1(`command is not a program: ${name}`, {
                hint: 'It is neither a binary nor a script with a #! line; add e.g. #!/usr/bin/env python3 or run it through its interpreter.',
                cause: error,
            });
        default:
            return error instanceof Error ? error : new Error(String(error));
    }
}
const PROC = '/proc';
const AT_PAGESZ = 6;
let cachedPageSize;
/** The page size from the auxiliary vector the kernel gave this process (what getconf PAGESIZE reports). */
function pageSize() {
    if (cachedPageSize !== undefined)
        return cachedPageSize;
    cachedPageSize = 4096;
    try {
        const auxv = (0,external_node_fs_.readFileSync)(`${PROC}/self/auxv`);
        const word = ['arm', 'ia32', 'mips', 'mipsel', 'ppc', 's390'].includes(process.arch) ? 4 : 8;
        const little = (0,external_node_os_.endianness)() === 'LE';
        const read = (offset) => word === 8 ? Number(little ? auxv.readBigUInt64LE(offset) : auxv.readBigUInt64BE(offset)) : little ? auxv.readUInt32LE(offset) : auxv.readUInt32BE(offset);
        for (let offset = 0; offset + 2 * word <= auxv.length; offset += 2 * word) {
            const type = read(offset);
            if (type === 0)
                break;
            if (type === AT_PAGESZ) {
                const value = read(offset + word);
                if (value > 0 && (value & (value - 1)) === 0)
                    cachedPageSize = value;
                break;
            }
        }
    }
    catch {
        // Keep the common default.
    }
    return cachedPageSize;
}
function readStat(pid) {
    try {
        return parseProcStat((0,external_node_fs_.readFileSync)(`${PROC}/${pid}/stat`, 'latin1'));
    }
    catch {
        return undefined;
    }
}
function readProcessTable() {
    let names;
    try {
        names = (0,external_node_fs_.readdirSync)(PROC);
    }
    catch {
        return [];
    }
    const table = [];
    for (const name of names) {
        const first = name.charCodeAt(0);
        if (first < 48 || first > 57)
            continue;
        const stat = readStat(Number(name));
        if (stat)
            table.push(stat);
    }
    return table;
}
/** The process's own resident high-water mark, in bytes (0 when unknown, e.g. a zombie). */
function readHighWaterMark(pid) {
    try {
        const status = (0,external_node_fs_.readFileSync)(`${PROC}/${pid}/status`, 'latin1');
        const match = /^VmHWM:\s+(\d+) kB/m.exec(status);
        return match ? Number(match[1]) * 1024 : 0;
    }
    catch {
        return 0;
    }
}
function hasMarker(pid, marker) {
    let environ;
    try {
        environ = (0,external_node_fs_.readFileSync)(`${PROC}/${pid}/environ`);
    }
    catch {
        return false;
    }
    for (let at = environ.indexOf(marker); at >= 0; at = environ.indexOf(marker, at + 1)) {
        const end = at + marker.length;
        if ((at === 0 || environ[at - 1] === 0) && (end === environ.length || environ[end] === 0))
            return true;
    }
    return false;
}
const keyOf = (p) => `${p.pid}:${p.starttime}`;
const isZombie = (p) => p.state === 'Z' || p.state === 'X' || p.state === 'x';
const ticks = (p) => p.utime + p.stime + p.cutime + p.cstime;
function sendSignal(pid, signal) {
    try {
        process.kill(pid, signal);
    }
    catch (error) {
        const code = errnoCode(error);
        if (code !== 'ESRCH' && code !== 'EPERM')
            throw error;
    }
}
function delay(ms) {
    return new Promise((resolve) => setTimeout(resolve, ms));
}
/** One run: the child, its sampling and its killing. */
class MeasuredRun {
    options;
    name;
    executable;
    tailLines;
    procAvailable = (0,external_node_fs_.existsSync)(`${PROC}/self/stat`);
    runId = (0,external_node_crypto_.randomUUID)();
    marker;
    sampleIntervalMs;
    killGraceMs;
    child;
    rootPid = 0;
    rootStart = 0;
    /** Every process of the tree seen, by pid:starttime. */
    seen = new Map();
    /** Whether a process (pid:starttime) started after the root carries the marker. */
    markerCache = new Map();
    samples = 0;
    peakRss = 0;
    peakHighWater = 0;
    peakTreeTicks = 0;
    stoppedBy;
    stopping;
    exited = false;
    sampler;
    timeout;
    onAbort = () => this.stop('cancel');
    tail = [];
    partial = { stdout: '', stderr: '' };
    outputError;
    constructor(options, name, executable, tailLines) {
        this.options = options;
        this.name = name;
        this.executable = executable;
        this.tailLines = tailLines;
        this.marker = Buffer.from(`${RUN_MARKER_VARIABLE}=${this.runId}`);
        this.sampleIntervalMs = Math.max(10, options.sampleIntervalMs ?? DEFAULT_SAMPLE_INTERVAL_MS);
        this.killGraceMs = Math.max(0, options.killGraceMs ?? DEFAULT_KILL_GRACE_MS);
    }
    async run() {
        const { options } = this;
        // CPU time: the kernel adds a child's user+system time, together with that of every
        // descendant it waited for, to its parent's cutime/cstime when the parent reaps it. So the
        // growth of this process's cutime+cstime across the run is the CPU of the reaped command and
        // all its waited-for descendants. Descendants nobody waited for (orphans, killed leftovers)
        // are missed there; the samples cover them: each sums utime+stime+cutime+cstime over the live
        // tree, which never counts a process twice. The result is the larger of the two. Other
        // children this process reaps during the run would be counted too; runs are not meant to
        // overlap within one process.
        const cpuBefore = this.selfChildTicks();
        const started = performance.now();
        let child;
        try {
            child = (0,external_node_child_process_.spawn)(this.executable, options.argv.slice(1), {
                argv0: this.name,
                cwd: options.cwd,
                env: { ...options.env, [RUN_MARKER_VARIABLE]: this.runId },
                stdio: ['ignore', 'pipe', 'pipe'],
                detached: true,
                shell: false,
            });
        }
        catch (error) {
            throw spawnError(this.name, error);
        }
        this.child = child;
        const closed = new Promise((resolve) => child.once('close', () => resolve()));
        const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
        const failed = new Promise((resolve) => child.once('error', resolve));
        if (child.pid === undefined) {
            const error = await failed;
            child.stdout?.destroy();
            child.stderr?.destroy();
            throw spawnError(this.name, error);
        }
        // After the spawn, 'error' could only come from a failed kill, which we never ask of it.
        child.on('error', () => undefined);
        this.rootPid = child.pid;
        this.attachOutput(child);
        if (this.procAvailable) {
            this.rootStart = readStat(this.rootPid)?.starttime ?? 0;
            this.sample();
            const schedule = () => {
                const interval = performance.now() - started < SETTLE_MS ? this.sampleIntervalMs : Math.max(this.sampleIntervalMs, SLOW_SAMPLE_INTERVAL_MS);
                this.sampler = setTimeout(() => {
                    this.sample();
                    if (this.sampler !== undefined)
                        schedule();
                }, interval);
            };
            schedule();
        }
        if (options.timeoutMs !== undefined)
            this.timeout = setTimeout(() => this.stop('timeout'), Math.max(0, options.timeoutMs));
        options.signal?.addEventListener('abort', this.onAbort, { once: true });
        if (options.signal?.aborted)
            this.stop('cancel');
        const { code, signal } = await exited;
        const wallMs = performance.now() - started;
        const cpuAfter = this.selfChildTicks();
        this.exited = true;
        this.stopWatching();
        let leftover = 0;
        if (this.stopping) {
            await this.stopping;
        }
        else {
            // A process caught in the middle of an exec can show an empty environment for a moment:
            // look twice, 50 ms apart, and count every process either look found.
            const first = this.aliveTree(true);
            await new Promise((resolve) => setTimeout(resolve, 50));
            leftover = new Set([...first, ...this.aliveTree(true)].map(keyOf)).size;
            if (leftover > 0)
                await this.terminate();
        }
        await this.waitForClose(closed);
        this.flushPartial('stdout');
        this.flushPartial('stderr');
        if (this.outputError !== undefined)
            throw this.outputError;
        const cpuTicks = Math.max(cpuAfter - cpuBefore, this.peakTreeTicks);
        return {
            exitCode: code,
            signal,
            ...(this.stoppedBy ? { stoppedBy: this.stoppedBy } : {}),
            wallMs: Math.round(wallMs),
            cpuMs: cpuTicks * MS_PER_TICK,
            peakMemoryBytes: Math.max(this.peakRss, this.peakHighWater),
            samples: this.samples,
            processesSeen: this.seen.size,
            leftover,
            tail: this.tailLines > 0 ? this.tail.slice(-this.tailLines) : [],
        };
    }
    selfChildTicks() {
        const self = this.procAvailable ? readStat('self') : undefined;
        return self ? self.cutime + self.cstime : 0;
    }
    stopWatching() {
        if (this.sampler)
            clearTimeout(this.sampler);
        if (this.timeout)
            clearTimeout(this.timeout);
        this.sampler = undefined;
        this.timeout = undefined;
        this.options.signal?.removeEventListener('abort', this.onAbort);
    }
    async waitForClose(closed) {
        // A process that escaped every way of finding it may still hold the pipes; do not wait forever.
        let timer;
        const late = new Promise((resolve) => (timer = setTimeout(() => resolve('late'), CLOSE_WAIT_MS)));
        const outcome = await Promise.race([closed, late]);
        clearTimeout(timer);
        if (outcome === 'late') {
            this.child?.stdout?.destroy();
            this.child?.stderr?.destroy();
            await closed;
        }
    }
    /**
     * The tree in one /proc table: the root, its process group, every process seen before (same pid
     * and start time), every process that carries the run's marker, and all their descendants.
     * `freshMarkers` re-reads the environment of every candidate instead of using the cache.
     */
    treeOf(table, freshMarkers) {
        const members = new Map();
        const children = new Map();
        for (const p of table) {
            if (p.pid === process.pid)
                continue;
            const siblings = children.get(p.ppid);
            if (siblings)
                siblings.push(p);
            else
                children.set(p.ppid, [p]);
            const key = keyOf(p);
            let member = (p.pid === this.rootPid && p.starttime === this.rootStart) || p.pgrp === this.rootPid || this.seen.has(key);
            // The marker only matters for processes that started after the root did.
            if (!member && p.starttime >= this.rootStart) {
                let tagged = freshMarkers ? undefined : this.markerCache.get(key);
                if (tagged === undefined) {
                    tagged = hasMarker(p.pid, this.marker);
                    this.markerCache.set(key, tagged);
                }
                member = tagged;
            }
            if (member)
                members.set(p.pid, p);
        }
        const queue = [...members.values()];
        while (queue.length > 0) {
            const parent = queue.pop();
            for (const child of children.get(parent.pid) ?? []) {
                if (members.has(child.pid))
                    continue;
                members.set(child.pid, child);
                queue.push(child);
            }
        }
        return [...members.values()];
    }
    aliveTree(freshMarkers) {
        if (!this.procAvailable)
            return [];
        return this.treeOf(readProcessTable(), freshMarkers).filter((p) => !isZombie(p));
    }
    sample() {
        if (this.exited)
            return;
        const tree = this.treeOf(readProcessTable(), false);
        const bytesPerPage = pageSize();
        let rss = 0;
        let treeTicks = 0;
        for (const p of tree) {
            this.seen.set(keyOf(p), p);
            // A zombie's own times are still in its stat until its parent reaps it.
            treeTicks += ticks(p);
            if (isZombie(p))
                continue;
            rss += p.rss * bytesPerPage;
            this.peakHighWater = Math.max(this.peakHighWater, readHighWaterMark(p.pid));
        }
        this.samples += 1;
        this.peakRss = Math.max(this.peakRss, rss);
        this.peakTreeTicks = Math.max(this.peakTreeTicks, treeTicks);
        const budget = this.options.maxMemoryBytes;
        if (budget !== undefined && Math.max(this.peakRss, this.peakHighWater) > budget)
            this.stop('memory');
    }
    /** The first reason to stop wins; later ones are ignored. */
    stop(reason) {
        if (this.exited || this.stoppedBy)
            return;
        this.stoppedBy = reason;
        this.stopWatching();
        this.stopping = this.terminate();
        // Awaited once the main process exits; this only keeps an early failure from counting as unhandled.
        this.stopping.catch(() => undefined);
    }
    signalTree(signal) {
        // The group first: it reaches processes we have not sampled yet, and it needs no /proc.
        if (this.rootPid > 0)
            sendSignal(-this.rootPid, signal);
        for (const p of this.aliveTree(true))
            sendSignal(p.pid, signal);
    }
    /** SIGTERM to the tree, then SIGKILL to whatever is still alive after the grace period. */
    async terminate() {
        this.signalTree('SIGTERM');
        const deadline = performance.now() + this.killGraceMs;
        for (;;) {
            const remaining = deadline - performance.now();
            if (remaining <= 0)
                break;
            await delay(Math.min(50, remaining));
            if (this.exited && this.aliveTree(true).length === 0)
                return;
        }
        this.signalTree('SIGKILL');
    }
    attachOutput(child) {
        for (const stream of ['stdout', 'stderr']) {
            const source = child[stream];
            if (!source)
                continue;
            const decoder = new external_node_string_decoder_.StringDecoder('utf8');
            source.on('data', (chunk) => this.deliver(decoder.write(chunk), stream));
            source.on('end', () => {
                this.deliver(decoder.end(), stream);
                this.flushPartial(stream);
            });
        }
    }
    flushPartial(stream) {
        if (this.partial[stream] !== '')
            this.pushLine(this.partial[stream]);
        this.partial[stream] = '';
    }
    deliver(text, stream) {
        if (text === '')
            return;
        if (this.options.onOutput && this.outputError === undefined) {
            try {
                this.options.onOutput(text, stream);
            }
            catch (error) {
                this.outputError = error;
            }
        }
        const lines = (this.partial[stream] + text).split('\n');
        let partial = lines.pop();
        for (const line of lines)
            this.pushLine(line);
        // A progress bar redraws its line after '\r' without ever ending it; keep only the last draw.
        const redraw = partial.lastIndexOf('\r', partial.length - 2);
        if (redraw >= 0)
            partial = partial.slice(redraw + 1);
        this.partial[stream] = partial.length > MAX_LINE_CHARS * 2 ? partial.slice(0, MAX_LINE_CHARS * 2) : partial;
    }
    pushLine(raw) {
        const draws = raw.split('\r').filter((part) => part !== '');
        let line = draws[draws.length - 1] ?? '';
        if (line.length > MAX_LINE_CHARS)
            line = `${line.slice(0, MAX_LINE_CHARS)}…`;
        this.tail.push(line);
        if (this.tail.length > 2 * this.tailLines + 100)
            this.tail.splice(0, this.tail.length - this.tailLines);
    }
}

;// CONCATENATED MODULE: ./src/training/train-check.ts









const MiB = 1024 * 1024;
async function runTrainCheck(options) {
    const startedAt = options.startedAt ?? new Date();
    const findings = new platform_report/* FindingCollector */.xe();
    const plan = planRuns(options.seeds, options.repeat);
    const runs = [];
    let cancelled = false;
    const many = plan.length > 1;
    for (const [index, planned] of plan.entries()) {
        if (options.signal?.aborted) {
            cancelled = true;
            break;
        }
        const record = await runOnce(options, planned, index, plan.length);
        runs.push(record);
        const where = many ? ` (${record.label})` : '';
        judgeProcess(record.result, options, findings, where);
        if (record.result.stoppedBy === 'cancel') {
            cancelled = true;
            break;
        }
        if (record.result.exitCode !== 0)
            break;
    }
    const last = runs.at(-1);
    const succeeded = last !== undefined && last.result.exitCode === 0 && !last.result.stoppedBy;
    let loss;
    if (last && succeeded) {
        loss = judgeLoss(last, options, findings);
        judgeExpectations(last.metrics, options, findings);
        await judgeOutputs(options, findings);
    }
    const reproducibility = succeeded ? compareRepeats(runs, options, findings) : undefined;
    const variance = succeeded && runs.length === plan.length ? measureVariance(runs, options.seeds) : undefined;
    const peakMemoryMb = Math.max(0, ...runs.map((r) => r.result.peakMemoryBytes)) / MiB;
    const durationSeconds = runs.reduce((a, r) => a + r.result.wallMs, 0) / 1000;
    const cpuSeconds = runs.reduce((a, r) => a + r.result.cpuMs, 0) / 1000;
    const metrics = last?.metrics ?? {};
    const tables = [runsTable(runs, options), budgetsTable(runs, options)];
    const metricsRows = train_check_metricsTable(metrics, options.expectations);
    if (metricsRows)
        tables.push(metricsRows);
    if (reproducibility)
        tables.push(reproducibilityTable(runs, options));
    if (variance)
        tables.push(varianceTable(variance));
    const charts = [];
    const chart = last ? lossChart(last.series, [options.lossMetric, `val_${options.lossMetric}`]) : undefined;
    if (chart)
        charts.push(chart);
    const excerpts = [];
    if (last && !succeeded && last.result.tail.length > 0) {
        excerpts.push({ title: `Last ${last.result.tail.length} lines of output${many ? ` (${last.label})` : ''}`, text: last.result.tail.join('\n') });
    }
    const verdict = cancelled ? 'error' : findings.counts.error > 0 ? 'fail' : 'pass';
    const details = {
        command: options.commandText,
        smoke: options.smoke,
        runs: runs.map((r) => ({
            label: r.label,
            seed: r.seed,
            exitCode: r.result.exitCode,
            signal: r.result.signal,
            stoppedBy: r.result.stoppedBy,
            wallSeconds: r.result.wallMs / 1000,
            cpuSeconds: r.result.cpuMs / 1000,
            peakMemoryMb: r.result.peakMemoryBytes / MiB,
            metrics: r.metrics,
        })),
        metrics,
        durationSeconds,
        peakMemoryMb,
        cpuSeconds,
        loss,
        reproducibility,
        variance,
        cancelled,
    };
    const report = (0,platform_report/* buildReport */.FK)({
        action: 'train-check',
        title: `train-check${options.smoke.smoke ? ' (smoke)' : ''}`,
        verdict,
        headline: headline(verdict, runs, findings, durationSeconds, peakMemoryMb, loss, cancelled),
        startedAt,
        findings,
        tables,
        charts,
        excerpts,
        details: details,
    });
    return { report, details, variance };
}
/**
 * The other seeds first, then the primary seed's runs, so the files left behind and the metrics
 * reported are the primary run's.
 */
function planRuns(seeds, repeat) {
    const [primary, ...others] = seeds;
    const out = others.map((seed) => ({ seed, label: `seed ${seed}` }));
    for (let i = 1; i <= repeat; i++)
        out.push({ seed: primary, label: repeat > 1 ? `seed ${primary}, run ${i}` : `seed ${primary}` });
    return out;
}
async function runOnce(options, planned, index, total) {
    const { logger } = options;
    await (0,promises_.mkdir)(options.outputDir.path, { recursive: true });
    const env = {
        ...options.env,
        MLOPS_SMOKE: options.smoke.smoke ? '1' : '0',
        MLOPS_SAMPLE_FRACTION: String(options.smoke.smoke ? options.smoke.sampleFraction : 1),
        MLOPS_SEED: String(planned.seed),
        MLOPS_OUTPUT_DIR: options.outputDir.path,
    };
    if (options.smoke.smoke && options.smoke.maxSteps !== undefined)
        env.MLOPS_MAX_STEPS = String(options.smoke.maxSteps);
    else
        delete env.MLOPS_MAX_STEPS;
    const matcher = options.lossRegex ? new StdoutMetricMatcher(options.lossRegex, 'loss-regex') : undefined;
    let partial = '';
    let lineNumber = 0;
    const feed = (text) => {
        if (!matcher)
            return;
        const parts = (partial + text).split('\n');
        partial = parts.pop();
        for (const line of parts)
            matcher.addLine(line.replace(/\r$/, ''), ++lineNumber);
    };
    logger.startGroup(`train-check${total > 1 ? ` run ${index + 1}/${total}` : ''}: ${options.commandText} (${options.smoke.smoke ? 'smoke, ' : ''}MLOPS_SEED=${planned.seed})`);
    const runStart = Date.now();
    let result;
    try {
        result = await (options.runCommand ?? runMeasured)({
            argv: options.argv,
            cwd: options.cwd,
            env,
            timeoutMs: options.timeoutMs,
            maxMemoryBytes: options.maxMemoryBytes,
            signal: options.signal,
            onOutput: (text, stream) => {
                logger.output(text);
                if (stream === 'stdout')
                    feed(text);
            },
        });
    }
    finally {
        logger.endGroup();
    }
    if (matcher && partial !== '')
        matcher.addLine(partial.replace(/\r$/, ''), ++lineNumber);
    const finished = result.exitCode === 0 && !result.stoppedBy;
    let metrics = {};
    let series = new Map();
    let seriesSource = 'none';
    if (finished) {
        const stepLog = await readIfFresh(options.stepLog, runStart, 'step log');
        if (stepLog !== undefined) {
            series = parseStepLog(stepLog, options.stepLog.display).series;
            seriesSource = 'step-log';
        }
        if (matcher && matcher.series.size > 0) {
            for (const [name, points] of matcher.series)
                if (!series.has(name))
                    series.set(name, points);
            if (seriesSource === 'none')
                seriesSource = 'stdout';
        }
        for (const [name, points] of series) {
            const lastPoint = points.at(-1);
            if (lastPoint && name !== 'step' && name !== 'epoch' && name !== 'iteration')
                metrics[name] = lastPoint.value;
        }
        if ((await readIfFresh(options.metricsFile, runStart, 'metrics file')) !== undefined) {
            metrics = { ...metrics, ...(await (0,metrics_file/* readMetricsFile */._)(options.metricsFile.path, options.metricsFile.display)) };
        }
    }
    const files = finished ? await hashProducedFiles(options) : new Map();
    return { label: planned.label, seed: planned.seed, result, metrics, series, seriesSource, files };
}
/**
 * A produced file's text, when this run wrote it. Missing: an error when the user named the file,
 * nothing when it was only the default place. Older than the run: an error (it would be the
 * previous run's numbers).
 */
async function readIfFresh(file, runStart, what) {
    const info = await (0,promises_.stat)(file.path).catch(() => undefined);
    if (!info) {
        if (!file.explicit)
            return undefined;
        throw new errors/* ConfigurationError */.j1(`the command finished but wrote no ${what}`, {
            file: file.display,
            hint: `Write it from the training script (the contract: $MLOPS_OUTPUT_DIR is the output folder), or fix the ${what === 'step log' ? 'step-log' : 'metrics-file'} input; paths are relative to working-directory.`,
        });
    }
    // File systems keep mtimes to a second or better; allow for a coarse one.
    if (info.mtimeMs < runStart - 2000) {
        throw new errors/* ConfigurationError */.j1(`the ${what} was not written by this run (last modified ${new Date(info.mtimeMs).toISOString()})`, {
            file: file.display,
            hint: 'It is left from an earlier run: make the training script write it on every run, or point the input at the file it writes.',
        });
    }
    return (0,promises_.readFile)(file.path, 'utf8');
}
function judgeProcess(result, options, findings, where) {
    const minutes = (ms) => `${Number((ms / 60_000).toPrecision(3))} min`;
    if (result.stoppedBy === 'timeout') {
        findings.add({ severity: 'error', rule: 'timeout', message: `The command did not finish within timeout-minutes (${minutes(options.timeoutMs)}); it was stopped with its child processes${where}.` });
    }
    else if (result.stoppedBy === 'memory') {
        findings.add({
            severity: 'error',
            rule: 'memory-budget',
            message: `The command's processes used ${mib(result.peakMemoryBytes)} MiB, over max-memory-mb (${mib(options.maxMemoryBytes)} MiB); it was stopped${where}.`,
        });
    }
    else if (result.stoppedBy === 'cancel') {
        findings.add({ severity: 'error', rule: 'cancelled', message: `The run was cancelled; the command was stopped with its child processes${where}.` });
    }
    else if (result.exitCode !== 0) {
        findings.add({
            severity: 'error',
            rule: 'exit-code',
            message: result.exitCode === null
                ? `The command was killed by ${result.signal}${result.signal === 'SIGKILL' ? ' (out of memory?)' : ''}${where}.`
                : `The command exited with code ${result.exitCode}${where}; the last lines of its output are in the summary.`,
        });
    }
    if (!result.stoppedBy) {
        if (options.maxDurationMs !== undefined && result.wallMs > options.maxDurationMs) {
            findings.add({ severity: 'error', rule: 'time-budget', message: `The command took ${minutes(result.wallMs)}, over max-duration-minutes (${minutes(options.maxDurationMs)})${where}.` });
        }
        if (options.maxMemoryBytes !== undefined && result.peakMemoryBytes > options.maxMemoryBytes) {
            findings.add({ severity: 'error', rule: 'memory-budget', message: `Peak memory ${mib(result.peakMemoryBytes)} MiB is over max-memory-mb (${mib(options.maxMemoryBytes)} MiB)${where}.` });
        }
    }
    if (result.leftover > 0) {
        findings.add({
            severity: 'warning',
            rule: 'leftover-processes',
            message: `The command left ${result.leftover} process${result.leftover === 1 ? '' : 'es'} running after it exited; ${result.leftover === 1 ? 'it was' : 'they were'} stopped${where}. Wait for child processes (e.g. join data-loader workers) before exiting.`,
        });
    }
}
function judgeLoss(run, options, findings) {
    const file = run.seriesSource === 'step-log' ? options.stepLog.display : undefined;
    for (const [name, points] of run.series) {
        const bad = firstNonFinite(points);
        if (!bad)
            continue;
        findings.add({
            severity: 'error',
            rule: 'finite',
            subject: name,
            file,
            line: file ? bad.point.line : undefined,
            value: String(bad.point.value),
            message: `${name} is ${bad.point.value} at step ${bad.point.step}${bad.count > 1 ? ` (${bad.count} values are not finite)` : ''}${file ? '' : ` (output line ${bad.point.line})`}: training diverged or divided by zero. Lower the learning rate, clip gradients, or check the data for NaN.`,
        });
    }
    const points = run.series.get(options.lossMetric);
    if (!points) {
        const source = run.seriesSource === 'none' ? 'the run logged no metric per step' : `${options.lossMetric} is not among the logged series (${[...run.series.keys()].join(', ')})`;
        findings.add({
            severity: run.seriesSource === 'none' ? 'notice' : 'warning',
            rule: 'loss-missing',
            subject: options.lossMetric,
            message: `No loss curve to check: ${source}. Write ${options.stepLog.display} (one JSON object per step) or set loss-regex, and loss-metric.`,
        });
        return undefined;
    }
    const trend = lossTrend(points, options.lossWindow);
    if (!trend) {
        findings.add({ severity: 'warning', rule: 'loss-decrease', subject: options.lossMetric, message: `${options.lossMetric} has fewer than two finite values: whether it fell cannot be told.` });
        return undefined;
    }
    const pct = (x) => `${Number((x * 100).toPrecision(3))} %`;
    if (!(trend.decrease > 0) || trend.decrease < options.minLossDecrease) {
        const what = trend.window > 1 ? `mean of the first ${trend.window} ${fmt(trend.start)} → last ${trend.window} ${fmt(trend.end)}` : `${fmt(trend.start)} → ${fmt(trend.end)}`;
        findings.add({
            severity: 'error',
            rule: 'loss-decrease',
            subject: options.lossMetric,
            file,
            value: fmt(trend.end),
            message: `${options.lossMetric} did not fall enough: ${what} (${trend.decrease > 0 ? 'down' : 'change'} ${pct(trend.decrease > 0 ? trend.decrease : -trend.decrease)}${trend.decrease > 0 ? '' : ' up or flat'}), at least ${pct(options.minLossDecrease)} needed (min-loss-decrease). Check the learning rate, the labels and that the optimizer steps.`,
        });
    }
    return { metric: options.lossMetric, ...trend };
}
async function judgeOutputs(options, findings) {
    for (const pattern of options.outputs) {
        const matched = await options.expandOutput(pattern);
        if (matched.length === 0) {
            findings.add({ severity: 'error', rule: 'output-missing', subject: pattern, message: `Expected output ${pattern} was not written by the command (relative to the working directory).` });
            continue;
        }
        for (const file of matched) {
            const info = await (0,promises_.stat)(file);
            const empty = info.isDirectory() ? (await (0,promises_.readdir)(file)).length === 0 : info.size === 0;
            if (empty)
                findings.add({ severity: 'error', rule: 'output-empty', subject: pattern, file: options.display(file), message: `Output ${options.display(file)} is empty${info.isDirectory() ? ' (a folder with no files)' : ' (0 bytes)'}.` });
        }
    }
}
function judgeExpectations(metrics, options, findings) {
    for (const e of options.expectations) {
        const value = metrics[e.metric];
        if (value === undefined) {
            const known = Object.keys(metrics);
            findings.add({
                severity: 'error',
                rule: 'metric-missing',
                subject: e.metric,
                message: `Metric ${e.metric} (${options.expectationsInput}, line ${e.line}) was not reported; ${known.length > 0 ? `the run reported ${known.slice(0, 12).join(', ')}${known.length > 12 ? ', …' : ''}` : 'the run reported no metric'}.`,
            });
        }
        else if (e.op !== undefined && e.value !== undefined && !compare(value, e.op, e.value)) {
            findings.add({ severity: 'error', rule: 'metric-bound', subject: e.metric, value: fmt(value), message: `${e.metric} is ${fmt(value)}, expected ${e.op} ${fmt(e.value)} (${options.expectationsInput}, line ${e.line}).` });
        }
    }
}
function compareRepeats(runs, options, findings) {
    const primary = runs.filter((r) => r.seed === options.seeds[0]);
    if (options.repeat < 2 || primary.length < 2)
        return undefined;
    const [a, b] = [primary[0], primary[1]];
    const differences = [];
    for (const name of new Set([...Object.keys(a.metrics), ...Object.keys(b.metrics)])) {
        const x = a.metrics[name];
        const y = b.metrics[name];
        if (x === undefined || y === undefined || !withinTolerance(x, y, options.repeatTolerance)) {
            differences.push({ item: `metric ${name}`, first: x === undefined ? 'missing' : fmt(x, 10), second: y === undefined ? 'missing' : fmt(y, 10) });
        }
    }
    for (const name of new Set([...a.files.keys(), ...b.files.keys()])) {
        const x = a.files.get(name);
        const y = b.files.get(name);
        if (x !== y)
            differences.push({ item: `file ${name}`, first: x ? `sha256 ${x.slice(0, 12)}` : 'missing', second: y ? `sha256 ${y.slice(0, 12)}` : 'missing' });
    }
    for (const d of differences) {
        findings.add({
            severity: 'error',
            rule: 'reproducible',
            subject: d.item,
            message: `Not reproducible with MLOPS_SEED=${a.seed}: ${d.item} differs between two runs (${d.first} vs ${d.second}). Seed every source of randomness (random, numpy, the framework, data shuffling) from MLOPS_SEED${d.item.startsWith('file') ? ', and keep timestamps out of saved files' : ''}.`,
        });
    }
    return { runs: primary.length, identical: differences.length === 0, differences };
}
function measureVariance(runs, seeds) {
    if (seeds.length < 2)
        return undefined;
    const bySeed = new Map();
    for (const r of runs)
        if (!bySeed.has(r.seed))
            bySeed.set(r.seed, r.metrics);
    const names = new Set();
    for (const m of bySeed.values())
        for (const k of Object.keys(m))
            names.add(k);
    const metrics = {};
    for (const name of [...names].sort()) {
        const values = seeds.map((s) => bySeed.get(s)?.[name]).filter((v) => v !== undefined && Number.isFinite(v));
        if (values.length === seeds.length)
            metrics[name] = seedSpread(values);
    }
    return { kind: 'mlops-actions/training-variance', version: 1, seeds, metrics };
}
/** sha256 of every file the run produced: the expected outputs and the output folder, less the logs. */
async function hashProducedFiles(options) {
    const skip = new Set([options.metricsFile.path, options.stepLog.path]);
    const roots = new Set([options.outputDir.path]);
    for (const pattern of options.outputs)
        for (const m of await options.expandOutput(pattern))
            roots.add(m);
    const files = new Set();
    for (const root of roots)
        for (const f of await listFiles(root))
            if (!skip.has(f))
                files.add(f);
    const out = new Map();
    for (const f of [...files].sort())
        out.set(options.display(f), (await (0,platform_files/* sha256File */.Q)(f)).sha256);
    return out;
}
async function listFiles(root) {
    const info = await (0,promises_.stat)(root).catch(() => undefined);
    if (!info)
        return [];
    if (!info.isDirectory())
        return [root];
    const out = [];
    for (const entry of await (0,promises_.readdir)(root, { withFileTypes: true })) {
        const full = external_node_path_default().join(root, entry.name);
        if (entry.isDirectory())
            out.push(...(await listFiles(full)));
        else if (entry.isFile())
            out.push(full);
    }
    return out;
}
function runsTable(runs, options) {
    return {
        title: 'Runs',
        columns: ['run', 'MLOPS_SEED', 'exit', 'wall time (s)', 'CPU time (s)', 'peak memory (MiB)', 'processes'],
        rows: runs.map((r) => [
            r.label,
            r.seed,
            r.result.stoppedBy ? `stopped (${r.result.stoppedBy})` : r.result.exitCode === null ? `signal ${r.result.signal}` : r.result.exitCode,
            round(r.result.wallMs / 1000),
            round(r.result.cpuMs / 1000),
            round(r.result.peakMemoryBytes / MiB),
            r.result.processesSeen,
        ]),
        note: `Command: ${options.commandText}. ${options.smoke.smoke ? `Smoke mode: MLOPS_SMOKE=1, MLOPS_SAMPLE_FRACTION=${options.smoke.sampleFraction}${options.smoke.maxSteps !== undefined ? `, MLOPS_MAX_STEPS=${options.smoke.maxSteps}` : ''}.` : 'Full run: MLOPS_SMOKE=0.'} Memory is the resident memory of the whole process tree, sampled, and each process's own high-water mark.`,
    };
}
function budgetsTable(runs, options) {
    const wall = Math.max(0, ...runs.map((r) => r.result.wallMs));
    const memory = Math.max(0, ...runs.map((r) => r.result.peakMemoryBytes));
    const status = (used, allowed) => (allowed === undefined ? '—' : used <= allowed ? '✅ within' : '❌ over');
    const rows = [
        ['wall time (s)', round(wall / 1000), options.maxDurationMs === undefined ? null : round(options.maxDurationMs / 1000), status(wall, options.maxDurationMs)],
        ['peak memory (MiB)', round(memory / MiB), options.maxMemoryBytes === undefined ? null : round(options.maxMemoryBytes / MiB), status(memory, options.maxMemoryBytes)],
    ];
    if (options.timeoutMs !== undefined)
        rows.push(['timeout (s)', round(wall / 1000), round(options.timeoutMs / 1000), runs.some((r) => r.result.stoppedBy === 'timeout') ? '❌ stopped' : '✅ within']);
    return { title: 'Budgets', columns: ['resource', runs.length > 1 ? 'used (largest run)' : 'used', 'allowed', 'status'], rows };
}
function train_check_metricsTable(metrics, expectations) {
    const names = Object.keys(metrics);
    const expected = new Map(expectations.map((e) => [e.metric, e]));
    for (const e of expectations)
        if (!(e.metric in metrics))
            names.push(e.metric);
    if (names.length === 0)
        return undefined;
    const rows = names.slice(0, 200).map((name) => {
        const e = expected.get(name);
        const value = metrics[name];
        const rule = e ? (e.op ? `${e.op} ${fmt(e.value)}` : 'present') : '';
        const ok = value === undefined ? '❌ missing' : e?.op && e.value !== undefined ? (compare(value, e.op, e.value) ? '✅' : '❌') : e ? '✅' : '';
        return [name, value === undefined ? null : fmt(value, 6), rule, ok];
    });
    return { title: 'Metrics', columns: ['metric', 'value', 'expected', ''], rows, note: names.length > 200 ? `${names.length - 200} more in the JSON report.` : undefined };
}
function reproducibilityTable(runs, options) {
    const primary = runs.filter((r) => r.seed === options.seeds[0]);
    const [a, b] = [primary[0], primary[1]];
    const rows = [];
    for (const name of new Set([...Object.keys(a.metrics), ...Object.keys(b.metrics)])) {
        const x = a.metrics[name];
        const y = b.metrics[name];
        const same = x !== undefined && y !== undefined && withinTolerance(x, y, options.repeatTolerance);
        rows.push([`metric ${name}`, x === undefined ? null : fmt(x, 10), y === undefined ? null : fmt(y, 10), same ? '✅ same' : '❌ differs']);
    }
    for (const name of new Set([...a.files.keys(), ...b.files.keys()])) {
        const x = a.files.get(name);
        const y = b.files.get(name);
        rows.push([`file ${name}`, x ? x.slice(0, 12) : null, y ? y.slice(0, 12) : null, x === y ? '✅ same' : '❌ differs']);
    }
    return {
        title: 'Reproducibility',
        columns: ['item', 'run 1', 'run 2', ''],
        rows,
        note: `Two runs with MLOPS_SEED=${a.seed}: metrics equal within a relative tolerance of ${options.repeatTolerance}, files byte for byte (sha256).`,
    };
}
function varianceTable(variance) {
    return {
        title: 'Variance across seeds',
        columns: ['metric', 'mean', 'std', 'min', 'max', ...variance.seeds.map((s) => `seed ${s}`)],
        rows: Object.entries(variance.metrics).map(([name, s]) => [name, fmt(s.mean, 6), fmt(s.std, 4), fmt(s.min, 6), fmt(s.max, 6), ...s.values.map((v) => fmt(v, 6))]),
        note: 'std is the sample standard deviation over seeds: the noise of training itself. Give the variance file to evaluate-metrics-gate as training-noise.',
    };
}
function headline(verdict, runs, findings, seconds, memoryMb, loss, cancelled) {
    if (cancelled)
        return 'Cancelled: the training command was stopped with its child processes.';
    const what = `${runs.length} run${runs.length === 1 ? '' : 's'} in ${round(seconds)} s, peak memory ${round(memoryMb)} MiB`;
    const lossText = loss ? `; ${loss.metric} ${fmt(loss.start)} → ${fmt(loss.end)}` : '';
    if (verdict === 'pass')
        return `Training ran and passed every check: ${what}${lossText}.`;
    const first = findings.kept.find((f) => f.severity === 'error');
    return `${findings.counts.error} check${findings.counts.error === 1 ? '' : 's'} failed${first ? ` (first: ${first.rule})` : ''}: ${what}${lossText}.`;
}
function mib(bytes) {
    return Math.round(bytes / MiB);
}
function round(x) {
    return Number(x.toFixed(x >= 100 ? 0 : 2));
}
function fmt(x, digits = 4) {
    if (!Number.isFinite(x))
        return String(x);
    return String(Number(x.toPrecision(digits)));
}

;// CONCATENATED MODULE: ./src/actions/train-check.ts









const optionalNumber = (name, what, integer = false) => (0,platform_inputs/* numberInput */.QR)(name, { min: Number.MIN_VALUE, max: Number.MAX_SAFE_INTEGER, integer, what }).optional();
const trainCheckInputs = schemas/* object */.Ikc({
    command: schemas/* string */.YjP().describe('The training command, e.g. `python train.py --epochs 5`. Run without a shell (quotes work, pipes and $VARS do not) unless shell is set.'),
    shell: (0,platform_inputs/* choiceInput */.ij)('shell', ['none', 'bash', 'sh']).prefault('none').describe('none: run the command directly; bash or sh: run it as a script of that shell (bash with -eo pipefail).'),
    'working-directory': schemas/* string */.YjP().prefault('.').describe('Folder to run the command in, relative to the workspace; the paths below are relative to it.'),
    env: schemas/* string */.YjP().optional().describe('Extra environment variables, one KEY=VALUE per line.'),
    'timeout-minutes': optionalNumber('timeout-minutes', 'a positive number of minutes').describe('Stop the command and its child processes after this long (each run).'),
    smoke: (0,platform_inputs/* choiceInput */.ij)('smoke', ['auto', 'true', 'false'])
        .prefault('auto')
        .describe('Smoke mode (MLOPS_SMOKE=1, a sample of the data, few steps): auto turns it on for pull-request events.'),
    'sample-fraction': (0,platform_inputs/* numberInput */.QR)('sample-fraction', { min: Number.MIN_VALUE, max: 1, integer: false, what: 'a fraction above 0 and at most 1' })
        .prefault('0.1')
        .describe('MLOPS_SAMPLE_FRACTION in smoke mode (1 in a full run).'),
    'max-steps': (0,platform_inputs/* numberInput */.QR)('max-steps', { min: 1, max: Number.MAX_SAFE_INTEGER, integer: true, what: 'a positive whole number' })
        .prefault('100')
        .describe('MLOPS_MAX_STEPS in smoke mode (not set in a full run).'),
    seed: (0,platform_inputs/* numberInput */.QR)('seed', { min: 0, max: 2 ** 32 - 1, integer: true, what: 'a whole number from 0 to 4294967295' }).prefault('0').describe('MLOPS_SEED of the run.'),
    seeds: schemas/* string */.YjP().optional().describe('Several seeds, e.g. `1,2,3`: one run each, and the mean ± std of every metric (the variance file). The first is the main run.'),
    repeat: (0,platform_inputs/* numberInput */.QR)('repeat', { min: 1, max: 10, integer: true, what: 'a whole number from 1 to 10' })
        .prefault('1')
        .describe('Runs with the same seed: 2 or more checks that metrics and output files come out the same.'),
    'repeat-tolerance': (0,platform_inputs/* numberInput */.QR)('repeat-tolerance', { min: 0, max: 1, integer: false, what: 'a number from 0 to 1' })
        .prefault('1e-9')
        .describe('Relative difference allowed between the metrics of repeated runs.'),
    'output-dir': schemas/* string */.YjP().prefault('train-output').describe('MLOPS_OUTPUT_DIR: where the command writes its model, metrics.json and steps.jsonl.'),
    'metrics-file': schemas/* string */.YjP().optional().describe('Metrics the command writes (JSON or YAML, nested keys joined with dots; DVC-style). Default: metrics.json in output-dir, when written.'),
    'step-log': schemas/* string */.YjP().optional().describe('Per-step log, one JSON object per line such as {"step": 10, "loss": 0.41}. Default: steps.jsonl in output-dir, when written.'),
    'loss-regex': schemas/* string */.YjP().optional().describe('Or read per-step values from stdout with a regex of named groups, e.g. `step (?<step>\\d+) loss=(?<loss>\\S+)`.'),
    'loss-metric': schemas/* string */.YjP().prefault('loss').describe('The logged series that must fall.'),
    'min-loss-decrease': (0,platform_inputs/* numberInput */.QR)('min-loss-decrease', { min: 0, max: 1, integer: false, what: 'a fraction from 0 to 1' })
        .prefault('0.01')
        .describe('The loss must fall by at least this fraction from the start to the end of the run.'),
    'loss-window': (0,platform_inputs/* numberInput */.QR)('loss-window', { min: 1, max: Number.MAX_SAFE_INTEGER, integer: true, what: 'a positive whole number' })
        .prefault('5')
        .describe('Steps averaged at each end of the loss curve (at most half of the steps).'),
    'max-duration-minutes': optionalNumber('max-duration-minutes', 'a positive number of minutes').describe('Budget: wall time of a run.'),
    'max-memory-mb': optionalNumber('max-memory-mb', 'a positive number of MiB').describe('Budget: peak memory of the process tree; the command is stopped when it goes over.'),
    outputs: schemas/* string */.YjP().optional().describe('Files or folders (or globs) the command must write, one per line; each must exist and not be empty.'),
    'expect-metrics': schemas/* string */.YjP().optional().describe('Metrics that must be reported, one per line, with optional bounds: `accuracy >= 0.8`, `loss < 0.5`, `f1`.'),
    'variance-path': schemas/* string */.YjP().prefault('mlops-reports/train-variance.json').describe('Where to write the variance across seeds (with seeds), relative to the workspace.'),
    'cache-paths': schemas/* string */.YjP().optional().describe('Paths to restore from the Actions cache before the run and save after a passing one (datasets, pip or model caches), one per line.'),
    'cache-key': schemas/* string */.YjP().optional().describe('The cache key, e.g. `data-v1-<hash of the data files>`.'),
    'cache-restore-keys': schemas/* string */.YjP().optional().describe('Prefixes to fall back on when the key has no entry, one per line.'),
    ...reportingInputs('train-check'),
});
const trainCheckAction = {
    name: 'train-check',
    inputs: trainCheckInputs,
    cancellable: true,
    async run(inputs, context) {
        const { workspace, logger } = context;
        const startedAt = new Date();
        const cwd = workspace.resolve(inputs['working-directory']);
        const cwdInfo = await (0,promises_.stat)(cwd).catch(() => undefined);
        if (!cwdInfo?.isDirectory()) {
            throw new errors/* ConfigurationError */.j1(`input working-directory: ${inputs['working-directory']} is not a folder in the workspace`, { hint: 'Give a path relative to the repository root, e.g. `training`.' });
        }
        const argv = commandArgv(inputs.command, inputs.shell);
        const env = { ...(context.commandEnv ?? {}), ...(inputs.env ? parseEnvLines(inputs.env, 'env') : {}) };
        if (inputs['loss-regex'])
            new StdoutMetricMatcher(inputs['loss-regex'], 'loss-regex'); // compiles, or a clear error before anything runs
        const expectations = inputs['expect-metrics'] ? parseMetricExpectations(inputs['expect-metrics'], 'expect-metrics') : [];
        const seeds = inputs.seeds ? parseSeeds(inputs.seeds) : [inputs.seed];
        const smoke = inputs.smoke === 'auto' ? isPullRequestEvent(context.run.eventName) : inputs.smoke === 'true';
        const inCwd = (p) => external_node_path_default().resolve(cwd, p);
        const outputDirPath = inCwd(inputs['output-dir']);
        const produced = (given, fallback) => {
            const absolute = given ? inCwd(given) : external_node_path_default().join(outputDirPath, fallback);
            return { path: absolute, display: workspace.display(absolute), explicit: given !== undefined };
        };
        const cachePaths = inputs['cache-paths'] ? (0,platform_inputs/* splitLines */.uz)(inputs['cache-paths']) : [];
        const cacheKey = inputs['cache-key']?.trim();
        if ((cachePaths.length > 0) !== Boolean(cacheKey)) {
            throw new errors/* ConfigurationError */.j1(cacheKey ? 'input cache-key is set but cache-paths is empty' : 'input cache-paths is set but cache-key is empty', {
                hint: 'Set both: cache-paths (what to keep) and cache-key (when it is still valid), e.g. cache-key: data-${{ hashFiles(\'data/**\') }}.',
            });
        }
        if (cacheKey && (cacheKey.includes(',') || cacheKey.length > 512)) {
            throw new errors/* ConfigurationError */.j1('input cache-key: a cache key may not contain commas or be longer than 512 characters', { hint: 'Use dashes to join its parts.' });
        }
        let cacheHit;
        if (cacheKey && context.cache) {
            cacheHit = await context.cache.restore(cachePaths, cacheKey, inputs['cache-restore-keys'] ? (0,platform_inputs/* splitLines */.uz)(inputs['cache-restore-keys']) : []);
            logger.info(cacheHit ? `Restored the cache ${cacheHit}.` : `No cache entry for ${cacheKey}.`);
        }
        else if (cacheKey) {
            logger.info('No Actions cache here (it needs a workflow run): cache-paths are left as they are.');
        }
        const { report, details, variance } = await runTrainCheck({
            argv,
            commandText: inputs.command,
            cwd,
            env,
            smoke: { smoke, sampleFraction: inputs['sample-fraction'], maxSteps: inputs['max-steps'] },
            seeds,
            repeat: inputs.repeat,
            repeatTolerance: inputs['repeat-tolerance'],
            outputDir: { path: outputDirPath, display: workspace.display(outputDirPath), explicit: true },
            metricsFile: produced(inputs['metrics-file'], 'metrics.json'),
            stepLog: produced(inputs['step-log'], 'steps.jsonl'),
            lossRegex: inputs['loss-regex'],
            lossMetric: inputs['loss-metric'],
            minLossDecrease: inputs['min-loss-decrease'],
            lossWindow: inputs['loss-window'],
            timeoutMs: inputs['timeout-minutes'] === undefined ? undefined : inputs['timeout-minutes'] * 60_000,
            maxDurationMs: inputs['max-duration-minutes'] === undefined ? undefined : inputs['max-duration-minutes'] * 60_000,
            maxMemoryBytes: inputs['max-memory-mb'] === undefined ? undefined : inputs['max-memory-mb'] * 1024 * 1024,
            outputs: inputs.outputs ? (0,platform_inputs/* splitLines */.uz)(inputs.outputs) : [],
            expandOutput: async (pattern) => {
                const relativeToWorkspace = external_node_path_default().relative(workspace.root, inCwd(pattern)) || '.';
                try {
                    return (await workspace.expand(relativeToWorkspace, 'outputs')).map((f) => f.path);
                }
                catch (error) {
                    // A folder is a fine output; expand() lists files only.
                    const info = await (0,promises_.stat)(inCwd(pattern)).catch(() => undefined);
                    if (info?.isDirectory())
                        return [inCwd(pattern)];
                    if (error instanceof errors/* ConfigurationError */.j1)
                        return [];
                    throw error;
                }
            },
            display: (absolute) => workspace.display(absolute),
            expectations,
            expectationsInput: 'expect-metrics',
            logger,
            signal: context.signal,
            startedAt,
        });
        const outputs = {
            metrics: JSON.stringify(details.metrics),
            'duration-seconds': String(Number(details.durationSeconds.toFixed(3))),
            'peak-memory-mb': String(Number(details.peakMemoryMb.toFixed(1))),
            'cpu-seconds': String(Number(details.cpuSeconds.toFixed(3))),
            smoke: String(smoke),
            'cache-hit': String(cacheHit !== undefined && cacheHit === cacheKey),
        };
        const metricsFile = produced(inputs['metrics-file'], 'metrics.json');
        if (await (0,promises_.stat)(metricsFile.path).then((s) => s.isFile(), () => false))
            outputs['metrics-path'] = metricsFile.display;
        if (variance) {
            const variancePath = workspace.resolve(inputs['variance-path']);
            await (0,platform_files/* writeFileAtomic */.Z)(variancePath, `${JSON.stringify(variance, null, 2)}\n`);
            outputs['variance-path'] = workspace.display(variancePath);
            logger.info(`Wrote the variance across seeds to ${outputs['variance-path']}.`);
        }
        if (cacheKey && context.cache && report.verdict === 'pass' && cacheHit !== cacheKey) {
            const saved = await context.cache.save(cachePaths, cacheKey);
            logger.info(saved ? `Saved ${cachePaths.join(', ')} to the cache as ${cacheKey}.` : `The cache ${cacheKey} was not saved (another job may be saving it).`);
        }
        return { report, outputs };
    },
};
/** argv of the command: split like a shell would, without one; or the shell given. */
function commandArgv(command, shell) {
    if (command.trim() === '')
        throw new errors/* ConfigurationError */.j1('input command is empty', { hint: 'Give the training command, e.g. `python train.py`.' });
    if (shell === 'bash')
        return ['bash', '--noprofile', '--norc', '-eo', 'pipefail', '-c', command];
    if (shell === 'sh')
        return ['sh', '-e', '-c', command];
    return splitCommandLine(command);
}
function parseSeeds(text) {
    const seeds = (0,platform_inputs/* splitList */.ry)(text).map((s) => {
        const n = Number(s);
        if (!Number.isInteger(n) || n < 0 || n > 2 ** 32 - 1) {
            throw new errors/* ConfigurationError */.j1(`input seeds: ${JSON.stringify(s)} is not a whole number from 0 to 4294967295`, { hint: 'List seeds with commas, e.g. `1,2,3`.' });
        }
        return n;
    });
    if (new Set(seeds).size !== seeds.length)
        throw new errors/* ConfigurationError */.j1('input seeds: a seed is listed twice', { hint: 'List each seed once; use repeat to run one seed again.' });
    if (seeds.length === 0)
        throw new errors/* ConfigurationError */.j1('input seeds is empty', { hint: 'List seeds with commas, e.g. `1,2,3`.' });
    return seeds;
}
function isPullRequestEvent(eventName) {
    return eventName === 'pull_request' || eventName === 'pull_request_target' || eventName === 'merge_group';
}

// EXTERNAL MODULE: ./src/data/profile.ts + 1 modules
var data_profile = __webpack_require__(5359);
;// CONCATENATED MODULE: ./src/data/profile-file.ts



function toProfileFile(scan, schema) {
    return { format: data_profile/* PROFILE_FORMAT */.fJ, version: data_profile/* PROFILE_VERSION */.PL, schema, ...scan };
}
function isProfilePath(path) {
    return /\.json$/i.test(path);
}
async function readProfileFile(path, displayName) {
    let text;
    try {
        text = await (0,promises_.readFile)(path, 'utf8');
    }
    catch {
        throw new errors/* ConfigurationError */.j1('profile not found', { file: displayName, hint: 'Check the path, or the step that should have downloaded it.' });
    }
    let value;
    try {
        value = JSON.parse(text);
    }
    catch (error) {
        throw new errors/* ConfigurationError */.j1(`not valid JSON: ${error.message}`, { file: displayName, line: 1, hint: 'A saved profile is the JSON file validate-data writes at profile-path.' });
    }
    const v = value;
    if (!v || typeof v !== 'object' || v.format !== data_profile/* PROFILE_FORMAT */.fJ) {
        throw new errors/* ConfigurationError */.j1('not a validate-data profile', { file: displayName, line: 1, hint: `A saved profile has "format": "${data_profile/* PROFILE_FORMAT */.fJ}"; write one with mode: profile or take profile-path from an earlier run.` });
    }
    if (v.version !== data_profile/* PROFILE_VERSION */.PL) {
        throw new errors/* ConfigurationError */.j1(`profile version ${String(v.version)} is not supported (this version reads ${data_profile/* PROFILE_VERSION */.PL})`, { file: displayName, line: 1, hint: 'Write the profile again with this version of validate-data.' });
    }
    if (!v.profile || !Array.isArray(v.checks)) {
        throw new errors/* ConfigurationError */.j1('the profile is incomplete (no profile or checks)', { file: displayName, line: 1, hint: 'Write the profile again with mode: profile.' });
    }
    return v;
}

// EXTERNAL MODULE: ./src/data/scan.ts + 1 modules
var scan = __webpack_require__(3011);
// EXTERNAL MODULE: ./src/data/scan-worker.ts
var scan_worker = __webpack_require__(4394);
// EXTERNAL MODULE: ./src/data/schema.ts
var data_schema = __webpack_require__(3625);
// EXTERNAL MODULE: ./src/data/drift.ts
var data_drift = __webpack_require__(7987);
// EXTERNAL MODULE: ./src/data/readers/csv-split.ts
var csv_split = __webpack_require__(1418);
;// CONCATENATED MODULE: ./src/data/validate.ts










/** Scans the data (and the reference, in parallel), then judges: checks, profile, drift. */
async function validateDataset(options) {
    const now = options.now ?? (() => new Date());
    const startedAt = now();
    const logger = options.logger ?? platform_logger/* silentLogger */.q;
    const base = { schema: options.schema, schemaFile: options.schemaFile, findingLimit: options.findingLimit };
    const dataOptions = { ...base, schemaLineOf: options.schemaLineOf, files: options.files, read: options.read, logger, missingColumns: 'error', checkRules: true };
    const reference = options.reference;
    const referenceOptions = reference?.kind === 'data'
        ? { ...base, files: reference.files, read: reference.read ?? options.read, logger, missingColumns: 'tolerate', checkRules: false, findingLimit: 1, profile: 'drift' }
        : undefined;
    const helper = options.helper;
    const control = helper && splittable(options.files, options.read) ? new csv_split/* SplitControl */.O_() : undefined;
    const pairsDir = control && (0,external_node_fs_.mkdtempSync)(external_node_path_default().join(external_node_os_default().tmpdir(), 'mlops-split-'));
    const tail = control ? { options: dataOptions, shared: control.shared, pairsDir: pairsDir } : undefined;
    const run = helper && (referenceOptions || tail) ? helper({ reference: referenceOptions, tail }) : undefined;
    let state;
    let referenceState;
    try {
        const split = control && run?.tail ? { control, tail: () => run.tail.then((t) => t ?? Promise.reject(new Error('the helper took no part of the file'))) } : undefined;
        const dataScan = (0,scan/* scanDataset */.yu)({ ...dataOptions, split });
        const referenceScan = referenceOptions && (run?.reference ?? (0,scan/* scanDataset */.yu)(referenceOptions));
        [state, referenceState] = await Promise.all([dataScan, referenceScan]);
    }
    finally {
        await run?.stop();
        if (pairsDir)
            (0,external_node_fs_.rmSync)(pairsDir, { recursive: true, force: true });
    }
    const referenceProfile = reference?.kind === 'profile' ? reference.profile : referenceState ? data_profile/* DatasetProfile */.y6.fromJSON(referenceState.profile) : undefined;
    const extra = [];
    if (referenceState) {
        for (const m of referenceState.missingColumns) {
            extra.push({ severity: 'warning', rule: 'reference.missing_column', subject: m.name, file: m.file, message: `the reference has no column "${m.name}": it is not compared` });
        }
    }
    return judgeScan(state, { ...options, startedAt, now, reference: referenceProfile && reference ? { profile: referenceProfile, name: reference.name } : undefined, extraFindings: extra });
}
/** One plain (not compressed) CSV file, big enough that a second reader is worth its start. */
function splittable(files, read) {
    if (files.length !== 1)
        return false;
    const detected = (0,readers/* detectFormat */.T)(files[0].displayName, read?.format);
    if (detected.format !== 'csv' || detected.gzip)
        return false;
    try {
        return (0,external_node_fs_.statSync)(files[0].path).size >= csv_split/* SPLIT_MIN_BYTES */.kd;
    }
    catch {
        return false; // the reader says what is wrong with it
    }
}
/** The verdict and report from a scan (one pass, or merged shards) and an optional reference. */
function judgeScan(state, options) {
    const { schema } = options;
    const findings = new platform_report/* FindingCollector */.xe(options.findingLimit);
    // Columns are scanned one at a time per batch; a person reads findings in file and line order.
    const fileOrder = new Map(state.profile.files.map((f, i) => [f.file, i]));
    const rowFindings = [...state.findings].sort((a, b) => (fileOrder.get(a.file ?? '') ?? 0) - (fileOrder.get(b.file ?? '') ?? 0) || (a.line ?? 0) - (b.line ?? 0));
    for (const f of rowFindings)
        findings.add(f);
    // Findings counted in the scan but not kept (past the limit) still count.
    for (const k of ['error', 'warning', 'notice'])
        findings.counts[k] = state.findingCounts[k];
    const profile = data_profile/* DatasetProfile */.y6.fromJSON(state.profile);
    const datasetChecks = [];
    const addDataset = (f) => {
        findings.add(f);
        // Dataset-level findings go before row findings in the list a person reads first.
        findings.kept.unshift(findings.kept.pop());
    };
    if (schema.unknown_columns !== 'ignore') {
        const check = { column: '(dataset)', rule: 'unknown_columns', failures: 0 };
        for (const u of state.unknownColumns) {
            check.failures++;
            check.first ??= { file: u.file, line: u.line, value: u.name };
            addDataset({ severity: schema.unknown_columns === 'error' ? 'error' : 'warning', rule: 'unknown_columns', message: `column "${u.name}" is not declared in the schema`, file: u.file, line: u.line, subject: u.name });
        }
        datasetChecks.push(check);
    }
    const checks = state.checks.map((c) => ({ ...c }));
    for (const check of checks.filter((c) => c.rule === 'max_null_fraction')) {
        const column = profile.columns.get(check.column);
        const total = column.count + column.nulls + column.invalid;
        const fraction = total === 0 ? 0 : column.nulls / total;
        const limit = schema.columns[check.column].max_null_fraction;
        check.failures = fraction > limit ? 1 : 0;
        if (check.failures) {
            addDataset({
                severity: 'error',
                rule: 'max_null_fraction',
                message: `${check.column}: ${formatPercent(fraction)} of values are null, more than the allowed ${formatPercent(limit)}`,
                subject: check.column,
                file: options.schemaFile,
                line: options.schemaLineOf?.(['columns', check.column, 'max_null_fraction']),
                value: `${column.nulls} of ${total}`,
            });
        }
    }
    if (schema.rows) {
        const { min, max } = schema.rows;
        if (min !== undefined) {
            const bad = profile.rows < min;
            datasetChecks.push({ column: '(dataset)', rule: 'rows.min', failures: bad ? 1 : 0 });
            if (bad)
                addDataset({ severity: 'error', rule: 'rows.min', message: `the dataset has ${formatCount(profile.rows)} rows, fewer than the minimum ${formatCount(min)}`, file: options.schemaFile, line: options.schemaLineOf?.(['rows', 'min']) });
        }
        if (max !== undefined) {
            const bad = profile.rows > max;
            datasetChecks.push({ column: '(dataset)', rule: 'rows.max', failures: bad ? 1 : 0 });
            if (bad)
                addDataset({ severity: 'error', rule: 'rows.max', message: `the dataset has ${formatCount(profile.rows)} rows, more than the maximum ${formatCount(max)}`, file: options.schemaFile, line: options.schemaLineOf?.(['rows', 'max']) });
        }
    }
    for (const f of options.extraFindings ?? [])
        findings.add(f);
    const allChecks = [...datasetChecks, ...checks];
    const failed = allChecks.filter((c) => c.failures > 0).sort((a, b) => b.failures - a.failures || a.column.localeCompare(b.column));
    const violations = failed.reduce((sum, c) => sum + c.failures, 0);
    const summaries = [...profile.columns.values()].map((c) => c.describe());
    const tables = [];
    const charts = [];
    let drift;
    if (options.reference) {
        drift = (0,data_drift/* computeDrift */.f1)(schema, profile, options.reference.profile);
        const parts = (0,data_drift/* driftReportParts */.MX)(drift, (0,data_drift/* resolveDriftConfig */.i8)(schema).column_severity, options.reference.name);
        for (const f of parts.findings)
            findings.add(f);
        tables.push(...parts.tables);
        charts.push(...parts.charts);
    }
    if (failed.length > 0) {
        tables.unshift({
            title: 'Failed checks',
            columns: ['column', 'rule', 'violations', 'first at', 'first value'],
            rows: failed.map((c) => [c.column, c.rule, c.failures, c.first ? `${c.first.file}:${c.first.line}` : '', c.first?.value ?? '']),
        });
        // A chart of current vs reference for each failed column that was compared and not charted yet.
        const failedColumns = new Set(failed.map((c) => c.column));
        for (const c of drift?.columns ?? [])
            if (failedColumns.has(c.column) && !c.drifted && charts.length < 12)
                charts.push((0,data_drift/* driftChart */.YZ)(c));
    }
    tables.push(profileTable(summaries));
    tables.push({ title: 'Files', columns: ['file', 'rows'], rows: profile.files.map((f) => [f.file, f.rows]) });
    const verdict = findings.counts.error > 0 ? 'fail' : 'pass';
    const fileWord = profile.files.length === 1 ? '1 file' : `${profile.files.length} files`;
    const warnings = findings.counts.warning;
    const driftText = drift ? ` ${drift.drifted} of ${drift.compared} columns drifted from ${options.reference.name}${drift.datasetDrift ? ' (dataset drift)' : ''}.` : '';
    const headline = failed.length === 0
        ? `${formatCount(profile.rows)} rows in ${fileWord}: all ${allChecks.length} checks passed.${driftText}${warnings && !drift ? ` ${warnings} warning${warnings === 1 ? '' : 's'}.` : ''}`
        : `${formatCount(profile.rows)} rows in ${fileWord}: ${failed.length} of ${allChecks.length} checks failed, ${formatCount(violations)} violation${violations === 1 ? '' : 's'}.${driftText}`;
    const details = {
        files: profile.files,
        rows: profile.rows,
        columns: Object.keys(schema.columns),
        checks: allChecks,
        failedChecks: failed.length,
        violations,
        schema: options.schemaFile,
        profile: summaries,
        drift: drift
            ? { ...drift, columns: drift.columns.map(({ shape: _shape, ...rest }) => rest), reference: options.reference.name }
            : undefined,
    };
    const report = (0,platform_report/* buildReport */.FK)({ action: 'validate-data', title: 'Data validation', verdict, headline, startedAt: options.startedAt, findings, tables, charts, details: details }, options.now());
    return { report, scan: { ...state, checks }, drift };
}
function profileTable(summaries) {
    const fmt = (x, type) => (x === undefined ? null : type === 'timestamp' ? new Date(x).toISOString().slice(0, 10) : (0,data_drift/* formatNumber */.ZV)(x));
    return {
        title: 'Profile',
        columns: ['column', 'type', 'count', 'nulls', 'distinct', 'min', 'p50', 'max', 'mean', 'std', 'top values'],
        rows: summaries.map((s) => [
            s.name,
            s.type,
            s.count,
            s.nulls,
            `${s.distinctError > 0 ? '≈' : ''}${s.distinct.toLocaleString('en-US')}`,
            fmt(s.min, s.type),
            fmt(s.quantiles?.p50, s.type),
            fmt(s.max, s.type),
            s.type === 'timestamp' ? null : fmt(s.mean, s.type),
            s.type === 'timestamp' ? null : fmt(s.std, s.type),
            s.top
                .slice(0, 3)
                .map((t) => `${String(t.value).slice(0, 20)} (${t.count.toLocaleString('en-US')})`)
                .join(', '),
        ]),
        note: 'Distinct counts marked ≈ come from a HyperLogLog sketch; quantiles from a KLL sketch once a column has more values than it keeps exactly. Their error bounds are in the JSON report.',
    };
}
function formatCount(n) {
    return n.toLocaleString('en-US');
}
function formatPercent(fraction) {
    return `${(fraction * 100).toFixed(fraction < 0.01 ? 2 : 1)}%`;
}

;// CONCATENATED MODULE: ./src/actions/validate-data.ts












const validateDataInputs = schemas/* object */.Ikc({
    data: schemas/* string */.YjP().optional().describe('Data file(s) to check: a path, a glob, or one per line (not needed with mode: merge).'),
    schema: schemas/* string */.YjP().describe('The data schema (YAML or JSON).'),
    reference: schemas/* string */.YjP().optional().describe('Reference to test drift against: data file(s), or a saved profile (.json).'),
    format: (0,platform_inputs/* choiceInput */.ij)('format', ['auto', 'csv', 'jsonl', 'parquet']).prefault('auto').describe('Data format; auto goes by the file extension.'),
    delimiter: schemas/* string */.YjP().optional().describe('CSV field delimiter, one character (\\t for tab); default a comma, a tab for .tsv files.'),
    quote: schemas/* string */.YjP().prefault('"').describe('CSV quote character.'),
    mode: (0,platform_inputs/* choiceInput */.ij)('mode', ['validate', 'profile', 'merge'])
        .prefault('validate')
        .describe('validate: check (and compare with the reference); profile: check one shard and save its mergeable profile; merge: combine shard profiles and judge.'),
    'profile-path': schemas/* string */.YjP().prefault('mlops-reports/validate-data.profile.json').describe('Where to write the mergeable profile of the data.'),
    'profile-artifact': schemas/* string */.YjP().prefault('validate-data-profile').describe('Artifact name prefix for shard profiles (mode: profile uploads <prefix>-<shard>; mode: merge downloads <prefix>-*).'),
    shard: schemas/* string */.YjP().optional().describe('This shard’s name in mode: profile (default: the job name).'),
    profiles: schemas/* string */.YjP().optional().describe('mode: merge: shard profile files (path, glob, one per line) instead of downloading the artifacts.'),
    'save-history': (0,platform_inputs/* booleanInput */.tE)('save-history').prefault('false').describe("Save this run's report to the Actions cache for later runs to compare with."),
    'compare-to': schemas/* string */.YjP().optional().describe('A branch whose newest saved report this run is compared with (e.g. main).'),
    ...reportingInputs('validate-data'),
});
const validateDataAction = {
    name: 'validate-data',
    inputs: validateDataInputs,
    async run(inputs, context) {
        const { workspace, logger } = context;
        const schemaPath = workspace.resolve(inputs.schema);
        const schemaName = workspace.display(schemaPath);
        const schema = await (0,config_file/* loadConfigFile */.H)(schemaPath, schemaName, data_schema/* dataSchemaSchema */.hI, 'data schema');
        const read = readOptions(inputs);
        const startedAt = new Date();
        const reference = inputs.reference ? await loadReference(inputs.reference, context, read) : undefined;
        let result;
        if (inputs.mode === 'merge') {
            const states = await loadShardProfiles(inputs, context);
            const merged = (0,scan/* mergeScanStates */.mU)(states, 1000);
            result = judgeScan(merged, {
                schema: schema.value,
                schemaFile: schemaName,
                schemaLineOf: schema.lineOf,
                startedAt,
                now: () => new Date(),
                reference: reference ? await referenceProfile(reference, schema.value, schemaName, read) : undefined,
            });
            result.report.headline = `Merged ${states.length} shard profile${states.length === 1 ? '' : 's'}: ${result.report.headline}`;
        }
        else {
            if (!inputs.data)
                throw new errors/* ConfigurationError */.j1('input data is required', { hint: `Set \`data\` to the file(s) to check (mode: ${inputs.mode}).` });
            const files = await workspace.expand(inputs.data, 'data');
            if (inputs.mode === 'profile') {
                const state = await (0,scan/* scanDataset */.yu)({ files, schema: schema.value, schemaFile: schemaName, read, missingColumns: 'error', checkRules: true });
                result = judgeScan(state, { schema: { ...schema.value, rows: undefined }, schemaFile: schemaName, schemaLineOf: schema.lineOf, startedAt, now: () => new Date() });
                result.report.headline = `Shard ${inputs.shard ?? ''} profiled: ${result.report.headline} Dataset-level checks and drift are judged by mode: merge.`.replace('Shard  ', 'Shard ');
            }
            else {
                // A second core (a worker thread) reads the reference while the data is read here, then shares the data.
                const helper = context.workerEntry ? (0,scan_worker.workerHelper)(context.workerEntry) : undefined;
                result = await validateDataset({ files, schema: schema.value, schemaFile: schemaName, schemaLineOf: schema.lineOf, read, reference, logger, helper });
            }
        }
        const profilePath = workspace.resolve(inputs['profile-path']);
        const profileFile = toProfileFile(result.scan, schemaName);
        await (0,platform_files/* writeFileAtomic */.Z)(profilePath, JSON.stringify(profileFile));
        if (inputs.mode === 'profile' && context.artifacts) {
            const name = `${inputs['profile-artifact']}-${inputs.shard || context.run.job || 'shard'}`;
            const uploaded = await context.artifacts.upload(name, [{ name: 'profile.json', content: JSON.stringify(profileFile) }]);
            logger.info(`Uploaded the shard profile as artifact ${uploaded.name} (id ${uploaded.id}).`);
        }
        const { report } = result;
        if (inputs['compare-to'] && context.restoreHistory) {
            const previous = await context.restoreHistory(inputs['compare-to']);
            addComparison(report, inputs['compare-to'], previous?.report);
        }
        const details = report.details;
        return {
            report,
            outputs: {
                'failed-checks': String(details.failedChecks),
                'drifted-columns': JSON.stringify((result.drift?.columns ?? []).filter((c) => c.drifted).map((c) => c.column)),
                'drift-share': result.drift ? String(Number(result.drift.share.toFixed(6))) : '',
                'profile-path': inputs['profile-path'],
            },
        };
    },
};
function readOptions(inputs) {
    const delimiter = inputs.delimiter === '\\t' ? '\t' : inputs.delimiter;
    if (delimiter !== undefined && delimiter.length !== 1)
        throw new errors/* ConfigurationError */.j1(`input delimiter: ${JSON.stringify(inputs.delimiter)} is not one character`, { hint: 'Use e.g. "," or ";" or \\t for tab.' });
    if (inputs.quote.length !== 1)
        throw new errors/* ConfigurationError */.j1(`input quote: ${JSON.stringify(inputs.quote)} is not one character`, { hint: 'Use e.g. \'"\'.' });
    return { format: inputs.format === 'auto' ? undefined : inputs.format, delimiter, quote: inputs.quote };
}
async function loadReference(reference, context, read) {
    const { workspace } = context;
    if (isProfilePath(reference.trim())) {
        const file = workspace.resolve(reference.trim());
        const name = workspace.display(file);
        const profile = await readProfileFile(file, name);
        return { kind: 'profile', profile: data_profile/* DatasetProfile */.y6.fromJSON(profile.profile), name };
    }
    const files = await workspace.expand(reference, 'reference');
    return { kind: 'data', files, name: files.length === 1 ? files[0].displayName : `${files.length} reference files`, read };
}
async function referenceProfile(reference, schema, schemaFile, read) {
    if (reference.kind === 'profile')
        return { profile: reference.profile, name: reference.name };
    const state = await (0,scan/* scanDataset */.yu)({ files: reference.files, schema, schemaFile, read, missingColumns: 'tolerate', checkRules: false, findingLimit: 1, profile: 'drift' });
    return { profile: data_profile/* DatasetProfile */.y6.fromJSON(state.profile), name: reference.name };
}
async function loadShardProfiles(inputs, context) {
    const { workspace, logger } = context;
    let files;
    if (inputs.profiles) {
        files = await workspace.expand(inputs.profiles, 'profiles');
    }
    else if (context.artifacts) {
        const prefix = `${inputs['profile-artifact']}-`;
        const downloaded = await context.artifacts.downloadByPrefix(prefix);
        if (downloaded.length === 0) {
            throw new errors/* ConfigurationError */.j1(`no artifact named ${prefix}* in this run`, {
                hint: 'Run the shards with mode: profile (and the same profile-artifact) in a job this one `needs:`.',
            });
        }
        logger.info(`Downloaded ${downloaded.length} shard profiles: ${downloaded.map((d) => d.name).join(', ')}`);
        files = downloaded.map((d) => ({ path: `${d.path}/profile.json`, displayName: `${d.name}/profile.json` }));
    }
    else {
        throw new errors/* ConfigurationError */.j1('mode: merge needs shard profiles', { hint: 'Give them with `profiles` (files or a glob).' });
    }
    const states = [];
    for (const f of files)
        states.push(await readProfileFile(f.path, f.displayName));
    return states;
}
/** Adds a table of what changed since the branch's newest saved report: new and fixed failures. */
function addComparison(report, branch, previous) {
    if (!previous) {
        report.tables.push({ title: `Compared with ${branch}`, columns: ['check', 'change'], rows: [], note: `No saved report of ${branch} was found in the cache: nothing to compare with yet.` });
        return;
    }
    const failures = (r) => new Map((r.details.checks ?? []).filter((c) => c.failures > 0).map((c) => [`${c.column} / ${c.rule}`, c.failures]));
    const now = failures(report);
    const before = failures(previous);
    const rows = [];
    for (const [check, count] of now) {
        const was = before.get(check);
        if (was === undefined)
            rows.push([check, 'new failure', 0, count]);
        else if (was !== count)
            rows.push([check, count > was ? 'worse' : 'better', was, count]);
    }
    for (const [check, was] of before)
        if (!now.has(check))
            rows.push([check, 'fixed', was, 0]);
    const order = { 'new failure': 0, worse: 1, better: 2, fixed: 3 };
    rows.sort((a, b) => (order[String(a[1])] ?? 9) - (order[String(b[1])] ?? 9) || String(a[0]).localeCompare(String(b[0])));
    report.tables.push({
        title: `Compared with ${branch}`,
        columns: ['check', 'change', `violations on ${branch}`, 'violations now'],
        rows,
        note: rows.length === 0 ? `Same failed checks as the newest report of ${branch}.` : undefined,
    });
    report.details.comparedTo = { branch, verdict: previous.verdict, startedAt: previous.startedAt };
}

;// CONCATENATED MODULE: ./src/actions/index.ts






/** Every action, by name: the CLI's subcommands. */
const actions = {
    'validate-data': validateDataAction,
    'train-check': trainCheckAction,
    'evaluate-metrics-gate': evaluateMetricsGateAction,
    'package-model': packageModelAction,
    containerize: containerizeAction,
    'staged-deploy': stagedDeployAction,
};


/***/ }),

/***/ 1077:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   K_: () => (/* binding */ SERVE_PY_NAME),
/* harmony export */   cC: () => (/* binding */ SERVE_PY),
/* harmony export */   cf: () => (/* binding */ SERVE_ENV),
/* harmony export */   oc: () => (/* binding */ SERVE_HEALTHCHECK_ARG),
/* harmony export */   uJ: () => (/* binding */ SERVE_METRICS)
/* harmony export */ });
/* unused harmony exports SERVING_CONTRACT_VERSION, SERVE_CHECK_ARG, SERVE_DEFAULTS, DURATION_BUCKETS_SECONDS, PROBABILITY_BUCKETS, REGRESSION_BUCKETS */
/*
 * The serving runtime of a containerized model: one Python file, `mlops_serve.py`, placed in the
 * image beside the model package and run as `python3 mlops_serve.py`. It needs Python 3.9 or newer,
 * the standard library and the model's own requirements; it uses joblib, numpy, pandas and
 * onnxruntime when they are importable. Its docstring is the contract's reference; in short:
 *
 *   GET  /health                  {"status": "ok", "model", "version"}
 *   GET  /metadata                the package manifest, byte for byte
 *   POST /predict                 {"rows": [...]}, {"instances": [...]} or a list of rows
 *                                 -> {"predictions", "probabilities"?, "classes"?, "model", "version"}
 *   GET  /metrics                 Prometheus text format 0.0.4 (SERVE_METRICS)
 *   GET  /v2/health/live, /v2/health/ready, /v2/models/<name>[/ready]
 *   POST /v2/models/<name>/infer  Open Inference Protocol v2
 *
 * The Python lives here as a string so that the bundled action carries it; it holds no backtick
 * and no dollar-brace, which a template literal would end or interpolate.
 */
/** Raised when a change to the endpoints, the request and response bodies or the metrics breaks clients. */
const SERVING_CONTRACT_VERSION = 1;
const SERVE_PY_NAME = 'mlops_serve.py';
/** `python3 mlops_serve.py --check`: loads the model, predicts the packaged input example and compares it with the packaged output example; no port. */
const SERVE_CHECK_ARG = '--check';
/** `python3 mlops_serve.py --healthcheck`: GET /health of the running server, exit 0 or 1; for an image HEALTHCHECK without curl. */
const SERVE_HEALTHCHECK_ARG = '--healthcheck';
/** The environment the server reads, and the defaults it falls back to. */
const SERVE_ENV = {
    modelDir: 'MLOPS_MODEL_DIR',
    port: 'PORT',
    host: 'HOST',
    maxBodyBytes: 'MLOPS_MAX_BODY_BYTES',
    scoreBuckets: 'MLOPS_SCORE_BUCKETS',
};
const SERVE_DEFAULTS = {
    modelDir: '/opt/mlops/model',
    port: 8080,
    host: '0.0.0.0',
    maxBodyBytes: 10 * 1024 * 1024,
};
/** Metric names of GET /metrics, for the dashboards and canary comparisons that read them. */
const SERVE_METRICS = {
    /** counter {path, method, code}; path is the route (`/v2/models/{name}/infer`) or `other`. */
    requests: 'mlops_requests_total',
    /** counter {path}: responses with a status of 400 or more. */
    requestErrors: 'mlops_request_errors_total',
    /** histogram of every request, no labels; buckets DURATION_BUCKETS_SECONDS. */
    requestDuration: 'mlops_request_duration_seconds',
    /** histogram of the prediction routes only (/predict, v2 infer): what a canary's latency is judged on. */
    predictionDuration: 'mlops_prediction_duration_seconds',
    /** counter: rows predicted through /predict and v2 infer. */
    predictionRows: 'mlops_prediction_rows_total',
    /** counter {class}: predicted labels of a classifier. */
    predictions: 'mlops_predictions_total',
    /** histogram: positive-class probability (binary classifiers) or predicted value (regressors). */
    predictionScore: 'mlops_prediction_score',
    /** gauge {name, version}, always 1. */
    modelInfo: 'mlops_model_info',
};
const DURATION_BUCKETS_SECONDS = (/* unused pure expression or super */ null && ([0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]));
/** mlops_prediction_score of a binary classifier: the probability of the second of its classes. */
const PROBABILITY_BUCKETS = (/* unused pure expression or super */ null && ([0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1]));
/** mlops_prediction_score of a regressor, unless MLOPS_SCORE_BUCKETS gives others. */
const REGRESSION_BUCKETS = (/* unused pure expression or super */ null && ([-10000, -1000, -100, -10, -1, -0.1, 0, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000]));
const SERVE_PY = String.raw `#!/usr/bin/env python3
"""mlops_serve: the reference model server of an mlops-actions serving image.

Serving contract 1. Python 3.9 or newer, the standard library, and the model's own requirements
(scikit-learn, joblib, pandas, numpy, onnxruntime: each used when importable).

    python3 mlops_serve.py                 serve the model package in MLOPS_MODEL_DIR
    python3 mlops_serve.py --check         load the model, predict the packaged input example,
                                           compare with the packaged expected output; exit 0 or 1
    python3 mlops_serve.py --healthcheck   GET /health of the running server; exit 0 or 1

Environment:
    MLOPS_MODEL_DIR        the model package folder (model-manifest.json, model/, metadata/);
                           default /opt/mlops/model
    PORT                   default 8080
    HOST                   default 0.0.0.0
    MLOPS_MAX_BODY_BYTES   largest request body accepted; default 10485760 (10 MiB)
    MLOPS_SCORE_BUCKETS    upper bounds of the mlops_prediction_score buckets of a regressor,
                           comma separated, increasing; default REGRESSION_BUCKETS below

Endpoints:
    GET  /health                 {"status": "ok", "model": name, "version": version}
    GET  /metadata               the package manifest, as packaged
    POST /predict                {"rows": [{column: value, ...}, ...]}, {"instances": [...]}
                                 or a bare list of rows; a row is an object or a list of values
                                 in signature order (MLflow's "dataframe_records",
                                 "dataframe_split" and columnar {"inputs": {column: [...]}} too)
                                 -> {"predictions": [...], "probabilities": [[...], ...],
                                     "classes": [...], "model": name, "version": version}
    GET  /metrics                Prometheus text exposition format 0.0.4
    GET  /v2, /v2/health/live, /v2/health/ready
    GET  /v2/models/<name>[/versions/<version>][/ready]
    POST /v2/models/<name>[/versions/<version>]/infer
                                 Open Inference Protocol v2 (REST): one input per column
                                 (shape [n]) or one [n, k] tensor in signature order
                                 -> outputs "predict" [n] and, for classifiers with
                                    predict_proba, "predict_proba" [n, k] FP64

Errors are {"error": "..."}: 400 for a body that is not JSON or does not fit the signature,
404 for an unknown path or model, 405 for a method the path does not take, 411 for a POST
without Content-Length or chunked encoding, 413 for a body over MLOPS_MAX_BODY_BYTES, 500 when
the model itself fails.

Metrics (a scrape of /metrics does not count itself; the next one does):
    mlops_requests_total{path,method,code}    counter; path is the route, e.g. /v2/models/{name}/infer,
                                              or "other" for an unknown path
    mlops_request_errors_total{path}          counter of responses with a status of 400 or more
    mlops_request_duration_seconds            histogram of every request, from its headers being
                                              read to its response being ready
    mlops_prediction_duration_seconds         the same, of the prediction routes only (/predict and
                                              /v2/models/{name}/infer)
    mlops_prediction_rows_total               counter of rows predicted
    mlops_predictions_total{class}            counter of predicted labels (classifiers)
    mlops_prediction_score                    histogram of the probability of the positive class,
                                              the second of the model's classes (binary
                                              classifiers; buckets 0.1 ... 1.0), or of the
                                              predicted value (regressors; MLOPS_SCORE_BUCKETS)
    mlops_model_info{name,version}            gauge, always 1

A model that cannot be loaded ends the process with a message and exit status 1 before anything
listens. SIGTERM or SIGINT stop accepting requests, let those in flight finish (up to 8 s) and
exit 0.
"""

import json
import math
import os
import pickle
import re
import signal
import socketserver
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import unquote, urlsplit

CONTRACT_VERSION = 1
SERVER_NAME = "mlops-serve"
MANIFEST_FILE = "model-manifest.json"
DEFAULT_MODEL_DIR = "/opt/mlops/model"
DEFAULT_PORT = 8080
DEFAULT_HOST = "0.0.0.0"
DEFAULT_MAX_BODY_BYTES = 10 * 1024 * 1024
SHUTDOWN_GRACE_SECONDS = 8.0
IDLE_CONNECTION_SECONDS = 60

PREDICTION_ROUTES = ("/predict", "/v2/models/{name}/infer")
DURATION_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)
PROBABILITY_BUCKETS = tuple(round(0.1 * i, 1) for i in range(1, 11))
# Predicted values span many scales; 1-2.5-5 steps from 0.1 to 10000 and decades below zero.
REGRESSION_BUCKETS = (
    -10000.0, -1000.0, -100.0, -10.0, -1.0, -0.1, 0.0,
    0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 25.0, 50.0, 100.0, 250.0, 500.0,
    1000.0, 2500.0, 5000.0, 10000.0,
)
# Beyond this many distinct labels the rest are counted under one, to bound the series.
MAX_CLASS_LABELS = 1000
OTHER_CLASS_LABEL = "__other__"

V2_DATATYPES = {
    "integer": "INT64", "number": "FP64", "boolean": "BOOL", "string": "BYTES",
    "float16": "FP16", "float32": "FP32", "float64": "FP64", "float": "FP32", "double": "FP64",
    "int8": "INT8", "int16": "INT16", "int32": "INT32", "int64": "INT64",
    "uint8": "UINT8", "uint16": "UINT16", "uint32": "UINT32", "uint64": "UINT64",
    "bool": "BOOL", "str": "BYTES", "bytes": "BYTES",
}
ONNX_NUMPY_TYPES = {
    "tensor(float)": "float32", "tensor(double)": "float64", "tensor(float16)": "float16",
    "tensor(int64)": "int64", "tensor(int32)": "int32", "tensor(int16)": "int16", "tensor(int8)": "int8",
    "tensor(uint8)": "uint8", "tensor(uint16)": "uint16", "tensor(uint32)": "uint32", "tensor(uint64)": "uint64",
    "tensor(bool)": "bool", "tensor(string)": "object",
}

try:
    import numpy as np
except ImportError:
    np = None
try:
    import pandas as pd
except ImportError:
    pd = None


class StartupError(Exception):
    """The package or the environment does not allow serving: the process ends with the message."""


class RequestError(Exception):
    def __init__(self, status, message):
        super().__init__(message)
        self.status = status
        self.message = message


def log(message, stream=None):
    out = stream or sys.stdout
    with _log_lock:
        out.write(message + "\n")
        out.flush()


_log_lock = threading.Lock()


def short(text, limit=300):
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 3] + "..."


def describe_exception(error):
    return "%s: %s" % (type(error).__name__, short(error)) if str(error) else type(error).__name__


def jsonable(value):
    """Plain JSON values from numpy and pandas ones; NaN and infinities become null."""
    if value is None or isinstance(value, (bool, str)):
        return value
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, dict):
        return {str(jsonable(k)): jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [jsonable(v) for v in value]
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    if hasattr(value, "to_numpy") and not hasattr(value, "tolist"):
        return jsonable(value.to_numpy())
    if hasattr(value, "tolist"):
        converted = value.tolist()
        if converted is not value:
            return jsonable(converted)
    if hasattr(value, "item"):
        return jsonable(value.item())
    return str(value)


def json_bytes(value):
    return json.dumps(jsonable(value), allow_nan=False, separators=(",", ":")).encode("utf-8")


def is_number(value):
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def env_int(name, default, minimum):
    text = os.environ.get(name, "").strip()
    if not text:
        return default
    try:
        value = int(text)
    except ValueError:
        raise StartupError("%s=%r is not an integer" % (name, text))
    if value < minimum:
        raise StartupError("%s=%d is below %d" % (name, value, minimum))
    return value


def env_buckets(name, default):
    text = os.environ.get(name, "").strip()
    if not text:
        return default
    try:
        bounds = tuple(float(part) for part in text.split(",") if part.strip())
    except ValueError:
        raise StartupError("%s=%r is not a comma-separated list of numbers" % (name, text))
    if not bounds or any(not math.isfinite(b) for b in bounds) or any(a >= b for a, b in zip(bounds, bounds[1:])):
        raise StartupError("%s=%r: give finite, increasing bucket bounds, e.g. 0,10,100" % (name, text))
    return bounds


# ---------------------------------------------------------------------------------------------
# Signature columns


class Column:
    """One input column of the signature, and how a JSON value becomes the model's value."""

    def __init__(self, name, kind=None, nullable=False, dtype=None, shape=None):
        self.name = name
        self.kind = kind
        self.nullable = nullable
        self.dtype = dtype
        self.shape = shape

    def convert(self, value, row):
        if value is None:
            if self.nullable or self.kind is None:
                return None
            raise RequestError(400, 'row %d: column "%s" is null, and the signature does not allow missing values' % (row, self.name))
        kind = self.kind
        if kind == "integer":
            if is_number(value) and (isinstance(value, int) or (math.isfinite(value) and float(value).is_integer())):
                return int(value)
            raise RequestError(400, 'row %d: column "%s" takes an integer, not %s' % (row, self.name, shown(value)))
        if kind == "number":
            if is_number(value):
                return float(value)
            raise RequestError(400, 'row %d: column "%s" takes a number, not %s' % (row, self.name, shown(value)))
        if kind == "boolean":
            if isinstance(value, bool):
                return value
            raise RequestError(400, 'row %d: column "%s" takes true or false, not %s' % (row, self.name, shown(value)))
        if kind == "string":
            if isinstance(value, str):
                return value
            raise RequestError(400, 'row %d: column "%s" takes a string, not %s' % (row, self.name, shown(value)))
        return value

    def v2_datatype(self):
        if self.kind == "tensor":
            return V2_DATATYPES.get(str(self.dtype or "").lower(), "FP64")
        return V2_DATATYPES.get(self.kind or "", "BYTES")

    def v2_shape(self):
        if self.kind == "tensor":
            return [d if isinstance(d, int) and d >= 0 else -1 for d in (self.shape or [-1, -1])]
        return [-1]


def shown(value):
    text = json.dumps(jsonable(value))
    return text if len(text) <= 60 else text[:57] + "..."


def signature_columns(manifest):
    signature = manifest.get("signature")
    if not isinstance(signature, dict) or not isinstance(signature.get("inputs"), list):
        return None
    columns = []
    for field in signature["inputs"]:
        if isinstance(field, dict) and isinstance(field.get("name"), str):
            columns.append(Column(field["name"], field.get("type"), field.get("nullable") is True, field.get("dtype"), field.get("shape")))
    return columns or None


def is_single_tensor(columns):
    return columns is not None and len(columns) == 1 and columns[0].kind == "tensor"


# ---------------------------------------------------------------------------------------------
# Models


class SklearnModel:
    """Anything unpickled with a predict method: scikit-learn estimators and pipelines first."""

    def __init__(self, obj):
        if not callable(getattr(obj, "predict", None)):
            raise StartupError("the loaded object, a %s, has no predict method" % type(obj).__name__)
        self.obj = obj
        module = type(obj).__module__.split(".")[0]
        self.platform = "sklearn" if module == "sklearn" else module or "python"
        self.description = "%s.%s" % (type(obj).__module__, type(obj).__name__)
        classes = getattr(obj, "classes_", None)
        self.classes = jsonable(classes) if classes is not None else None
        if self.classes is not None and not isinstance(self.classes, list):
            self.classes = None
        self.has_proba = callable(getattr(obj, "predict_proba", None))
        estimator_type = getattr(obj, "_estimator_type", None)
        self.is_classifier = self.classes is not None or estimator_type == "classifier"
        names = getattr(obj, "feature_names_in_", None)
        self.feature_names = [str(n) for n in jsonable(names)] if names is not None else None

    def input_columns(self):
        return [Column(name) for name in self.feature_names] if self.feature_names else None

    def v2_inputs(self):
        return []

    def model_input(self, columns, matrix):
        if columns is None or is_single_tensor(columns):
            return np.asarray(matrix) if np is not None else matrix
        names = [c.name for c in columns]
        if pd is not None and self.feature_names is not None:
            frame = pd.DataFrame(matrix, columns=names)
            for column in columns:
                series = frame[column.name]
                if column.kind == "number":
                    frame[column.name] = series.astype("float64")
                elif column.kind == "integer" and not series.isna().any():
                    frame[column.name] = series.astype("int64")
                elif column.kind == "boolean" and not series.isna().any():
                    frame[column.name] = series.astype("bool")
            if set(self.feature_names) <= set(names):
                frame = frame[self.feature_names]
            return frame
        if np is not None:
            if all(c.kind in ("integer", "number", "boolean") for c in columns):
                return np.array([[math.nan if v is None else v for v in row] for row in matrix], dtype="float64")
            return np.array(matrix, dtype=object)
        return matrix

    def predict(self, columns, matrix):
        x = self.model_input(columns, matrix)
        predictions = self.obj.predict(x)
        probabilities = self.obj.predict_proba(x) if self.has_proba else None
        return jsonable(predictions), (jsonable(probabilities) if probabilities is not None else None), self.classes


class OnnxModel:
    platform = "onnxruntime_onnx"

    def __init__(self, path):
        import onnxruntime

        try:
            self.session = onnxruntime.InferenceSession(path, providers=["CPUExecutionProvider"])
        except TypeError:
            self.session = onnxruntime.InferenceSession(path)
        self.description = "ONNX graph"
        self.inputs = list(self.session.get_inputs())
        self.outputs = list(self.session.get_outputs())
        first = self.outputs[0].type if self.outputs else ""
        self.is_classifier = len(self.outputs) >= 2 or first in ("tensor(int64)", "tensor(int32)", "tensor(string)", "tensor(bool)")
        self.has_proba = len(self.outputs) >= 2
        self.classes = None
        self.feature_names = None

    def input_columns(self):
        if len(self.inputs) > 1:
            return [Column(i.name) for i in self.inputs]
        return None

    def v2_inputs(self):
        out = []
        for i in self.inputs:
            dtype = ONNX_NUMPY_TYPES.get(i.type, "")
            shape = [d if isinstance(d, int) and d >= 0 else -1 for d in (i.shape or [])]
            out.append({"name": i.name, "datatype": V2_DATATYPES.get(dtype, "BYTES" if dtype == "object" else "FP32"), "shape": shape})
        return out

    def tensor(self, spec, values, name):
        dtype = ONNX_NUMPY_TYPES.get(spec.type, "float32")
        try:
            array = np.array(values, dtype=dtype)
        except (TypeError, ValueError) as error:
            raise RequestError(400, 'the model input "%s" takes %s: %s' % (name, spec.type, short(error)))
        if array.ndim == 1:
            array = array.reshape(-1, 1)
        return array

    def predict(self, columns, matrix):
        if len(self.inputs) == 1:
            feed = {self.inputs[0].name: self.tensor(self.inputs[0], matrix, self.inputs[0].name)}
        else:
            names = [c.name for c in columns] if columns else []
            feed = {}
            for spec in self.inputs:
                if spec.name not in names:
                    raise RequestError(500, 'the ONNX model takes an input "%s", which is not a column of the signature (%s)' % (spec.name, ", ".join(names)))
                index = names.index(spec.name)
                feed[spec.name] = self.tensor(spec, [row[index] for row in matrix], spec.name)
        results = self.session.run(None, feed)
        predictions = flatten_column(results[0])
        probabilities, classes = None, None
        if len(results) >= 2:
            probabilities, classes = probability_matrix(results[1])
        return predictions, probabilities, classes


def flatten_column(value):
    if np is not None and isinstance(value, np.ndarray) and value.ndim == 2 and value.shape[1] == 1:
        value = value.reshape(-1)
    return jsonable(value)


def probability_matrix(value):
    """ONNX classifiers give probabilities as a [n, k] tensor or as one {label: p} map a row."""
    if isinstance(value, list) and value and isinstance(value[0], dict):
        classes = list(value[0].keys())
        return [[jsonable(row.get(c)) for c in classes] for row in value], jsonable(classes)
    return jsonable(value), None


def resolve_inside(model_dir, relative):
    if not isinstance(relative, str) or not relative or relative.startswith("/") or "\\" in relative:
        raise StartupError("the manifest names the model file %r, which is not a relative path in the package" % (relative,))
    root = os.path.realpath(model_dir)
    path = os.path.realpath(os.path.join(root, relative))
    if path != root and not path.startswith(root + os.sep):
        raise StartupError("the model file %s lies outside the package" % relative)
    return path


def onnxruntime_available():
    try:
        import onnxruntime  # noqa: F401
    except ImportError:
        return False
    return True


def choose_format(manifest):
    formats = manifest.get("formats")
    entries = [f for f in formats if isinstance(f, dict)] if isinstance(formats, list) else []
    for entry in entries:
        if entry.get("format") in ("pickle", "joblib"):
            return entry
        if entry.get("format") == "onnx" and onnxruntime_available():
            return entry
    listed = ", ".join("%s (%s)" % (e.get("path"), e.get("format")) for e in entries) or "nothing"
    hint = " (onnx needs the onnxruntime package)" if any(e.get("format") == "onnx" for e in entries) else ""
    raise StartupError("the manifest lists no model file this server can load: it serves pickle, joblib and onnx%s; the package has %s" % (hint, listed))


def load_model(model_dir, entry):
    relative = entry.get("path")
    fmt = entry.get("format")
    path = resolve_inside(model_dir, relative)
    if not os.path.isfile(path):
        raise StartupError("cannot load %s (%s): no such file in %s" % (relative, fmt, model_dir))
    try:
        if fmt == "onnx":
            return OnnxModel(path)
        try:
            import joblib
        except ImportError:
            joblib = None
        if joblib is not None:
            obj = joblib.load(path)
        else:
            with open(path, "rb") as f:
                obj = pickle.load(f)
    except StartupError:
        raise
    except ModuleNotFoundError as error:
        raise StartupError("cannot load %s (%s): %s; install the model's requirements in the image" % (relative, fmt, describe_exception(error)))
    except Exception as error:
        raise StartupError("cannot load %s (%s): %s" % (relative, fmt, describe_exception(error)))
    return SklearnModel(obj)


# ---------------------------------------------------------------------------------------------
# Request bodies


def rows_from_body(body):
    """The rows of a /predict body: a list of row objects or of value lists."""
    rows = body
    if isinstance(body, dict):
        for key in ("rows", "instances", "dataframe_records", "inputs"):
            if key in body:
                rows = body[key]
                if key == "inputs" and isinstance(rows, dict):
                    rows = rows_from_columns(rows)
                break
        else:
            if isinstance(body.get("dataframe_split"), dict):
                split = body["dataframe_split"]
                names, data = split.get("columns"), split.get("data")
                if not isinstance(names, list) or not isinstance(data, list):
                    raise RequestError(400, '"dataframe_split" needs "columns" and "data" lists')
                rows = [dict(zip(names, r)) if isinstance(r, list) else r for r in data]
            else:
                raise RequestError(400, 'send {"rows": [{column: value, ...}, ...]}, {"instances": [...]} or a list of rows')
    if not isinstance(rows, list):
        raise RequestError(400, "the rows must be a list, not %s" % json_type(rows))
    if not rows:
        raise RequestError(400, "there are no rows to predict")
    return rows


def rows_from_columns(columns):
    lengths = {len(v) if isinstance(v, list) else -1 for v in columns.values()}
    if len(lengths) != 1 or -1 in lengths:
        raise RequestError(400, "columnar inputs must be lists of one length")
    names = list(columns)
    return [{n: columns[n][i] for n in names} for i in range(lengths.pop())]


def json_type(value):
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if is_number(value):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "a list"
    return "an object"


def matrix_from_rows(rows, columns):
    """Rows in column order, each value converted as the signature says."""
    if is_single_tensor(columns):
        name = columns[0].name
        matrix = [r.get(name) if isinstance(r, dict) else r for r in rows]
        return check_rectangular(matrix)
    if columns is None:
        if all(isinstance(r, dict) for r in rows):
            columns = [Column(name) for name in rows[0]]
        else:
            return check_rectangular(rows)
    matrix = []
    names = [c.name for c in columns]
    for i, row in enumerate(rows):
        if isinstance(row, dict):
            values = []
            for column in columns:
                if column.name in row:
                    values.append(column.convert(row[column.name], i))
                elif column.nullable:
                    values.append(None)
                else:
                    raise RequestError(400, 'row %d has no column "%s" (the model takes %s)' % (i, column.name, ", ".join(names)))
            matrix.append(values)
        elif isinstance(row, list):
            if len(row) != len(columns):
                raise RequestError(400, "row %d has %d values; the model takes %d columns: %s" % (i, len(row), len(columns), ", ".join(names)))
            matrix.append([c.convert(v, i) for c, v in zip(columns, row)])
        else:
            raise RequestError(400, "row %d is %s, not an object of column values" % (i, json_type(row)))
    return columns, matrix


def check_rectangular(rows):
    if not all(isinstance(r, list) for r in rows):
        raise RequestError(400, "rows must all be objects of column values or all be lists of values")
    widths = {len(r) for r in rows}
    if len(widths) != 1:
        raise RequestError(400, "the rows have different lengths: %s" % ", ".join(str(w) for w in sorted(widths)))
    return None, rows


def flatten(data):
    out = []
    stack = [iter(data)]
    while stack:
        for item in stack[-1]:
            if isinstance(item, list):
                stack.append(iter(item))
                break
            out.append(item)
        else:
            stack.pop()
    return out


def rows_from_v2(body, columns):
    """Rows from an Open Inference Protocol request: one input a column, or one [n, k] tensor."""
    if not isinstance(body, dict) or not isinstance(body.get("inputs"), list) or not body["inputs"]:
        raise RequestError(400, 'send {"inputs": [{"name", "shape", "datatype", "data"}, ...]}')
    tensors = []
    for i, tensor in enumerate(body["inputs"]):
        if not isinstance(tensor, dict) or not isinstance(tensor.get("name"), str):
            raise RequestError(400, "input %d has no name" % i)
        name, shape, data = tensor["name"], tensor.get("shape"), tensor.get("data")
        if not isinstance(shape, list) or not shape or not all(isinstance(d, int) and not isinstance(d, bool) and d >= 0 for d in shape):
            raise RequestError(400, 'input "%s": the shape must be a list of sizes' % name)
        if not isinstance(data, list):
            raise RequestError(400, 'input "%s": the data must be a list' % name)
        flat = flatten(data)
        size = 1
        for d in shape:
            size *= d
        if size != len(flat):
            raise RequestError(400, 'input "%s": shape %s holds %d values, the data has %d' % (name, json.dumps(shape), size, len(flat)))
        tensors.append((name, shape, flat))

    names = [c.name for c in columns] if columns else []
    if columns and not is_single_tensor(columns) and all(name in names for name, _, _ in tensors):
        counts = set()
        for name, shape, _ in tensors:
            if len(shape) > 2 or (len(shape) == 2 and shape[1] != 1):
                raise RequestError(400, 'input "%s": a column input has shape [n] or [n, 1], not %s' % (name, json.dumps(shape)))
            counts.add(shape[0])
        if len(counts) != 1:
            raise RequestError(400, "the column inputs hold different numbers of rows: %s" % ", ".join(str(c) for c in sorted(counts)))
        n = counts.pop()
        by_name = {name: flat for name, _, flat in tensors}
        return [{name: values[i] for name, values in by_name.items()} for i in range(n)]
    if len(tensors) == 1:
        name, shape, flat = tensors[0]
        if len(shape) == 1 and len(names) == 1:
            shape = [shape[0], 1]
        if len(shape) != 2:
            raise RequestError(400, 'input "%s": a tensor input has shape [rows, columns], not %s' % (name, json.dumps(shape)))
        n, k = shape
        return [flat[i * k:(i + 1) * k] for i in range(n)]
    unknown = [name for name, _, _ in tensors if name not in names]
    raise RequestError(400, "send one input a column (%s) or one [rows, columns] tensor; not columns: %s" % (", ".join(names) or "no signature", ", ".join(unknown)))


def v2_datatype(values):
    if all(isinstance(v, bool) for v in values):
        return "BOOL"
    if all(isinstance(v, int) and not isinstance(v, bool) for v in values):
        return "INT64"
    if all(is_number(v) or v is None for v in values):
        return "FP64"
    return "BYTES"


# ---------------------------------------------------------------------------------------------
# Metrics


class Histogram:
    def __init__(self, bounds):
        self.bounds = tuple(bounds)
        self.counts = [0] * (len(self.bounds) + 1)
        self.total = 0.0

    def observe(self, value):
        for i, bound in enumerate(self.bounds):
            if value <= bound:
                self.counts[i] += 1
                break
        else:
            self.counts[-1] += 1
        self.total += value

    def lines(self, name):
        out = []
        cumulative = 0
        for bound, count in zip(self.bounds + (math.inf,), self.counts):
            cumulative += count
            out.append('%s_bucket{le="%s"} %d' % (name, number_text(bound), cumulative))
        out.append("%s_sum %s" % (name, number_text(self.total)))
        out.append("%s_count %d" % (name, cumulative))
        return out


def number_text(value):
    if value == math.inf:
        return "+Inf"
    if value == -math.inf:
        return "-Inf"
    if isinstance(value, int):
        return str(value)
    text = repr(float(value))
    return text[:-2] if text.endswith(".0") else text


def label_text(value):
    return value if isinstance(value, str) else json.dumps(value)


def escape_label(value):
    return value.replace("\\", "\\\\").replace("\n", "\\n").replace('"', '\\"')


class Metrics:
    def __init__(self, name, version, score_bounds):
        self.lock = threading.Lock()
        self.name = name
        self.version = version
        self.requests = {}
        self.errors = {}
        self.duration = Histogram(DURATION_BUCKETS)
        self.prediction_duration = Histogram(DURATION_BUCKETS)
        self.rows = 0
        self.classes = {}
        self.score = Histogram(score_bounds)

    def record_request(self, path, method, code, seconds):
        with self.lock:
            key = (path, method, str(code))
            self.requests[key] = self.requests.get(key, 0) + 1
            if code >= 400:
                self.errors[path] = self.errors.get(path, 0) + 1
            self.duration.observe(seconds)
            if path in PREDICTION_ROUTES:
                self.prediction_duration.observe(seconds)

    def record_predictions(self, predictions, probabilities, is_classifier):
        binary = is_classifier and probabilities is not None and all(isinstance(r, list) and len(r) == 2 for r in probabilities)
        with self.lock:
            self.rows += len(predictions)
            for value in predictions:
                if is_classifier or not is_number(value):
                    if isinstance(value, (list, dict)):
                        continue
                    label = label_text(value)
                    if label not in self.classes and len(self.classes) >= MAX_CLASS_LABELS:
                        label = OTHER_CLASS_LABEL
                    self.classes[label] = self.classes.get(label, 0) + 1
                elif math.isfinite(value):
                    self.score.observe(float(value))
            if binary:
                for row in probabilities:
                    if is_number(row[1]) and math.isfinite(row[1]):
                        self.score.observe(float(row[1]))

    def render(self):
        with self.lock:
            out = []
            out += header("mlops_requests_total", "counter", "HTTP requests answered, by route, method and status code.")
            for (path, method, code), count in sorted(self.requests.items()):
                out.append('mlops_requests_total{path="%s",method="%s",code="%s"} %d' % (escape_label(path), method, code, count))
            out += header("mlops_request_errors_total", "counter", "HTTP responses with a status of 400 or more, by route.")
            for path, count in sorted(self.errors.items()):
                out.append('mlops_request_errors_total{path="%s"} %d' % (escape_label(path), count))
            out += header("mlops_request_duration_seconds", "histogram", "Time from a request's headers being read to its response being ready, in seconds.")
            out += self.duration.lines("mlops_request_duration_seconds")
            out += header("mlops_prediction_duration_seconds", "histogram", "The same, of the prediction routes only (/predict and /v2/models/{name}/infer), in seconds.")
            out += self.prediction_duration.lines("mlops_prediction_duration_seconds")
            out += header("mlops_prediction_rows_total", "counter", "Rows predicted.")
            out.append("mlops_prediction_rows_total %d" % self.rows)
            out += header("mlops_predictions_total", "counter", "Predicted labels of a classifier, by label.")
            for label, count in sorted(self.classes.items()):
                out.append('mlops_predictions_total{class="%s"} %d' % (escape_label(label), count))
            out += header("mlops_prediction_score", "histogram", "Probability of the positive (second) class of a binary classifier, or predicted value of a regressor.")
            out += self.score.lines("mlops_prediction_score")
            out += header("mlops_model_info", "gauge", "The model served: always 1.")
            out.append('mlops_model_info{name="%s",version="%s"} 1' % (escape_label(self.name), escape_label(self.version)))
            return ("\n".join(out) + "\n").encode("utf-8")


def header(name, kind, help_text):
    return ["# HELP %s %s" % (name, help_text), "# TYPE %s %s" % (name, kind)]


# ---------------------------------------------------------------------------------------------
# The application


V2_MODEL_PATH = re.compile(r"^/v2/models/([^/]+)(?:/versions/([^/]+))?(/ready|/infer)?$")
JSON_TYPE = "application/json"
METRICS_TYPE = "text/plain; version=0.0.4; charset=utf-8"


class ServingApp:
    def __init__(self, model_dir, max_body_bytes, score_buckets):
        self.model_dir = model_dir
        self.max_body_bytes = max_body_bytes
        manifest_path = os.path.join(model_dir, MANIFEST_FILE)
        try:
            with open(manifest_path, "rb") as f:
                self.manifest_bytes = f.read()
        except OSError as error:
            raise StartupError("cannot read %s: %s; set MLOPS_MODEL_DIR to the model package folder" % (manifest_path, error.strerror or error))
        try:
            self.manifest = json.loads(self.manifest_bytes.decode("utf-8"))
        except ValueError as error:
            raise StartupError("%s is not JSON: %s" % (manifest_path, error))
        if not isinstance(self.manifest, dict) or not isinstance(self.manifest.get("name"), str) or not isinstance(self.manifest.get("version"), str):
            raise StartupError("%s is not a model manifest: it needs a name and a version" % manifest_path)
        self.name = self.manifest["name"]
        self.version = self.manifest["version"]
        self.entry = choose_format(self.manifest)
        started = time.perf_counter()
        self.model = load_model(model_dir, self.entry)
        self.load_seconds = time.perf_counter() - started
        self.columns = signature_columns(self.manifest) or self.model.input_columns()
        bounds = PROBABILITY_BUCKETS if self.model.is_classifier else score_buckets
        self.metrics = Metrics(self.name, self.version, bounds)
        self.active = 0
        self.idle = threading.Condition()
        self.stopping = False

    # Routing: (label for metrics, handler), or a RequestError to answer.
    def route(self, method, raw_path):
        path = urlsplit(raw_path).path
        simple = {
            "/": ("/", {"GET": self.index}),
            "/health": ("/health", {"GET": self.health}),
            "/metadata": ("/metadata", {"GET": self.metadata}),
            "/metrics": ("/metrics", {"GET": self.scrape}),
            "/predict": ("/predict", {"POST": self.predict}),
            "/v2": ("/v2", {"GET": self.v2_server}),
            "/v2/health/live": ("/v2/health/live", {"GET": self.v2_live}),
            "/v2/health/ready": ("/v2/health/ready", {"GET": self.v2_ready}),
        }
        if path in simple:
            label, methods = simple[path]
            return label, methods, ()
        match = V2_MODEL_PATH.match(path)
        if match:
            name, version, action = unquote(match.group(1)), match.group(2), match.group(3) or ""
            label = "/v2/models/{name}" + action
            handler = {"": self.v2_model, "/ready": self.v2_model_ready, "/infer": self.v2_infer}[action]
            return label, {"POST" if action == "/infer" else "GET": handler}, (name, unquote(version) if version else None)
        return "other", None, ()

    def index(self, request):
        endpoints = ["GET /health", "GET /metadata", "POST /predict", "GET /metrics", "GET /v2/health/ready", "GET /v2/models/%s" % self.name, "POST /v2/models/%s/infer" % self.name]
        return 200, {"model": self.name, "version": self.version, "server": SERVER_NAME, "servingContract": CONTRACT_VERSION, "endpoints": endpoints}

    def health(self, request):
        return 200, {"status": "ok", "model": self.name, "version": self.version}

    def metadata(self, request):
        return 200, (self.manifest_bytes, JSON_TYPE)

    def scrape(self, request):
        return 200, (self.metrics.render(), METRICS_TYPE)

    def predict(self, request):
        rows = rows_from_body(request.json_body())
        predictions, probabilities, classes = self.run_model(rows)
        out = {"predictions": predictions}
        if probabilities is not None:
            out["probabilities"] = probabilities
        if classes is not None:
            out["classes"] = classes
        out["model"] = self.name
        out["version"] = self.version
        return 200, out

    def run_model(self, rows):
        columns, matrix = matrix_from_rows(rows, self.columns)
        try:
            predictions, probabilities, classes = self.model.predict(columns, matrix)
        except RequestError:
            raise
        except Exception as error:
            log("%s: predict failed: %s" % (SERVER_NAME, describe_exception(error)), sys.stderr)
            raise RequestError(500, "the model failed: %s" % describe_exception(error))
        if not isinstance(predictions, list):
            predictions = [predictions]
        self.metrics.record_predictions(predictions, probabilities, self.model.is_classifier)
        return predictions, probabilities, classes

    def v2_server(self, request):
        return 200, {"name": SERVER_NAME, "version": str(CONTRACT_VERSION), "extensions": []}

    def v2_live(self, request):
        return 200, {"live": True}

    def v2_ready(self, request):
        return 200, {"ready": True}

    def check_model(self, name, version):
        if name != self.name or (version is not None and version != self.version):
            wanted = name if version is None else "%s version %s" % (name, version)
            raise RequestError(404, "unknown model %s; this server serves %s version %s" % (json.dumps(wanted), json.dumps(self.name), self.version))

    def v2_model(self, request, name, version):
        self.check_model(name, version)
        inputs = [{"name": c.name, "datatype": c.v2_datatype(), "shape": c.v2_shape()} for c in self.columns] if self.columns else self.model.v2_inputs()
        return 200, {"name": self.name, "versions": [self.version], "platform": self.model.platform, "inputs": inputs, "outputs": self.v2_outputs()}

    def v2_outputs(self):
        classes = self.model.classes
        if self.model.is_classifier:
            datatype = v2_datatype(classes) if classes else "BYTES"
        else:
            datatype = "FP64"
        outputs = [{"name": "predict", "datatype": datatype, "shape": [-1]}]
        if self.model.has_proba and self.model.is_classifier:
            outputs.append({"name": "predict_proba", "datatype": "FP64", "shape": [-1, len(classes) if classes else -1]})
        return outputs

    def v2_model_ready(self, request, name, version):
        self.check_model(name, version)
        return 200, {"name": self.name, "ready": True}

    def v2_infer(self, request, name, version):
        self.check_model(name, version)
        body = request.json_body()
        rows = rows_from_v2(body, self.columns)
        predictions, probabilities, classes = self.run_model(rows)
        outputs = [{"name": "predict", "shape": [len(predictions)], "datatype": v2_datatype(flatten(predictions)), "data": flatten(predictions)}]
        if predictions and isinstance(predictions[0], list):
            outputs[0]["shape"] = [len(predictions), len(predictions[0])]
        if probabilities is not None:
            width = len(probabilities[0]) if probabilities else 0
            outputs.append({"name": "predict_proba", "shape": [len(probabilities), width], "datatype": "FP64", "data": flatten(probabilities)})
        wanted = body.get("outputs")
        if isinstance(wanted, list) and wanted:
            names = [o.get("name") for o in wanted if isinstance(o, dict)]
            unknown = [n for n in names if n not in [o["name"] for o in outputs]]
            if unknown:
                raise RequestError(400, "unknown output %s; the outputs are %s" % (json.dumps(unknown[0]), ", ".join(o["name"] for o in outputs)))
            outputs = [o for o in outputs if o["name"] in names]
        out = {"model_name": self.name, "model_version": self.version, "outputs": outputs}
        if isinstance(body.get("id"), str):
            out["id"] = body["id"]
        return 200, out

    def begin(self):
        with self.idle:
            self.active += 1

    def end(self):
        with self.idle:
            self.active -= 1
            if self.active == 0:
                self.idle.notify_all()

    def wait_idle(self, seconds):
        deadline = time.monotonic() + seconds
        with self.idle:
            while self.active > 0:
                left = deadline - time.monotonic()
                if left <= 0:
                    return False
                self.idle.wait(left)
        return True


class ServingHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "%s/%d" % (SERVER_NAME, CONTRACT_VERSION)
    sys_version = ""
    timeout = IDLE_CONNECTION_SECONDS

    def do_GET(self):
        self.answer("GET")

    def do_HEAD(self):
        self.answer("HEAD")

    def do_POST(self):
        self.answer("POST")

    def do_PUT(self):
        self.answer("PUT")

    def do_DELETE(self):
        self.answer("DELETE")

    def do_PATCH(self):
        self.answer("PATCH")

    def do_OPTIONS(self):
        self.answer("OPTIONS")

    def log_message(self, format, *args):
        pass

    def version_string(self):
        return self.server_version

    def answer(self, method):
        app = self.server.app
        app.begin()
        try:
            self.answer_counted(app, method)
        finally:
            app.end()

    def answer_counted(self, app, method):
        started = time.perf_counter()
        self.body_read = False
        label, headers = "other", []
        try:
            label, methods, args = app.route(method, self.path)
            if methods is None:
                raise RequestError(404, "no such endpoint: %s %s" % (method, urlsplit(self.path).path))
            lookup = "GET" if method == "HEAD" else method
            if lookup not in methods:
                headers.append(("Allow", ", ".join(sorted(methods))))
                raise RequestError(405, "%s takes %s, not %s" % (label, " or ".join(sorted(methods)), method))
            status, payload = methods[lookup](self, *args)
            body, content_type = payload if isinstance(payload, tuple) else (json_bytes(payload), JSON_TYPE)
        except RequestError as error:
            status, body, content_type = error.status, json_bytes({"error": error.message}), JSON_TYPE
        except Exception as error:
            log("%s: internal error on %s %s: %s" % (SERVER_NAME, method, self.path, describe_exception(error)), sys.stderr)
            status, body, content_type = 500, json_bytes({"error": "internal error: %s" % describe_exception(error)}), JSON_TYPE
        if app.stopping or (status >= 400 and method in ("POST", "PUT", "PATCH") and not self.body_read):
            self.close_connection = True
        # Counted before the response is written, so that a client that has its answer also finds
        # the request in the next scrape.
        elapsed = time.perf_counter() - started
        app.metrics.record_request(label, method, status, elapsed)
        self.send_response_only(status)
        self.send_header("Server", self.version_string())
        self.send_header("Date", self.date_time_string())
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for key, value in headers:
            self.send_header(key, value)
        if self.close_connection:
            self.send_header("Connection", "close")
        try:
            self.end_headers()
            if method != "HEAD":
                self.wfile.write(body)
            self.wfile.flush()
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True
        log("%s %s %s %d %.1fms %dB" % (self.client_address[0], method, urlsplit(self.path).path, status, elapsed * 1000, len(body)))

    def json_body(self):
        raw = self.read_body()
        try:
            return json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, ValueError) as error:
            raise RequestError(400, "the body is not JSON: %s" % short(error, 200))

    def read_body(self):
        limit = self.server.app.max_body_bytes
        if "chunked" in self.headers.get("Transfer-Encoding", "").lower():
            body = self.read_chunked(limit)
        else:
            length = self.headers.get("Content-Length")
            if length is None:
                raise RequestError(411, "send the body with a Content-Length header")
            try:
                size = int(length)
            except ValueError:
                raise RequestError(400, "the Content-Length %r is not a number" % length)
            if size < 0:
                raise RequestError(400, "the Content-Length %r is negative" % length)
            if size > limit:
                self.discard(size, limit)
                raise RequestError(413, "the body is %d bytes; the limit is %d (MLOPS_MAX_BODY_BYTES)" % (size, limit))
            body = self.rfile.read(size)
            if len(body) < size:
                self.close_connection = True
                raise RequestError(400, "the body ended after %d of %d bytes" % (len(body), size))
        self.body_read = True
        return body

    def discard(self, size, limit):
        # Closing a socket with unread bytes resets it, and the client may lose the 413 with it;
        # a body within a few times the limit is read and dropped instead.
        if size > 4 * limit:
            return
        left = size
        while left > 0:
            chunk = self.rfile.read(min(left, 65536))
            if not chunk:
                return
            left -= len(chunk)
        self.body_read = True

    def read_chunked(self, limit):
        parts, total = [], 0
        while True:
            line = self.rfile.readline(1026)
            try:
                size = int(line.split(b";")[0].strip(), 16)
            except ValueError:
                self.close_connection = True
                raise RequestError(400, "bad chunked transfer encoding")
            if size == 0:
                while self.rfile.readline(1026).strip():
                    pass
                return b"".join(parts)
            total += size
            if total > limit:
                raise RequestError(413, "the body is over the limit of %d bytes (MLOPS_MAX_BODY_BYTES)" % limit)
            parts.append(self.rfile.read(size))
            self.rfile.readline(3)


class ServingHTTPServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, address, app):
        self.app = app
        if ":" in address[0]:
            import socket

            self.address_family = socket.AF_INET6
        super().__init__(address, ServingHandler)

    def server_bind(self):
        # HTTPServer.server_bind looks the host name up, which can stall where DNS is broken.
        socketserver.TCPServer.server_bind(self)
        self.server_name, self.server_port = self.server_address[:2]

    def handle_error(self, request, client_address):
        # A client that hangs up (a load balancer closing a kept-alive connection, a timed-out
        # probe) is not an error of the server: no traceback for it.
        if isinstance(sys.exc_info()[1], (ConnectionResetError, BrokenPipeError, TimeoutError)):
            return
        super().handle_error(request, client_address)


# ---------------------------------------------------------------------------------------------
# Entry points


def settings():
    model_dir = os.environ.get("MLOPS_MODEL_DIR", "").strip() or DEFAULT_MODEL_DIR
    host = os.environ.get("HOST", "").strip() or DEFAULT_HOST
    port = env_int("PORT", DEFAULT_PORT, 0)
    if port > 65535:
        raise StartupError("PORT=%d is not a port number" % port)
    max_body = env_int("MLOPS_MAX_BODY_BYTES", DEFAULT_MAX_BODY_BYTES, 1)
    buckets = env_buckets("MLOPS_SCORE_BUCKETS", REGRESSION_BUCKETS)
    return model_dir, host, port, max_body, buckets


def serve():
    model_dir, host, port, max_body, buckets = settings()
    app = ServingApp(model_dir, max_body, buckets)
    log("%s: loaded %s %s from %s (%s, %s) in %.2f s" % (SERVER_NAME, app.name, app.version, app.entry.get("path"), app.entry.get("format"), app.model.description, app.load_seconds))
    try:
        server = ServingHTTPServer((host, port), app)
    except OSError as error:
        raise StartupError("cannot listen on %s:%d: %s" % (host, port, error.strerror or error))
    stopping = threading.Event()

    def stop(signum, frame):
        if not stopping.is_set():
            stopping.set()
            app.stopping = True
            log("%s: %s received; stopping" % (SERVER_NAME, signal.Signals(signum).name))
            threading.Thread(target=server.shutdown, daemon=True).start()

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    bound = server.server_address
    log("%s: serving %s %s on http://%s:%d (serving contract %d)" % (SERVER_NAME, app.name, app.version, bound[0], bound[1], CONTRACT_VERSION))
    server.serve_forever(poll_interval=0.2)
    if not app.wait_idle(SHUTDOWN_GRACE_SECONDS):
        log("%s: %d requests still running after %.0f s; stopping anyway" % (SERVER_NAME, app.active, SHUTDOWN_GRACE_SECONDS), sys.stderr)
    server.server_close()
    log("%s: stopped" % SERVER_NAME)
    return 0


def read_example(path, columns):
    with open(path, "rb") as f:
        text = f.read().decode("utf-8-sig")
    if path.lower().endswith(".csv"):
        import csv

        reader = csv.DictReader(text.splitlines())
        kinds = {c.name: c.kind for c in columns or []}
        return [{k: csv_value(v, kinds.get(k)) for k, v in row.items()} for row in reader]
    if path.lower().endswith((".jsonl", ".ndjson")):
        return [json.loads(line) for line in text.splitlines() if line.strip()]
    body = json.loads(text)
    return [body] if isinstance(body, dict) and not any(k in body for k in ("rows", "instances", "dataframe_records", "inputs", "dataframe_split")) else rows_from_body(body)


def csv_value(text, kind):
    if text == "" or text is None:
        return None
    try:
        if kind == "integer":
            return int(text)
        if kind == "number":
            return float(text)
    except ValueError:
        return text
    if kind == "boolean":
        return text.strip().lower() in ("true", "1", "yes")
    return text


def same_value(a, b):
    if is_number(a) and is_number(b):
        return math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-9)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(same_value(x, y) for x, y in zip(a, b))
    return a == b


def check():
    """Load the model and predict the packaged input example: a smoke test needing no port."""
    model_dir, _, _, max_body, buckets = settings()
    app = ServingApp(model_dir, max_body, buckets)
    log("%s: loaded %s %s from %s (%s, %s) in %.2f s" % (SERVER_NAME, app.name, app.version, app.entry.get("path"), app.entry.get("format"), app.model.description, app.load_seconds))
    examples = app.manifest.get("examples") if isinstance(app.manifest.get("examples"), dict) else {}
    example = examples.get("input")
    if not example:
        log("%s: check: the package has no input example; the model loads" % SERVER_NAME)
        return 0
    try:
        rows = read_example(resolve_inside(model_dir, example), app.columns)
        predictions, _, _ = app.run_model(rows)
    except RequestError as error:
        log("%s: check: predicting %s failed: %s" % (SERVER_NAME, example, error.message), sys.stderr)
        return 1
    except (OSError, ValueError) as error:
        log("%s: check: cannot read %s: %s" % (SERVER_NAME, example, describe_exception(error)), sys.stderr)
        return 1
    expected_path = examples.get("output")
    if not expected_path:
        log("%s: check: predicted %d rows of %s" % (SERVER_NAME, len(predictions), example))
        return 0
    with open(resolve_inside(model_dir, expected_path), "rb") as f:
        expected = json.loads(f.read().decode("utf-8"))
    if isinstance(expected, dict):
        expected = expected.get("predictions")
    if not isinstance(expected, list) or not same_value(predictions, expected):
        first = next((i for i, (a, b) in enumerate(zip(predictions, expected or [])) if not same_value(a, b)), None)
        where = "row %d: got %s, expected %s" % (first, shown(predictions[first]), shown(expected[first])) if first is not None else "%d predictions, %d expected" % (len(predictions), len(expected) if isinstance(expected, list) else 0)
        log("%s: check: the predictions of %s differ from %s: %s" % (SERVER_NAME, example, expected_path, where), sys.stderr)
        return 1
    log("%s: check: predicted %d rows of %s; they match %s" % (SERVER_NAME, len(predictions), example, expected_path))
    return 0


def healthcheck():
    import urllib.request

    host = os.environ.get("HOST", "").strip() or DEFAULT_HOST
    if host in ("0.0.0.0", "::", ""):
        host = "127.0.0.1"
    if ":" in host:
        host = "[%s]" % host
    port = env_int("PORT", DEFAULT_PORT, 1)
    try:
        with urllib.request.urlopen("http://%s:%d/health" % (host, port), timeout=5) as response:
            return 0 if response.status == 200 else 1
    except Exception as error:
        log("%s: healthcheck: %s" % (SERVER_NAME, describe_exception(error)), sys.stderr)
        return 1


def main(argv):
    modes = {"--check": check, "--healthcheck": healthcheck}
    if len(argv) > 1 and argv[1] not in modes:
        log("usage: %s [--check | --healthcheck]" % os.path.basename(argv[0]), sys.stderr)
        return 2
    try:
        return modes[argv[1]]() if len(argv) > 1 else serve()
    except StartupError as error:
        log("%s: error: %s" % (SERVER_NAME, error), sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
`;


/***/ }),

/***/ 5448:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   MB: () => (/* binding */ rolloutPlanJsonSchema),
/* harmony export */   a3: () => (/* binding */ formatDuration),
/* harmony export */   ij: () => (/* binding */ rolloutPlanSchema),
/* harmony export */   rQ: () => (/* binding */ resolveStage)
/* harmony export */ });
/* unused harmony exports parseDuration, dockerProviderSchema, haproxyProviderSchema, kubernetesProviderSchema, commandProviderSchema, providerSchema, analysisSchema */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2311);
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8532);
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8439);

/**
 * The rollout plan (`version: 1`): the stages a candidate goes through, the traffic steps of a
 * canary, the analysis that judges each step, and the provider that moves the traffic. Written by
 * users as YAML or JSON; `schemas/rollout-plan.schema.json` is generated from this schema.
 *
 * A stage without `canary` is deployed, smoke-tested and promoted at once (staging). A stage with
 * `canary` moves traffic to the candidate step by step; each step is analysed for `interval`,
 * measured every `measure_every`, and fails when more than `failure_limit` measurements fail.
 */
const DURATION = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h)$/;
const UNIT_MS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
/** `2m`, `10s`, `500ms`, `1h`, or a number of seconds, to milliseconds. */
function parseDuration(text) {
    if (typeof text === 'number')
        return Number.isFinite(text) && text >= 0 ? text * 1000 : undefined;
    const m = DURATION.exec(text.trim());
    if (!m)
        return undefined;
    return Number(m[1]) * UNIT_MS[m[2]];
}
function formatDuration(ms) {
    if (ms % 3_600_000 === 0 && ms > 0)
        return `${ms / 3_600_000}h`;
    if (ms % 60_000 === 0 && ms > 0)
        return `${ms / 60_000}m`;
    if (ms % 1000 === 0)
        return `${ms / 1000}s`;
    return `${ms}ms`;
}
const duration = (what) => zod__WEBPACK_IMPORTED_MODULE_0__/* .union */ .KCZ([zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig()])
    .describe(`${what}: a number of seconds, or 10s, 2m, 1h, 500ms.`)
    .transform((v, ctx) => {
    const ms = parseDuration(v);
    if (ms === undefined || ms <= 0) {
        ctx.addIssue({ code: 'custom', message: `${JSON.stringify(v)} is not a duration; write e.g. 30s, 2m or 1h` });
        return zod__WEBPACK_IMPORTED_MODULE_1__/* .NEVER */ .tm;
    }
    return ms;
});
const positive = zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().positive().refine(Number.isFinite, 'must be a finite number');
const fraction = zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().min(0).max(1);
const httpUrl = zod__WEBPACK_IMPORTED_MODULE_0__/* .url */ .OZ5({ protocol: /^https?$/ });
/** The HAProxy backend whose two servers carry stable and candidate traffic. */
const haproxyTarget = {
    runtime_api: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1).describe('HAProxy runtime API: a unix socket path, or host:port of a `stats socket ipv4@…` line (level admin).'),
    backend: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1).describe('The backend holding the stable and candidate servers.'),
    stable_server: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1).default('stable').describe('Server of the backend that carries the stable version.'),
    candidate_server: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1).default('candidate').describe('Server of the backend that carries the candidate.'),
};
const urls = {
    public_url: httpUrl.optional().describe('Where users reach the service (through the split): the environment URL.'),
};
const dockerProviderSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
    kind: zod__WEBPACK_IMPORTED_MODULE_0__/* .literal */ .euz('docker'),
    ...haproxyTarget,
    name: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().regex(/^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/, 'letters, digits, _ . - only').describe('Container name prefix: <name>-stable and <name>-candidate.'),
    host: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().default('127.0.0.1').describe('Address the containers listen on (they run with --network host) and HAProxy reaches them at.'),
    ports: zod__WEBPACK_IMPORTED_MODULE_0__/* .tuple */ .PVZ([zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int().min(1).max(65535), zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int().min(1).max(65535)])
        .default([18080, 18081])
        .describe('Two ports the versions take turns on: the candidate gets the one stable does not use.'),
    env: zod__WEBPACK_IMPORTED_MODULE_0__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP()).default({}).describe('Environment variables for the containers (not secrets).'),
    docker_args: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP()).default([]).describe('Extra `docker run` arguments, e.g. --memory=1g.'),
    ...urls,
})
    .strict();
const haproxyProviderSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
    kind: zod__WEBPACK_IMPORTED_MODULE_0__/* .literal */ .euz('haproxy'),
    ...haproxyTarget,
    candidate_url: httpUrl.describe('The candidate server’s own address, for probes and /metrics.'),
    stable_url: httpUrl.optional().describe('The stable server’s own address, for /metrics.'),
    ...urls,
})
    .strict();
const kubernetesProviderSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
    kind: zod__WEBPACK_IMPORTED_MODULE_0__/* .literal */ .euz('kubernetes'),
    namespace: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().default('default'),
    name: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, 'a DNS-1123 label: lowercase letters, digits and -').describe('The app: Deployments <name> (stable) and <name>-canary.'),
    context: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional().describe('kubectl context (default: the current one).'),
    traffic: zod__WEBPACK_IMPORTED_MODULE_0__/* ["enum"] */ .k5n(['gateway-api', 'ingress-nginx']).default('gateway-api').describe('How traffic is split: HTTPRoute backend weights, or ingress-nginx canary annotations.'),
    route: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional().describe('gateway-api: the HTTPRoute to manage (default <name>).'),
    gateway: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional().describe('gateway-api: the parent Gateway of the route.'),
    host: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional().describe('The host name the route or ingress serves.'),
    ingress_class: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().default('nginx').describe('ingress-nginx: the ingress class.'),
    container_port: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int().min(1).max(65535).default(8080),
    replicas: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int().min(1).default(1),
    candidate_url: httpUrl.describe('How the runner reaches the canary Service (e.g. through a port-forward or an internal load balancer).'),
    stable_url: httpUrl.optional(),
    ...urls,
})
    .strict();
const commandProviderSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
    kind: zod__WEBPACK_IMPORTED_MODULE_0__/* .literal */ .euz('command'),
    deploy: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1).describe('Script that starts the candidate; gets STAGE, IMAGE, CANDIDATE_URL, STABLE_URL.'),
    set_weight: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1).describe('Script that puts WEIGHT percent of the traffic on the candidate.'),
    promote: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1).describe('Script that makes the candidate the stable version.'),
    rollback: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1).describe('Script that sends all traffic to stable and removes the candidate.'),
    status: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional().describe('Script that prints the candidate’s current weight (0–100); without it the recorded progress is trusted.'),
    shell: zod__WEBPACK_IMPORTED_MODULE_0__/* ["enum"] */ .k5n(['bash', 'sh']).default('bash'),
    candidate_url: httpUrl,
    stable_url: httpUrl.optional(),
    ...urls,
})
    .strict();
const providerSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .discriminatedUnion */ .gMt('kind', [dockerProviderSchema, haproxyProviderSchema, kubernetesProviderSchema, commandProviderSchema]);
const analysisSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
    max_error_rate: fraction.optional().describe('The candidate’s share of responses with status ≥ 500 (and failed probes) may not exceed this.'),
    max_p99_latency_ms: positive.optional().describe('The candidate’s p99 request latency, in milliseconds.'),
    relative_to_stable: zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
        error_rate: positive.optional().describe('Candidate error rate at most this many times stable’s (plus one error in the window).'),
        p99_latency: positive.optional().describe('Candidate p99 latency at most this many times stable’s.'),
    })
        .strict()
        .optional(),
    prediction_drift: zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
        method: zod__WEBPACK_IMPORTED_MODULE_0__/* ["enum"] */ .k5n(['psi', 'jensenshannon']).default('psi'),
        max: positive.describe('Largest allowed distance between the canary’s and stable’s prediction distributions.'),
        min_predictions: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int().positive().default(200).describe('Fewer predictions on either side since the step began: inconclusive.'),
    })
        .strict()
        .optional(),
    failure_limit: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int().min(0).default(1).describe('Failed measurements tolerated per step; one more fails the step.'),
    min_requests: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int().positive().default(20).describe('Fewer candidate requests in a measurement: that measurement is inconclusive.'),
    measure_every: duration('Time between measurements within a step').optional(),
    metrics: zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
        candidate: httpUrl.optional().describe('Where the candidate’s metrics are read instead of <candidate URL>/metrics, e.g. Prometheus’ /federate?match[]={job="churn-canary"}: every replica’s series are added up.'),
        stable: httpUrl.optional().describe('The same for stable.'),
    })
        .strict()
        .optional()
        .describe('Where the serving metrics come from; by default each version’s own /metrics.'),
    probes: zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
        health: zod__WEBPACK_IMPORTED_MODULE_0__/* .boolean */ .zMY().default(true).describe('GET /health of the candidate at each measurement.'),
        predict: zod__WEBPACK_IMPORTED_MODULE_0__/* .boolean */ .zMY().default(true).describe('POST the package’s input example to /predict and check the answer.'),
        timeout: duration('Probe timeout').default(5000),
    })
        .strict()
        .default({ health: true, predict: true, timeout: 5000 }),
})
    .strict();
const smokeSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
    requests: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int().min(1).max(100_000).default(20).describe('/predict requests sent to the candidate, each of which must succeed.'),
    max_p99_latency_ms: positive.optional().describe('Budget: p99 latency of those requests, in milliseconds.'),
})
    .strict();
const stageSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
    name: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'letters, digits, _ . - only').describe('The stage, also its GitHub environment.'),
    provider: providerSchema.optional().describe('This stage’s target, instead of the plan’s `provider`.'),
    smoke: smokeSchema.optional().describe('Requests sent to the candidate before any traffic moves.'),
    canary: zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
        steps: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().gt(0).max(100)).min(1).describe('Percent of traffic on the candidate at each step, increasing; 100 is added at the end when missing.'),
        interval: duration('Analysis window per step'),
    })
        .strict()
        .optional(),
    analysis: analysisSchema.optional(),
    ready_timeout: duration('How long to wait for the candidate’s /health after it is deployed').default(120_000),
    on_inconclusive: zod__WEBPACK_IMPORTED_MODULE_0__/* ["enum"] */ .k5n(['pause', 'fail']).default('pause').describe('A step that could not be judged: pause (traffic back to stable, the candidate kept, a re-run resumes) or fail (roll back).'),
    url: httpUrl.optional().describe('The environment URL shown on the deployment (default: the provider’s public_url).'),
})
    .strict();
const rolloutPlanSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
    $schema: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional(),
    version: zod__WEBPACK_IMPORTED_MODULE_0__/* .literal */ .euz(1).describe('Rollout plan format version; 1 is the only one.'),
    provider: providerSchema.optional().describe('The target of every stage that names none.'),
    stages: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(stageSchema).min(1),
})
    .strict()
    .superRefine((plan, ctx) => {
    const seen = new Set();
    plan.stages.forEach((stage, i) => {
        if (seen.has(stage.name))
            ctx.addIssue({ code: 'custom', path: ['stages', i, 'name'], message: `stage ${stage.name} is named twice` });
        seen.add(stage.name);
        if (!stage.provider && !plan.provider)
            ctx.addIssue({ code: 'custom', path: ['stages', i], message: `stage ${stage.name} has no provider, and the plan has none` });
        const steps = stage.canary?.steps ?? [];
        for (let s = 1; s < steps.length; s++) {
            if (steps[s] <= steps[s - 1]) {
                ctx.addIssue({ code: 'custom', path: ['stages', i, 'canary', 'steps', s], message: `canary steps must increase: ${steps[s]} comes after ${steps[s - 1]}` });
            }
        }
        if (stage.canary && !stage.analysis)
            ctx.addIssue({ code: 'custom', path: ['stages', i, 'canary'], message: `stage ${stage.name} has a canary but no analysis` });
        const every = stage.analysis?.measure_every;
        if (stage.canary && every !== undefined && every > stage.canary.interval) {
            ctx.addIssue({ code: 'custom', path: ['stages', i, 'analysis', 'measure_every'], message: 'measure_every is longer than the canary interval' });
        }
    });
});
function resolveStage(plan, stage) {
    const steps = [...(stage.canary?.steps ?? [])];
    if (steps.at(-1) !== 100)
        steps.push(100);
    const intervalMs = stage.canary?.interval ?? 0;
    const measureEveryMs = stage.analysis?.measure_every ?? Math.max(1000, Math.round(intervalMs / 5));
    return { ...stage, provider: (stage.provider ?? plan.provider), steps, intervalMs, measureEveryMs };
}
function rolloutPlanJsonSchema() {
    return zod__WEBPACK_IMPORTED_MODULE_2__/* .toJSONSchema */ .bl(rolloutPlanSchema, { io: 'input', unrepresentable: 'any' });
}


/***/ }),

/***/ 524:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E8: () => (/* binding */ servingAt),
/* harmony export */   rE: () => (/* binding */ ProgressStore)
/* harmony export */ });
/* unused harmony exports progressRecordSchema, historyEventSchema, readHistoryLines */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2311);
/* harmony import */ var _platform_files_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4924);




/**
 * What a rollout has done so far, written before and after every traffic change, so that a re-run
 * after the job was killed knows what it finds: `<dir>/<stage>.json` (the current rollout) and
 * `<dir>/history.jsonl` (one line per outcome: which image served which stage from when).
 */
const progressRecordSchema = zod__WEBPACK_IMPORTED_MODULE_3__/* .object */ .Ikc({
    version: zod__WEBPACK_IMPORTED_MODULE_3__/* .literal */ .euz(1),
    stage: zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP(),
    image: zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP(),
    status: zod__WEBPACK_IMPORTED_MODULE_3__/* ["enum"] */ .k5n(['running', 'paused', 'promoted', 'rolled-back']),
    /** The step being analysed (running) or waiting for a re-run (paused). */
    stepIndex: zod__WEBPACK_IMPORTED_MODULE_3__/* .number */ .aig().int().min(0),
    weight: zod__WEBPACK_IMPORTED_MODULE_3__/* .number */ .aig().min(0).max(100),
    startedAt: zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP(),
    updatedAt: zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP(),
    deploymentId: zod__WEBPACK_IMPORTED_MODULE_3__/* .number */ .aig().int().optional(),
    stableImage: zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP().optional(),
});
const historyEventSchema = zod__WEBPACK_IMPORTED_MODULE_3__/* .object */ .Ikc({
    at: zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP(),
    stage: zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP(),
    image: zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP(),
    outcome: zod__WEBPACK_IMPORTED_MODULE_3__/* ["enum"] */ .k5n(['started', 'promoted', 'rolled-back', 'paused']),
    /** The image that served before (promoted) or kept serving (rolled back). */
    previous: zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP().optional(),
    model: zod__WEBPACK_IMPORTED_MODULE_3__/* .object */ .Ikc({ name: zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP(), version: zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP(), digest: zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP().optional() }).optional(),
    deploymentId: zod__WEBPACK_IMPORTED_MODULE_3__/* .number */ .aig().int().optional(),
    reason: zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP().optional(),
});
class ProgressStore {
    dir;
    constructor(dir) {
        this.dir = dir;
    }
    file(stage) {
        return node_path__WEBPACK_IMPORTED_MODULE_1___default().join(this.dir, `${stage}.json`);
    }
    async read(stage) {
        const text = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(this.file(stage), 'utf8').catch(() => undefined);
        if (text === undefined)
            return undefined;
        const parsed = progressRecordSchema.safeParse(JSON.parse(text));
        // A record from an unknown version is not ours to trust; the provider's live state decides.
        return parsed.success ? parsed.data : undefined;
    }
    async write(record) {
        await (0,_platform_files_js__WEBPACK_IMPORTED_MODULE_2__/* .writeFileAtomic */ .Z)(this.file(record.stage), `${JSON.stringify(record, null, 2)}\n`);
    }
    async append(event) {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdir)(this.dir, { recursive: true });
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.appendFile)(node_path__WEBPACK_IMPORTED_MODULE_1___default().join(this.dir, 'history.jsonl'), `${JSON.stringify(event)}\n`);
    }
    async history() {
        const text = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(node_path__WEBPACK_IMPORTED_MODULE_1___default().join(this.dir, 'history.jsonl'), 'utf8').catch(() => '');
        return readHistoryLines(text);
    }
}
function readHistoryLines(text) {
    const events = [];
    for (const line of text.split('\n')) {
        if (line.trim() === '')
            continue;
        try {
            const parsed = historyEventSchema.safeParse(JSON.parse(line));
            if (parsed.success)
                events.push(parsed.data);
        }
        catch {
            // A line cut short by a killed process: the others still count.
        }
    }
    return events;
}
/**
 * Which image served `stage` at time `at`: the last promotion at or before it. Rolled-back and
 * paused rollouts never took over, so they do not count.
 */
function servingAt(events, stage, at) {
    let found;
    for (const e of events) {
        if (e.stage !== stage || e.outcome !== 'promoted')
            continue;
        const t = Date.parse(e.at);
        if (t <= at.getTime() && (!found || t >= Date.parse(found.at)))
            found = e;
    }
    return found;
}


/***/ }),

/***/ 6190:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bn: () => (/* binding */ overallVerdict),
/* harmony export */   Sc: () => (/* binding */ fmt),
/* harmony export */   mV: () => (/* binding */ gatesJsonSchema),
/* harmony export */   mg: () => (/* binding */ judgeMetric),
/* harmony export */   y2: () => (/* binding */ gatesSchema)
/* harmony export */ });
/* unused harmony exports metricGateSchema, examplesToSettle */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2311);
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8439);

/**
 * The gates file (`version: 1`) and the decision it drives. Every gate is judged on an interval,
 * not a point: it passes when the whole interval is on the good side of its threshold, fails when
 * the whole interval is on the bad side, and is inconclusive when the interval straddles it (the
 * eval set is too small to tell). Metrics read from a file have no interval; their gates are judged
 * on the point value and say so.
 *
 * - `min` / `max`: absolute bounds on the candidate's metric.
 * - `max_drop` / `max_rise` (and their `_relative` forms, a fraction of the baseline's value): how
 *   much worse than the baseline the candidate may be, on the interval of the paired difference
 *   candidate − baseline (a non-inferiority margin). Judged only when there is a baseline.
 */
const bound = zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().refine(Number.isFinite, 'must be a finite number');
const margin = zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().nonnegative().refine(Number.isFinite, 'must be a finite number');
const metricGateSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
    direction: zod__WEBPACK_IMPORTED_MODULE_0__/* ["enum"] */ .k5n(['higher', 'lower']).optional().describe('Which way is better; default: the metric’s own (e.g. higher for roc_auc, lower for log_loss).'),
    min: bound.optional().describe('The candidate’s metric must be at least this.'),
    max: bound.optional().describe('The candidate’s metric must be at most this.'),
    max_drop: margin.optional().describe('higher is better: the candidate may be at most this much below the baseline.'),
    max_drop_relative: margin.optional().describe('higher is better: at most this fraction of the baseline’s value below it (0.02 = 2 %).'),
    max_rise: margin.optional().describe('lower is better: the candidate may be at most this much above the baseline.'),
    max_rise_relative: margin.optional().describe('lower is better: at most this fraction of the baseline’s value above it.'),
})
    .strict();
const gatesSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
    $schema: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional(),
    version: zod__WEBPACK_IMPORTED_MODULE_0__/* .literal */ .euz(1).describe('Gates file format version; 1 is the only one.'),
    confidence: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().gt(0.5).lt(1).default(0.95).describe('Level of the two-sided intervals the gates are judged on.'),
    metrics: zod__WEBPACK_IMPORTED_MODULE_0__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1), metricGateSchema).describe('Gates per metric, by metric name.'),
    slices: zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
        columns: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1)).min(1).describe('Columns of the predictions file to slice by, each on its own.'),
        min_size: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int().positive().default(200).describe('Slices with fewer examples are listed but not gated.'),
        worst_slice: zod__WEBPACK_IMPORTED_MODULE_0__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1), zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({ min: bound.optional(), max: bound.optional() }).strict()).default({}).describe('Bounds every gated slice must meet.'),
    })
        .strict()
        .optional(),
})
    .strict()
    .superRefine((gates, ctx) => {
    for (const [name, gate] of Object.entries(gates.metrics)) {
        if (gate.min !== undefined && gate.max !== undefined && gate.min > gate.max) {
            ctx.addIssue({ code: 'custom', path: ['metrics', name, 'min'], message: `min ${gate.min} is above max ${gate.max}` });
        }
    }
});
/**
 * Judges one metric's gates. Absolute bounds look at the candidate; change gates at the
 * difference. `needsAtLeast` is whether the good side is above the threshold.
 */
function judgeMetric(metric, gate, input) {
    const results = [];
    const { candidate, baseline, delta, direction } = input;
    if (gate.min !== undefined)
        results.push(judgeBound(metric, `min ${gate.min}`, candidate, gate.min, true, input.examples));
    if (gate.max !== undefined)
        results.push(judgeBound(metric, `max ${gate.max}`, candidate, gate.max, false, input.examples));
    const changeGates = [];
    if (gate.max_drop !== undefined)
        changeGates.push([`max_drop ${gate.max_drop}`, gate.max_drop, false]);
    if (gate.max_drop_relative !== undefined)
        changeGates.push([`max_drop_relative ${gate.max_drop_relative}`, gate.max_drop_relative, true]);
    if (gate.max_rise !== undefined)
        changeGates.push([`max_rise ${gate.max_rise}`, gate.max_rise, false]);
    if (gate.max_rise_relative !== undefined)
        changeGates.push([`max_rise_relative ${gate.max_rise_relative}`, gate.max_rise_relative, true]);
    for (const [name, amount, relative] of changeGates) {
        const isDrop = name.startsWith('max_drop');
        if ((isDrop && direction === 'lower') || (!isDrop && direction === 'higher')) {
            results.push({
                metric,
                gate: name,
                status: 'skipped',
                value: delta ?? { estimate: NaN },
                threshold: NaN,
                reason: `${isDrop ? 'max_drop' : 'max_rise'} applies to a metric where ${isDrop ? 'higher' : 'lower'} is better; ${metric} is ${direction} is better (use ${isDrop ? 'max_rise' : 'max_drop'})`,
            });
            continue;
        }
        if (!baseline || !delta) {
            results.push({ metric, gate: name, status: 'skipped', value: { estimate: NaN }, threshold: NaN, reason: 'no baseline: only absolute gates apply on a first run' });
            continue;
        }
        const allowed = relative ? amount * Math.abs(baseline.estimate) : amount;
        // higher is better: the difference must stay above -allowed; lower is better: below +allowed.
        const threshold = direction === 'higher' ? -allowed : allowed;
        results.push(judgeBound(metric, name, delta, threshold, direction === 'higher', input.examples, 'the difference'));
    }
    return results;
}
/**
 * One bound: `atLeast` means the value must be >= threshold. With an interval: pass when the whole
 * interval meets it, fail when none of it does, else inconclusive.
 */
function judgeBound(metric, gate, value, threshold, atLeast, examples, what = 'the value') {
    const base = { metric, gate, value, threshold };
    const cmp = atLeast ? '≥' : '≤';
    if (!Number.isFinite(value.estimate)) {
        return { ...base, status: 'fail', reason: `${what} is not a number (${String(value.estimate)}): check the predictions` };
    }
    if (value.low === undefined || value.high === undefined) {
        const ok = atLeast ? value.estimate >= threshold : value.estimate <= threshold;
        return { ...base, status: ok ? 'pass' : 'fail', reason: `${what} ${fmt(value.estimate)} ${ok ? cmp : atLeast ? '<' : '>'} ${fmt(threshold)} (a point value: no interval without predictions)` };
    }
    const good = atLeast ? value.low >= threshold : value.high <= threshold;
    const bad = atLeast ? value.high < threshold : value.low > threshold;
    const interval = `[${fmt(value.low)}, ${fmt(value.high)}]`;
    if (good)
        return { ...base, status: 'pass', reason: `the interval of ${what} ${interval} is entirely ${cmp} ${fmt(threshold)}` };
    if (bad)
        return { ...base, status: 'fail', reason: `the interval of ${what} ${interval} is entirely ${atLeast ? 'below' : 'above'} ${fmt(threshold)}` };
    const settle = examplesToSettle(value, threshold, examples);
    return {
        ...base,
        status: 'inconclusive',
        reason: `the interval of ${what} ${interval} contains ${fmt(threshold)}: the eval set cannot tell${settle === undefined ? '' : settle === Infinity ? ' (the estimate sits on the threshold)' : `; about ${settle.toLocaleString('en-US')} examples would`}`,
        examplesToSettle: settle,
    };
}
/**
 * An interval's half-width shrinks as 1/√n: with n' = n·(h/d)² examples, where h is the half-width
 * on the side of the threshold and d the distance from the estimate to it, an effect of the same
 * size would have an interval that just clears the threshold. Rounded up to two significant digits.
 */
function examplesToSettle(value, threshold, examples) {
    if (examples === undefined || value.low === undefined || value.high === undefined)
        return undefined;
    const distance = Math.abs(value.estimate - threshold);
    if (distance === 0)
        return Infinity;
    const halfWidth = threshold < value.estimate ? value.estimate - value.low : value.high - value.estimate;
    const needed = Math.ceil(examples * (halfWidth / distance) ** 2);
    const scale = 10 ** Math.max(0, Math.floor(Math.log10(needed)) - 1);
    return Math.ceil(needed / scale) * scale;
}
/** The verdict of a set of gate results: any fail fails; else any inconclusive; else pass. */
function overallVerdict(results) {
    if (results.some((r) => r.status === 'fail'))
        return 'fail';
    if (results.some((r) => r.status === 'inconclusive'))
        return 'inconclusive';
    return 'pass';
}
function fmt(x) {
    if (!Number.isFinite(x))
        return String(x);
    if (x === 0)
        return '0';
    const a = Math.abs(x);
    if (a >= 1e5 || a < 1e-4)
        return x.toExponential(3);
    return Number(x.toPrecision(4)).toString();
}
function gatesJsonSchema() {
    return zod__WEBPACK_IMPORTED_MODULE_1__/* .toJSONSchema */ .bl(gatesSchema, { target: 'draft-2020-12', io: 'input' });
}


/***/ }),

/***/ 5546:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   _: () => (/* binding */ readMetricsFile)
/* harmony export */ });
/* unused harmony export flatten */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8815);
/* harmony import */ var _platform_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6316);



/**
 * Metrics written by a training or evaluation script: JSON or YAML (nested objects flattened to
 * dotted keys, so a DVC `metrics.json` such as {"test": {"auc": 0.9}} gives `test.auc`), or CSV,
 * either as `metric,value` rows or as a header of metric names over one row of values. Only
 * numbers are kept; other values are ignored.
 */
async function readMetricsFile(file, displayName) {
    let text;
    try {
        text = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(file, 'utf8');
    }
    catch (error) {
        const code = error.code;
        throw new _platform_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(code === 'ENOENT' ? 'metrics file not found' : `cannot read the metrics file (${code ?? 'error'})`, {
            file: displayName,
            hint: 'Check the path: it is relative to the workspace, and the step that writes the file must run before this one.',
        });
    }
    if (text.trim() === '')
        throw new _platform_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1('the metrics file is empty', { file: displayName, line: 1, hint: 'Write the metrics as JSON, YAML or CSV.' });
    const metrics = /\.csv$/i.test(file) ? parseCsvMetrics(text, displayName) : parseStructured(text, displayName);
    if (Object.keys(metrics).length === 0) {
        throw new _platform_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1('the metrics file has no numeric metric', { file: displayName, line: 1, hint: 'Write numbers, e.g. {"roc_auc": 0.91} or a CSV with metric,value rows.' });
    }
    return metrics;
}
function parseStructured(text, displayName) {
    const lineCounter = new yaml__WEBPACK_IMPORTED_MODULE_1__/* .LineCounter */ .HN();
    const doc = (0,yaml__WEBPACK_IMPORTED_MODULE_1__/* .parseDocument */ .Tp)(text, { prettyErrors: false, uniqueKeys: true, lineCounter });
    const error = doc.errors[0];
    if (error) {
        throw new _platform_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`the metrics file is not valid JSON or YAML: ${error.message.split('\n')[0]}`, {
            file: displayName,
            line: lineCounter.linePos(error.pos[0]).line,
            hint: 'Fix the syntax at this line.',
        });
    }
    const out = {};
    flatten(doc.toJS(), '', out);
    return out;
}
/** Numbers (and numeric strings) of nested objects, under dotted keys. */
function flatten(value, prefix, out) {
    if (typeof value === 'number') {
        if (prefix !== '')
            out[prefix] = value;
        return;
    }
    if (typeof value === 'string' && prefix !== '' && value.trim() !== '' && Number.isFinite(Number(value))) {
        out[prefix] = Number(value);
        return;
    }
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
        for (const [key, child] of Object.entries(value))
            flatten(child, prefix === '' ? key : `${prefix}.${key}`, out);
    }
}
function parseCsvMetrics(text, displayName) {
    const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
    const cells = lines.map((l) => l.split(',').map((c) => c.trim().replace(/^"(.*)"$/, '$1')));
    const header = cells[0];
    const out = {};
    const isLong = header.length === 2 && /^(metric|name)$/i.test(header[0]) && /^value$/i.test(header[1]);
    if (isLong) {
        cells.slice(1).forEach((row, i) => {
            const value = Number(row[1]);
            if (row.length !== 2 || row[1] === '' || !Number.isFinite(value)) {
                throw new _platform_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`metric ${JSON.stringify(row[0] ?? '')}: ${JSON.stringify(row[1] ?? '')} is not a number`, {
                    file: displayName,
                    line: i + 2,
                    hint: 'Each row is a metric name and its value, e.g. roc_auc,0.91.',
                });
            }
            out[row[0]] = value;
        });
        return out;
    }
    if (cells.length !== 2) {
        throw new _platform_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`a CSV metrics file has either a metric,value header or one row of values under the metric names; this one has ${cells.length - 1} rows`, {
            file: displayName,
            line: 1,
            hint: 'Write `metric,value` then one metric per row, or the names on the first line and the values on the second.',
        });
    }
    header.forEach((name, i) => {
        const raw = cells[1][i] ?? '';
        const value = Number(raw);
        if (raw === '' || !Number.isFinite(value)) {
            throw new _platform_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`metric ${JSON.stringify(name)}: ${JSON.stringify(raw)} is not a number`, { file: displayName, line: 2, hint: 'Every value on the second line must be a number.' });
        }
        out[name] = value;
    });
    return out;
}


/***/ }),

/***/ 7131:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Tz: () => (/* binding */ detectFormat),
/* harmony export */   ZO: () => (/* binding */ MODEL_FORMATS)
/* harmony export */ });
/* unused harmony exports FORMAT_HEAD_BYTES, RUNS_CODE_NOTE, zipEntryNamesInHead, readZipEntryNames */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);

/**
 * What a packaged model file is, and whether loading it runs code. Judged on the file's first bytes
 * as well as its name: a pickle renamed `model.onnx` is still a pickle, and the magic bytes of the
 * formats that run code on load are checked before any extension is trusted.
 */
const MODEL_FORMATS = ['pickle', 'joblib', 'onnx', 'savedmodel', 'safetensors', 'pytorch', 'xgboost', 'lightgbm', 'keras', 'unknown'];
/** How many leading bytes of a file detectFormat wants to see. */
const FORMAT_HEAD_BYTES = 4096;
const RUNS_CODE_NOTE = 'loading runs code: only load packages you trust';
const PICKLE_EXTENSIONS = ['.pkl', '.pickle', '.dill', '.cloudpickle'];
const PYTORCH_EXTENSIONS = ['.pt', '.pth', '.bin', '.ckpt'];
/** joblib.dump picks its compressor from the extension: `model.pkl.z`, `model.joblib.gz`, ... */
const JOBLIB_COMPRESSED = /\.(pkl|pickle|joblib)\.(z|gz|bz2|xz|lzma|lz4)$/;
const COMPRESSION_MAGIC = [
    { name: 'gzip', bytes: [0x1f, 0x8b] },
    { name: 'bz2', bytes: [0x42, 0x5a, 0x68] },
    { name: 'xz', bytes: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00] },
    { name: 'lzma', bytes: [0x5d, 0x00, 0x00] },
    { name: 'lz4', bytes: [0x04, 0x22, 0x4d, 0x18] },
    // joblib's own zlib container, then a bare zlib stream (0x78 then a level byte).
    { name: 'zlib', bytes: [0x5a, 0x46] },
    { name: 'zlib', bytes: [0x78, 0x01] },
    { name: 'zlib', bytes: [0x78, 0x5e] },
    { name: 'zlib', bytes: [0x78, 0x9c] },
    { name: 'zlib', bytes: [0x78, 0xda] },
];
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const HDF5_MAGIC = [0x89, 0x48, 0x44, 0x46, 0x0d, 0x0a, 0x1a, 0x0a];
/**
 * The format of one packaged model entry. `relativePath` is its path (POSIX), `head` its first
 * bytes (FORMAT_HEAD_BYTES is enough; empty for a folder). `listing` is, for a folder, the paths
 * below it, and for a zip file the names of its entries when the caller read them (readZipEntryNames);
 * without it the entries whose local headers lie within `head` are used.
 */
function detectFormat(relativePath, head, isDirectory, listing) {
    const name = relativePath.split('/').pop().toLowerCase();
    if (isDirectory)
        return detectFolder(listing ?? []);
    const ext = extensionOf(name);
    if (isPickle(head)) {
        if (PYTORCH_EXTENSIONS.includes(ext))
            return pytorch('the legacy (pre-1.6) torch.save format, a plain pickle');
        const joblib = name.endsWith('.joblib') || head.includes('joblib.numpy_pickle');
        if (joblib)
            return { format: 'joblib', runsCodeOnLoad: true, note: `pickle protocol ${head[1]}; ${RUNS_CODE_NOTE}` };
        return { format: 'pickle', runsCodeOnLoad: true, note: `pickle protocol ${head[1]}; ${RUNS_CODE_NOTE}` };
    }
    if (startsWith(head, ZIP_MAGIC))
        return detectZip(ext, listing ?? zipEntryNamesInHead(head));
    const compression = COMPRESSION_MAGIC.find((c) => startsWith(head, c.bytes));
    if (compression && (ext === '.joblib' || JOBLIB_COMPRESSED.test(name))) {
        return { format: 'joblib', runsCodeOnLoad: true, note: `${compression.name}-compressed pickle (joblib); ${RUNS_CODE_NOTE}` };
    }
    if (ext === '.joblib' || JOBLIB_COMPRESSED.test(name))
        return { format: 'joblib', runsCodeOnLoad: true, note: `named as a joblib file, header not recognized; ${RUNS_CODE_NOTE}` };
    if (PICKLE_EXTENSIONS.includes(ext)) {
        // Protocols 0 and 1 have no magic; the name is all there is, and loading one still runs code.
        return { format: 'pickle', runsCodeOnLoad: true, note: `no pickle protocol 2+ header (protocol 0/1 or not a pickle); ${RUNS_CODE_NOTE}` };
    }
    const safetensors = safetensorsHeader(head);
    if (safetensors)
        return { format: 'safetensors', runsCodeOnLoad: false, ...(safetensors.tensors !== undefined ? { note: `${safetensors.tensors} tensor${safetensors.tensors === 1 ? '' : 's'}` } : {}) };
    if (ext === '.safetensors')
        return { format: 'unknown', runsCodeOnLoad: false, note: 'named .safetensors but has no safetensors header' };
    if (ext === '.onnx') {
        // A ModelProto opens with a protobuf tag: field 1 (ir_version) as a varint in every exporter's output.
        return head.length === 0 || head[0] === 0x08
            ? { format: 'onnx', runsCodeOnLoad: false, note: 'custom operators need their libraries registered at load' }
            : { format: 'unknown', runsCodeOnLoad: false, note: 'named .onnx but does not start like an ONNX protobuf' };
    }
    if (name === 'saved_model.pb')
        return savedModel('the graph of a SavedModel folder');
    const text = head.toString('latin1');
    if (/^tree\r?\nversion=v\d/.test(text))
        return { format: 'lightgbm', runsCodeOnLoad: false, note: 'LightGBM text model' };
    if (/^booster\[0\]:?/.test(text))
        return { format: 'xgboost', runsCodeOnLoad: false, note: 'XGBoost text dump: for reading, not for loading back' };
    if (ext === '.json' && /^\s*\{\s*"learner"\s*:/.test(text))
        return { format: 'xgboost', runsCodeOnLoad: false, note: 'XGBoost JSON model' };
    if (ext === '.ubj' && head[0] === 0x7b && head.subarray(0, 64).includes('learner'))
        return { format: 'xgboost', runsCodeOnLoad: false, note: 'XGBoost UBJSON model' };
    if (startsWith(head, HDF5_MAGIC)) {
        return head.includes('keras')
            ? { format: 'keras', runsCodeOnLoad: false, note: 'legacy Keras HDF5: Lambda layers hold Python code that runs when loaded' }
            : { format: 'unknown', runsCodeOnLoad: false, note: 'HDF5 file' };
    }
    return { format: 'unknown', runsCodeOnLoad: false, note: 'format not recognized: check how it is loaded' };
}
function detectFolder(listing) {
    const entries = new Set(listing.map((p) => p.replace(/^\.\//, '')));
    if (entries.has('saved_model.pb')) {
        return entries.has('keras_metadata.pb') ? savedModel('a Keras model saved as a SavedModel') : savedModel();
    }
    return { format: 'unknown', runsCodeOnLoad: false };
}
function detectZip(ext, entries) {
    if (entries.some((e) => /(^|\/)data\.pkl$/.test(e)))
        return pytorch('a torch.save zip archive');
    const isKeras = ext === '.keras' || (entries.includes('config.json') && entries.includes('metadata.json') && entries.some((e) => e.startsWith('model.weights')));
    if (isKeras)
        return { format: 'keras', runsCodeOnLoad: false, note: 'Keras archive: Lambda layers run code when loaded with safe_mode=False' };
    const pickled = entries.filter((e) => /\.(pkl|pickle|joblib)$/i.test(e));
    if (pickled.length > 0)
        return { format: 'unknown', runsCodeOnLoad: true, note: `zip archive holding ${pickled[0]}${pickled.length > 1 ? ` and ${pickled.length - 1} more pickles` : ''}: ${RUNS_CODE_NOTE}` };
    return { format: 'unknown', runsCodeOnLoad: false, note: 'zip archive' };
}
function pytorch(what) {
    return { format: 'pytorch', runsCodeOnLoad: true, note: `${what} holding a pickle; ${RUNS_CODE_NOTE} (torch.load with weights_only=True does not run it)` };
}
function savedModel(what) {
    return { format: 'savedmodel', runsCodeOnLoad: false, note: `${what ? `${what}; ` : ''}custom ops must be registered to load it` };
}
/** Pickle protocol 2 and later: the PROTO opcode, then the protocol number. */
function isPickle(head) {
    return head.length >= 2 && head[0] === 0x80 && head[1] >= 2 && head[1] <= 5;
}
/** A safetensors file: the header's length (u64, little-endian), then the header, a JSON object. */
function safetensorsHeader(head) {
    if (head.length < 9 || head[8] !== 0x7b)
        return undefined;
    const length = head.readBigUInt64LE(0);
    if (length < 2n || length > 100000000n)
        return undefined;
    const end = 8 + Number(length);
    if (end > head.length)
        return {};
    try {
        const header = JSON.parse(head.subarray(8, end).toString('utf8'));
        if (header === null || typeof header !== 'object' || Array.isArray(header))
            return undefined;
        return { tensors: Object.keys(header).filter((k) => k !== '__metadata__').length };
    }
    catch {
        return undefined;
    }
}
/** Names of the zip entries whose local headers are wholly inside `head`, in order. */
function zipEntryNamesInHead(head) {
    const names = [];
    let at = 0;
    while (at + 30 <= head.length && head.readUInt32LE(at) === 0x04034b50) {
        const flags = head.readUInt16LE(at + 6);
        const compressedSize = head.readUInt32LE(at + 18);
        const nameLength = head.readUInt16LE(at + 26);
        const extraLength = head.readUInt16LE(at + 28);
        if (at + 30 + nameLength > head.length)
            break;
        names.push(head.subarray(at + 30, at + 30 + nameLength).toString('utf8'));
        // With a data descriptor (flag bit 3) or zip64 sizes, the local header does not say where the next entry starts.
        if ((flags & 0x08) !== 0 || compressedSize === 0xffffffff)
            break;
        at += 30 + nameLength + extraLength + compressedSize;
    }
    return names;
}
/**
 * Names of all entries of a zip file, from its central directory (zip64 included). For archives
 * whose first entries do not tell what they are (a `.keras` file, a torch archive written by
 * another tool).
 */
async function readZipEntryNames(file) {
    const handle = await open(file, 'r');
    try {
        const { size } = await handle.stat();
        const tailLength = Math.min(size, 22 + 0xffff + 20);
        const tail = Buffer.alloc(tailLength);
        await handle.read(tail, 0, tailLength, size - tailLength);
        let eocd = -1;
        for (let i = tailLength - 22; i >= 0; i--) {
            if (tail.readUInt32LE(i) === 0x06054b50) {
                eocd = i;
                break;
            }
        }
        if (eocd < 0)
            throw new Error('not a zip archive (no end of central directory)');
        let count = tail.readUInt16LE(eocd + 10);
        let cdSize = tail.readUInt32LE(eocd + 12);
        let cdOffset = tail.readUInt32LE(eocd + 16);
        if ((count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) && eocd >= 20 && tail.readUInt32LE(eocd - 20) === 0x07064b50) {
            const record = Buffer.alloc(56);
            await handle.read(record, 0, 56, Number(tail.readBigUInt64LE(eocd - 20 + 8)));
            if (record.readUInt32LE(0) !== 0x06064b50)
                throw new Error('broken zip64 end of central directory');
            count = Number(record.readBigUInt64LE(32));
            cdSize = Number(record.readBigUInt64LE(40));
            cdOffset = Number(record.readBigUInt64LE(48));
        }
        const directory = Buffer.alloc(cdSize);
        await handle.read(directory, 0, cdSize, cdOffset);
        const names = [];
        let at = 0;
        for (let i = 0; i < count && at + 46 <= directory.length; i++) {
            if (directory.readUInt32LE(at) !== 0x02014b50)
                throw new Error('broken zip central directory');
            const nameLength = directory.readUInt16LE(at + 28);
            const extraLength = directory.readUInt16LE(at + 30);
            const commentLength = directory.readUInt16LE(at + 32);
            names.push(directory.subarray(at + 46, at + 46 + nameLength).toString('utf8'));
            at += 46 + nameLength + extraLength + commentLength;
        }
        return names;
    }
    finally {
        await handle.close();
    }
}
function extensionOf(name) {
    const dot = name.lastIndexOf('.');
    return dot <= 0 ? '' : name.slice(dot);
}
function startsWith(head, bytes) {
    return head.length >= bytes.length && bytes.every((b, i) => head[i] === b);
}


/***/ }),

/***/ 5494:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ez: () => (/* binding */ parseRequirements),
/* harmony export */   MZ: () => (/* binding */ serializeManifest),
/* harmony export */   Ng: () => (/* binding */ parseManifest),
/* harmony export */   Ui: () => (/* binding */ deriveVersion),
/* harmony export */   Xi: () => (/* binding */ roleOfPath),
/* harmony export */   Yq: () => (/* binding */ CARD_FILE),
/* harmony export */   cD: () => (/* binding */ comparePaths),
/* harmony export */   d1: () => (/* binding */ readDataFingerprint),
/* harmony export */   h1: () => (/* binding */ MANIFEST_FILE),
/* harmony export */   rB: () => (/* binding */ readEvaluationReport),
/* harmony export */   v5: () => (/* binding */ MANIFEST_SCHEMA_VERSION),
/* harmony export */   xV: () => (/* binding */ requirementName),
/* harmony export */   yb: () => (/* binding */ modelManifestJsonSchema)
/* harmony export */ });
/* unused harmony exports MANIFEST_KIND, SEMVER_PATTERN, isSemver, NAME_PATTERN, BUNDLE_PATH_PATTERN, FILE_ROLES, manifestFileSchema, manifestFormatSchema, manifestDataSchema, manifestRequirementsSchema, modelManifestSchema, normalizePackageName */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(2311);
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(8439);
/* harmony import */ var _data_profile_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5359);
/* harmony import */ var _platform_config_file_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5892);
/* harmony import */ var _platform_errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6316);
/* harmony import */ var _platform_report_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(8809);
/* harmony import */ var _formats_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(7131);
/* harmony import */ var _signature_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(2253);









/**
 * `model-manifest.json`: what a model package holds, byte for byte, and what is known about the
 * model. It is deterministic (no timestamps; keys in schema order, record keys and file lists
 * sorted), so the same inputs give the same manifest and the same package digest. The bundle:
 *
 *   model/          the model files and folders, by their paths as given under the workspace
 *   metadata/       metrics, params, signature, input example, data profiles and reports, evaluation report
 *   requirements/   requirement and lock files
 *   extra/          anything else the user adds
 *   MODEL_CARD.md   rendered from the manifest; listed in it with role `card`
 *   model-manifest.json   this file; it does not list itself
 */
const MANIFEST_SCHEMA_VERSION = 1;
const MANIFEST_KIND = 'mlops-actions/model-package';
const MANIFEST_FILE = 'model-manifest.json';
const CARD_FILE = 'MODEL_CARD.md';
/** Semantic Versioning 2.0.0, as semver.org gives it. */
const SEMVER_PATTERN = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;
function isSemver(v) {
    return SEMVER_PATTERN.test(v);
}
/** Spelled without the `i` flag so that the JSON Schema's pattern means the same. */
const NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
/** Relative, POSIX, normalized: no leading `/`, no `\`, no empty, `.` or `..` segment. */
const BUNDLE_PATH_PATTERN = /^(?!\/)(?!.*\/\/)(?!.*\/$)(?!(?:.*\/)?\.{1,2}(?:\/|$))[^\\]+$/;
const bundlePath = zod__WEBPACK_IMPORTED_MODULE_8__/* .string */ .YjP().regex(BUNDLE_PATH_PATTERN, 'must be a relative POSIX path inside the package');
const sha256 = zod__WEBPACK_IMPORTED_MODULE_8__/* .string */ .YjP().regex(/^[0-9a-f]{64}$/, 'must be 64 lowercase hex digits');
const FILE_ROLES = ['model', 'metadata', 'requirements', 'extra', 'card'];
const manifestFileSchema = zod__WEBPACK_IMPORTED_MODULE_8__/* .object */ .Ikc({
    path: bundlePath,
    size: zod__WEBPACK_IMPORTED_MODULE_8__/* .number */ .aig().int().nonnegative().describe('Bytes.'),
    sha256,
    role: zod__WEBPACK_IMPORTED_MODULE_8__/* ["enum"] */ .k5n(FILE_ROLES).describe('model/, metadata/, requirements/, extra/ or the model card.'),
})
    .strict();
const manifestFormatSchema = zod__WEBPACK_IMPORTED_MODULE_8__/* .object */ .Ikc({
    path: bundlePath.describe('A model file or folder.'),
    format: zod__WEBPACK_IMPORTED_MODULE_8__/* ["enum"] */ .k5n(_formats_js__WEBPACK_IMPORTED_MODULE_6__/* .MODEL_FORMATS */ .ZO),
    runsCodeOnLoad: zod__WEBPACK_IMPORTED_MODULE_8__/* .boolean */ .zMY().describe('Loading it can run arbitrary code (pickle and formats built on it).'),
    note: zod__WEBPACK_IMPORTED_MODULE_8__/* .string */ .YjP().optional(),
})
    .strict();
const manifestDataSchema = zod__WEBPACK_IMPORTED_MODULE_8__/* .object */ .Ikc({
    source: bundlePath.describe('The profile or report, in the package.'),
    kind: zod__WEBPACK_IMPORTED_MODULE_8__/* ["enum"] */ .k5n(['profile', 'report']).describe('A validate-data profile file or a validate-data report.'),
    sha256,
    rows: zod__WEBPACK_IMPORTED_MODULE_8__/* .number */ .aig().int().nonnegative().optional(),
    columns: zod__WEBPACK_IMPORTED_MODULE_8__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_8__/* .string */ .YjP()).optional(),
    files: zod__WEBPACK_IMPORTED_MODULE_8__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_8__/* .string */ .YjP()).optional().describe('The data files it describes, as validate-data named them.'),
})
    .strict();
const manifestRequirementsSchema = zod__WEBPACK_IMPORTED_MODULE_8__/* .object */ .Ikc({
    path: bundlePath,
    sha256,
    packages: zod__WEBPACK_IMPORTED_MODULE_8__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_8__/* .string */ .YjP().min(1)).describe('Requirements, e.g. "scikit-learn==1.2.1"; empty for lock files that are not requirement lists.'),
})
    .strict();
const modelManifestSchema = zod__WEBPACK_IMPORTED_MODULE_8__/* .object */ .Ikc({
    $schema: zod__WEBPACK_IMPORTED_MODULE_8__/* .string */ .YjP().optional(),
    schemaVersion: zod__WEBPACK_IMPORTED_MODULE_8__/* .literal */ .euz(MANIFEST_SCHEMA_VERSION).describe('Manifest format version; 1 is the only one.'),
    kind: zod__WEBPACK_IMPORTED_MODULE_8__/* .literal */ .euz(MANIFEST_KIND),
    name: zod__WEBPACK_IMPORTED_MODULE_8__/* .string */ .YjP().min(1).max(128).regex(NAME_PATTERN, 'must start with a letter or digit and hold only letters, digits, ".", "_" and "-"'),
    version: zod__WEBPACK_IMPORTED_MODULE_8__/* .string */ .YjP().regex(SEMVER_PATTERN, 'must be a semantic version (MAJOR.MINOR.PATCH)'),
    description: zod__WEBPACK_IMPORTED_MODULE_8__/* .string */ .YjP().optional(),
    intendedUse: zod__WEBPACK_IMPORTED_MODULE_8__/* .string */ .YjP().optional(),
    limitations: zod__WEBPACK_IMPORTED_MODULE_8__/* .string */ .YjP().optional(),
    createdFrom: zod__WEBPACK_IMPORTED_MODULE_8__/* .object */ .Ikc({
        repository: zod__WEBPACK_IMPORTED_MODULE_8__/* .string */ .YjP().min(1).optional().describe('owner/name'),
        commit: zod__WEBPACK_IMPORTED_MODULE_8__/* .string */ .YjP().min(1).optional(),
        ref: zod__WEBPACK_IMPORTED_MODULE_8__/* .string */ .YjP().min(1).optional(),
        workflow: zod__WEBPACK_IMPORTED_MODULE_8__/* .string */ .YjP().min(1).optional(),
        runUrl: zod__WEBPACK_IMPORTED_MODULE_8__/* .string */ .YjP().min(1).optional(),
    })
        .strict()
        .describe('Where the package was built.'),
    files: zod__WEBPACK_IMPORTED_MODULE_8__/* .array */ .YOg(manifestFileSchema).describe('Every file of the package but the manifest, sorted by path.'),
    formats: zod__WEBPACK_IMPORTED_MODULE_8__/* .array */ .YOg(manifestFormatSchema),
    signature: _signature_js__WEBPACK_IMPORTED_MODULE_7__/* .signatureSchema */ .qN.optional(),
    examples: zod__WEBPACK_IMPORTED_MODULE_8__/* .object */ .Ikc({
        input: zod__WEBPACK_IMPORTED_MODULE_8__/* .string */ .YjP().regex(BUNDLE_PATH_PATTERN).optional().describe('Path in the package of rows the model accepts (the input example).'),
        output: zod__WEBPACK_IMPORTED_MODULE_8__/* .string */ .YjP().regex(BUNDLE_PATH_PATTERN).optional().describe("Path in the package of the model's expected output for the input example."),
    })
        .strict()
        .optional()
        .describe('Examples a serving image is smoke-tested with.'),
    metrics: zod__WEBPACK_IMPORTED_MODULE_8__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_8__/* .string */ .YjP().min(1), zod__WEBPACK_IMPORTED_MODULE_8__/* .number */ .aig().refine(Number.isFinite, 'must be a finite number')),
    params: zod__WEBPACK_IMPORTED_MODULE_8__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_8__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_8__/* .unknown */ .L5J()),
    data: zod__WEBPACK_IMPORTED_MODULE_8__/* .array */ .YOg(manifestDataSchema),
    evaluation: zod__WEBPACK_IMPORTED_MODULE_8__/* .object */ .Ikc({
        verdict: _platform_report_js__WEBPACK_IMPORTED_MODULE_5__/* .verdictSchema */ .$D,
        headline: zod__WEBPACK_IMPORTED_MODULE_8__/* .string */ .YjP().optional(),
        reportPath: bundlePath,
        reportSha256: sha256,
    })
        .strict()
        .optional()
        .describe('The evaluate-metrics-gate report the model passed through.'),
    environment: zod__WEBPACK_IMPORTED_MODULE_8__/* .object */ .Ikc({
        python: zod__WEBPACK_IMPORTED_MODULE_8__/* .string */ .YjP().min(1).optional(),
        requirements: zod__WEBPACK_IMPORTED_MODULE_8__/* .array */ .YOg(manifestRequirementsSchema),
    })
        .strict(),
})
    .strict()
    .superRefine((m, ctx) => {
    const byPath = new Map();
    m.files.forEach((f, i) => {
        if (byPath.has(f.path))
            ctx.addIssue({ code: 'custom', path: ['files', i, 'path'], message: `${f.path} is listed twice` });
        byPath.set(f.path, f.sha256);
        if (f.path === MANIFEST_FILE)
            ctx.addIssue({ code: 'custom', path: ['files', i, 'path'], message: 'the manifest does not list itself' });
        else if (roleOfPath(f.path) !== f.role)
            ctx.addIssue({ code: 'custom', path: ['files', i, 'role'], message: `${f.path} has role ${f.role}, but its place in the package means ${roleOfPath(f.path) ?? 'no role'}` });
    });
    const listed = (path, file, hash) => {
        const known = byPath.get(file);
        if (known === undefined)
            ctx.addIssue({ code: 'custom', path, message: `${file} is not one of the files` });
        else if (known !== hash)
            ctx.addIssue({ code: 'custom', path, message: `the sha256 of ${file} differs from its entry in files` });
    };
    m.data.forEach((d, i) => listed(['data', i, 'source'], d.source, d.sha256));
    if (m.evaluation)
        listed(['evaluation', 'reportPath'], m.evaluation.reportPath, m.evaluation.reportSha256);
    m.environment.requirements.forEach((r, i) => listed(['environment', 'requirements', i, 'path'], r.path, r.sha256));
});
function modelManifestJsonSchema() {
    return zod__WEBPACK_IMPORTED_MODULE_9__/* .toJSONSchema */ .bl(modelManifestSchema, { target: 'draft-2020-12' });
}
/** The role a bundle path's place gives it; undefined outside the layout. */
function roleOfPath(path) {
    if (path === CARD_FILE)
        return 'card';
    const top = path.split('/')[0];
    return path.includes('/') && ['model', 'metadata', 'requirements', 'extra'].find((r) => r === top) ? top : undefined;
}
/** Code-unit order: the same on every machine and locale. */
function comparePaths(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}
/**
 * The manifest as written: 2-space JSON and a final newline, keys in schema order, record keys and
 * the keys of params' values sorted, files, formats, data and requirement files sorted by path.
 * An invalid manifest is a bug of the caller and throws.
 */
function serializeManifest(m) {
    const parsed = modelManifestSchema.safeParse(m);
    if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new Error(`invalid model manifest: ${issue.path.map(String).join('.') || '(top level)'}: ${issue.message}`);
    }
    const value = parsed.data;
    const sorted = {
        ...value,
        files: [...value.files].sort((a, b) => comparePaths(a.path, b.path)),
        formats: [...value.formats].sort((a, b) => comparePaths(a.path, b.path)),
        data: [...value.data].sort((a, b) => comparePaths(a.source, b.source)),
        environment: {
            ...value.environment,
            requirements: [...value.environment.requirements].sort((a, b) => comparePaths(a.path, b.path)).map((r) => ({ ...r, packages: [...r.packages].sort(comparePaths) })),
        },
    };
    return `${JSON.stringify(inSchemaOrder(modelManifestSchema, sorted), null, 2)}\n`;
}
/** A copy of value whose object keys follow the schema's order; records and free JSON get sorted keys. */
function inSchemaOrder(schema, value) {
    if (value === undefined || value === null)
        return value;
    if (schema instanceof zod__WEBPACK_IMPORTED_MODULE_8__/* .ZodOptional */ .IiU || schema instanceof zod__WEBPACK_IMPORTED_MODULE_8__/* .ZodNullable */ .l1C || schema instanceof zod__WEBPACK_IMPORTED_MODULE_8__/* .ZodDefault */ .XiL)
        return inSchemaOrder(schema.unwrap(), value);
    if (schema instanceof zod__WEBPACK_IMPORTED_MODULE_8__/* .ZodObject */ .bvH && isPlainObject(value)) {
        const shape = schema.shape;
        const out = {};
        for (const key of Object.keys(shape))
            if (value[key] !== undefined)
                out[key] = inSchemaOrder(shape[key], value[key]);
        return out;
    }
    if (schema instanceof zod__WEBPACK_IMPORTED_MODULE_8__/* .ZodArray */ .naA && Array.isArray(value))
        return value.map((v) => inSchemaOrder(schema.element, v));
    if (schema instanceof zod__WEBPACK_IMPORTED_MODULE_8__/* .ZodRecord */ .b8S && isPlainObject(value)) {
        const out = {};
        for (const key of Object.keys(value).sort(comparePaths))
            if (value[key] !== undefined)
                out[key] = inSchemaOrder(schema.valueType, value[key]);
        return out;
    }
    return canonicalJson(value);
}
function canonicalJson(value) {
    if (Array.isArray(value))
        return value.map(canonicalJson);
    if (isPlainObject(value)) {
        const out = {};
        for (const key of Object.keys(value).sort(comparePaths))
            if (value[key] !== undefined)
                out[key] = canonicalJson(value[key]);
        return out;
    }
    return value;
}
const MANIFEST_HINT = 'A model manifest is the model-manifest.json that package-model writes; build the package again rather than editing it.';
function parseManifest(text, displayName) {
    let raw;
    try {
        raw = JSON.parse(text);
    }
    catch (error) {
        throw new _platform_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .ConfigurationError */ .j1(`the model manifest is not valid JSON: ${error.message}`, { file: displayName, line: (0,_signature_js__WEBPACK_IMPORTED_MODULE_7__/* .jsonErrorLine */ .DP)(error, text), hint: MANIFEST_HINT });
    }
    if (!isPlainObject(raw) || raw.kind !== MANIFEST_KIND) {
        throw new _platform_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .ConfigurationError */ .j1('not a model manifest', { file: displayName, line: 1, hint: `A model manifest has "kind": "${MANIFEST_KIND}". ${MANIFEST_HINT}` });
    }
    if (raw.schemaVersion !== MANIFEST_SCHEMA_VERSION) {
        throw new _platform_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .ConfigurationError */ .j1(`model manifest schemaVersion ${JSON.stringify(raw.schemaVersion)} is not supported (this version reads ${MANIFEST_SCHEMA_VERSION})`, {
            file: displayName,
            line: 1,
            hint: 'It was written by another version of package-model; use that version to read it, or build the package again.',
        });
    }
    try {
        return (0,_platform_config_file_js__WEBPACK_IMPORTED_MODULE_3__/* .parseConfigText */ .B)(text, displayName, modelManifestSchema, 'model manifest').value;
    }
    catch (error) {
        if (!(0,_platform_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .isConfigurationError */ .p0)(error))
            throw error;
        throw new _platform_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .ConfigurationError */ .j1(error.message, { file: error.file, line: error.line, hint: error.hint ? `${error.hint} ${MANIFEST_HINT}` : MANIFEST_HINT });
    }
}
/**
 * The package version: the `version` input when given (a leading `v` dropped), else the tag the
 * workflow runs for (`refs/tags/v1.2.3` or `refs/tags/1.2.3`) when it is semver, else
 * `0.0.0+<short commit>`, or `0.0.0+local` without a commit.
 */
function deriveVersion(options) {
    const given = options.given?.trim();
    if (given) {
        const version = given.replace(/^[vV](?=\d)/, '');
        if (!isSemver(version)) {
            throw new _platform_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .ConfigurationError */ .j1(`input version: ${JSON.stringify(given)} is not semver`, {
                hint: 'Use MAJOR.MINOR.PATCH, e.g. 1.4.0, 2.0.0-rc.1 or 1.4.0+build.7 (a leading v is dropped); or leave it empty to take the version from the tag.',
            });
        }
        return version;
    }
    const tag = /^refs\/tags\/[vV]?(\d.*)$/.exec(options.ref ?? '');
    if (tag && isSemver(tag[1]))
        return tag[1];
    const sha = options.sha?.trim().toLowerCase();
    return sha && /^[0-9a-f]{7,}$/.test(sha) ? `0.0.0+${sha.slice(0, 7)}` : '0.0.0+local';
}
const REQUIREMENT = /^([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)\s*(\[[^\]]*\])?\s*(.*)$/;
const SPECIFIER_START = /^(===|==|!=|~=|<=|>=|<|>|@|\()/;
/** PEP 503: lower case, runs of `-`, `_` and `.` as one `-`. */
function normalizePackageName(name) {
    return name.toLowerCase().replace(/[-_.]+/g, '-');
}
/**
 * The requirements of a pip requirements file, sorted: a pinned one (`==`, `===`) as
 * `name==version` with the name normalized (extras kept, sorted: `uvicorn[standard]==0.23.2`), any
 * other as written. Comments, option lines (-r, -c, -e, -i, --index-url, ...), per-requirement
 * options (--hash) and environment markers are left out; lines that are not requirements (paths,
 * URLs, another format's syntax) are skipped.
 */
function parseRequirements(text) {
    const out = new Set();
    for (const physical of text.replace(/\\\r?\n/g, ' ').split(/\r?\n/)) {
        let line = physical.replace(/(^|\s)#.*$/, '').trim();
        if (line === '' || line.startsWith('-'))
            continue;
        line = line.replace(/\s+--?[A-Za-z].*$/, '');
        const semicolon = line.indexOf(';');
        if (semicolon >= 0)
            line = line.slice(0, semicolon);
        line = line.trim();
        const match = REQUIREMENT.exec(line);
        if (!match)
            continue;
        const [, name, extras, rest] = match;
        if (rest !== '' && !SPECIFIER_START.test(rest))
            continue;
        const pinned = /^===?\s*([^\s,;]+)$/.exec(rest);
        if (pinned) {
            const extraList = extras
                ? `[${extras
                    .slice(1, -1)
                    .split(',')
                    .map((e) => normalizePackageName(e.trim()))
                    .filter((e) => e !== '')
                    .sort(comparePaths)
                    .join(',')}]`
                : '';
            out.add(`${normalizePackageName(name)}${extraList}==${pinned[1]}`);
        }
        else {
            out.add(line);
        }
    }
    return [...out].sort(comparePaths);
}
/** The normalized package name of a requirement string such as `Scikit_Learn[x]>=1.2`. */
function requirementName(requirement) {
    const match = REQUIREMENT.exec(requirement.trim());
    return match ? normalizePackageName(match[1]) : requirement.trim();
}
/**
 * What the manifest records of a validate-data profile file (`mode: profile`) or of a validate-data
 * JSON report: its sha256, and the rows, column names and data files it describes.
 */
async function readDataFingerprint(file, displayName) {
    const { bytes, value } = await readJsonFile(file, displayName, 'data profile', 'Give a profile file validate-data wrote (profile-path) or its JSON report (report-path).');
    const hash = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(bytes).digest('hex');
    if (isPlainObject(value) && value.format === _data_profile_js__WEBPACK_IMPORTED_MODULE_2__/* .PROFILE_FORMAT */ .fJ && isPlainObject(value.profile)) {
        const profile = value.profile;
        return {
            kind: 'profile',
            sha256: hash,
            ...rowsOf(profile.rows),
            ...columnsOf(Array.isArray(profile.columns) ? profile.columns.map((c) => (isPlainObject(c) ? c.name : undefined)) : undefined),
            ...filesOf(profile.files),
        };
    }
    if (isPlainObject(value) && value.action === 'validate-data' && isPlainObject(value.details)) {
        const details = value.details;
        return { kind: 'report', sha256: hash, ...rowsOf(details.rows), ...columnsOf(details.columns), ...filesOf(details.files) };
    }
    throw new _platform_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .ConfigurationError */ .j1('neither a validate-data profile nor a validate-data report', {
        file: displayName,
        line: 1,
        hint: `A profile has "format": "${_data_profile_js__WEBPACK_IMPORTED_MODULE_2__/* .PROFILE_FORMAT */ .fJ}" (written at profile-path); a report has "action": "validate-data" (written at report-path).`,
    });
}
function rowsOf(rows) {
    return typeof rows === 'number' && Number.isInteger(rows) && rows >= 0 ? { rows } : {};
}
function columnsOf(columns) {
    return Array.isArray(columns) && columns.every((c) => typeof c === 'string') ? { columns: columns } : {};
}
function filesOf(files) {
    if (!Array.isArray(files))
        return {};
    const names = files.map((f) => (typeof f === 'string' ? f : isPlainObject(f) && typeof f.file === 'string' ? f.file : undefined));
    return names.every((n) => n !== undefined) ? { files: names } : {};
}
/** The verdict and headline of an evaluate-metrics-gate JSON report. */
async function readEvaluationReport(file, displayName) {
    const hint = 'Give the JSON report evaluate-metrics-gate wrote (its report-path).';
    const { value } = await readJsonFile(file, displayName, 'evaluation report', hint);
    if (!isPlainObject(value) || value.action !== 'evaluate-metrics-gate') {
        const action = isPlainObject(value) && typeof value.action === 'string' ? ` (it is a ${value.action} report)` : '';
        throw new _platform_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .ConfigurationError */ .j1(`not an evaluate-metrics-gate report${action}`, { file: displayName, line: 1, hint });
    }
    const verdict = _platform_report_js__WEBPACK_IMPORTED_MODULE_5__/* .verdictSchema */ .$D.safeParse(value.verdict);
    if (!verdict.success || typeof value.headline !== 'string') {
        throw new _platform_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .ConfigurationError */ .j1('the evaluation report has no verdict or headline', { file: displayName, line: 1, hint });
    }
    return { verdict: verdict.data, headline: value.headline };
}
async function readJsonFile(file, displayName, what, hint) {
    let bytes;
    try {
        bytes = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readFile)(file);
    }
    catch (error) {
        const code = error.code;
        throw new _platform_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .ConfigurationError */ .j1(code === 'ENOENT' ? `${what} not found` : `cannot read the ${what} (${code ?? 'error'})`, { file: displayName, hint });
    }
    const text = bytes.toString('utf8');
    try {
        return { bytes, value: JSON.parse(text) };
    }
    catch (error) {
        throw new _platform_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .ConfigurationError */ .j1(`the ${what} is not valid JSON: ${error.message}`, { file: displayName, line: (0,_signature_js__WEBPACK_IMPORTED_MODULE_7__/* .jsonErrorLine */ .DP)(error, text), hint });
    }
}
function isPlainObject(value) {
    return value !== null && typeof value === 'object' && !Array.isArray(value);
}


/***/ }),

/***/ 9915:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  H6: () => (/* binding */ openVerifiedPackage),
  gR: () => (/* binding */ packageModel),
  i7: () => (/* binding */ readPackageManifest),
  IF: () => (/* binding */ verifyBundle)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 7 modules
var schemas = __webpack_require__(2311);
// EXTERNAL MODULE: ./src/eval/metrics-file.ts
var metrics_file = __webpack_require__(5546);
// EXTERNAL MODULE: ./src/platform/config-file.ts
var config_file = __webpack_require__(5892);
// EXTERNAL MODULE: ./src/platform/errors.ts
var errors = __webpack_require__(6316);
// EXTERNAL MODULE: ./src/platform/files.ts
var platform_files = __webpack_require__(4924);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(7075);
// EXTERNAL MODULE: external "node:stream/promises"
var external_node_stream_promises_ = __webpack_require__(6466);
;// CONCATENATED MODULE: ./src/packaging/collect.ts







const WILDCARD = /[*?[\]{}]/;
/**
 * Each entry of `patterns` (one per line): a file goes to `<prefix>/<its name>`, a folder to
 * `<prefix>/<its name>/...` with everything under it, a glob's matches to `<prefix>/<their path
 * below the glob's fixed part>`. Two entries that land on one bundle path are an error.
 */
async function collectFiles(collector, patterns, prefix, inputName) {
    const out = [];
    for (const pattern of patterns) {
        if (WILDCARD.test(pattern)) {
            const base = globBase(pattern);
            const baseAbsolute = await insideWorkspace(collector.root, base === '' ? '.' : base, inputName);
            const matched = await collector.glob(pattern);
            if (matched.length === 0)
                throw new errors/* ConfigurationError */.j1(`${inputName}: no file matches ${pattern}`, { hint: 'Paths and globs are relative to the workspace; check the step that writes the model ran before this one.' });
            for (const file of matched) {
                const source = await insideWorkspace(collector.root, external_node_path_default().relative(collector.root, file), inputName);
                const rel = toPosix(external_node_path_default().relative(baseAbsolute, file));
                out.push(await describe(collector.root, source, file, `${prefix}/${rel}`));
            }
            continue;
        }
        const source = await insideWorkspace(collector.root, pattern, inputName);
        const info = await (0,promises_.stat)(source);
        const name = external_node_path_default().basename(external_node_path_default().resolve(collector.root, pattern));
        if (info.isDirectory()) {
            const files = await walk(collector.root, external_node_path_default().resolve(collector.root, pattern), inputName);
            if (files.length === 0)
                throw new errors/* ConfigurationError */.j1(`${inputName}: the folder ${pattern} is empty`, { hint: 'Point it at the folder the training step wrote the model into, after that step.' });
            for (const file of files)
                out.push(await describe(collector.root, file.source, file.given, `${prefix}/${name}/${toPosix(external_node_path_default().relative(external_node_path_default().resolve(collector.root, pattern), file.given))}`));
        }
        else if (info.isFile()) {
            out.push(await describe(collector.root, source, external_node_path_default().resolve(collector.root, pattern), `${prefix}/${name}`));
        }
        else {
            throw new errors/* ConfigurationError */.j1(`${inputName}: ${pattern} is not a regular file or a folder`, { hint: 'Package files and folders only.' });
        }
    }
    const seen = new Map();
    for (const f of out) {
        const other = seen.get(f.bundlePath);
        if (other !== undefined && other !== f.display) {
            throw new errors/* ConfigurationError */.j1(`${inputName}: ${other} and ${f.display} would both be ${f.bundlePath} in the package`, { hint: 'Rename one, or give their common folder instead.' });
        }
        seen.set(f.bundlePath, f.display);
    }
    return out.filter((f, i) => out.findIndex((g) => g.bundlePath === f.bundlePath) === i);
}
/**
 * The absolute, link-free path of a user path, which must exist and stay inside the workspace. A
 * `..` that climbs out, an absolute path elsewhere, or a symbolic link that points out is refused.
 */
async function insideWorkspace(root, userPath, inputName) {
    const rootReal = await (0,promises_.realpath)(root);
    const absolute = external_node_path_default().resolve(root, userPath);
    if (!isInside(external_node_path_default().resolve(root), absolute)) {
        throw new errors/* ConfigurationError */.j1(`${inputName}: ${userPath} is outside the workspace`, { hint: 'Package only files of the repository or written by earlier steps into it: no `..` above it, no absolute paths elsewhere.' });
    }
    let real;
    try {
        real = await (0,promises_.realpath)(absolute);
    }
    catch {
        const dangling = await (0,promises_.lstat)(absolute).then((s) => s.isSymbolicLink(), () => false);
        throw new errors/* ConfigurationError */.j1(dangling ? `${inputName}: ${userPath} is a symbolic link to nothing` : `${inputName}: file not found: ${userPath}`, {
            hint: 'Paths are relative to the workspace; check the spelling or the step that should have written it.',
        });
    }
    if (!isInside(rootReal, real)) {
        throw new errors/* ConfigurationError */.j1(`${inputName}: ${userPath} is a symbolic link to ${real}, outside the workspace`, { hint: 'Copy the file into the workspace instead of linking to it.' });
    }
    return real;
}
async function walk(root, dir, inputName) {
    const out = [];
    const entries = await (0,promises_.readdir)(dir, { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
        const full = external_node_path_default().join(dir, entry.name);
        const real = await insideWorkspace(root, external_node_path_default().relative(root, full), inputName);
        const info = await (0,promises_.stat)(real);
        if (info.isDirectory()) {
            if (entry.isSymbolicLink())
                throw new errors/* ConfigurationError */.j1(`${inputName}: ${toPosix(external_node_path_default().relative(root, full))} is a symbolic link to a folder`, { hint: 'Replace it by the folder itself.' });
            out.push(...(await walk(root, full, inputName)));
        }
        else if (info.isFile()) {
            out.push({ source: real, given: full });
        }
    }
    return out;
}
async function describe(root, source, given, bundlePath) {
    const info = await (0,promises_.stat)(source);
    return { source, bundlePath, display: toPosix(external_node_path_default().relative(root, given)), executable: (info.mode & 0o111) !== 0 };
}
/** The part of a glob before its first wildcard segment. */
function globBase(pattern) {
    const parts = pattern.split('/');
    const fixed = [];
    for (const part of parts) {
        if (WILDCARD.test(part))
            break;
        fixed.push(part);
    }
    return fixed.join('/');
}
function isInside(parent, child) {
    const rel = external_node_path_default().relative(parent, child);
    return rel === '' || (!rel.startsWith('..') && !external_node_path_default().isAbsolute(rel));
}
function toPosix(p) {
    return p.split((external_node_path_default()).sep).join('/');
}
/** Copies a file while hashing it: one read. */
async function copyWithHash(source, target) {
    await (0,promises_.mkdir)(external_node_path_default().dirname(target), { recursive: true });
    const hash = (0,external_node_crypto_.createHash)('sha256');
    let size = 0;
    const tap = new external_node_stream_.Transform({
        transform(chunk, _encoding, callback) {
            hash.update(chunk);
            size += chunk.length;
            callback(null, chunk);
        },
    });
    await (0,external_node_stream_promises_.pipeline)((0,external_node_fs_.createReadStream)(source, { highWaterMark: 4 << 20 }), tap, (0,external_node_fs_.createWriteStream)(target));
    return { sha256: hash.digest('hex'), size };
}

// EXTERNAL MODULE: ./src/packaging/formats.ts
var packaging_formats = __webpack_require__(7131);
// EXTERNAL MODULE: ./src/packaging/manifest.ts
var packaging_manifest = __webpack_require__(5494);
;// CONCATENATED MODULE: ./src/packaging/model-card.ts


const PLACEHOLDERS = [
    'name',
    'version',
    'description',
    'intended_use',
    'limitations',
    'provenance',
    'evaluation',
    'metrics_table',
    'params_table',
    'data_table',
    'signature_table',
    'formats_table',
    'files_table',
    'environment',
];
const VERDICT_ICON = { pass: '✅', fail: '❌', inconclusive: '⚠️', error: '💥' };
function renderModelCard(manifest, options = {}) {
    const sections = renderSections(manifest);
    if (options.template !== undefined)
        return fillTemplate(options.template, options.templateName ?? 'model card template', sections);
    const risky = manifest.formats.filter((f) => f.runsCodeOnLoad).sort((a, b) => (0,packaging_manifest/* comparePaths */.cD)(a.path, b.path));
    const parts = [`# ${manifest.name} ${manifest.version}`];
    if (manifest.description)
        parts.push(manifest.description.trim());
    if (risky.length > 0) {
        parts.push([
            '> [!WARNING]',
            '> ⚠️ **Loading this model runs code.** Only load packages you trust.',
            ...risky.map((f) => `> - ${code(f.path)} is ${f.format}: loading it can run arbitrary code.`),
        ].join('\n'));
    }
    parts.push(`## Intended use\n\n${sections.intended_use}`, `## Limitations\n\n${sections.limitations}`, `## Provenance\n\n${sections.provenance}`, `## Evaluation\n\n${sections.evaluation}`, `## Metrics\n\n${sections.metrics_table}`, `## Parameters\n\n${sections.params_table}`, `## Data\n\n${sections.data_table}`, `## Signature\n\n${sections.signature_table}`, `## Formats\n\n${sections.formats_table}`, `## Files\n\n${sections.files_table}`, `## Environment\n\n${sections.environment}`);
    return `${parts.join('\n\n')}\n`;
}
function renderSections(m) {
    return {
        name: m.name,
        version: m.version,
        description: m.description?.trim() ?? '',
        intended_use: m.intendedUse?.trim() || 'Not stated: set intended-use.',
        limitations: m.limitations?.trim() || 'Not stated: set limitations.',
        provenance: provenance(m),
        evaluation: evaluation(m),
        metrics_table: metricsTable(m),
        params_table: paramsTable(m),
        data_table: dataTable(m),
        signature_table: signatureTable(m),
        formats_table: formatsTable(m),
        files_table: filesTable(m),
        environment: environment(m),
    };
}
function provenance(m) {
    const c = m.createdFrom;
    const rows = [];
    if (c.repository)
        rows.push(['Repository', escapeCell(c.repository)]);
    if (c.commit)
        rows.push(['Commit', code(c.commit)]);
    if (c.ref)
        rows.push(['Ref', code(c.ref)]);
    if (c.workflow)
        rows.push(['Workflow', escapeCell(c.workflow)]);
    if (c.runUrl)
        rows.push(['Run', escapeCell(c.runUrl)]);
    return rows.length === 0 ? 'Not recorded.' : table(['', ''], rows);
}
function evaluation(m) {
    const e = m.evaluation;
    if (!e)
        return 'No evaluation report: set evaluation-report to the report of evaluate-metrics-gate.';
    const headline = e.headline ? ` ${e.headline.trim()}` : '';
    return `${VERDICT_ICON[e.verdict] ?? ''} **${e.verdict}**:${headline}\n\nReport: ${code(e.reportPath)} (sha256 ${code(e.reportSha256.slice(0, 12))})`;
}
function metricsTable(m) {
    const names = Object.keys(m.metrics).sort(packaging_manifest/* comparePaths */.cD);
    if (names.length === 0)
        return 'No metrics recorded: set metrics.';
    return table(['metric', 'value'], names.map((n) => [escapeCell(n), formatNumber(m.metrics[n])]));
}
function paramsTable(m) {
    const names = Object.keys(m.params).sort(packaging_manifest/* comparePaths */.cD);
    if (names.length === 0)
        return 'No parameters recorded: set params.';
    return table(['parameter', 'value'], names.map((n) => {
        const v = m.params[n];
        return [escapeCell(n), typeof v === 'string' ? escapeCell(v) : typeof v === 'number' ? formatNumber(v) : code(stableJson(v))];
    }));
}
function dataTable(m) {
    if (m.data.length === 0)
        return 'No data profile recorded: set data-profile to a validate-data profile or report.';
    const rows = [...m.data]
        .sort((a, b) => (0,packaging_manifest/* comparePaths */.cD)(a.source, b.source))
        .map((d) => [code(d.source), d.kind, d.rows === undefined ? '—' : groupDigits(d.rows), d.columns === undefined ? '—' : String(d.columns.length), d.files === undefined ? '—' : escapeCell(d.files.join(', ')), code(d.sha256.slice(0, 12))]);
    return table(['source', 'kind', 'rows', 'columns', 'data files', 'sha256'], rows);
}
function signatureTable(m) {
    const s = m.signature;
    if (!s)
        return 'No signature: set signature, or input-example to infer one.';
    const row = (direction, f) => [direction, code(f.name), f.type, f.shape ? code(`[${f.shape.join(', ')}]`) : '—', f.dtype ? escapeCell(f.dtype) : '—', f.nullable ? 'yes' : 'no'];
    const rows = [...s.inputs.map((f) => row('input', f)), ...(s.outputs ?? []).map((f) => row('output', f))];
    const origin = s.source === 'inferred' ? 'Inferred from the input example: check the types before relying on them.' : 'Given in the signature file.';
    return `${table(['', 'name', 'type', 'shape', 'dtype', 'nullable'], rows)}\n\n${origin}`;
}
function formatsTable(m) {
    if (m.formats.length === 0)
        return 'No model format recognized.';
    const rows = [...m.formats]
        .sort((a, b) => (0,packaging_manifest/* comparePaths */.cD)(a.path, b.path))
        .map((f) => [code(f.path), f.format, f.runsCodeOnLoad ? '⚠️ yes' : 'no', f.note ? escapeCell(f.note) : '']);
    return table(['path', 'format', 'runs code on load', 'note'], rows);
}
function filesTable(m) {
    if (m.files.length === 0)
        return 'No files.';
    const rows = [...m.files].sort((a, b) => (0,packaging_manifest/* comparePaths */.cD)(a.path, b.path)).map((f) => [code(f.path), f.role, formatBytes(f.size), code(f.sha256.slice(0, 12))]);
    const total = m.files.reduce((sum, f) => sum + f.size, 0);
    return `${table(['path', 'role', 'size', 'sha256'], rows)}\n\n${groupDigits(m.files.length)} file${m.files.length === 1 ? '' : 's'}, ${formatBytes(total)}. Full hashes are in model-manifest.json.`;
}
function environment(m) {
    const parts = [m.environment.python ? `Python ${escapeCell(m.environment.python)}` : 'Python version not stated: set python-version.'];
    const files = [...m.environment.requirements].sort((a, b) => (0,packaging_manifest/* comparePaths */.cD)(a.path, b.path));
    if (files.length === 0) {
        parts.push('No requirements file: set requirements.');
        return parts.join('\n\n');
    }
    parts.push(table(['requirements file', 'packages', 'sha256'], files.map((r) => [code(r.path), groupDigits(r.packages.length), code(r.sha256.slice(0, 12))])));
    for (const r of files) {
        if (r.packages.length === 0)
            continue;
        const list = [...r.packages].sort(packaging_manifest/* comparePaths */.cD).map((p) => `- ${code(p)}`);
        parts.push(`<details><summary>${escapeHtml(r.path)}: ${groupDigits(r.packages.length)} package${r.packages.length === 1 ? '' : 's'}</summary>\n\n${list.join('\n')}\n\n</details>`);
    }
    return parts.join('\n\n');
}
const PLACEHOLDER = /\{\{\s*([^{}\s]*)\s*\}\}/g;
function fillTemplate(template, templateName, sections) {
    const known = new Set(PLACEHOLDERS);
    const lines = template.split('\n');
    for (let i = 0; i < lines.length; i++) {
        for (const match of lines[i].matchAll(PLACEHOLDER)) {
            if (!known.has(match[1])) {
                throw new errors/* ConfigurationError */.j1(`model card template: unknown placeholder {{${match[1]}}}`, {
                    file: templateName,
                    line: i + 1,
                    column: match.index + 1,
                    hint: `Known placeholders: ${PLACEHOLDERS.map((p) => `{{${p}}}`).join(', ')}.`,
                });
            }
        }
    }
    // One pass over the template: text a placeholder brings in is never read as a placeholder.
    const out = template.replace(PLACEHOLDER, (_all, name) => sections[name]);
    return out.endsWith('\n') ? out : `${out}\n`;
}
function table(header, rows) {
    return [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}
/** Text in a table cell: no HTML, no column break, no line break. */
function escapeCell(text) {
    return escapeHtml(text).replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
}
function escapeHtml(text) {
    return text.replace(/[<>&]/g, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&amp;'));
}
/** A code span that holds any text, a pipe included. */
function code(text) {
    const oneLine = text.replace(/\r?\n/g, ' ').replace(/\|/g, '\\|');
    const fence = oneLine.includes('`') ? '``' : '`';
    const pad = fence.length > 1 || oneLine.startsWith('`') || oneLine.endsWith('`') ? ' ' : '';
    return `${fence}${pad}${oneLine}${pad}${fence}`;
}
function formatNumber(v) {
    return Number.isInteger(v) ? groupDigits(v) : String(Number(v.toPrecision(6)));
}
function groupDigits(n) {
    return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
function formatBytes(bytes) {
    if (bytes < 1024)
        return `${bytes} B`;
    const units = ['KiB', 'MiB', 'GiB', 'TiB'];
    let value = bytes / 1024;
    let unit = 0;
    while (value >= 1024 && unit < units.length - 1) {
        value /= 1024;
        unit++;
    }
    return `${value.toFixed(1)} ${units[unit]}`;
}
function stableJson(value) {
    return JSON.stringify(value, (_key, v) => v !== null && typeof v === 'object' && !Array.isArray(v)
        ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (0,packaging_manifest/* comparePaths */.cD)(a, b)))
        : v) ?? 'null';
}

// EXTERNAL MODULE: ./src/packaging/signature.ts
var packaging_signature = __webpack_require__(2253);
// EXTERNAL MODULE: ./src/packaging/tar.ts
var tar = __webpack_require__(2892);
;// CONCATENATED MODULE: ./src/packaging/package.ts













async function packageModel(options) {
    const { collector } = options;
    const root = collector.root;
    const one = async (value, inputName, folder) => value ? (await collectFiles(collector, [value], folder, inputName))[0] : undefined;
    const model = await collectFiles(collector, options.model, 'model', 'model');
    const extra = await collectFiles(collector, options.extra, 'extra', 'extra-files');
    const requirements = await collectFiles(collector, options.requirements, 'requirements', 'requirements');
    const data = await collectFiles(collector, options.data, 'metadata/data', 'data-profile');
    const metricsFile = await one(options.metrics, 'metrics', 'metadata');
    const paramsFile = await one(options.params, 'params', 'metadata');
    const signatureFile = await one(options.signature, 'signature', 'metadata');
    const exampleFile = await one(options.inputExample, 'input-example', 'metadata');
    const expectedFile = await one(options.outputExample, 'output-example', 'metadata');
    if (expectedFile && !exampleFile)
        throw new errors/* ConfigurationError */.j1('input output-example needs input-example', { hint: 'The expected output is of the input example: give both.' });
    if (expectedFile) {
        try {
            JSON.parse(await (0,promises_.readFile)(expectedFile.source, 'utf8'));
        }
        catch (error) {
            throw new errors/* ConfigurationError */.j1(`the output example is not JSON: ${error.message}`, { file: expectedFile.display, hint: 'Write the predictions for the input example as JSON, e.g. {"predictions": [0, 1]}.' });
        }
    }
    const evaluationFile = await one(options.evaluation, 'evaluation-report', 'metadata/evaluation');
    const templateSource = options.modelCardTemplate ? await insideWorkspace(root, options.modelCardTemplate, 'model-card-template') : undefined;
    // Read and check every descriptive input before anything is written.
    const metrics = metricsFile ? await (0,metrics_file/* readMetricsFile */._)(metricsFile.source, metricsFile.display) : {};
    const params = paramsFile ? await readParams(paramsFile) : {};
    const signature = signatureFile
        ? (0,packaging_signature/* parseSignatureFile */.Az)(await (0,promises_.readFile)(signatureFile.source, 'utf8'), signatureFile.display)
        : exampleFile
            ? (0,packaging_signature/* inferSignature */.hJ)(await (0,promises_.readFile)(exampleFile.source, 'utf8'), exampleFile.display)
            : undefined;
    const dataEntries = [];
    for (const file of data) {
        const fingerprint = await (0,packaging_manifest/* readDataFingerprint */.d1)(file.source, file.display);
        dataEntries.push({ ...fingerprint, source: file.bundlePath, sha256: (await (0,platform_files/* sha256File */.Q)(file.source)).sha256 });
    }
    const evaluation = evaluationFile ? { ...(await (0,packaging_manifest/* readEvaluationReport */.rB)(evaluationFile.source, evaluationFile.display)), reportPath: evaluationFile.bundlePath, reportSha256: (await (0,platform_files/* sha256File */.Q)(evaluationFile.source)).sha256 } : undefined;
    const requirementEntries = [];
    for (const file of requirements) {
        const text = await (0,promises_.readFile)(file.source, 'utf8');
        requirementEntries.push({ path: file.bundlePath, sha256: (await (0,platform_files/* sha256File */.Q)(file.source)).sha256, packages: /\.(txt|in)$/i.test(file.bundlePath) ? (0,packaging_manifest/* parseRequirements */.Ez)(text) : [] });
    }
    const template = templateSource ? await (0,promises_.readFile)(templateSource, 'utf8') : undefined;
    // Copy into a fresh folder beside the target, hashing each file on the way (one read).
    const all = [...model, ...extra, ...requirements, ...data, ...[metricsFile, paramsFile, signatureFile, exampleFile, expectedFile, evaluationFile].filter((f) => f !== undefined)];
    const clash = findClash(all);
    if (clash)
        throw new errors/* ConfigurationError */.j1(`${clash[0].display} and ${clash[1].display} would both be ${clash[0].bundlePath} in the package`, { hint: 'Rename one of them.' });
    const base = `${options.name}-${options.version}`;
    await (0,promises_.mkdir)(options.outputDir, { recursive: true });
    const staging = await (0,promises_.mkdtemp)(external_node_path_default().join(options.outputDir, `.${base}.partial-`));
    try {
        const files = [];
        const formats = [];
        for (const f of all) {
            const copied = await copyWithHash(f.source, external_node_path_default().join(staging, f.bundlePath));
            files.push({ path: f.bundlePath, size: copied.size, sha256: copied.sha256, role: (0,packaging_manifest/* roleOfPath */.Xi)(f.bundlePath) });
        }
        for (const entry of await modelEntries(model, staging)) {
            const detected = (0,packaging_formats/* detectFormat */.Tz)(entry.path, entry.head, entry.isDirectory, entry.listing);
            if (detected.format !== 'unknown' || !entry.isDirectory)
                formats.push({ path: entry.path, ...detected });
        }
        const manifest = {
            schemaVersion: packaging_manifest/* MANIFEST_SCHEMA_VERSION */.v5,
            kind: 'mlops-actions/model-package',
            name: options.name,
            version: options.version,
            createdFrom: options.createdFrom,
            files,
            formats,
            ...(signature ? { signature } : {}),
            ...(exampleFile ? { examples: { input: exampleFile.bundlePath, ...(expectedFile ? { output: expectedFile.bundlePath } : {}) } } : {}),
            metrics,
            params,
            data: dataEntries,
            ...(evaluation ? { evaluation } : {}),
            environment: { ...(options.pythonVersion ? { python: options.pythonVersion } : {}), requirements: requirementEntries },
            ...(options.description ? { description: options.description } : {}),
            ...(options.intendedUse ? { intendedUse: options.intendedUse } : {}),
            ...(options.limitations ? { limitations: options.limitations } : {}),
        };
        // The card describes the manifest's files; the manifest then lists the card too.
        const card = renderModelCard(manifest, { template, templateName: options.modelCardTemplate });
        await (0,promises_.writeFile)(external_node_path_default().join(staging, packaging_manifest/* CARD_FILE */.Yq), card);
        const cardHash = await (0,platform_files/* sha256File */.Q)(external_node_path_default().join(staging, packaging_manifest/* CARD_FILE */.Yq));
        manifest.files.push({ path: packaging_manifest/* CARD_FILE */.Yq, size: cardHash.size, sha256: cardHash.sha256, role: 'card' });
        manifest.files.sort((a, b) => (0,packaging_manifest/* comparePaths */.cD)(a.path, b.path));
        const manifestText = (0,packaging_manifest/* serializeManifest */.MZ)(manifest);
        await (0,promises_.writeFile)(external_node_path_default().join(staging, packaging_manifest/* MANIFEST_FILE */.h1), manifestText);
        const entries = [...all.map((f) => ({ name: f.bundlePath, source: external_node_path_default().join(staging, f.bundlePath), executable: f.executable })), { name: packaging_manifest/* CARD_FILE */.Yq, source: external_node_path_default().join(staging, packaging_manifest/* CARD_FILE */.Yq) }, { name: packaging_manifest/* MANIFEST_FILE */.h1, source: external_node_path_default().join(staging, packaging_manifest/* MANIFEST_FILE */.h1) }];
        const archive = external_node_path_default().join(options.outputDir, `${base}.tar.gz`);
        const result = await (0,tar/* writeDeterministicTarGz */.K4)(entries, archive, { level: options.compressionLevel });
        // The archive read the staged copies: any difference from the first read means a file changed.
        const expected = new Map(manifest.files.map((f) => [f.path, f.sha256]));
        for (const f of result.files) {
            if (expected.has(f.name) && expected.get(f.name) !== f.sha256)
                throw new Error(`${f.name} changed while it was being packaged`);
        }
        const bundleDir = external_node_path_default().join(options.outputDir, base);
        await (0,promises_.rm)(bundleDir, { recursive: true, force: true });
        await (0,promises_.rename)(staging, bundleDir);
        return { bundleDir, archive, archiveSha256: result.archiveSha256, archiveBytes: result.archiveBytes, tarSha256: result.tarSha256, manifest };
    }
    catch (error) {
        await (0,promises_.rm)(staging, { recursive: true, force: true });
        throw error;
    }
}
function findClash(files) {
    const seen = new Map();
    for (const f of files) {
        const other = seen.get(f.bundlePath);
        if (other && other.source !== f.source)
            return [other, f];
        seen.set(f.bundlePath, f);
    }
    return undefined;
}
/** Each packaged model file, and each folder of one, with the first bytes of files for detection. */
async function modelEntries(model, staging) {
    const out = [];
    const folders = new Map();
    for (const f of model) {
        const parts = f.bundlePath.split('/');
        for (let i = 2; i < parts.length; i++) {
            const folder = parts.slice(0, i).join('/');
            const list = folders.get(folder) ?? [];
            list.push(parts.slice(i).join('/'));
            folders.set(folder, list);
        }
        const handle = await (0,promises_.open)(external_node_path_default().join(staging, f.bundlePath), 'r');
        try {
            const head = Buffer.alloc(4096);
            const { bytesRead } = await handle.read(head, 0, head.length, 0);
            out.push({ path: f.bundlePath, head: head.subarray(0, bytesRead), isDirectory: false });
        }
        finally {
            await handle.close();
        }
    }
    for (const [folder, listing] of [...folders].sort(([a], [b]) => (a < b ? -1 : 1)))
        out.push({ path: folder, head: Buffer.alloc(0), isDirectory: true, listing });
    return out;
}
async function readParams(file) {
    const text = await (0,promises_.readFile)(file.source, 'utf8');
    return (0,config_file/* parseConfigText */.B)(text, file.display, schemas/* record */.g1P(schemas/* string */.YjP(), schemas/* unknown */.L5J()), 'params file').value;
}
/**
 * Re-hashes every file of a bundle (its folder or its .tar.gz) against its manifest: a file whose
 * bytes differ, a listed file that is missing, and a file the manifest does not list are problems.
 */
async function verifyBundle(bundle, display, scratch) {
    const info = await (0,promises_.stat)(bundle).catch(() => undefined);
    if (!info)
        throw new errors/* ConfigurationError */.j1('bundle not found', { file: display, hint: 'Give the package folder or its .tar.gz (package-path of package-model).' });
    if (info.isFile()) {
        const dir = await (0,promises_.mkdtemp)(external_node_path_default().join(scratch, 'verify-'));
        try {
            try {
                await (0,tar/* extractTarGz */.Ce)(bundle, dir);
            }
            catch (error) {
                throw new errors/* ConfigurationError */.j1(`cannot read the bundle archive: ${error instanceof Error ? error.message : String(error)}`, { file: display, hint: 'Give a .tar.gz written by package-model, or the package folder.' });
            }
            const result = await verifyFolder(dir, display);
            return { ...result, archiveSha256: (await (0,platform_files/* sha256File */.Q)(bundle)).sha256 };
        }
        finally {
            await (0,promises_.rm)(dir, { recursive: true, force: true });
        }
    }
    return verifyFolder(bundle, display);
}
/**
 * A package to read from: verified against its manifest (a changed, missing or extra file is a
 * configuration error naming it, with `hint` saying what to use instead), and extracted into
 * `scratch` when it is a .tar.gz.
 */
async function openVerifiedPackage(bundle, display, scratch, hint) {
    const verified = await verifyBundle(bundle, display, scratch);
    if (verified.problems.length > 0) {
        const p = verified.problems[0];
        throw new errors/* ConfigurationError */.j1(`the package fails verify: ${p.path} is ${p.kind === 'mismatch' ? 'changed' : p.kind}${verified.problems.length > 1 ? ` (and ${verified.problems.length - 1} more)` : ''}`, {
            file: display,
            hint: `${hint}; run package-model with mode: verify to see every problem.`,
        });
    }
    if (!verified.archiveSha256)
        return { dir: bundle, manifest: verified.manifest };
    const dir = await (0,promises_.mkdtemp)(external_node_path_default().join(scratch, 'package-'));
    await (0,tar/* extractTarGz */.Ce)(bundle, dir);
    return { dir, manifest: verified.manifest, archiveSha256: verified.archiveSha256 };
}
async function verifyFolder(dir, display) {
    const manifestPath = external_node_path_default().join(dir, packaging_manifest/* MANIFEST_FILE */.h1);
    const text = await (0,promises_.readFile)(manifestPath, 'utf8').catch(() => undefined);
    if (text === undefined)
        throw new errors/* ConfigurationError */.j1(`the bundle has no ${packaging_manifest/* MANIFEST_FILE */.h1}`, { file: display, hint: 'Give a folder or .tar.gz written by package-model.' });
    const manifest = (0,packaging_manifest/* parseManifest */.Ng)(text, `${display}/${packaging_manifest/* MANIFEST_FILE */.h1}`);
    const present = new Set((await listAll(dir)).filter((p) => p !== packaging_manifest/* MANIFEST_FILE */.h1));
    const problems = [];
    for (const f of manifest.files) {
        if (!present.has(f.path)) {
            problems.push({ kind: 'missing', path: f.path, expected: f.sha256 });
            continue;
        }
        present.delete(f.path);
        const actual = await (0,platform_files/* sha256File */.Q)(external_node_path_default().join(dir, f.path));
        if (actual.sha256 !== f.sha256 || actual.size !== f.size)
            problems.push({ kind: 'mismatch', path: f.path, expected: f.sha256, actual: actual.sha256 });
    }
    for (const p of [...present].sort())
        problems.push({ kind: 'extra', path: p });
    return { manifest, problems, checked: manifest.files.length };
}
async function listAll(dir, prefix = '') {
    const out = [];
    for (const entry of await (0,promises_.readdir)(external_node_path_default().join(dir, prefix), { withFileTypes: true })) {
        const rel = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
        if (entry.isDirectory())
            out.push(...(await listAll(dir, rel)));
        else
            out.push(toPosix(rel));
    }
    return out;
}
/** A previous package's manifest: from its folder, its .tar.gz, or the manifest file itself. */
async function readPackageManifest(source, display, scratch) {
    const info = await (0,promises_.stat)(source).catch(() => undefined);
    if (!info)
        throw new errors/* ConfigurationError */.j1('previous package not found', { file: display, hint: 'Give its folder, its .tar.gz, its model-manifest.json, or the name of its artifact.' });
    if (info.isDirectory())
        return (0,packaging_manifest/* parseManifest */.Ng)(await (0,promises_.readFile)(external_node_path_default().join(source, packaging_manifest/* MANIFEST_FILE */.h1), 'utf8').catch(() => '{}'), `${display}/${packaging_manifest/* MANIFEST_FILE */.h1}`);
    if (/\.json$/i.test(source))
        return (0,packaging_manifest/* parseManifest */.Ng)(await (0,promises_.readFile)(source, 'utf8'), display);
    const dir = await (0,promises_.mkdtemp)(external_node_path_default().join(scratch, 'previous-'));
    try {
        await (0,tar/* extractTarGz */.Ce)(source, dir);
        return (0,packaging_manifest/* parseManifest */.Ng)(await (0,promises_.readFile)(external_node_path_default().join(dir, packaging_manifest/* MANIFEST_FILE */.h1), 'utf8').catch(() => '{}'), `${display}/${packaging_manifest/* MANIFEST_FILE */.h1}`);
    }
    finally {
        await (0,promises_.rm)(dir, { recursive: true, force: true });
    }
}


/***/ }),

/***/ 2253:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Az: () => (/* binding */ parseSignatureFile),
/* harmony export */   DP: () => (/* binding */ jsonErrorLine),
/* harmony export */   Wk: () => (/* binding */ parseCsv),
/* harmony export */   hJ: () => (/* binding */ inferSignature),
/* harmony export */   qN: () => (/* binding */ signatureSchema)
/* harmony export */ });
/* unused harmony exports SIGNATURE_TYPES, signatureFieldSchema, signatureFileSchema, signatureFileJsonSchema */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2311);
/* harmony import */ var _platform_config_file_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5892);
/* harmony import */ var _platform_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6316);



/**
 * A model's signature: the columns (or tensors) it takes and gives. Either given in a signature file
 * (YAML or JSON) or inferred from an input example. A tensor's shape uses -1 for a dimension of any
 * size, the first (batch) dimension included.
 */
const SIGNATURE_TYPES = ['integer', 'number', 'boolean', 'string', 'tensor'];
const signatureFieldSchema = zod__WEBPACK_IMPORTED_MODULE_2__/* .object */ .Ikc({
    name: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().min(1).describe('Column or tensor name.'),
    type: zod__WEBPACK_IMPORTED_MODULE_2__/* ["enum"] */ .k5n(SIGNATURE_TYPES),
    shape: zod__WEBPACK_IMPORTED_MODULE_2__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_2__/* .number */ .aig().int().gte(-1)).optional().describe('Tensor shape; -1 for a dimension of any size.'),
    dtype: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().min(1).optional().describe('Element type, e.g. float32 or int64.'),
    nullable: zod__WEBPACK_IMPORTED_MODULE_2__/* .boolean */ .zMY().optional().describe('Whether the value may be missing.'),
})
    .strict();
const fieldList = zod__WEBPACK_IMPORTED_MODULE_2__/* .array */ .YOg(signatureFieldSchema).min(1).superRefine((fields, ctx) => uniqueNames(fields, ctx));
const signatureSchema = zod__WEBPACK_IMPORTED_MODULE_2__/* .object */ .Ikc({
    inputs: fieldList,
    outputs: fieldList.optional(),
    source: zod__WEBPACK_IMPORTED_MODULE_2__/* ["enum"] */ .k5n(['given', 'inferred']).describe('Whether the signature was written by hand or inferred from an input example.'),
})
    .strict();
/** The signature file a user writes: `source` is implied. */
const signatureFileSchema = zod__WEBPACK_IMPORTED_MODULE_2__/* .object */ .Ikc({
    $schema: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().optional(),
    version: zod__WEBPACK_IMPORTED_MODULE_2__/* .literal */ .euz(1).optional().describe('Signature file format version; 1 is the only one.'),
    inputs: fieldList.describe('What the model takes, in order.'),
    outputs: fieldList.optional().describe('What the model gives, in order.'),
})
    .strict();
function signatureFileJsonSchema() {
    return z.toJSONSchema(signatureFileSchema, { target: 'draft-2020-12', io: 'input' });
}
function uniqueNames(fields, ctx) {
    const seen = new Set();
    fields.forEach((field, i) => {
        if (seen.has(field.name))
            ctx.addIssue({ code: 'custom', path: [i, 'name'], message: `${JSON.stringify(field.name)} appears twice` });
        seen.add(field.name);
    });
}
function parseSignatureFile(text, displayName) {
    const { value } = (0,_platform_config_file_js__WEBPACK_IMPORTED_MODULE_0__/* .parseConfigText */ .B)(text, displayName, signatureFileSchema, 'signature file');
    return { inputs: value.inputs, ...(value.outputs ? { outputs: value.outputs } : {}), source: 'given' };
}
/**
 * A signature inferred from an input example: CSV (a header, then rows), JSON Lines (one object a
 * line), or JSON (an array of row objects; `{"inputs": ...}`, `{"instances": ...}` or
 * `{"dataframe_records": ...}` around one; `{"dataframe_split": {"columns", "data"}}`; columns as
 * `{"inputs": {"a": [...], ...}}`; a single row object; or arrays of numbers, a tensor input).
 * A column is an integer when every value is, a number when every value is numeric, a boolean or
 * a string, and nullable when a value is null, empty or absent.
 */
function inferSignature(exampleText, displayName) {
    const text = exampleText.replace(/^\uFEFF/, '');
    if (text.trim() === '')
        throw new _platform_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1('the input example is empty', { file: displayName, line: 1, hint: 'Write a few rows the model accepts: CSV with a header, JSON or JSON Lines.' });
    const lower = displayName.toLowerCase();
    let inputs;
    if (/\.(jsonl|ndjson)$/.test(lower))
        inputs = fromRows(parseJsonLines(text, displayName), displayName);
    else if (/\.json$/.test(lower))
        inputs = fromJson(parseJson(text, displayName), displayName);
    else if (/\.(csv|tsv|txt)$/.test(lower))
        inputs = fromCsv(text, displayName, lower.endsWith('.tsv') ? '\t' : ',');
    else if (/^\s*[[{]/.test(text))
        inputs = looksLikeJsonLines(text) ? fromRows(parseJsonLines(text, displayName), displayName) : fromJson(parseJson(text, displayName), displayName);
    else
        inputs = fromCsv(text, displayName, ',');
    return { inputs, source: 'inferred' };
}
function looksLikeJsonLines(text) {
    const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
    if (lines.length < 2 || !lines.every((l) => /^\s*\{.*\}\s*$/.test(l)))
        return false;
    try {
        JSON.parse(text);
        return false;
    }
    catch {
        return true;
    }
}
function parseJson(text, displayName) {
    try {
        return JSON.parse(text);
    }
    catch (error) {
        throw new _platform_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`the input example is not valid JSON: ${error.message}`, {
            file: displayName,
            line: jsonErrorLine(error, text),
            hint: 'Fix the JSON at this line, or write the example as CSV with a header.',
        });
    }
}
/** The line of a JSON.parse error: from the position its message gives, else found by reading the text again. */
function jsonErrorLine(error, text) {
    const line = /line (\d+)/.exec(error.message);
    if (line)
        return Number(line[1]);
    const position = /position (\d+)/.exec(error.message);
    const offset = position ? Number(position[1]) : firstJsonErrorOffset(text);
    return offset < 0 ? 1 : text.slice(0, offset).split('\n').length;
}
class JsonSyntaxAt {
    at;
    constructor(at) {
        this.at = at;
    }
}
/** Where strict JSON first goes wrong in text, or -1 when it does not (some messages give no position). */
function firstJsonErrorOffset(text) {
    let i = 0;
    const fail = () => {
        throw new JsonSyntaxAt(i);
    };
    const space = () => {
        while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r'))
            i++;
    };
    const string = () => {
        i++;
        while (i < text.length) {
            const c = text[i];
            if (c === '"') {
                i++;
                return;
            }
            if (c < ' ')
                fail();
            i += c === '\\' ? 2 : 1;
        }
        fail();
    };
    const number = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
    const value = () => {
        space();
        const c = text[i];
        if (c === '{' || c === '[') {
            const close = c === '{' ? '}' : ']';
            i++;
            space();
            if (text[i] === close) {
                i++;
                return;
            }
            for (;;) {
                space();
                if (c === '{') {
                    if (text[i] !== '"')
                        fail();
                    string();
                    space();
                    if (text[i] !== ':')
                        fail();
                    i++;
                }
                value();
                space();
                if (text[i] === ',')
                    i++;
                else if (text[i] === close) {
                    i++;
                    return;
                }
                else
                    fail();
            }
        }
        if (c === '"')
            return string();
        for (const literal of ['true', 'false', 'null']) {
            if (text.startsWith(literal, i)) {
                i += literal.length;
                return;
            }
        }
        number.lastIndex = i;
        if (!number.test(text))
            fail();
        i = number.lastIndex;
    };
    try {
        value();
        space();
        if (i < text.length)
            fail();
        return -1;
    }
    catch (error) {
        // Nesting too deep to follow is no reason to hide the real error.
        return error instanceof JsonSyntaxAt ? Math.min(error.at, text.length) : -1;
    }
}
function parseJsonLines(text, displayName) {
    const rows = [];
    text.split('\n').forEach((raw, i) => {
        if (raw.trim() === '')
            return;
        try {
            rows.push({ row: JSON.parse(raw), line: i + 1 });
        }
        catch (error) {
            throw new _platform_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`the input example is not valid JSON Lines: ${error.message}`, { file: displayName, line: i + 1, hint: 'Write one JSON object per line.' });
        }
    });
    return rows;
}
function fromJson(value, displayName) {
    if (isPlainObject(value)) {
        // `rows` is the serving contract's own request body (the reference server's /predict).
        for (const key of ['rows', 'inputs', 'instances', 'dataframe_records']) {
            if (!(key in value))
                continue;
            const inner = value[key];
            if (Array.isArray(inner))
                return fromJson(inner, displayName);
            if (key === 'inputs' && isPlainObject(inner) && Object.values(inner).every(Array.isArray))
                return fromColumns(inner, displayName);
            if (key === 'inputs' && isPlainObject(inner))
                return fromRows([{ row: inner, line: 1 }], displayName);
            throw new _platform_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`the input example's "${key}" is neither a list of rows nor an object`, { file: displayName, line: 1, hint: `Write "${key}": [{"column": value, ...}, ...].` });
        }
        if ('dataframe_split' in value) {
            const split = value.dataframe_split;
            if (!isPlainObject(split) || !Array.isArray(split.columns) || !Array.isArray(split.data)) {
                throw new _platform_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1('the input example\'s "dataframe_split" needs "columns" and "data" lists', { file: displayName, line: 1, hint: 'Write {"dataframe_split": {"columns": ["a", "b"], "data": [[1, 2]]}}.' });
            }
            const columns = split.columns.map(String);
            const rows = split.data.map((r, i) => {
                if (!Array.isArray(r))
                    throw new _platform_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`the input example's dataframe_split.data[${i}] is not a list`, { file: displayName, line: 1, hint: 'Each row of data is a list of values, one per column.' });
                return { row: Object.fromEntries(columns.map((c, j) => [c, r[j] ?? null])), line: 1 };
            });
            return fromRows(rows, displayName);
        }
        return fromRows([{ row: value, line: 1 }], displayName);
    }
    if (Array.isArray(value)) {
        if (value.length === 0)
            throw new _platform_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1('the input example has no rows', { file: displayName, line: 1, hint: 'Write at least one row the model accepts.' });
        if (value.every((v) => Array.isArray(v) || typeof v === 'number'))
            return [tensorField('input', value, displayName)];
        return fromRows(value.map((row) => ({ row, line: 1 })), displayName);
    }
    throw new _platform_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1('the input example is neither rows nor a row', { file: displayName, line: 1, hint: 'Write a JSON list of row objects, e.g. [{"age": 31, "city": "Lyon"}].' });
}
function fromColumns(columns, displayName) {
    const length = Math.max(0, ...Object.values(columns).map((c) => c.length));
    if (length === 0)
        throw new _platform_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1('the input example has no rows', { file: displayName, line: 1, hint: 'Give each column at least one value.' });
    const rows = Array.from({ length }, (_, i) => ({ row: Object.fromEntries(Object.entries(columns).map(([k, v]) => [k, i < v.length ? v[i] : undefined])), line: 1 }));
    return fromRows(rows, displayName);
}
function fromRows(rows, displayName) {
    if (rows.length === 0)
        throw new _platform_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1('the input example has no rows', { file: displayName, line: 1, hint: 'Write at least one row the model accepts.' });
    const columns = new Map();
    rows.forEach(({ row, line }, index) => {
        if (!isPlainObject(row)) {
            throw new _platform_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`the input example's row ${index + 1} is not an object`, { file: displayName, line, hint: 'Every row is an object of column → value, e.g. {"age": 31}.' });
        }
        for (const [name, value] of Object.entries(row)) {
            let column = columns.get(name);
            if (!column) {
                column = { name, kinds: new Set(), missing: index > 0, shapes: [], dtypes: new Set() };
                columns.set(name, column);
            }
            observe(column, value, displayName, line);
        }
        for (const column of columns.values())
            if (!(column.name in row))
                column.missing = true;
    });
    return [...columns.values()].map(toField);
}
function observe(column, value, displayName, line) {
    if (value === null || value === undefined)
        column.kinds.add('null');
    else if (typeof value === 'boolean')
        column.kinds.add('boolean');
    else if (typeof value === 'number')
        column.kinds.add(Number.isInteger(value) ? 'integer' : 'number');
    else if (typeof value === 'string')
        column.kinds.add('string');
    else if (Array.isArray(value)) {
        column.kinds.add('tensor');
        const { shape, dtype } = arrayShape(value);
        column.shapes.push(shape);
        column.dtypes.add(dtype);
    }
    else {
        throw new _platform_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`column ${JSON.stringify(column.name)} holds an object; a signature column is a value or an array`, {
            file: displayName,
            line,
            hint: 'Flatten nested objects into columns, or write the signature by hand in a signature file.',
        });
    }
}
function toField(column) {
    const kinds = new Set([...column.kinds].filter((k) => k !== 'null'));
    const nullable = column.missing || column.kinds.has('null');
    let type;
    if (kinds.size === 0)
        type = 'string';
    else if (kinds.size === 1)
        type = [...kinds][0];
    else if ([...kinds].every((k) => k === 'integer' || k === 'number'))
        type = 'number';
    else
        type = 'string';
    const field = { name: column.name, type };
    if (type === 'tensor') {
        field.shape = mergeShapes(column.shapes);
        field.dtype = dtypeName(column.dtypes.size === 1 ? [...column.dtypes][0] : 'mixed');
    }
    if (nullable)
        field.nullable = true;
    return field;
}
/** One tensor input from an example that is a list of arrays (or numbers): the batch is its first dimension. */
function tensorField(name, rows, displayName) {
    const { shape, dtype } = arrayShape(rows);
    if (dtype === 'mixed' || dtype === 'string') {
        throw new _platform_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1('the input example is a list of lists but not all of its values are numbers', { file: displayName, line: 1, hint: 'A tensor example holds numbers only; for rows of columns write objects, e.g. [{"age": 31}].' });
    }
    return { name, type: 'tensor', shape: [-1, ...shape.slice(1)], dtype: dtypeName(dtype) };
}
/** The shape of nested arrays (-1 where lengths differ) and the kind of their leaves. */
function arrayShape(value) {
    const leaves = new Set();
    const shape = [];
    const walk = (v, depth) => {
        if (Array.isArray(v)) {
            if (shape.length === depth)
                shape.push(v.length);
            else if (shape[depth] !== v.length)
                shape[depth] = -1;
            for (const item of v)
                walk(item, depth + 1);
            return;
        }
        if (depth < shape.length)
            shape.length = depth;
        if (typeof v === 'number')
            leaves.add(Number.isInteger(v) ? 'integer' : 'number');
        else if (typeof v === 'boolean')
            leaves.add('boolean');
        else if (typeof v === 'string')
            leaves.add('string');
        else if (v !== null)
            leaves.add('mixed');
    };
    walk(value, 0);
    let dtype;
    if (leaves.size === 0)
        dtype = 'number';
    else if (leaves.size === 1)
        dtype = [...leaves][0];
    else if ([...leaves].every((l) => l === 'integer' || l === 'number'))
        dtype = 'number';
    else
        dtype = 'mixed';
    return { shape, dtype };
}
function mergeShapes(shapes) {
    const rank = Math.min(...shapes.map((s) => s.length));
    const merged = Array.from({ length: rank }, (_, i) => (shapes.every((s) => s[i] === shapes[0][i]) ? shapes[0][i] : -1));
    return [-1, ...merged];
}
function dtypeName(kind) {
    return { integer: 'int64', number: 'float64', boolean: 'bool', string: 'string', mixed: 'object' }[kind];
}
const NULL_TEXT = new Set(['', 'NA', 'N/A', 'NaN', 'nan', 'null', 'NULL']);
function fromCsv(text, displayName, delimiter) {
    const records = parseCsv(text, displayName, delimiter);
    const header = records[0];
    const seen = new Set();
    header.fields.forEach((name) => {
        if (name.trim() === '')
            throw new _platform_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1('the input example\'s header has an empty column name', { file: displayName, line: header.line, hint: 'Name every column on the first line.' });
        if (seen.has(name))
            throw new _platform_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`the input example's header names ${JSON.stringify(name)} twice`, { file: displayName, line: header.line, hint: 'Column names must be unique.' });
        seen.add(name);
    });
    const body = records.slice(1);
    if (body.length === 0)
        throw new _platform_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1('the input example has a header but no rows', { file: displayName, line: header.line, hint: 'Add at least one row of values under the header.' });
    const kinds = header.fields.map(() => new Set());
    for (const record of body) {
        if (record.fields.length !== header.fields.length) {
            throw new _platform_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`the input example's row has ${record.fields.length} field${record.fields.length === 1 ? '' : 's'}, the header ${header.fields.length}`, {
                file: displayName,
                line: record.line,
                hint: 'Every row has one value per column; quote values that contain the delimiter.',
            });
        }
        record.fields.forEach((raw, i) => kinds[i].add(csvKind(raw)));
    }
    return header.fields.map((name, i) => toField({ name, kinds: kinds[i], missing: false, shapes: [], dtypes: new Set() }));
}
/** As pandas reads a CSV: quoting does not change a value's type. */
function csvKind(raw) {
    const value = raw.trim();
    if (NULL_TEXT.has(value))
        return 'null';
    if (/^[+-]?\d+$/.test(value))
        return 'integer';
    if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(value) || /^[+-]?(inf|infinity)$/i.test(value))
        return 'number';
    if (/^(true|false)$/i.test(value))
        return 'boolean';
    return 'string';
}
/** RFC 4180 records: double-quoted fields may hold the delimiter, quotes ("") and line breaks. */
function parseCsv(text, displayName, delimiter) {
    const records = [];
    let fields = [];
    let quoted = [];
    let field = '';
    let fieldQuoted = false;
    let line = 1;
    let recordLine = 1;
    let i = 0;
    const endField = () => {
        fields.push(field);
        quoted.push(fieldQuoted);
        field = '';
        fieldQuoted = false;
    };
    const endRecord = () => {
        endField();
        if (!(fields.length === 1 && fields[0] === '' && !quoted[0]))
            records.push({ fields, quoted, line: recordLine });
        fields = [];
        quoted = [];
    };
    while (i < text.length) {
        const c = text[i];
        if (c === '"' && field === '' && !fieldQuoted) {
            const start = line;
            fieldQuoted = true;
            i++;
            for (;;) {
                if (i >= text.length)
                    throw new _platform_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1('the input example has an unclosed quote', { file: displayName, line: start, hint: 'Close the quoted field, or double a quote inside it ("").' });
                const q = text[i];
                if (q === '"') {
                    if (text[i + 1] === '"') {
                        field += '"';
                        i += 2;
                        continue;
                    }
                    i++;
                    break;
                }
                if (q === '\n')
                    line++;
                field += q;
                i++;
            }
            continue;
        }
        if (c === delimiter) {
            endField();
            i++;
        }
        else if (c === '\n' || c === '\r') {
            endRecord();
            i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
            line++;
            recordLine = line;
        }
        else {
            field += c;
            i++;
        }
    }
    if (field !== '' || fields.length > 0 || fieldQuoted)
        endRecord();
    if (records.length === 0)
        throw new _platform_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1('the input example is empty', { file: displayName, line: 1, hint: 'Write a header line, then rows.' });
    return records;
}
function isPlainObject(value) {
    return value !== null && typeof value === 'object' && !Array.isArray(value);
}


/***/ }),

/***/ 2892:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ce: () => (/* binding */ extractTarGz),
/* harmony export */   K4: () => (/* binding */ writeDeterministicTarGz)
/* harmony export */ });
/* unused harmony exports DEFAULT_TAR_MTIME, DEFAULT_GZIP_LEVEL, listTarGz */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(7075);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_4___default = /*#__PURE__*/__webpack_require__.n(node_stream__WEBPACK_IMPORTED_MODULE_4__);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(6466);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_5___default = /*#__PURE__*/__webpack_require__.n(node_stream_promises__WEBPACK_IMPORTED_MODULE_5__);
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(8522);
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_6___default = /*#__PURE__*/__webpack_require__.n(node_zlib__WEBPACK_IMPORTED_MODULE_6__);







const DEFAULT_TAR_MTIME = 315_532_800;
const DEFAULT_GZIP_LEVEL = 6;
const BLOCK = 512;
/** GNU tar and Python pad archives to records of 20 blocks; doing the same surprises no reader. */
const RECORD = 20 * BLOCK;
const READ_CHUNK = 4 << 20;
const ZLIB_CHUNK = 1 << 20;
const GZIP_OS_UNKNOWN = 255;
const MAX_OCTAL_12 = 8 ** 11 - 1;
const PAX_HEADER_NAME = Buffer.from('././@PaxHeader');
const USTAR_MAGIC = Buffer.from('ustar\u000000', 'latin1');
/** Extended headers are held in memory; a real one is a few hundred bytes. */
const MAX_EXTENDED_HEADER = 1 << 20;
/**
 * Writes entries (sorted by the byte order of their UTF-8 names; duplicates refused) as a gzip'd
 * tar to outFile, through `${outFile}.<pid>.tmp` and a rename, so nothing half-written is left on
 * error. Every parent folder gets its own entry (mode 0755), sorted together with the files. Each
 * file is read once: its sha256, the tar stream's and the compressed output's are computed as the
 * bytes pass, while zlib compresses on its thread pool.
 */
async function writeDeterministicTarGz(entries, outFile, options = {}) {
    const level = options.level ?? DEFAULT_GZIP_LEVEL;
    const mtime = options.mtime ?? DEFAULT_TAR_MTIME;
    if (!Number.isInteger(level) || level < 0 || level > 9)
        throw new Error(`gzip level must be an integer from 0 to 9, got ${level}`);
    if (!Number.isInteger(mtime) || mtime < 0 || mtime > MAX_OCTAL_12)
        throw new Error(`tar mtime must be a whole number of seconds from 0 to ${MAX_OCTAL_12}, got ${mtime}`);
    const planned = planEntries(entries);
    for (const entry of planned) {
        if (entry.source === undefined)
            continue;
        const info = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.stat)(entry.source).catch((error) => {
            throw new Error(`archive entry ${entry.name}: cannot read ${entry.source}: ${errorMessage(error)}`);
        });
        if (!info.isFile())
            throw new Error(`archive entry ${entry.name}: ${entry.source} is not a regular file`);
    }
    const temporary = `${outFile}.${process.pid}.tmp`;
    const tarHash = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256');
    const files = [];
    const output = new GzipOutputTap();
    try {
        await (0,node_stream_promises__WEBPACK_IMPORTED_MODULE_5__.pipeline)(node_stream__WEBPACK_IMPORTED_MODULE_4__.Readable.from(tarStream(planned, mtime, tarHash, files), { objectMode: false, highWaterMark: READ_CHUNK }), (0,node_zlib__WEBPACK_IMPORTED_MODULE_6__.createGzip)({ level, chunkSize: ZLIB_CHUNK }), output, (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.createWriteStream)(temporary));
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rename)(temporary, outFile);
    }
    catch (error) {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.unlink)(temporary).catch(() => undefined);
        throw error;
    }
    return { archiveSha256: output.hash.digest('hex'), archiveBytes: output.bytes, tarSha256: tarHash.digest('hex'), files };
}
function planEntries(entries) {
    const files = new Map();
    for (const entry of entries) {
        checkEntryName(entry.name);
        if (files.has(entry.name))
            throw new Error(`duplicate archive entry name: ${entry.name}`);
        files.set(entry.name, entry);
    }
    const folders = new Set();
    for (const name of files.keys()) {
        for (let slash = name.indexOf('/'); slash !== -1; slash = name.indexOf('/', slash + 1))
            folders.add(name.slice(0, slash));
    }
    const planned = [];
    for (const folder of folders) {
        if (files.has(folder))
            throw new Error(`archive entry name ${folder} is both a file and a folder`);
        planned.push({ name: folder, nameBytes: Buffer.from(folder, 'utf8'), mode: 0o755 });
    }
    for (const entry of files.values()) {
        planned.push({ name: entry.name, nameBytes: Buffer.from(entry.name, 'utf8'), source: entry.source, mode: entry.executable ? 0o755 : 0o644 });
    }
    // A name sorts before every name it is a prefix of, so each folder precedes its content.
    return planned.sort((a, b) => Buffer.compare(a.nameBytes, b.nameBytes));
}
function checkEntryName(name) {
    let problem;
    if (name === '')
        problem = 'is empty';
    else if (name.startsWith('/'))
        problem = 'is absolute';
    else if (name.includes('\\'))
        problem = 'contains a backslash (use /)';
    else if (name.includes('\u0000'))
        problem = 'contains a NUL character';
    else if (Buffer.from(name, 'utf8').toString('utf8') !== name)
        problem = 'is not valid Unicode';
    else if (name.split('/').some((segment) => segment === '' || segment === '.' || segment === '..'))
        problem = "has an empty, '.' or '..' segment";
    if (problem !== undefined)
        throw new Error(`archive entry name ${JSON.stringify(name)} ${problem}`);
}
async function* tarStream(planned, mtime, tarHash, files) {
    let written = 0;
    const emit = (bytes) => {
        tarHash.update(bytes);
        written += bytes.length;
        return bytes;
    };
    for (const entry of planned) {
        if (entry.source === undefined) {
            yield emit(entryHeaders(Buffer.concat([entry.nameBytes, Buffer.from('/')]), '5', 0o755, 0, mtime));
            continue;
        }
        const handle = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.open)(entry.source, 'r');
        try {
            // The size in the header is the one at open time; a file that changes after it is refused.
            const info = await handle.stat();
            if (!info.isFile())
                throw new Error(`archive entry ${entry.name}: ${entry.source} is not a regular file`);
            const size = info.size;
            yield emit(entryHeaders(entry.nameBytes, '0', entry.mode, size, mtime));
            const hash = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256');
            let read = 0;
            for (;;) {
                // One byte more than expected, so growth shows without a read of a whole empty chunk.
                const buffer = Buffer.allocUnsafe(Math.min(READ_CHUNK, size - read + 1));
                const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
                if (bytesRead === 0)
                    break;
                read += bytesRead;
                if (read > size)
                    break;
                const chunk = buffer.subarray(0, bytesRead);
                hash.update(chunk);
                yield emit(chunk);
            }
            if (read !== size) {
                throw new Error(`archive entry ${entry.name}: ${entry.source} changed size while it was being archived (${size} bytes at open, ${read > size ? 'more' : read} read)`);
            }
            const padding = paddingOf(size);
            if (padding > 0)
                yield emit(Buffer.alloc(padding));
            files.push({ name: entry.name, size, sha256: hash.digest('hex') });
        }
        finally {
            await handle.close();
        }
    }
    // Two zero blocks end the archive; the rest of the last record is zeros too.
    const end = written + 2 * BLOCK;
    yield emit(Buffer.alloc(2 * BLOCK + ((RECORD - (end % RECORD)) % RECORD)));
}
function paddingOf(size) {
    return (BLOCK - (size % BLOCK)) % BLOCK;
}
/** The header block(s) of one entry: a PAX header first when ustar cannot hold name or size. */
function entryHeaders(nameBytes, typeflag, mode, size, mtime) {
    const records = [];
    let layout = ustarLayout(nameBytes);
    if (layout === undefined) {
        records.push(paxRecord('path', nameBytes));
        layout = { name: truncateUtf8(nameBytes, 100) };
    }
    if (size > MAX_OCTAL_12)
        records.push(paxRecord('size', Buffer.from(String(size))));
    const header = ustarHeader({ ...layout, mode, size, mtime, typeflag });
    if (records.length === 0)
        return header;
    const data = Buffer.concat(records);
    const paxHeader = ustarHeader({ name: PAX_HEADER_NAME, mode: 0o644, size: data.length, mtime, typeflag: 'x' });
    return Buffer.concat([paxHeader, data, Buffer.alloc(paddingOf(data.length)), header]);
}
/** name alone, or split at a '/' into prefix (≤ 155 bytes) and name (≤ 100); ASCII only. */
function ustarLayout(nameBytes) {
    if (nameBytes.some((byte) => byte >= 0x80))
        return undefined;
    if (nameBytes.length <= 100)
        return { name: nameBytes };
    const slash = nameBytes.indexOf(0x2f, nameBytes.length - 101);
    if (slash <= 0 || slash > 155 || slash === nameBytes.length - 1)
        return undefined;
    return { prefix: nameBytes.subarray(0, slash), name: nameBytes.subarray(slash + 1) };
}
function truncateUtf8(bytes, limit) {
    if (bytes.length <= limit)
        return bytes;
    let end = limit;
    while (end > 0 && (bytes.readUInt8(end) & 0xc0) === 0x80)
        end -= 1;
    return bytes.subarray(0, end);
}
/** "<length> <key>=<value>\n", where length counts its own digits. */
function paxRecord(key, value) {
    const body = Buffer.concat([Buffer.from(` ${key}=`, 'utf8'), value, Buffer.from('\n')]);
    let length = body.length + String(body.length).length;
    if (String(length).length + body.length !== length)
        length = body.length + String(length).length;
    return Buffer.concat([Buffer.from(String(length)), body]);
}
function ustarHeader(fields) {
    const header = Buffer.alloc(BLOCK);
    fields.name.copy(header, 0);
    writeOctal(header, 100, 8, fields.mode);
    writeOctal(header, 108, 8, 0);
    writeOctal(header, 116, 8, 0);
    if (fields.size > MAX_OCTAL_12)
        writeBase256(header, 124, 12, fields.size);
    else
        writeOctal(header, 124, 12, fields.size);
    writeOctal(header, 136, 12, fields.mtime);
    header.write(fields.typeflag, 156, 1, 'latin1');
    USTAR_MAGIC.copy(header, 257);
    writeOctal(header, 329, 8, 0);
    writeOctal(header, 337, 8, 0);
    fields.prefix?.copy(header, 345);
    header.fill(0x20, 148, 156);
    // Six octal digits, NUL, and the space already there.
    writeOctal(header, 148, 7, checksumOf(header));
    return header;
}
function writeOctal(buffer, offset, width, value) {
    buffer.write(`${value.toString(8).padStart(width - 1, '0')}\u0000`, offset, width, 'latin1');
}
/** GNU's encoding for numbers too large for octal, which GNU tar, bsdtar and Python read. */
function writeBase256(buffer, offset, width, value) {
    let rest = value;
    for (let i = offset + width - 1; i > offset; i -= 1) {
        buffer.writeUInt8(rest % 256, i);
        rest = Math.floor(rest / 256);
    }
    buffer.writeUInt8(0x80, offset);
}
function checksumOf(header) {
    let sum = 0;
    for (let i = 0; i < BLOCK; i += 1)
        sum += i >= 148 && i < 156 ? 0x20 : header.readUInt8(i);
    return sum;
}
/** Patches the gzip OS byte, and hashes and counts the compressed bytes on their way to disk. */
class GzipOutputTap extends node_stream__WEBPACK_IMPORTED_MODULE_4__.Transform {
    hash = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256');
    bytes = 0;
    _transform(chunk, _encoding, done) {
        if (this.bytes === 0) {
            // FLG 0 means no header CRC over the byte we change, no name and no comment.
            if (chunk.length < 10 || chunk.readUInt16BE(0) !== 0x1f8b || chunk.readUInt8(2) !== 8 || chunk.readUInt8(3) !== 0 || chunk.readUInt32LE(4) !== 0) {
                done(new Error(`zlib wrote an unexpected gzip header: ${chunk.subarray(0, 10).toString('hex')}`));
                return;
            }
            chunk.writeUInt8(GZIP_OS_UNKNOWN, 9);
        }
        this.hash.update(chunk);
        this.bytes += chunk.length;
        done(null, chunk);
    }
}
/**
 * Reads a .tar.gz (streamed, flat memory), hashing every regular file. Understands ustar prefix,
 * PAX 'path'/'linkpath'/'size' records and GNU 'L'/'K' long names. Throws a descriptive Error for
 * a file that is not gzip, a truncated or corrupt stream, a bad header checksum, or an archive
 * without its end-of-archive blocks.
 */
async function listTarGz(file) {
    return readTarGz(file, undefined);
}
/**
 * Extracts the regular files and folders of a .tar.gz into dir (created if missing). Refuses,
 * before writing anything for it, an entry with an absolute name or a '..' segment, a symbolic or
 * hard link, a device, FIFO or other special file, and any path through something in dir that is
 * not a real folder (a symlink left there); the Error names the entry. Files get mode 0755 when the
 * archive gives any execute bit, else 0644, and the archive's mtime. Returns what listTarGz would.
 */
async function extractTarGz(file, dir) {
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.mkdir)(dir, { recursive: true });
    const root = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.realpath)(dir);
    return readTarGz(file, async ({ entry, typeflag, mtime }) => {
        const refuse = (why) => {
            throw new Error(`${file}: refusing to extract entry ${JSON.stringify(entry.name)}: ${why}`);
        };
        if (entry.name.startsWith('/'))
            refuse('absolute path');
        const segments = entry.name.split('/');
        if (segments.includes('..'))
            refuse("path has a '..' segment");
        if (entry.type === 'symlink')
            refuse(`symbolic link to ${JSON.stringify(entry.linkName ?? '')}`);
        if (entry.type === 'other')
            refuse(describeSpecial(typeflag, entry.linkName));
        const parts = segments.filter((segment) => segment !== '' && segment !== '.');
        if (entry.type === 'directory') {
            await ensureFolder(root, parts, refuse);
            return undefined;
        }
        const base = parts.pop();
        if (base === undefined)
            return refuse('a file named like the target folder itself');
        const target = node_path__WEBPACK_IMPORTED_MODULE_3___default().join(await ensureFolder(root, parts, refuse), base);
        const existing = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.lstat)(target).catch(() => undefined);
        if (existing !== undefined && !existing.isFile())
            refuse(`${target} exists and is not a regular file`);
        const mode = (entry.mode & 0o111) !== 0 ? 0o755 : 0o644;
        // O_NOFOLLOW: a symlink put there between the check and the open still cannot be followed.
        const handle = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.open)(target, node_fs__WEBPACK_IMPORTED_MODULE_1__.constants.O_WRONLY | node_fs__WEBPACK_IMPORTED_MODULE_1__.constants.O_CREAT | node_fs__WEBPACK_IMPORTED_MODULE_1__.constants.O_TRUNC | node_fs__WEBPACK_IMPORTED_MODULE_1__.constants.O_NOFOLLOW, mode);
        return fileSink(handle, mode, mtime);
    });
}
function describeSpecial(typeflag, linkName) {
    switch (typeflag) {
        case '1':
            return `hard link to ${JSON.stringify(linkName ?? '')}`;
        case '3':
            return 'character device';
        case '4':
            return 'block device';
        case '6':
            return 'FIFO';
        default:
            return `unsupported entry type ${JSON.stringify(typeflag)}`;
    }
}
/** root/parts as real folders (created as needed); a symlink or file on the way is refused. */
async function ensureFolder(root, parts, refuse) {
    let current = root;
    for (const part of parts) {
        current = node_path__WEBPACK_IMPORTED_MODULE_3___default().join(current, part);
        const info = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.lstat)(current).catch((error) => {
            if (isErrnoCode(error, 'ENOENT'))
                return undefined;
            throw error;
        });
        if (info === undefined)
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.mkdir)(current, { mode: 0o755 }).catch((error) => {
                if (!isErrnoCode(error, 'EEXIST'))
                    throw error;
            });
        else if (!info.isDirectory())
            refuse(`${current} exists and is not a folder`);
    }
    return current;
}
function fileSink(handle, mode, mtime) {
    return {
        async write(chunk) {
            for (let offset = 0; offset < chunk.length;) {
                const { bytesWritten } = await handle.write(chunk, offset, chunk.length - offset);
                offset += bytesWritten;
            }
        },
        async end(complete) {
            try {
                if (complete) {
                    await handle.chmod(mode);
                    await handle.utimes(mtime, mtime);
                }
            }
            finally {
                await handle.close();
            }
        },
    };
}
async function readTarGz(file, onEntry) {
    await checkGzipMagic(file);
    let listed = [];
    try {
        await (0,node_stream_promises__WEBPACK_IMPORTED_MODULE_5__.pipeline)((0,node_fs__WEBPACK_IMPORTED_MODULE_1__.createReadStream)(file, { highWaterMark: 1 << 20 }), (0,node_zlib__WEBPACK_IMPORTED_MODULE_6__.createGunzip)({ chunkSize: 1 << 18 }), async (source) => {
            listed = await walkTar(file, new TarStreamReader(source[Symbol.asyncIterator](), file), onEntry);
        });
    }
    catch (error) {
        const code = error.code;
        if (code === 'Z_BUF_ERROR')
            throw new Error(`${file}: truncated gzip stream: ${errorMessage(error)}`);
        if (typeof code === 'string' && code.startsWith('Z_'))
            throw new Error(`${file}: corrupt gzip stream: ${errorMessage(error)}`);
        throw error;
    }
    return listed;
}
async function checkGzipMagic(file) {
    const handle = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.open)(file, 'r');
    try {
        const head = Buffer.alloc(2);
        const { bytesRead } = await handle.read(head, 0, 2, 0);
        if (bytesRead === 0)
            throw new Error(`${file}: not a gzip file (it is empty)`);
        if (bytesRead < 2 || head.readUInt16BE(0) !== 0x1f8b)
            throw new Error(`${file}: not a gzip file (it starts with 0x${head.subarray(0, bytesRead).toString('hex')}, not 0x1f8b)`);
    }
    finally {
        await handle.close();
    }
}
async function walkTar(file, reader, onEntry) {
    const listed = [];
    let pax = new Map();
    let longName;
    let longLink;
    for (;;) {
        const offset = reader.position;
        const block = await reader.read(BLOCK);
        if (block.length < BLOCK) {
            throw new Error(`${file}: truncated tar archive: it ends at byte ${offset + block.length} of the tar stream without the end-of-archive blocks`);
        }
        if (block.every((byte) => byte === 0))
            break;
        checkHeaderChecksum(file, block, offset);
        const typeflag = block.readUInt8(156) === 0 ? '0' : String.fromCharCode(block.readUInt8(156));
        let size = readNumber(file, block, 124, 12, 'size', offset);
        if (typeflag === 'x' || typeflag === 'g' || typeflag === 'L' || typeflag === 'K') {
            if (size > MAX_EXTENDED_HEADER)
                throw new Error(`${file}: implausible extended header of ${size} bytes at byte ${offset} of the tar stream`);
            const data = await reader.read(size);
            if (data.length < size)
                throw new Error(`${file}: truncated tar archive: an extended header at byte ${offset} is cut short`);
            await reader.skip(paddingOf(size), 'extended header padding');
            if (typeflag === 'x')
                pax = new Map([...pax, ...parsePax(file, data, offset)]);
            else if (typeflag === 'L')
                longName = cString(data, 0, data.length);
            else if (typeflag === 'K')
                longLink = cString(data, 0, data.length);
            // 'g' (global PAX records) sets defaults like charset or mtime, which nothing here uses.
            continue;
        }
        const stored = block.subarray(257, 265).equals(USTAR_MAGIC) && block.readUInt8(345) !== 0 ? `${cString(block, 345, 155)}/${cString(block, 0, 100)}` : cString(block, 0, 100);
        const name = pax.get('path') ?? longName ?? stored;
        const linkName = pax.get('linkpath') ?? longLink ?? cString(block, 157, 100);
        const paxSize = pax.get('size');
        if (paxSize !== undefined) {
            if (!/^\d+$/.test(paxSize))
                throw new Error(`${file}: bad PAX size ${JSON.stringify(paxSize)} for ${name}`);
            size = Number(paxSize);
        }
        pax = new Map();
        longName = undefined;
        longLink = undefined;
        const type = entryType(typeflag);
        // As Python's tarfile: only regular files and unknown types carry data blocks.
        const hasData = type === 'file' || (type === 'other' && !'1346'.includes(typeflag));
        const entry = { name: name.length > 1 ? name.replace(/\/+$/, '') || '/' : name, type, size: hasData ? size : 0, mode: readNumber(file, block, 100, 8, 'mode', offset) & 0o7777 };
        if (type === 'symlink' || typeflag === '1')
            entry.linkName = linkName;
        const mtime = readNumber(file, block, 136, 12, 'mtime', offset);
        const sink = onEntry === undefined ? undefined : await onEntry({ entry, typeflag, mtime });
        if (type === 'file') {
            const hash = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256');
            let complete = false;
            try {
                for await (const piece of reader.pieces(size, entry.name)) {
                    hash.update(piece);
                    if (sink !== undefined)
                        await sink.write(piece);
                }
                complete = true;
            }
            finally {
                await sink?.end(complete);
            }
            entry.sha256 = hash.digest('hex');
        }
        else if (hasData) {
            await reader.skip(size, entry.name);
        }
        if (hasData)
            await reader.skip(paddingOf(size), entry.name);
        listed.push(entry);
    }
    // The rest is record padding; reading it to the end lets gunzip check the CRC and length.
    await reader.drain();
    return listed;
}
function entryType(typeflag) {
    if (typeflag === '0' || typeflag === '7')
        return 'file';
    if (typeflag === '5')
        return 'directory';
    if (typeflag === '2')
        return 'symlink';
    return 'other';
}
function checkHeaderChecksum(file, block, offset) {
    const stored = readNumber(file, block, 148, 8, 'checksum', offset);
    let unsigned = 0;
    let signed = 0;
    for (let i = 0; i < BLOCK; i += 1) {
        const byte = i >= 148 && i < 156 ? 0x20 : block.readUInt8(i);
        unsigned += byte;
        signed += byte >= 0x80 ? byte - 0x100 : byte;
    }
    // Some old writers summed signed chars; readers accept both.
    if (stored !== unsigned && stored !== signed) {
        throw new Error(`${file}: bad tar header checksum at byte ${offset} of the tar stream (stored ${stored}, computed ${unsigned}): not a tar archive, or a corrupt one`);
    }
}
function readNumber(file, block, offset, width, field, headerOffset) {
    const first = block.readUInt8(offset);
    if (first & 0x80) {
        if (first !== 0x80)
            throw new Error(`${file}: negative ${field} in the tar header at byte ${headerOffset}`);
        let value = 0;
        for (let i = offset + 1; i < offset + width; i += 1)
            value = value * 256 + block.readUInt8(i);
        if (!Number.isSafeInteger(value))
            throw new Error(`${file}: ${field} too large in the tar header at byte ${headerOffset}`);
        return value;
    }
    const nul = block.indexOf(0, offset);
    const text = block.toString('latin1', offset, nul === -1 || nul > offset + width ? offset + width : nul).trim();
    if (text === '')
        return 0;
    if (!/^[0-7]+$/.test(text))
        throw new Error(`${file}: bad ${field} field ${JSON.stringify(text)} in the tar header at byte ${headerOffset}: not a tar archive, or a corrupt one`);
    return parseInt(text, 8);
}
function cString(bytes, offset, width) {
    const end = bytes.indexOf(0, offset);
    return bytes.toString('utf8', offset, end === -1 || end > offset + width ? offset + width : end);
}
function parsePax(file, data, offset) {
    const records = new Map();
    let position = 0;
    while (position < data.length) {
        if (data.readUInt8(position) === 0)
            break;
        const space = data.indexOf(0x20, position);
        const length = space === -1 ? NaN : Number(data.toString('latin1', position, space));
        const end = position + length;
        if (!Number.isInteger(length) || length <= 0 || end > data.length || data.readUInt8(end - 1) !== 0x0a) {
            throw new Error(`${file}: malformed PAX extended header at byte ${offset} of the tar stream`);
        }
        const record = data.subarray(space + 1, end - 1);
        const equals = record.indexOf(0x3d);
        if (equals <= 0)
            throw new Error(`${file}: malformed PAX record in the extended header at byte ${offset} of the tar stream`);
        records.set(record.toString('utf8', 0, equals), record.toString('utf8', equals + 1));
        position = end;
    }
    return records;
}
/** Exact reads over the gunzip output without copying more than a header's worth. */
class TarStreamReader {
    source;
    file;
    /** Bytes of the tar stream consumed so far. */
    position = 0;
    chunk = Buffer.alloc(0);
    at = 0;
    constructor(source, file) {
        this.source = source;
        this.file = file;
    }
    /** n bytes, or fewer only where the stream ends. */
    async read(n) {
        const parts = [];
        let got = 0;
        while (got < n && (await this.fill())) {
            const take = Math.min(n - got, this.chunk.length - this.at);
            parts.push(this.chunk.subarray(this.at, this.at + take));
            this.at += take;
            got += take;
        }
        this.position += got;
        return parts.length === 1 ? parts[0] : Buffer.concat(parts, got);
    }
    /** Exactly n bytes, in the pieces gunzip produced them in. */
    async *pieces(n, what) {
        let left = n;
        while (left > 0) {
            if (!(await this.fill()))
                throw new Error(`${this.file}: truncated tar archive: the data of ${what} ends ${left} bytes early`);
            const take = Math.min(left, this.chunk.length - this.at);
            const piece = this.chunk.subarray(this.at, this.at + take);
            this.at += take;
            this.position += take;
            left -= take;
            yield piece;
        }
    }
    async skip(n, what) {
        for await (const _piece of this.pieces(n, what))
            ;
    }
    async drain() {
        this.at = this.chunk.length;
        while (!(await this.source.next()).done)
            ;
    }
    async fill() {
        while (this.at >= this.chunk.length) {
            const next = await this.source.next();
            if (next.done)
                return false;
            this.chunk = next.value;
            this.at = 0;
        }
        return true;
    }
}
function isErrnoCode(error, code) {
    return typeof error === 'object' && error !== null && error.code === code;
}
function errorMessage(error) {
    return error instanceof Error ? error.message : String(error);
}


/***/ }),

/***/ 5892:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B: () => (/* binding */ parseConfigText),
/* harmony export */   H: () => (/* binding */ loadConfigFile)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8815);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6316);



async function loadConfigFile(file, displayName, schema, what) {
    let text;
    try {
        text = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(file, 'utf8');
    }
    catch (error) {
        const code = error.code;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(code === 'ENOENT' ? `${what} not found` : `cannot read ${what} (${code ?? 'error'})`, {
            file: displayName,
            hint: code === 'ENOENT' ? 'Check the path: it is relative to the workspace (the repository root).' : undefined,
        });
    }
    return parseConfigText(text, displayName, schema, what);
}
function parseConfigText(text, displayName, schema, what) {
    const lineCounter = new yaml__WEBPACK_IMPORTED_MODULE_1__/* .LineCounter */ .HN();
    const doc = (0,yaml__WEBPACK_IMPORTED_MODULE_1__/* .parseDocument */ .Tp)(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
    const firstError = doc.errors[0];
    if (firstError) {
        const line = lineCounter.linePos(firstError.pos[0]).line;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`${what} is not valid YAML: ${firstError.message.split('\n')[0]}`, {
            file: displayName,
            line,
            hint: 'Fix the syntax at this line (indentation, a missing colon, an unclosed quote or bracket).',
        });
    }
    const lineOf = (path) => {
        let node = doc.contents;
        let lastWithRange = node;
        for (const key of path) {
            if ((0,yaml__WEBPACK_IMPORTED_MODULE_1__/* .isMap */ .jh)(node)) {
                const pair = node.items.find((item) => {
                    const k = item.key;
                    return k !== null && typeof k === 'object' && String(k.value) === String(key);
                });
                if (!pair)
                    break;
                lastWithRange = pair.key;
                node = pair.value;
            }
            else if ((0,yaml__WEBPACK_IMPORTED_MODULE_1__/* .isSeq */ .oP)(node) && typeof key === 'number') {
                node = node.items[key];
                if (node)
                    lastWithRange = node;
            }
            else {
                break;
            }
        }
        const range = lastWithRange?.range;
        return range ? lineCounter.linePos(range[0]).line : undefined;
    };
    const raw = doc.toJS();
    if (raw === null || raw === undefined) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`${what} is empty`, { file: displayName, line: 1, hint: 'Start it with `version: 1`.' });
    }
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const path = issue.path.filter((p) => typeof p !== 'symbol');
        const at = path.length > 0 ? path.join('.') : '(top level)';
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`${what}: ${at}: ${issue.message}`, {
            file: displayName,
            line: lineOf(path) ?? 1,
            hint: describeIssueFix(issue),
        });
    }
    return { value: parsed.data, lineOf };
}
function describeIssueFix(issue) {
    switch (issue.code) {
        case 'unrecognized_keys':
            return `Remove or correct ${issue.keys.map((k) => `"${k}"`).join(', ')}; see the JSON Schema for the keys allowed here.`;
        case 'invalid_value':
            return `Use one of: ${issue.values.map((v) => JSON.stringify(v)).join(', ')}.`;
        case 'invalid_type':
            return `Expected ${issue.expected} here.`;
        default:
            return undefined;
    }
}


/***/ }),

/***/ 119:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   S: () => (/* binding */ deploymentHistory),
/* harmony export */   q: () => (/* binding */ DeploymentRecorder)
/* harmony export */ });
/* harmony import */ var _github_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5952);

class DeploymentRecorder {
    octokit;
    run;
    logger;
    constructor(octokit, run, logger) {
        this.octokit = octokit;
        this.run = run;
        this.logger = logger;
    }
    get repo() {
        return this.run.repository;
    }
    /** Creates the deployment; undefined (with a warning) when the token may not. */
    async create(environment, payload, description) {
        try {
            const response = await this.octokit.rest.repos.createDeployment({
                ...this.repo,
                ref: this.run.sha ?? this.run.ref ?? 'HEAD',
                environment,
                description: description.slice(0, 140),
                payload: { ...payload },
                auto_merge: false,
                required_contexts: [],
                transient_environment: false,
                production_environment: /^prod/i.test(environment),
            });
            if (response.status !== 201 || !('id' in response.data)) {
                this.logger.warning(`GitHub did not create a deployment for ${environment}: ${JSON.stringify(response.data).slice(0, 200)}`);
                return undefined;
            }
            return response.data.id;
        }
        catch (error) {
            this.logger.warning(`Cannot record the deployment to ${environment} (${(0,_github_js__WEBPACK_IMPORTED_MODULE_0__/* .describeApiError */ .gg)(error)}); the job needs \`permissions: deployments: write\`. The rollout goes on.`);
            return undefined;
        }
    }
    async status(id, state, description, environmentUrl) {
        try {
            await this.octokit.rest.repos.createDeploymentStatus({
                ...this.repo,
                deployment_id: id,
                state,
                description: description.slice(0, 140),
                ...(environmentUrl ? { environment_url: environmentUrl } : {}),
                ...(this.run.runId ? { log_url: `${this.run.serverUrl}/${this.repo.owner}/${this.repo.repo}/actions/runs/${this.run.runId}` } : {}),
                auto_inactive: true,
            });
        }
        catch (error) {
            this.logger.warning(`Cannot update deployment ${id} to ${state} (${(0,_github_js__WEBPACK_IMPORTED_MODULE_0__/* .describeApiError */ .gg)(error)}).`);
        }
    }
}
/**
 * The promotions of an environment from its GitHub deployments: each deployment that reached
 * success, at the time of that status, with the image and model of its payload.
 */
async function deploymentHistory(octokit, repo, environment) {
    const events = [];
    for await (const page of octokit.paginate.iterator(octokit.rest.repos.listDeployments, { ...repo, environment, per_page: 100 })) {
        for (const d of page.data) {
            const { data: statuses } = await octokit.rest.repos.listDeploymentStatuses({ ...repo, deployment_id: d.id, per_page: 100 });
            const success = statuses.find((s) => s.state === 'success');
            if (!success)
                continue;
            const payload = (typeof d.payload === 'object' && d.payload !== null ? d.payload : {});
            events.push({
                at: success.created_at,
                stage: environment,
                image: typeof payload.image === 'string' ? payload.image : `deployment ${d.id}`,
                outcome: 'promoted',
                previous: typeof payload.previous === 'string' ? payload.previous : undefined,
                model: payload.model,
                deploymentId: d.id,
            });
        }
    }
    return events;
}


/***/ }),

/***/ 3113:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   J$: () => (/* binding */ commandEnvironment),
/* harmony export */   P6: () => (/* binding */ readRunEnvironment),
/* harmony export */   eR: () => (/* binding */ currentBranch)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);

function readRunEnvironment(env = process.env, cwd = process.cwd()) {
    const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/');
    const event = readEventPayload(env.GITHUB_EVENT_PATH);
    return {
        onRunner: env.GITHUB_ACTIONS === 'true',
        workspace: env.GITHUB_WORKSPACE || cwd,
        debug: env.RUNNER_DEBUG === '1',
        repository: owner && repo ? { owner, repo } : undefined,
        eventName: env.GITHUB_EVENT_NAME || undefined,
        sha: env.GITHUB_SHA || undefined,
        ref: env.GITHUB_REF || undefined,
        refName: env.GITHUB_REF_NAME || undefined,
        headRef: env.GITHUB_HEAD_REF || undefined,
        baseRef: env.GITHUB_BASE_REF || undefined,
        job: env.GITHUB_JOB || undefined,
        runId: env.GITHUB_RUN_ID || undefined,
        runAttempt: env.GITHUB_RUN_ATTEMPT || undefined,
        serverUrl: env.GITHUB_SERVER_URL || 'https://github.com',
        apiUrl: env.GITHUB_API_URL || 'https://api.github.com',
        pullRequest: pullRequestFrom(event),
        runnerTemp: env.RUNNER_TEMP || undefined,
        idTokenAvailable: Boolean(env.ACTIONS_ID_TOKEN_REQUEST_URL && env.ACTIONS_ID_TOKEN_REQUEST_TOKEN),
        repositoryPrivate: repositoryPrivate(event),
        workflow: env.GITHUB_WORKFLOW || undefined,
        actor: env.GITHUB_ACTOR || undefined,
    };
}
function readEventPayload(path) {
    if (!path)
        return undefined;
    try {
        const parsed = JSON.parse((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(path, 'utf8'));
        return parsed !== null && typeof parsed === 'object' ? parsed : undefined;
    }
    catch {
        return undefined;
    }
}
function repositoryPrivate(event) {
    const repo = event?.repository;
    if (typeof repo?.visibility === 'string')
        return repo.visibility !== 'public';
    return typeof repo?.private === 'boolean' ? repo.private : undefined;
}
function pullRequestFrom(event) {
    const pr = event?.pull_request;
    if (!pr || typeof pr.number !== 'number')
        return undefined;
    const headRepo = typeof pr.head?.repo?.full_name === 'string' ? pr.head.repo.full_name : undefined;
    const baseRepo = typeof pr.base?.repo?.full_name === 'string' ? pr.base.repo.full_name : undefined;
    return {
        number: pr.number,
        headSha: typeof pr.head?.sha === 'string' ? pr.head.sha : '',
        headRepo,
        baseRepo,
        fromFork: headRepo !== undefined && baseRepo !== undefined && headRepo !== baseRepo,
    };
}
/** The branch a run belongs to: the pull request's head branch, else the pushed branch. */
function currentBranch(run) {
    if (run.headRef)
        return run.headRef;
    if (run.ref?.startsWith('refs/heads/'))
        return run.ref.slice('refs/heads/'.length);
    return undefined;
}
/**
 * The environment for a user's command: this process's, less what only the action itself may see:
 * its inputs (INPUT_*, which can hold a token), its saved state, and the runtime's tokens and
 * service URLs, which the runner gives to actions but not to `run:` steps.
 */
function commandEnvironment(env = process.env) {
    const out = {};
    for (const [key, value] of Object.entries(env)) {
        if (value === undefined)
            continue;
        if (/^(INPUT_|STATE_)/.test(key))
            continue;
        if (/^ACTIONS_(RUNTIME_TOKEN|RUNTIME_URL|RESULTS_URL|CACHE_URL|CACHE_SERVICE_V2|ID_TOKEN_REQUEST_TOKEN|ID_TOKEN_REQUEST_URL)$/.test(key))
            continue;
        out[key] = value;
    }
    return out;
}


/***/ }),

/***/ 4924:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Q: () => (/* binding */ sha256File),
/* harmony export */   Z: () => (/* binding */ writeFileAtomic)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_3__);




/** Writes a file whole or not at all: a reader never sees a half-written report. */
async function writeFileAtomic(target, content) {
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.mkdir)(node_path__WEBPACK_IMPORTED_MODULE_3___default().dirname(target), { recursive: true });
    const temporary = `${target}.${process.pid}.tmp`;
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.writeFile)(temporary, content);
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rename)(temporary, target);
}
/** sha256 (hex) and size of a file, read as a stream: memory stays flat for any size. */
function sha256File(file) {
    return new Promise((resolve, reject) => {
        const hash = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256');
        let size = 0;
        (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.createReadStream)(file, { highWaterMark: 1 << 20 })
            .on('data', (chunk) => {
            size += chunk.length;
            hash.update(chunk);
        })
            .on('error', reject)
            .on('end', () => resolve({ sha256: hash.digest('hex'), size }));
    });
}


/***/ }),

/***/ 5952:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Qi: () => (/* binding */ createOctokit),
/* harmony export */   gg: () => (/* binding */ describeApiError)
/* harmony export */ });
/* unused harmony exports isPermissionDenied, upsertStickyComment, commentMarker */
const MAX_RATE_LIMIT_WAIT_SECONDS = 120;
const MAX_RATE_LIMIT_RETRIES = 3;
async function createOctokit(token, run, logger) {
    const [{ getOctokit }, { retry }, { throttling }] = await Promise.all([
        Promise.all(/* import() */[__webpack_require__.e(119), __webpack_require__.e(758)]).then(__webpack_require__.bind(__webpack_require__, 1758)),
        Promise.all(/* import() */[__webpack_require__.e(251), __webpack_require__.e(735)]).then(__webpack_require__.bind(__webpack_require__, 9735)),
        Promise.all(/* import() */[__webpack_require__.e(251), __webpack_require__.e(856)]).then(__webpack_require__.bind(__webpack_require__, 6856)),
    ]);
    const onLimit = (kind) => (retryAfter, options, _octokit, retryCount) => {
        const retrying = retryCount < MAX_RATE_LIMIT_RETRIES && retryAfter <= MAX_RATE_LIMIT_WAIT_SECONDS;
        logger.warning(`GitHub API ${kind} on ${options.method ?? ''} ${options.url ?? ''}: ${retrying ? `retrying in ${retryAfter} s` : 'giving up'}`);
        return retrying;
    };
    return getOctokit(token, {
        baseUrl: run.apiUrl,
        // 429 is left to the throttling plugin, which waits for Retry-After; retrying it here too would
        // ignore the wait.
        retry: { retries: 3, doNotRetry: [400, 401, 403, 404, 410, 422, 429, 451] },
        throttle: { onRateLimit: onLimit('rate limit'), onSecondaryRateLimit: onLimit('secondary rate limit') },
    }, retry, throttling);
}
/** A 403 on a write means the token may not write here (a fork pull request's read-only token). */
function isPermissionDenied(error) {
    const status = error?.status;
    return status === 403 || status === 404;
}
function describeApiError(error) {
    const e = error;
    return `${typeof e?.status === 'number' ? `HTTP ${e.status}: ` : ''}${typeof e?.message === 'string' ? e.message : String(error)}`;
}
/**
 * One comment per action and job on a pull request, found again by a hidden marker and updated in
 * place: a push never adds a second comment.
 */
async function upsertStickyComment(octokit, target, marker, body) {
    const { owner, repo, issueNumber } = target;
    const full = body.includes(marker) ? body : `${marker}\n${body}`;
    for await (const page of octokit.paginate.iterator(octokit.rest.issues.listComments, { owner, repo, issue_number: issueNumber, per_page: 100 })) {
        const existing = page.data.find((c) => typeof c.body === 'string' && c.body.includes(marker));
        if (existing) {
            const { data } = await octokit.rest.issues.updateComment({ owner, repo, comment_id: existing.id, body: full });
            return { id: data.id, url: data.html_url, action: 'updated' };
        }
    }
    const { data } = await octokit.rest.issues.createComment({ owner, repo, issue_number: issueNumber, body: full });
    return { id: data.id, url: data.html_url, action: 'created' };
}
function commentMarker(action, job) {
    return `<!-- mlops-actions:${action}:${(job ?? 'local').replace(/--/g, '-')} -->`;
}


/***/ }),

/***/ 3734:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   QR: () => (/* binding */ numberInput),
/* harmony export */   TL: () => (/* binding */ parseInputs),
/* harmony export */   ij: () => (/* binding */ choiceInput),
/* harmony export */   jv: () => (/* binding */ describeInputs),
/* harmony export */   ry: () => (/* binding */ splitList),
/* harmony export */   tE: () => (/* binding */ booleanInput),
/* harmony export */   uz: () => (/* binding */ splitLines)
/* harmony export */ });
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2311);
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8532);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6316);


/**
 * Inputs are declared once in action.yml; each action has one zod object keyed by the same literal
 * names. A test checks that the two agree on names and defaults. Every input arrives as a string
 * (the runner's way); these helpers turn strings into typed values with clear errors.
 */
/** `true`/`false` exactly as @actions/core's getBooleanInput accepts them. */
const booleanInput = (name) => zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().transform((value, ctx) => {
    if (['true', 'True', 'TRUE'].includes(value))
        return true;
    if (['false', 'False', 'FALSE'].includes(value))
        return false;
    ctx.addIssue({ code: 'custom', message: `input ${name}: ${JSON.stringify(value)} is not a boolean; use true or false` });
    return zod__WEBPACK_IMPORTED_MODULE_2__/* .NEVER */ .tm;
});
const choiceInput = (name, choices) => zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().transform((value, ctx) => {
    if (choices.includes(value))
        return value;
    ctx.addIssue({ code: 'custom', message: `input ${name}: ${JSON.stringify(value)} is not one of ${choices.join(', ')}` });
    return zod__WEBPACK_IMPORTED_MODULE_2__/* .NEVER */ .tm;
});
/**
 * A number within [min, max] (a whole one when `integer`); `what` names the allowed values in the
 * error, e.g. "a positive whole number".
 */
const numberInput = (name, options) => zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().transform((value, ctx) => {
    const n = Number(value);
    if (value.trim() !== '' && n >= options.min && n <= options.max && (!options.integer || Number.isInteger(n)))
        return n;
    ctx.addIssue({ code: 'custom', message: `input ${name}: ${JSON.stringify(value)} is not ${options.what}` });
    return zod__WEBPACK_IMPORTED_MODULE_2__/* .NEVER */ .tm;
});
/** A list given one per line or comma separated, blank entries dropped. */
function splitList(value) {
    return value
        .split(/[\n,]/)
        .map((v) => v.trim())
        .filter((v) => v !== '');
}
/** A list given one per line (paths, globs, keys): lines trimmed, blank ones dropped. */
function splitLines(value) {
    return (value ?? '')
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => l !== '');
}
/**
 * Parses raw string inputs. Declare defaults with `.prefault('<the action.yml default>')`. An empty string counts as "not given", as on the runner, so the zod
 * default applies.
 */
function parseInputs(schema, raw, actionName) {
    const given = {};
    for (const [key, value] of Object.entries(raw))
        if (value !== '')
            given[key] = value;
    const result = schema.safeParse(given);
    if (result.success)
        return result.data;
    const issue = result.error.issues[0];
    const name = String(issue.path[0] ?? '');
    const message = issue.code === 'invalid_type' && issue.input === undefined ? `input ${name} is required` : issue.message;
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(message.startsWith('input ') ? message : `input ${name}: ${message}`, {
        hint: `Set it in the step's \`with:\` block (see the inputs table in docs/actions/${actionName}.md).`,
    });
}
/** Names and defaults of an input schema, for `--help` and the action.yml agreement test. */
function describeInputs(schema) {
    return Object.entries(schema.shape).map(([name, field]) => {
        const f = field;
        // Defaults are declared with .prefault(): the raw string runs through the same parsing as a
        // given value, and it is the string action.yml shows.
        const def = f instanceof zod__WEBPACK_IMPORTED_MODULE_1__/* .ZodPrefault */ .xgV ? String(f.def.defaultValue) : undefined;
        const required = !(f instanceof zod__WEBPACK_IMPORTED_MODULE_1__/* .ZodPrefault */ .xgV) && !(f instanceof zod__WEBPACK_IMPORTED_MODULE_1__/* .ZodOptional */ .IiU);
        return { name, default: def, required, description: f.description };
    });
}


/***/ })

};
