export const id = 947;
export const ids = [947];
export const modules = {

/***/ 21947:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   readParquetFile: () => (/* binding */ readParquetFile)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(38522);
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_zlib__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var hyparquet__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(96367);
/* harmony import */ var hyparquet__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(4041);
/* harmony import */ var hyparquet_compressors__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(20138);
/* harmony import */ var _platform_errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(46316);
/* harmony import */ var _record_buffer_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(23329);






const HINT = 'The file could not be read as Parquet: check that it was written completely (not truncated) and is really a Parquet file, or set `format` to the right one.';
/** Snappy is built into hyparquet; Node's zlib is faster than JavaScript for gzip and brotli. */
const compressors = {
    GZIP: (input) => (0,node_zlib__WEBPACK_IMPORTED_MODULE_1__.gunzipSync)(input),
    BROTLI: (input) => (0,node_zlib__WEBPACK_IMPORTED_MODULE_1__.brotliDecompressSync)(input),
    ZSTD: (input) => (0,hyparquet_compressors__WEBPACK_IMPORTED_MODULE_2__/* .decompressZstd */ .l8)(input),
    LZ4: hyparquet_compressors__WEBPACK_IMPORTED_MODULE_2__/* .decompressLz4 */ .yk,
    LZ4_RAW: hyparquet_compressors__WEBPACK_IMPORTED_MODULE_2__/* .decompressLz4Raw */ .SF,
};
async function readParquetFile(file, options, sink) {
    const displayName = file.displayName;
    const batchRows = Math.max(1, Math.floor(options.batchRows ?? _record_buffer_js__WEBPACK_IMPORTED_MODULE_4__/* .DEFAULT_BATCH_ROWS */ .V3));
    let handle;
    try {
        handle = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.open)(file.path, 'r');
    }
    catch (error) {
        throw (0,_record_buffer_js__WEBPACK_IMPORTED_MODULE_4__/* .fileError */ .zS)(error, displayName);
    }
    try {
        const size = (await handle.stat()).size;
        const buffer = fileAsyncBuffer(handle, size);
        const { metadata, scan } = await decoding(displayName, async () => {
            const metadata = await (0,hyparquet__WEBPACK_IMPORTED_MODULE_5__/* .parquetMetadataAsync */ .Ei)(buffer);
            return { metadata, scan: await (0,hyparquet__WEBPACK_IMPORTED_MODULE_6__/* .parquetScan */ .Ik)({ file: buffer, metadata, compressors }) };
        });
        const names = (0,hyparquet__WEBPACK_IMPORTED_MODULE_5__/* .parquetSchema */ .YR)(metadata).children.map((child) => child.element.name);
        sink.beginFile(displayName, names, {});
        const positions = new Float64Array(batchRows);
        let rows = 0;
        for (const range of scan.ranges) {
            const data = await decoding(displayName, () => readRange(scan, names, range.rowStart, range.rowEnd));
            for (let from = range.rowStart; from < range.rowEnd; from += batchRows) {
                const to = Math.min(range.rowEnd, from + batchRows);
                const rowCount = to - from;
                for (let i = 0; i < rowCount; i++)
                    positions[i] = from + i;
                const columns = data.map((column) => ({ kind: 'values', values: toValues(column, from - range.rowStart, to - range.rowStart) }));
                const batch = { file: displayName, rowCount, positions, positionKind: 'row', columns, names };
                rows += rowCount;
                sink.batch(batch);
            }
        }
        sink.endFile?.(displayName);
        return { rows, bytes: size };
    }
    finally {
        await handle.close();
    }
}
async function readRange(scan, names, rowStart, rowEnd) {
    const columns = [];
    for (const column of names) {
        const data = (await scan.readColumn({ column, rowStart, rowEnd }));
        if (data.length !== rowEnd - rowStart)
            throw new Error(`column ${column} has ${data.length} values for ${rowEnd - rowStart} rows`);
        columns.push(data);
    }
    return columns;
}
/** Plain values for rows [from, to) of a decoded column: typed arrays become arrays, undefined becomes null. */
function toValues(data, from, to) {
    const out = new Array(to - from);
    for (let i = from; i < to; i++) {
        const v = data[i];
        out[i - from] = v === undefined ? null : v;
    }
    return out;
}
/** hyparquet reads ranges through this: one positioned read per range, into a buffer of its own. */
function fileAsyncBuffer(handle, size) {
    return {
        byteLength: size,
        async slice(start, end) {
            const stop = Math.min(end ?? size, size);
            const length = Math.max(0, stop - start);
            const out = new Uint8Array(length);
            let done = 0;
            while (done < length) {
                const { bytesRead } = await handle.read(out, done, length - done, start + done);
                if (bytesRead === 0)
                    throw new Error(`unexpected end of file at byte ${start + done}`);
                done += bytesRead;
            }
            if (end !== undefined && end > size)
                throw new Error(`a range ends at byte ${end}, past the end of the file (${size} bytes)`);
            return out.buffer;
        },
    };
}
/** Runs hyparquet work; whatever it throws means the bytes are not the Parquet they claim to be. */
async function decoding(displayName, work) {
    try {
        return await work();
    }
    catch (error) {
        if (error instanceof _platform_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigurationError */ .j1)
            throw error;
        const reason = error instanceof Error ? error.message : String(error);
        throw new _platform_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigurationError */ .j1(`not a readable Parquet file (${reason})`, { file: displayName, hint: HINT, cause: error });
    }
}


/***/ })

};
