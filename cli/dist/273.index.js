export const id = 273;
export const ids = [273];
export const modules = {

/***/ 8273:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  containerizeAction: () => (/* binding */ containerizeAction),
  containerizeInputs: () => (/* binding */ containerizeInputs)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __webpack_require__(7030);
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
// EXTERNAL MODULE: ./src/platform/units.ts
var units = __webpack_require__(7692);
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
const MIB = 1024 * 1024;
/** Distribution refuses manifests above 4 MiB; a larger answer is not a manifest. */
const MAX_MANIFEST_BYTES = 4 * MIB;
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
        this.chunkSize = nonNegativeInteger(options.chunkSize ?? 16 * MIB, 'chunkSize');
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
        this.logger?.debug(`uploaded ${source.digest} (${(0,units/* formatBytes */.z)(source.size)}) to ${repository}`);
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
                        this.logger?.info(`resuming the upload of ${digest} at ${(0,units/* formatBytes */.z)(point.received)} of ${(0,units/* formatBytes */.z)(size)}`);
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
                            fail(new Error(`the answer to ${method} ${url.pathname} is larger than ${(0,units/* formatBytes */.z)(limit)}`));
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
            await this.take(Math.min(offset - this.position, 4 * MIB));
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
const SERVE_ENTRYPOINT = ['python3', `${SERVE_DIR}/${serve_runtime.SERVE_PY_NAME}`];
const SERVE_ENV = { MLOPS_MODEL_DIR: MODEL_DIR, PORT: String(SERVE_PORT), PYTHONDONTWRITEBYTECODE: '1', PYTHONUNBUFFERED: '1' };
const HEALTHCHECK = {
    test: ['CMD', 'python3', `${SERVE_DIR}/${serve_runtime.SERVE_PY_NAME}`, serve_runtime.SERVE_HEALTHCHECK_ARG],
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
    await (0,promises_.writeFile)(external_node_path_default().join(dir, 'runtime', serve_runtime.SERVE_PY_NAME), serve_runtime.SERVE_PY);
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
    return { runtime: [{ path: `${SERVE_DIR}/${serve_runtime.SERVE_PY_NAME}`, source: runtimeFile }], model };
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
    const runtimeFile = external_node_path_default().join(options.workDir, serve_runtime.SERVE_PY_NAME);
    await (0,promises_.writeFile)(runtimeFile, serve_runtime.SERVE_PY);
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

// EXTERNAL MODULE: ./src/container/docker.ts
var container_docker = __webpack_require__(6340);
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

// EXTERNAL MODULE: ./src/container/smoke.ts
var smoke = __webpack_require__(8394);
// EXTERNAL MODULE: ./src/packaging/package.ts + 2 modules
var packaging_package = __webpack_require__(9915);
// EXTERNAL MODULE: ./src/platform/environment.ts
var environment = __webpack_require__(5494);
// EXTERNAL MODULE: ./src/platform/inputs.ts
var platform_inputs = __webpack_require__(3734);
// EXTERNAL MODULE: ./src/platform/report.ts
var platform_report = __webpack_require__(8809);
// EXTERNAL MODULE: ./src/platform/reporting.ts
var reporting = __webpack_require__(5633);
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
    ...(0,reporting/* reportingInputs */.O)('containerize'),
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
            const opened = await (0,packaging_package.openVerifiedPackage)(packagePath, packageDisplay, scratch, 'Build the image from the package package-model wrote, unchanged');
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
            const docker = await container_docker/* DockerCli */.V.isolated(context.commandEnv ?? {});
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
                const findings = new platform_report.FindingCollector();
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
                const report = (0,platform_report.buildReport)({
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
    const { rows, expected } = await (0,smoke/* packageExamples */.OO)(packageDir, manifest);
    const port = await freePort();
    const container = await cli.start(image, port);
    try {
        const result = await (0,smoke/* smokeTest */.KH)({ baseUrl: `http://127.0.0.1:${port}`, rows, expected, requests: rows.length > 0 ? inputs['smoke-requests'] : 0, startTimeoutMs: inputs['smoke-timeout-seconds'] * 1000, exited: () => container.exited() });
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


/***/ }),

/***/ 5494:
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

/***/ 7692:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   z: () => (/* binding */ formatBytes)
/* harmony export */ });
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


/***/ })

};
