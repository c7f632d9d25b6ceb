#!/usr/bin/env node
'use strict';
/**
 * `npm run bench`: the package inside the real n8n 2.41.1 (the runtime `npm start` installs), side by
 * side with n8n's own HTTP Request node on the same credential and with a bare Node `http` loop, in
 * one run, printed as ratios. Nothing here asserts time; a line that fails prints why.
 *
 *   1. Get by ID x 1,000 items: this package vs the HTTP Request node (predefined credential type).
 *   2. Return All over 20,000 records: this package vs the HTTP Request node's own pagination (+ the
 *      Split Out a user needs to get records) vs a bare `http` loop; peak memory of each n8n process;
 *      for 1 and 2, where the time goes while each node runs (V8 CPU profile).
 *   3. One request per item x 500 on the smallest node (REMP CRM) and on the largest (Academy of Mine).
 *   4. Real API latency (every answer 100 ms late): Get by ID x 1,000 (package vs HTTP Request node vs a
 *      bare `http` loop with as many requests in flight as the package reached) and Return All over
 *      20,000 records (package vs HTTP Request pagination + Split Out).
 *   5. 1,000 items against a server with 100 ms latency that answers 429 above 10 requests in flight:
 *      failed items, 429s, and the throughput against what 10 in flight allow.
 *   6. n8n's start-up time with and without the package, and the size of each node description.
 *
 * Figures 1-3 use servers that answer at once; 4 and 5 the latency servers (each node its own server,
 * so what a server saw is one node's doing).
 *
 * Servers are lean local HTTP servers written here (bodies prebuilt), so the figures are n8n's and the
 * node's cost, not a mock's. Node times are n8n's own `executionTime` for that node, taken from the
 * execution; each figure is the median of BENCH_RUNS (default 3) executions, alternating which node
 * runs first. `npm run bench -- --only=1,3` runs some figures; `--no-profile` skips the profiles.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const http = require('http');
const { performance } = require('perf_hooks');

const { ensureRuntime } = require('../scripts/n8n-runtime');
const cli = require('../scripts/n8n-cli');
const { buildIfNeeded, loadBuilt, packInto } = require('../scripts/package-files');

const PKG = require('../package.json').name;
const RUNS = Number(process.env.BENCH_RUNS || 3);
const PROFILE = !process.argv.includes('--no-profile');
const ONLY = (process.argv.find((a) => a.startsWith('--only=')) ?? '').slice(7).split(',').filter(Boolean);
const want = (n) => !ONLY.length || ONLY.includes(String(n));
const TOKEN = 'bench-token';
const CABINET = 'bench-cabinet';
const CONTACTS = 20_000;
/** Latency of the "real API" servers (figures 4 and 5). */
const LATENCY_MS = 100;
/** Requests in flight the rate-limited server allows (figure 5). */
const RATE_LIMIT = 10;

const log = (line) => process.stderr.write(`[bench] ${line}\n`);
const say = (line) => process.stdout.write(`${line}\n`);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (ms) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);
const ratio = (a, b) => `${(a / b).toFixed(2)}x`;
const mb = (kb) => `${(kb / 1024).toFixed(0)} MB`;

// ------------------------------------------------------------------ servers ---

const contact = (id) => ({
	id,
	email: `student${id}@example.com`,
	first_name: 'Ada',
	last_name: `Student ${id}`,
	phone: '+380501234567',
	created_at: '2026-05-01T12:00:00.000000Z',
	tags: [{ id: 3, name: 'course-2026' }],
});

/**
 * One local server. `routes(req, url)` returns [status, body] (body a Buffer or a value); the server
 * checks the credential header, can add latency, and answers 429 (Retry-After: 1) above `maxInFlight`.
 */
function leanServer({ routes, auth, latencyMs = 0, maxInFlight = Infinity }) {
	const stats = { requests: 0, throttled: 0, unauthorized: 0, peakInFlight: 0 };
	let inFlight = 0;
	const server = http.createServer((req, res) => {
		stats.requests++;
		inFlight++;
		stats.peakInFlight = Math.max(stats.peakInFlight, inFlight);
		const send = (status, body, headers = {}) => {
			const buf = Buffer.isBuffer(body) ? body : Buffer.from(JSON.stringify(body));
			res.writeHead(status, { 'content-type': 'application/json', 'content-length': buf.length, ...headers });
			res.end(buf);
			inFlight--;
		};
		req.resume();
		req.on('end', () => {
			if (!auth(req.headers)) {
				stats.unauthorized++;
				return send(401, { message: 'Unauthenticated.' });
			}
			if (inFlight > maxInFlight) {
				stats.throttled++;
				return send(429, { message: 'Too Many Attempts.' }, { 'retry-after': '1' });
			}
			const [status, body] = routes(req, new URL(req.url ?? '/', 'http://127.0.0.1'));
			if (latencyMs) setTimeout(() => send(status, body), latencyMs);
			else send(status, body);
		});
	});
	return {
		stats,
		reset: () => Object.assign(stats, { requests: 0, throttled: 0, unauthorized: 0, peakInFlight: 0 }),
		/** @returns {Promise<string>} */
		start: () => new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${/** @type {import('net').AddressInfo} */ (server.address()).port}`))),
		/** @returns {Promise<void>} */
		stop: () => new Promise((resolve) => server.close(() => resolve())),
		close: () => server.closeAllConnections(),
	};
}

const kwigaAuth = (h) => h.token === TOKEN && h['cabinet-hash'] === CABINET;

/** Kwiga-shaped: GET /contacts/:id and the Laravel-paginated GET /contacts over 20,000 contacts. */
function kwigaRoutes() {
	const pages = new Map();
	return (req, url) => {
		const one = /^\/contacts\/(\d+)$/.exec(url.pathname);
		if (one) return [200, { data: contact(Number(one[1])) }];
		if (url.pathname === '/contacts') {
			const page = Number(url.searchParams.get('page') || 1);
			const size = Number(url.searchParams.get('per_page') || 15);
			const key = `${page}/${size}`;
			if (!pages.has(key)) {
				const last = Math.ceil(CONTACTS / size);
				const from = (page - 1) * size;
				const data = [];
				for (let i = from; i < Math.min(from + size, CONTACTS); i++) data.push(contact(CONTACTS - i));
				pages.set(key, Buffer.from(JSON.stringify({ data, meta: { current_page: page, last_page: last, per_page: size, total: CONTACTS } })));
			}
			return [200, pages.get(key)];
		}
		return [404, { message: 'Not found' }];
	};
}

const small = { id: 7, name: 'Course 7', status: 'active', price_in_cents: 19900 };

// -------------------------------------------------------------- workflows ---

const node = (name, type, parameters, extra = {}) => ({ id: name, name, type, typeVersion: 1, position: [0, 0], parameters, ...extra });
const manual = node('Start', 'n8n-nodes-base.manualTrigger', {});

/** Manual Trigger -> `count` items { id } (Edit Fields + Split Out, no Code node: no task runner in the figures). */
function itemsNodes(count) {
	return [
		manual,
		node('Ids', 'n8n-nodes-base.set', {
			mode: 'manual',
			assignments: { assignments: [{ id: 'ids', name: 'id', type: 'array', value: `={{ Array.from({ length: ${count} }, (_, i) => i + 1) }}` }] },
			options: {},
		}, { typeVersion: 3.4 }),
		node('Items', 'n8n-nodes-base.splitOut', { fieldToSplitOut: 'id', options: {} }),
	];
}

/** A workflow: `chain` runs after the trigger in order; `branches` all hang off the chain's last node, top first. */
function workflow(id, chain, branches) {
	const nodes = [...chain, ...branches.flat()];
	nodes.forEach((n, i) => (n.position = [i * 200, 0]));
	branches.forEach((b, i) => b.forEach((n, j) => (n.position = [(chain.length + j) * 200, i * 200])));
	const connections = {};
	const link = (from, to) => ((connections[from.name] ??= { main: [[]] }).main[0].push({ node: to.name, type: 'main', index: 0 }));
	for (let i = 1; i < chain.length; i++) link(chain[i - 1], chain[i]);
	for (const b of branches) {
		link(chain[chain.length - 1], b[0]);
		for (let i = 1; i < b.length; i++) link(b[i - 1], b[i]);
	}
	return { id, name: `bench ${id}`, nodes, connections, settings: { executionOrder: 'v1' } };
}

const cred = (type, id) => ({ [type]: { id, name: id } });
/** The description of every node the package declares, from its built files. */
const builtDescriptions = () => require('../package.json').n8n.nodes.map((file) => loadBuilt(file).description);

/** n8n's HTTP Request node, GET with a predefined credential type. */
const httpRequestNode = (name, url, credentialType, credId, options = {}, extraParams = {}) =>
	node(name, 'n8n-nodes-base.httpRequest', { method: 'GET', url, authentication: 'predefinedCredentialType', nodeCredentialType: credentialType, options, ...extraParams }, {
		typeVersion: 4.2,
		credentials: cred(credentialType, credId),
	});

// ------------------------------------------------------------------- runs ---

/** Executes a workflow RUNS times; returns { node name: [executionTime ms...] }, peak RSS and the last result. */
async function execute(uf, wfIds, { runs = RUNS, peakMemory = false, env = {} } = {}) {
	const times = {};
	const peaks = [];
	let json;
	for (let r = 0; r < runs; r++) {
		const id = wfIds[r % wfIds.length];
		const res = await cli.executeWorkflowRaw(uf, id, { peakMemory, env, timeoutMs: 600_000 });
		json = res.json;
		if (!json) throw new Error(`workflow ${id} printed no result (exit ${res.status}):\n${res.stderr.slice(-2000)}`);
		if (peakMemory) peaks.push(res.peakRssKb);
		const runData = json.data.resultData.runData;
		const error = json.data.resultData.error;
		if (error) throw new Error(`workflow ${id} failed: ${error.message}`);
		for (const [name, [run]] of Object.entries(runData)) (times[name] ??= []).push(run.executionTime);
	}
	return { times, peakKb: peaks.length ? median(peaks) : undefined, json };
}

const outputOf = (json, name) => json.data.resultData.runData[name][0].data.main[0];

/** Bare Node `http` loop: GET each path with a keep-alive agent, `concurrency` at a time, JSON parsed. */
async function bareLoop(base, paths, { concurrency = 1, headers }) {
	const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
	const get = (p) =>
		new Promise((resolve, reject) => {
			http.get(`${base}${p}`, { agent, headers }, (res) => {
				const chunks = [];
				res.on('data', (c) => chunks.push(c));
				res.on('end', () => resolve(JSON.parse(Buffer.concat(chunks).toString('utf8'))));
			}).on('error', reject);
		});
	const t0 = performance.now();
	const out = [];
	let next = 0;
	await Promise.all(
		Array.from({ length: concurrency }, async () => {
			while (next < paths.length) {
				const i = next++;
				out[i] = await get(paths[i]);
			}
		}),
	);
	const ms = performance.now() - t0;
	agent.destroy();
	return { ms, out };
}

/**
 * One execution under V8's CPU profiler: self time, by where the code lives, of the samples taken
 * while `nodeName` ran (its startTime + executionTime from the run data; the profile's clock is
 * anchored at process exit, which is when V8 writes it).
 */
async function profile(uf, work, wfId, nodeName) {
	let dir = '';
	let json;
	let exitedAt = 0;
	// under the profiler n8n now and then exits before its last stdout chunk is out: try again
	for (let attempt = 1; !json; attempt++) {
		dir = fs.mkdtempSync(path.join(work, 'prof-'));
		try {
			({ json } = await execute(uf, [wfId], { runs: 1, env: { NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${dir}` } }));
			exitedAt = Date.now();
		} catch (e) {
			if (attempt === 3) return `no profile (${String(e.message).split('\n')[0]})`;
		}
	}
	const run = json.data.resultData.runData[nodeName][0];
	const file = fs.readdirSync(dir, 'utf8').filter((f) => f.endsWith('.cpuprofile')).map((f) => path.join(dir, f)).sort((a, b) => fs.statSync(b).size - fs.statSync(a).size)[0];
	if (!file) return 'no profile written';
	const prof = JSON.parse(fs.readFileSync(file, 'utf8'));
	const byId = new Map(prof.nodes.map((n) => [n.id, n]));
	const bucket = (cf) => {
		const u = cf.url || '';
		if (!u) return cf.functionName.startsWith('(') ? cf.functionName : '(native)';
		if (u.startsWith('node:')) return `node:${u.slice(5).split('/')[0]}`;
		const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/g;
		let last;
		for (let x = m.exec(u); x; x = m.exec(u)) last = x[1];
		return last === PKG ? 'this package' : last ?? u;
	};
	const self = new Map();
	let t = prof.startTime;
	const from = run.startTime;
	const to = run.startTime + run.executionTime;
	for (let i = 0; i < prof.samples.length; i++) {
		t += prof.timeDeltas[i];
		const at = exitedAt - (prof.endTime - t) / 1000;
		if (at < from || at > to) continue;
		const key = bucket(byId.get(prof.samples[i]).callFrame);
		self.set(key, (self.get(key) ?? 0) + (prof.timeDeltas[i + 1] ?? 0) / 1000);
	}
	const total = [...self.values()].reduce((a, b) => a + b, 0);
	return `${fmt(total)} sampled while ${nodeName} ran: ${[...self.entries()]
		.sort((a, b) => b[1] - a[1])
		.slice(0, 8)
		.map(([k, ms]) => `${k} ${((100 * ms) / total).toFixed(0)}%`)
		.join(', ')}`;
}

// -------------------------------------------------------------------- main ---

async function main() {
	const rt = ensureRuntime();
	buildIfNeeded({ log });
	const work = fs.mkdtempSync(path.join(os.tmpdir(), 'cs-bench-'));
	const uf = cli.makeUserFolder({ prefix: 'cs-bench-uf-' });
	cli.installPackage(uf, packInto(work));

	const kwiga = leanServer({ routes: kwigaRoutes(), auth: kwigaAuth });
	const remp = leanServer({ routes: () => [200, { ...small, subscription_id: 1 }], auth: (h) => h.authorization === `Bearer ${TOKEN}` });
	const provi = leanServer({ routes: () => [200, { content: small }], auth: (h) => h['api-token'] === TOKEN });
	const aom = leanServer({ routes: () => [200, small], auth: (h) => h.authorization === `Bearer ${TOKEN}` });
	// 100 ms per answer: one server for the package, one for the HTTP Request node
	const latent = leanServer({ routes: kwigaRoutes(), auth: kwigaAuth, latencyMs: LATENCY_MS });
	const latentHttp = leanServer({ routes: kwigaRoutes(), auth: kwigaAuth, latencyMs: LATENCY_MS });
	// 100 ms per answer, 429 above 10 in flight: one server per node configuration
	const limited = leanServer({ routes: kwigaRoutes(), auth: kwigaAuth, latencyMs: LATENCY_MS, maxInFlight: RATE_LIMIT });
	const limited20 = leanServer({ routes: kwigaRoutes(), auth: kwigaAuth, latencyMs: LATENCY_MS, maxInFlight: RATE_LIMIT });
	const limited10 = leanServer({ routes: kwigaRoutes(), auth: kwigaAuth, latencyMs: LATENCY_MS, maxInFlight: RATE_LIMIT });
	const servers = [kwiga, remp, provi, aom, latent, latentHttp, limited, limited20, limited10];
	const [kwigaUrl, rempUrl, proviUrl, aomUrl, latentUrl, latentHttpUrl, limitedUrl, limited20Url, limited10Url] = await Promise.all(servers.map((s) => s.start()));

	cli.importCredentials(uf, [
		{ id: 'benchKwiga000001', name: 'benchKwiga000001', type: 'kwigaApi', data: { token: TOKEN, cabinetHash: CABINET, baseUrl: kwigaUrl } },
		{ id: 'benchKwigaLate01', name: 'benchKwigaLate01', type: 'kwigaApi', data: { token: TOKEN, cabinetHash: CABINET, baseUrl: latentUrl } },
		{ id: 'benchKwigaLate02', name: 'benchKwigaLate02', type: 'kwigaApi', data: { token: TOKEN, cabinetHash: CABINET, baseUrl: latentHttpUrl } },
		{ id: 'benchKwigaRate01', name: 'benchKwigaRate01', type: 'kwigaApi', data: { token: TOKEN, cabinetHash: CABINET, baseUrl: limitedUrl } },
		{ id: 'benchKwigaRate02', name: 'benchKwigaRate02', type: 'kwigaApi', data: { token: TOKEN, cabinetHash: CABINET, baseUrl: limited20Url } },
		{ id: 'benchKwigaRate03', name: 'benchKwigaRate03', type: 'kwigaApi', data: { token: TOKEN, cabinetHash: CABINET, baseUrl: limited10Url } },
		{ id: 'benchRemp0000001', name: 'benchRemp0000001', type: 'rempCrmApi', data: { token: TOKEN, baseUrl: rempUrl } },
		{ id: 'benchProvi000001', name: 'benchProvi000001', type: 'proviApi', data: { token: TOKEN, environment: 'custom', baseUrl: proviUrl, apiVersion: 'v4' } },
		{ id: 'benchAom00000001', name: 'benchAom00000001', type: 'academyOfMineApi', data: { baseUrl: aomUrl, apiKey: TOKEN, headerScheme: 'bearer' } },
	]);
	const kwigaCred = cred('kwigaApi', 'benchKwiga000001');
	const kwigaGet = (name, credentials = kwigaCred, requestOptions = {}) =>
		node(name, `${PKG}.kwiga`, { resource: 'contact', operation: 'get', contact: { __rl: true, mode: 'id', value: '={{ $json.id }}' }, requestOptions }, { credentials, onError: 'continueRegularOutput' });
	const httpKwigaGet = httpRequestNode('HTTP Request', `={{ '${kwigaUrl}/contacts/' + $json.id }}`, 'kwigaApi', 'benchKwiga000001');
	const kwigaAll = (credentials) => node('Kwiga', `${PKG}.kwiga`, { resource: 'contact', operation: 'getAll', returnAll: true, filters: {} }, { credentials });
	/** The HTTP Request node reading every page of GET /contacts (100 a page) with its own pagination. */
	const httpPages = (base, credId) =>
		httpRequestNode('HTTP Request', `${base}/contacts`, 'kwigaApi', credId, {
			pagination: {
				pagination: {
					paginationMode: 'updateAParameterInEachRequest',
					parameters: { parameters: [{ type: 'qs', name: 'page', value: '={{ $pageCount + 1 }}' }] },
					paginationCompleteWhen: 'other',
					completeExpression: '={{ $response.body.meta.current_page >= $response.body.meta.last_page }}',
					limitPagesFetched: false,
				},
			},
		}, { sendQuery: true, queryParameters: { parameters: [{ name: 'per_page', value: '100' }] } });
	const imported = (wf) => cli.importWorkflow(uf, wf);
	const lines = [`machine: ${os.cpus().length} cores (${os.cpus()[0].model}), ${Math.round(os.totalmem() / 2 ** 30)} GiB; n8n 2.41.1 on Node ${rt.nodeVersion}; bench driver on Node ${process.version}; median of ${RUNS} runs`];
	const report = (line) => {
		lines.push(line);
		say(line);
	};
	say(lines[0]);

	try {
		// 1. Get by ID x 1,000
		if (want(1)) {
			const pkg = kwigaGet('Kwiga');
			const a = imported(workflow('benchGet1000Pkg1', itemsNodes(1000), [[pkg], [httpKwigaGet]]));
			const b = imported(workflow('benchGet1000Htp1', itemsNodes(1000), [[httpKwigaGet], [pkg]]));
			log('1/6 Get x 1,000...');
			const { times, json } = await execute(uf, [a, b]);
			const out = outputOf(json, 'Kwiga');
			if (out.length !== 1000 || out.some((i) => i.json.error || i.json.id === undefined)) throw new Error(`Kwiga Get: ${out.length} items, first ${JSON.stringify(out[0]?.json)}`);
			const bare = await bareLoop(kwigaUrl, Array.from({ length: 1000 }, (_, i) => `/contacts/${i + 1}`), { concurrency: 5, headers: { token: TOKEN, 'cabinet-hash': CABINET } });
			const p = median(times.Kwiga);
			const h = median(times['HTTP Request']);
			report(`1. Get by ID x 1,000 items: package ${fmt(p)}, HTTP Request node ${fmt(h)} -> ${ratio(p, h)} the HTTP Request node (target <= 0.7x); bare http loop (5 in flight) ${fmt(bare.ms)} -> package ${ratio(p, bare.ms)} the bare loop`);
			if (PROFILE) for (const n of ['Kwiga', 'HTTP Request']) report(`   profile: ${await profile(uf, work, a, n)}`);
		}

		// 2. Return All over 20,000 records
		if (want(2)) {
			const pkg = kwigaAll(kwigaCred);
			const pages = httpPages(kwigaUrl, 'benchKwiga000001');
			const split = node('Split Out', 'n8n-nodes-base.splitOut', { fieldToSplitOut: 'data', options: {} });
			const pkgWf = imported(workflow('benchAll20kPkg01', [manual], [[pkg]]));
			const httpWf = imported(workflow('benchAll20kHttp1', [manual], [[pages, split]]));
			const idleWf = imported(workflow('benchIdle0000001', [manual], []));
			log('2/6 Return All over 20,000 records...');
			const idle = await execute(uf, [idleWf], { runs: 1, peakMemory: true });
			const p = await execute(uf, [pkgWf], { peakMemory: true });
			const h = await execute(uf, [httpWf], { peakMemory: true });
			const got = outputOf(p.json, 'Kwiga').length;
			const split20k = outputOf(h.json, 'Split Out').length;
			if (got !== CONTACTS || split20k !== CONTACTS) throw new Error(`records out: package ${got}, HTTP Request + Split Out ${split20k}; expected ${CONTACTS}`);
			const bare = await bareLoop(kwigaUrl, Array.from({ length: CONTACTS / 100 }, (_, i) => `/contacts?page=${i + 1}&per_page=100`), { headers: { token: TOKEN, 'cabinet-hash': CABINET } });
			const bareRecords = bare.out.reduce((n, b) => n + b.data.length, 0);
			const pm = median(p.times.Kwiga);
			const hm = median(h.times['HTTP Request']);
			const hs = median(h.times['Split Out']);
			report(
				`2. Return All over ${CONTACTS.toLocaleString('en')} records (200 pages of 100): package ${fmt(pm)}, HTTP Request pagination ${fmt(hm)} (+ Split Out ${fmt(hs)} = ${fmt(hm + hs)}) -> ${ratio(pm, hm)} the HTTP Request node alone, ${ratio(pm, hm + hs)} with its Split Out (target <= 1.0x); bare http loop ${fmt(bare.ms)} for ${bareRecords} records -> package ${ratio(pm, bare.ms)} the bare loop`,
			);
			report(`   peak memory (RSS of the n8n process): idle workflow ${mb(idle.peakKb)}, package ${mb(p.peakKb)} (+${mb(p.peakKb - idle.peakKb)}), HTTP Request + Split Out ${mb(h.peakKb)} (+${mb(h.peakKb - idle.peakKb)})`);
			if (PROFILE) {
				for (const [wf, n] of [[pkgWf, 'Kwiga'], [httpWf, 'HTTP Request']]) report(`   profile: ${await profile(uf, work, wf, n)}`);
			}
		}

		// 3. smallest node vs largest node, one request per item x 500
		if (want(3)) {
			// the same kind of operation in the nodes compared (a POST of one field from `$json.id`):
			// what differs is then the node's size, which is what this figure is about
			const perItem = {
				rempCrm: { parameters: { resource: 'coupon', operation: 'activate', code: '={{ $json.id }}', notifyUser: false }, credentials: cred('rempCrmApi', 'benchRemp0000001'), what: 'Coupon > Activate' },
				provi: { parameters: { resource: 'course', operation: 'get', courseId: '={{ $json.id }}' }, credentials: cred('proviApi', 'benchProvi000001'), what: 'Course > Get' },
				kwiga: { parameters: kwigaGet('x').parameters, credentials: kwigaCred, what: 'Contact > Get' },
				academyOfMine: {
					parameters: { resource: 'location', operation: 'createANewLocation', locationName: '={{ $json.id }}' },
					credentials: cred('academyOfMineApi', 'benchAom00000001'),
					what: 'Location > Create',
				},
			};
			const described = builtDescriptions()
				.filter((d) => perItem[d.name])
				.sort((x, y) => x.properties.length - y.properties.length);
			const [smallest, largest] = [described[0], described[described.length - 1]];
			const bench = (label, d) => node(label, `${PKG}.${d.name}`, perItem[d.name].parameters, { credentials: perItem[d.name].credentials });
			const a = imported(workflow('benchSize500Sm01', itemsNodes(500), [[bench('Smallest', smallest)], [bench('Largest', largest)]]));
			const b = imported(workflow('benchSize500Lg01', itemsNodes(500), [[bench('Largest', largest)], [bench('Smallest', smallest)]]));
			log('3/6 smallest vs largest node x 500...');
			const { times, json } = await execute(uf, [a, b]);
			for (const n of ['Smallest', 'Largest']) if (outputOf(json, n).length !== 500) throw new Error(`${n}: ${outputOf(json, n).length} items`);
			const s = median(times.Smallest);
			const l = median(times.Largest);
			const shape = (d) => `${d.displayName}, ${d.properties.length} properties, ${(JSON.stringify(d).length / 1024).toFixed(0)} KB, ${perItem[d.name].what}`;
			report(`3. One request per item x 500: smallest node (${shape(smallest)}) ${fmt(s)}, largest (${shape(largest)}) ${fmt(l)} -> ${ratio(Math.max(s, l), Math.min(s, l))} apart (target <= 1.2x)`);
		}

		// 4. real API latency: every answer 100 ms late
		if (want(4)) {
			const lateCred = cred('kwigaApi', 'benchKwigaLate01');
			const pkg = kwigaGet('Kwiga', lateCred);
			const httpGet = httpRequestNode('HTTP Request', `={{ '${latentHttpUrl}/contacts/' + $json.id }}`, 'kwigaApi', 'benchKwigaLate02');
			const a = imported(workflow('benchLateGetPkg1', itemsNodes(1000), [[pkg], [httpGet]]));
			const b = imported(workflow('benchLateGetHtp1', itemsNodes(1000), [[httpGet], [pkg]]));
			log(`4/6 ${LATENCY_MS} ms latency: Get x 1,000...`);
			latent.reset();
			const { times, json } = await execute(uf, [a, b]);
			const out = outputOf(json, 'Kwiga');
			if (out.length !== 1000 || out.some((i) => i.json.error || i.json.id === undefined)) throw new Error(`Kwiga Get: ${out.length} items, first ${JSON.stringify(out[0]?.json)}`);
			const reached = latent.stats.peakInFlight;
			const bare = await bareLoop(latentUrl, Array.from({ length: 1000 }, (_, i) => `/contacts/${i + 1}`), { concurrency: reached, headers: { token: TOKEN, 'cabinet-hash': CABINET } });
			const p = median(times.Kwiga);
			const h = median(times['HTTP Request']);
			report(
				`4a. ${LATENCY_MS} ms latency, Get by ID x 1,000 items: package ${fmt(p)} (up to ${reached} in flight), HTTP Request node ${fmt(h)} (up to ${latentHttp.stats.peakInFlight} in flight) -> ${ratio(p, h)} the HTTP Request node (target <= 1.0x); bare http loop (${reached} in flight) ${fmt(bare.ms)} -> package ${ratio(p, bare.ms)} the bare loop`,
			);

			const pkgWf = imported(workflow('benchLateAllPkg1', [manual], [[kwigaAll(lateCred)]]));
			const httpWf = imported(workflow('benchLateAllHtp1', [manual], [[httpPages(latentHttpUrl, 'benchKwigaLate02'), node('Split Out', 'n8n-nodes-base.splitOut', { fieldToSplitOut: 'data', options: {} })]]));
			log(`4/6 ${LATENCY_MS} ms latency: Return All over 20,000 records...`);
			latent.reset();
			const pa = await execute(uf, [pkgWf]);
			const ha = await execute(uf, [httpWf]);
			const got = outputOf(pa.json, 'Kwiga');
			const split20k = outputOf(ha.json, 'Split Out').length;
			if (got.length !== CONTACTS || split20k !== CONTACTS) throw new Error(`records out: package ${got.length}, HTTP Request + Split Out ${split20k}; expected ${CONTACTS}`);
			if (got.some((item, i) => item.json.id !== CONTACTS - i)) throw new Error('package: records out of page order');
			const pm = median(pa.times.Kwiga);
			const hm = median(ha.times['HTTP Request']);
			const hs = median(ha.times['Split Out']);
			report(
				`4b. ${LATENCY_MS} ms latency, Return All over ${CONTACTS.toLocaleString('en')} records (200 pages of 100): package ${fmt(pm)} (pages in page order, up to ${latent.stats.peakInFlight} in flight), HTTP Request pagination ${fmt(hm)} + Split Out ${fmt(hs)} = ${fmt(hm + hs)} -> ${ratio(pm, hm + hs)} (target <= 0.3x)`,
			);
		}

		// 5. 100 ms latency, 429 above 10 in flight
		if (want(5)) {
			const byDefault = kwigaGet('Default concurrency', cred('kwigaApi', 'benchKwigaRate01'));
			const pushed = kwigaGet('Concurrency 20', cred('kwigaApi', 'benchKwigaRate02'), { concurrency: 20 });
			// the reference: exactly as many in flight as the server allows, through n8n
			const exact = kwigaGet('Concurrency 10', cred('kwigaApi', 'benchKwigaRate03'), { concurrency: RATE_LIMIT });
			const wf = imported(workflow('benchRate1000001', itemsNodes(1000), [[byDefault], [pushed], [exact]]));
			log('5/6 1,000 items against a rate-limited server...');
			for (const server of [limited, limited20, limited10]) server.reset();
			const { times, json } = await execute(uf, [wf], { runs: 1 });
			const failed = (n) => outputOf(json, n).filter((i) => i.json.error).length;
			// what 10 in flight allow: 1,000 answers of 100 ms, 10 at a time (on the wire), and through n8n
			const ideal = (1000 * LATENCY_MS) / RATE_LIMIT;
			const d = times['Default concurrency'][0];
			const c = times['Concurrency 20'][0];
			const e = times['Concurrency 10'][0];
			const pct = (ms) => `${((100 * ideal) / ms).toFixed(0)}% / ${((100 * e) / ms).toFixed(0)}%`;
			report(
				`5. 1,000 items, ${LATENCY_MS} ms latency, 429 above ${RATE_LIMIT} in flight; throughput as a share of 10 in flight on the wire (${fmt(ideal)}) / through n8n (Concurrency 10: ${fmt(e)}, ${failed('Concurrency 10')} failed, ${limited10.stats.throttled} answers 429), target >= 80%: default ${fmt(d)} = ${pct(d)}, ${failed('Default concurrency')} failed, ${limited.stats.throttled} answers 429; Concurrency 20 ${fmt(c)} = ${pct(c)}, ${failed('Concurrency 20')} failed, ${limited20.stats.throttled} answers 429`,
			);
		}

		// 6. what the package costs n8n at start-up, and what the editor downloads
		if (want(6)) {
			const bare = cli.makeUserFolder({ prefix: 'cs-bench-bare-' });
			const startMs = async (folder) => {
				const times = [];
				await (await cli.startN8n(folder)).stop(); // the first start of a folder sets the instance up
				for (let r = 0; r < RUNS; r++) {
					const srv = await cli.startN8n(folder);
					times.push(srv.startMs);
					await srv.stop();
				}
				return median(times);
			};
			log('6/6 n8n start-up with and without the package...');
			const without = await startMs(bare);
			const withPkg = await startMs(uf);
			cli.removeUserFolder(bare);
			const sizes = builtDescriptions().map((d) => `${d.displayName} ${(JSON.stringify(d).length / 1024).toFixed(0)} KB`);
			report(`6. n8n start-up to "Editor is now accessible": without the package ${fmt(without)}, with it ${fmt(withPkg)} (${withPkg >= without ? '+' : '-'}${fmt(Math.abs(withPkg - without))}); node descriptions (JSON): ${sizes.join(', ')}`);
		}
	} finally {
		for (const s of servers) s.close();
		await Promise.all(servers.map((s) => s.stop()));
		cli.removeUserFolder(uf);
		fs.rmSync(work, { recursive: true, force: true });
	}
	const out = path.join(__dirname, 'results.txt');
	fs.writeFileSync(out, `${lines.join('\n')}\n`);
	log(`written to ${path.relative(process.cwd(), out)}`);
}

main().catch((e) => {
	process.stderr.write(`${e.stack || e}\n`);
	process.exit(1);
});
