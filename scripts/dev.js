#!/usr/bin/env node
// @ts-check
'use strict';
/**
 * The live part of `npm run dev` (= `node scripts/start.js --dev`: npm start's n8n, sandboxes,
 * credentials and example workflows, with this instead of the tarball install).
 *
 * n8n's own dev loop (`n8n-node dev` of @n8n/node-cli) links the repository into
 * ~/.n8n/custom, runs `tsc --watch` and starts n8n with N8N_DEV_RELOAD=true: n8n then watches
 * every node package folder (@parcel/watcher), and on a change drops the package's modules from
 * the require cache, loads it again, rewrites /types/nodes.json and tells open editors
 * (`nodeDescriptionUpdated`). We do the same, except that `tsc --watch` and `gulp watch:assets`
 * write straight into <userFolder>/.n8n/nodes/node_modules/<name>/dist: n8n loads the build as
 * the community package `npm start` installs (node types `n8n-nodes-course-stack.*`, which the
 * example workflows use) and watches only the build, not the repository with n8n's own database.
 * A changed package.json (a node added) needs a restart.
 *
 * `node scripts/dev.js --check` proves the loop in a real n8n (temporary user folder, free port,
 * run it under `flock /tmp/n8n.lock`): it changes the Kwiga node's description in
 * nodes/Kwiga/Kwiga.node.ts, waits until n8n serves it at /types/nodes.json, puts the file back
 * and waits for that too; it prints both delays.
 */
const fs = require('fs');
const path = require('path');
const { spawn } = require('child_process');
const { REPO } = require('./package-files');

const PKG = require('../package.json');

/** Environment for an n8n that reloads changed packages. */
const N8N_ENV = { N8N_DEV_RELOAD: 'true' };

/** @param {string} msg */
function say(msg) {
	process.stderr.write(`[dev] ${msg}\n`);
}

/**
 * Where the dev build goes: the package folder n8n loads community packages from.
 * @param {string} userFolder
 */
function packageDir(userFolder) {
	return path.join(userFolder, '.n8n', 'nodes', 'node_modules', ...PKG.name.split('/'));
}

/**
 * Runs a watcher of the repository (a Node CLI) and resolves once `ready` matches its output.
 * @param {string} name
 * @param {string[]} argv
 * @param {RegExp} ready
 * @param {NodeJS.ProcessEnv} env
 * @returns {Promise<import('child_process').ChildProcess>}
 */
function watcher(name, argv, ready, env) {
	return new Promise((resolve, reject) => {
		const proc = spawn(process.execPath, argv, { cwd: REPO, env, stdio: ['ignore', 'pipe', 'pipe'] });
		let seen = '';
		let isReady = false;
		/** @param {Buffer} chunk */
		const onData = (chunk) => {
			for (const line of String(chunk).split('\n')) {
				// ANSI clear-screen codes and blank lines from tsc stay out of npm start's output
				const text = line.replace(/\x1b\[[0-9;]*[A-Za-z]/g, '').trim(); // eslint-disable-line no-control-regex
				if (text && !/^\[[\d:]+\]$/.test(text)) process.stdout.write(`[${name}] ${text}\n`);
			}
			if (isReady) return;
			seen += chunk;
			if (ready.test(seen)) {
				isReady = true;
				resolve(proc);
			}
		};
		proc.stdout.on('data', onData);
		proc.stderr.on('data', onData);
		proc.on('exit', (code) => {
			if (!isReady) reject(new Error(`${name} exited (code ${code}) before it was ready:\n${seen.slice(-2000)}`));
		});
		process.on('exit', () => proc.kill());
	});
}

/**
 * Compiles the package into n8n's nodes folder and keeps it compiled: `tsc --watch` for the
 * code, `gulp watch:assets` for icons and codex files. Resolves after the first build; the
 * watchers end with this process.
 * @param {string} userFolder
 * @returns {Promise<{ name: string, version: string, dir: string, stop: () => void }>}
 */
async function install(userFolder) {
	const dir = packageDir(userFolder);
	const dist = path.join(dir, 'dist');
	fs.rmSync(dir, { recursive: true, force: true });
	fs.mkdirSync(dir, { recursive: true });
	fs.copyFileSync(path.join(REPO, 'package.json'), path.join(dir, 'package.json'));
	const env = { ...process.env, COURSE_STACK_DIST: dist, FORCE_COLOR: '0' };
	const tsc = require.resolve('typescript/bin/tsc', { paths: [REPO] });
	const gulp = path.join(path.dirname(require.resolve('gulp', { paths: [REPO] })), 'bin', 'gulp.js');
	const [tscProc, gulpProc] = await Promise.all([
		watcher('tsc', [tsc, '-p', 'tsconfig.json', '--watch', '--preserveWatchOutput', '--outDir', dist], /Found \d+ errors?\. Watching for file changes/, env),
		watcher('gulp', [gulp, 'watch:assets'], /Finished 'buildIcons'/, env),
	]);
	const stop = () => {
		tscProc.kill();
		gulpProc.kill();
	};
	return { name: PKG.name, version: PKG.version, dir, stop };
}

module.exports = { N8N_ENV, install, packageDir };

// ------------------------------------------------------------------ --check ---

/**
 * The package's node descriptions as the editor gets them.
 * @param {import('./n8n-cli').N8nSession} session
 * @returns {Promise<any[]>}
 */
async function nodeTypes(session) {
	const r = await session.get('/types/nodes.json');
	if (r.status !== 200) throw new Error(`GET /types/nodes.json -> HTTP ${r.status}`);
	return JSON.parse(r.body).filter((/** @type {{ name: string }} */ t) => t.name.startsWith(`${PKG.name}.`));
}

/**
 * Polls /types/nodes.json until the Kwiga node's description passes `test`; returns the delay.
 * @param {import('./n8n-cli').N8nSession} session
 * @param {(description: string) => boolean} test
 */
async function waitForDescription(session, test, timeoutMs = 60000) {
	const t0 = Date.now();
	for (;;) {
		let served = '(no answer)';
		try {
			const kwiga = (await nodeTypes(session)).find((t) => t.name === `${PKG.name}.kwiga`);
			served = kwiga ? kwiga.description : '(no Kwiga node)';
		} catch {} // n8n may be busy reloading
		if (test(served)) return Date.now() - t0;
		if (Date.now() - t0 > timeoutMs) throw new Error(`n8n still serves "${served}" after ${timeoutMs} ms`);
		await new Promise((r) => setTimeout(r, 200));
	}
}

async function check() {
	const cli = require('./n8n-cli');
	const file = path.join(REPO, 'nodes', 'Kwiga', 'Kwiga.node.ts');
	const original = fs.readFileSync(file, 'utf8');
	const marker = `dev reload check ${Date.now()}`;
	/** @param {number} n */
	const changed = (n) => original.replace(/(\n\t\tdescription: '[^']*)'/, `$1 (${marker}.${n})'`);
	if (changed(1) === original) throw new Error(`no description line to change in ${file}`);
	const uf = cli.makeUserFolder({ prefix: 'cs-dev-check-' });
	const restore = () => fs.writeFileSync(file, original);
	process.on('SIGINT', () => process.exit(130)); // 'exit' handlers restore the file and end the watchers
	process.on('exit', restore);
	/** @type {Awaited<ReturnType<typeof install>> | undefined} */
	let pkg;
	/** @type {import('./n8n-cli').N8nServer | undefined} */
	let srv;
	try {
		let t0 = Date.now();
		pkg = await install(uf);
		say(`first build in ${Date.now() - t0} ms`);
		// debug logs name the folders n8n watches, which is what a failure needs to show
		srv = await cli.startN8n(uf, undefined, { env: { ...N8N_ENV, N8N_LOG_LEVEL: 'debug' }, timeoutMs: 180000 });
		say(`n8n up on ${srv.url} in ${srv.startMs} ms`);
		const session = await cli.ownerSession(srv.url);
		const names = async () => [...new Set((await nodeTypes(session)).map((t) => t.name))].sort().join(', ');
		const before = await names();
		const kwiga = (await nodeTypes(session)).find((t) => t.name === `${PKG.name}.kwiga`);
		if (!kwiga) throw new Error(`n8n does not serve the Kwiga node; it serves: ${before}`);

		// n8n answers before its start-up ends and subscribes its package watcher afterwards, without
		// logging when that is done; a change saved before it is never seen. So: wait for the last
		// start-up line, then save, and save again (a new marker) while n8n has not reloaded.
		for (const t = Date.now(); !srv.logs().includes('Editor is now accessible') && Date.now() - t < 120000; ) await new Promise((r) => setTimeout(r, 200));
		t0 = Date.now();
		let saves = 0;
		for (;;) {
			fs.writeFileSync(file, changed(++saves));
			try {
				await waitForDescription(session, (d) => d.includes(marker), 15000);
				break;
			} catch (e) {
				if (saves === 4) throw e;
				say(`no reload ${Date.now() - t0} ms after save ${saves}; saving again`);
			}
		}
		const applied = Date.now() - t0;
		say(`saved a change: n8n serves it ${applied} ms later (${saves} save${saves > 1 ? 's' : ''})`);
		t0 = Date.now();
		restore();
		await waitForDescription(session, (d) => d === kwiga.description);
		const reverted = Date.now() - t0;
		say(`put the file back: n8n serves the original ${reverted} ms later`);
		const reloads = srv.logs().split('\n').filter((l) => l.includes(`Hot reload triggered for ${PKG.name}`)).length;
		if (!reloads) throw new Error('n8n logged no "Hot reload triggered" for the package');
		const after = await names();
		if (after !== before) throw new Error(`the reloads changed the node types from ${before} to ${after}`);
		process.stdout.write(`dev reload: change served in ${(applied / 1000).toFixed(1)}s after ${saves} save(s), revert in ${(reverted / 1000).toFixed(1)}s (${reloads} reloads)\n`);
	} catch (e) {
		if (srv) {
			const lines = srv.logs().split('\n');
			const watching = lines.filter((l) => /watch|reload|inotify|ENOSPC|EMFILE|unhandled/i.test(l));
			say(`n8n log, lines about watching and reloading:\n${watching.join('\n') || '(none)'}`);
			say(`n8n log, last 30 lines:\n${lines.slice(-30).join('\n')}`);
			const inotify = (() => {
				try {
					return fs.readFileSync('/proc/sys/fs/inotify/max_user_instances', 'utf8').trim();
				} catch {
					return 'unknown';
				}
			})();
			say(`inotify instances allowed per user: ${inotify}`);
		}
		throw e;
	} finally {
		restore();
		if (srv) await srv.stop();
		if (pkg) pkg.stop();
		cli.removeUserFolder(uf);
	}
}

if (require.main === module) {
	if (!process.argv.includes('--check')) {
		process.stderr.write('usage: node scripts/dev.js --check   (npm run dev starts the dev loop)\n');
		process.exit(2);
	}
	check().catch((e) => {
		say(`FAILED: ${e.stack || e}`);
		process.exit(1);
	});
}
