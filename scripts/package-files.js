// @ts-check
'use strict';
/**
 * Building and packing this repository's package, shared by `npm start` (scripts/start.js) and
 * `npm run test:e2e` (scripts/e2e.js).
 */
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');

const REPO = path.resolve(__dirname, '..');

/**
 * Runs npm in the repository without the npm_config_* of a surrounding `npm run`.
 * @param {string[]} argv
 * @param {Omit<import('child_process').SpawnSyncOptions, 'encoding'>} [opts]
 * @returns {import('child_process').SpawnSyncReturns<string>}
 */
function npm(argv, opts = {}) {
	const env = { ...process.env };
	for (const k of Object.keys(env)) if (/^npm_config_/i.test(k)) delete env[k];
	return spawnSync('npm', argv, { cwd: REPO, env, encoding: 'utf8', ...opts });
}

/**
 * Newest modification time (ms) of the files under the given repository paths.
 * @param {string[]} entries
 */
function newestMtime(entries) {
	let newest = 0;
	const walk = (p) => {
		let st;
		try {
			st = fs.statSync(p);
		} catch {
			return;
		}
		if (st.isDirectory()) for (const f of fs.readdirSync(p)) walk(path.join(p, f));
		else newest = Math.max(newest, st.mtimeMs);
	};
	for (const e of entries) walk(path.join(REPO, e));
	return newest;
}

/**
 * `npm pack` into `dir`; returns the tarball's path.
 * @param {string} dir
 */
function packInto(dir) {
	const p = npm(['pack', '--ignore-scripts', '--pack-destination', dir]);
	if (p.status !== 0) throw new Error(`npm pack failed: ${p.stderr}`);
	return path.join(dir, p.stdout.trim().split('\n').slice(-1)[0]);
}

/**
 * Builds when asked (`force`), when a declared dist file is missing, or when a source is newer than
 * dist. Returns whether it built.
 * @param {{ force?: boolean, log?: (line: string) => void }} [opts]
 */
function buildIfNeeded({ force = false, log = () => {} } = {}) {
	const pkg = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8'));
	const distFiles = pkg.n8n.nodes.concat(pkg.n8n.credentials).map((f) => path.join(REPO, f));
	const distOk = distFiles.every((f) => fs.existsSync(f));
	const oldestDist = distOk ? Math.min(...distFiles.map((f) => fs.statSync(f).mtimeMs)) : 0;
	const stale = distOk && newestMtime(['nodes', 'credentials']) > oldestDist;
	if (distOk && !stale && !force) return false;
	log(`building (npm run build)${stale ? ': sources are newer than dist/' : ''}...`);
	const b = npm(['run', 'build']);
	if (b.status !== 0) throw new Error(`npm run build failed:\n${b.stdout}\n${b.stderr}`);
	return true;
}

/**
 * An instance of a built node or credential class, from its path in package.json's `n8n` lists
 * (`dist/nodes/Kwiga/Kwiga.node.js` exports `Kwiga`).
 * @param {string} file
 * @returns {any}
 */
function loadBuilt(file) {
	const cls = path.basename(file).split('.')[0];
	return new (require(path.join(REPO, file))[cls])();
}

module.exports = { REPO, npm, newestMtime, packInto, buildIfNeeded, loadBuilt };
