#!/usr/bin/env node
// @ts-check
'use strict';
/**
 * `npm run test:e2e`: the package inside a real n8n (Node 24, installed once by scripts/n8n-runtime.js:
 * 2.41.1, or the version in COURSE_STACK_N8N_VERSION; .ci/run runs every tested version), driven by
 * the n8n CLI, against the vendor sandboxes (scripts/sandbox.js).
 *
 *   1. `npm pack` (building first when dist/ is missing, or with --build), install the tarball into
 *      a fresh user folder the way n8n's Community Nodes installer does.
 *   2. n8n loads every node of the package with no loader error (`n8n export:nodes`).
 *   3. per vendor, one workflow (import:credentials + import:workflow, `n8n execute --id --rawOutput`):
 *      Get Many with Return All across several pages, a create with a body, a failing call with
 *      Continue On Fail (error item); an Academy of Mine PDF download comes out as binary data; the
 *      Academy of Mine example workflow runs on routes from the API description named in its credential.
 *   4. Provi Trigger: publish:workflow, `n8n start` on a free port (registers the webhook with the
 *      Provi sandbox), a signed delivery to the production URL is recorded as an execution, a forged
 *      one gets 401 and no execution, the same delivery again and an array body start none (the
 *      replay memory is saved in static data). In the same n8n the Academy of Mine Trigger registers
 *      its webhook with a secret, a delivery carrying it is recorded, a wrong or missing one gets 401;
 *      the Kwiga Trigger polls (a new contact, then one its sandbox shows a poll late, dated before
 *      it: each starts one execution). Also: every credential type of the package is loaded.
 *   Templates (scripts/templates.js): every workflow of templates/ is imported with the sandbox
 *      credentials; the scheduled ones run with `n8n execute`, the webhook ones get a delivery and the
 *      polling one a new contact in the running n8n; each check asserts the effect at the sandboxes.
 *   5. the official community package scanner's ESLint rules on the sources and the packed tarball
 *      (scripts/scan-package.mjs).
 *   6. in that running n8n, the editor in headless Chromium (scripts/browser.js): each example
 *      workflow runs, its node shows the items, dropdowns and resource locators load; each template
 *      renders with every node's icon.
 *
 * Prints one line per check and `N passed, N failed` last; exits 1 on any failure.
 * Options: --build (rebuild first), --keep (keep the temp user folder), --only=a,b (check-name
 * substrings), --queue (the package in n8n's queue mode instead: scripts/queue.js), env
 * COURSE_STACK_N8N_LOG_LEVEL=debug for chattier n8n.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawnSync } = require('child_process');
const { pathToFileURL } = require('url');

const { ensureRuntime } = require('./n8n-runtime');
const cli = require('./n8n-cli');
const sandbox = require('./sandbox');
const { exampleWorkflow, importWorkflows, proviTriggerWorkflow } = require('./examples');
const { buildIfNeeded, loadBuilt, packInto } = require('./package-files');

const REPO = path.resolve(__dirname, '..');
const PKG_JSON = require('../package.json');
const PKG = PKG_JSON.name;
const T0 = Date.now();
const args = process.argv.slice(2);
const KEEP = args.includes('--keep');
const ONLY = (args.find((a) => a.startsWith('--only=')) || '').slice(7).split(',').filter(Boolean);
const QUEUE = args.includes('--queue'); // n8n queue mode instead (scripts/queue.js), under /tmp/n8n.lock
if (QUEUE) require('./queue').underLock();

const results = [];
const secs = (ms) => `${(ms / 1000).toFixed(1)}s`;

function say(line) {
	process.stdout.write(`${line}\n`);
}

/** Runs one check; `fn` returns an optional detail string, throws on failure. */
async function check(name, fn) {
	if (ONLY.length && !ONLY.some((o) => name.toLowerCase().includes(o.toLowerCase()))) return;
	const t0 = Date.now();
	try {
		const detail = await fn();
		results.push({ name, ok: true, ms: Date.now() - t0 });
		say(`PASS  ${name} (${secs(Date.now() - t0)})${detail ? ` - ${detail}` : ''}`);
	} catch (e) {
		results.push({ name, ok: false, ms: Date.now() - t0, error: e.message });
		say(`FAIL  ${name} (${secs(Date.now() - t0)}) - ${String(e.message).split('\n').slice(0, 25).join('\n        ')}`);
	}
}

function skip(name, reason) {
	results.push({ name, skipped: true });
	say(`SKIP  ${name} - ${reason}`);
}

function assert(cond, msg) {
	if (!cond) throw new Error(msg);
}

function log(msg) {
	process.stderr.write(`[e2e +${secs(Date.now() - T0)}] ${msg}\n`);
}

// ----------------------------------------------------------------- package ---

function pack(work) {
	const tgz = packInto(work);
	const extracted = path.join(work, 'extracted');
	fs.mkdirSync(extracted, { recursive: true });
	const x = spawnSync('tar', ['-xzf', tgz, '-C', extracted, '--strip-components=1'], { encoding: 'utf8' });
	if (x.status !== 0) throw new Error(`tar failed: ${x.stderr}`);
	return { tgz, extracted };
}

/** Node type names and credential names the package declares (from its built files). */
function declaredTypes() {
	return {
		nodes: PKG_JSON.n8n.nodes.map((f) => `${PKG}.${loadBuilt(f).description.name}`).sort(),
		credentials: PKG_JSON.n8n.credentials.map((f) => loadBuilt(f).name).sort(),
	};
}

// --------------------------------------------------------------- workflows ---

const rl = (value) => ({ __rl: true, mode: 'id', value: String(value) });
const TRIGGER = 'Manual Trigger';

/**
 * Per vendor: the three nodes of its workflow and how to judge them. Each `verify` gets the node's
 * output items and the requests the mock received during this run.
 */
const SCENARIOS = {
	kwiga: {
		node: 'kwiga',
		getMany: {
			parameters: { resource: 'contact', operation: 'getAll', returnAll: true, filters: {} },
			verify: (items, reqs, v) => {
				const total = v.data.contacts.length;
				const pages = reqs.filter((r) => r.method === 'GET' && r.path === '/contacts');
				assert(items.length === total, `expected ${total} contacts, got ${items.length}`);
				assert(new Set(items.map((i) => i.id)).size === total, 'duplicate contacts');
				assert(pages.length >= 2, `expected several pages, the sandbox saw ${pages.length} GET /contacts`);
				return `${items.length} contacts in ${pages.length} pages (${pages.map((r) => r.rawQuery).join(' | ')})`;
			},
		},
		create: {
			parameters: { resource: 'contactList', operation: 'create', title: 'E2E students', additionalFields: { description: 'Created by npm run test:e2e' } },
			verify: (items, reqs) => {
				const post = reqs.find((r) => r.method === 'POST' && r.path === '/mailing/contact-lists');
				assert(post, 'the sandbox saw no POST /mailing/contact-lists');
				assert(post.body && post.body.title === 'E2E students' && post.body.description === 'Created by npm run test:e2e', `unexpected body ${JSON.stringify(post.body)}`);
				assert(items.length === 1 && items[0].title === 'E2E students', `unexpected output ${JSON.stringify(items).slice(0, 300)}`);
				return `POST /mailing/contact-lists ${JSON.stringify(post.body)} -> id ${items[0].id}`;
			},
		},
		fail: {
			parameters: { resource: 'contact', operation: 'get', contact: rl(1) },
			httpCode: '404',
		},
	},
	provi: {
		node: 'provi',
		getMany: {
			parameters: { resource: 'sale', operation: 'getAll', returnAll: true, filters: {} },
			verify: (items, reqs, v) => {
				const total = v.data.sales.length;
				const pages = reqs.filter((r) => r.method === 'GET' && r.path === '/v4/sales');
				assert(items.length === total, `expected ${total} sales, got ${items.length}`);
				assert(pages.length >= 2, `expected several pages, the sandbox saw ${pages.length} GET /v4/sales`);
				return `${items.length} sales in ${pages.length} pages (${pages.map((r) => r.rawQuery).join(' | ')})`;
			},
		},
		create: {
			parameters: {
				resource: 'course',
				operation: 'create',
				macroAreaId: 1,
				microAreaId: 14,
				name: 'E2E Course',
				description: 'Created by npm run test:e2e',
				priceInCents: 199900,
				workload: 120,
				hasSelectionProcess: false,
				visible: true,
				additionalFields: { internalPartnerProductId: 'E2E-SKU' },
			},
			verify: (items, reqs) => {
				const post = reqs.find((r) => r.method === 'POST' && r.path === '/v4/courses');
				assert(post, 'the sandbox saw no POST /v4/courses');
				const b = post.body || {};
				assert(b.name === 'E2E Course' && b.priceInCents === 199900 && b.internalPartnerProductId === 'E2E-SKU', `unexpected body ${JSON.stringify(b)}`);
				assert(items.length === 1 && items[0].name === 'E2E Course', `unexpected output ${JSON.stringify(items).slice(0, 300)}`);
				return `POST /v4/courses ${JSON.stringify(b)} -> id ${items[0].id}`;
			},
		},
		fail: {
			parameters: { resource: 'course', operation: 'get', courseId: 1 },
			httpCode: '404',
		},
	},
	psbHosting: {
		node: 'psbHosting',
		getMany: {
			parameters: { resource: 'ticket', operation: 'getAll', returnAll: true },
			verify: (items, reqs, v) => {
				const total = v.data.tickets.length;
				const pages = reqs.filter((r) => r.method === 'GET' && r.path === '/tickets');
				assert(items.length === total, `expected ${total} tickets, got ${items.length}`);
				assert(pages.length >= 2, `expected several pages, the sandbox saw ${pages.length} GET /tickets`);
				return `${items.length} tickets in ${pages.length} pages (${pages.map((r) => r.rawQuery).join(' | ')})`;
			},
		},
		create: {
			parameters: {
				resource: 'ticket',
				operation: 'create',
				title: 'E2E: server does not boot',
				type: 'Технический отдел',
				department: 'Технический отдел',
				message: 'Hello from npm run test:e2e',
				binaryPropertyNames: '',
				additionalFields: { orderIds: [25284] },
			},
			verify: (items, reqs, v) => {
				const post = reqs.find((r) => r.method === 'POST' && r.path === '/tickets');
				assert(post, 'the sandbox saw no POST /tickets');
				const form = v.module.formFields ? v.module.formFields(post) : post.body || {};
				assert(form.title === 'E2E: server does not boot' && form.message === 'Hello from npm run test:e2e', `unexpected form ${JSON.stringify(form)}`);
				assert(items.length === 1 && items[0].title === 'E2E: server does not boot', `unexpected output ${JSON.stringify(items).slice(0, 300)}`);
				return `POST /tickets (${String(post.headers['content-type']).split(';')[0]}) ${JSON.stringify(form)} -> id ${items[0].id}`;
			},
		},
		fail: {
			parameters: { resource: 'order', operation: 'get', orderId: rl(1) },
			httpCode: '404',
		},
	},
	rempCrm: {
		node: 'rempCrm',
		getMany: null, // the REMP CRM node has one operation (Coupon > Activate); there is no list endpoint
		create: {
			parameters: { resource: 'coupon', operation: 'activate', code: 'SUMMER-2026-PROMO', notifyUser: true },
			verify: (items, reqs) => {
				const post = reqs.find((r) => r.method === 'POST' && r.path === '/api/v1/coupon/activate');
				assert(post, 'the sandbox saw no POST /api/v1/coupon/activate');
				assert(post.body && post.body.code === 'SUMMER-2026-PROMO', `unexpected body ${JSON.stringify(post.body)}`);
				assert(items.length === 1 && items[0].subscription_id, `unexpected output ${JSON.stringify(items).slice(0, 300)}`);
				return `POST /api/v1/coupon/activate ${JSON.stringify(post.body)} -> subscription ${items[0].subscription_id}`;
			},
		},
		fail: {
			parameters: { resource: 'coupon', operation: 'activate', code: 'NO-SUCH-COUPON', notifyUser: false },
			httpCode: '404',
		},
	},
	academyOfMine: {
		node: 'academyOfMine',
		getMany: {
			parameters: { resource: 'announcement', operation: 'announcementTabularList', returnAll: true },
			verify: (items, reqs) => {
				const pages = reqs.filter((r) => r.method === 'GET' && r.path === '/api/announcements');
				assert(pages.length >= 1 && pages.every((r) => r.query.page_number && r.query.page_size), `pages ${pages.map((r) => r.rawQuery).join(' | ')}`);
				assert(items.length >= 1 && items.every((i) => i.id !== undefined), `unexpected output ${JSON.stringify(items).slice(0, 300)}`);
				return `${items.length} announcements in ${pages.length} page(s) (${pages.map((r) => r.rawQuery).join(' | ')})`;
			},
		},
		create: {
			parameters: { resource: 'badge', operation: 'createANewBadge', title: 'E2E badge', points: 5, badgeIconUrl: 'https://example.com/e2e.png', additionalFields: {} },
			verify: (items, reqs) => {
				const post = reqs.find((r) => r.method === 'POST' && r.path === '/api/badges');
				assert(post, 'the sandbox saw no POST /api/badges');
				assert(post.body && post.body.title === 'E2E badge' && post.body.points === 5, `unexpected body ${JSON.stringify(post.body)}`);
				assert(items.length === 1, `unexpected output ${JSON.stringify(items).slice(0, 300)}`);
				return `POST /api/badges ${JSON.stringify(post.body)} -> ${JSON.stringify(items[0]).slice(0, 80)}`;
			},
		},
		fail: {
			parameters: { resource: 'customRequest', operation: 'send', method: 'GET', path: '/no-such-route' },
			httpCode: '404',
		},
	},
};

const STEP_NAMES = { getMany: 'Get Many (Return All)', create: 'Create', fail: 'Failing Call' };

function vendorWorkflow(v, credId) {
	const sc = SCENARIOS[v.key];
	const nodes = [{ id: 't', name: TRIGGER, type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} }];
	const targets = [];
	let y = -200;
	for (const step of ['getMany', 'create', 'fail']) {
		if (!sc[step]) continue;
		const name = STEP_NAMES[step];
		nodes.push({
			id: step,
			name,
			type: `${PKG}.${sc.node}`,
			typeVersion: 1,
			position: [300, (y += 200)],
			parameters: sc[step].parameters,
			credentials: { [v.credentialType]: { id: credId, name: `${v.name} e2e` } },
			...(step === 'fail' ? { onError: 'continueRegularOutput' } : {}),
		});
		targets.push({ node: name, type: 'main', index: 0 });
	}
	return {
		id: `e2e${v.key[0].toUpperCase()}${v.key.slice(1)}`.slice(0, 16).padEnd(16, '0'),
		name: `e2e ${v.name}`,
		nodes,
		connections: { [TRIGGER]: { main: [targets] } },
		settings: { executionOrder: 'v1' },
	};
}

/** Raw run of a node: { items, error } (error = the node run's error). */
function nodeRun(json, nodeName) {
	const data = json && json.data && json.data.resultData ? json.data : json;
	const run = data && data.resultData && data.resultData.runData && data.resultData.runData[nodeName];
	if (!run || !run[0]) return { missing: true, items: [] };
	const r = run[0];
	return { items: ((r.data && r.data.main && r.data.main[0]) || []).map((i) => i.json), error: r.error };
}

function httpPost(url, body, headers = {}) {
	return cli.httpPost(url, JSON.stringify(body), { 'content-type': 'application/json', ...headers });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// -------------------------------------------------------------------- main ---

async function main() {
	log('ensuring the n8n runtime (one-time install if missing)...');
	const rt = ensureRuntime();
	log(`runtime: n8n ${rt.n8nVersion} on node ${rt.nodeVersion}, at ${rt.n8nDir}`);
	if (Object.keys(rt.standIns).length) log(`the registry lacked some of n8n ${rt.n8nVersion}'s own packages; installed in their place: ${JSON.stringify(rt.standIns)}`);
	const built = buildIfNeeded({ force: args.includes('--build'), log });
	const work = fs.mkdtempSync(path.join(os.tmpdir(), 'cs-e2e-'));
	const { tgz, extracted } = pack(work);
	log(`packed ${path.basename(tgz)}${built ? ' (after building)' : ''}`);

	const sb = await sandbox.start({ ports: 'random', quiet: true });
	for (const s of sb.skipped) log(`sandbox ${s.name} unavailable: ${s.reason}`);
	log(`sandboxes: ${sb.vendors.map((v) => `${v.name} ${v.url}`).join(', ')}`);

	const uf = cli.makeUserFolder({ prefix: 'cs-e2e-uf-' });
	log(`user folder ${uf}`);
	/** @type {import('./n8n-cli').N8nServer | undefined} */
	let srv;
	try {
		await check('install the packed tarball like n8n\'s Community Nodes installer', async () => {
			const inst = cli.installPackage(uf, tgz);
			const files = fs.readdirSync(inst.dir);
			assert(files.includes('package.json') && files.includes('dist'), `unexpected package contents ${files.join(',')}`);
			return `${inst.name}@${inst.version} -> ${path.relative(uf, inst.dir)}`;
		});

		const declared = declaredTypes();
		await check('n8n loads every node of the package with no loader error', async () => {
			const t = cli.listLoadedNodeTypes(uf, { prefix: `${PKG}.` });
			const missing = declared.nodes.filter((n) => !t.names.includes(n));
			assert(!missing.length, `not loaded: ${missing.join(', ')}; loaded: ${t.names.join(', ')}\n${t.errors.join('\n')}`);
			assert(!t.errors.length, `loader errors:\n${t.errors.join('\n')}`);
			return `${t.names.length} node types: ${t.names.map((n) => n.slice(PKG.length + 1)).join(', ')}`;
		});

		// credentials + workflows, one import call each
		const creds = sb.vendors.map((v) => ({ id: `e2eCred${v.key}`.slice(0, 16).padEnd(16, '0'), name: `${v.name} e2e`, type: v.credentialType, data: v.credentialData }));
		const credId = (v) => creds[sb.vendors.indexOf(v)].id;
		const proviV = sb.byKey('provi');
		const webhookId = '6b3c0a52-3c3e-4e5f-9d1e-0e2e0e2e0001';
		const triggerWf =
			proviV &&
			proviTriggerWorkflow({ id: 'e2eProviTrigger1', name: 'e2e Provi Trigger', webhookId, credential: { id: credId(proviV), name: `${proviV.name} e2e` } });
		// a polling trigger, active in the running n8n: Kwiga Trigger, New Contact, every minute
		const kwigaV = sb.byKey('kwiga');
		const pollWf = kwigaV && {
			id: 'e2eKwigaTrigger1',
			name: 'e2e Kwiga Trigger',
			nodes: [
				{
					id: 'kt',
					name: 'Kwiga Trigger',
					type: `${PKG}.kwigaTrigger`,
					typeVersion: 1,
					position: [0, 0],
					parameters: { event: 'newContact', pollTimes: { item: [{ mode: 'everyMinute' }] } },
					credentials: { kwigaApi: { id: credId(kwigaV), name: `${kwigaV.name} e2e` } },
				},
			],
			connections: {},
			settings: { executionOrder: 'v1' },
		};
		// Academy of Mine Trigger: registers one webhook per event, each URL carrying its own secret
		const aomV = sb.byKey('academyOfMine');
		const aomWf = aomV && {
			id: 'e2eAomTrigger001',
			name: 'e2e Academy of Mine Trigger',
			nodes: [
				{
					id: 'at',
					name: 'Academy of Mine Trigger',
					type: `${PKG}.academyOfMineTrigger`,
					typeVersion: 1,
					position: [0, 0],
					webhookId: '6b3c0a52-3c3e-4e5f-9d1e-0e2e0e2e0002',
					parameters: { events: ['new_order'] },
					credentials: { academyOfMineApi: { id: credId(aomV), name: `${aomV.name} e2e` } },
				},
			],
			connections: {},
			settings: { executionOrder: 'v1' },
		};
		let imported = false;
		await check('import:credentials + import:workflow (sandbox credentials, one workflow per vendor)', async () => {
			cli.importCredentials(uf, creds);
			const wfs = sb.vendors.map((v) => vendorWorkflow(v, credId(v)));
			if (triggerWf) wfs.push(triggerWf);
			if (pollWf) wfs.push(pollWf);
			if (aomWf) wfs.push(aomWf);
			importWorkflows(cli, uf, wfs);
			const rows = cli.querySqlite(uf, 'SELECT id FROM workflow_entity');
			const missing = wfs.filter((w) => !rows.some((r) => r.id === w.id));
			assert(!missing.length, `workflows not in the database: ${missing.map((w) => w.id).join(', ')}`);
			imported = true;
			return `${creds.length} credentials, ${wfs.length} workflows`;
		});

		for (const v of sb.vendors) {
			const sc = SCENARIOS[v.key];
			const wf = vendorWorkflow(v, credId(v));
			let ex;
			let runError;
			const before = v.server.requests.length;
			if (imported) {
				try {
					const t0 = Date.now();
					ex = await cli.executeWorkflowRaw(uf, wf.id, { timeoutMs: 240000 });
					log(`${v.name}: n8n execute --id=${wf.id} exit ${ex.status} in ${secs(Date.now() - t0)}`);
				} catch (e) {
					runError = e;
				}
			}
			const reqs = v.server.requests.slice(before);
			const stepCheck = (step, judge) =>
				check(`${v.name}: ${STEP_NAMES[step]}`, async () => {
					if (!imported) throw new Error('workflows were not imported');
					if (runError) throw runError;
					if (!ex.json) throw new Error(`no --rawOutput JSON (exit ${ex.status}):\n${ex.stdout.split('\n').slice(-20).join('\n')}\n${ex.stderr.split('\n').slice(-20).join('\n')}`);
					const run = nodeRun(ex.json, STEP_NAMES[step]);
					if (run.missing) {
						const err = ex.json.data && ex.json.data.resultData && ex.json.data.resultData.error;
						throw new Error(`node "${STEP_NAMES[step]}" did not run${err ? `: ${err.message}` : ''}`);
					}
					return judge(run);
				});
			if (sc.getMany) {
				await stepCheck('getMany', (run) => {
					if (run.error) throw new Error(`node error: ${run.error.message} ${run.error.description || ''}`);
					return sc.getMany.verify(run.items, reqs, v);
				});
			} else skip(`${v.name}: ${STEP_NAMES.getMany}`, 'the node has no list operation (REMP CRM coupon module: Activate only)');
			await stepCheck('create', (run) => {
				if (run.error) throw new Error(`node error: ${run.error.message} ${run.error.description || ''}`);
				return sc.create.verify(run.items, reqs, v);
			});
			await stepCheck('fail', (run) => {
				if (run.error) throw new Error(`Continue On Fail did not apply, the node failed: ${run.error.message}`);
				assert(run.items.length === 1, `expected 1 error item, got ${run.items.length}: ${JSON.stringify(run.items).slice(0, 300)}`);
				const it = run.items[0];
				assert(typeof it.error === 'string' && it.error, `no "error" in the item: ${JSON.stringify(it).slice(0, 300)}`);
				assert(!sc.fail.httpCode || String((it.details || {}).httpCode) === sc.fail.httpCode, `expected HTTP ${sc.fail.httpCode}: ${JSON.stringify(it).slice(0, 300)}`);
				assert(ex.json.status === undefined || ex.json.status === 'success', `workflow status ${ex.json.status}`);
				return `error item: ${JSON.stringify(it).slice(0, 160)}`;
			});
		}
		// Academy of Mine: a file download comes out as n8n binary data
		if (aomV) {
			await check('Academy of Mine: Download the PDF invoice of an order gives binary data with file name and MIME type', async () => {
				if (!imported) throw new Error('workflows were not imported');
				const wf = {
					id: 'e2eAomDownload01',
					name: 'e2e Academy of Mine download',
					nodes: [
						{ id: 't', name: TRIGGER, type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
						{
							id: 'd',
							name: 'Download',
							type: `${PKG}.academyOfMine`,
							typeVersion: 1,
							position: [300, 0],
							parameters: { resource: 'ecommerceOrder', operation: 'downloadThePdfInvoiceForASpecificOrder', orderId: rl(1), binaryPropertyName: 'invoice' },
							credentials: { academyOfMineApi: { id: credId(aomV), name: `${aomV.name} e2e` } },
						},
					],
					connections: { [TRIGGER]: { main: [[{ node: 'Download', type: 'main', index: 0 }]] } },
					settings: { executionOrder: 'v1' },
				};
				importWorkflows(cli, uf, [wf]);
				const ex = await cli.executeWorkflowRaw(uf, wf.id, { timeoutMs: 240000 });
				const run = ex.json && ex.json.data.resultData.runData.Download;
				const failure = ex.json ? ex.json.data.resultData.error || (run && run[0].error) : { stderr: ex.stderr.slice(-600) };
				assert(run && !failure, `the node failed: ${String(JSON.stringify(failure)).slice(0, 600)}`);
				const item = run[0].data.main[0][0];
				const bin = item.binary && item.binary.invoice;
				assert(bin && bin.mimeType === 'application/pdf' && /\.pdf$/.test(bin.fileName), `binary: ${JSON.stringify(item).slice(0, 300)}`);
				return `${bin.fileName} (${bin.mimeType}, ${item.json.fileSize})`;
			});
		}
		// Academy of Mine: the example workflow against an academy whose routes are its own API
		// description's (the sandbox's /school), through the credential's API Description field alone
		if (aomV) {
			await check('Academy of Mine: the example workflow follows the API description named in the credential', async () => {
				if (!imported) throw new Error('workflows were not imported');
				const cred = {
					id: 'e2eCredAomDescr1',
					name: 'Academy of Mine (API description) e2e',
					type: 'academyOfMineApi',
					data: { ...aomV.credentialData, baseUrl: `${aomV.url}/school`, apiDescription: `${aomV.url}/school/docs/openapi.json` },
				};
				cli.importCredentials(uf, [cred]);
				const example = exampleWorkflow(aomV);
				const wf = { ...example, id: 'e2eAomDescribed1', name: 'e2e Academy of Mine (API description)' };
				wf.nodes = example.nodes.map((n) => (n.credentials ? { ...n, credentials: { academyOfMineApi: { id: cred.id, name: cred.name } } } : n));
				importWorkflows(cli, uf, [wf]);
				const before = aomV.server.requests.length;
				const ex = await cli.executeWorkflowRaw(uf, wf.id, { timeoutMs: 240000 });
				const name = wf.nodes[1].name;
				const run = nodeRun(ex.json, name);
				assert(!run.missing && !run.error, `the node failed: ${JSON.stringify(run.error || ex.stderr.slice(-600)).slice(0, 600)}`);
				const reqs = aomV.server.requests.slice(before).map((r) => `${r.method} ${r.path}`);
				const described = 'GET /school/v1/announcements/announcement-tabular-list';
				assert(reqs.includes('GET /school/docs/openapi.json'), `the description was not read: ${reqs.join(', ')}`);
				assert(reqs.includes(described) && !reqs.some((r) => r === 'GET /school/announcements'), `expected ${described}, got ${reqs.join(', ')}`);
				assert(run.items.length >= 1, `no items: ${JSON.stringify(run.items).slice(0, 300)}`);
				return `${reqs.join(', ')} -> ${run.items.length} item(s)`;
			});
		}
		// a vendor whose node ships in the package but whose sandbox cannot run is a failure
		for (const s of sb.skipped) {
			await check(`${s.name}: workflow checks`, async () => {
				throw new Error(`sandbox unavailable: ${s.reason}`);
			});
		}

		// ---- the ready-made workflows of templates/ (scripts/templates.js): the manual ones run now,
		// the triggered ones are published for the n8n start below
		const templateChecks = require('./templates').e2eChecks({
			cli,
			uf,
			sb,
			creds: Object.fromEntries(creds.map((c) => [c.type, { id: c.id, name: c.name }])),
			check,
			assert,
			importWorkflows,
		});
		if (imported) await templateChecks.beforeStart();

		// ---- webhook trigger in a running n8n
		if (!proviV) {
			await check('Provi Trigger: signed delivery recorded, forged delivery refused', async () => {
				throw new Error('Provi sandbox unavailable');
			});
		} else {
			let started = false;
			let hookUrl;
			let signature;
			await check('Provi Trigger: activation (publish:workflow; 1.x: update:workflow) + n8n start registers the webhook with the Provi sandbox', async () => {
				if (!imported) throw new Error('workflows were not imported');
				cli.publishWorkflow(uf, triggerWf.id);
				if (pollWf) cli.publishWorkflow(uf, pollWf.id);
				if (aomWf) cli.publishWorkflow(uf, aomWf.id);
				srv = await cli.startN8n(uf, undefined, { timeoutMs: 180000 });
				started = true;
				const mine = proviV.data.preferences.filter((p) => String(p.url).includes(webhookId));
				assert(mine.length === 1, `expected one preference for this webhook at the sandbox, got ${JSON.stringify(mine)}\n${srv.logs().split('\n').slice(-30).join('\n')}`);
				hookUrl = mine[0].url;
				signature = mine[0].signature;
				assert(hookUrl.startsWith(`${srv.url}/webhook/`), `registered URL ${hookUrl} is not the production URL of ${srv.url}`);
				const patch = proviV.server.requests.find((r) => r.method === 'PATCH' && r.path === '/v4/webhook-endpoint');
				assert(patch && patch.body && patch.body.id === mine[0].id, 'no PATCH /v4/webhook-endpoint for the new preference');
				return `n8n up in ${secs(srv.startMs)}; registered ${hookUrl} (events ${JSON.stringify(mine[0].enabledEvents)})`;
			});
			await check('n8n loads every credential type of the package (n8n start)', async () => {
				if (!started || !srv) throw new Error('n8n did not start');
				const errs = cli.loaderErrorsFrom(srv.logs());
				assert(!errs.length, `loader errors in the n8n log:\n${errs.join('\n')}`);
				// what the editor is served at /types/credentials.json (that route needs a login);
				// n8n writes it into <userFolder>/.cache/n8n/public/types when it starts
				const file = path.join(uf, '.cache', 'n8n', 'public', 'types', 'credentials.json');
				assert(fs.existsSync(file), `${file} was not written by n8n start`);
				const types = JSON.parse(fs.readFileSync(file, 'utf8'));
				const missing = declared.credentials.filter((c) => !types.some((t) => t.name === c));
				assert(!missing.length, `credential types not loaded: ${missing.join(', ')}`);
				const unused = declared.credentials.filter((c) => !(types.find((t) => t.name === c).supportedNodes || []).length);
				assert(!unused.length, `credential types no node uses: ${unused.join(', ')}`);
				return declared.credentials
					.map((c) => `${c} (${types.find((t) => t.name === c).supportedNodes.map((n) => n.slice(PKG.length + 1)).join('/')})`)
					.join(', ');
			});
			const delivery = proviV && proviV.module.PROVI_DELIVERY;
			await check('Provi Trigger: a signed delivery to the production webhook URL is recorded as an execution', async () => {
				if (!hookUrl) throw new Error('no webhook registered');
				const res = await httpPost(hookUrl, delivery, { 'x-provi-signature': signature });
				assert(res.status === 200, `POST ${hookUrl} -> ${res.status} ${res.body}`);
				const execs = await cli.waitForExecutions(uf, triggerWf.id, { count: 1, timeoutMs: 30000 });
				assert(execs[0].status === 'success', `execution status ${execs[0].status}`);
				assert(execs[0].mode === 'webhook', `execution mode ${execs[0].mode}`);
				const blob = cli.executionData(uf, execs[0].id);
				assert(blob && String(blob.data).includes(String(delivery.id)) && String(blob.data).includes('made_effective'), 'the execution data does not hold the delivery');
				return `HTTP ${res.status}, execution ${execs[0].id} (${execs[0].mode}, ${execs[0].status})`;
			});
			await check('Provi Trigger: a forged delivery gets 401 and starts no execution', async () => {
				if (!hookUrl) throw new Error('no webhook registered');
				const before = cli.listExecutions(uf, triggerWf.id).length;
				const forged = await httpPost(hookUrl, { id: 1, webhook: 'made_effective' }, { 'x-provi-signature': 'forged-0000-signature' });
				const unsigned = await httpPost(hookUrl, { id: 2, webhook: 'made_effective' });
				assert(forged.status === 401, `forged signature -> HTTP ${forged.status} ${forged.body}`);
				assert(unsigned.status === 401, `no signature -> HTTP ${unsigned.status} ${unsigned.body}`);
				await sleep(2000);
				const after = cli.listExecutions(uf, triggerWf.id).length;
				assert(after === before, `executions went from ${before} to ${after}`);
				return `forged -> 401, unsigned -> 401, executions still ${after}`;
			});
			await check('Provi Trigger: a replayed delivery and a body that is no JSON object start no execution (static data kept by n8n)', async () => {
				if (!hookUrl) throw new Error('no webhook registered');
				const before = cli.listExecutions(uf, triggerWf.id).length;
				const replay = await httpPost(hookUrl, delivery, { 'x-provi-signature': signature });
				const list = await httpPost(hookUrl, [delivery], { 'x-provi-signature': signature });
				// The replay memory lives in the workflow's static data: n8n must have saved it.
				const [{ staticData }] = cli.querySqlite(uf, 'SELECT staticData FROM workflow_entity WHERE id = ?', [triggerWf.id]);
				assert(replay.status === 200 && replay.body.includes('"duplicate":true'), `replay -> HTTP ${replay.status} ${replay.body}; static data ${staticData}`);
				assert(list.status === 400, `array body -> HTTP ${list.status} ${list.body}`);
				await sleep(2000);
				const after = cli.listExecutions(uf, triggerWf.id).length;
				assert(after === before, `executions went from ${before} to ${after}`);
				return `replay -> 200 duplicate, array -> 400, executions still ${after}`;
			});
		}
		// ---- Academy of Mine's webhook trigger in the same running n8n
		if (aomWf) {
			await check('Academy of Mine Trigger: activation registers the webhook with a secret; a delivery with it is recorded, one without it gets 401', async () => {
				if (!srv) throw new Error('n8n did not start');
				const base = `${srv.url}/webhook/`;
				const mine = aomV.data.webhooks.filter((w) => String(w.url).startsWith(`${base}${aomWf.nodes[0].webhookId}/`));
				assert(mine.length === 1, `expected one webhook registered at the sandbox, got ${JSON.stringify(aomV.data.webhooks)}`);
				const url = new URL(mine[0].url);
				assert(/^[\w-]{20,}$/.test(url.searchParams.get('secret') || ''), `no unguessable secret in ${url}`);
				const order = { event: 'new_order', order_id: 4711, total: '49.00' };
				const ok = await httpPost(url.href, order);
				assert(ok.status === 200, `POST with the secret -> HTTP ${ok.status} ${ok.body}`);
				const execs = await cli.waitForExecutions(uf, aomWf.id, { count: 1, timeoutMs: 30000 });
				assert(execs[0].status === 'success', `execution status ${execs[0].status}`);
				const blob = cli.executionData(uf, execs[0].id);
				assert(blob && String(blob.data).includes('4711'), 'the execution data does not hold the delivery');
				url.searchParams.set('secret', 'guessed-secret-000000000');
				const forged = await httpPost(url.href, order);
				url.searchParams.delete('secret');
				const bare = await httpPost(url.href, order);
				assert(forged.status === 401 && bare.status === 401, `wrong secret -> ${forged.status}, no secret -> ${bare.status}`);
				await sleep(2000);
				const after = cli.listExecutions(uf, aomWf.id).length;
				assert(after === 1, `executions: ${after}`);
				return `registered ${mine[0].eventList || mine[0].events}; with the secret -> 200 and execution ${execs[0].id}; wrong or no secret -> 401`;
			});
		}
		// ---- polling trigger in the same running n8n
		if (pollWf) {
			await check('Kwiga Trigger: a contact created after activation starts one execution with just that contact (polling, up to a minute)', async () => {
				if (!srv) throw new Error('n8n did not start');
				// activation ran a first poll (cursor set, nothing emitted); now a contact appears
				const newest = kwigaV.data.contacts[0];
				const created = { ...newest, id: 990001, email: 'e2e-new-contact@example.com', created_at: new Date().toISOString() };
				kwigaV.data.contacts.unshift(created);
				const execs = await cli.waitForExecutions(uf, pollWf.id, { count: 1, timeoutMs: 150000 });
				assert(execs.length === 1, `expected 1 execution, got ${execs.length}`);
				assert(execs[0].status === 'success', `execution status ${execs[0].status}`);
				const blob = String(cli.executionData(uf, execs[0].id).data);
				assert(blob.includes('e2e-new-contact@example.com'), 'the execution does not hold the new contact');
				assert(!blob.includes(newest.email), 'an older contact was emitted too');
				const polls = kwigaV.server.requests.filter((r) => r.path === '/contacts').length;
				return `execution ${execs[0].id} (${execs[0].mode}, ${execs[0].status}) after ${polls} polls of /contacts`;
			});
			await check('Kwiga Trigger: a contact the sandbox shows one poll late, dated 2 s before the newest emitted one, starts exactly one execution', async () => {
				if (!srv) throw new Error('n8n did not start');
				const emitted = kwigaV.data.contacts.find((c) => c.id === 990001);
				if (!emitted) throw new Error('the contact of the previous check is missing');
				const late = { ...emitted, id: 990002, email: 'e2e-late-contact@example.com', created_at: new Date(Date.parse(emitted.created_at) - 2000).toISOString() };
				// a lagging replica: left out of the next poll, shown from the one after
				kwigaV.data.lagging.push({ contact: late, hiddenFor: 1 });
				const reads = () => kwigaV.server.requests.filter((r) => r.path === '/contacts').length;
				const execs = await cli.waitForExecutions(uf, pollWf.id, { count: 2, timeoutMs: 240000 });
				const newer = execs.filter((e) => String(cli.executionData(uf, e.id).data).includes('e2e-late-contact@example.com'));
				assert(newer.length === 1, `executions holding the late contact: ${newer.length}`);
				assert(newer[0].status === 'success', `execution status ${newer[0].status}`);
				assert(!String(cli.executionData(uf, newer[0].id).data).includes('e2e-new-contact@example.com'), 'the earlier contact was emitted again');
				// one more poll: nothing new
				const seen = reads();
				const t0 = Date.now();
				while (reads() === seen && Date.now() - t0 < 90000) await sleep(1000);
				await sleep(3000);
				const total = cli.listExecutions(uf, pollWf.id).length;
				assert(total === 2, `executions after one more poll: ${total}`);
				return `execution ${newer[0].id} holds just the late contact; ${reads()} polls of /contacts, ${total} executions`;
			});
		}
		// ---- the templates' deliveries, in the same running n8n
		if (imported) await templateChecks.afterStart(srv);
		// ---- n8n's editor in headless Chromium, against this n8n and these sandboxes
		await require('./browser').browserPass({ url: srv ? srv.url : '', vendors: sb.vendors, check, log, templates: templateChecks.templates });
	} finally {
		if (srv) await srv.stop();
		await sb.stop();
	}

	// ---- official scanner rules
	await check('community package scanner rules: packed tarball (dist .js + package.json)', async () => {
		const { loadScanner, TARBALL_FILE_PATTERNS } = await import(pathToFileURL(path.join(__dirname, 'scan-package.mjs')).href);
		const s = await loadScanner({ log });
		const r = await s.analyzePackage(extracted, TARBALL_FILE_PATTERNS);
		assert(r.passed, `${r.message}\n${r.details || ''}`);
		return s.label;
	});
	await check('community package scanner rules: sources (package.json, nodes/, credentials/)', async () => {
		const { loadScanner, SOURCE_FILE_PATTERNS } = await import(pathToFileURL(path.join(__dirname, 'scan-package.mjs')).href);
		const s = await loadScanner({ log });
		const r = await s.analyzePackage(REPO, SOURCE_FILE_PATTERNS);
		assert(r.passed, `${r.message}\n${String(r.details || '').trim()}`);
		return s.label;
	});

	if (KEEP) log(`kept user folder ${uf} and ${work}`);
	else {
		cli.removeUserFolder(uf);
		fs.rmSync(work, { recursive: true, force: true });
	}
}

(QUEUE ? require('./queue').run({ check, skip, assert, log, buildIfNeeded, pack, SCENARIOS, STEP_NAMES, vendorWorkflow, nodeRun, httpPost }) : main())
	.catch((e) => {
		results.push({ name: 'e2e harness', ok: false, error: e.message });
		say(`FAIL  e2e harness - ${e.stack || e}`);
	})
	.finally(() => {
		const passed = results.filter((r) => r.ok).length;
		const failed = results.filter((r) => r.ok === false).length;
		const skipped = results.filter((r) => r.skipped).length;
		log(`total ${secs(Date.now() - T0)}${skipped ? `, ${skipped} skipped` : ''}`);
		say(`${passed} passed, ${failed} failed`);
		process.exit(failed ? 1 : 0);
	});
