export const id = 524;
export const ids = [524];
export const modules = {

/***/ 524:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ProgressStore: () => (/* binding */ ProgressStore),
/* harmony export */   servingAt: () => (/* binding */ servingAt)
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


/***/ })

};
