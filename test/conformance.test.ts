/**
 * Field-by-field conformance with the references: servers answer with the collections' own saved
 * responses, and each case checks that what the reference sends or returns is neither dropped nor
 * invented (issue "Field-by-field conformance fixes").
 */
import type { INodeProperties } from 'n8n-workflow';

import { RempCrmApi } from '../credentials/RempCrmApi.credentials';
import { Kwiga } from '../nodes/Kwiga/Kwiga.node';
import { Provi } from '../nodes/Provi/Provi.node';
import { testCredential } from './harness/methods';
import { MockServer } from './harness/mockServer';
import { kwigaSample } from './sandboxes/kwiga';
import { proviPage, proviSample } from './sandboxes/provi';
import { REMP_TOKEN } from './sandboxes/rempCrm';
import { runKwiga } from './kwiga/setup';
import { runProvi } from './provi/setup';
import { runPsb } from './psb/setup';

const server = new MockServer();
beforeAll(async () => await server.start());
afterAll(async () => await server.stop());
beforeEach(() => server.reset());

/** The property `name` of an operation in a node's generated description. */
const propertyOf = (properties: INodeProperties[], resource: string, operation: string, name: string) => {
	const inside = (p: INodeProperties): INodeProperties[] => [
		p,
		...((p.options ?? []) as INodeProperties[]).filter((o) => 'type' in o).flatMap(inside),
	];
	return properties
		.filter((p) => p.displayOptions?.show?.resource?.includes(resource) && p.displayOptions?.show?.operation?.includes(operation))
		.flatMap(inside)
		.find((p) => p.name === name);
};

describe('Kwiga', () => {
	test('coupon discount types: only what the reference shows, any other by expression', async () => {
		const discount = propertyOf(new Kwiga().description.properties, 'coupon', 'create', 'discountType');
		expect((discount?.options as Array<{ value: string }>).map((o) => o.value)).toEqual(['discount_with_percent']);
		server.on('POST', '/coupons', { body: kwigaSample('Create coupon') });
		await runKwiga(server, { resource: 'coupon', operation: 'create', code: 'A', discountType: '={{ "discount_with_other" }}', reward: 5 });
		expect(server.last().body['type_discount[id]']).toBe('discount_with_other');
	});

	test('coupon expiry: an explicit null, as the reference sends, only when asked', async () => {
		server.on('POST', '/coupons', { body: kwigaSample('Create coupon') });
		const base = { resource: 'coupon', operation: 'create', code: 'A', reward: 5 };
		await runKwiga(server, { ...base, additionalFields: { noExpiry: true } });
		expect(server.last().body).toHaveProperty('expires_at', null);
		await runKwiga(server, { ...base, additionalFields: {} });
		expect(server.last().body).not.toHaveProperty('expires_at');
		await runKwiga(server, { ...base, additionalFields: { expiresAt: '2026-12-31T23:59:00', noExpiry: false } });
		expect(server.last().body.expires_at).toBe('2026-12-31 23:59:00');
	});

	test('bulk add to lists: one ID is a number, as in the reference; several are an array', async () => {
		server.on('POST', '/mailing/contact-lists/bulk-contacts', { status: 204 });
		await runKwiga(server, { resource: 'contactList', operation: 'addContacts', contacts: '2', contactLists: [1] });
		expect(server.last().body).toEqual({ 'contacts[]': 2, 'contact_lists[]': 1 });
		await runKwiga(server, { resource: 'contactList', operation: 'addContacts', contacts: '2,3', contactLists: [1, 4] });
		expect(server.last().body).toEqual({ 'contacts[]': [2, 3], 'contact_lists[]': [1, 4] });
	});

	test('bulk delete of contact products keeps contact_id next to the unwrapped data', async () => {
		const sample = kwigaSample('Delete contact products in bulk');
		expect(sample).toHaveProperty('contact_id');
		server.on('DELETE', '/contacts/products', { body: sample });
		const { items } = await runKwiga(server, { resource: 'contactProduct', operation: 'deleteBulk', email: 'a@b.c', productId: 10 });
		expect(items[0].json).toMatchObject({ ...sample.data, contact_id: sample.contact_id });
	});

	test.each([
		['contactReward', { contact: { __rl: true, mode: 'id', value: '7' } }, '/contacts/7/rewards', 'List the points (rewards) journal for a contact', ['sum_points', 'sum_accrued_points', 'sum_deducted_points']],
		['quizAttempt', {}, '/quiz-attempts', 'List cabinet quiz attempts', ['attempts_unread_count']],
	])('%s list: totals of the response on request (Include Response Fields)', async (resource, params, path, sample, totals) => {
		const body = kwigaSample(sample);
		server.on('GET', path, { body });
		const plain = await runKwiga(server, { resource, operation: 'getAll', returnAll: false, limit: 1, ...params });
		expect(plain.error).toBeUndefined();
		expect(plain.items[0].json).not.toHaveProperty('response');
		const { items } = await runKwiga(server, { resource, operation: 'getAll', returnAll: false, limit: 1, ...params, options: { includeResponseFields: true } });
		for (const key of totals) expect((items[0].json.response as Record<string, unknown>)[key]).toEqual(body[key] ?? body.meta?.[key]);
	});
});

describe('Provi', () => {
	test('updating only the URL of a webhook preference sends no events', async () => {
		server.on('PATCH', '/v4/webhook-endpoint', { body: proviSample('Webhook/Webhook Preferences', 'Update preference') });
		const { items } = await runProvi(server, { resource: 'webhookPreference', operation: 'update', preferenceId: 123, updateFields: { url: 'https://x.test/h' } });
		expect(server.last().body).toEqual({ id: 123, url: 'https://x.test/h' });
		expect(items[0].json).toMatchObject({ id: 123, message: 'Endpoint updated' });
	});

	test('webhook preferences are paginated like the other Provi lists', async () => {
		const all = Array.from({ length: 25 }, (_, i) => ({ id: i + 1, url: `https://x.test/${i}` }));
		server.on('GET', '/v4/webhook/preferences', (req) => ({ body: proviPage(all, req) }));
		const { items } = await runProvi(server, { resource: 'webhookPreference', operation: 'getAll', returnAll: true });
		expect(items.map((i) => i.json.id)).toEqual(all.map((p) => p.id));
		expect(server.requests.length).toBeGreaterThan(1);
	});

	test('delivery history: "paid" (the reference example) is offered, any other status by expression', async () => {
		const status = propertyOf(new Provi().description.properties, 'webhook', 'getHistory', 'webhookStatus');
		expect((status?.options as Array<{ value: string }>).map((o) => o.value)).toContain('paid');
		server.on('GET', '/v4/webhooks', (req) => ({ body: proviPage([], req) }));
		await runProvi(server, { resource: 'webhook', operation: 'getHistory', returnAll: true, filters: { webhookStatus: '={{ "refunded" }}' } });
		expect(server.last().query.webhookStatus).toBe('refunded');
	});

	test('receipts: several sale IDs as repeated CreditRequestId keys', async () => {
		server.on('GET', '/v4/receipts', (req) => ({ body: proviPage([], req) }));
		await runProvi(server, { resource: 'receipt', operation: 'getAll', returnAll: true, filters: { creditRequestId: '330810, 330811' } });
		expect(server.last().rawQuery).toMatch(/CreditRequestId=330810&CreditRequestId=330811/);
	});

	test.each([
		['course', 'get', { courseId: 1 }, '/v4/courses/1', 'Courses', 'Find course'],
		['courseClass', 'get', { courseClassId: 1 }, '/v4/course-classes/1', 'Course-Classes', 'Find Course-Class'],
	])('%s %s keeps the metadata next to the record', async (resource, operation, params, path, folder, name) => {
		const sample = proviSample(folder, name);
		server.on('GET', path, { body: sample });
		const { items, error } = await runProvi(server, { resource, operation, ...params });
		expect(error).toBeUndefined();
		expect(items[0].json).toHaveProperty('metadata', sample.metadata);
	});

	test('macro areas keep defaultMacroAreaId on request', async () => {
		server.on('GET', '/v4/areas/macro', { body: proviSample('Available Areas', 'List all Macro Areas') });
		const { items } = await runProvi(server, { resource: 'area', operation: 'getMacroAreas', returnAll: true, options: { includeResponseFields: true } });
		expect(items[0].json.response).toMatchObject({ metadata: { defaultMacroAreaId: 1 } });
	});
});

describe('PSB Hosting', () => {
	test.each([
		['a bare array', (records: unknown[]) => records],
		['an items envelope', (records: unknown[]) => ({ items: records })],
		['a products envelope', (records: unknown[]) => ({ products: records })],
	])('products and recipes lists accept %s', async (_shape, wrap) => {
		server.on('GET', '/products', { body: wrap([{ id: 1 }, { id: 2 }]) });
		server.on('GET', '/products/recipes', { body: wrap([{ id: 3 }]) });
		const products = await runPsb(server, { resource: 'product', operation: 'getAll', returnAll: true });
		expect(products.items.map((i) => i.json.id)).toEqual([1, 2]);
		const recipes = await runPsb(server, { resource: 'recipe', operation: 'getAll', returnAll: true });
		expect(recipes.items.map((i) => i.json.id)).toEqual([3]);
	});
});

describe('REMP CRM credential test', () => {
	test('a token not whitelisted for user-info gets a message that says so, not a bare 403', async () => {
		server.on('GET', '/api/v1/user/info', (req) =>
			req.headers.authorization === `Bearer ${REMP_TOKEN}` ? { body: { status: 'ok', user: { id: 9 } } } : { status: 403, body: { status: 'error', message: 'Not allowed' } },
		);
		const credentials = { baseUrl: server.url, token: REMP_TOKEN };
		expect(await testCredential(new RempCrmApi(), credentials)).toEqual({ status: 'OK' });
		const refused = await testCredential(new RempCrmApi(), { ...credentials, token: 'api-key-for-activation-only' });
		expect(refused.status).toBe('Error');
		expect(refused.message).toContain('whitelisted for /api/v1/user/info');
		expect(refused.message).toContain('POST /api/v1/coupon/activate');
	});
});
