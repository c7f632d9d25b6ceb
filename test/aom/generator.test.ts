/** The generated resource files and route table are what the generator makes of the reference. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { routeTargets } from '../../nodes/AcademyOfMine/apiDescription';
import { AOM_RESOURCES } from '../../nodes/AcademyOfMine/generated/resources';
import { ROUTES } from '../../nodes/AcademyOfMine/generated/routes';
import { expectGenerated, regenerateWith } from '../harness/generated';

type Route = { method: string; path: string; inferred: boolean };
type Imported = { prefix: string; routes: Record<string, { method: string; path: string }> };
const generator = require('../../scripts/aom-generate') as {
	generate(imported?: Imported): {
		files: Record<string, string>;
		routes: Record<string, Route>;
		operations: Array<{ ref: string; name: string; fields: Array<{ name: string; key?: string; in: string }> }>;
	};
	readImported(): Imported;
	NOTHING_IMPORTED: Imported;
	ROUTES_FILE: string;
	RESOURCES_DIR: string;
	inferRoutes(ops: unknown[]): Record<string, Route>;
};
const { readReference } = require('../../scripts/aom/reference');
const overrides = require('../../scripts/aom/overrides') as { routes: Record<string, { method: string; path: string }> };

test('an override in scripts/aom/overrides.js wins over a route imported from an API description', () => {
	const [id, override] = Object.entries(overrides.routes)[0];
	const imported = { prefix: '', routes: { [id]: { method: 'GET', path: '/imported/elsewhere' } } };
	const table = generator.generate(imported).files[generator.ROUTES_FILE];
	const row = table.split('\n').find((line) => line.includes(`'${id}'`));
	expect(row).toContain(`method: '${override.method}', path: '${override.path}'`);
	expect(table).not.toContain('/imported/elsewhere');
});

test('an imported route is generated into routes.ts (inferred: false), and the path fields follow its placeholders', () => {
	const id = 'aom.products.get-webinars-for-a-product';
	const [overridden, override] = Object.entries(overrides.routes)[0];
	const { files, routes } = generator.generate({ prefix: '/v1', routes: { [id]: { method: 'GET', path: '/v1/products/{product_id}/webinars' } } });
	expect(files[generator.ROUTES_FILE]).toContain(`\t'${id}': { method: 'GET', path: '/v1/products/{product_id}/webinars', inferred: false },\n`);
	// the others hang under the imported prefix, overrides too, so one Base URL serves them all
	expect(routes['aom.users.tabular-list']).toEqual({ ...ROUTES['aom.users.tabular-list'], path: `/v1${ROUTES['aom.users.tabular-list'].path}` });
	expect(routes[overridden]).toEqual({ method: override.method, path: `/v1${override.path}`, inferred: true });
	// the product ID the reference sends in the query goes into the path the route names
	const product = files[join(generator.RESOURCES_DIR, 'product.ts')];
	const operation = product.slice(product.indexOf(`ref: '${id}'`), product.indexOf('jsonText', product.indexOf(`ref: '${id}'`)));
	expect(operation).toMatch(/f\.string\('productId', 'Product', \{\n\t+in: 'path',\n\t+key: 'product_id',/);
	expect(ROUTES[id]).toEqual({ method: 'GET', path: '/products/get-webinars-for-a-product', inferred: true });
	expect(readFileSync(join(generator.RESOURCES_DIR, 'product.ts'), 'utf8')).toContain("in: 'query',\n\t\t\t\t\tkey: 'product_id',");
});

test('an imported route for no operation of the node is refused, naming it', () => {
	expect(() => generator.generate({ prefix: '', routes: { 'aom.badges.no-such-operation': { method: 'GET', path: '/x' } } })).toThrow(
		/imported-routes\.json: no such operation: aom\.badges\.no-such-operation/,
	);
});

test('the route matcher sees the generated operations as the node has them', () => {
	expect(routeTargets([{ operations: generator.generate(generator.NOTHING_IMPORTED).operations }])).toEqual(routeTargets(AOM_RESOURCES));
});

test('re-running the generator changes nothing', () => {
	const { files } = generator.generate();
	for (const [file, text] of Object.entries(files)) expectGenerated('npm run aom:generate', file, text);
	const written = readdirSync(generator.RESOURCES_DIR);
	regenerateWith('npm run aom:generate', generator.RESOURCES_DIR, () =>
		expect(written.map((f) => join(generator.RESOURCES_DIR, f)).sort()).toEqual(Object.keys(files).filter((f) => f.startsWith(generator.RESOURCES_DIR)).sort()),
	);
});

test('inferred routes follow the conventions and are unique', () => {
	const routes = generator.inferRoutes(readReference());
	const rows = Object.values(routes);
	expect(new Set(rows.map((r) => `${r.method} ${r.path}`)).size).toBe(rows.length);
	expect(rows.every((r) => r.inferred)).toBe(true);
	expect(routes['aom.announcements.announcement-tabular-list']).toEqual({ method: 'GET', path: '/announcements', inferred: true });
	expect(routes['aom.badges.update-an-existing-badge-by-its-id']).toEqual({ method: 'PUT', path: '/badges/{id}', inferred: true });
	expect(routes['aom.badges.create-a-new-badge']).toEqual({ method: 'POST', path: '/badges', inferred: true });
	expect(routes['aom.webhooks.webhook-event-lookup']).toEqual({ method: 'GET', path: '/webhooks/lookup/webhook-event-lookup', inferred: true });
	// a read that documents a JSON body is a POST
	expect(routes['aom.assignment-modules.retrieve-assignment-module'].method).toBe('POST');
	// the reference's own words fix the upload route's three methods
	expect(['aom.media.upload-media', 'aom.media.upload-media-2', 'aom.media.upload-media-3'].map((id) => `${routes[id].method} ${routes[id].path}`)).toEqual(['POST /media/upload-media', 'PATCH /media/upload-media', 'DELETE /media/upload-media']);
});

test('collection routes go to the operation that acts on the section\'s records, whatever its position', () => {
	const routes = generator.inferRoutes(readReference());
	const owner = (method: string, path: string) => Object.entries(routes).find(([, r]) => r.method === method && r.path === path)?.[0];
	expect(owner('GET', '/courses')).toBe('aom.courses.tabular-list');
	expect(owner('POST', '/courses/save-course-rating')).toBe('aom.courses.save-course-rating');
	expect(owner('GET', '/users')).toBe('aom.users.tabular-list');
	expect(owner('GET', '/users/{id}')).toBe('aom.users.retrieve-user-by-id');
	expect(owner('GET', '/portals/{id}')).toBeUndefined();
	expect(owner('PUT', '/portals/{id}')).toBeUndefined();
	expect(owner('POST', '/pages')).toBe('aom.pages.save-a-new-page');
	expect(owner('POST', '/scorm-modules')).toBe('aom.scorm-modules.create-scorm-module');
});

test('no path cuts a word in two; downloads with query inputs only are GETs', () => {
	const routes = generator.inferRoutes(readReference());
	expect(routes['aom.users.retrieve-custom-user-fields-that-needs-to-be-shown-on-the-re'].path).toBe('/users/retrieve-custom-user-fields-that-needs-to-be-shown-on-the-registration-page');
	for (const id of [
		'aom.ecommerce-orders.download-the-pdf-invoice-for-a-specific-order',
		'aom.ecommerce-orders.export-orders',
		'aom.quiz-modules.downloads-the-quiz-response-as-a-pdf',
		'aom.media.download-mux-video',
	]) {
		expect([id, routes[id].method]).toEqual([id, 'GET']);
	}
});

test('every placeholder of every route has a path field of its operation (regenerate: npm run aom:generate)', () => {
	const missing = AOM_RESOURCES.flatMap((r) => r.operations).flatMap((op) =>
		[...op.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]).filter((name) => !(op.fields ?? []).some((f) => f.in === 'path' && (f.key ?? f.name) === name)).map((name) => `${op.ref} {${name}}`),
	);
	expect(missing).toEqual([]);
	const single = AOM_RESOURCES.flatMap((r) => r.operations).filter((op) =>
		['aom.announcements.retrieve-announcement', 'aom.survey-modules.retrieves-the-details-of-the-specified-survey-module', 'aom.flash-cards-modules.update-flash-card-module', 'aom.quiz-modules.update-quiz-module'].includes(op.ref),
	);
	expect(single.map((op) => [op.ref, op.path.endsWith('/{id}'), op.fields?.some((f) => f.name === 'id' && f.in === 'path')])).toEqual(single.map((op) => [op.ref, true, true]));
});

test('the node description stays within its size budget (one Route Override, not one per operation)', () => {
	const { AcademyOfMine } = require('../../nodes/AcademyOfMine/AcademyOfMine.node');
	const description = new AcademyOfMine().description;
	const bytes = Buffer.byteLength(JSON.stringify(description));
	// 494 operations and 1,766 fields take about 770 KB; a Route Override per operation would add megabytes
	expect(bytes).toBeLessThan(800_000);
	expect(description.properties.filter((p: { name: string }) => p.name === 'routeOverride')).toHaveLength(1);
});
