#!/usr/bin/env node
// @ts-check
/**
 * The ESLint part of n8n's official community package scanner (@n8n/scan-community-package
 * 0.32.0, scanner/scanner.mjs: buildScanConfig + analyzePackage), run on local folders with
 * this repo's devDependencies instead of installing the scanner itself.
 *
 * Why not the scanner package: 0.32.0 depends on typescript@7.0.2 (the native compiler: a
 * platform binary package per OS), a second, older @n8n/eslint-plugin-community-nodes (0.29.0)
 * and axios/tmp, and its CLI only scans packages *published* on npm (it needs npm provenance and
 * downloads the attested GitHub source). Its `analyzePackage(dir, patterns)` is plain ESLint with
 * the config below, which is what we reproduce. Differences: eslint-plugin-n8n-nodes-base is
 * this repo's 1.16.3 (scanner: ^1.16.7) and @n8n/eslint-plugin-community-nodes is 0.32.0
 * (scanner: 0.29.0).
 *
 * The scanner runs two legs, and so does scanPackage():
 *   - source leg:  the package sources, patterns ['package.json', '{nodes,credentials}/**\/*.{js,ts,json}']
 *   - tarball leg: the extracted `npm pack` tarball, patterns ['**\/*.js', 'package.json']
 *
 * loadScanner() prefers the real scanner (installed once into the machine cache) and uses the
 * replica only as a fallback; COURSE_STACK_SCANNER=replica forces the replica.
 *
 * CLI: node scripts/scan-package.mjs <sourceDir> [<extractedTarballDir>]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { ESLint } from 'eslint';
import glob from 'fast-glob';

export const SCANNER_VERSION = '0.32.0';

export const SOURCE_FILE_PATTERNS = ['package.json', '{nodes,credentials}/**/*.{js,ts,json}'];
export const TARBALL_FILE_PATTERNS = ['**/*.js', 'package.json'];

/**
 * Same flat config as the scanner's buildScanConfig() (0.32.0).
 * @returns {Promise<import('eslint').Linter.Config[]>}
 */
export async function buildScanConfig() {
	const { n8nCommunityNodesPlugin } = await import('@n8n/eslint-plugin-community-nodes');
	const tsParser = await import('@typescript-eslint/parser');
	const n8nNodesPlugin = (await import('eslint-plugin-n8n-nodes-base')).default;
	const parser = tsParser.default ?? tsParser;
	return [
		n8nCommunityNodesPlugin.configs.recommended,
		{ rules: { 'no-console': /** @type {const} */ ('error') } },
		{ plugins: { 'n8n-nodes-base': n8nNodesPlugin } },
		{ files: ['package.json'], rules: { ...n8nNodesPlugin.configs.community.rules } },
		{
			files: ['**/credentials/**/*.ts'],
			rules: {
				...n8nNodesPlugin.configs.credentials.rules,
				'n8n-nodes-base/cred-class-field-documentation-url-miscased': 'off',
				'n8n-nodes-base/cred-class-field-type-options-password-missing': 'off',
			},
		},
		{
			files: ['**/nodes/**/*.ts'],
			rules: {
				...n8nNodesPlugin.configs.nodes.rules,
				'n8n-nodes-base/node-class-description-inputs-wrong-regular-node': 'off',
				'n8n-nodes-base/node-class-description-outputs-wrong': 'off',
				'n8n-nodes-base/node-param-type-options-max-value-present': 'off',
			},
		},
		{ files: ['**/*.json'], languageOptions: { parser } },
		{ files: ['**/*.ts'], languageOptions: { parser } },
	].flat();
}

/** Same as the scanner's analyzePackage(): { passed, message?, details?, files }. */
export async function analyzePackage(packageDir, filePatterns = ['**/*.js', '**/*.ts', '**/*.json']) {
	const eslint = new ESLint({
		cwd: packageDir,
		allowInlineConfig: false,
		overrideConfigFile: true,
		overrideConfig: await buildScanConfig(),
	});
	const filesToLint = glob.sync(filePatterns, {
		cwd: packageDir,
		absolute: true,
		ignore: ['node_modules/**', '**/package-lock.json'],
	});
	if (filesToLint.length === 0) return { passed: true, message: 'No files found to analyze', files: 0 };
	try {
		const results = await eslint.lintFiles(filesToLint);
		const violations = results.filter((r) => r.errorCount > 0);
		if (violations.length > 0) {
			const formatter = await eslint.loadFormatter('stylish');
			return {
				passed: false,
				message: 'ESLint violations found',
				details: await formatter.format(results),
				files: filesToLint.length,
			};
		}
		return { passed: true, files: filesToLint.length };
	} catch (error) {
		return { passed: false, message: `Analysis failed: ${error.message}`, details: error.stack, files: filesToLint.length };
	}
}

function scannerHome() {
	const cache = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
	return path.join(cache, 'n8n-nodes-course-stack', `scan-community-package-${SCANNER_VERSION}`);
}

/**
 * The official scanner's analyzePackage(), installed once per machine (like the n8n runtime) into
 * ~/.cache/n8n-nodes-course-stack/scan-community-package-<v> with
 * `npm install --omit=optional --ignore-scripts` (~25 s, ~190 MB; --omit=optional skips the
 * typescript@7 platform binaries, which the scanner never loads). Falls back to the replica above
 * (this repo's plugin versions) when that install is not possible (e.g. offline).
 * @returns {Promise<{ analyzePackage: Function, official: boolean, label: string, note?: string }>}
 */
export async function loadScanner({ log = (m) => process.stderr.write(`[scan] ${m}\n`) } = {}) {
	if (process.env.COURSE_STACK_SCANNER !== 'replica') {
		const home = scannerHome();
		const entry = path.join(home, 'node_modules', '@n8n', 'scan-community-package', 'scanner', 'scanner.mjs');
		let note;
		if (!fs.existsSync(path.join(home, '.complete'))) {
			log(`installing @n8n/scan-community-package@${SCANNER_VERSION} into ${home} (one-time, ~30 s)...`);
			const tmp = `${home}.tmp-${process.pid}`;
			fs.rmSync(tmp, { recursive: true, force: true });
			fs.mkdirSync(tmp, { recursive: true });
			fs.writeFileSync(path.join(tmp, 'package.json'), JSON.stringify({ name: 'scanner-runtime', private: true, version: '0.0.0' }));
			fs.writeFileSync(path.join(tmp, '.npmrc'), 'fund=false\naudit=false\nupdate-notifier=false\n');
			const env = { ...process.env };
			for (const k of Object.keys(env)) if (/^npm_config_/i.test(k)) delete env[k];
			const r = spawnSync(
				'npm',
				['install', '--omit=optional', '--ignore-scripts', '--no-audit', '--no-fund', `@n8n/scan-community-package@${SCANNER_VERSION}`],
				{ cwd: tmp, env, encoding: 'utf8', timeout: 10 * 60 * 1000 },
			);
			if (r.status === 0 && fs.existsSync(path.join(tmp, 'node_modules', '@n8n', 'scan-community-package', 'scanner', 'scanner.mjs'))) {
				fs.writeFileSync(path.join(tmp, '.complete'), new Date().toISOString());
				fs.rmSync(home, { recursive: true, force: true });
				fs.mkdirSync(path.dirname(home), { recursive: true });
				try {
					fs.renameSync(tmp, home);
				} catch {
					fs.rmSync(tmp, { recursive: true, force: true }); // a concurrent run won
				}
			} else {
				note = `could not install the official scanner (npm exit ${r.status}: ${String(r.stderr || r.error || '').trim().split('\n').pop()})`;
				fs.rmSync(tmp, { recursive: true, force: true });
			}
		}
		if (fs.existsSync(entry)) {
			try {
				const mod = await import(pathToFileURL(entry).href);
				return { analyzePackage: mod.analyzePackage, official: true, label: `@n8n/scan-community-package@${SCANNER_VERSION} analyzePackage` };
			} catch (e) {
				note = `could not load the official scanner: ${e.message}`;
			}
		}
		log(`${note}; using the replica with this repo's ESLint plugins`);
		return { analyzePackage, official: false, label: 'replica of the scanner config (repo devDependencies)', note };
	}
	return { analyzePackage, official: false, label: 'replica of the scanner config (repo devDependencies)' };
}

/** Both legs. `tarballDir` is the extracted `npm pack` output (package/ contents). */
export async function scanPackage(sourceDir, tarballDir, scanner) {
	const s = scanner || (await loadScanner());
	const source = await s.analyzePackage(sourceDir, SOURCE_FILE_PATTERNS);
	const tarball = tarballDir ? await s.analyzePackage(tarballDir, TARBALL_FILE_PATTERNS) : undefined;
	return { scanner: s.label, source, tarball, passed: source.passed && (!tarball || tarball.passed) };
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
	const [sourceDir, tarballDir] = process.argv.slice(2);
	if (!sourceDir || !fs.existsSync(sourceDir)) {
		console.error('usage: node scripts/scan-package.mjs <sourceDir> [<extractedTarballDir>]');
		process.exit(2);
	}
	const r = await scanPackage(path.resolve(sourceDir), tarballDir && path.resolve(tarballDir));
	process.stdout.write(`scanner: ${r.scanner}\n`);
	for (const [leg, res] of Object.entries({ source: r.source, tarball: r.tarball })) {
		if (!res) continue;
		process.stdout.write(`${res.passed ? "PASS" : "FAIL"} ${leg}${res.files ? ` (${res.files} files)` : ""}${res.message ? ': ' + res.message : ''}\n`);
		if (res.details) process.stdout.write(res.details + '\n');
	}
	process.exit(r.passed ? 0 : 1);
}
