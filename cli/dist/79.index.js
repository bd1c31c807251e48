export const id = 79;
export const ids = [79];
export const modules = {

/***/ 79:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   actionNames: () => (/* binding */ actionNames),
/* harmony export */   loadAction: () => (/* binding */ loadAction)
/* harmony export */ });
/**
 * Every action, by name: the CLI's subcommands. Each one's code is loaded only when it is asked
 * for, so a subcommand starts without evaluating the other five actions and their clients.
 */
const loaders = {
    'validate-data': async () => (await Promise.all(/* import() */[__webpack_require__.e(815), __webpack_require__.e(311), __webpack_require__.e(359), __webpack_require__.e(808), __webpack_require__.e(671), __webpack_require__.e(667), __webpack_require__.e(535)]).then(__webpack_require__.bind(__webpack_require__, 1535))).validateDataAction,
    'train-check': async () => (await Promise.all(/* import() */[__webpack_require__.e(815), __webpack_require__.e(311), __webpack_require__.e(902)]).then(__webpack_require__.bind(__webpack_require__, 5902))).trainCheckAction,
    'evaluate-metrics-gate': async () => (await Promise.all(/* import() */[__webpack_require__.e(815), __webpack_require__.e(311), __webpack_require__.e(808), __webpack_require__.e(671), __webpack_require__.e(140), __webpack_require__.e(913)]).then(__webpack_require__.bind(__webpack_require__, 8294))).evaluateMetricsGateAction,
    'package-model': async () => (await Promise.all(/* import() */[__webpack_require__.e(815), __webpack_require__.e(311), __webpack_require__.e(359), __webpack_require__.e(494), __webpack_require__.e(915), __webpack_require__.e(806)]).then(__webpack_require__.bind(__webpack_require__, 4479))).packageModelAction,
    containerize: async () => (await Promise.all(/* import() */[__webpack_require__.e(815), __webpack_require__.e(311), __webpack_require__.e(359), __webpack_require__.e(494), __webpack_require__.e(915), __webpack_require__.e(77), __webpack_require__.e(211), __webpack_require__.e(273)]).then(__webpack_require__.bind(__webpack_require__, 8273))).containerizeAction,
    'staged-deploy': async () => (await Promise.all(/* import() */[__webpack_require__.e(815), __webpack_require__.e(311), __webpack_require__.e(359), __webpack_require__.e(494), __webpack_require__.e(808), __webpack_require__.e(915), __webpack_require__.e(77), __webpack_require__.e(211), __webpack_require__.e(772)]).then(__webpack_require__.bind(__webpack_require__, 8772))).stagedDeployAction,
};
const actionNames = Object.keys(loaders);
/** The action of this name, or undefined when there is none. */
async function loadAction(name) {
    if (!Object.hasOwn(loaders, name))
        return undefined;
    return (await loaders[name]());
}


/***/ })

};
