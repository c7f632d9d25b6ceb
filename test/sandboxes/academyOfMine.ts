/**
 * A local Academy of Mine: every operation of the node's route table answers with the response
 * sample of the reference (reference/academy-of-mine.api-reference.txt); file operations answer
 * with bytes; the webhook routes keep state for the trigger tests. The API key is required in the
 * header the credential sends.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { IDataObject } from 'n8n-workflow';

import type { MockResponse, RecordedRequest } from '../harness/mockServer';
import { MockServer } from '../harness/mockServer';
import { REPO } from '../harness/reference';

const { readReference } = require(join(REPO, 'scripts', 'aom', 'reference.js')) as typeof import('../../scripts/aom/reference');
const overrides = require(join(REPO, 'scripts', 'aom', 'overrides.js')) as { downloads: string[] };
// the compiled sandbox runs in plain Node: the node's TypeScript is transpiled on load
require(join(REPO, 'scripts', 'aom', 'load-ts.js'));
/** The node's route table (nodes/AcademyOfMine/generated/routes.ts; no type import: tsc would compile it into the sandbox build). */
const { ROUTES } = require(join(REPO, 'nodes', 'AcademyOfMine', 'generated', 'routes.ts')) as {
	ROUTES: Record<string, { method: string; path: string; inferred: boolean }>;
};

export const AOM_KEY = 'aom-test-key-7f3c9e1b';

export type RefOperation = ReturnType<typeof readReference>[number];

/** The reference's operations by catalog id. */
export const AOM_REFERENCE: Map<string, RefOperation> = new Map(readReference().map((op) => [op.id, op]));

/** The reference's response sample of an operation (what the mock answers). */
export const aomSample = (id: string) => AOM_REFERENCE.get(id)?.responseSample;

/** Bytes and headers of each file operation. */
export const AOM_FILES: Record<string, { body: Buffer; type: string; name: string }> = {
	'aom.ecommerce-orders.download-the-pdf-invoice-for-a-specific-order': { body: Buffer.from('%PDF-1.4 invoice'), type: 'application/pdf', name: 'invoice-1.pdf' },
	'aom.ecommerce-orders.export-orders': {
		body: Buffer.from('PK\u0003\u0004orders'),
		type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
		name: 'orders.xlsx',
	},
	'aom.quiz-modules.downloads-the-quiz-response-as-a-pdf': { body: Buffer.from('%PDF-1.4 quiz'), type: 'application/pdf', name: 'quiz-response.pdf' },
	'aom.scorm-packages.download-a-scorm-package': { body: Buffer.from('PK\u0003\u0004scorm'), type: 'application/zip', name: 'package.zip' },
	'aom.scorm-modules.generate-scorm-report-as-pdf': { body: Buffer.from('%PDF-1.4 scorm report'), type: 'application/pdf', name: 'scorm-report.pdf' },
	'aom.media.download-mux-video': { body: Buffer.from('\u0000\u0000\u0000\u0018ftypmp42'), type: 'video/mp4', name: 'master.mp4' },
};

export interface AomAuth {
	scheme: 'bearer' | 'custom';
	header?: string;
	prefix?: string;
}

/** The value the credential sends for a key. */
export const authValue = (auth: AomAuth, key = AOM_KEY) =>
	auth.scheme === 'bearer' ? `Bearer ${key}` : `${auth.prefix ? `${auth.prefix} ` : ''}${key}`;

/** The API root of the mock's base URL. */
export const AOM_ROOT = '/api';

/**
 * A second academy in the same mock, whose routes are its own API description's
 * (test/fixtures/academy-of-mine.openapi.json: `/v1/<section>/<operation>`, PATCH for updates),
 * not the inferred ones. Its description is served at `<root>/docs/openapi.json` (with an ETag) and
 * as a Redoc page at `<root>/docs/`.
 */
export const AOM_DESCRIBED_ROOT = '/school';

const FIXTURES = join(REPO, 'test', 'fixtures');

/** The vendor-style API description the described academy serves. */
export const AOM_DESCRIPTION_TEXT = readFileSync(join(FIXTURES, 'academy-of-mine.openapi.json'), 'utf8');

/**
 * The described academy's routes: each operation of its description (`/v1/<section>/<slug>`, so the
 * catalog id is read from the path, not matched), the others at their inferred path under `/v1`.
 */
export const AOM_DESCRIBED_ROUTES: Record<string, { method: string; path: string }> = (() => {
	const table: Record<string, { method: string; path: string }> = {};
	for (const [id, route] of Object.entries(ROUTES)) table[id] = { method: route.method, path: `/v1${route.path}` };
	const paths = JSON.parse(AOM_DESCRIPTION_TEXT).paths as Record<string, Record<string, unknown>>;
	for (const [path, item] of Object.entries(paths)) {
		const [, , section, slug] = path.split('/');
		const id = `aom.${section}.${slug}`;
		if (id in table) for (const method of Object.keys(item)) table[id] = { method: method.toUpperCase(), path };
	}
	return table;
})();

/** A Redoc page as Redoc writes it: the state in a `const`, then `Redoc.hydrate` in the same script. */
export function redocPage(spec: unknown): string {
	const state = JSON.stringify({ menu: { activeItemIdx: -1 }, spec: { data: spec }, searchIndex: { store: [], index: { version: '2.3.9' } }, options: {} });
	return [
		'<!DOCTYPE html>',
		'<html><head><meta charset="utf8" /><title>Academy of Mine API</title>',
		'<style>body { padding: 0; margin: 0; }</style>',
		'<script src="https://cdn.redocly.com/redoc/v2.1.5/bundles/redoc.standalone.js"></script></head>',
		'<body><div id="redoc"><div class="sc-iJuUWI">Academy of Mine API</div></div>',
		`<script>const __redoc_state = ${state};`,
		'',
		"      var container = document.getElementById('redoc');",
		'      Redoc.hydrate(__redoc_state, container);',
		'',
		'      </script></body></html>',
	].join('\n');
}

/** `/courses/{id}` -> `/courses/:id` (the mock server's placeholders), under an API root. */
const pattern = (path: string, root = AOM_ROOT) => `${root}${path}`.replace(/\{([^}]+)\}/g, ':$1');

const placeholders = (path: string) => (path.match(/\{/g) ?? []).length;

/** State of the webhook routes, for the trigger. */
export interface AomWebhookState {
	webhooks: Array<{ id: number; url?: string; events: string; eventList?: string; description?: string; author: string }>;
	nextId: number;
	/** With users, the users' tabular list pages and searches them and Create adds to them (the sandbox). */
	users?: IDataObject[];
}

/**
 * The mock: the inferred routes under `/api`, the described academy under `/school`; with `state`,
 * the webhook routes of both keep what is registered (for the trigger).
 */
export function aomMock(auth: AomAuth = { scheme: 'bearer' }, state?: AomWebhookState): MockServer {
	const server = new MockServer();
	serveRoutes(server, ROUTES, AOM_ROOT, state);
	serveRoutes(server, AOM_DESCRIBED_ROUTES, AOM_DESCRIBED_ROOT, state);
	const etag = '"aom-description-1"';
	server.on('GET', `${AOM_DESCRIBED_ROOT}/docs/openapi.json`, (req) =>
		req.headers['if-none-match'] === etag
			? { status: 304, body: '' }
			: { headers: { 'Content-Type': 'application/json', ETag: etag }, body: AOM_DESCRIPTION_TEXT },
	);
	server.on('GET', `${AOM_DESCRIBED_ROOT}/docs/`, { headers: { 'Content-Type': 'text/html' }, body: redocPage(JSON.parse(AOM_DESCRIPTION_TEXT)) });
	server.guard = guard(auth);
	return server;
}

function serveRoutes(server: MockServer, table: Record<string, { method: string; path: string }>, root: string, state?: AomWebhookState): void {
	const ops = Object.entries(table).sort(([, a], [, b]) => placeholders(b.path) - placeholders(a.path));
	// fewest placeholders last, so that `/courses/tabular-list` wins over `/courses/{id}` (later routes win)
	for (const [id, route] of ops) {
		const file = AOM_FILES[id];
		if (overrides.downloads.includes(id) && file) {
			server.on(route.method, pattern(route.path, root), {
				body: file.body.toString('latin1'),
				headers: { 'Content-Type': file.type, 'Content-Disposition': `attachment; filename="${file.name}"` },
			});
			continue;
		}
		const sample = aomSample(id);
		server.on(route.method, pattern(route.path, root), (req): MockResponse => {
			if (!sample) return { body: pagedBy(req) ? { recordsTotal: 0, recordsFiltered: 0, records: [] } : { message: 'Success' } };
			const body = sample.body as IDataObject;
			// the array that holds the data: records, else the first list of objects (not `headers`)
			const arrays = body && typeof body === 'object' ? ['records', ...Object.keys(body)].filter((k) => Array.isArray(body[k])) : [];
			const key = arrays.find((k) => (body[k] as unknown[]).some((v) => v && typeof v === 'object')) ?? arrays[0];
			if (!key || !pagedBy(req)) return { status: sample.status, body: sample.body };
			// a page of the sample's records, with totals that agree with them
			const records = body[key] as IDataObject[];
			const { records: page } = aomPage(records, req, !!req.body?.pageSize);
			return { status: sample.status, body: { ...body, [key]: page, recordsTotal: records.length, recordsFiltered: records.length } };
		});
	}
	if (!state) return;
	const events = new Map([
		['new_account_created', 'New Account Created'],
		['course_enrolled', 'Enrolled in a course'],
	]);
	const webhookBody = (req: RecordedRequest, id: number) => ({
		id,
		url: req.body?.url,
		eventList: req.body?.eventList,
		events: events.get(req.body?.eventList) ?? String(req.body?.eventList),
		description: req.body?.description,
		author: 'API',
	});
	const at = (ref: string) => [table[ref].method, pattern(table[ref].path, root)] as const;
	server.on(...at('aom.webhooks.create-webhook'), (req) => {
		const id = state.nextId++;
		state.webhooks.push(webhookBody(req, id));
		return { body: { id: String(id), message: 'Webhook saved successfully' } };
	});
	server.on(...at('aom.webhooks.update-the-specified-webhook-in-storage'), (req, params) => {
		const index = state.webhooks.findIndex((w) => String(w.id) === params.id);
		if (index < 0) return { status: 404, body: { message: 'Webhook not found' } };
		state.webhooks[index] = { ...state.webhooks[index], ...webhookBody(req, state.webhooks[index].id) };
		return { body: { id: params.id, message: 'Webhook updated successfully' } };
	});
	server.on(...at('aom.webhooks.webhook-actions-tabular-list'), (req) => {
		// as the reference shows the list: no URL; a DataTables page when asked for one
		const all = state.webhooks.map((w) => ({ id: w.id, events: w.events, author: w.author, created_at: 'Aug 10, 2020 12:43 PM' }));
		return { body: aomPage(all, req) };
	});
	if (state.users) usersRoutes(server, state.users, table, root);
}

/** Users kept in a list: the tabular list searches `nameOrEmail` and pages; Create appends. */
function usersRoutes(server: MockServer, users: IDataObject[], table: Record<string, { method: string; path: string }>, root: string) {
	const list = table['aom.users.tabular-list'];
	const create = table['aom.users.creates-a-new-user'];
	server.on(list.method, pattern(list.path, root), (req) => {
		let search: IDataObject = {};
		try {
			search = JSON.parse(String(req.query.search_param ?? '{}')) as IDataObject;
		} catch {}
		const needle = String(search.nameOrEmail ?? '').toLowerCase();
		const found = users.filter((u) => !needle || [`${u.first_name} ${u.last_name}`, u.email].some((v) => String(v).toLowerCase().includes(needle)));
		return { body: aomPage(found, req) };
	});
	server.on(create.method, pattern(create.path, root), (req) => {
		const q = req.query;
		if (!q.firstName || !q.lastName || !q.email || !q.password) return { status: 422, body: { message: 'The given data was invalid.' } };
		const id = Math.max(0, ...users.map((u) => Number(u.id))) + 1;
		users.push({ ...users[0], id, first_name: q.firstName, last_name: q.lastName, email: q.email, created_at: 'Jan 01, 2026 09:00 AM' });
		return { body: { id, message: 'User created successfully' } };
	});
}

/** Laravel's answer to a missing or wrong key. */
function guard(auth: AomAuth) {
	const header = auth.scheme === 'bearer' ? 'authorization' : String(auth.header).toLowerCase();
	return (req: RecordedRequest): MockResponse | undefined =>
		req.headers[header] === authValue(auth) ? undefined : { status: 401, body: { message: 'Unauthenticated.' } };
}

const pagedBy = (req: RecordedRequest) => req.query.page_number !== undefined || req.body?.page_number !== undefined || req.body?.pageNumber !== undefined;

/** A DataTables page of `all` for the `page_number`/`page_size` (or camelCase) in the query or body. */
export function aomPage(all: IDataObject[], req: RecordedRequest, camelCase = false) {
	const source = camelCase || req.query.page_number === undefined ? (req.body as IDataObject) : req.query;
	const size = Number(source?.[camelCase ? 'pageSize' : 'page_size']);
	const page = Number(source?.[camelCase ? 'pageNumber' : 'page_number']);
	if (!size || !page) return { recordsTotal: all.length, recordsFiltered: all.length, records: all };
	return { recordsTotal: all.length, recordsFiltered: all.length, records: all.slice((page - 1) * size, page * size) };
}
