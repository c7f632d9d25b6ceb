#!/usr/bin/env node
// @ts-check
/**
 * Imports Academy of Mine routes from the vendor's own API description: an OpenAPI document (JSON or
 * YAML) or a saved Redoc / Redocly page that embeds it. The matching is the node's own
 * (nodes/AcademyOfMine/apiDescription.ts, also used at run time when the credential names an API
 * description): by title inside each section, never across sections, near-misses listed but not
 * applied, placeholders renamed by name. The matched routes and the description's common prefix go to
 * scripts/aom/imported-routes.json, an input of the generator, which then regenerates the node
 * (routes.ts, and the resources' path fields for the new placeholders).
 *
 *   npm run aom:routes -- <spec file> [--imported <file>] [--out <dir>] [--dry-run]
 *
 *   --imported  the imported table to write (default scripts/aom/imported-routes.json)
 *   --out       write the generated files under this folder instead of the repository (tests)
 *   --dry-run   write nothing
 *
 * Prints what matched, what did not (either side), suggestions and which routes changed.
 */
const { readFileSync, writeFileSync } = require('node:fs');
const { extname, join } = require('node:path');

require('./aom/load-ts');
const { generate, readImported, writeGenerated, IMPORTED_FILE, NOTHING_IMPORTED, ROOT } = require('./aom-generate');

/** @type {typeof import('../nodes/AcademyOfMine/apiDescription')} */
const matcher = require(join(ROOT, 'nodes', 'AcademyOfMine', 'apiDescription.ts'));

/** The OpenAPI document in a file: JSON, YAML, or the Redoc / Redocly page that embeds it. */
function readSpec(file) {
	const text = readFileSync(file, 'utf8');
	if (['.yaml', '.yml'].includes(extname(file).toLowerCase()) || /^\s*(openapi|swagger)\s*:/m.test(text.slice(0, 2000))) {
		return matcher.readApiDescription(JSON.stringify(require('yaml').parse(text)));
	}
	return matcher.readApiDescription(text);
}

/**
 * Matches the spec to the node's operations: the imported table (the matched routes and the common
 * prefix), what the generator makes of it, and the report. The operations matched are the
 * reference's own (generated with nothing imported), so a second import of one spec gives the same
 * table whatever the first moved into the path.
 * @param {Record<string, unknown>} spec
 * @param {import('./aom-generate').Imported} current the table imported so far
 */
function importRoutes(spec, current) {
	const targets = matcher.routeTargets([{ operations: generate(NOTHING_IMPORTED).operations }]);
	const report = matcher.matchRoutes(targets, matcher.specOperations(spec));
	const imported = { prefix: report.prefix, routes: report.routes };
	const before = generate(current).routes;
	const generated = generate(imported);
	const changed = Object.entries(generated.routes)
		.filter(([id, route]) => before[id]?.method !== route.method || before[id]?.path !== route.path)
		.map(([id, route]) => `${id}: ${before[id] ? `${before[id].method} ${before[id].path}` : '(none)'} -> ${route.method} ${route.path}`);
	return { imported, generated, report: { ...report, changed } };
}

function main(argv) {
	const args = argv.slice(2);
	const option = (name) => {
		const i = args.indexOf(name);
		return i >= 0 ? args.splice(i, 2)[1] : undefined;
	};
	const importedFile = option('--imported') ?? IMPORTED_FILE;
	const out = option('--out');
	const dry = args.includes('--dry-run');
	const file = args.find((a) => !a.startsWith('--'));
	if (!file) {
		console.error('usage: npm run aom:routes -- <openapi.json | openapi.yaml | redoc.html> [--imported <file>] [--out <dir>] [--dry-run]');
		return 2;
	}
	let spec;
	try {
		spec = readSpec(file);
	} catch (error) {
		console.error(`${file}: ${error.message}`);
		return 1;
	}
	const { imported, generated, report } = importRoutes(spec, readImported(importedFile));
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
	if (dry) return 0;
	writeFileSync(importedFile, `${JSON.stringify(imported, null, '\t')}\n`);
	return writeGenerated(generated.files, { out });
}

module.exports = { readSpec, importRoutes };

if (require.main === module) process.exitCode = main(process.argv);
