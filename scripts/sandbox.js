#!/usr/bin/env node
// @ts-check
'use strict';
/**
 * Local vendor sandboxes: the mocks the unit tests use (test/sandboxes/*.ts, realistic data from the
 * Postman collections in reference/), compiled with tsc (tsconfig.sandbox.json, transpile only)
 * into the git-ignored `.sandbox/build`, and served on 127.0.0.1.
 *
 *   const sandbox = require('./scripts/sandbox');
 *   const sb = await sandbox.start();                 // fixed ports 5701..5704
 *   const sb = await sandbox.start({ ports: 'random' }); // free ports (tests)
 *   sb.vendors   -> [{ key, name, url, port, token, credentialType, credentialData, server, data }]
 *   sb.skipped   -> [{ key, name, reason }]   (mock file missing / does not compile / throws)
 *   await sb.stop();
 *
 * CLI: `node scripts/sandbox.js` starts them on the fixed ports and prints URLs + tokens
 * (Ctrl-C stops). `--compile` only compiles.
 *
 * The compiled output is reused while no source (test/sandboxes, the three harness files,
 * tsconfig.sandbox.json) is newer than it. The compiled mocks find reference/ from the repository
 * root (test/harness/reference.ts), so nothing is linked into the build.
 */
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');

const REPO = path.resolve(__dirname, '..');
const BUILD = path.join(REPO, '.sandbox', 'build');
const STAMP = path.join(BUILD, '.compiled');
const TSCONFIG = path.join(REPO, 'tsconfig.sandbox.json');

/** Fixed sandbox ports for `npm start`. */
const DEFAULT_PORTS = { kwiga: 5701, provi: 5702, psbHosting: 5703, rempCrm: 5704, academyOfMine: 5705 };

/** Kwiga's Return All asks for per_page=100: serve enough contacts for several pages. */
const KWIGA_SANDBOX_CONTACTS = 237;

/** Academy of Mine's Return All asks for page_size=100: serve enough users for several pages. */
const AOM_SANDBOX_USERS = 240;

const trimSlash = (u) => String(u).replace(/\/+$/, '');

const VENDORS = [
	{
		key: 'kwiga',
		name: 'Kwiga',
		file: 'kwiga',
		factory: 'kwigaMock',
		dataFn: 'kwigaData',
		tokenConst: 'KWIGA_TOKEN',
		credentialType: 'kwigaApi',
		credentialData: (url, m) => ({ token: m.KWIGA_TOKEN, cabinetHash: m.KWIGA_CABINET, baseUrl: `${url}/` }),
		prepareData: (data) => {
			// more contacts than one page of 100, shaped and numbered like the mock's own 37
			const base = data.contacts;
			if (!Array.isArray(base) || !base.length || base.length >= KWIGA_SANDBOX_CONTACTS) return;
			const names = ['Alice', 'Bob', 'Chen', 'Dana', 'Emil'];
			const last = base[base.length - 1];
			const lastAt = Date.parse(last.created_at) || Date.UTC(2026, 4, 20, 12);
			for (let i = base.length; i < KWIGA_SANDBOX_CONTACTS; i++) {
				const id = base[0].id - i;
				const at = new Date(lastAt - (i - base.length + 1) * 3_600_000).toISOString().replace('Z', '000Z');
				base.push({ ...base[i % base.length], id, created_at: at, email: `student${id}@example.com`, first_name: names[i % 5], last_name: `Student ${id}` });
			}
		},
	},
	{
		key: 'provi',
		name: 'Provi',
		file: 'provi',
		factory: 'proviMock',
		dataFn: 'proviData',
		tokenConst: 'PROVI_TOKEN',
		credentialType: 'proviApi',
		credentialData: (url, m) => ({ token: m.PROVI_TOKEN, environment: 'custom', baseUrl: url, apiVersion: m.PROVI_VERSION || 'v4' }),
	},
	{
		key: 'psbHosting',
		name: 'PSB Hosting',
		file: 'psbHosting',
		factory: 'psbHostingMock',
		dataFn: 'psbHostingData',
		tokenConst: 'PSB_TOKEN',
		credentialType: 'psbHostingApi',
		credentialData: (url, m) => ({ token: m.PSB_TOKEN, baseUrl: url }),
	},
	{
		key: 'rempCrm',
		name: 'REMP CRM',
		file: 'rempCrm',
		factory: 'rempCrmMock',
		dataFn: 'rempCrmData',
		tokenConst: 'REMP_TOKEN',
		credentialType: 'rempCrmApi',
		credentialData: (url, m) => ({ baseUrl: url, token: m.REMP_TOKEN }),
	},
	{
		key: 'academyOfMine',
		name: 'Academy of Mine',
		file: 'academyOfMine',
		factory: 'aomMock',
		tokenConst: 'AOM_KEY',
		credentialType: 'academyOfMineApi',
		// the webhook routes keep what the trigger registers; users for search, Create and Return All
		create: (m) => {
			const data = { webhooks: [], nextId: 10, users: aomSandboxUsers(m) };
			return { data, server: m.aomMock({ scheme: 'bearer' }, data) };
		},
		credentialData: (url, m) => ({ baseUrl: `${url}/api`, apiKey: m.AOM_KEY, headerScheme: 'bearer' }),
	},
];

/** Academy of Mine users shaped like the reference's sample user: more than two pages of 100. */
function aomSandboxUsers(m) {
	const sample = m.aomSample('aom.users.tabular-list').body.records[0];
	const names = ['Alice', 'Bob', 'Chen', 'Dana', 'Emil'];
	return Array.from({ length: AOM_SANDBOX_USERS }, (_, i) => ({
		...sample,
		id: 100 + i,
		first_name: names[i % 5],
		last_name: `Learner ${100 + i}`,
		email: `learner${100 + i}@example.com`,
	}));
}

function log(msg) {
	process.stderr.write(`[sandbox] ${msg}\n`);
}

function sources() {
	const out = [TSCONFIG, ...['mockServer.ts', 'postman.ts', 'reference.ts'].map((f) => path.join(REPO, 'test', 'harness', f))];
	const sandboxes = path.join(REPO, 'test', 'sandboxes');
	if (fs.existsSync(sandboxes)) for (const f of fs.readdirSync(sandboxes)) if (f.endsWith('.ts')) out.push(path.join(sandboxes, f));
	return out;
}

function newestMtime(files) {
	let m = 0;
	for (const f of files) {
		try {
			m = Math.max(m, fs.statSync(f).mtimeMs);
		} catch {}
	}
	return m;
}

/**
 * Compiles the mocks into .sandbox/build (skipped when up to date).
 * @returns {{ compiled: boolean, ms: number, errors: string[], brokenFiles: Set<string> }}
 *   brokenFiles: base names ("provi") of mocks with syntax errors
 */
function compile({ force = false, quiet = false } = {}) {
	const t0 = Date.now();
	fs.mkdirSync(BUILD, { recursive: true });
	let prev = null;
	try {
		prev = JSON.parse(fs.readFileSync(STAMP, 'utf8'));
	} catch {}
	const newest = newestMtime(sources());
	if (!force && prev && prev.newest >= newest && prev.files === sources().length) {
		return { compiled: false, ms: Date.now() - t0, errors: prev.errors || [], brokenFiles: new Set(prev.brokenFiles || []) };
	}
	if (!quiet) log('compiling the vendor mocks (tsc -p tsconfig.sandbox.json)...');
	const tsc = require.resolve('typescript/bin/tsc', { paths: [REPO] });
	const r = spawnSync(process.execPath, [tsc, '-p', TSCONFIG], { cwd: REPO, encoding: 'utf8' });
	const errors = `${r.stdout || ''}${r.stderr || ''}`.split('\n').filter((l) => /error TS\d+/.test(l));
	const brokenFiles = new Set();
	for (const e of errors) {
		const m = /test\/sandboxes\/([A-Za-z0-9_-]+)\.ts\(/.exec(e);
		if (m) brokenFiles.add(m[1]);
		else if (/test\/harness\//.test(e)) brokenFiles.add('*');
	}
	fs.writeFileSync(STAMP, JSON.stringify({ newest, files: sources().length, errors, brokenFiles: [...brokenFiles], at: new Date().toISOString() }));
	if (!quiet) log(`compiled in ${((Date.now() - t0) / 1000).toFixed(1)}s${errors.length ? ` with ${errors.length} error(s)` : ''}`);
	return { compiled: true, ms: Date.now() - t0, errors, brokenFiles };
}

/** @returns {Promise<number>} */
function freePort() {
	return new Promise((resolve, reject) => {
		const s = require('net').createServer();
		s.on('error', reject);
		s.listen(0, '127.0.0.1', () => {
			const { port } = /** @type {import('net').AddressInfo} */ (s.address());
			s.close(() => resolve(port));
		});
	});
}

/**
 * Starts every available vendor mock.
 * @param {{ ports?: object|'random', only?: string[], quiet?: boolean }} [opts]
 */
async function start(opts = {}) {
	const { ports = DEFAULT_PORTS, only, quiet = false } = opts;
	const c = compile({ quiet });
	const vendors = [];
	const skipped = [];
	for (const v of VENDORS) {
		if (only && !only.includes(v.key)) continue;
		const file = path.join(BUILD, 'sandboxes', `${v.file}.js`);
		const srcFile = path.join(REPO, 'test', 'sandboxes', `${v.file}.ts`);
		const skip = (reason) => {
			skipped.push({ key: v.key, name: v.name, reason });
			if (!quiet) log(`${v.name}: skipped (${reason})`);
		};
		if (!fs.existsSync(srcFile)) {
			skip(`test/sandboxes/${v.file}.ts does not exist`);
			continue;
		}
		if (c.brokenFiles.has(v.file) || c.brokenFiles.has('*')) {
			skip(`does not compile: ${c.errors.filter((e) => e.includes(`${v.file}.ts`) || e.includes('harness')).slice(0, 3).join(' | ')}`);
			continue;
		}
		let m;
		try {
			delete require.cache[require.resolve(file)];
			m = require(file);
		} catch (e) {
			skip(`cannot load the compiled mock: ${e.message.split('\n')[0]}`);
			continue;
		}
		if (typeof m[v.factory] !== 'function') {
			skip(`test/sandboxes/${v.file}.ts does not export ${v.factory}()`);
			continue;
		}
		let server;
		let data;
		try {
			if (v.create) ({ data, server } = v.create(m));
			else {
				data = typeof m[v.dataFn] === 'function' ? m[v.dataFn]() : undefined;
				if (data && v.prepareData) v.prepareData(data);
				server = data === undefined ? m[v.factory]() : m[v.factory](data);
			}
			const port = ports === 'random' ? await freePort() : ports[v.key];
			await server.listen(port);
		} catch (e) {
			skip(`mock failed to start: ${e.message.split('\n')[0]}`);
			continue;
		}
		const url = trimSlash(server.url);
		vendors.push({
			key: v.key,
			name: v.name,
			url,
			port: Number(new URL(url).port),
			token: m[v.tokenConst],
			module: m,
			credentialType: v.credentialType,
			credentialData: v.credentialData(url, m),
			server,
			data,
		});
	}
	const stop = async () => {
		await Promise.all(vendors.map((v) => v.server.stop().catch(() => {})));
	};
	return { vendors, skipped, compile: c, stop, byKey: (k) => vendors.find((v) => v.key === k) };
}

module.exports = { start, compile, VENDORS, DEFAULT_PORTS, BUILD };

if (require.main === module) {
	(async () => {
		if (process.argv.includes('--compile')) {
			const c = compile({ force: process.argv.includes('--force') });
			for (const e of c.errors) log(e);
			return;
		}
		const sb = await start();
		for (const v of sb.vendors) {
			process.stdout.write(`${v.name.padEnd(12)} ${v.url}   credential ${v.credentialType} ${JSON.stringify(v.credentialData)}\n`);
		}
		for (const s of sb.skipped) process.stdout.write(`${s.name.padEnd(12)} SKIPPED: ${s.reason}\n`);
		const stop = async () => {
			await sb.stop();
			process.exit(0);
		};
		process.on('SIGINT', stop);
		process.on('SIGTERM', stop);
	})().catch((e) => {
		log(e.stack || String(e));
		process.exit(1);
	});
}
