#!/usr/bin/env node
// @ts-check
'use strict';
/**
 * `npm start`: a real n8n 2.41.1 (Node 24, installed once into the machine cache by
 * scripts/n8n-runtime.js) on http://localhost:5678 with its embedded SQLite, this repo's package
 * installed from its `npm pack` tarball the way Settings > Community nodes installs a package,
 * and local sandboxes of the vendors (the test sandboxes, realistic sample data, 127.0.0.1:5701-5704)
 * with a credential ("<Vendor> sandbox") and an example workflow per vendor already imported, and
 * the ready-made workflows of templates/ next to them.
 *
 *   npm start                         # steps are skipped when nothing changed: a second start is quick
 *   npm start -- --build              # force a rebuild of the package
 *   npm start -- --reimport           # re-import the sandbox credentials and example workflows
 *   PORT=5679 npm start
 *   npm run dev                       # the same, with the package rebuilt on save and reloaded into n8n (scripts/dev.js)
 *   COURSE_STACK_USER_FOLDER=/some/dir npm start   (default: <repo>/.n8n-dev, git-ignored, kept)
 *
 * State kept in <userFolder>/course-stack-start.json: newest source mtime of the last build,
 * sha256 of the last installed tarball, hash of the last imported credentials/workflows.
 * n8n's log goes to <userFolder>/n8n.log. Ctrl-C stops n8n and the sandboxes.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const crypto = require('crypto');
const http = require('http');
const { newestMtime, npm, packInto } = require('./package-files');

const REPO = path.resolve(__dirname, '..');
const T0 = Date.now();
const args = process.argv.slice(2);
const PORT = Number(process.env.PORT || 5678);
const USER_FOLDER = path.resolve(process.env.COURSE_STACK_USER_FOLDER || path.join(REPO, '.n8n-dev'));
const STATE_FILE = path.join(USER_FOLDER, 'course-stack-start.json');
const dev = args.includes('--dev') ? require('./dev') : null;
const OWNER = { email: 'dev@course-stack.local', firstName: 'Course', lastName: 'Stack', password: 'CourseStack-dev-1' };

const secs = (ms) => `${(ms / 1000).toFixed(1)}s`;
const TOTAL_STEPS = 7;
let stepNo = 0;

function say(msg) {
	process.stderr.write(`[start] ${msg}\n`);
}

/** Runs one numbered step with its timing (sync or async fn). */
async function step(label, fn) {
	stepNo++;
	const t0 = Date.now();
	say(`[${stepNo}/${TOTAL_STEPS}] ${label}...`);
	const r = await fn();
	const note = r && r.note ? ` (${r.note})` : '';
	say(`[${stepNo}/${TOTAL_STEPS}] ${label}: done in ${secs(Date.now() - t0)}${note}`);
	return r;
}

function readState() {
	try {
		return JSON.parse(fs.readFileSync(STATE_FILE, 'utf8'));
	} catch {
		return {};
	}
}

function writeState(state) {
	fs.writeFileSync(STATE_FILE, JSON.stringify(state, null, 2));
}

const sha256 = (file) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

function portInUse(port) {
	return new Promise((resolve) => {
		const s = require('net').createServer();
		s.once('error', () => resolve(true));
		s.listen(port, '127.0.0.1', () => s.close(() => resolve(false)));
	});
}

/** The workflows of templates/ with their credential references pointed at the sandbox credentials. */
function templateWorkflows(creds) {
	const templates = require('./templates');
	const byType = Object.fromEntries(creds.map((c) => [c.type, { id: c.id, name: c.name }]));
	return templates.readTemplates().map((t) => templates.withCredentials(t.workflow, byType));
}

function postJson(url, body) {
	return new Promise((resolve, reject) => {
		const data = JSON.stringify(body);
		const req = http.request(url, { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(data) } }, (res) => {
			let b = '';
			res.on('data', (d) => (b += d));
			res.on('end', () => resolve({ status: res.statusCode, body: b }));
		});
		req.on('error', reject);
		req.end(data);
	});
}

async function main() {
	const state = readState();
	const pkg = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8'));

	// 1. runtime
	// rt, installed, sb and srv are set by their steps (a failing step throws before any use)
	/** @type {ReturnType<typeof import('./n8n-runtime').ensureRuntime>} */
	let rt = /** @type {any} */ (undefined);
	await step('n8n runtime (Node 24 + n8n 2.41.1, installed once into the machine cache)', () => {
		const { ensureRuntime } = require('./n8n-runtime');
		rt = ensureRuntime();
		return { note: `node ${rt.nodeVersion}, ${rt.home}` };
	});
	const cli = require('./n8n-cli');
	const sandbox = require('./sandbox');
	const examples = require('./examples');

	for (const [port, what] of [[PORT, 'n8n'], ...Object.entries(sandbox.DEFAULT_PORTS).map(([k, p]) => [p, `the ${k} sandbox`])]) {
		if (await portInUse(port)) throw new Error(`port ${port} (for ${what}) is already in use: is another \`npm start\` running?`);
	}

	// 2. build (only when sources changed since the last build, or when dist/ is incomplete)
	await step('build the package (npm run build)', () => {
		if (dev) return { note: 'skipped: npm run dev compiles into n8n\'s nodes folder (next step)' };
		const sourcesNewest = newestMtime(['nodes', 'credentials', 'icons', 'package.json', 'tsconfig.json', 'gulpfile.js']);
		const distOk = pkg.n8n.nodes.concat(pkg.n8n.credentials).every((f) => fs.existsSync(path.join(REPO, f)));
		if (distOk && !args.includes('--build') && state.builtSourcesMtime && state.builtSourcesMtime >= sourcesNewest) {
			return { note: 'sources unchanged since the last build, skipped' };
		}
		const b = npm(['run', 'build'], { stdio: ['ignore', 2, 2] }); // build output to stderr, with the progress lines
		if (b.status !== 0) throw new Error('npm run build failed');
		state.builtSourcesMtime = sourcesNewest;
		return {};
	});

	// 3. pack + install into <userFolder>/.n8n/nodes like the Community Nodes installer
	if (!fs.existsSync(path.join(USER_FOLDER, '.n8n'))) {
		fs.mkdirSync(USER_FOLDER, { recursive: true });
		try {
			fs.cpSync(cli.templateDotN8n(), path.join(USER_FOLDER, '.n8n'), { recursive: true });
		} catch (e) {
			say(`no pre-migrated database template (${e.message}); n8n will create one`);
		}
		fs.mkdirSync(path.join(USER_FOLDER, '.n8n', 'nodes'), { recursive: true });
	}
	/** @type {{ name: string, version: string, dir: string }} */
	let installed = /** @type {any} */ (undefined);
	await step(`pack (npm pack) and install into ${path.relative(REPO, USER_FOLDER) || USER_FOLDER}/.n8n/nodes`, async () => {
		if (dev) {
			installed = await dev.install(USER_FOLDER);
			state.installedTarball = 'dev'; // the next npm start installs the tarball again
			return { note: 'npm run dev: tsc --watch and gulp watch:assets compile into it instead' };
		}
		const packDir = fs.mkdtempSync(path.join(os.tmpdir(), 'course-stack-pack-'));
		try {
			const tgz = packInto(packDir);
			const hash = sha256(tgz);
			const dir = path.join(USER_FOLDER, '.n8n', 'nodes', 'node_modules', ...pkg.name.split('/'));
			if (state.installedTarball === hash && fs.existsSync(path.join(dir, 'package.json'))) {
				installed = { name: pkg.name, version: pkg.version, dir };
				return { note: `${path.basename(tgz)} unchanged, kept the installed copy` };
			}
			installed = cli.installPackage(USER_FOLDER, tgz);
			state.installedTarball = hash;
			return { note: `${installed.name}@${installed.version}` };
		} finally {
			fs.rmSync(packDir, { recursive: true, force: true });
		}
	});
	writeState(state);

	// 4. sandboxes
	/** @type {Awaited<ReturnType<typeof import('./sandbox').start>>} */
	let sb = /** @type {any} */ (undefined);
	await step('vendor sandboxes on 127.0.0.1 (test/sandboxes, compiled into .sandbox/build)', async () => {
		sb = await sandbox.start();
		return { note: `${sb.vendors.length} up${sb.skipped.length ? `, ${sb.skipped.length} skipped` : ''}` };
	});

	// 5. credentials + example workflows (fixed ids; only when changed or missing)
	await step('import sandbox credentials and example workflows', () => {
		const creds = sb.vendors.map(examples.credentialFor);
		const wfs = sb.vendors.map(examples.exampleWorkflow).concat(templateWorkflows(creds));
		const hash = crypto.createHash('sha256').update(JSON.stringify({ creds, wfs })).digest('hex');
		let present = false;
		try {
			const haveWf = cli.querySqlite(USER_FOLDER, 'SELECT id FROM workflow_entity').map((r) => r.id);
			const haveCred = cli.querySqlite(USER_FOLDER, 'SELECT id FROM credentials_entity').map((r) => r.id);
			present = wfs.every((w) => haveWf.includes(w.id)) && creds.every((c) => haveCred.includes(c.id));
		} catch {}
		if (present && state.importHash === hash && !args.includes('--reimport')) {
			return { note: 'already imported and unchanged, skipped (--reimport forces)' };
		}
		if (creds.length) cli.importCredentials(USER_FOLDER, creds);
		if (wfs.length) examples.importWorkflows(cli, USER_FOLDER, wfs);
		state.importHash = hash;
		writeState(state);
		return { note: `${creds.length} credentials, ${wfs.length} workflows (with the templates)` };
	});

	// 6. n8n
	/** @type {import('./n8n-cli').N8nServer} */
	let srv = /** @type {any} */ (undefined);
	const logFile = path.join(USER_FOLDER, 'n8n.log');
	await step(`n8n start on http://localhost:${PORT} (log: ${path.relative(REPO, logFile) || logFile})`, async () => {
		srv = await cli.startN8n(USER_FOLDER, PORT, {
			env: { ...(dev ? dev.N8N_ENV : {}), N8N_HOST: 'localhost', N8N_EDITOR_BASE_URL: `http://localhost:${PORT}/`, N8N_WEBHOOK_URL: `http://localhost:${PORT}/` },
			timeoutMs: 180000,
		});
		const log = fs.createWriteStream(logFile, { flags: 'w' });
		log.write(srv.logs());
		srv.proc.stdout.pipe(log);
		srv.proc.stderr.pipe(log);
		return { note: `ready in ${secs(srv.startMs)}` };
	});

	// 7. owner account (first start only), so the newcomer can log in right away
	await step('owner account', async () => {
		try {
			const r = await postJson(`http://127.0.0.1:${PORT}/rest/owner/setup`, OWNER);
			if (r.status === 200) return { note: `created ${OWNER.email}` };
			return { note: `already set up (HTTP ${r.status})` };
		} catch (e) {
			return { note: `could not set it up (${e.message}); the editor will ask for one` };
		}
	});

	const loaderErrors = cli.loaderErrorsFrom(srv.logs());
	const url = `http://localhost:${PORT}`;
	const lines = [
		'',
		`n8n ${rt.nodeVersion ? `(Node ${rt.nodeVersion}) ` : ''}is up in ${secs(Date.now() - T0)}: ${url}`,
		`  log in:     ${OWNER.email} / ${OWNER.password}   (local dev instance, 127.0.0.1 only)`,
		`  package:    ${installed.name}@${installed.version} (nodes: ${pkg.n8n.nodes.map((f) => path.basename(f).split('.')[0]).join(', ')})`,
		loaderErrors.length ? `  LOADER ERRORS:\n    ${loaderErrors.join('\n    ')}` : '  loader:     no errors',
		'',
		'  Example workflows (open one, click "Execute workflow", then click the vendor node to see its output):',
	];
	for (const v of sb.vendors) {
		const ex = examples.EXAMPLES[v.key];
		lines.push(`    ${ex.label.padEnd(32)} ${url}/workflow/${examples.IDS[v.key].wf}`);
		lines.push(`    ${''.padEnd(32)} -> ${ex.expect}`);
	}
	lines.push('', '  Templates (templates/, with the sandbox credentials; the triggered ones start when you publish them):');
	for (const t of require('./templates').readTemplates()) lines.push(`    ${t.title.padEnd(32)} ${url}/workflow/${t.workflow.id}`);
	lines.push('', '  Sandboxes (credentials "<Vendor> sandbox" point at them; any operation of the node works against them):');
	for (const v of sb.vendors) lines.push(`    ${v.name.padEnd(12)} ${v.url}   token ${v.token}`);
	for (const s of sb.skipped) lines.push(`    ${s.name.padEnd(12)} not available: ${s.reason}`);
	lines.push(
		'',
		'  Add a node: in a workflow, "+" > search "Kwiga", "Provi", "PSB Hosting" or "REMP CRM"; pick the "... sandbox" credential.',
		'  Sandbox requests are printed below as they happen. Ctrl-C stops n8n and the sandboxes.',
		'',
	);
	process.stdout.write(lines.join('\n') + '\n');

	// echo the requests the sandboxes receive
	const seen = new Map(sb.vendors.map((v) => [v.key, v.server.requests.length]));
	const ticker = setInterval(() => {
		for (const v of sb.vendors) {
			const from = seen.get(v.key);
			const reqs = v.server.requests;
			for (let i = from; i < reqs.length; i++) {
				const r = reqs[i];
				process.stdout.write(`[sandbox ${v.name}] ${r.method} ${r.path}${r.rawQuery ? `?${r.rawQuery}` : ''}\n`);
			}
			seen.set(v.key, reqs.length);
		}
	}, 500);

	let stopping = false;
	const stop = async (code = 0) => {
		if (stopping) return;
		stopping = true;
		clearInterval(ticker);
		say('stopping n8n and the sandboxes...');
		await srv.stop();
		await sb.stop();
		process.exit(code);
	};
	process.on('SIGINT', () => stop(0));
	process.on('SIGTERM', () => stop(0));
	srv.proc.on('exit', (code) => {
		if (stopping) return;
		say(`n8n exited (code ${code}); see ${logFile}`);
		clearInterval(ticker);
		sb.stop().then(() => process.exit(code || 1));
	});
}

main().catch((e) => {
	say(`FAILED: ${e.stack || e}`);
	process.exit(1);
});
