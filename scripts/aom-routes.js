#!/usr/bin/env node
// @ts-check
/**
 * Rewrites the Academy of Mine route table (nodes/AcademyOfMine/routes.ts) from the vendor's own
 * API description: an OpenAPI document (JSON or YAML) or a saved copy of its Redoc page (the spec
 * is embedded in the page as `__redoc_state`). Operations are matched by title (the spec's
 * `summary`, else `operationId`), narrowed by tag = section when a title occurs in several
 * sections, and in order when a section repeats a title.
 *
 *   npm run aom:routes -- <spec file> [--routes <routes.ts>] [--dry-run]
 *
 * Prints what matched, what did not (either side) and which routes changed.
 */
const { readFileSync, writeFileSync } = require('node:fs');
const { extname } = require('node:path');

const { readRoutes, routesSource, ROUTES_FILE } = require('./aom-generate');
const { readReference } = require('./aom/reference');
const overrides = require('./aom/overrides');

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

/** The OpenAPI document in a file: JSON, YAML, or the Redoc page that embeds it. */
function readSpec(file) {
	const text = readFileSync(file, 'utf8');
	const ext = extname(file).toLowerCase();
	if (ext === '.html' || ext === '.htm' || /^\s*<(!doctype|html)/i.test(text)) {
		const state = /__redoc_state\s*=\s*(\{[\s\S]*?\})\s*;?\s*<\/script>/.exec(text);
		if (!state) throw new Error(`${file}: no Redoc state (__redoc_state) in the page; save the page with its scripts, or use the spec file itself`);
		const parsed = JSON.parse(state[1]);
		return parsed.spec?.data ?? parsed.spec ?? parsed;
	}
	if (ext === '.yaml' || ext === '.yml') return require('yaml').parse(text);
	try {
		return JSON.parse(text);
	} catch {
		return require('yaml').parse(text);
	}
}

const norm = (text) => String(text ?? '').toLowerCase().replace(/[^a-z0-9]+/g, '');

/** The spec's operations: method, path, title, tags. */
function specOperations(spec) {
	const out = [];
	for (const [path, item] of Object.entries(spec?.paths ?? {})) {
		for (const method of METHODS) {
			const op = /** @type {any} */ (item)?.[method];
			if (!op) continue;
			out.push({ method: method.toUpperCase(), path, title: op.summary ?? op.operationId ?? '', tags: (op.tags ?? []).map(norm) });
		}
	}
	return out;
}

/**
 * The route for one of our operations from the spec's: the spec's path, with its placeholders
 * renamed, in order, to the path parameters the reference documents (the node's fields fill those).
 */
function adapt(specOp, refOp) {
	const ours = refOp.params.filter((p) => p.in === 'path').map((p) => p.name);
	const theirs = [...specOp.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
	let path = specOp.path;
	let review;
	if (theirs.length === ours.length) theirs.forEach((name, i) => (path = path.replace(`{${name}}`, `{${ours[i]}}`)));
	else review = `the spec's path has ${theirs.length} parameter(s), the reference documents ${ours.length}: use Route Override or Custom Request`;
	return { route: { method: specOp.method, path, inferred: false }, review };
}

/** Matches the spec to the route table; returns the new table and a report. */
function importRoutes(spec, routes) {
	const reference = readReference().filter((op) => op.id in routes);
	const specOps = specOperations(spec);
	const used = new Set();
	const next = { ...routes };
	/** @type {Record<'matched' | 'unmatched' | 'unmatchedSpec' | 'changed' | 'review', string[]>} */
	const report = { matched: [], unmatched: [], unmatchedSpec: [], changed: [], review: [] };
	for (const op of reference) {
		const titles = [op.title, op.catalogName, overrides.names[op.id]].filter(Boolean).map(norm);
		const candidates = specOps.filter((s, i) => !used.has(i) && titles.includes(norm(s.title)));
		const inSection = candidates.filter((s) => s.tags.includes(norm(op.section)));
		const chosen = (inSection.length ? inSection : candidates.length === 1 ? candidates : [])[0];
		if (!chosen) {
			report.unmatched.push(op.id);
			continue;
		}
		used.add(specOps.indexOf(chosen));
		const { route, review } = adapt(chosen, op);
		report.matched.push(op.id);
		if (review) report.review.push(`${op.id}: ${review}`);
		const before = routes[op.id];
		if (before.method !== route.method || before.path !== route.path) report.changed.push(`${op.id}: ${before.method} ${before.path} -> ${route.method} ${route.path}`);
		next[op.id] = route;
	}
	report.unmatchedSpec = specOps.filter((_s, i) => !used.has(i)).map((s) => `${s.method} ${s.path} "${s.title}"`);
	return { routes: next, report };
}

function main(argv) {
	const args = argv.slice(2);
	const option = (name) => {
		const i = args.indexOf(name);
		return i >= 0 ? args.splice(i, 2)[1] : undefined;
	};
	const routesFile = option('--routes') ?? ROUTES_FILE;
	const dry = args.includes('--dry-run');
	const file = args.find((a) => !a.startsWith('--'));
	if (!file) {
		console.error('usage: npm run aom:routes -- <openapi.json | openapi.yaml | redoc.html> [--routes <routes.ts>] [--dry-run]');
		return 2;
	}
	const spec = readSpec(file);
	const { routes, report } = importRoutes(spec, readRoutes(routesFile));
	// the paths are relative to the spec's server: that URL is the credential's Base URL
	for (const server of spec?.servers ?? []) console.log(`server (Base URL of the credential): ${server.url}`);
	console.log(`matched: ${report.matched.length}`);
	console.log(`unmatched (kept as they were): ${report.unmatched.length}`);
	for (const id of report.unmatched) console.log(`  ${id}`);
	console.log(`in the spec but not in the node: ${report.unmatchedSpec.length}`);
	for (const line of report.unmatchedSpec) console.log(`  ${line}`);
	console.log(`changed: ${report.changed.length}`);
	for (const line of report.changed) console.log(`  ${line}`);
	if (report.review.length) console.log(`to review: ${report.review.length}`);
	for (const line of report.review) console.log(`  ${line}`);
	if (!dry) writeFileSync(routesFile, routesSource(routes));
	return 0;
}

module.exports = { readSpec, specOperations, importRoutes };

if (require.main === module) process.exitCode = main(process.argv);
