// @ts-check
'use strict';
/**
 * Helpers to drive a real n8n (installed by ./n8n-runtime.js) from Node 20 scripts/tests.
 *
 *   const cli = require('./scripts/n8n-cli');
 *   const uf = cli.makeUserFolder();
 *   cli.installPackage(uf, '/path/n8n-nodes-course-stack-0.1.0.tgz');
 *   cli.importCredentials(uf, [{ id: 'cred1', name: 'X', type: 'kwigaApi', data: { token: 't' } }]);
 *   cli.importWorkflow(uf, workflowJson);              // returns the workflow id
 *   const out = cli.executeWorkflow(uf, id);            // parsed --rawOutput JSON
 *   const srv = await cli.startN8n(uf, port);           // { proc, port, url, stop(), logs() }
 *
 * Every n8n process gets: its own N8N_USER_FOLDER (sqlite db + config live in
 * <userFolder>/.n8n), its own N8N_RUNNERS_BROKER_PORT, telemetry/diagnostics/
 * version notifications/personalization/templates off, N8N_SECURE_COOKIE=false.
 */
const fs = require('fs');
const os = require('os');
const net = require('net');
const http = require('http');
const path = require('path');
const { spawn, spawnSync } = require('child_process');
const { ensureRuntime } = require('./n8n-runtime');

const ENCRYPTION_KEY = 'course-stack-e2e-not-a-secret-key';

/** @typedef {{ status: number | null, stdout: string, stderr: string, ms: number, peakRssKb?: number }} RunResult */
/** @typedef {{ env?: Record<string, string>, timeoutMs?: number, allowFail?: boolean, peakMemory?: boolean }} RunOptions */
/**
 * A running `n8n start`.
 * @typedef {object} N8nServer
 * @property {import('child_process').ChildProcessByStdio<null, import('stream').Readable, import('stream').Readable>} proc
 * @property {number} port
 * @property {string} url http://127.0.0.1:<port>
 * @property {number} startMs how long it took to become ready
 * @property {() => string} logs everything n8n printed so far
 * @property {() => Promise<void>} stop SIGTERM, SIGKILL after 15 s
 */

// ----------------------------------------------------------------- ports ---

const usedPorts = new Set();

/** A free TCP port on 127.0.0.1 (synchronous; probes with a child process). */
function freePortSync() {
	for (let i = 0; i < 20; i++) {
		const r = spawnSync(
			process.execPath,
			[
				'-e',
				"const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close()})",
			],
			{ encoding: 'utf8' },
		);
		const port = parseInt(r.stdout, 10);
		if (port && !usedPorts.has(port)) {
			usedPorts.add(port);
			return port;
		}
	}
	throw new Error('could not find a free port');
}

/**
 * A free TCP port on 127.0.0.1 (async).
 * @returns {Promise<number>}
 */
function freePort() {
	return new Promise((resolve, reject) => {
		const s = net.createServer();
		s.on('error', reject);
		s.listen(0, '127.0.0.1', () => {
			const { port } = /** @type {net.AddressInfo} */ (s.address());
			s.close(() => {
				if (usedPorts.has(port)) return resolve(freePort());
				usedPorts.add(port);
				resolve(port);
			});
		});
	});
}

// ------------------------------------------------------------ user folder ---

/**
 * A pre-migrated `.n8n` folder (sqlite db + config) kept in the runtime cache, so new user
 * folders skip n8n's ~3 s of DB migrations on their first command. Built once per runtime.
 */
function templateDotN8n() {
	const rt = ensureRuntime();
	const tpl = path.join(rt.home, 'user-template');
	if (fs.existsSync(path.join(tpl, '.done'))) return path.join(tpl, '.n8n');
	const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-course-stack-tpl-'));
	fs.mkdirSync(path.join(tmp, '.n8n', 'nodes'), { recursive: true });
	runN8n(tmp, ['list:workflow']); // initialises config + runs all migrations
	fs.writeFileSync(path.join(tmp, '.done'), new Date().toISOString());
	const staging = `${tpl}.${process.pid}`;
	fs.rmSync(staging, { recursive: true, force: true });
	fs.cpSync(tmp, staging, { recursive: true });
	fs.rmSync(tmp, { recursive: true, force: true });
	try {
		fs.rmSync(tpl, { recursive: true, force: true });
		fs.renameSync(staging, tpl);
	} catch {
		fs.rmSync(staging, { recursive: true, force: true }); // a concurrent caller won
	}
	return path.join(tpl, '.n8n');
}

/**
 * Creates a temp N8N_USER_FOLDER (n8n puts its data in <folder>/.n8n).
 * By default it starts from a cached, already-migrated database (see templateDotN8n);
 * pass { fresh: true } for a truly empty one.
 * @param {{prefix?: string, fresh?: boolean}} [opts]
 * @returns {string} absolute path
 */
function makeUserFolder(opts = {}) {
	if (typeof opts === 'string') opts = { prefix: opts };
	const { prefix = 'n8n-course-stack-', fresh = false } = opts;
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
	if (!fresh) {
		try {
			fs.cpSync(templateDotN8n(), path.join(dir, '.n8n'), { recursive: true });
		} catch (e) {
			process.stderr.write(`[n8n-cli] template user folder unavailable (${e.message}); using a fresh one\n`);
		}
	}
	fs.mkdirSync(path.join(dir, '.n8n', 'nodes'), { recursive: true });
	return dir;
}

/** Removes a user folder made by makeUserFolder. */
function removeUserFolder(userFolder) {
	fs.rmSync(userFolder, { recursive: true, force: true });
}

/**
 * Environment for an n8n process.
 * @param {string} userFolder
 * @param {object} [extra] extra env vars (override defaults)
 */
function n8nEnv(userFolder, extra = {}) {
	const rt = ensureRuntime();
	const env = { ...process.env };
	// never leak npm/jest-specific config into n8n (or the npm it spawns)
	for (const k of Object.keys(env)) if (/^npm_/i.test(k)) delete env[k];
	Object.assign(env, {
		PATH: `${path.dirname(rt.node)}:${process.env.PATH}`,
		N8N_USER_FOLDER: userFolder,
		N8N_ENCRYPTION_KEY: ENCRYPTION_KEY,
		N8N_RUNNERS_BROKER_PORT: String(freePortSync()),
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_HIRING_BANNER_ENABLED: 'false',
		N8N_AI_ENABLED: 'false',
		N8N_LICENSE_AUTO_RENEW_ENABLED: 'false',
		N8N_SECURE_COOKIE: 'false',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
		N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
		N8N_REINSTALL_MISSING_PACKAGES: 'false',
		N8N_UNVERIFIED_PACKAGES_ENABLED: 'true',
		N8N_COMMUNITY_PACKAGES_PREVENT_LOADING: 'false',
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: '127.0.0.1',
		N8N_LOG_LEVEL: process.env.COURSE_STACK_N8N_LOG_LEVEL || 'info',
		N8N_LOG_OUTPUT: 'console',
		DB_TYPE: 'sqlite',
		GENERIC_TIMEZONE: 'UTC',
		TZ: 'UTC',
		NODE_ENV: 'production',
		// 2.41 default (true) activates published workflows asynchronously via an outbox/reconciler
		// AFTER "Editor is now accessible"; false = classic activeWorkflowManager.init(), which
		// registers webhooks/triggers before the ready line, so startN8n() returning means "hooks live".
		N8N_USE_WORKFLOW_PUBLICATION_SERVICE: 'false',
		EXECUTIONS_DATA_SAVE_ON_SUCCESS: 'all',
		EXECUTIONS_DATA_SAVE_ON_ERROR: 'all',
		EXECUTIONS_DATA_SAVE_MANUAL_EXECUTIONS: 'true',
	});
	return Object.assign(env, extra);
}

/**
 * Runs `n8n <args>` synchronously.
 * @param {string} userFolder
 * @param {string[]} args
 * @param {RunOptions} [opts]
 * @returns {RunResult}
 */
function runN8n(userFolder, args, { env = {}, timeoutMs = 180000, allowFail = false } = {}) {
	const rt = ensureRuntime();
	const t0 = Date.now();
	const r = spawnSync(rt.node, [rt.n8nBin, ...args], {
		cwd: userFolder,
		env: n8nEnv(userFolder, env),
		encoding: 'utf8',
		timeout: timeoutMs,
		maxBuffer: 256 * 1024 * 1024,
	});
	const res = { status: r.status, stdout: r.stdout || '', stderr: r.stderr || '', ms: Date.now() - t0 };
	if (r.error) res.stderr += `\n${r.error.message}`;
	if (!allowFail && r.status !== 0) {
		throw new Error(
			`n8n ${args.join(' ')} failed (exit ${r.status}):\n${tail(res.stdout)}\n--- stderr ---\n${tail(res.stderr)}`,
		);
	}
	return res;
}

function tail(s, n = 60) {
	return String(s).split('\n').slice(-n).join('\n');
}

// ---------------------------------------------------------------- package ---

/**
 * Installs a packed community-node tarball into <userFolder>/.n8n/nodes exactly the way
 * n8n 2.41's Community Nodes installer does it (CommunityPackagesService.downloadPackage),
 * with the local tarball standing in for `npm pack <name>@<version>`:
 *   1. tar -xzf <tgz> -C <nodes>/node_modules/<name> --strip-components=1
 *   2. drop devDependencies/peerDependencies/optionalDependencies from its package.json
 *   3. `npm install --audit=false --fund=false --bin-links=false --install-strategy=shallow
 *       --ignore-scripts=true --package-lock=false` inside the package directory
 *      (skipped when the package has no dependencies: works fully offline then)
 *   4. record dependencies[name] = version in <nodes>/package.json
 * n8n then loads it at startup as community package `<name>` (node types `<name>.<node>`).
 * @param {string} userFolder
 * @param {string} tarballPath output of `npm pack`
 * @returns {{name:string, version:string, dir:string}}
 */
function installPackage(userFolder, tarballPath) {
	const rt = ensureRuntime();
	const nodesDir = path.join(userFolder, '.n8n', 'nodes');
	fs.mkdirSync(path.join(nodesDir, 'node_modules'), { recursive: true });
	const tgz = path.resolve(tarballPath);
	// read package.json from the tarball to learn the name
	const listing = spawnSync('tar', ['-xzOf', tgz, 'package/package.json'], { encoding: 'utf8' });
	if (listing.status !== 0) throw new Error(`cannot read package.json from ${tgz}: ${listing.stderr}`);
	const { name } = JSON.parse(listing.stdout);
	const dir = path.join(nodesDir, 'node_modules', ...name.split('/'));
	fs.rmSync(dir, { recursive: true, force: true });
	fs.mkdirSync(dir, { recursive: true });
	const x = spawnSync('tar', ['-xzf', tgz, '-C', dir, '--strip-components=1'], { encoding: 'utf8' });
	if (x.status !== 0) throw new Error(`tar -xzf ${tgz} failed: ${x.stderr}`);
	const pjPath = path.join(dir, 'package.json');
	const { devDependencies, peerDependencies, optionalDependencies, ...pkgJson } = JSON.parse(
		fs.readFileSync(pjPath, 'utf8'),
	);
	fs.writeFileSync(pjPath, JSON.stringify(pkgJson, null, 2));
	if (pkgJson.dependencies && Object.keys(pkgJson.dependencies).length) {
		const env = { ...process.env, PATH: `${path.dirname(rt.node)}:${process.env.PATH}` };
		for (const k of Object.keys(env)) if (/^npm_config_/i.test(k)) delete env[k];
		const r = spawnSync(
			'npm',
			[
				'install',
				'--audit=false',
				'--fund=false',
				'--bin-links=false',
				'--install-strategy=shallow',
				'--ignore-scripts=true',
				'--package-lock=false',
				'--update-notifier=false',
				'--prefer-offline',
			],
			{ cwd: dir, env, encoding: 'utf8' },
		);
		if (r.status !== 0) throw new Error(`npm install in ${dir} failed:\n${r.stdout}\n${r.stderr}`);
	}
	const ledger = path.join(nodesDir, 'package.json');
	let led = { name: 'installed-nodes', private: true, dependencies: {} };
	try {
		led = JSON.parse(fs.readFileSync(ledger, 'utf8'));
		led.dependencies = led.dependencies || {};
	} catch {}
	led.dependencies[name] = pkgJson.version;
	fs.writeFileSync(ledger, JSON.stringify(led, null, 2));
	return { name, version: pkgJson.version, dir };
}

// ------------------------------------------------------------ import/exec ---

function writeTemp(userFolder, name, data) {
	const f = path.join(userFolder, `${name}-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}.json`);
	fs.writeFileSync(f, JSON.stringify(data, null, 2));
	return f;
}

/**
 * Imports credentials. Each entry: { id?, name, type, data: {plain object} }.
 * Plain `data` objects are encrypted by `n8n import:credentials` with the
 * instance's key; an encrypted string is taken as is.
 * @returns {string[]} ids
 */
function importCredentials(userFolder, creds) {
	const list = creds.map((c, i) => ({
		id: c.id || `cred${Date.now().toString(36)}${i}`,
		name: c.name || `${c.type} ${i}`,
		type: c.type,
		data: c.data,
		...(c.isManaged !== undefined ? { isManaged: c.isManaged } : {}),
	}));
	const f = writeTemp(userFolder, 'credentials', list);
	runN8n(userFolder, ['import:credentials', `--input=${f}`]);
	fs.rmSync(f, { force: true });
	return list.map((c) => c.id);
}

/**
 * Imports one workflow (object with nodes/connections; id optional).
 * @returns {string} workflow id
 */
function importWorkflow(userFolder, workflowJson) {
	const wf = { ...workflowJson };
	if (!wf.id) wf.id = `wf${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
	if (!wf.name) wf.name = `workflow ${wf.id}`;
	if (!wf.settings) wf.settings = { executionOrder: 'v1' };
	if (!wf.connections) wf.connections = {};
	const f = writeTemp(userFolder, 'workflow', wf);
	runN8n(userFolder, ['import:workflow', `--input=${f}`]);
	fs.rmSync(f, { force: true });
	return wf.id;
}

/**
 * Extracts the JSON document that `n8n execute --rawOutput` prints after some log lines.
 * Tries every line that starts with '{' or '[' and parses from there to the end.
 */
function extractJson(stdout) {
	// n8n pretty-prints the document: it opens and closes at column 0, and log lines never start
	// with a bracket at column 0. So: each opening candidate is paired with the last matching close
	// (one JSON.parse per candidate), which stays linear on outputs of many megabytes.
	const lines = stdout.split('\n');
	const closeOf = { '{': '}', '[': ']' };
	for (let i = 0; i < lines.length; i++) {
		const close = closeOf[lines[i][0]];
		if (!close) continue;
		let j = lines.length - 1;
		while (j >= i && !lines[j].trimEnd().endsWith(close)) j--;
		if (j < i) continue;
		try {
			return JSON.parse(lines.slice(i, j + 1).join('\n'));
		} catch {}
	}
	throw new Error(`no JSON found in n8n output:\n${tail(stdout, 40)}`);
}

/**
 * `n8n <args>` asynchronously (does not block the event loop, so HTTP mock servers
 * living in the calling process keep answering while n8n runs).
 * @param {string} userFolder
 * @param {string[]} args
 * @param {RunOptions} [opts]
 * @returns {Promise<RunResult>}
 */
function runN8nAsync(userFolder, args, { env = {}, timeoutMs = 180000, allowFail = false, peakMemory = false } = {}) {
	const rt = ensureRuntime();
	const t0 = Date.now();
	// stdout goes to a file: n8n exits right after printing, and whatever a pipe had not taken yet
	// (megabytes of --rawOutput while this process was busy) would be lost
	const outFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-cli-out-')), 'stdout');
	const outFd = fs.openSync(outFile, 'w');
	return new Promise((resolve, reject) => {
		const proc = spawn(rt.node, [rt.n8nBin, ...args], {
			cwd: userFolder,
			env: n8nEnv(userFolder, env),
			stdio: ['ignore', outFd, 'pipe'],
		});
		fs.closeSync(outFd);
		const readOut = () => {
			const text = fs.readFileSync(outFile, 'utf8');
			fs.rmSync(path.dirname(outFile), { recursive: true, force: true });
			return text;
		};
		// VmHWM is the process's own high-water mark, so the last reading before exit is the peak.
		let peakRssKb = 0;
		const readPeak = () => {
			try {
				const m = /VmHWM:\s+(\d+)/.exec(fs.readFileSync(`/proc/${proc.pid}/status`, 'utf8'));
				if (m) peakRssKb = Math.max(peakRssKb, Number(m[1]));
			} catch {}
		};
		const poll = peakMemory ? setInterval(readPeak, 50) : undefined;
		let stderr = '';
		proc.stderr?.setEncoding('utf8').on('data', (d) => (stderr += d));
		const timer = setTimeout(() => {
			stderr += `\n[n8n-cli] timeout after ${timeoutMs}ms, killing`;
			proc.kill('SIGKILL');
		}, timeoutMs);
		proc.on('error', (e) => {
			clearTimeout(timer);
			clearInterval(poll);
			readOut();
			reject(e);
		});
		proc.on('close', (status) => {
			clearTimeout(timer);
			clearInterval(poll);
			const stdout = readOut();
			const res = { status, stdout, stderr, ms: Date.now() - t0, ...(peakMemory ? { peakRssKb } : {}) };
			if (!allowFail && status !== 0) {
				return reject(
					new Error(`n8n ${args.join(' ')} failed (exit ${status}):\n${tail(stdout)}\n--- stderr ---\n${tail(stderr)}`),
				);
			}
			resolve(res);
		});
	});
}

function parseExecute(r, id, allowFail) {
	let json;
	try {
		json = extractJson(r.stdout);
	} catch (e) {
		if (!allowFail) {
			throw new Error(`n8n execute --id=${id} exit ${r.status}: ${e.message}\n--- stderr ---\n${tail(r.stderr)}`);
		}
	}
	return { ...r, json };
}

/**
 * `n8n execute --id <id> --rawOutput` (async). Resolves with the parsed JSON plus the raw
 * process result. The JSON is the run's IRun-like data:
 * { data: { startData, resultData: { runData, lastNodeExecuted, error? }, ... }, status, ... }
 * (see README in the report; use nodeOutput()). n8n exits 1 when the workflow fails but still
 * prints the JSON; only a missing JSON throws (unless allowFail).
 * @param {string} userFolder
 * @param {string} id
 * @param {RunOptions} [opts]
 * @returns {Promise<RunResult & { json: any }>}
 */
async function executeWorkflowRaw(userFolder, id, opts = {}) {
	const r = await runN8nAsync(userFolder, ['execute', `--id=${id}`, '--rawOutput'], { ...opts, allowFail: true });
	return parseExecute(r, id, opts.allowFail);
}

/** Parsed JSON of `n8n execute --id <id> --rawOutput` (Promise). */
async function executeWorkflow(userFolder, id, opts = {}) {
	return (await executeWorkflowRaw(userFolder, id, opts)).json;
}

/** Synchronous variant; blocks the event loop (no in-process mock servers!). */
function executeWorkflowSync(userFolder, id, opts = {}) {
	const r = runN8n(userFolder, ['execute', `--id=${id}`, '--rawOutput'], { ...opts, allowFail: true });
	return parseExecute(r, id, opts.allowFail).json;
}

/**
 * Output items (json only) of a node in an execute result (the whole --rawOutput JSON
 * `{data:{resultData:{runData}}, status, mode, ...}` or its `.data`):
 * runData[node][run].data.main[output]. Throws if that node run has an error.
 */
function nodeOutput(result, nodeName, { run = 0, output = 0 } = {}) {
	const data = result && result.data && result.data.resultData ? result.data : result; // accept execute JSON or its .data
	const rd = data && data.resultData && data.resultData.runData;
	const r = rd && rd[nodeName] && rd[nodeName][run];
	if (!r) return undefined;
	if (r.error) throw Object.assign(new Error(`node ${nodeName} failed: ${r.error.message}`), { nodeError: r.error });
	return ((r.data && r.data.main && r.data.main[output]) || []).map((i) => i.json);
}

// ---------------------------------------------------- activation / records ---

/**
 * Marks a workflow active ("published") so `n8n start` registers its webhooks/triggers.
 * n8n 2.x: `import:workflow` always imports inactive (--activeState=fromJson is queue-mode
 * only) and `update:workflow --active` is deprecated; `publish:workflow --id` is the way.
 * n8n 1.x has no publish:workflow: there `update:workflow --active=true` is the way.
 * Must run before startN8n (a running n8n does not pick it up).
 */
function publishWorkflow(userFolder, id) {
	const rt = ensureRuntime();
	const publish = fs.existsSync(path.join(rt.n8nDir, 'dist', 'commands', 'publish', 'workflow.js'));
	return runN8n(userFolder, publish ? ['publish:workflow', `--id=${id}`] : ['update:workflow', `--id=${id}`, '--active=true']);
}

/** Path of the sqlite database of a user folder. */
function dbPath(userFolder) {
	return path.join(userFolder, '.n8n', 'database.sqlite');
}

/**
 * Runs a read-only SQL query against the user folder's sqlite db, using the sqlite3
 * module of the n8n install under Node 24 (no sqlite3 CLI needed). Returns rows.
 */
function querySqlite(userFolder, sql, params = []) {
	const rt = ensureRuntime();
	const script = `
const sqlite3 = require(${JSON.stringify(path.join(rt.n8nDir, '..', 'sqlite3'))});
const db = new sqlite3.Database(process.argv[1], sqlite3.OPEN_READONLY, (e) => {
  if (e) { console.error(e.message); process.exit(2); }
  db.all(process.argv[2], JSON.parse(process.argv[3]), (err, rows) => {
    if (err) { console.error(err.message); process.exit(3); }
    process.stdout.write(JSON.stringify(rows)); db.close();
  });
});`;
	const r = spawnSync(rt.node, ['-e', script, dbPath(userFolder), sql, JSON.stringify(params)], { encoding: 'utf8' });
	if (r.status !== 0) throw new Error(`sqlite query failed: ${r.stderr}`);
	return JSON.parse(r.stdout || '[]');
}

/** Executions recorded for a workflow (newest first): [{id, status, mode, finished, startedAt, stoppedAt}]. */
function listExecutions(userFolder, workflowId) {
	return querySqlite(
		userFolder,
		'SELECT id, workflowId, status, mode, finished, startedAt, stoppedAt FROM execution_entity WHERE workflowId = ? ORDER BY id DESC',
		[workflowId],
	);
}

/** Execution data blob (flatted-serialized string) for an execution id. */
function executionData(userFolder, executionId) {
	const rows = querySqlite(userFolder, 'SELECT data, workflowData FROM execution_data WHERE executionId = ?', [executionId]);
	return rows[0];
}

/** Polls until `count` finished executions (status not new/running/waiting) exist for the workflow. */
async function waitForExecutions(userFolder, workflowId, { count = 1, timeoutMs = 30000 } = {}) {
	const t0 = Date.now();
	for (;;) {
		const rows = listExecutions(userFolder, workflowId).filter((r) => !['new', 'running', 'waiting'].includes(r.status));
		if (rows.length >= count) return rows;
		if (Date.now() - t0 > timeoutMs) {
			throw new Error(`timed out waiting for ${count} execution(s) of ${workflowId}; have ${JSON.stringify(listExecutions(userFolder, workflowId))}`);
		}
		await new Promise((r) => setTimeout(r, 300));
	}
}

// ------------------------------------------------------------ node types ---

/** Log lines in n8n output that indicate a community package/node failed to load. */
const LOADER_ERROR_RE = /Failed to load package|Skipping package|Class could not be found|Unrecognized node type|Unrecognized credential type|failed to load package metadata|Error loading/i;

function loaderErrorsFrom(text) {
	const lines = String(text).split('\n');
	const out = [];
	lines.forEach((l, i) => {
		if (!LOADER_ERROR_RE.test(l)) return;
		// n8n prints the error message on the line after "Failed to load package"
		const next = (lines[i + 1] || '').trim();
		out.push(next && !LOADER_ERROR_RE.test(next) ? `${l.trim()} :: ${next}` : l.trim());
	});
	return out;
}

/**
 * Node types n8n loads for this user folder, via `n8n export:nodes --output=<file>`
 * (no server needed). Community nodes appear as `<package>.<node>`.
 * @param {string} userFolder
 * @param {{prefix?: string}} [opts] filter by name prefix, e.g. 'n8n-nodes-course-stack.'
 * @returns {{ names: string[], nodes: object[], errors: string[], output: string }}
 *   nodes: full INodeTypeDescription objects; errors: loader warning/error log lines
 */
function listLoadedNodeTypes(userFolder, { prefix } = {}) {
	const f = path.join(userFolder, `nodes-${process.pid}-${Date.now()}.json`);
	const r = runN8n(userFolder, ['export:nodes', `--output=${f}`]);
	let nodes = JSON.parse(fs.readFileSync(f, 'utf8'));
	fs.rmSync(f, { force: true });
	if (prefix) nodes = nodes.filter((n) => n.name.startsWith(prefix));
	const output = `${r.stdout}\n${r.stderr}`;
	return { names: [...new Set(nodes.map((n) => n.name))].sort(), nodes, errors: loaderErrorsFrom(output), output };
}

// ------------------------------------------------------------------ server ---

/**
 * POST of a body as it is (a Buffer or string) with the given headers.
 * @param {string} url
 * @param {Buffer | string} body
 * @param {Record<string, string | number>} [headers]
 * @returns {Promise<{ status: number | undefined, body: string }>}
 */
function httpPost(url, body, headers = {}) {
	return new Promise((resolve, reject) => {
		const req = http.request(url, { method: 'POST', headers: { 'content-length': Buffer.byteLength(body), ...headers } }, (res) => {
			let b = '';
			res.setEncoding('utf8');
			res.on('data', (d) => (b += d));
			res.on('end', () => resolve({ status: res.statusCode, body: b }));
		});
		req.on('error', reject);
		req.end(body);
	});
}

function httpGet(url, { headers = {}, timeoutMs = 5000 } = {}) {
	return new Promise((resolve, reject) => {
		const req = http.get(url, { headers, timeout: timeoutMs }, (res) => {
			let body = '';
			res.setEncoding('utf8');
			res.on('data', (d) => (body += d));
			res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body }));
		});
		req.on('timeout', () => req.destroy(new Error('timeout')));
		req.on('error', reject);
	});
}

/**
 * Starts `n8n start` on 127.0.0.1:<port> (free port if omitted) and waits until it is fully
 * up: /healthz answers 200 AND the "Editor is now accessible via" line was printed (which
 * comes after active workflows/webhooks were registered; /healthz alone is too early).
 * @param {string} userFolder
 * @param {number} [port]
 * @param {{ env?: Record<string, string>, timeoutMs?: number }} [opts]
 * @returns {Promise<N8nServer>}
 */
async function startN8n(userFolder, port, { env = {}, timeoutMs = 120000 } = {}) {
	const rt = ensureRuntime();
	port = port || (await freePort());
	const t0 = Date.now();
	const proc = spawn(rt.node, [rt.n8nBin, 'start'], {
		cwd: userFolder,
		env: n8nEnv(userFolder, { N8N_PORT: String(port), N8N_WEBHOOK_URL: `http://127.0.0.1:${port}/`, ...env }),
		stdio: ['ignore', 'pipe', 'pipe'],
		detached: false,
	});
	let out = '';
	proc.stdout.on('data', (d) => (out += d));
	proc.stderr.on('data', (d) => (out += d));
	let exited = null;
	proc.on('exit', (code, sig) => (exited = { code, sig }));
	const url = `http://127.0.0.1:${port}`;
	/** @returns {Promise<void>} */
	const stop = () =>
		new Promise((resolve) => {
			if (exited) return resolve();
			const killer = setTimeout(() => proc.kill('SIGKILL'), 15000);
			proc.once('exit', () => {
				clearTimeout(killer);
				resolve();
			});
			proc.kill('SIGTERM');
		});
	for (;;) {
		if (exited) throw new Error(`n8n start exited early (${JSON.stringify(exited)}):\n${tail(out)}`);
		if (Date.now() - t0 > timeoutMs) {
			await stop();
			throw new Error(`n8n did not become healthy on ${url} in ${timeoutMs}ms:\n${tail(out)}`);
		}
		// /healthz answers before webhooks/active workflows are registered; `n8n start` prints
		// "Editor is now accessible via" only after activeWorkflowManager.init() finished.
		if (out.includes('Editor is now accessible via')) {
			try {
				const r = await httpGet(`${url}/healthz`, { timeoutMs: 2000 });
				if (r.status === 200) break;
			} catch {}
		}
		await new Promise((r) => setTimeout(r, 300));
	}
	return { proc, port, url, startMs: Date.now() - t0, logs: () => out, stop };
}

// ----------------------------------------------------------------- session ---

/** The owner account of a throwaway instance (e2e, dev check, browser pass). */
const TEST_OWNER = { email: 'e2e@course-stack.local', firstName: 'E2E', lastName: 'Owner', password: 'CourseStack-e2e-1' };
/** n8n ties its login cookie to the browser-id header of the login request. */
const BROWSER_ID = 'course-stack-scripts';

/**
 * A logged-in REST client of a running n8n.
 * @typedef {object} N8nSession
 * @property {string} cookie the n8n-auth cookie, `n8n-auth=...`
 * @property {(path: string) => Promise<{ status?: number, headers: import('http').IncomingHttpHeaders, body: string }>} get
 * @property {(path: string, body: object) => Promise<{ status?: number, headers: import('http').IncomingHttpHeaders, body: string }>} post
 */

/**
 * Sets up the owner on a fresh instance (an instance that has one keeps it) and logs in.
 * @param {string} url http://127.0.0.1:<port>
 * @param {{ email: string, firstName: string, lastName: string, password: string }} [owner]
 * @returns {Promise<N8nSession>}
 */
async function ownerSession(url, owner = TEST_OWNER) {
	/** @param {string} route @param {object} body @param {string} [cookie] */
	const post = (route, body, cookie) =>
		/** @type {Promise<{ status?: number, headers: import('http').IncomingHttpHeaders, body: string }>} */ (
			new Promise((resolve, reject) => {
				const data = JSON.stringify(body);
				const headers = { 'content-type': 'application/json', 'content-length': Buffer.byteLength(data), 'browser-id': BROWSER_ID, ...(cookie ? { cookie } : {}) };
				const req = http.request(`${url}${route}`, { method: 'POST', headers }, (res) => {
					let b = '';
					res.setEncoding('utf8');
					res.on('data', (d) => (b += d));
					res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: b }));
				});
				req.on('error', reject);
				req.end(data);
			})
		);
	await post('/rest/owner/setup', owner);
	const login = await post('/rest/login', { emailOrLdapLoginId: owner.email, password: owner.password });
	const cookie = (login.headers['set-cookie'] || []).map((c) => c.split(';')[0]).find((c) => c.startsWith('n8n-auth='));
	if (login.status !== 200 || !cookie) throw new Error(`login as ${owner.email} failed: HTTP ${login.status} ${login.body.slice(0, 300)}`);
	return {
		cookie,
		get: (route) => httpGet(`${url}${route}`, { headers: { cookie, 'browser-id': BROWSER_ID } }),
		post: (route, body) => post(route, body, cookie),
	};
}

module.exports = {
	ENCRYPTION_KEY,
	TEST_OWNER,
	ownerSession,
	freePort,
	freePortSync,
	makeUserFolder,
	templateDotN8n,
	removeUserFolder,
	n8nEnv,
	runN8n,
	installPackage,
	importCredentials,
	importWorkflow,
	extractJson,
	executeWorkflow,
	executeWorkflowRaw,
	executeWorkflowSync,
	runN8nAsync,
	nodeOutput,
	startN8n,
	httpGet,
	httpPost,
	listLoadedNodeTypes,
	publishWorkflow,
	dbPath,
	querySqlite,
	listExecutions,
	executionData,
	waitForExecutions,
	loaderErrorsFrom,
};

// CLI: `node scripts/n8n-cli.js <userFolder> <n8n args...>` runs n8n (Node 24) with the
// harness environment, e.g. `node scripts/n8n-cli.js /tmp/uf export:nodes --output=/tmp/n.json`.
if (require.main === module) {
	const [userFolder, ...args] = process.argv.slice(2);
	if (!userFolder || !args.length) {
		process.stderr.write('usage: node scripts/n8n-cli.js <userFolder> <n8n args...>\n');
		process.exit(2);
	}
	const rt = ensureRuntime();
	fs.mkdirSync(path.join(path.resolve(userFolder), '.n8n', 'nodes'), { recursive: true });
	const r = spawnSync(rt.node, [rt.n8nBin, ...args], {
		cwd: path.resolve(userFolder),
		env: n8nEnv(path.resolve(userFolder)),
		stdio: 'inherit',
	});
	process.exit(r.status == null ? 1 : r.status);
}
