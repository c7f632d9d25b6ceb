/**
 * `npm run aom:routes -- <spec>`: rewrites the route table from an OpenAPI document (JSON, YAML)
 * or a saved Redoc page, matching titles; tested with a spec built from the catalog
 * (scripts/aom/spec-fixture.js -> test/fixtures/academy-of-mine.openapi.json).
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { stringify } from 'yaml';

const root = join(__dirname, '..', '..');
const routesFile = join(root, 'nodes', 'AcademyOfMine', 'routes.ts');
const specFile = join(root, 'test', 'fixtures', 'academy-of-mine.openapi.json');
const { readRoutes } = require('../../scripts/aom-generate') as {
	readRoutes(file: string): Record<string, { method: string; path: string; inferred: boolean }>;
};

const spec = JSON.parse(readFileSync(specFile, 'utf8'));
const dir = mkdtempSync(join(tmpdir(), 'aom-routes-'));

/** Runs the importer as `npm run aom:routes` does, on a copy of the route table. */
function importFrom(file: string, extra: string[] = []) {
	const table = join(dir, `routes-${Math.random().toString(16).slice(2)}.ts`);
	copyFileSync(routesFile, table);
	const output = execFileSync('node', [join(root, 'scripts', 'aom-routes.js'), file, '--routes', table, ...extra], { encoding: 'utf8' });
	return { output, table, routes: readRoutes(table) };
}

const before = readRoutes(routesFile);

test.each([
	['OpenAPI JSON', () => specFile],
	['OpenAPI YAML', () => {
		const file = join(dir, 'openapi.yaml');
		writeFileSync(file, stringify(spec));
		return file;
	}],
	['a saved Redoc page', () => {
		const file = join(dir, 'redoc.html');
		const state = JSON.stringify({ spec: { data: spec }, searchIndex: {}, options: {} });
		writeFileSync(file, `<!DOCTYPE html><html><head><title>API</title></head><body><div id="redoc"></div><script>const __redoc_state = ${state};</script></body></html>`);
		return file;
	}],
])('rewrites the table from %s, matching titles, and reports what it did', (_kind, make) => {
	const { output, routes } = importFrom(make());
	expect(output).toContain('server (Base URL of the credential): https://academy.example.com/api\nmatched: 491');
	expect(output).toContain('unmatched (kept as they were): 3\n  aom.accredible.validate-accredible-api-key\n  aom.locations.delete-location\n  aom.users.tabular-list');
	expect(output).toContain('in the spec but not in the node: 1\n  POST /v1/webinar-modules/handle-zoom-webhook "Handle Zoom Webhook"');
	expect(output).toContain('changed: 491');
	expect(output).toContain('aom.announcements.retrieve-announcement: the spec\'s path has 1 parameter(s), the reference documents 0');
	// matched: the spec's route, no longer inferred; placeholders named as the node's fields
	expect(routes['aom.badges.update-an-existing-badge-by-its-id']).toEqual({ method: 'PATCH', path: '/v1/badges/update-an-existing-badge-by-its-id/{id}', inferred: false });
	expect(routes['aom.announcements.create-an-announcement']).toEqual({ method: 'PATCH', path: '/v1/announcements/create-an-announcement/{id}', inferred: false });
	// the same title in several sections goes by tag; repeated in one section, by order
	expect(routes['aom.courses.tabular-list'].path).toBe('/v1/courses/tabular-list');
	expect(routes['aom.products.tabular-list'].path).toBe('/v1/products/tabular-list');
	expect(['aom.media.upload-media', 'aom.media.upload-media-2', 'aom.media.upload-media-3'].map((id) => routes[id].path)).toEqual([
		'/v1/media/upload-media',
		'/v1/media/upload-media-2',
		'/v1/media/upload-media-3',
	]);
	// unmatched: as before
	expect(routes['aom.users.tabular-list']).toEqual(before['aom.users.tabular-list']);
	expect(Object.keys(routes)).toEqual(Object.keys(before));
});

test('a second import of the same spec changes nothing; --dry-run writes nothing', () => {
	const { table } = importFrom(specFile);
	const again = execFileSync('node', [join(root, 'scripts', 'aom-routes.js'), specFile, '--routes', table], { encoding: 'utf8' });
	expect(again).toContain('changed: 0');
	const { output, table: untouched } = importFrom(specFile, ['--dry-run']);
	expect(output).toContain('changed: 491');
	expect(readFileSync(untouched, 'utf8')).toBe(readFileSync(routesFile, 'utf8'));
});

test('a page without an embedded spec is refused with a clear message', () => {
	const file = join(dir, 'empty.html');
	writeFileSync(file, '<!DOCTYPE html><html><body><redoc spec-url="openapi.json"></redoc></body></html>');
	expect(() => execFileSync('node', [join(root, 'scripts', 'aom-routes.js'), file, '--routes', join(dir, 'x.ts')], { encoding: 'utf8', stdio: 'pipe' })).toThrow(/no Redoc state/);
});
