#!/usr/bin/env node
// @ts-check
/**
 * Rewrites the Academy of Mine route table (nodes/AcademyOfMine/generated/routes.ts) from the vendor's own
 * API description: an OpenAPI document (JSON or YAML) or a saved Redoc / Redocly page that embeds
 * it. The matching is the node's own (nodes/AcademyOfMine/apiDescription.ts, also used at run time
 * when the credential names an API description): by title inside each section, never across
 * sections, near-misses listed but not applied, placeholders renamed by name.
 *
 *   npm run aom:routes -- <spec file> [--routes <routes.ts>] [--dry-run]
 *
 * Prints what matched, what did not (either side), suggestions and which routes changed.
 */
const { readFileSync, writeFileSync } = require('node:fs');
const { extname, join } = require('node:path');

require('./aom/load-ts');
const { readRoutes, routesSource, ROUTES_FILE } = require('./aom-generate');

const NODE_DIR = join(__dirname, '..', 'nodes', 'AcademyOfMine');
/** @type {typeof import('../nodes/AcademyOfMine/apiDescription')} */
const matcher = require(join(NODE_DIR, 'apiDescription.ts'));

/** The OpenAPI document in a file: JSON, YAML, or the Redoc / Redocly page that embeds it. */
function readSpec(file) {
	const text = readFileSync(file, 'utf8');
	if (['.yaml', '.yml'].includes(extname(file).toLowerCase()) || /^\s*(openapi|swagger)\s*:/m.test(text.slice(0, 2000))) {
		return matcher.readApiDescription(JSON.stringify(require('yaml').parse(text)));
	}
	return matcher.readApiDescription(text);
}

/** The node's operations as match targets (its generated resources, read as they are). */
function targets() {
	const { AOM_RESOURCES } = require(join(NODE_DIR, 'generated', 'resources', 'index.ts'));
	return matcher.routeTargets(AOM_RESOURCES);
}

/**
 * Matches the spec to the route table; returns the new table and the report. Matched routes are
 * the spec's; the others stay inferred, under the spec's common prefix (e.g. `/api/v2`) so that
 * every route of the table hangs from the same Base URL.
 */
function importRoutes(spec, routes) {
	const report = matcher.matchRoutes(targets().filter((t) => t.id in routes), matcher.specOperations(spec));
	const next = { ...routes };
	/** @type {string[]} */
	const changed = [];
	for (const [id, before] of Object.entries(routes)) {
		const found = report.routes[id];
		let route = found ? { ...found, inferred: false } : before;
		if (!found && before.inferred && report.prefix && !before.path.startsWith(`${report.prefix}/`)) route = { ...before, path: `${report.prefix}${before.path}` };
		if (before.method !== route.method || before.path !== route.path) changed.push(`${id}: ${before.method} ${before.path} -> ${route.method} ${route.path}`);
		next[id] = route;
	}
	return { routes: next, report: { ...report, changed } };
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
	let spec;
	try {
		spec = readSpec(file);
	} catch (error) {
		console.error(`${file}: ${error.message}`);
		return 1;
	}
	const { routes, report } = importRoutes(spec, readRoutes(routesFile));
	// the paths are relative to the spec's server: that URL (without the common prefix) is the credential's Base URL
	for (const server of /** @type {any} */ (spec).servers ?? []) console.log(`server: ${server.url}`);
	if (report.prefix) {
		console.log(`common prefix: ${report.prefix} (every route is written with it, the unmatched ones too: the Base URL of the credential is the server, without ${report.prefix})`);
	}
	const list = (title, lines) => {
		console.log(`${title}: ${lines.length}`);
		for (const line of lines) console.log(`  ${line}`);
	};
	console.log(`matched: ${report.matched.length}`);
	list('unmatched (inferred routes kept)', report.unmatched);
	list('suggestions (one word apart, not applied: use Route Override if right)', report.suggestions);
	list('in the spec but not in the node', report.unmatchedSpec);
	list('changed', report.changed);
	list('to review', report.review);
	if (!dry) writeFileSync(routesFile, routesSource(routes));
	return 0;
}

module.exports = { readSpec, importRoutes };

if (require.main === module) process.exitCode = main(process.argv);
