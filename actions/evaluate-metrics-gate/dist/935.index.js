export const id = 935;
export const ids = [935];
export const modules = {

/***/ 95935:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   serveBootstrapWorker: () => (/* binding */ serveBootstrapWorker)
/* harmony export */ });
/* harmony import */ var node_worker_threads__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(75919);
/* harmony import */ var node_worker_threads__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_worker_threads__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _bootstrap_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76140);


/**
 * The worker side of pairedBootstrap's threads. A worker is the bundle's entry file started again
 * (pairedBootstrap's `workerEntry`); its entry sees the bootstrap task (platform/threads.ts) and calls
 * serveBootstrapWorker(), which waits for one job (the prepared rows in shared memory and a range
 * of resamples), writes that range's metric values into the shared output, answers, and lets the
 * thread end.
 */
/** Serves one job, then returns; the thread exits when its port has no listener left. */
function serveBootstrapWorker() {
    const port = node_worker_threads__WEBPACK_IMPORTED_MODULE_0__.parentPort;
    return new Promise((resolve) => {
        port.once('message', (job) => {
            let reply;
            try {
                (0,_bootstrap_js__WEBPACK_IMPORTED_MODULE_1__/* .computeResamples */ .Ue)(job.prepared, job.seed, job.from, job.to, job.values);
                reply = { done: true };
            }
            catch (error) {
                reply = { error: { message: error instanceof Error ? error.message : String(error), stack: error instanceof Error ? error.stack : undefined } };
            }
            port.postMessage(reply);
            resolve();
        });
    });
}


/***/ })

};
