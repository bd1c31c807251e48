export const id = 772;
export const ids = [772,448,500,952,524];
export const modules = {

/***/ 8772:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  stagedDeployAction: () => (/* binding */ stagedDeployAction),
  stagedDeployInputs: () => (/* binding */ stagedDeployInputs)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
var external_node_os_default = /*#__PURE__*/__webpack_require__.n(external_node_os_);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 7 modules
var schemas = __webpack_require__(2311);
// EXTERNAL MODULE: ./src/container/smoke.ts
var container_smoke = __webpack_require__(8394);
// EXTERNAL MODULE: ./src/deploy/plan.ts
var deploy_plan = __webpack_require__(5448);
// EXTERNAL MODULE: ./src/deploy/progress.ts
var deploy_progress = __webpack_require__(524);
// EXTERNAL MODULE: ./src/container/docker.ts
var docker = __webpack_require__(6340);
// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
// EXTERNAL MODULE: ./src/platform/errors.ts
var errors = __webpack_require__(6316);
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

// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __webpack_require__(7030);
var external_node_net_default = /*#__PURE__*/__webpack_require__.n(external_node_net_);
// EXTERNAL MODULE: ./src/platform/logger.ts
var logger = __webpack_require__(3255);
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
        const command = `show servers state ${checkName(backend, 'backend')}`;
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
        const command = `show stat ${checkName(backend, 'backend')} 4 -1`;
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
function checkName(name, what) {
    if (!NAME.test(name)) {
        throw new errors/* ConfigurationError */.j1(`${what} name ${JSON.stringify(name)} is not an HAProxy name`, { hint: 'HAProxy names hold letters, digits and - _ . : only.' });
    }
    return name;
}
function serverRef(backend, server) {
    return `${checkName(backend, 'backend')}/${checkName(server, 'server')}`;
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
        this.logger = options.logger ?? logger/* silentLogger */.q;
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
        this.logger = options.logger ?? logger/* silentLogger */.q;
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
        this.logger = options.logger ?? logger/* silentLogger */.q;
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
            return new DockerProvider(config, { docker: new docker/* DockerCli */.V(deps.env), logger: deps.logger });
        case 'haproxy':
            return new HaproxyProvider(config, { logger: deps.logger });
        case 'kubernetes':
            return new KubernetesProvider(config, { env: deps.env, logger: deps.logger, signal: deps.signal });
        case 'command':
            return new CommandProvider(config, { env: deps.env, cwd: deps.cwd, log: (line) => deps.logger.info(line), recorded: deps.recorded, signal: deps.signal });
    }
}

// EXTERNAL MODULE: ./src/container/serve-runtime.ts
var serve_runtime = __webpack_require__(1077);
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
            case serve_runtime.SERVE_METRICS.requests: {
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
            case serve_runtime.SERVE_METRICS.predictionRows:
                predictionRows += s.value;
                break;
            case serve_runtime.SERVE_METRICS.predictions: {
                const label = s.labels.class ?? '';
                setCount(classes, label, countOf(classes, label) + s.value);
                break;
            }
            case serve_runtime.SERVE_METRICS.modelInfo:
                if (!model && s.labels.name !== undefined && s.labels.version !== undefined)
                    model = { name: s.labels.name, version: s.labels.version };
                break;
            default:
                if (!predictionDuration.take(serve_runtime.SERVE_METRICS.predictionDuration, s) && !duration.take(serve_runtime.SERVE_METRICS.requestDuration, s))
                    score.take(serve_runtime.SERVE_METRICS.predictionScore, s);
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
                const mismatch = Array.isArray(predictions) && options.expected ? options.expected.findIndex((e, i) => !(0,container_smoke/* sameValue */.eE)(e, predictions[i])) : -1;
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
        const smoke = await (0,container_smoke/* smokeTest */.KH)({
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

// EXTERNAL MODULE: ./src/packaging/package.ts + 2 modules
var packaging_package = __webpack_require__(9915);
// EXTERNAL MODULE: ./src/platform/config-file.ts
var config_file = __webpack_require__(5892);
// EXTERNAL MODULE: ./src/platform/deployments.ts
var deployments = __webpack_require__(119);
// EXTERNAL MODULE: ./src/platform/github.ts
var github = __webpack_require__(5952);
// EXTERNAL MODULE: ./src/platform/inputs.ts
var inputs = __webpack_require__(3734);
// EXTERNAL MODULE: ./src/platform/report.ts
var report = __webpack_require__(8809);
// EXTERNAL MODULE: ./src/platform/reporting.ts
var reporting = __webpack_require__(5633);
;// CONCATENATED MODULE: ./src/actions/staged-deploy.ts

















const stagedDeployInputs = schemas/* object */.Ikc({
    image: schemas/* string */.YjP().min(1).describe('The candidate: an image reference (containerize’s image and digest as <image>@<digest>), or any version string for the command and haproxy providers.'),
    plan: schemas/* string */.YjP().min(1).describe('The rollout plan: a YAML file in the repository, or the plan itself as YAML text.'),
    stages: schemas/* string */.YjP().prefault('').describe('Stages to run, comma separated, in the plan’s order (default: all). One job per GitHub environment runs one stage.'),
    package: schemas/* string */.YjP().optional().describe('The model package (package-model’s folder or .tar.gz): its input example feeds the /predict probes, its name and version the records.'),
    resume: (0,inputs/* choiceInput */.ij)('resume', ['rollback', 'continue']).prefault('rollback').describe('A rollout of the same image left unfinished by a killed job: roll it back and start again, or continue at its step.'),
    'state-dir': schemas/* string */.YjP().prefault('.mlops/deploy').describe('Where the progress record and the deploy history are kept, relative to the workspace.'),
    deployments: (0,inputs/* booleanInput */.tE)('deployments').prefault('true').describe('Record each stage as a GitHub deployment with statuses (needs `deployments: write`).'),
    ...(0,reporting/* reportingInputs */.O)('staged-deploy', 'verdict'),
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
            const progress = new deploy_progress.ProgressStore(workspace.resolve(inputs['state-dir']));
            const recorder = inputs.deployments && inputs['github-token'] && run.repository && run.onRunner ? new deployments.DeploymentRecorder(await (0,github.createOctokit)(inputs['github-token'], run, logger), run, logger) : undefined;
            const results = [];
            let deploymentId;
            for (const stage of selected) {
                logger.startGroup(`staged-deploy: ${stage.name} (${stage.provider.kind}${stage.canary ? `, canary ${stage.steps.join(' → ')} % every ${(0,deploy_plan.formatDuration)(stage.intervalMs)}` : ''})`);
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
        return (0,config_file/* parseConfigText */.B)(input, 'input plan', deploy_plan.rolloutPlanSchema, 'rollout plan').value;
    const file = context.workspace.resolve(input);
    return (await (0,config_file/* loadConfigFile */.H)(file, context.workspace.display(file), deploy_plan.rolloutPlanSchema, 'rollout plan')).value;
}
function selectStages(plan, names) {
    const wanted = (0,inputs/* splitList */.ry)(names);
    const known = plan.stages.map((s) => s.name);
    for (const name of wanted) {
        if (!known.includes(name))
            throw new errors/* ConfigurationError */.j1(`input stages: the plan has no stage ${name}`, { hint: `Its stages are: ${known.join(', ')}.` });
    }
    return plan.stages.filter((s) => wanted.length === 0 || wanted.includes(s.name)).map((s) => (0,deploy_plan.resolveStage)(plan, s));
}
async function recordedState(progress, stage) {
    const record = await progress.read(stage);
    if (!record || record.status === 'promoted' || record.status === 'rolled-back')
        return undefined;
    return { candidateWeight: record.weight, candidatePresent: true, candidateImage: record.image, stableImage: record.stableImage };
}
async function readPackage(input, context, scratch) {
    const packagePath = context.workspace.resolve(input);
    const { dir, manifest, archiveSha256 } = await (0,packaging_package.openVerifiedPackage)(packagePath, context.workspace.display(packagePath), scratch, 'Deploy what package-model wrote, unchanged');
    const { rows, expected } = await (0,container_smoke/* packageExamples */.OO)(dir, manifest);
    return { rows, expected, model: { name: manifest.name, version: manifest.version, ...(archiveSha256 ? { digest: `sha256:${archiveSha256}` } : {}) } };
}
function outcome(results, selected, startedAt, deploymentId, noExample) {
    const findings = new report.FindingCollector();
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
        report: (0,report.buildReport)({
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


/***/ }),

/***/ 5448:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   analysisSchema: () => (/* binding */ analysisSchema),
/* harmony export */   commandProviderSchema: () => (/* binding */ commandProviderSchema),
/* harmony export */   dockerProviderSchema: () => (/* binding */ dockerProviderSchema),
/* harmony export */   formatDuration: () => (/* binding */ formatDuration),
/* harmony export */   haproxyProviderSchema: () => (/* binding */ haproxyProviderSchema),
/* harmony export */   kubernetesProviderSchema: () => (/* binding */ kubernetesProviderSchema),
/* harmony export */   parseDuration: () => (/* binding */ parseDuration),
/* harmony export */   providerSchema: () => (/* binding */ providerSchema),
/* harmony export */   resolveStage: () => (/* binding */ resolveStage),
/* harmony export */   rolloutPlanJsonSchema: () => (/* binding */ rolloutPlanJsonSchema),
/* harmony export */   rolloutPlanSchema: () => (/* binding */ rolloutPlanSchema)
/* harmony export */ });
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


/***/ }),

/***/ 119:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DeploymentRecorder: () => (/* binding */ DeploymentRecorder),
/* harmony export */   deploymentHistory: () => (/* binding */ deploymentHistory)
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
            this.logger.warning(`Cannot record the deployment to ${environment} (${(0,_github_js__WEBPACK_IMPORTED_MODULE_0__.describeApiError)(error)}); the job needs \`permissions: deployments: write\`. The rollout goes on.`);
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
            this.logger.warning(`Cannot update deployment ${id} to ${state} (${(0,_github_js__WEBPACK_IMPORTED_MODULE_0__.describeApiError)(error)}).`);
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

/***/ 5952:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   commentMarker: () => (/* binding */ commentMarker),
/* harmony export */   createOctokit: () => (/* binding */ createOctokit),
/* harmony export */   describeApiError: () => (/* binding */ describeApiError),
/* harmony export */   isPermissionDenied: () => (/* binding */ isPermissionDenied),
/* harmony export */   upsertStickyComment: () => (/* binding */ upsertStickyComment)
/* harmony export */ });
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

/***/ 3255:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   q: () => (/* binding */ silentLogger)
/* harmony export */ });
/* unused harmony export RecordingLogger */
const silentLogger = { debug() { }, info() { }, warning() { }, startGroup() { }, endGroup() { }, output() { } };
/** Keeps every line, for tests. */
class RecordingLogger {
    lines = [];
    debug(message) {
        this.lines.push({ level: 'debug', message });
    }
    info(message) {
        this.lines.push({ level: 'info', message });
    }
    warning(message) {
        this.lines.push({ level: 'warning', message });
    }
    startGroup(title) {
        this.lines.push({ level: 'group', message: title });
    }
    endGroup() { }
    output(text) {
        this.lines.push({ level: 'output', message: text });
    }
}


/***/ }),

/***/ 2160:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $3: () => (/* binding */ quantileBinEdges),
/* harmony export */   Bx: () => (/* binding */ ksFromSketches),
/* harmony export */   OT: () => (/* binding */ categoricalDistributions),
/* harmony export */   Uh: () => (/* binding */ benjaminiHochberg),
/* harmony export */   Yk: () => (/* binding */ binCounts),
/* harmony export */   fy: () => (/* binding */ jensenShannon),
/* harmony export */   i2: () => (/* binding */ wasserstein1d),
/* harmony export */   js: () => (/* binding */ psi),
/* harmony export */   ub: () => (/* binding */ chiSquareTwoSample),
/* harmony export */   wI: () => (/* binding */ ks2Samp),
/* harmony export */   xE: () => (/* binding */ wassersteinFromSketches)
/* harmony export */ });
/* unused harmony export OTHER_CATEGORY */
/* harmony import */ var _distributions_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9808);
/* harmony import */ var _quantile_sketch_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3755);
/**
 * # Drift tests
 *
 * Each function compares a reference sample with a current one and equals the scipy 1.10 function
 * named in its comment (the tests check them against scipy to nine significant digits).
 *
 * ## Numeric columns
 *
 * - `ks2Samp`: the two-sample Kolmogorov–Smirnov test on sorted samples, = scipy.stats.ks_2samp with
 *   its defaults: exact p-value when both samples have at most 10,000 values, else the asymptotic
 *   one (the distribution of D_n at n = round(n1·n2/(n1+n2))), and the same fallback to it when the
 *   exact computation fails.
 * - `ksFromSketches`: the same statistic from two quantile sketches. Each sketch's ECDF is within its
 *   `rankError()` of the true ECDF everywhere, so the statistic is within the sum of the two bounds of
 *   the exact one; `error` says how far. The p-value uses the asymptotic distribution.
 * - `wasserstein1d` / `wassersteinFromSketches`: the area between the two ECDFs,
 *   = scipy.stats.wasserstein_distance. From sketches the error is at most the sum of the rank errors
 *   times the range of the values, because the ECDFs agree outside [min, max].
 * - `psi` on `binCounts` over `quantileBinEdges` of the reference: the population stability index with
 *   deciles of the reference as bins.
 *
 * ## Categorical columns
 *
 * - `chiSquareTwoSample`: = scipy.stats.chi2_contingency on the 2×k table of counts (with Yates'
 *   correction when k = 2, as scipy does by default).
 * - `jensenShannon`: = scipy.spatial.distance.jensenshannon(p, q, base=2), between 0 and 1.
 *
 * ### Why Jensen–Shannon runs over the top categories plus "other"
 *
 * Two samples of n rows drawn from the *same* distribution over k categories differ by sampling
 * noise alone. For categories with enough rows each, the JS divergence is close to χ²/(8n) in nats,
 * and the χ² statistic of two equal samples has mean about 2(k - 1), so the expected divergence is
 * about (k - 1)/(4n) nats, and the expected JS *distance* (the square root, in bits) about
 *
 *     sqrt(k / (4·n·ln 2)).
 *
 * With k = 50 and n = 1,000,000 that is 0.004: no drift reads as no drift. With k = 50,000 it is
 * 0.13, and worse than that formula says once the rare categories have a handful of rows each, since
 * a category seen 2 times in one sample and 0 in the other adds as much as a real shift. A
 * high-cardinality column would then always look drifted. `categoricalDistributions` therefore keeps
 * the `maxCategories` (50) most frequent categories of the reference and pools every other category,
 * of either sample, into one "other" bucket: k stays small, so the noise floor stays near 0, while a
 * real shift still shows, either in a top category or as mass moving into or out of "other" (a new
 * category in the current data lands in "other").
 *
 * ## Many columns
 *
 * `benjaminiHochberg` adjusts the per-column p-values for the number of columns tested, so a report
 * over 200 columns does not flag ten of them at α = 5% by chance alone.
 */



/** The label of the pooled bucket of every category outside the top ones. */
const OTHER_CATEGORY = '(other)';
/** ks_2samp's switch from the exact to the asymptotic p-value (scipy's MAX_AUTO_N). */
const MAX_EXACT_N = 10000;
/**
 * The two-sample Kolmogorov–Smirnov test, two-sided, = scipy.stats.ks_2samp(a, b). Both samples must
 * be sorted ascending and free of NaN.
 */
function ks2Samp(a, b) {
    const n1 = a.length;
    const n2 = b.length;
    if (n1 === 0 || n2 === 0)
        throw new RangeError('ks2Samp: both samples must hold at least one value');
    let i = 0;
    let j = 0;
    let maxDiff = -Infinity;
    let minDiff = Infinity;
    while (i < n1 || j < n2) {
        const x = i < n1 && (j >= n2 || a[i] <= b[j]) ? a[i] : b[j];
        while (i < n1 && a[i] <= x)
            i++;
        while (j < n2 && b[j] <= x)
            j++;
        const diff = i / n1 - j / n2;
        if (diff > maxDiff)
            maxDiff = diff;
        if (diff < minDiff)
            minDiff = diff;
    }
    const minS = Math.min(1, Math.max(0, -minDiff));
    let d = minS > maxDiff ? minS : maxDiff;
    if (Math.max(n1, n2) <= MAX_EXACT_N) {
        const g = gcd(n1, n2);
        const lcm = (n1 / g) * n2;
        const h = roundHalfEven(d * lcm);
        d = h / lcm;
        if (h === 0)
            return { statistic: d, pvalue: 1, method: 'exact' };
        const p = n1 === n2 ? probabilityOutsideSquare(n1, h) : probabilityOutsideInsideMethod(n1, n2, g, h);
        if (p >= 0 && p <= 1)
            return { statistic: d, pvalue: p, method: 'exact' };
    }
    return { statistic: d, pvalue: asymptoticPvalue(d, n1, n2), method: 'asymp' };
}
/** scipy's asymptotic two-sample p-value: kstwo at the effective sample size. */
function asymptoticPvalue(d, n1, n2) {
    const m = Math.max(n1, n2);
    const n = Math.min(n1, n2);
    const en = (m * n) / (m + n);
    return Math.min(1, Math.max(0, (0,_distributions_js__WEBPACK_IMPORTED_MODULE_0__/* .kstwoSf */ .CN)(d, roundHalfEven(en))));
}
/** P(D_{n,n} >= h/n), Hodges' alternating sum evaluated Horner-style (scipy's _compute_prob_outside_square). */
function probabilityOutsideSquare(n, h) {
    let p = 0;
    for (let k = Math.floor(n / h); k >= 0; k--) {
        let p1 = 1;
        for (let j = 0; j < h; j++)
            p1 = ((n - k * h - j) * p1) / (n + k * h + j + 1);
        p = p1 * (1 - p);
    }
    return 2 * p;
}
/**
 * The fraction of lattice paths from (0,0) to (m,n) that leave the band |x/m - y/n| < h/lcm, by
 * Viehmann's recursion for 1 - p (scipy's _compute_outer_prob_inside_method).
 */
function probabilityOutsideInsideMethod(n1, n2, g, h) {
    const m = Math.max(n1, n2);
    const n = Math.min(n1, n2);
    const mg = m / g;
    const ng = n / g;
    let minj = 0;
    let maxj = Math.min(Math.ceil(h / mg), n + 1);
    let curlen = maxj - minj;
    const lenA = Math.min(2 * maxj + 2, n + 1);
    const A = new Float64Array(lenA).fill(1);
    A.fill(0, minj, maxj);
    for (let i = 1; i <= m; i++) {
        const lastminj = minj;
        const lastlen = curlen;
        minj = Math.min(Math.max(Math.floor((ng * i - h) / mg) + 1, 0), n);
        maxj = Math.min(Math.ceil((ng * i + h) / mg), n + 1);
        if (maxj <= minj)
            return 1;
        let val = minj === 0 ? 0 : 1;
        for (let jj = 0; jj < maxj - minj; jj++) {
            const j = jj + minj;
            val = (A[jj + minj - lastminj] * i + val * j) / (i + j);
            A[jj] = val;
        }
        curlen = maxj - minj;
        if (lastlen > curlen)
            A.fill(1, maxj - minj, Math.min(lenA, maxj - minj + (lastlen - curlen)));
    }
    return A[maxj - minj - 1];
}
/**
 * The KS statistic between two sketched samples, with `error` = ref.rankError() + cur.rankError()
 * bounding its distance from the exact statistic (0 when both sketches are exact), and the
 * asymptotic p-value of ks_2samp at that statistic.
 */
function ksFromSketches(ref, cur) {
    if (ref.count === 0 || cur.count === 0)
        throw new RangeError('ksFromSketches: both sketches must hold at least one value');
    const a = ref.weightedValues();
    const b = cur.weightedValues();
    const n1 = ref.count;
    const n2 = cur.count;
    let i = 0;
    let j = 0;
    let cumulativeA = 0;
    let cumulativeB = 0;
    let statistic = 0;
    const lengthA = a.values.length;
    const lengthB = b.values.length;
    while (i < lengthA || j < lengthB) {
        const x = i < lengthA && (j >= lengthB || a.values[i] <= b.values[j]) ? a.values[i] : b.values[j];
        while (i < lengthA && a.values[i] <= x)
            cumulativeA += a.weights[i++];
        while (j < lengthB && b.values[j] <= x)
            cumulativeB += b.weights[j++];
        const diff = Math.abs(cumulativeA / n1 - cumulativeB / n2);
        if (diff > statistic)
            statistic = diff;
    }
    return { statistic, pvalue: asymptoticPvalue(statistic, n1, n2), error: ref.rankError() + cur.rankError() };
}
/** The 1-Wasserstein (earth mover's) distance between two samples, = scipy.stats.wasserstein_distance(a, b). */
function wasserstein1d(a, b) {
    if (a.length === 0 || b.length === 0)
        throw new RangeError('wasserstein1d: both samples must hold at least one value');
    const sortedA = Float64Array.from(a).sort();
    const sortedB = Float64Array.from(b).sort();
    return weightedWasserstein(sortedA, null, sortedA.length, sortedB, null, sortedB.length);
}
/** The Wasserstein distance between two sketched samples, with a bound on its distance from the exact one. */
function wassersteinFromSketches(ref, cur) {
    if (ref.count === 0 || cur.count === 0)
        throw new RangeError('wassersteinFromSketches: both sketches must hold at least one value');
    const a = ref.weightedValues();
    const b = cur.weightedValues();
    const distance = weightedWasserstein(a.values, a.weights, ref.count, b.values, b.weights, cur.count);
    const range = Math.max(ref.max, cur.max) - Math.min(ref.min, cur.min);
    return { distance, error: (ref.rankError() + cur.rankError()) * range };
}
/** ∫|F - G| over the merged sorted values; weights null means 1 each. */
function weightedWasserstein(valuesA, weightsA, totalA, valuesB, weightsB, totalB) {
    let i = 0;
    let j = 0;
    let cumulativeA = 0;
    let cumulativeB = 0;
    let distance = 0;
    const lengthA = valuesA.length;
    const lengthB = valuesB.length;
    let x = Math.min(valuesA[0], valuesB[0]);
    while (i < lengthA || j < lengthB) {
        while (i < lengthA && valuesA[i] <= x)
            cumulativeA += weightsA === null ? (i++, 1) : weightsA[i++];
        while (j < lengthB && valuesB[j] <= x)
            cumulativeB += weightsB === null ? (j++, 1) : weightsB[j++];
        if (i >= lengthA && j >= lengthB)
            break;
        const next = i < lengthA && (j >= lengthB || valuesA[i] <= valuesB[j]) ? valuesA[i] : valuesB[j];
        distance += Math.abs(cumulativeA / totalA - cumulativeB / totalB) * (next - x);
        x = next;
    }
    return distance;
}
/**
 * The population stability index Σ (a - e)·ln(a/e) over bins, from counts per bin. Counts become
 * proportions of their totals; an empty bin's proportion becomes `epsilon` so the logarithm is finite.
 */
function psi(expected, actual, epsilon = 1e-4) {
    if (expected.length !== actual.length)
        throw new RangeError(`psi: ${expected.length} expected bins but ${actual.length} actual bins`);
    let totalExpected = 0;
    let totalActual = 0;
    for (let i = 0; i < expected.length; i++) {
        totalExpected += expected[i];
        totalActual += actual[i];
    }
    let index = 0;
    for (let i = 0; i < expected.length; i++) {
        let e = expected[i] / totalExpected;
        let a = actual[i] / totalActual;
        if (e === 0)
            e = epsilon;
        if (a === 0)
            a = epsilon;
        index += (a - e) * Math.log(a / e);
    }
    return index;
}
/**
 * Interior bin edges at the reference's 1/bins, 2/bins, ... quantiles, strictly increasing (a value
 * that repeats over several quantiles gives one edge). Bins are (-∞, e0], (e0, e1], ..., (e_last, ∞).
 */
function quantileBinEdges(ref, bins = 10) {
    if (!Number.isInteger(bins) || bins < 1)
        throw new RangeError(`quantileBinEdges: bins must be a positive integer, got ${bins}`);
    const edges = [];
    if (ref.count === 0)
        return new Float64Array(0);
    for (let i = 1; i < bins; i++) {
        const edge = ref.quantile(i / bins);
        if (edges.length === 0 || edge > edges[edges.length - 1])
            edges.push(edge);
    }
    return Float64Array.from(edges);
}
/**
 * Counts per bin (edges.length + 1 bins, right-closed as in `quantileBinEdges`) of a sorted sample,
 * or the weights of a sketch's retained values per bin (exact while the sketch is).
 */
function binCounts(sketchOrSorted, edges) {
    const counts = new Float64Array(edges.length + 1);
    if (sketchOrSorted instanceof _quantile_sketch_js__WEBPACK_IMPORTED_MODULE_1__/* .QuantileSketch */ .w) {
        const { values, weights } = sketchOrSorted.weightedValues();
        let bin = 0;
        for (let i = 0; i < values.length; i++) {
            while (bin < edges.length && values[i] > edges[bin])
                bin++;
            counts[bin] += weights[i];
        }
        return counts;
    }
    let previous = 0;
    for (let e = 0; e < edges.length; e++) {
        const below = (0,_quantile_sketch_js__WEBPACK_IMPORTED_MODULE_1__/* .upperBound */ .r)(sketchOrSorted, edges[e]);
        counts[e] = below - previous;
        previous = below;
    }
    counts[edges.length] = sketchOrSorted.length - previous;
    return counts;
}
/**
 * The chi-square test of homogeneity of two samples of a categorical column, = scipy.stats.
 * chi2_contingency on the 2×k table over the union of keys (keys with no count in either are left
 * out; Yates' correction when dof = 1). dof = 0 (one category) gives statistic 0 and p-value 1, as in
 * scipy; an empty sample, which scipy rejects, gives NaN.
 */
function chiSquareTwoSample(refCounts, curCounts) {
    const ref = [];
    const cur = [];
    for (const [key, count] of refCounts) {
        const other = curCounts.get(key) ?? 0;
        if (count > 0 || other > 0) {
            ref.push(count);
            cur.push(other);
        }
    }
    for (const [key, count] of curCounts) {
        if (!refCounts.has(key) && count > 0) {
            ref.push(0);
            cur.push(count);
        }
    }
    const k = ref.length;
    const dof = Math.max(0, k - 1);
    let refTotal = 0;
    let curTotal = 0;
    for (let i = 0; i < k; i++) {
        refTotal += ref[i];
        curTotal += cur[i];
    }
    if (refTotal === 0 || curTotal === 0)
        return { statistic: NaN, pvalue: NaN, dof };
    if (dof === 0)
        return { statistic: 0, pvalue: 1, dof };
    const total = refTotal + curTotal;
    let statistic = 0;
    for (let i = 0; i < k; i++) {
        const column = ref[i] + cur[i];
        statistic += cellTerm(ref[i], (refTotal * column) / total, dof);
        statistic += cellTerm(cur[i], (curTotal * column) / total, dof);
    }
    return { statistic, pvalue: (0,_distributions_js__WEBPACK_IMPORTED_MODULE_0__/* .chi2Sf */ .wv)(statistic, dof), dof };
}
function cellTerm(observed, expected, dof) {
    let o = observed;
    if (dof === 1) {
        // Yates: move each observed count up to half a unit towards its expected count.
        const diff = expected - o;
        o += Math.sign(diff) * Math.min(0.5, Math.abs(diff));
    }
    const deviation = o - expected;
    return (deviation * deviation) / expected;
}
/**
 * The Jensen–Shannon distance between two distributions given as non-negative weights (normalised
 * here), = scipy.spatial.distance.jensenshannon(p, q, base). In [0, 1] for base 2.
 */
function jensenShannon(p, q, base = 2) {
    if (p.length !== q.length)
        throw new RangeError(`jensenShannon: ${p.length} weights against ${q.length}`);
    let sumP = 0;
    let sumQ = 0;
    for (let i = 0; i < p.length; i++) {
        sumP += p[i];
        sumQ += q[i];
    }
    let left = 0;
    let right = 0;
    for (let i = 0; i < p.length; i++) {
        const pi = p[i] / sumP;
        const qi = q[i] / sumQ;
        const mi = (pi + qi) / 2;
        left += relativeEntropy(pi, mi);
        right += relativeEntropy(qi, mi);
    }
    const divergence = (left + right) / Math.log(base);
    // Rounding can leave a divergence of -1e-17 between equal distributions, where scipy returns NaN.
    return Math.sqrt(Math.max(0, divergence / 2));
}
/** scipy.special.rel_entr. */
function relativeEntropy(x, y) {
    if (x > 0 && y > 0)
        return x * Math.log(x / y);
    if (x === 0 && y >= 0)
        return 0;
    return Infinity;
}
/**
 * Benjamini–Hochberg adjusted p-values (false discovery rate), in the order given: the value that
 * scipy.stats.false_discovery_control(p, method='bh') returns (scipy >= 1.11).
 */
function benjaminiHochberg(pvalues) {
    const m = pvalues.length;
    for (const p of pvalues)
        if (!(p >= 0 && p <= 1))
            throw new RangeError(`benjaminiHochberg: p-values must be in [0, 1], got ${p}`);
    const order = pvalues.map((_, i) => i).sort((x, y) => pvalues[x] - pvalues[y] || x - y);
    const adjusted = new Array(m);
    let running = Infinity;
    for (let rank = m; rank >= 1; rank--) {
        const index = order[rank - 1];
        const value = pvalues[index] * (m / rank);
        if (value < running)
            running = value;
        adjusted[index] = Math.min(1, running);
    }
    return adjusted;
}
/**
 * The reference's `maxCategories` most frequent categories (by count, then key) and one last bucket,
 * labelled OTHER_CATEGORY, pooling every other category of either sample; `ref` and `cur` hold the
 * counts per entry of `keys`. See the top of this file for why.
 */
function categoricalDistributions(ref, cur, maxCategories = 50) {
    const ranked = [...ref].filter(([, count]) => count > 0).sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0));
    const top = ranked.slice(0, maxCategories);
    const keys = top.map(([key]) => key);
    const refCounts = new Float64Array(keys.length + 1);
    const curCounts = new Float64Array(keys.length + 1);
    const index = new Map();
    keys.forEach((key, i) => index.set(key, i));
    const other = keys.length;
    for (const [key, count] of ref)
        refCounts[index.get(key) ?? other] += count;
    for (const [key, count] of cur)
        curCounts[index.get(key) ?? other] += count;
    keys.push(OTHER_CATEGORY);
    return { keys, ref: refCounts, cur: curCounts };
}
function gcd(a, b) {
    let x = a;
    let y = b;
    while (y !== 0)
        [x, y] = [y, x % y];
    return x;
}
/** numpy's round: halves go to the even neighbour. */
function roundHalfEven(x) {
    const r = Math.round(x);
    return Math.abs(x - Math.trunc(x)) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}


/***/ })

};
