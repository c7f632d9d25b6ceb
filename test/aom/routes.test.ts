/**
 * `npm run aom:routes -- <spec>`: imports routes from an OpenAPI document (JSON, YAML) or a saved
 * Redoc / Redocly page, matching titles, into scripts/aom/imported-routes.json, and regenerates the
 * node from it; tested with a spec built from the catalog (scripts/aom/spec-fixture.js ->
 * test/fixtures/academy-of-mine.openapi.json) and a small one in a vendor's own style (titles
 * colliding across sections, placeholders reordered). Each run writes to a temporary imported table
 * and output folder (`--imported`, `--out`), never to the repository.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { IDataObject } from 'n8n-workflow';
import { stringify } from 'yaml';

import { ROUTES as before } from '../../nodes/AcademyOfMine/generated/routes';
import { redocPage } from '../sandboxes/academyOfMine';

const root = join(__dirname, '..', '..');
const importedFile = join(root, 'scripts', 'aom', 'imported-routes.json');
const specFile = join(root, 'test', 'fixtures', 'academy-of-mine.openapi.json');
const script = join(root, 'scripts', 'aom-routes.js');

type Imported = { prefix: string; routes: Record<string, { method: string; path: string }> };

const spec = JSON.parse(readFileSync(specFile, 'utf8'));
const dir = mkdtempSync(join(tmpdir(), 'aom-routes-'));

/**
 * Runs the importer as `npm run aom:routes` does, on a copy of the imported table, generating into
 * a folder of its own; returns the report, the imported table and the generated route table.
 */
function importFrom(file: string, extra: string[] = []) {
	const run = join(dir, Math.random().toString(16).slice(2));
	const table = `${run}.imported.json`;
	const out = `${run}.out`;
	copyFileSync(importedFile, table);
	const output = execFileSync('node', [script, file, '--imported', table, '--out', out, ...extra], { encoding: 'utf8' });
	const generated = join(out, 'nodes', 'AcademyOfMine', 'generated', 'routes.ts');
	const routes = existsSync(generated) ? (require(generated) as { ROUTES: typeof before }).ROUTES : undefined;
	return { output, table, out, imported: JSON.parse(readFileSync(table, 'utf8')) as Imported, routes: routes as typeof before };
}

const redoclyPage = (doc: unknown) =>
	[
		'<!DOCTYPE html><html><head><title>API reference</title></head><body><div id="redocly"></div>',
		'<script>',
		`  window.__REDOCLY_PROPS__ = ${JSON.stringify({ options: { hideDownloadButton: false, theme: { colors: {} } }, definition: doc })};`,
		"  RedoclyReferenceDocs.hydrate(window.__REDOCLY_PROPS__, document.getElementById('redocly'));",
		'</script></body></html>',
	].join('\n');

test.each([
	['OpenAPI JSON', () => specFile],
	['OpenAPI YAML', () => {
		const file = join(dir, 'openapi.yaml');
		writeFileSync(file, stringify(spec));
		return file;
	}],
	['a Redoc page as Redoc writes it (const __redoc_state = {…}; then Redoc.hydrate)', () => {
		const file = join(dir, 'redoc.html');
		writeFileSync(file, redocPage(spec));
		return file;
	}],
	['a Redocly page ({options, definition})', () => {
		const file = join(dir, 'redocly.html');
		writeFileSync(file, redoclyPage(spec));
		return file;
	}],
])('imports routes from %s, matching titles, regenerates the node and reports what it did', (_kind, make) => {
	const { output, imported, routes } = importFrom(make());
	expect(output).toContain('server: https://academy.example.com/api\ncommon prefix: /v1');
	expect(output).toMatch(/\nmatched: 49\d\n/);
	for (const id of ['aom.accredible.validate-accredible-api-key', 'aom.locations.delete-location', 'aom.users.tabular-list']) expect(output).toContain(`\n  ${id}\n`);
	expect(output).toContain('in the spec but not in the node: 1\n  POST /v1/webinar-modules/handle-zoom-webhook "Handle Zoom Webhook"');
	expect(output).toContain('changed: 494');
	expect(imported.prefix).toBe('/v1');
	// matched: the spec's route, no longer inferred; placeholders named as the node's fields
	expect(routes['aom.badges.update-an-existing-badge-by-its-id']).toEqual({ method: 'PATCH', path: '/v1/badges/update-an-existing-badge-by-its-id/{id}', inferred: false });
	expect(routes['aom.announcements.create-an-announcement']).toEqual({ method: 'PATCH', path: '/v1/announcements/create-an-announcement/{id}', inferred: false });
	// the same title in several sections goes by tag; repeated in one section, by order
	expect(routes['aom.courses.tabular-list'].path).toBe('/v1/courses/tabular-list');
	expect(routes['aom.products.tabular-list'].path).toBe('/v1/products/tabular-list');
	const uploads = ['aom.media.upload-media', 'aom.media.upload-media-2', 'aom.media.upload-media-3'];
	expect(uploads.map((id) => imported.routes[id].path)).toEqual(['/v1/media/upload-media', '/v1/media/upload-media-2', '/v1/media/upload-media-3']);
	// ...but the override of scripts/aom/overrides.js wins in the generated table (under the prefix)
	expect(uploads.map((id) => `${routes[id].method} ${routes[id].path}`)).toEqual(['POST /v1/media/upload-media', 'PATCH /v1/media/upload-media', 'DELETE /v1/media/upload-media']);
	// unmatched: still inferred, under the spec's common prefix
	expect(imported.routes['aom.users.tabular-list']).toBeUndefined();
	expect(routes['aom.users.tabular-list']).toEqual({ ...before['aom.users.tabular-list'], path: `/v1${before['aom.users.tabular-list'].path}` });
	expect(Object.keys(routes)).toEqual(Object.keys(before));
});

test('a second import of the same spec changes nothing; --dry-run writes nothing', () => {
	const { table, out } = importFrom(specFile);
	const again = execFileSync('node', [script, specFile, '--imported', table, '--out', out], { encoding: 'utf8' });
	expect(again).toContain('changed: 0');
	expect(again).toMatch(/\n\d+ files, 0 written\n/);
	const { output, table: untouched, out: none } = importFrom(specFile, ['--dry-run']);
	expect(output).toContain('changed: 494');
	expect(readFileSync(untouched, 'utf8')).toBe(readFileSync(importedFile, 'utf8'));
	expect(existsSync(none)).toBe(false);
});

/** A vendor's own style: `/api/v2`, singular tags, camelCase operationIds, placeholders of its own. */
const op = (summary: string, tag: string, extra: IDataObject = {}) => ({ summary, tags: [tag], responses: { 200: { description: 'OK' } }, ...extra });
const vendorSpec = {
	openapi: '3.1.0',
	info: { title: 'Academy', version: '2' },
	servers: [{ url: 'https://school.example.com' }],
	paths: {
		// "Quick Edit" of the users' section: the node's users have no such operation, its courses do
		'/api/v2/users/{userId}/quick-edit': { put: op('Quick Edit', 'User') },
		// "Update Page" of the portals' section, while the pages' own is missing
		'/api/v2/portals/{portalId}/page': { put: op('Update Page', 'Portal') },
		// placeholders in another order than the reference's parameters
		'/api/v2/discussion-modules/{module}/{registration}/{portal}': { get: op('get discussion module details', 'Discussion Module') },
		// one word away: a suggestion, not a match
		'/api/v2/badges': { post: op('Create a Badge', 'Badge') },
		// by operationId, case and punctuation aside
		'/api/v2/badges/{badge}': { patch: { operationId: 'updateAnExistingBadgeByItsId', tags: ['Badge'], responses: {} } },
		'/api/v2/courses': { get: op('COURSE LOOKUP.', 'Course') },
	},
};

test('a vendor-style spec: never a wrong match across sections, no swapped placeholders, near-misses suggested', () => {
	const file = join(dir, 'vendor.json');
	writeFileSync(file, JSON.stringify(vendorSpec));
	const { output, routes } = importFrom(file);
	// a spec operation of another section is never taken
	expect(routes['aom.courses.quick-edit']).toEqual(before['aom.courses.quick-edit'].inferred ? { ...before['aom.courses.quick-edit'], path: `/api/v2${before['aom.courses.quick-edit'].path}` } : before['aom.courses.quick-edit']);
	// taken by its own section's Quick Edit, which has no user ID to put in the path: reported, not applied
	expect(output).toContain('aom.users.quick-edit: not applied: {userId} of PUT /api/v2/users/{userId}/quick-edit is filled by no field of the operation');
	expect(routes['aom.users.quick-edit'].inferred).toBe(true);
	expect(routes['aom.pages.update-page'].path).toBe(`/api/v2${before['aom.pages.update-page'].path}`);
	expect(routes['aom.portals.update-page']).toEqual({ method: 'PUT', path: '/api/v2/portals/{id}/page', inferred: false });
	// placeholders by name, whatever their order
	expect(routes['aom.discussion-modules.get-discussion-module-details']).toEqual({
		method: 'GET',
		path: '/api/v2/discussion-modules/{moduleId}/{registrationId}/{portalId}',
		inferred: false,
	});
	// one word apart: listed, not applied
	expect(output).toContain('aom.badges.create-a-new-badge: POST /api/v2/badges "Create a Badge"');
	expect(routes['aom.badges.create-a-new-badge'].inferred).toBe(true);
	expect(routes['aom.badges.update-an-existing-badge-by-its-id']).toEqual({ method: 'PATCH', path: '/api/v2/badges/{id}', inferred: false });
	expect(routes['aom.courses.course-lookup']).toEqual({ method: 'GET', path: '/api/v2/courses', inferred: false });
	expect(output).toContain('common prefix: /api/v2');
	expect(output).toContain('matched: 4\n');
});

test('a page without an embedded spec is refused with a clear message', () => {
	const file = join(dir, 'empty.html');
	writeFileSync(file, '<!DOCTYPE html><html><body><redoc spec-url="openapi.json"></redoc></body></html>');
	const table = join(dir, 'x.json');
	copyFileSync(importedFile, table);
	expect(() => execFileSync('node', [script, file, '--imported', table, '--out', join(dir, 'x.out')], { encoding: 'utf8', stdio: 'pipe' })).toThrow(/holds no API description/);
	expect(readFileSync(table, 'utf8')).toBe(readFileSync(importedFile, 'utf8'));
	expect(existsSync(join(dir, 'x.out'))).toBe(false);
});
