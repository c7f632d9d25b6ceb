/**
 * A local Academy of Mine: every operation of the node's route table answers with the response
 * sample of the reference (test/fixtures/academy-of-mine.api-reference.txt); file operations answer
 * with bytes; the webhook routes keep state for the trigger tests. The API key is required in the
 * header the credential sends.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

import type { IDataObject } from 'n8n-workflow';

import type { MockResponse, RecordedRequest } from '../harness/mockServer';
import { MockServer } from '../harness/mockServer';

/** The repository, from test/mocks or from the sandbox's compiled copy (.sandbox/build/mocks). */
const ROOT = (() => {
	let dir = __dirname;
	while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
	return dir;
})();

/* eslint-disable @typescript-eslint/no-require-imports */
const { readReference } = require(join(ROOT, 'scripts', 'aom', 'reference.js')) as typeof import('../../scripts/aom/reference');
const overrides = require(join(ROOT, 'scripts', 'aom', 'overrides.js')) as { downloads: string[] };
const { readRoutes } = require(join(ROOT, 'scripts', 'aom-generate.js')) as {
	readRoutes(): Record<string, { method: string; path: string; inferred: boolean }>;
};
/* eslint-enable @typescript-eslint/no-require-imports */

/** The node's route table (nodes/AcademyOfMine/routes.ts), read as the generator reads it back. */
const ROUTES = readRoutes();

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

/** `/courses/{id}` -> `/courses/:id` (the mock server's placeholders). */
/** The API root of the mock's base URL. */
export const AOM_ROOT = '/api';

const pattern = (path: string) => `${AOM_ROOT}${path}`.replace(/\{([^}]+)\}/g, ':$1');

const placeholders = (path: string) => (path.match(/\{/g) ?? []).length;

/** State of the webhook routes, for the trigger. */
export interface AomWebhookState {
	webhooks: Array<{ id: number; url?: string; events: string; eventList?: string; description?: string; author: string }>;
	nextId: number;
}

/** The mock; with `state`, the webhook routes keep what is registered (for the trigger). */
export function aomMock(auth: AomAuth = { scheme: 'bearer' }, state?: AomWebhookState): MockServer {
	const server = new MockServer();
	const ops = Object.entries(ROUTES).sort(([, a], [, b]) => placeholders(b.path) - placeholders(a.path));
	// fewest placeholders last, so that `/courses/tabular-list` wins over `/courses/{id}` (later routes win)
	for (const [id, route] of ops) {
		const file = AOM_FILES[id];
		if (overrides.downloads.includes(id) && file) {
			server.on(route.method, pattern(route.path), {
				body: file.body.toString('latin1'),
				headers: { 'Content-Type': file.type, 'Content-Disposition': `attachment; filename="${file.name}"` },
			});
			continue;
		}
		const sample = aomSample(id);
		server.on(route.method, pattern(route.path), (req): MockResponse => {
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
	if (!state) {
		server.guard = guard(auth);
		return server;
	}
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
	server.on(ROUTES['aom.webhooks.create-webhook'].method, pattern(ROUTES['aom.webhooks.create-webhook'].path), (req) => {
		const id = state.nextId++;
		state.webhooks.push(webhookBody(req, id));
		return { body: { id: String(id), message: 'Webhook saved successfully' } };
	});
	server.on(ROUTES['aom.webhooks.update-the-specified-webhook-in-storage'].method, pattern(ROUTES['aom.webhooks.update-the-specified-webhook-in-storage'].path), (req, params) => {
		const index = state.webhooks.findIndex((w) => String(w.id) === params.id);
		if (index < 0) return { status: 404, body: { message: 'Webhook not found' } };
		state.webhooks[index] = { ...state.webhooks[index], ...webhookBody(req, state.webhooks[index].id) };
		return { body: { id: params.id, message: 'Webhook updated successfully' } };
	});
	server.on(ROUTES['aom.webhooks.webhook-actions-tabular-list'].method, pattern(ROUTES['aom.webhooks.webhook-actions-tabular-list'].path), () => ({
		body: {
			recordsTotal: state.webhooks.length,
			recordsFiltered: state.webhooks.length,
			// as the reference shows the list: no URL
			records: state.webhooks.map((w) => ({ id: w.id, events: w.events, author: w.author, created_at: 'Aug 10, 2020 12:43 PM' })),
		},
	}));
	server.guard = guard(auth);
	return server;
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
