/**
 * Routes from the school's own API description, named in the credential: the sandbox's second
 * academy (`/school`) serves its description and answers only on its own routes, which differ from
 * the inferred ones. The node, the credential test, the dropdowns and the trigger all follow it.
 */
import type { IDataObject, IHookFunctions } from 'n8n-workflow';

import { AcademyOfMineApi } from '../../credentials/AcademyOfMineApi.credentials';
import { AcademyOfMine } from '../../nodes/AcademyOfMine/AcademyOfMine.node';
import { AcademyOfMineTrigger } from '../../nodes/AcademyOfMine/AcademyOfMineTrigger.node';
import { ROUTES } from '../../nodes/AcademyOfMine/generated/routes';
import { runNode } from '../harness/engine';
import { loadOptions, testCredentialWith } from '../harness/methods';
import { MockServer } from '../harness/mockServer';
import { hookContext } from '../harness/webhook';
import type { AomWebhookState } from '../sandboxes/academyOfMine';
import { AOM_DESCRIBED_ROOT, AOM_DESCRIBED_ROUTES, AOM_DESCRIPTION_TEXT, AOM_KEY, aomMock, redocPage } from '../sandboxes/academyOfMine';
import { rl } from './setup';

const state: AomWebhookState = { webhooks: [], nextId: 40 };
const server = aomMock({ scheme: 'bearer' }, state);
/** Another host, serving the description publicly. */
const docs = new MockServer();
beforeAll(async () => {
	await server.start();
	await docs.start();
	docs.on('GET', '/openapi.json', { headers: { 'Content-Type': 'application/json' }, body: AOM_DESCRIPTION_TEXT });
});
afterAll(async () => {
	await server.stop();
	await docs.stop();
});
beforeEach(() => {
	server.reset();
	docs.reset();
});

const school = (apiDescription: string) => ({
	academyOfMineApi: { baseUrl: `${server.url}${AOM_DESCRIBED_ROOT}`, apiKey: AOM_KEY, headerScheme: 'bearer', apiDescription },
});
const DESCRIPTION_URL = () => `${server.url}${AOM_DESCRIBED_ROOT}/docs/openapi.json`;

const run = async (parameters: IDataObject, credentials = school(DESCRIPTION_URL())) =>
	await runNode({ node: new AcademyOfMine(), parameters, credentials, credentialTypes: [new AcademyOfMineApi()] });

const UPDATE_BADGE = 'aom.badges.update-an-existing-badge-by-its-id';
const updateBadge = { resource: 'badge', operation: 'updateAnExistingBadgeByItsId', id: '17', title: 'Gold', badgeIconUrl: 'https://x.test/g.svg' };

test('the description moves an operation: the node sends its method and path, not the inferred ones', async () => {
	expect(AOM_DESCRIBED_ROUTES[UPDATE_BADGE]).not.toEqual(ROUTES[UPDATE_BADGE]);
	const { items, error } = await run(updateBadge);
	expect(error).toBeUndefined();
	const sent = server.requests.filter((r) => !r.path.includes('/docs/'));
	expect(sent.map((r) => [r.method, r.path])).toEqual([['PATCH', `${AOM_DESCRIBED_ROOT}/v1/badges/update-an-existing-badge-by-its-id/17`]]);
	expect(sent[0].body).toMatchObject({ title: 'Gold' });
	expect(items).toHaveLength(1);
	// the description was read with the credential (same host)
	expect(server.requests.find((r) => r.path.endsWith('/docs/openapi.json'))?.headers.authorization).toBe(`Bearer ${AOM_KEY}`);
});

test('read again only when its ETag changed', async () => {
	await run(updateBadge);
	server.reset();
	const { error } = await run(updateBadge);
	expect(error).toBeUndefined();
	const doc = server.requests.find((r) => r.path.endsWith('/docs/openapi.json'));
	expect(doc?.headers['if-none-match']).toBe('"aom-description-1"');
	expect(server.last()).toMatchObject({ method: 'PATCH', path: `${AOM_DESCRIBED_ROOT}/v1/badges/update-an-existing-badge-by-its-id/17` });
});

test.each([
	['a Redoc page (its URL)', () => `${server.url}${AOM_DESCRIBED_ROOT}/docs/`],
	['the document pasted in', () => AOM_DESCRIPTION_TEXT],
	['a Redoc page pasted in', () => redocPage(JSON.parse(AOM_DESCRIPTION_TEXT))],
])('%s works the same', async (_kind, description) => {
	const { error } = await run(updateBadge, school(description()));
	expect(error).toBeUndefined();
	expect(server.last()).toMatchObject({ method: 'PATCH', path: `${AOM_DESCRIBED_ROOT}/v1/badges/update-an-existing-badge-by-its-id/17` });
});

test('a description on another host is read without the credential', async () => {
	const { error } = await run(updateBadge, school(`${docs.url}/openapi.json`));
	expect(error).toBeUndefined();
	expect(docs.requests).toHaveLength(1);
	expect(docs.requests[0].headers.authorization).toBeUndefined();
	expect(JSON.stringify(docs.requests[0].headers)).not.toContain(AOM_KEY);
});

test('an operation the description lacks keeps its inferred route under the description\'s prefix', async () => {
	const { error } = await run({ resource: 'user', operation: 'tabularList', limit: 1 });
	expect(error).toBeUndefined();
	expect(server.last()).toMatchObject({ method: ROUTES['aom.users.tabular-list'].method, path: `${AOM_DESCRIBED_ROOT}/v1${ROUTES['aom.users.tabular-list'].path}` });
});

test('a description that is no API description stops the node with a message naming the credential field', async () => {
	const { error } = await run(updateBadge, school(`${server.url}${AOM_DESCRIBED_ROOT}/docs/missing.json`));
	expect(error?.message).toContain('The API description in the Academy of Mine credential cannot be used');
	expect(server.requests.filter((r) => !r.path.includes('/docs/'))).toHaveLength(0);
});

test('the credential test follows the description and reports how many routes it confirmed', async () => {
	const result = await testCredentialWith(new AcademyOfMine(), new AcademyOfMineApi(), school(DESCRIPTION_URL()).academyOfMineApi);
	expect(result.status).toBe('OK');
	expect(result.message).toMatch(/^Connection tested: GET \/v1\/webhooks\/webhook-event-lookup answered\. \d+ of 494 routes confirmed by the API description\.$/);
	expect(server.last()).toMatchObject({ method: 'GET', path: `${AOM_DESCRIBED_ROOT}/v1/webhooks/webhook-event-lookup` });
});

test('a dropdown follows the description', async () => {
	const options = await loadOptions(new AcademyOfMine(), [new AcademyOfMineApi()], school(DESCRIPTION_URL()), 'loadOptions', 'getWebhookEvents');
	expect(options.length).toBeGreaterThan(0);
	expect(server.last().path).toBe(`${AOM_DESCRIBED_ROOT}/v1/webhooks/webhook-event-lookup`);
	await loadOptions(new AcademyOfMine(), [new AcademyOfMineApi()], school(DESCRIPTION_URL()), 'listSearch', 'searchOrders');
	expect(server.last().path).toBe(`${AOM_DESCRIBED_ROOT}${AOM_DESCRIBED_ROUTES['aom.ecommerce-orders.tabular-list'].path}`);
});

test('the trigger registers and checks its webhooks on the described routes', async () => {
	const trigger = new AcademyOfMineTrigger();
	const staticData: IDataObject = {};
	const hook = () =>
		hookContext({ node: trigger, parameters: { events: ['new_order'] }, credentials: school(DESCRIPTION_URL()), credentialTypes: [new AcademyOfMineApi()], staticData })
			.context as unknown as IHookFunctions;
	expect(await trigger.webhookMethods.default.create.call(hook())).toBe(true);
	const sent = server.requests.filter((r) => !r.path.includes('/docs/'));
	expect(sent.map((r) => [r.method, r.path])).toEqual([['POST', `${AOM_DESCRIBED_ROOT}/v1/webhooks/create-webhook/0`]]);
	server.reset();
	expect(await trigger.webhookMethods.default.checkExists.call(hook())).toBe(true);
	expect(server.last()).toMatchObject({ method: 'GET', path: `${AOM_DESCRIBED_ROOT}/v1/webhooks/webhook-actions-tabular-list` });
});

test('an ID the node sends in the query goes into the path when the described route has its placeholder', async () => {
	const spec = {
		openapi: '3.0.0',
		info: { title: 'Academy', version: '2' },
		paths: {
			'/api/v2/ecommerce-orders/{orderId}/invoice': {
				get: { summary: 'Download the PDF invoice for a specific order', tags: ['Ecommerce Order'], responses: {} },
			},
			'/api/v2/users/{userId}': { get: { summary: 'Retrieve User by ID', tags: ['User'], responses: {} } },
		},
	};
	server.on('GET', '/school/api/v2/ecommerce-orders/:orderId/invoice', { headers: { 'Content-Type': 'application/pdf' }, body: '%PDF-1.4' });
	const { items, error } = await run(
		{ resource: 'ecommerceOrder', operation: 'downloadThePdfInvoiceForASpecificOrder', orderId: rl(7), binaryPropertyName: 'data' },
		school(JSON.stringify(spec)),
	);
	expect(error).toBeUndefined();
	expect(server.last()).toMatchObject({ method: 'GET', path: '/school/api/v2/ecommerce-orders/7/invoice', query: {} });
	expect(items[0].binary?.data).toBeDefined();
});

test('a 404 on an inferred route says it was inferred and names the ways out', async () => {
	const { error } = await run({ resource: 'user', operation: 'tabularList', limit: 1 }, {
		academyOfMineApi: { baseUrl: `${server.url}/nowhere`, apiKey: AOM_KEY, headerScheme: 'bearer', apiDescription: '' },
	});
	expect(error?.httpCode).toBe('404');
	expect(error?.description).toContain(`${ROUTES['aom.users.tabular-list'].method} ${ROUTES['aom.users.tabular-list'].path} was inferred`);
	expect(error?.description).toContain('API description');
	expect(error?.description).toContain('Route Override');
	expect(error?.description).toContain('Custom Request');
});
