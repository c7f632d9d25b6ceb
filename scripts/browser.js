#!/usr/bin/env node
// @ts-check
'use strict';
/**
 * The browser pass of `npm run test:e2e`: n8n's editor, as users see it, in headless Chromium.
 *
 * Per vendor it creates the example workflow of scripts/examples.js (and its sandbox credential)
 * through n8n's REST API, opens it in the editor, clicks "Execute workflow", opens the vendor node
 * and checks that the output panel shows the items the sandbox served; then it switches the node
 * to operations with a resource locator and a dropdown, and checks that both list what the sandbox
 * holds (and that the sandbox saw the request). A screenshot per vendor goes to .browser-shots/
 * (git-ignored).
 *
 * Chromium comes from the npm package @sparticuz/chromium (a headless build shipped inside the
 * package), driven by playwright-core; both are installed once into the machine cache, shared by
 * every n8n version's runtime (scripts/n8n-runtime.js sharedHome), not as devDependencies.
 * COURSE_STACK_CHROMIUM=/usr/bin/chromium uses another Chromium instead.
 *
 * CLI (under `flock /tmp/n8n.lock`): `node scripts/browser.js` packs the package, installs it into a
 * temporary n8n with the sandboxes and runs the pass alone; `--install` only installs the browser.
 */
const fs = require('fs');
const path = require('path');
const { REPO } = require('./package-files');

const PLAYWRIGHT = 'playwright-core@1.65.1';
const CHROMIUM = '@sparticuz/chromium@153.0.0';
const SHOTS = path.join(REPO, '.browser-shots');
// Headless without the background traffic, sandbox and GPU a container has no use for.
const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/**
 * Installs playwright-core and @sparticuz/chromium once into the runtime cache.
 * @returns {string} the folder holding their node_modules
 */
function ensureBrowser() {
	const rt = require('./n8n-runtime');
	const dir = rt.sharedHome('browser'); // one browser for every n8n version
	const installed = () => rt.stepDone(dir) && fs.existsSync(path.join(dir, 'node_modules', 'playwright-core'));
	if (installed()) return dir;
	return rt.withLock(dir, () => {
		if (installed()) return dir;
		rt.log(`installing ${PLAYWRIGHT} and ${CHROMIUM} into ${dir} (one-time)`);
		rt.freshDir(dir);
		// @sparticuz/chromium asks for Node 22+; its install is plain files, so Node 20's npm may install it
		rt.npm(['install', '--no-fund', '--no-audit', '--engine-strict=false', PLAYWRIGHT, CHROMIUM], { cwd: dir, label: `npm install ${PLAYWRIGHT} ${CHROMIUM}` });
		rt.markStep(dir);
		return dir;
	});
}

/**
 * Headless Chromium under playwright-core (typed `any`: both live in the runtime cache, outside
 * this repository's node_modules).
 * @returns {Promise<any>} a playwright Browser
 */
async function launch() {
	const dir = ensureBrowser();
	/** @param {string} name */
	const load = (name) => require(require.resolve(name, { paths: [dir] }));
	const playwright = load('playwright-core');
	playwright.selectors.setTestIdAttribute('data-test-id'); // n8n's editor marks elements with data-test-id
	if (process.env.COURSE_STACK_CHROMIUM) {
		return await playwright.chromium.launch({ executablePath: process.env.COURSE_STACK_CHROMIUM, args: FLAGS, headless: true });
	}
	const sparticuz = load('@sparticuz/chromium').default;
	// unpacks the brotli-compressed binary into the temp folder on first use
	const executablePath = await sparticuz.executablePath();
	return await playwright.chromium.launch({ executablePath, args: [...sparticuz.args, ...FLAGS], headless: true });
}

/**
 * Creates the example workflow and sandbox credential of each vendor through n8n's REST API.
 * @param {import('./n8n-cli').N8nSession} session
 * @param {any[]} vendors sandbox vendors (scripts/sandbox.js)
 * @returns {Promise<Record<string, { id: string, node: string, cred: { type: string, id: string, name: string } }>>} workflow id, vendor node name and credential per vendor key
 */
async function createExamples(session, vendors) {
	const examples = require('./examples');
	/** @type {Record<string, { id: string, node: string, cred: { type: string, id: string, name: string } }>} */
	const out = {};
	for (const v of vendors) {
		const { id: _fixedId, ...cred } = examples.credentialFor(v);
		const c = await session.post('/rest/credentials', cred);
		if (c.status !== 200) throw new Error(`POST /rest/credentials -> HTTP ${c.status} ${c.body.slice(0, 300)}`);
		const credId = JSON.parse(c.body).data.id;
		const { id: _wfId, ...wf } = examples.exampleWorkflow(v);
		for (const n of wf.nodes) if (n.credentials) n.credentials = { [cred.type]: { id: credId, name: cred.name } };
		const w = await session.post('/rest/workflows', wf);
		if (w.status !== 200) throw new Error(`POST /rest/workflows -> HTTP ${w.status} ${w.body.slice(0, 300)}`);
		out[v.key] = { id: JSON.parse(w.body).data.id, node: wf.nodes[1].name, cred: { type: cred.type, id: credId, name: cred.name } };
	}
	return out;
}

/**
 * What the pass expects of each vendor's example: the items its run outputs, and the dropdowns
 * (`dropdown`, a loadOptions parameter) and resource locators (`locator`) to open, after switching
 * the node to the resource and operation that show them, with the sandbox path they list.
 */
const VENDORS = {
	kwiga: {
		items: (v) => v.data.contacts.length,
		probes: [
			{ operation: 'Get', locator: 'contact', path: '/contacts' },
			{ operation: 'Add Purchase', dropdown: 'offerId', path: '/offers' },
		],
	},
	provi: {
		items: (v) => v.data.sales.length,
		probes: [{ resource: 'Course', operation: 'Get', dropdown: 'courseId', path: '/v4/courses' }], // Provi has no resource locators
	},
	psbHosting: {
		items: (v) => v.data.tickets.length,
		probes: [
			{ operation: 'Get', locator: 'ticketId', path: '/tickets' },
			{ resource: 'Order', operation: 'Create', dropdown: 'productId', path: '/products' },
		],
	},
	rempCrm: {
		items: () => 1,
		// the e2e workflows have used the example's coupon already: a second activation is a 409
		before: (v) => (v.data.coupons['SUMMER-2026-PROMO'].used = false),
		probes: [], // Coupon > Activate has no dropdown or resource locator
	},
	academyOfMine: {
		items: () => 1, // the reference's sample list holds one announcement
		probes: [],
	},
};

/**
 * Picks an option of a select parameter by its title. The first click can land while the panel
 * still animates open, so it clicks again until the option shows.
 * @param {any} page
 * @param {string} param
 * @param {string} title
 */
async function pick(page, param, title) {
	const escaped = title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
	const option = page.getByRole('option').filter({ has: page.locator('.option-headline', { hasText: new RegExp(`^${escaped}$`) }) });
	for (let i = 0; ; i++) {
		await page.getByTestId(`parameter-input-${param}`).locator('input').click();
		try {
			await option.waitFor({ timeout: 3000 });
			break;
		} catch (e) {
			if (i === 3) throw e;
		}
	}
	await option.click();
}

/**
 * Opens a dropdown or resource locator, takes a screenshot, returns what it lists, closes it.
 * @param {any} page
 * @param {{ dropdown?: string, locator?: string }} probe
 * @param {string} shot
 */
async function listed(page, probe, shot) {
	const items = probe.locator ? page.getByTestId('rlc-item') : page.getByRole('option');
	const open = probe.locator
		? page.getByTestId(`resource-locator-${probe.locator}`).getByTestId('rlc-input')
		: page.getByTestId(`parameter-input-${probe.dropdown}`).locator('input');
	for (let i = 0; ; i++) {
		await open.click();
		try {
			await items.first().waitFor({ timeout: 5000 });
			break;
		} catch (e) {
			if (i === 2) throw new Error(`${probe.locator || probe.dropdown} lists nothing`);
		}
	}
	const texts = await items.allInnerTexts();
	await page.screenshot({ path: shot });
	await page.keyboard.press('Escape');
	return texts;
}

/** What n8n's editor shows for a node whose type it does not have (the package is not installed). */
const NOT_INSTALLED = /install this node|not currently installed|node is not installed/i;

/**
 * Creates a template (templates/) through the REST API with the given credentials, opens it and
 * checks every node: its canvas icon is a loaded image or a drawn icon, and this package's nodes
 * open their parameters (not the "install this node" placeholder). The picture of the canvas goes
 * to .browser-shots/templates/ (docs/templates/ holds copies of these).
 * @param {any} page
 * @param {string} url
 * @param {import('./n8n-cli').N8nSession} session
 * @param {any} template
 * @param {Array<{ type: string, id: string, name: string }>} creds
 * @param {string} shot where the picture goes
 */
async function templateRenders(page, url, session, template, creds, shot) {
	const { withCredentials } = require('./templates');
	const { id: _fixedId, ...wf } = withCredentials(template, Object.fromEntries(creds.map((c) => [c.type, { id: c.id, name: c.name }])));
	// an export leaves `active` out; n8n 1.x requires it when a workflow is created
	const w = await session.post('/rest/workflows', { active: false, ...wf });
	if (w.status !== 200) throw new Error(`POST /rest/workflows -> HTTP ${w.status} ${w.body.slice(0, 300)}`);
	await page.goto(`${url}/workflow/${JSON.parse(w.body).data.id}`);
	const nodes = wf.nodes.filter((/** @type {any} */ n) => n.type !== 'n8n-nodes-base.stickyNote');
	const ours = nodes.filter((/** @type {any} */ n) => n.type.startsWith(`${require('../package.json').name}.`));
	for (const n of nodes) {
		const canvasNode = page.locator(`[data-test-id="canvas-node"][data-node-name="${n.name}"]`);
		await canvasNode.waitFor();
		// a file icon is an <img> that loaded; a built-in's glyph is an <svg>
		const icon = await canvasNode.evaluate((/** @type {any} */ el) => {
			const img = el.querySelector('img');
			if (img) return { img: img.getAttribute('src'), loaded: img.complete && img.naturalWidth > 0 };
			return { svg: !!el.querySelector('svg') };
		});
		if (!(icon.img ? icon.loaded : icon.svg)) throw new Error(`node "${n.name}" (${n.type}) shows no icon: ${JSON.stringify(icon)}`);
		if (ours.includes(n) && !icon.img) throw new Error(`node "${n.name}" (${n.type}) shows no icon file of the package`);
	}
	const text = await page.locator('body').innerText();
	if (NOT_INSTALLED.test(text)) throw new Error(`the canvas says "${NOT_INSTALLED.exec(text)}"`);
	// the picture: the nodes and the note, with a margin
	const boxes = (await page.locator('[data-test-id="canvas-node"]').evaluateAll((/** @type {any[]} */ els) => els.map((el) => el.getBoundingClientRect().toJSON())))
		.concat(await page.locator('.vue-flow__node-n8n-nodes-base\\.stickyNote, [data-test-id="sticky"]').evaluateAll((/** @type {any[]} */ els) => els.map((el) => el.getBoundingClientRect().toJSON())));
	const x = Math.max(0, Math.min(...boxes.map((b) => b.left)) - 30);
	const y = Math.max(0, Math.min(...boxes.map((b) => b.top)) - 30);
	const clip = { x, y, width: Math.max(...boxes.map((b) => b.right)) + 60 - x, height: Math.max(...boxes.map((b) => b.bottom)) + 40 - y };
	fs.mkdirSync(path.dirname(shot), { recursive: true });
	await page.screenshot({ path: shot, clip });
	for (const n of ours) {
		await page.locator(`[data-test-id="canvas-node"][data-node-name="${n.name}"]`).dblclick();
		const ndv = page.getByTestId('ndv');
		await ndv.waitFor();
		await page.getByTestId('node-parameters').waitFor();
		const inNdv = await ndv.innerText();
		if (NOT_INSTALLED.test(inNdv)) throw new Error(`node "${n.name}" opens with "${NOT_INSTALLED.exec(inNdv)}"`);
		await page.keyboard.press('Escape');
		await ndv.waitFor({ state: 'hidden' });
	}
	return `${nodes.length} nodes with icons (${ours.length} of this package open their parameters)`;
}

/**
 * The browser pass over a running n8n (no `url`: it did not start) whose sandboxes are `vendors`:
 * signing in is one check, each vendor another, each template of templates/ another.
 * @param {{ url: string, vendors: any[], check: (name: string, fn: () => Promise<string | undefined>) => Promise<void>, log: (msg: string) => void,
 *   templates?: Array<{ file: string, workflow: any }> }} opts
 */
async function browserPass({ url, vendors, check, log, templates = [] }) {
	const cli = require('./n8n-cli');
	const t0 = Date.now();
	/** @type {any} */
	let browser;
	/** @type {any} */
	let page;
	/** @type {Record<string, { id: string, node: string, cred: { type: string, id: string, name: string } }>} */
	let workflows = {};
	/** @type {import('./n8n-cli').N8nSession | undefined} */
	let session;
	/** @type {Promise<string> | undefined} */
	let signedIn;
	const signIn = () =>
		(signedIn =
			signedIn ||
			(async () => {
				if (!url) throw new Error('n8n did not start');
				session = await cli.ownerSession(url);
				workflows = await createExamples(session, vendors);
				browser = await launch();
				page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
				page.setDefaultTimeout(30000);
				await page.goto(`${url}/signin`);
				await page.getByTestId('emailOrLdapLoginId').locator('input').fill(cli.TEST_OWNER.email);
				await page.getByTestId('password').locator('input').fill(cli.TEST_OWNER.password);
				await page.getByTestId('form-submit-button').click();
				await page.waitForURL(/\/(home|workflows)/);
				return `Chromium ${browser.version()}, signed in as ${cli.TEST_OWNER.email}`;
			})());
	await check('editor: headless Chromium signs in to n8n', signIn);
	try {
		fs.rmSync(SHOTS, { recursive: true, force: true });
		fs.mkdirSync(SHOTS, { recursive: true });
		for (const v of vendors) {
			const spec = VENDORS[/** @type {keyof typeof VENDORS} */ (v.key)];
			await check(`editor: ${v.name} example runs, its node shows the items, dropdowns and resource locators load from the sandbox`, async () => {
				await signIn();
				const { id, node } = workflows[v.key];
				if ('before' in spec) spec.before(v);
				const expected = spec.items(v);
				const shot = path.join(SHOTS, `${v.key}.png`);
				try {
					await page.goto(`${url}/workflow/${id}`);
					await page.getByTestId('execute-workflow-button').click();
					const canvasNode = page.locator(`[data-test-id="canvas-node"][data-node-name="${node}"]`);
					await canvasNode.getByTestId('canvas-node-status-success').waitFor({ timeout: 60000 });
					await canvasNode.dblclick();
					const count = page.getByTestId('output-panel').getByTestId('ndv-items-count');
					await count.waitFor();
					const shown = (await count.innerText()).trim();
					if (!new RegExp(`^${expected} items?$`).test(shown)) throw new Error(`the output panel says "${shown}", the sandbox holds ${expected}`);
					await page.screenshot({ path: shot });
					const seen = [];
					for (const probe of spec.probes) {
						const param = probe.locator || probe.dropdown;
						const before = v.server.requests.length;
						if (probe.resource) await pick(page, 'resource', probe.resource);
						await pick(page, 'operation', probe.operation);
						// a dropdown loads when its parameter appears, a resource locator when it opens
						const texts = await listed(page, probe, path.join(SHOTS, `${v.key}-${param}.png`));
						// (in the e2e run, the active Kwiga Trigger polls the same sandbox meanwhile)
						const asked = v.server.requests.slice(before).filter((/** @type {any} */ r) => r.method === 'GET' && r.path === probe.path);
						if (!asked.length) throw new Error(`${param} listed ${texts.length} entries, the sandbox saw no GET ${probe.path}`);
						seen.push(`${param}: ${texts.length} from GET ${probe.path} ("${texts[0]}", ...)`);
					}
					return `${shown}${seen.length ? `; ${seen.join('; ')}` : ''}`;
				} catch (e) {
					await page.screenshot({ path: shot }).catch(() => {});
					throw e;
				}
			});
		}
		for (const t of templates) {
			await check(`editor: template ${t.file} opens with every node's icon and no "install this node" placeholder`, async () => {
				await signIn();
				const shot = path.join(SHOTS, 'templates', t.file.replace(/\.json$/, '.png'));
				return templateRenders(page, url, /** @type {any} */ (session), t.workflow, Object.values(workflows).map((w) => w.cred), shot);
			});
		}
		const aom = vendors.find((v) => v.key === 'academyOfMine');
		if (aom) {
			/**
			 * Finds Academy of Mine in the node panel by "LMS", picks `action` among its actions and
			 * returns a reader of the opened node's parameters.
			 * @param {string} action
			 */
			const addFromPanel = async (action) => {
				// a workflow with a trigger already, so the panel offers actions ("What happens next?")
				await page.goto(`${url}/workflow/${workflows.academyOfMine.id}`);
				await page.getByTestId('node-creator-plus-button').click();
				// n8n searches the display name and the codex aliases only: "LMS" is an alias
				await page.getByTestId('node-creator-search-bar').fill('LMS');
				const items = page.getByTestId('node-creator').getByTestId('item-iterator-item');
				await items.filter({ hasText: 'Academy of Mine' }).first().click();
				await items.filter({ hasText: action }).first().click();
				await page.getByTestId('parameter-input-resource').waitFor();
				return async (/** @type {string} */ param) => await page.getByTestId(`parameter-input-${param}`).locator('input').inputValue();
			};
			/** @param {string} name @param {string} file @param {string} action @param {(value: (param: string) => Promise<string>) => Promise<string>} fn */
			const panelCheck = (name, file, action, fn) =>
				check(name, async () => {
					await signIn();
					const shot = path.join(SHOTS, file);
					try {
						const value = await addFromPanel(action);
						const detail = await fn(value);
						await page.screenshot({ path: shot });
						return detail;
					} catch (e) {
						await page.screenshot({ path: shot }).catch(() => {});
						throw e;
					}
				});
			await panelCheck('editor: "LMS" in the node panel finds Academy of Mine, whose first action is User -> Get Many', 'academyOfMine-node-panel.png', 'Get many users', async (value) => {
				const [resource, operation] = [await value('resource'), await value('operation')];
				if (resource !== 'User' || operation !== 'Get Many') throw new Error(`the node opened on ${resource} -> ${operation}`);
				return `found by "LMS", opened on ${resource} -> ${operation}`;
			});
			// the actions of every Module Type are listed, not only the first type's
			await panelCheck(
				'editor: an action of a Module Type other than the first opens the node on its resource, type and operation; another type resets the operation',
				'academyOfMine-choice-action.png',
				'Get many quiz modules',
				async (value) => {
					const [resource, type, operation] = [await value('resource'), await value('moduleType'), await value('operation')];
					if (resource !== 'Module' || type !== 'Quiz' || operation !== 'Get Many') throw new Error(`the node opened on ${resource} -> ${type} -> ${operation}`);
					// another type: the operation goes to that type's default (n8n drops a value its list lacks)
					await pick(page, 'moduleType', 'Webinar');
					const switched = await value('operation');
					if (switched !== 'Get Launch Details') throw new Error(`after switching to Webinar the operation reads "${switched}"`);
					return `"Get many quiz modules" opened on ${resource} -> ${type} -> ${operation}; Webinar -> ${switched}`;
				},
			);
		}
	} finally {
		if (browser) await browser.close();
		log(`browser pass: ${((Date.now() - t0) / 1000).toFixed(1)}s, screenshots in ${path.relative(REPO, SHOTS)}/`);
	}
}

module.exports = { ensureBrowser, launch, createExamples, browserPass };

// --------------------------------------------------------------------- CLI ---

/** Packs the package into a temporary n8n with the sandboxes, runs `fn(url, vendors)`, cleans up. */
async function standalone(fn) {
	const cli = require('./n8n-cli');
	const sandbox = require('./sandbox');
	const { packInto, buildIfNeeded } = require('./package-files');
	const os = require('os');
	const work = fs.mkdtempSync(path.join(os.tmpdir(), 'cs-browser-'));
	const uf = cli.makeUserFolder({ prefix: 'cs-browser-uf-' });
	const sb = await sandbox.start({ ports: 'random', quiet: true });
	let srv;
	try {
		buildIfNeeded({ log: (/** @type {string} */ msg) => process.stderr.write(`[browser] ${msg}\n`) });
		cli.installPackage(uf, packInto(work));
		srv = await cli.startN8n(uf, undefined, { timeoutMs: 180000 });
		await fn(srv.url, sb.vendors);
	} finally {
		if (srv) await srv.stop();
		await sb.stop();
		cli.removeUserFolder(uf);
		fs.rmSync(work, { recursive: true, force: true });
	}
}

if (require.main === module) {
	if (process.argv.includes('--install')) {
		ensureBrowser();
	} else {
		let passed = 0;
		let failed = 0;
		/** @param {string} name @param {() => Promise<string | undefined>} fn */
		const check = async (name, fn) => {
			try {
				const detail = await fn();
				passed++;
				process.stdout.write(`PASS  ${name}${detail ? ` - ${detail}` : ''}\n`);
			} catch (e) {
				failed++;
				process.stdout.write(`FAIL  ${name} - ${e.message}\n`);
			}
		};
		/** @param {string} msg */
		const log = (msg) => process.stderr.write(`[browser] ${msg}\n`);
		const templates = require('./templates').readTemplates();
		standalone((url, vendors) => browserPass({ url, vendors, check, log, templates }))
			.catch((e) => {
				failed++;
				process.stdout.write(`FAIL  browser pass - ${e.stack || e}\n`);
			})
			.finally(() => {
				process.stdout.write(`${passed} passed, ${failed} failed\n`);
				process.exit(failed ? 1 : 0);
			});
	}
}
