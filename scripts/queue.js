'use strict';
/**
 * `npm run test:e2e -- --queue`: the package in n8n's distributed (queue) mode, the way self-hosted
 * teams scale n8n 2.41.1:
 *
 *   Redis (Debian's redis-server)   the Bull queue between the processes
 *   Postgres (Debian's postgresql)  the one database every process shares (sqlite cannot be shared)
 *   n8n main (`n8n start`)          UI, activation: registers webhooks, runs the polling triggers
 *   2 workers (`n8n worker`)        run every execution (manual ones too: OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS)
 *   webhook processor (`n8n webhook`) takes production webhook deliveries, enqueues them
 *
 * all on 127.0.0.1 with free ports and temporary folders, binary data in `filesystem` mode on one
 * folder every process shares. The packages are installed with apt-get when missing; Postgres runs
 * as the `postgres` user when this runs as root (initdb refuses root).
 *
 * Checks, per vendor: Get Many (Return All), a create and Continue On Fail run on a worker (the
 * worker's log names the execution, main and webhook processor never do); a Provi Trigger delivery
 * through the webhook processor runs on a worker; a PSB Hosting ticket with a file uploaded to the
 * webhook processor (binary data written there, read by a worker); the Kwiga New Contact polling
 * trigger emits each new contact exactly once across a worker restart.
 *
 * The whole cluster run holds /tmp/n8n.lock (machines share cores): `underLock()` re-runs the
 * command under `flock` unless an ancestor process already holds it. --keep keeps the work folder
 * (process logs, Postgres and Redis data); --only=... must still name the first two checks
 * (e.g. --only=Redis,workers,Kwiga), which the others need.
 */
const fs = require('fs');
const os = require('os');
const net = require('net');
const path = require('path');
const crypto = require('crypto');
const { spawn, spawnSync } = require('child_process');

const { ensureRuntime } = require('./n8n-runtime');
const cli = require('./n8n-cli');
const sandbox = require('./sandbox');
const { importWorkflows, proviTriggerWorkflow } = require('./examples');

const LOCK = '/tmp/n8n.lock';
const PKG = require('../package.json').name;
const WORKERS = 2;
/** Request Options > Concurrency of the node in the concurrency check. */
const CONCURRENCY = 2;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const secs = (ms) => `${(ms / 1000).toFixed(1)}s`;
const tail = (s, n = 40) => String(s).split('\n').slice(-n).join('\n');

// -------------------------------------------------------------------- lock ---

/** True when an ancestor of this process is `flock /tmp/n8n.lock ...` (the lock is ours already). */
function lockHeldByAncestor() {
	let pid = process.ppid;
	for (let i = 0; i < 32 && pid > 1; i++) {
		try {
			const cmd = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
			if (path.basename(cmd[0]) === 'flock' && cmd.includes(LOCK)) return true;
			// /proc/<pid>/stat: "pid (comm) state ppid ..."; comm may hold spaces
			const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
			pid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
		} catch {
			return false;
		}
	}
	return false;
}

/** Re-runs this very command under `flock /tmp/n8n.lock` (and exits with its status) unless held. */
function underLock() {
	if (lockHeldByAncestor()) return;
	process.stderr.write(`[queue] waiting for ${LOCK} (one real n8n at a time on this machine)...\n`);
	const r = spawnSync('flock', [LOCK, process.execPath, ...process.argv.slice(1)], { stdio: 'inherit' });
	if (r.error) {
		process.stderr.write(`[queue] flock failed: ${r.error.message}\n`);
		process.exit(1);
	}
	process.exit(r.status == null ? 1 : r.status);
}

// ---------------------------------------------------------------- services ---

const children = new Set();
process.on('exit', () => {
	for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
});

function sh(cmd, args, opts = {}) {
	return spawnSync(cmd, args, { encoding: 'utf8', ...opts });
}

function which(bin) {
	const r = sh('sh', ['-c', `command -v ${bin}`]);
	return r.status === 0 ? r.stdout.trim() : null;
}

/** Installs Debian packages with apt-get (sudo when not root); updates the lists once on failure. */
function aptInstall(pkgs, log) {
	const root = process.getuid?.() === 0;
	const apt = (args) => sh(root ? 'apt-get' : 'sudo', root ? args : ['-n', 'apt-get', ...args], { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
	log(`installing ${pkgs.join(' ')} with apt-get...`);
	let r = apt(['install', '-y', '--no-install-recommends', ...pkgs]);
	if (r.status !== 0) {
		apt(['update']);
		r = apt(['install', '-y', '--no-install-recommends', ...pkgs]);
	}
	if (r.status !== 0) throw new Error(`apt-get install ${pkgs.join(' ')} failed:\n${tail(r.stdout, 10)}\n${tail(r.stderr, 10)}`);
}

/** The bin directory of the newest Postgres Debian installed (/usr/lib/postgresql/<major>/bin). */
function postgresBin() {
	const base = '/usr/lib/postgresql';
	const majors = fs.existsSync(base) ? fs.readdirSync(base).filter((d) => fs.existsSync(path.join(base, d, 'bin', 'postgres'))) : [];
	majors.sort((a, b) => Number(b) - Number(a));
	return majors.length ? path.join(base, majors[0], 'bin') : null;
}

function ensurePackages(log) {
	const missing = [];
	if (!which('redis-server')) missing.push('redis-server');
	if (!postgresBin()) missing.push('postgresql');
	if (missing.length) aptInstall(missing, log);
	return { redisServer: which('redis-server'), pgBin: postgresBin() };
}

function portOpen(port) {
	return new Promise((resolve) => {
		const s = net.connect(port, '127.0.0.1', () => {
			s.end();
			resolve(true);
		});
		s.on('error', () => resolve(false));
	});
}

/** Spawns a long-running service, keeping its output; `stop()` signals it and waits. */
function service(name, cmd, args, opts = {}) {
	const proc = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], ...opts });
	children.add(proc);
	let out = '';
	proc.stdout.on('data', (d) => (out += d));
	proc.stderr.on('data', (d) => (out += d));
	const exited = new Promise((resolve) => proc.on('exit', (code, sig) => resolve({ code, sig })));
	let done = null;
	exited.then((e) => (done = e));
	return {
		name,
		proc,
		logs: () => out,
		exited: () => done,
		/** @param {NodeJS.Signals} [signal] */
		async stop(signal = 'SIGTERM', graceMs = 20000) {
			if (!done) {
				const killer = setTimeout(() => proc.kill('SIGKILL'), graceMs);
				proc.kill(signal);
				await exited;
				clearTimeout(killer);
			}
			children.delete(proc);
		},
	};
}

async function waitFor(what, svc, test, timeoutMs) {
	const t0 = Date.now();
	for (;;) {
		if (await test()) return Date.now() - t0;
		if (svc && svc.exited()) throw new Error(`${what} exited (${JSON.stringify(svc.exited())}):\n${tail(svc.logs())}`);
		if (Date.now() - t0 > timeoutMs) throw new Error(`${what} not ready in ${secs(timeoutMs)}:\n${svc ? tail(svc.logs()) : ''}`);
		await sleep(250);
	}
}

async function startRedis(dir, redisServer) {
	const port = await cli.freePort();
	fs.mkdirSync(dir, { recursive: true });
	const svc = service('redis', redisServer, ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'no', '--protected-mode', 'yes']);
	await waitFor('redis-server', svc, () => portOpen(port), 20000);
	return { ...svc, port, version: sh(redisServer, ['--version']).stdout.split(' ')[2].replace('v=', '') };
}

/**
 * A throwaway Postgres cluster: initdb (trust auth for user n8n, on 127.0.0.1 only), the server
 * tuned for tests (no fsync), database `n8n`. As root, everything runs as the `postgres` user.
 */
async function startPostgres(dir, pgBin) {
	const port = await cli.freePort();
	const asUser = process.getuid?.() === 0 ? 'postgres' : null;
	fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
	const wrap = (bin, args) => {
		if (!asUser) return [path.join(pgBin, bin), args];
		return ['setpriv', ['--reuid', asUser, '--regid', asUser, '--init-groups', '--', path.join(pgBin, bin), ...args]];
	};
	if (asUser) {
		const id = (flag) => Number(sh('id', [flag, asUser]).stdout.trim());
		if (Number.isNaN(id('-u'))) throw new Error(`user ${asUser} does not exist (it comes with Debian's postgresql package)`);
		fs.chownSync(dir, id('-u'), id('-g'));
	}
	const [initCmd, initArgs] = wrap('initdb', ['-D', dir, '-U', 'n8n', '--auth=trust', '-E', 'UTF8', '--no-sync', '--locale=C']);
	const init = sh(initCmd, initArgs, { cwd: '/' });
	if (init.status !== 0) throw new Error(`initdb failed:\n${init.stdout}\n${init.stderr}`);
	const [cmd, args] = wrap('postgres', ['-D', dir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', `unix_socket_directories=${dir}`, '-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off', '-c', 'max_connections=200']);
	// setpriv execs in place, so SIGINT reaches postgres itself: its "fast" shutdown
	const svc = service('postgres', cmd, args, { cwd: '/' });
	const psql = (db, sql) => sh(path.join(pgBin, 'psql'), ['-X', '-q', '-A', '-t', '-v', 'ON_ERROR_STOP=1', '-h', '127.0.0.1', '-p', String(port), '-U', 'n8n', '-d', db, '-c', sql]);
	await waitFor('postgres', svc, () => psql('postgres', 'SELECT 1').status === 0, 30000);
	const c = psql('postgres', 'CREATE DATABASE n8n');
	if (c.status !== 0) throw new Error(`CREATE DATABASE failed: ${c.stderr}`);
	/** Rows of a SELECT as objects (json_agg does the quoting). */
	const query = (sql) => {
		const r = psql('n8n', `SELECT coalesce(json_agg(t), '[]') FROM (${sql}) t`);
		if (r.status !== 0) throw new Error(`psql: ${r.stderr}\n${sql}`);
		return JSON.parse(r.stdout.trim() || '[]');
	};
	const exec = (sql) => {
		const r = psql('n8n', sql);
		if (r.status !== 0) throw new Error(`psql: ${r.stderr}\n${sql}`);
	};
	return { ...svc, stop: () => svc.stop('SIGINT'), port, query, exec, version: psql('postgres', 'SHOW server_version').stdout.trim() };
}

// ----------------------------------------------------------------- cluster ---

/**
 * Environment shared by every n8n process of the cluster. n8n-cli's n8nEnv adds the rest (one
 * encryption key for all, a broker port per process, telemetry off) and DB_TYPE=sqlite, which
 * these override.
 */
function clusterEnv({ pg, redis, binaryDir, webhookUrl }) {
	return {
		EXECUTIONS_MODE: 'queue',
		OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS: 'true',
		QUEUE_BULL_REDIS_HOST: '127.0.0.1',
		QUEUE_BULL_REDIS_PORT: String(redis.port),
		DB_TYPE: 'postgresdb',
		DB_POSTGRESDB_HOST: '127.0.0.1',
		DB_POSTGRESDB_PORT: String(pg.port),
		DB_POSTGRESDB_DATABASE: 'n8n',
		DB_POSTGRESDB_USER: 'n8n',
		DB_POSTGRESDB_PASSWORD: '',
		N8N_DEFAULT_BINARY_DATA_MODE: 'filesystem',
		N8N_STORAGE_PATH: binaryDir, // N8N_BINARY_DATA_STORAGE_PATH before 2.x; binary data lives under it
		N8N_WEBHOOK_URL: webhookUrl,
	};
}

/** One n8n process of the cluster (`n8n start|worker|webhook`), ready when `ready()` says so. */
async function startN8nProcess(name, userFolder, args, env, ready, timeoutMs = 180000) {
	const rt = ensureRuntime();
	const t0 = Date.now();
	const svc = service(name, rt.node, [rt.n8nBin, ...args], { cwd: userFolder, env: cli.n8nEnv(userFolder, env) });
	await waitFor(`n8n ${name}`, svc, () => ready(svc.logs()), timeoutMs);
	return { ...svc, userFolder, startMs: Date.now() - t0 };
}

async function healthy(url) {
	try {
		return (await cli.httpGet(url, { timeoutMs: 2000 })).status === 200;
	} catch {
		return false;
	}
}

async function startMain(uf, base) {
	const port = await cli.freePort();
	const url = `http://127.0.0.1:${port}`;
	const env = { ...base, N8N_PORT: String(port), N8N_DISABLE_PRODUCTION_MAIN_PROCESS: 'true' };
	const p = await startN8nProcess('main', uf, ['start'], env, async (logs) => logs.includes('Editor is now accessible via') && healthy(`${url}/healthz`));
	return { ...p, port, url };
}

async function startWorker(name, uf, base) {
	const port = await cli.freePort();
	const env = { ...base, QUEUE_HEALTH_CHECK_ACTIVE: 'true', QUEUE_HEALTH_CHECK_PORT: String(port), N8N_WORKER_SERVER_ADDRESS: '127.0.0.1' };
	const p = await startN8nProcess(name, uf, ['worker', '--concurrency=5'], env, async (logs) => logs.includes('n8n worker is now ready') && healthy(`http://127.0.0.1:${port}/healthz/readiness`));
	return { ...p, healthPort: port };
}

async function startWebhook(uf, base, port) {
	const url = `http://127.0.0.1:${port}`;
	const p = await startN8nProcess('webhook', uf, ['webhook'], { ...base, N8N_PORT: String(port) }, async (logs) => logs.includes('Webhook listener waiting for requests') && healthy(`${url}/healthz`));
	return { ...p, port, url };
}

/** Which worker ran an execution: the one whose log says "Worker started execution <id> (job ...)". */
function assertOnWorker(cluster, executionId) {
	const line = `Worker started execution ${executionId} (job`;
	const on = cluster.all().filter((p) => p.logs().includes(line)).map((p) => p.name);
	if (on.length !== 1 || !on[0].startsWith('worker')) {
		throw new Error(`execution ${executionId} should have run on exactly one worker; logs naming it: ${JSON.stringify(on)}`);
	}
	return on[0];
}

// --------------------------------------------------------------------- run ---

/** Finished executions of a workflow (newest last), from Postgres. */
function executions(pg, workflowId) {
	return pg.query(`SELECT id, "workflowId", status, mode, finished FROM execution_entity WHERE "workflowId" = '${workflowId}' ORDER BY id`);
}

async function waitForExecutions(pg, workflowId, count, timeoutMs) {
	const t0 = Date.now();
	for (;;) {
		const rows = executions(pg, workflowId).filter((r) => !['new', 'running', 'waiting'].includes(r.status));
		if (rows.length >= count) return rows;
		if (Date.now() - t0 > timeoutMs) throw new Error(`timed out waiting for ${count} execution(s) of ${workflowId}; have ${JSON.stringify(executions(pg, workflowId))}`);
		await sleep(300);
	}
}

/** The run data of an execution, unflattened with n8n's own `flatted`. */
function executionRun(pg, executionId) {
	const rt = ensureRuntime();
	const { parse } = require(path.join(rt.n8nDir, '..', 'flatted'));
	const rows = pg.query(`SELECT data FROM execution_data WHERE "executionId" = ${Number(executionId)}`);
	if (!rows.length) throw new Error(`no execution_data for execution ${executionId}`);
	return { raw: rows[0].data, data: parse(rows[0].data) };
}

/** A stable UUID-shaped id for a name (webhook ids must be UUIDs). */
function uuidFor(name) {
	const h = crypto.createHash('sha256').update(name).digest('hex');
	return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

function webhookNode(name, pathName, options = {}) {
	return {
		id: `wh-${pathName}`,
		name,
		type: 'n8n-nodes-base.webhook',
		typeVersion: 2,
		position: [0, 0],
		webhookId: uuidFor(pathName),
		parameters: { httpMethod: 'POST', path: pathName, responseMode: 'onReceived', options },
	};
}

const wfId = (s) => `q${s}`.replace(/[^A-Za-z0-9]/g, '').slice(0, 16).padEnd(16, '0');

/**
 * Runs the queue-mode checks with the helpers of scripts/e2e.js (check, SCENARIOS, ...), which
 * counts and prints the results.
 */
async function run(e2e) {
	const { check, skip, assert, log, SCENARIOS, STEP_NAMES, nodeRun, vendorWorkflow, httpPost } = e2e;
	const T0 = Date.now();
	const keep = process.argv.includes('--keep');
	log('ensuring the n8n runtime (one-time install if missing)...');
	const rt = ensureRuntime();
	log(`runtime: node ${rt.nodeVersion}, n8n at ${rt.n8nDir}`);
	const built = e2e.buildIfNeeded();
	const work = fs.mkdtempSync(path.join(os.tmpdir(), 'cs-queue-'));
	fs.chmodSync(work, 0o755); // postgres (another user) must reach its data folder inside
	const { tgz } = e2e.pack(work);
	log(`packed ${path.basename(tgz)}${built ? ' (after building)' : ''}; work folder ${work}`);

	const sb = await sandbox.start({ ports: 'random', quiet: true });
	for (const s of sb.skipped) log(`sandbox ${s.name} unavailable: ${s.reason}`);
	let redis;
	let pg;
	const uf = {};
	/** @type {{ main: any, workers: any[], webhook: any, all: () => any[] }} */
	const cluster = { main: null, workers: [], webhook: null, all: () => [cluster.main, ...cluster.workers, cluster.webhook].filter(Boolean) };
	const stopCluster = async () => {
		// keep the logs for --keep
		for (const p of cluster.all()) fs.writeFileSync(path.join(work, `${p.name}.log`), p.logs());
		await Promise.all(cluster.all().map((p) => p.stop()));
	};
	try {
		await check('queue: Redis and Postgres (Debian packages) on 127.0.0.1, temporary data folders', async () => {
			const t0 = Date.now();
			const { redisServer, pgBin } = ensurePackages(log);
			[redis, pg] = await Promise.all([startRedis(path.join(work, 'redis'), redisServer), startPostgres(path.join(work, 'pg'), pgBin)]);
			return `redis-server ${redis.version} on :${redis.port}, postgres ${pg.version} on :${pg.port}${process.getuid?.() === 0 ? ' (as user postgres)' : ''}, up in ${secs(Date.now() - t0)}`;
		});
		if (!redis || !pg) return;

		const binaryDir = path.join(work, 'binary-data');
		fs.mkdirSync(binaryDir);
		const webhookPort = await cli.freePort();
		const webhookUrl = `http://127.0.0.1:${webhookPort}/`;
		const base = clusterEnv({ pg, redis, binaryDir, webhookUrl });
		// one user folder per process, like one container each, with the package installed in each
		const folders = ['main', ...Array.from({ length: WORKERS }, (_, i) => `worker${i + 1}`), 'webhook'];
		for (const name of folders) {
			uf[name] = cli.makeUserFolder({ prefix: `cs-queue-${name}-`, fresh: true });
			cli.installPackage(uf[name], tgz);
		}

		// ---- workflows, all active ("published") from the import on
		const creds = sb.vendors.map((v) => ({ id: wfId(`cred${v.key}`), name: `${v.name} queue`, type: v.credentialType, data: v.credentialData }));
		const credId = (v) => creds[sb.vendors.indexOf(v)].id;
		const wfs = [];
		const vendorFlows = {};
		for (const v of sb.vendors) {
			const wf = vendorWorkflow(v, credId(v));
			const trigger = wf.nodes[0].name;
			wf.nodes[0] = webhookNode('Webhook', `queue-${v.key}`);
			wf.connections = { Webhook: wf.connections[trigger] };
			Object.assign(wf, { id: wfId(v.key), name: `queue ${v.name}`, active: true });
			vendorFlows[v.key] = wf;
			wfs.push(wf);
		}
		const proviV = sb.byKey('provi');
		const proviHookId = '6b3c0a52-3c3e-4e5f-9d1e-0e2e0e2e0a11';
		const proviFlow =
			proviV &&
			proviTriggerWorkflow({
				id: wfId('proviTrigger'),
				name: 'queue Provi Trigger',
				webhookId: proviHookId,
				credential: { id: credId(proviV), name: `${proviV.name} queue` },
				active: true,
			});
		if (proviFlow) wfs.push(proviFlow);
		const kwigaV = sb.byKey('kwiga');
		// n8n refuses sub-minute cron, but takes several poll times, each on its own second: six a
		// minute keep this check short (a user's "Every minute" polls the same way, less often)
		const pollTimes = { item: [0, 10, 20, 30, 40, 50].map((s) => ({ mode: 'custom', cronExpression: `${s} * * * * *` })) };
		const pollFlow = kwigaV && {
			id: wfId('kwigaTrigger'),
			name: 'queue Kwiga Trigger',
			active: true,
			nodes: [
				{
					id: 'kt',
					name: 'Kwiga Trigger',
					type: `${PKG}.kwigaTrigger`,
					typeVersion: 1,
					position: [0, 0],
					parameters: { event: 'newContact', pollTimes },
					credentials: { kwigaApi: { id: credId(kwigaV), name: `${kwigaV.name} queue` } },
				},
			],
			connections: {},
		};
		if (pollFlow) wfs.push(pollFlow);
		const psbV = sb.byKey('psbHosting');
		const fileFlow = psbV && {
			id: wfId('psbAttachment'),
			name: 'queue PSB ticket with attachment',
			active: true,
			nodes: [
				webhookNode('Upload', 'queue-psb-file', { binaryPropertyName: 'data' }),
				{
					id: 'ticket',
					name: 'Create Ticket',
					type: `${PKG}.psbHosting`,
					typeVersion: 1,
					position: [300, 0],
					parameters: {
						resource: 'ticket',
						operation: 'create',
						title: 'Queue: screenshot attached',
						type: 'Технический отдел',
						department: 'Технический отдел',
						message: 'The screenshot shows the boot error',
						binaryPropertyNames: 'data',
						additionalFields: {},
					},
					credentials: { psbHostingApi: { id: credId(psbV), name: `${psbV.name} queue` } },
				},
			],
			connections: { Upload: { main: [[{ node: 'Create Ticket', type: 'main', index: 0 }]] } },
		};
		if (fileFlow) wfs.push(fileFlow);
		// Academy of Mine: a worker downloads an order's PDF invoice into the shared binary data folder
		const aomV = sb.byKey('academyOfMine');
		const downloadFlow = aomV && {
			id: wfId('aomDownload'),
			name: 'queue Academy of Mine download',
			active: true,
			nodes: [
				webhookNode('Webhook', 'queue-aom-download'),
				{
					id: 'download',
					name: 'Download',
					type: `${PKG}.academyOfMine`,
					typeVersion: 1,
					position: [300, 0],
					parameters: { resource: 'ecommerceOrder', operation: 'downloadThePdfInvoiceForASpecificOrder', orderId: { __rl: true, mode: 'id', value: '1' }, binaryPropertyName: 'invoice' },
					credentials: { academyOfMineApi: { id: credId(aomV), name: `${aomV.name} queue` } },
				},
			],
			connections: { Webhook: { main: [[{ node: 'Download', type: 'main', index: 0 }]] } },
		};
		if (downloadFlow) wfs.push(downloadFlow);
		const rempV = sb.byKey('rempCrm');
		const concFlow = rempV && {
			id: wfId('concurrency'),
			name: 'queue REMP CRM concurrency',
			active: true,
			nodes: [
				webhookNode('Codes', 'queue-concurrency'),
				{ id: 'split', name: 'Split Out', type: 'n8n-nodes-base.splitOut', typeVersion: 1, position: [200, 0], parameters: { fieldToSplitOut: 'body.codes', include: 'noOtherFields', options: {} } },
				{
					id: 'activate',
					name: 'Activate',
					type: `${PKG}.rempCrm`,
					typeVersion: 1,
					position: [400, 0],
					parameters: { resource: 'coupon', operation: 'activate', code: '={{ $json.code }}', notifyUser: false, requestOptions: { concurrency: CONCURRENCY } },
					credentials: { rempCrmApi: { id: credId(rempV), name: `${rempV.name} queue` } },
				},
			],
			connections: {
				Codes: { main: [[{ node: 'Split Out', type: 'main', index: 0 }]] },
				'Split Out': { main: [[{ node: 'Activate', type: 'main', index: 0 }]] },
			},
		};
		if (concFlow) wfs.push(concFlow);

		const cliEnv = { env: base };
		let booted = false;
		await check(`queue: main, ${WORKERS} workers and a webhook processor up (EXECUTIONS_MODE=queue, Postgres, Redis)`, async () => {
			// the CLI talks to Postgres too; the first command runs the migrations
			const t0 = Date.now();
			const credFile = path.join(uf.main, 'queue-credentials.json');
			fs.writeFileSync(credFile, JSON.stringify(creds));
			cli.runN8n(uf.main, ['import:credentials', `--input=${credFile}`], cliEnv);
			fs.rmSync(credFile);
			importWorkflows({ runN8n: (folder, args) => cli.runN8n(folder, args, cliEnv) }, uf.main, wfs);
			// what `n8n publish:workflow --id` does (publishVersion), for all at once instead of a CLI
			// start each; `import:workflow --activeState=fromJson` needs an owner with permissions
			const ids = wfs.map((w) => `'${w.id}'`).join(',');
			pg.exec(`UPDATE workflow_entity SET active = true, "activeVersionId" = "versionId" WHERE id IN (${ids})`);
			const active = pg.query(`SELECT w.id FROM workflow_entity w JOIN workflow_history h ON h."versionId" = w."activeVersionId" WHERE w.id IN (${ids})`).map((r) => r.id);
			const inactive = wfs.filter((w) => !active.includes(w.id)).map((w) => w.id);
			assert(!inactive.length, `not published: ${inactive.join(', ')}`);
			const tImport = Date.now() - t0;
			// main first (activation registers the Provi webhook, runs the first polls); then the rest
			cluster.main = await startMain(uf.main, base);
			const [webhook, ...workers] = await Promise.all([
				startWebhook(uf.webhook, base, webhookPort),
				...folders.filter((f) => f.startsWith('worker')).map((name) => startWorker(name, uf[name], base)),
			]);
			cluster.webhook = webhook;
			cluster.workers = workers;
			for (const p of cluster.all()) {
				const errs = cli.loaderErrorsFrom(p.logs());
				assert(!errs.length, `${p.name}: loader errors:\n${errs.join('\n')}`);
			}
			booted = true;
			return `import ${secs(tImport)}; main ${secs(cluster.main.startMs)}, ${cluster.workers.map((w) => `${w.name} ${secs(w.startMs)}`).join(', ')}, webhook ${secs(cluster.webhook.startMs)} (parallel); ${wfs.length} active workflows`;
		});

		const hookUrl = (p) => `${webhookUrl}webhook/${p}`;
		/** POSTs to the webhook processor and returns the (one new) finished execution with its worker. */
		const trigger = async (wf, url, body, headers) => {
			const before = executions(pg, wf.id).length;
			const res = await (Buffer.isBuffer(body) ? cli.httpPost(url, body, headers) : httpPost(url, body, headers));
			assert(res.status === 200, `POST ${url} -> ${res.status} ${res.body}`);
			const rows = await waitForExecutions(pg, wf.id, before + 1, 60000);
			const ex = rows[rows.length - 1];
			return { res, ex, worker: assertOnWorker(cluster, ex.id), run: executionRun(pg, ex.id) };
		};

		// ---- per vendor: the e2e scenarios, started through the webhook processor, run by a worker
		for (const v of sb.vendors) {
			const sc = SCENARIOS[v.key];
			const wf = vendorFlows[v.key];
			let got;
			let runError;
			const before = v.server.requests.length;
			if (booted) {
				try {
					got = await trigger(wf, hookUrl(`queue-${v.key}`), { from: 'queue e2e' });
				} catch (e) {
					runError = e;
				}
			}
			const reqs = v.server.requests.slice(before);
			const stepCheck = (step, judge) =>
				check(`queue: ${v.name}: ${STEP_NAMES[step]} on a worker`, async () => {
					if (!booted) throw new Error('the cluster did not start');
					if (runError) throw runError;
					const r = nodeRun(got.run.data, STEP_NAMES[step]);
					if (r.missing) throw new Error(`node "${STEP_NAMES[step]}" did not run (execution ${got.ex.id}, ${got.ex.status})`);
					return `execution ${got.ex.id} (${got.ex.mode}, ${got.ex.status}) on ${got.worker}: ${judge(r)}`;
				});
			const ok = (r) => {
				if (r.error) throw new Error(`node error: ${r.error.message} ${r.error.description || ''}`);
				return r;
			};
			if (sc.getMany) await stepCheck('getMany', (r) => sc.getMany.verify(ok(r).items, reqs, v));
			else skip(`queue: ${v.name}: ${STEP_NAMES.getMany} on a worker`, 'the node has no list operation');
			await stepCheck('create', (r) => sc.create.verify(ok(r).items, reqs, v));
			await stepCheck('fail', (r) => {
				assert(!r.error, `Continue On Fail did not apply: ${r.error && r.error.message}`);
				const it = r.items[0] || {};
				assert(r.items.length === 1 && typeof it.error === 'string', `expected one error item: ${JSON.stringify(r.items).slice(0, 300)}`);
				assert(String((it.details || {}).httpCode) === sc.fail.httpCode, `expected HTTP ${sc.fail.httpCode}: ${JSON.stringify(it).slice(0, 300)}`);
				return `error item (HTTP ${it.details.httpCode})`;
			});
		}
		for (const s of sb.skipped) {
			await check(`queue: ${s.name}: workflow checks`, async () => {
				throw new Error(`sandbox unavailable: ${s.reason}`);
			});
		}

		// ---- Provi Trigger: registered with the webhook processor's URL, delivery runs on a worker
		await check('queue: Provi Trigger: signed delivery through the webhook processor runs on a worker; forged one refused', async () => {
			if (!booted) throw new Error('the cluster did not start');
			assert(proviFlow, 'Provi sandbox unavailable');
			const mine = proviV.data.preferences.filter((p) => String(p.url).includes(proviHookId));
			assert(mine.length === 1, `expected one preference for this webhook at the sandbox, got ${JSON.stringify(mine)}`);
			const url = mine[0].url;
			assert(url.startsWith(`${webhookUrl}webhook/`), `registered URL ${url} is not on the webhook processor (${webhookUrl})`);
			// main serves no production webhooks (N8N_DISABLE_PRODUCTION_MAIN_PROCESS)
			const onMain = await httpPost(url.replace(webhookUrl, `${cluster.main.url}/`), { id: 1 }, { 'x-provi-signature': mine[0].signature });
			assert(onMain.status !== 200, `main answered the production webhook: ${onMain.status}`);
			const delivery = { ...proviV.module.PROVI_DELIVERY, id: 127498 };
			const got = await trigger(proviFlow, url, delivery, { 'x-provi-signature': mine[0].signature });
			assert(got.ex.status === 'success' && got.ex.mode === 'webhook', `execution ${JSON.stringify(got.ex)}`);
			const items = nodeRun(got.run.data, 'Provi Trigger').items;
			assert(items.length === 1 && items[0].id === 127498, `trigger output ${JSON.stringify(items).slice(0, 300)}`);
			const before = executions(pg, proviFlow.id).length;
			const forged = await httpPost(url, { id: 2, webhook: 'made_effective' }, { 'x-provi-signature': 'forged-0000-signature' });
			assert(forged.status === 401, `forged signature -> HTTP ${forged.status} ${forged.body}`);
			await sleep(1500);
			assert(executions(pg, proviFlow.id).length === before, 'the forged delivery started an execution');
			return `registered ${url}; execution ${got.ex.id} (${got.ex.mode}) on ${got.worker}; main -> ${onMain.status}; forged -> 401`;
		});

		// ---- PSB Hosting: a file uploaded to the webhook processor, attached by a worker
		await check('queue: PSB Hosting: ticket with a file attachment, binary data in filesystem mode across processes', async () => {
			if (!booted) throw new Error('the cluster did not start');
			assert(fileFlow, 'PSB Hosting sandbox unavailable');
			const png = Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), Buffer.from(`queue e2e screenshot ${Date.now()}`)]);
			const before = psbV.server.requests.length;
			const got = await trigger(fileFlow, hookUrl('queue-psb-file'), png, { 'content-type': 'image/png', 'content-disposition': 'attachment; filename="boot-error.png"' });
			const up = nodeRun(got.run.data, 'Upload');
			const ref = up.items.length && (got.run.data.resultData.runData.Upload[0].data.main[0][0].binary || {}).data;
			assert(ref && String(ref.id).startsWith('filesystem'), `the webhook processor did not store the upload in filesystem mode: ${JSON.stringify(ref).slice(0, 300)}`);
			const stored = String(ref.id).split(':').slice(1).join(':');
			assert(fs.existsSync(path.join(binaryDir, stored)), `${stored} is not in the shared binary data folder ${binaryDir}`);
			const r = nodeRun(got.run.data, 'Create Ticket');
			assert(!r.missing && !r.error, `Create Ticket: ${r.error ? r.error.message : 'did not run'}`);
			const post = psbV.server.requests.slice(before).find((q) => q.method === 'POST' && q.path === '/tickets');
			assert(post, 'the sandbox saw no POST /tickets');
			const { parseMultipart } = require(path.join(sandbox.BUILD, 'harness', 'mockServer.js'));
			const files = parseMultipart(post).filter((p) => p.fileName !== undefined);
			assert(files.length === 1 && files[0].fileName === 'boot-error.png' && files[0].data.equals(png), `files sent: ${JSON.stringify(files.map((f) => ({ name: f.name, fileName: f.fileName, size: f.data.length })))}`);
			assert(r.items[0] && r.items[0].first_message.attachments[0].size === png.length, `ticket ${JSON.stringify(r.items).slice(0, 300)}`);
			return `upload stored by the webhook processor as ${ref.id}; execution ${got.ex.id} on ${got.worker} sent ${files[0].fileName} (${files[0].data.length} bytes, ${files[0].contentType}) in POST /tickets`;
		});

		await check('queue: Academy of Mine: PDF invoice download on a worker, binary data in filesystem mode', async () => {
			if (!booted) throw new Error('the cluster did not start');
			assert(downloadFlow, 'Academy of Mine sandbox unavailable');
			const got = await trigger(downloadFlow, hookUrl('queue-aom-download'), { order: 1 });
			const r = nodeRun(got.run.data, 'Download');
			assert(!r.missing && !r.error, `Download: ${r.error ? r.error.message : 'did not run'}`);
			const bin = (got.run.data.resultData.runData.Download[0].data.main[0][0].binary || {}).invoice;
			assert(bin && String(bin.id).startsWith('filesystem') && bin.mimeType === 'application/pdf', `binary: ${JSON.stringify(bin).slice(0, 300)}`);
			const stored = String(bin.id).split(':').slice(1).join(':');
			assert(fs.existsSync(path.join(binaryDir, stored)), `${stored} is not in the shared binary data folder ${binaryDir}`);
			return `execution ${got.ex.id} on ${got.worker} stored ${bin.fileName} (${bin.mimeType}) as ${bin.id}`;
		});

		// ---- Concurrency is per execution: two executions at once double what the vendor sees
		await check(`queue: Request Options > Concurrency (${CONCURRENCY}) bounds each execution, not the cluster: two executions at once`, async () => {
			if (!booted) throw new Error('the cluster did not start');
			assert(concFlow, 'REMP CRM sandbox unavailable');
			const perRun = { A: 0, B: 0 };
			const peak = { A: 0, B: 0, all: 0 };
			const codes = [];
			// a slow activation endpoint that counts the requests in flight, per execution and in all
			rempV.server.on('POST', '/api/v1/coupon/activate', async (req) => {
				const tag = String(req.body.code).slice(0, 1);
				codes.push(req.body.code);
				perRun[tag]++;
				peak[tag] = Math.max(peak[tag], perRun[tag]);
				peak.all = Math.max(peak.all, perRun.A + perRun.B);
				await sleep(400);
				perRun[tag]--;
				return { status: 200, body: { coupon_id: codes.length, coupon_type: 'promo', subscription_id: 5000 + codes.length } };
			});
			const items = 8;
			const body = (tag) => ({ codes: Array.from({ length: items }, (_, i) => ({ code: `${tag}-${i + 1}` })) });
			const before = executions(pg, concFlow.id).length;
			const sent = await Promise.all(['A', 'B'].map((tag) => httpPost(hookUrl('queue-concurrency'), body(tag))));
			assert(sent.every((r) => r.status === 200), `POST -> ${sent.map((r) => r.status).join(', ')}`);
			const rows = (await waitForExecutions(pg, concFlow.id, before + 2, 60000)).slice(-2);
			assert(rows.every((r) => r.status === 'success'), `executions ${JSON.stringify(rows)}`);
			const on = rows.map((r) => `${r.id} on ${assertOnWorker(cluster, r.id)}`);
			assert(codes.length === 2 * items, `the sandbox saw ${codes.length} activations, expected ${2 * items}`);
			assert(peak.A <= CONCURRENCY && peak.B <= CONCURRENCY, `one execution had more than ${CONCURRENCY} in flight: ${JSON.stringify(peak)}`);
			assert(peak.all > CONCURRENCY, `the two executions never overlapped (peak ${peak.all}); nothing shown`);
			return `executions ${on.join(', ')}; in flight: at most ${peak.A} and ${peak.B} per execution, ${peak.all} at the sandbox`;
		});

		// ---- Kwiga New Contact: polled by main, run on workers, each contact once across a restart
		await check('queue: Kwiga Trigger: each new contact emitted exactly once across a worker restart', async () => {
			if (!booted) throw new Error('the cluster did not start');
			assert(pollFlow, 'Kwiga sandbox unavailable');
			const polls = () => kwigaV.server.requests.filter((r) => r.method === 'GET' && r.path === '/contacts').length;
			const waitPolls = async (n, timeoutMs = 45000) => {
				const from = polls();
				await waitFor(`${n} polls of /contacts`, null, () => polls() >= from + n, timeoutMs);
			};
			assert(executions(pg, pollFlow.id).length === 0, 'the activation poll emitted the existing contacts');
			const contact = (id, email) => ({ ...kwigaV.data.contacts[0], id, email, created_at: new Date().toISOString() });
			const older = kwigaV.data.contacts[0].email;
			kwigaV.data.contacts.unshift(contact(990101, 'queue-first@example.com'));
			const [first] = await waitForExecutions(pg, pollFlow.id, 1, 45000);
			const firstWorker = assertOnWorker(cluster, first.id);
			const firstData = executionRun(pg, first.id).raw;
			assert(firstData.includes('queue-first@example.com') && !firstData.includes(older), 'the first execution does not hold just the new contact');
			// restart the worker that ran it, as a deploy or crash would
			const i = cluster.workers.findIndex((w) => w.name === firstWorker);
			const old = cluster.workers[i];
			fs.writeFileSync(path.join(work, `${old.name}-before-restart.log`), old.logs());
			await old.stop();
			cluster.workers[i] = await startWorker(old.name, old.userFolder, base);
			await waitPolls(1); // the cursor lives in the workflow's static data: no repeat now
			kwigaV.data.contacts.unshift(contact(990102, 'queue-second@example.com'));
			const rows = await waitForExecutions(pg, pollFlow.id, 2, 45000);
			await waitPolls(1);
			const all = executions(pg, pollFlow.id);
			assert(all.length === 2, `expected 2 executions, got ${all.length}: ${JSON.stringify(all)}`);
			const second = executionRun(pg, rows[1].id).raw;
			assert(second.includes('queue-second@example.com') && !second.includes('queue-first@example.com'), 'the second execution does not hold just the second contact');
			const secondWorker = assertOnWorker(cluster, rows[1].id);
			return `execution ${first.id} on ${firstWorker} (restarted in ${secs(cluster.workers[i].startMs)}), execution ${rows[1].id} on ${secondWorker}; ${polls()} polls of /contacts, no repeats`;
		});
	} finally {
		await stopCluster();
		await sb.stop();
		if (pg) await pg.stop();
		if (redis) await redis.stop();
		log(`queue cluster run ${secs(Date.now() - T0)}`);
		if (keep) log(`kept ${work} (process logs, user folders under ${os.tmpdir()}/cs-queue-*)`);
		else {
			for (const dir of Object.values(uf)) cli.removeUserFolder(dir);
			fs.rmSync(work, { recursive: true, force: true });
		}
	}
}

module.exports = { run, underLock, startRedis, startPostgres, ensurePackages };
