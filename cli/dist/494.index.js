export const id = 494;
export const ids = [494];
export const modules = {

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

/***/ 3113:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BUNDLE_PATH_PATTERN: () => (/* binding */ BUNDLE_PATH_PATTERN),
/* harmony export */   CARD_FILE: () => (/* binding */ CARD_FILE),
/* harmony export */   FILE_ROLES: () => (/* binding */ FILE_ROLES),
/* harmony export */   MANIFEST_FILE: () => (/* binding */ MANIFEST_FILE),
/* harmony export */   MANIFEST_KIND: () => (/* binding */ MANIFEST_KIND),
/* harmony export */   MANIFEST_SCHEMA_VERSION: () => (/* binding */ MANIFEST_SCHEMA_VERSION),
/* harmony export */   NAME_PATTERN: () => (/* binding */ NAME_PATTERN),
/* harmony export */   SEMVER_PATTERN: () => (/* binding */ SEMVER_PATTERN),
/* harmony export */   comparePaths: () => (/* binding */ comparePaths),
/* harmony export */   deriveVersion: () => (/* binding */ deriveVersion),
/* harmony export */   isSemver: () => (/* binding */ isSemver),
/* harmony export */   manifestDataSchema: () => (/* binding */ manifestDataSchema),
/* harmony export */   manifestFileSchema: () => (/* binding */ manifestFileSchema),
/* harmony export */   manifestFormatSchema: () => (/* binding */ manifestFormatSchema),
/* harmony export */   manifestRequirementsSchema: () => (/* binding */ manifestRequirementsSchema),
/* harmony export */   modelManifestJsonSchema: () => (/* binding */ modelManifestJsonSchema),
/* harmony export */   modelManifestSchema: () => (/* binding */ modelManifestSchema),
/* harmony export */   normalizePackageName: () => (/* binding */ normalizePackageName),
/* harmony export */   parseManifest: () => (/* binding */ parseManifest),
/* harmony export */   parseRequirements: () => (/* binding */ parseRequirements),
/* harmony export */   readDataFingerprint: () => (/* binding */ readDataFingerprint),
/* harmony export */   readEvaluationReport: () => (/* binding */ readEvaluationReport),
/* harmony export */   requirementName: () => (/* binding */ requirementName),
/* harmony export */   roleOfPath: () => (/* binding */ roleOfPath),
/* harmony export */   serializeManifest: () => (/* binding */ serializeManifest)
/* harmony export */ });
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
        verdict: _platform_report_js__WEBPACK_IMPORTED_MODULE_5__.verdictSchema,
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
    const verdict = _platform_report_js__WEBPACK_IMPORTED_MODULE_5__.verdictSchema.safeParse(value.verdict);
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


/***/ })

};
