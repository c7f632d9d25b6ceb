#!/usr/bin/env node
// @ts-check
'use strict';
/**
 * Installs (once per machine) a Node 24 runtime plus a real n8n into a cache
 * directory that survives fresh clones, and returns the paths to use.
 *
 *   const { ensureRuntime } = require('./scripts/n8n-runtime');
 *   const { node, n8nBin, home } = ensureRuntime();
 *
 * CLI: `node scripts/n8n-runtime.js` (prints the paths as JSON on stdout,
 * progress on stderr). `--force` reinstalls from scratch. `--tested` prints the
 * n8n versions CI proves the package on, one per line.
 *
 * Version: $COURSE_STACK_N8N_VERSION, else PRIMARY_N8N_VERSION (the one the README
 * names). Not plain N8N_VERSION: n8n reads that name itself (its task runner's
 * Sentry config) and n8n's Docker build uses it. Each version has its own home.
 *
 * Location: $COURSE_STACK_N8N_HOME, else
 *   ${XDG_CACHE_HOME:-~/.cache}/n8n-nodes-course-stack/n8n-<version>
 * A symlink `<repo>/.n8n-runtime` -> that folder is created for convenience.
 * Folders all versions share (the browser) live next to them: sharedHome().
 *
 * Layout:
 *   <home>/node24/   npm project holding the `node@24` package (real binary)
 *   <home>/n8n/      npm project holding n8n@N8N_VERSION (+ sqlite3 rebuilt for Node 24), its
 *                    package.json `overrides` = INSTALL_OVERRIDES + registryStandIns()
 *   <home>/.complete JSON marker written last; its presence means "ready" (it names the stand-ins)
 * Each step has its own `.step-done` marker; a step whose marker is missing is
 * wiped and redone, so an interrupted install is repaired on the next call.
 * A lock dir (<home>.lock, holding the owner's pid) serialises concurrent callers.
 *
 * Works with Node 20 (the scripts themselves); n8n itself runs on Node 24.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawnSync } = require('child_process');

/** The n8n the README names as primary: `npm start`, the bench, queue mode and the default here. */
const PRIMARY_N8N_VERSION = '2.41.1';
/** Every n8n `.ci/run` runs the e2e on, primary first (README "Compatibility"; test/readme.test.ts). */
const TESTED_N8N_VERSIONS = [PRIMARY_N8N_VERSION, '2.41.3', '1.123.81'];
const N8N_VERSION = process.env.COURSE_STACK_N8N_VERSION || PRIMARY_N8N_VERSION;
if (!/^\d+\.\d+\.\d+$/.test(N8N_VERSION)) throw new Error(`COURSE_STACK_N8N_VERSION must be an exact version like 1.123.81, not "${N8N_VERSION}"`);
/**
 * npm `overrides` of the runtime's own install project, per n8n major version (never the package's).
 * n8n 1.x's n8n-nodes-base takes xlsx as a tarball from cdn.sheetjs.com, which an install that can
 * only reach the npm registry cannot fetch; the registry's last xlsx stands in for it.
 * @type {Record<string, Record<string, string>>}
 */
const INSTALL_OVERRIDES = { 1: { xlsx: '0.18.5' } };
const NODE_SPEC = process.env.COURSE_STACK_NODE_SPEC || 'node@24';
const REPO_ROOT = path.resolve(__dirname, '..');

function cacheRoot() {
	return path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'n8n-nodes-course-stack');
}

function runtimeHome() {
	if (process.env.COURSE_STACK_N8N_HOME) return path.resolve(process.env.COURSE_STACK_N8N_HOME);
	return path.join(cacheRoot(), `n8n-${N8N_VERSION}`);
}

/**
 * A cache folder every n8n version shares (e.g. the browser of scripts/browser.js), inside the
 * runtime home when COURSE_STACK_N8N_HOME pins one.
 * @param {string} name
 */
function sharedHome(name) {
	return process.env.COURSE_STACK_N8N_HOME ? path.join(runtimeHome(), name) : path.join(cacheRoot(), name);
}

function paths(home = runtimeHome()) {
	const nodeBin = path.join(home, 'node24', 'node_modules', '.bin', 'node');
	return {
		home,
		node: nodeBin,
		nodeDir: path.join(home, 'node24', 'node_modules', 'node'),
		n8nDir: path.join(home, 'n8n', 'node_modules', 'n8n'),
		n8nBin: path.join(home, 'n8n', 'node_modules', 'n8n', 'bin', 'n8n'),
		npmCli: findNpmCli(),
		marker: path.join(home, '.complete'),
	};
}

/** npm-cli.js of the npm that runs alongside the current (Node 20) node. */
function findNpmCli() {
	const candidates = [];
	if (process.env.npm_execpath && /npm-cli\.js$/.test(process.env.npm_execpath)) {
		candidates.push(process.env.npm_execpath);
	}
	const prefix = path.resolve(path.dirname(process.execPath), '..');
	candidates.push(path.join(prefix, 'lib', 'node_modules', 'npm', 'bin', 'npm-cli.js'));
	candidates.push('/usr/lib/node_modules/npm/bin/npm-cli.js');
	candidates.push('/usr/local/lib/node_modules/npm/bin/npm-cli.js');
	for (const c of candidates) if (fs.existsSync(c)) return c;
	return null;
}

function log(msg) {
	process.stderr.write(`[n8n-runtime] ${msg}\n`);
}

function readMarker(file) {
	try {
		return JSON.parse(fs.readFileSync(file, 'utf8'));
	} catch {
		return null;
	}
}

function isComplete(p) {
	const m = readMarker(p.marker);
	return !!(m && m.n8nVersion === N8N_VERSION && fs.existsSync(p.node) && fs.existsSync(p.n8nBin));
}

/** Runs npm (Node 20's npm) with a clean npm environment. */
function npm(args, { cwd, env = {}, label }) {
	const p = paths();
	const cmd = p.npmCli ? process.execPath : 'npm';
	const argv = p.npmCli ? [p.npmCli, ...args] : args;
	const childEnv = { ...process.env, ...env };
	// do not inherit npm_config_* from an enclosing `npm run`/`npm test`
	for (const k of Object.keys(childEnv)) {
		if (/^npm_config_/i.test(k) && !(k in env)) delete childEnv[k];
	}
	const r = spawnSync(cmd, argv, { cwd, env: childEnv, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
	if (r.status !== 0) {
		const out = `${r.stdout || ''}\n${r.stderr || ''}`.split('\n').slice(-40).join('\n');
		throw new Error(`${label || 'npm ' + args.join(' ')} failed (exit ${r.status}):\n${out}`);
	}
	return r;
}

function stepDone(dir) {
	return fs.existsSync(path.join(dir, '.step-done'));
}

function markStep(dir) {
	fs.writeFileSync(path.join(dir, '.step-done'), new Date().toISOString() + '\n');
}

/**
 * Empties `dir` into an npm project of its own.
 * @param {string} dir
 * @param {Record<string, string>} [overrides] npm `overrides` of that project
 */
function freshDir(dir, overrides) {
	fs.rmSync(dir, { recursive: true, force: true });
	fs.mkdirSync(dir, { recursive: true });
	fs.writeFileSync(
		path.join(dir, 'package.json'),
		JSON.stringify({ name: path.basename(dir) + '-runtime', private: true, version: '0.0.0', ...(overrides ? { overrides } : {}) }, null, 2),
	);
	// isolate from any .npmrc up the tree (e.g. the repo's ignore-scripts=true)
	fs.writeFileSync(path.join(dir, '.npmrc'), 'fund=false\naudit=false\nupdate-notifier=false\npackage-lock=true\n');
}

/** Orders exact versions `1.2.3`. @param {string} a @param {string} b */
function compareVersions(a, b) {
	const [x, y] = [a, b].map((v) => v.split('.').map(Number));
	return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
}

/**
 * Stand-ins for n8n's own packages (n8n-*, @n8n/*, which n8n pins exactly) that n8n@N8N_VERSION
 * needs but the registry does not hold, as npm `overrides`: each the newest published version below
 * the pinned one. A partial registry mirror lacks some packages of a fresh patch release; against the
 * full registry this is empty. Walks n8n's own dependency tree with `npm view` (about 40 look-ups).
 * @returns {Record<string, string>}
 */
function registryStandIns() {
	/** @param {string[]} args */
	const view = (args) => {
		try {
			return JSON.parse(npm(['view', ...args, '--json'], { cwd: os.tmpdir(), label: `npm view ${args.join(' ')}` }).stdout || 'null');
		} catch {
			return null; // npm view exits 1 on a version the registry does not hold
		}
	};
	const own = (/** @type {string} */ name) => name.startsWith('n8n-') || name.startsWith('@n8n/');
	/** @type {Record<string, string>} */
	const standIns = {};
	const seen = new Set();
	const queue = [['n8n', N8N_VERSION]];
	while (queue.length) {
		const [name, version] = /** @type {[string, string]} */ (queue.shift());
		if (seen.has(`${name}@${version}`)) continue;
		seen.add(`${name}@${version}`);
		const info = view([`${name}@${version}`, 'version', 'dependencies']);
		if (!info && name !== 'n8n' && !standIns[name]) {
			const older = (view([name, 'versions']) || []).filter((/** @type {string} */ v) => /^\d+\.\d+\.\d+$/.test(v) && compareVersions(v, version) < 0);
			if (!older.length) throw new Error(`the registry holds no ${name} at or below ${version} (needed by n8n ${N8N_VERSION})`);
			standIns[name] = older.sort(compareVersions).at(-1);
			queue.push([name, standIns[name]]);
		}
		for (const [dep, spec] of Object.entries((info && info.dependencies) || {})) {
			if (own(dep) && /^\d+\.\d+\.\d+$/.test(String(spec))) queue.push([dep, String(spec)]);
		}
	}
	return standIns;
}

/** Directory containing include/node/node.h for the installed Node 24. */
function nodeHeadersDir(p) {
	const candidates = [
		p.nodeDir,
		path.join(p.nodeDir, 'node_modules', `node-${process.platform}-${process.arch}`),
		path.join(p.home, 'node24', 'node_modules', `node-${process.platform}-${process.arch}`),
	];
	// the real binary's prefix (bin/node -> ../include/node)
	try {
		const real = fs.realpathSync(p.node);
		candidates.unshift(path.resolve(path.dirname(real), '..'));
	} catch {}
	for (const c of candidates) if (fs.existsSync(path.join(c, 'include', 'node', 'node.h'))) return c;
	return null;
}

function sleepMs(ms) {
	Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function pidAlive(pid) {
	try {
		process.kill(pid, 0);
		return true;
	} catch (e) {
		return e.code === 'EPERM';
	}
}

function withLock(home, fn) {
	const lock = `${home}.lock`;
	fs.mkdirSync(path.dirname(lock), { recursive: true });
	const started = Date.now();
	let announced = false;
	for (;;) {
		try {
			fs.mkdirSync(lock);
			fs.writeFileSync(path.join(lock, 'pid'), String(process.pid));
			break;
		} catch (e) {
			if (e.code !== 'EEXIST') throw e;
			let owner = NaN;
			try {
				owner = parseInt(fs.readFileSync(path.join(lock, 'pid'), 'utf8'), 10);
			} catch {}
			const age = (() => {
				try {
					return Date.now() - fs.statSync(lock).mtimeMs;
				} catch {
					return 0;
				}
			})();
			if ((Number.isFinite(owner) && !pidAlive(owner)) || (!Number.isFinite(owner) && age > 10000)) {
				log(`removing stale lock ${lock}`);
				fs.rmSync(lock, { recursive: true, force: true });
				continue;
			}
			if (!announced) {
				log(`waiting for another install (pid ${owner}) holding ${lock}...`);
				announced = true;
			}
			if (Date.now() - started > 30 * 60 * 1000) throw new Error(`timed out waiting for lock ${lock}`);
			sleepMs(1000);
		}
	}
	try {
		return fn();
	} finally {
		fs.rmSync(lock, { recursive: true, force: true });
	}
}

function linkIntoRepo(home) {
	const link = path.join(REPO_ROOT, '.n8n-runtime');
	try {
		const cur = fs.readlinkSync(link);
		if (cur === home) return;
		fs.unlinkSync(link);
	} catch {}
	try {
		fs.symlinkSync(home, link);
	} catch {}
}

function timed(label, fn) {
	const t0 = Date.now();
	log(`${label}...`);
	const r = fn();
	log(`${label} done in ${((Date.now() - t0) / 1000).toFixed(1)}s`);
	return r;
}

/**
 * Ensures Node 24 + n8n are installed; returns { node, n8nBin, n8nDir, n8nVersion, standIns, home,
 * nodeHeaders, nodeVersion } (standIns: registryStandIns() at install time).
 * Fast path (marker present): a few stat calls.
 */
function ensureRuntime({ force = false, quiet = false } = {}) {
	const p = paths();
	if (!force && isComplete(p)) {
		linkIntoRepo(p.home);
		const m = readMarker(p.marker);
		return { node: p.node, n8nBin: p.n8nBin, n8nDir: p.n8nDir, n8nVersion: N8N_VERSION, standIns: m.standIns || {}, home: p.home, nodeHeaders: m.nodeHeaders, nodeVersion: m.nodeVersion };
	}
	return withLock(p.home, () => {
		if (!force && isComplete(p)) return ensureRuntime();
		const t0 = Date.now();
		if (!quiet) log(`installing n8n ${N8N_VERSION} runtime into ${p.home} (one-time, ~3 GB, several minutes)`);
		fs.mkdirSync(p.home, { recursive: true });
		fs.rmSync(p.marker, { force: true });
		if (force) {
			fs.rmSync(path.join(p.home, 'node24'), { recursive: true, force: true });
			fs.rmSync(path.join(p.home, 'n8n'), { recursive: true, force: true });
		}

		// [1/4] Node 24 (npm package `node` -> postinstall fetches node-<os>-<arch> from npm)
		const nodeStepDir = path.join(p.home, 'node24');
		if (!stepDone(nodeStepDir) || !fs.existsSync(p.node)) {
			timed(`[1/4] installing Node 24 (${NODE_SPEC}) from npm`, () => {
				freshDir(nodeStepDir);
				npm(['install', '--no-fund', '--no-audit', '--ignore-scripts=false', NODE_SPEC], {
					cwd: nodeStepDir,
					label: `npm install ${NODE_SPEC}`,
				});
				if (!fs.existsSync(p.node)) throw new Error(`Node binary not found at ${p.node} after install`);
				markStep(nodeStepDir);
			});
		} else log('[1/4] Node 24 already installed');
		const nodeVersion = spawnSync(p.node, ['--version'], { encoding: 'utf8' }).stdout.trim();
		const headers = nodeHeadersDir(p);
		if (!headers) throw new Error(`could not find include/node/node.h for ${p.node}`);

		// [2/4] n8n without install scripts (a Kafka client's script downloads a binary and fails offline)
		const n8nStepDir = path.join(p.home, 'n8n');
		const n8nInstalled = fs.existsSync(path.join(n8nStepDir, '.step-installed')) && fs.existsSync(p.n8nBin);
		const n8nBuilt = n8nInstalled && stepDone(n8nStepDir);
		const standInsFile = path.join(n8nStepDir, '.stand-ins.json');
		if (!n8nInstalled) {
			const standIns = timed(`[2/4] checking the registry holds n8n ${N8N_VERSION}'s own packages`, registryStandIns);
			if (Object.keys(standIns).length) log(`the registry lacks some of n8n ${N8N_VERSION}'s own packages; standing in: ${JSON.stringify(standIns)}`);
			const overrides = { ...INSTALL_OVERRIDES[N8N_VERSION.split('.')[0]], ...standIns };
			const listed = Object.keys(overrides).length ? ` with overrides ${JSON.stringify(overrides)}` : '';
			timed(`[2/4] installing n8n@${N8N_VERSION} (--ignore-scripts; ~3 min)${listed}`, () => {
				freshDir(n8nStepDir, Object.keys(overrides).length ? overrides : undefined);
				fs.writeFileSync(standInsFile, JSON.stringify(standIns));
				npm(['install', '--no-fund', '--no-audit', '--ignore-scripts', '--engine-strict=false', `n8n@${N8N_VERSION}`], {
					cwd: n8nStepDir,
					env: { PATH: `${path.dirname(p.node)}:${process.env.PATH}` },
					label: `npm install n8n@${N8N_VERSION}`,
				});
				if (!fs.existsSync(p.n8nBin)) throw new Error(`n8n bin not found at ${p.n8nBin}`);
				fs.writeFileSync(path.join(n8nStepDir, '.step-installed'), new Date().toISOString() + '\n');
			});
		} else log('[2/4] n8n already installed');

		// [3/4] native modules for Node 24: sqlite3 (built from source against the Node 24 headers)
		if (!n8nBuilt) {
			timed(`[3/4] building sqlite3 for Node ${nodeVersion}`, () => {
				npm(['rebuild', '--ignore-scripts=false', 'sqlite3'], {
					cwd: n8nStepDir,
					env: {
						PATH: `${path.dirname(p.node)}:${process.env.PATH}`,
						npm_config_nodedir: headers,
						npm_config_build_from_source: 'true',
					},
					label: 'npm rebuild sqlite3',
				});
			});
		} else log('[3/4] native modules already built');

		// [4/4] smoke test: n8n --version on Node 24, sqlite3 loads
		timed('[4/4] verifying', () => {
			const v = spawnSync(p.node, [p.n8nBin, '--version'], {
				encoding: 'utf8',
				env: { ...process.env, N8N_USER_FOLDER: fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-rt-verify-')) },
			});
			if (v.status !== 0 || !v.stdout.includes(N8N_VERSION)) {
				throw new Error(`n8n --version failed: ${v.stdout}\n${v.stderr}`);
			}
			const s = spawnSync(p.node, ['-e', "require('sqlite3'); console.log('ok')"], {
				cwd: n8nStepDir,
				encoding: 'utf8',
			});
			if (s.status !== 0) throw new Error(`sqlite3 does not load on Node 24:\n${s.stderr}`);
			markStep(n8nStepDir);
		});

		const marker = {
			n8nVersion: N8N_VERSION,
			standIns: readMarker(standInsFile) || {},
			nodeVersion,
			nodeHeaders: headers,
			installedAt: new Date().toISOString(),
			installSeconds: Math.round((Date.now() - t0) / 1000),
		};
		fs.writeFileSync(p.marker + '.tmp', JSON.stringify(marker, null, 2));
		fs.renameSync(p.marker + '.tmp', p.marker);
		log(`ready in ${marker.installSeconds}s: node ${nodeVersion}, n8n ${N8N_VERSION} at ${p.home}`);
		linkIntoRepo(p.home);
		return { node: p.node, n8nBin: p.n8nBin, n8nDir: p.n8nDir, n8nVersion: N8N_VERSION, standIns: marker.standIns, home: p.home, nodeHeaders: headers, nodeVersion };
	});
}

module.exports = { ensureRuntime, runtimeHome, sharedHome, paths, N8N_VERSION, PRIMARY_N8N_VERSION, TESTED_N8N_VERSIONS, npm, freshDir, withLock, stepDone, markStep, log };

if (require.main === module && process.argv.includes('--tested')) {
	process.stdout.write(`${TESTED_N8N_VERSIONS.join('\n')}\n`);
} else if (require.main === module) {
	try {
		const t0 = Date.now();
		const r = ensureRuntime({ force: process.argv.includes('--force') });
		process.stdout.write(JSON.stringify(r, null, 2) + '\n');
		log(`(${Date.now() - t0} ms)`);
	} catch (e) {
		log(e.message);
		process.exit(1);
	}
}
