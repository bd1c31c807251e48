export const id = 77;
export const ids = [77];
export const modules = {

/***/ 1077:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DURATION_BUCKETS_SECONDS: () => (/* binding */ DURATION_BUCKETS_SECONDS),
/* harmony export */   PROBABILITY_BUCKETS: () => (/* binding */ PROBABILITY_BUCKETS),
/* harmony export */   REGRESSION_BUCKETS: () => (/* binding */ REGRESSION_BUCKETS),
/* harmony export */   SERVE_CHECK_ARG: () => (/* binding */ SERVE_CHECK_ARG),
/* harmony export */   SERVE_DEFAULTS: () => (/* binding */ SERVE_DEFAULTS),
/* harmony export */   SERVE_ENV: () => (/* binding */ SERVE_ENV),
/* harmony export */   SERVE_HEALTHCHECK_ARG: () => (/* binding */ SERVE_HEALTHCHECK_ARG),
/* harmony export */   SERVE_METRICS: () => (/* binding */ SERVE_METRICS),
/* harmony export */   SERVE_PY: () => (/* binding */ SERVE_PY),
/* harmony export */   SERVE_PY_NAME: () => (/* binding */ SERVE_PY_NAME),
/* harmony export */   SERVING_CONTRACT_VERSION: () => (/* binding */ SERVING_CONTRACT_VERSION)
/* harmony export */ });
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
const DURATION_BUCKETS_SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
/** mlops_prediction_score of a binary classifier: the probability of the second of its classes. */
const PROBABILITY_BUCKETS = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1];
/** mlops_prediction_score of a regressor, unless MLOPS_SCORE_BUCKETS gives others. */
const REGRESSION_BUCKETS = [-10000, -1000, -100, -10, -1, -0.1, 0, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000];
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


/***/ })

};
