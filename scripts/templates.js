// @ts-check
'use strict';
/**
 * The ready-made workflows of templates/ (n8n's export format): loading them with the sandbox
 * credentials for `npm start` and the browser pass, and their end-to-end checks for
 * `npm run test:e2e` (one self-contained section: `e2eChecks`).
 *
 * A template references each credential by type and name only (`{ id: null, name: "Kwiga API
 * account" }`); `withCredentials` points those at the credentials given per type.
 */
const fs = require('fs');
const path = require('path');

const DIR = path.resolve(__dirname, '..', 'templates');

/**
 * What each template is for, in README order (`file` under templates/), and how the e2e starts it.
 * @type {Array<{ file: string, title: string, start: 'webhook' | 'poll' | 'manual' }>}
 */
const TEMPLATES = [
	{ file: 'paid-sale-to-student.json', title: 'Paid sale → student enrolled', start: 'webhook' },
	{ file: 'new-contact-welcome-offer.json', title: 'New Kwiga contact → welcome offer', start: 'poll' },
	{ file: 'course-completion-follow-up.json', title: 'Course completion → follow-up', start: 'webhook' },
	{ file: 'daily-digest.json', title: 'Daily digest', start: 'manual' },
	{ file: 'nightly-user-export.json', title: 'Nightly export with Return All', start: 'manual' },
];

/** @returns {Array<{ file: string, title: string, start: string, workflow: any }>} */
function readTemplates() {
	return TEMPLATES.map((t) => ({ ...t, workflow: JSON.parse(fs.readFileSync(path.join(DIR, t.file), 'utf8')) }));
}

/**
 * A copy of a template whose credential references point at `creds` (type -> { id, name });
 * types without an entry stay as they are.
 * @param {any} workflow
 * @param {Record<string, { id: string, name: string }>} creds
 */
function withCredentials(workflow, creds) {
	const wf = JSON.parse(JSON.stringify(workflow));
	for (const node of wf.nodes) {
		for (const type of Object.keys(node.credentials || {})) if (creds[type]) node.credentials[type] = { ...creds[type] };
	}
	return wf;
}

// ------------------------------------------------------------------ e2e ---

/** The delivery the e2e sends as Provi's "made effective" for template 1. */
const SALE = {
	id: 558801,
	webhook: 'made_effective',
	cpf: '12312312312',
	checkout_price_in_cents: 10000,
	courses: [{ proviId: 33950, name: 'Full Stack Web 1', price_in_cents: 10000 }],
	userInfo: { name: 'Ana Souza Lima', email: 'student480@example.com' },
};

/**
 * The templates' end-to-end checks, in two halves around `n8n start`:
 *   const t = templates.e2eChecks({ cli, uf, sb, creds, check, assert, importWorkflows });
 *   await t.beforeStart();  // import, run the manual ones with `n8n execute`, publish the others
 *   ...n8n start...
 *   await t.afterStart(srv); // deliveries to the webhook ones, the polling one picks up a contact
 * @param {{ cli: any, uf: string, sb: any, creds: Record<string, { id: string, name: string }>, importWorkflows: Function,
 *   check: (name: string, fn: () => Promise<string | undefined>) => Promise<void>, assert: (c: any, m: string) => void }} o
 */
function e2eChecks({ cli, uf, sb, creds, check, assert, importWorkflows }) {
	// the node's route table (generated), transpiled on load
	require('./aom/load-ts');
	/** @type {typeof import('../nodes/AcademyOfMine/generated/routes').ROUTES} */
	const routes = require(path.join(__dirname, '..', 'nodes', 'AcademyOfMine', 'generated', 'routes.ts')).ROUTES;
	const aomPath = (/** @type {string} */ id, /** @type {Record<string, string>} */ params = {}) =>
		`/api${routes[id].path}`.replace(/\{([^}]+)\}/g, (_, p) => params[p]);
	const all = readTemplates().map((t) => ({ ...t, workflow: withCredentials(t.workflow, creds) }));
	const byFile = (/** @type {string} */ f) => /** @type {any} */ (all.find((t) => t.file === f));
	const v = (/** @type {string} */ key) => sb.byKey(key);
	let imported = false;
	/** @type {number} */
	let kwigaNewest = 0;

	const run = async (/** @type {any} */ t) => {
		const ex = await cli.executeWorkflowRaw(uf, t.workflow.id, { timeoutMs: 240000 });
		assert(ex.json, `no --rawOutput JSON (exit ${ex.status}): ${String(ex.stderr).slice(-600)}`);
		const rd = ex.json.data.resultData;
		const failed = rd.error || Object.entries(rd.runData).find(([, r]) => r[0].error);
		assert(!failed, `the run failed: ${String(JSON.stringify(failed)).slice(0, 600)}`);
		return (/** @type {string} */ node) => rd.runData[node][0].data.main[0];
	};

	async function beforeStart() {
		await check('templates: import:workflow takes every template of templates/ (credentials bound by type)', async () => {
			for (const t of all) {
				const unbound = t.workflow.nodes.filter((/** @type {any} */ n) => !n.disabled && Object.values(n.credentials || {}).some((c) => !c.id));
				assert(!unbound.length, `${t.file}: no sandbox credential for ${unbound.map((/** @type {any} */ n) => n.name).join(', ')}`);
			}
			importWorkflows(cli, uf, all.map((t) => t.workflow));
			const rows = cli.querySqlite(uf, 'SELECT id FROM workflow_entity');
			const missing = all.filter((t) => !rows.some((/** @type {any} */ r) => r.id === t.workflow.id));
			assert(!missing.length, `not imported: ${missing.map((t) => t.file).join(', ')}`);
			imported = true;
			for (const t of all) if (t.start !== 'manual') cli.publishWorkflow(uf, t.workflow.id);
			kwigaNewest = Math.max(...v('kwiga').data.contacts.map((/** @type {any} */ c) => Date.parse(c.created_at)));
			return `${all.length} templates; published ${all.filter((t) => t.start !== 'manual').map((t) => t.file).join(', ')}`;
		});

		await check('templates: Daily digest counts the open PSB Hosting tickets and yesterday\'s Academy of Mine orders into one CSV', async () => {
			assert(imported, 'templates were not imported');
			const psb = v('psbHosting');
			const aom = v('academyOfMine');
			const [psbBefore, aomBefore] = [psb.server.requests.length, aom.server.requests.length];
			const out = await run(byFile('daily-digest.json'));
			const pages = psb.server.requests.slice(psbBefore).filter((/** @type {any} */ r) => r.method === 'GET' && r.path === '/tickets');
			assert(pages.length >= 2, `PSB Hosting: ${pages.length} GET /tickets, expected every page`);
			const yesterday = new Date(Date.now() - 86400000).toISOString().slice(0, 10);
			const orders = aom.server.requests.slice(aomBefore).find((/** @type {any} */ r) => r.path === aomPath('aom.ecommerce-orders.tabular-list'));
			assert(orders, `Academy of Mine: no GET ${aomPath('aom.ecommerce-orders.tabular-list')}`);
			const search = JSON.parse(orders.query.search_param || '{}');
			// the run and this check may straddle midnight UTC; n8n's $today is in the instance's timezone
			assert(Array.isArray(search.dateRange) && search.dateRange.length === 2 && search.dateRange[0] === search.dateRange[1], `search_param ${orders.query.search_param}`);
			const [digest] = out('Digest').map((/** @type {any} */ i) => i.json);
			const open = psb.data.tickets.filter((/** @type {any} */ t) => t.status === 'Открыт').length;
			assert(digest.openTickets === open && digest.orders === 1 && digest.ordersTotal === 100, `digest ${JSON.stringify(digest)}; the sandbox has ${open} open tickets and 1 order of 100.00`);
			const [file] = out('Digest CSV');
			const bin = file.binary && file.binary.data;
			assert(bin && bin.mimeType === 'text/csv' && /^digest-\d{4}-\d{2}-\d{2}\.csv$/.test(bin.fileName), `binary ${String(JSON.stringify(bin)).slice(0, 300)}`);
			return `${pages.length} pages of tickets, orders of ${search.dateRange[0]} (${yesterday} UTC); digest ${JSON.stringify(digest)} -> ${bin.fileName}`;
		});

		await check('templates: Nightly export walks every page of Academy of Mine users (Return All) into one CSV', async () => {
			assert(imported, 'templates were not imported');
			const aom = v('academyOfMine');
			const before = aom.server.requests.length;
			const out = await run(byFile('nightly-user-export.json'));
			const pages = aom.server.requests.slice(before).filter((/** @type {any} */ r) => r.path === aomPath('aom.users.tabular-list'));
			const users = out('All users');
			const total = aom.data.users.length;
			assert(pages.length >= 3 && users.length === total, `${users.length} users in ${pages.length} pages, the sandbox holds ${total}`);
			assert(new Set(users.map((/** @type {any} */ u) => u.json.id)).size === total, 'duplicate users');
			const bin = out('Users CSV')[0].binary.data;
			const csv = bin.data && bin.data !== 'filesystem-v2' ? Buffer.from(bin.data, 'base64').toString('utf8') : '';
			const rows = csv.trim().split('\n').length - 1;
			assert(bin.mimeType === 'text/csv' && (!csv || rows === total), `${bin.fileName} ${bin.mimeType} with ${rows} rows`);
			return `${users.length} users in ${pages.length} pages (${pages.map((/** @type {any} */ r) => r.rawQuery).join(' | ')}) -> ${bin.fileName}${csv ? `, ${rows} rows` : ''}`;
		});
	}

	/** @param {any} srv a running n8n (cli.startN8n) */
	async function afterStart(srv) {
		await check('templates: Paid sale → student enrolled: a Provi delivery creates the Academy of Mine user, enrolls them in the mapped course and tags the Kwiga contact', async () => {
			assert(srv, 'n8n did not start');
			const t = byFile('paid-sale-to-student.json');
			const trigger = t.workflow.nodes.find((/** @type {any} */ n) => n.type.endsWith('.proviTrigger'));
			const pref = v('provi').data.preferences.find((/** @type {any} */ p) => String(p.url).includes(trigger.webhookId));
			assert(pref, 'the Provi Trigger of the template registered no webhook at the Provi sandbox');
			const aom = v('academyOfMine');
			const before = aom.server.requests.length;
			const res = await cli.httpPost(pref.url, JSON.stringify(SALE), { 'content-type': 'application/json', 'x-provi-signature': pref.signature });
			assert(res.status === 200, `delivery -> HTTP ${res.status} ${res.body}`);
			const [exec] = await cli.waitForExecutions(uf, t.workflow.id, { count: 1, timeoutMs: 60000 });
			assert(exec.status === 'success', `execution ${exec.id} ${exec.status}`);
			const reqs = aom.server.requests.slice(before);
			const create = reqs.find((/** @type {any} */ r) => r.method === routes['aom.users.creates-a-new-user'].method && r.path === aomPath('aom.users.creates-a-new-user'));
			assert(create && create.query.email === SALE.userInfo.email && create.query.firstName === 'Ana' && create.query.lastName === 'Souza Lima', `user creation: ${JSON.stringify(create && create.query)}`);
			const user = aom.data.users.find((/** @type {any} */ u) => u.email === SALE.userInfo.email);
			const mapped = JSON.parse(t.workflow.nodes.find((/** @type {any} */ n) => n.name === 'Course map').parameters.assignments.assignments[0].value)[String(SALE.courses[0].proviId)];
			const enroll = reqs.find((/** @type {any} */ r) => r.path === aomPath('aom.courses.enroll-learners', { id: String(mapped) }));
			assert(enroll && JSON.stringify(enroll.body.studentIds.map(String)) === JSON.stringify([String(user.id)]), `enrollment in course ${mapped}: ${JSON.stringify(enroll && enroll.body)}`);
			const contact = v('kwiga').data.contacts.find((/** @type {any} */ c) => c.email === SALE.userInfo.email);
			assert(contact.tags.includes('student') && contact.tags.includes(SALE.courses[0].name) && contact.first_name === 'Ana', `Kwiga contact ${JSON.stringify({ ...contact, additional_fields: undefined })}`);
			// the same buyer again, another course: found by e-mail, not created twice
			const again = { ...SALE, id: SALE.id + 1, courses: [{ proviId: 33954, name: 'Curso Teste', price_in_cents: 20000 }] };
			const before2 = aom.server.requests.length;
			const res2 = await cli.httpPost(pref.url, JSON.stringify(again), { 'content-type': 'application/json', 'x-provi-signature': pref.signature });
			assert(res2.status === 200, `second delivery -> HTTP ${res2.status} ${res2.body}`);
			const execs = await cli.waitForExecutions(uf, t.workflow.id, { count: 2, timeoutMs: 60000 });
			assert(execs[0].status === 'success', `execution ${execs[0].id} ${execs[0].status}`);
			const reqs2 = aom.server.requests.slice(before2);
			const mapped2 = JSON.parse(t.workflow.nodes.find((/** @type {any} */ n) => n.name === 'Course map').parameters.assignments.assignments[0].value)['33954'];
			const enroll2 = reqs2.find((/** @type {any} */ r) => r.path === aomPath('aom.courses.enroll-learners', { id: String(mapped2) }));
			assert(!reqs2.some((/** @type {any} */ r) => r.path === aomPath('aom.users.creates-a-new-user') && r.method === create.method), 'the known user was created again');
			assert(enroll2 && String(enroll2.body.studentIds) === String(user.id), `second enrollment: ${JSON.stringify(enroll2 && enroll2.body)}`);
			return `user ${user.id} created (${create.method} ${create.path}), ${enroll.method} ${enroll.path} ${JSON.stringify(enroll.body)}; Kwiga contact ${contact.id} tags ${JSON.stringify(contact.tags)}; a second sale finds the user and enrolls them in course ${mapped2}`;
		});

		await check('templates: Course completion → follow-up: an Academy of Mine delivery tags the student\'s Kwiga contact', async () => {
			assert(srv, 'n8n did not start');
			const t = byFile('course-completion-follow-up.json');
			const trigger = t.workflow.nodes.find((/** @type {any} */ n) => n.type.endsWith('.academyOfMineTrigger'));
			const hook = v('academyOfMine').data.webhooks.find((/** @type {any} */ w) => String(w.url).includes(trigger.webhookId));
			assert(hook && hook.eventList === 'course_completed', `no course_completed webhook of the template at the sandbox: ${JSON.stringify(v('academyOfMine').data.webhooks)}`);
			const student = v('kwiga').data.contacts.find((/** @type {any} */ c) => c.email === 'student470@example.com');
			const delivery = { event: 'course_completed', user: { id: 104, email: student.email, first_name: student.first_name }, course: { id: 7, title: 'JS Foundations' } };
			const res = await cli.httpPost(hook.url, JSON.stringify(delivery), { 'content-type': 'application/json' });
			assert(res.status === 200, `delivery -> HTTP ${res.status} ${res.body}`);
			const [exec] = await cli.waitForExecutions(uf, t.workflow.id, { count: 1, timeoutMs: 60000 });
			assert(exec.status === 'success', `execution ${exec.id} ${exec.status}`);
			assert((student.tags || []).includes('completed: JS Foundations'), `Kwiga contact ${student.id} tags ${JSON.stringify(student.tags)}`);
			return `execution ${exec.id}; Kwiga contact ${student.id} tags ${JSON.stringify(student.tags)}`;
		});

		await check('templates: New Kwiga contact → welcome offer: a new contact activates the coupon in REMP CRM (polling, up to a minute)', async () => {
			assert(srv, 'n8n did not start');
			const t = byFile('new-contact-welcome-offer.json');
			const kwiga = v('kwiga');
			const remp = v('rempCrm');
			// another check may have added a contact since the first poll; otherwise one arrives now
			if (!kwiga.data.contacts.some((/** @type {any} */ c) => Date.parse(c.created_at) > kwigaNewest)) {
				kwiga.data.contacts.unshift({ ...kwiga.data.contacts[0], id: 990101, email: 'e2e-welcome@example.com', tags: [], created_at: new Date().toISOString() });
			}
			// the e2e's own Kwiga Trigger checks add contacts too: this trigger emits each, and REMP refuses
			// the template's one coupon code to every contact after the first (already used)
			const execs = await cli.waitForExecutions(uf, t.workflow.id, { count: 1, timeoutMs: 150000 });
			const exec = [...execs].sort((x, y) => Number(x.id) - Number(y.id))[0];
			assert(exec.status === 'success', `execution ${exec.id} ${exec.status}`);
			const code = t.workflow.nodes.find((/** @type {any} */ n) => n.name === 'Welcome coupon').parameters.assignments.assignments[0].value;
			const post = remp.server.requests.find((/** @type {any} */ r) => r.method === 'POST' && r.path === '/api/v1/coupon/activate' && r.body && r.body.code === code);
			assert(post && remp.data.coupons[code].used, `REMP CRM: coupon ${code} not activated`);
			assert(String(cli.executionData(uf, exec.id).data).includes('subscription_id'), 'the execution holds no subscription');
			return `execution ${exec.id}; POST /api/v1/coupon/activate ${JSON.stringify(post.body)}; the e-mail step is disabled`;
		});
	}

	return { beforeStart, afterStart, templates: readTemplates() };
}

module.exports = { DIR, TEMPLATES, readTemplates, withCredentials, e2eChecks };
