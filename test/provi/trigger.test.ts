import type { IDataObject, IHookFunctions, IWebhookFunctions } from 'n8n-workflow';

import { ProviApi } from '../../credentials/ProviApi.credentials';
import { ProviTrigger } from '../../nodes/Provi/ProviTrigger.node';
import { MAX_DELIVERIES, REPLAY_WINDOW_MS } from '../../nodes/Provi/ProviTrigger.node';
import { headersCarrySignature } from '../../nodes/Provi/signature';
import { safeEqual } from '../../nodes/shared/secrets';
import { WEBHOOK_BASE_URL, hookContext, webhookContext } from '../harness/webhook';
import { PROVI_DELIVERY, PROVI_TOKEN, proviData, proviMock } from '../sandboxes/provi';

const data = proviData();
const server = proviMock(data);
beforeAll(async () => await server.start());
afterAll(async () => await server.stop());
beforeEach(() => server.reset());

const trigger = new ProviTrigger();
const hooks = trigger.webhookMethods.default;
const WEBHOOK_URL = `${WEBHOOK_BASE_URL}/a1b2c3d4-provi-hook/webhook`;

const setup = (staticData: IDataObject, parameters: IDataObject = { events: ['made_effective', 'denied'] }) => ({
	node: trigger,
	parameters,
	credentials: { proviApi: { token: PROVI_TOKEN, environment: 'custom', baseUrl: server.url, apiVersion: 'v4' } },
	credentialTypes: [new ProviApi()],
	staticData,
});

const hook = (staticData: IDataObject, parameters?: IDataObject) =>
	hookContext(setup(staticData, parameters)).context as unknown as IHookFunctions;

const NODE_KEY = 'node:Provi Trigger';
const nodeData = (staticData: IDataObject) => (staticData[NODE_KEY] ?? {}) as IDataObject;

const DELIVERY = PROVI_DELIVERY;

async function deliver(staticData: IDataObject, headers: IDataObject, body: unknown = DELIVERY, parameters?: IDataObject) {
	const { context, response } = webhookContext(setup(staticData, parameters), { headers, body });
	const result = await trigger.webhook.call(context as unknown as IWebhookFunctions);
	return { result, response };
}

describe('lifecycle against the mock', () => {
	const staticData: IDataObject = {};

	test('checkExists is false before activation, without calling Provi', async () => {
		expect(await hooks.checkExists.call(hook(staticData))).toBe(false);
		expect(server.requests).toHaveLength(0);
	});

	test('create registers the URL, keeps id + signature, then sets the events', async () => {
		expect(await hooks.create.call(hook(staticData))).toBe(true);
		const [register, events] = server.requests;
		expect(register).toMatchObject({ method: 'POST', path: '/v4/webhook/preference', body: { url: WEBHOOK_URL } });
		expect(register.headers['api-token']).toBe(PROVI_TOKEN);
		const created = data.preferences.find((p) => p.url === WEBHOOK_URL)!;
		expect(events).toMatchObject({ method: 'PATCH', path: '/v4/webhook-endpoint', body: { id: created.id, enabledEvents: ['made_effective', 'denied'] } });
		expect(events.headers['api-token']).toBe(PROVI_TOKEN);
		expect(nodeData(staticData)).toMatchObject({ preferenceId: created.id, signature: created.signature });
		expect(created.enabledEvents).toEqual(['made_effective', 'denied']);
	});

	test('checkExists matches the created preference by id and URL', async () => {
		expect(await hooks.checkExists.call(hook(staticData))).toBe(true);
		expect(server.last()).toMatchObject({ method: 'GET', path: '/v4/webhook/preferences' });
	});

	test('a delivery carrying the signature in a header starts the workflow', async () => {
		const signature = String(nodeData(staticData).signature);
		const { result, response } = await deliver(staticData, { 'content-type': 'application/json', 'x-provi-signature': signature });
		expect(response.statusCode).toBe(200);
		expect(response.body).toEqual({ received: true });
		expect(result.workflowData?.[0].map((i) => i.json)).toEqual([{ ...DELIVERY, webhook: 'made_effective' }]);
	});

	test('a delivery without the signature is refused with 401 and no run', async () => {
		const { result, response } = await deliver(staticData, { 'content-type': 'application/json' });
		expect(result.workflowData).toBeUndefined();
		expect(result.noWebhookResponse).toBe(true);
		expect(response.statusCode).toBe(401);
	});

	test('a delivery with a wrong signature is refused with 401 and no run', async () => {
		const { result, response } = await deliver(staticData, { signature: '4bbe472a-53f1-47d3-aa06-a337852f9389' });
		expect(result.workflowData).toBeUndefined();
		expect(response.statusCode).toBe(401);
	});

	test('with the check switched off any delivery is accepted', async () => {
		const { result } = await deliver(staticData, {}, { ...DELIVERY, id: 1 }, { events: ['*'], verifySignature: false });
		expect(result.workflowData?.[0]).toHaveLength(1);
	});

	test('an event that was not chosen does not start the workflow', async () => {
		const signature = String(nodeData(staticData).signature);
		const { result } = await deliver(staticData, { signature }, { ...DELIVERY, webhook: 'logged' });
		expect(result.workflowData).toBeUndefined();
	});

	test('the event name is lifted to the top level of a wrapped payload', async () => {
		const signature = String(nodeData(staticData).signature);
		const { result } = await deliver(staticData, { signature }, { data: DELIVERY });
		expect(result.workflowData?.[0][0].json).toMatchObject({ webhook: 'made_effective', id: 127497 });
	});

	test('delete removes the preference and clears static data', async () => {
		const id = nodeData(staticData).preferenceId;
		expect(await hooks.delete.call(hook(staticData))).toBe(true);
		expect(server.last()).toMatchObject({ method: 'DELETE', path: `/v4/webhook/preference/${String(id)}` });
		expect(data.preferences.some((p) => p.id === id)).toBe(false);
		expect(nodeData(staticData).preferenceId).toBeUndefined();
		expect(await hooks.checkExists.call(hook(staticData))).toBe(false);
	});
});

test('all events are registered as *', async () => {
	const staticData: IDataObject = {};
	await hooks.create.call(hook(staticData, { events: ['*', 'denied'] }));
	expect(server.last().body).toEqual({ id: nodeData(staticData).preferenceId, enabledEvents: ['*'] });
	await hooks.delete.call(hook(staticData));
});

test('checkExists never adopts a preference it did not create (same URL, other id)', async () => {
	data.preferences.push({ id: 999, url: WEBHOOK_URL, status: 'enabled', enabledEvents: ['*'], enabledCourses: ['*'], signature: 'foreign' });
	const staticData: IDataObject = {};
	expect(await hooks.checkExists.call(hook(staticData))).toBe(false);
	// a stale id of ours that is gone from Provi is dropped, the foreign one is left alone
	const stale: IDataObject = { [NODE_KEY]: { preferenceId: 4242, signature: 'old' } };
	expect(await hooks.checkExists.call(hook(stale))).toBe(false);
	expect(nodeData(stale).preferenceId).toBeUndefined();
	expect(await hooks.delete.call(hook(stale))).toBe(true);
	expect(server.requests.some((r) => r.method === 'DELETE')).toBe(false);
	expect(data.preferences.some((p) => p.id === 999)).toBe(true);
});

test('delete treats an already removed preference as deleted', async () => {
	const staticData: IDataObject = { [NODE_KEY]: { preferenceId: 5151, signature: 'gone' } };
	expect(await hooks.delete.call(hook(staticData))).toBe(true);
	expect(server.last()).toMatchObject({ method: 'DELETE', path: '/v4/webhook/preference/5151' });
});

test('signature comparison', () => {
	expect(safeEqual('abc', 'abc')).toBe(true);
	expect(safeEqual('abc', 'abd')).toBe(false);
	expect(safeEqual('abc', 'abcd')).toBe(false);
	expect(headersCarrySignature({ authorization: 'Bearer s-1' }, 's-1')).toBe(true);
	expect(headersCarrySignature({ 'x-a': ['no', 's-1'] }, 's-1')).toBe(true);
	expect(headersCarrySignature({ 'x-a': 's-12' }, 's-1')).toBe(false);
	expect(headersCarrySignature({ 'x-a': '' }, '')).toBe(false);
});

test('the trigger shows a warning when the signature check is off', () => {
	const notice = trigger.description.properties.find((p) => p.type === 'notice');
	expect(notice?.displayOptions).toEqual({ show: { verifySignature: [false] } });
});

describe('deliveries the trigger refuses', () => {
	const SIGNATURE = 'c0ffee00-1111-2222-3333-444455556666';
	const signed = { 'x-provi-signature': SIGNATURE };
	const active = (): IDataObject => ({ [NODE_KEY]: { preferenceId: 1, signature: SIGNATURE } });

	test.each([
		['a JSON array', [DELIVERY]],
		['a string', 'hello'],
		['a number', 42],
	])('a delivery that is %s gets 400 and starts nothing, even with all events', async (_what, body) => {
		for (const events of [['made_effective'], ['*']]) {
			const { result, response } = await deliver(active(), signed, body, { events });
			expect(result.workflowData).toBeUndefined();
			expect(response.statusCode).toBe(400);
			expect(response.body).toEqual({ message: 'A Provi delivery is a JSON object' });
		}
	});

	test('a delivery nested 20,000 levels deep gets 400, not a RangeError', async () => {
		let deep: IDataObject = { end: true };
		for (let i = 0; i < 20_000; i++) deep = { next: deep };
		const staticData = active();
		const { result, response } = await deliver(staticData, signed, { ...DELIVERY, extra: deep });
		expect(result.workflowData).toBeUndefined();
		expect(response.statusCode).toBe(400);
		expect(response.body).toEqual({ message: 'A Provi delivery does not nest deeper than 100 levels' });
		expect(nodeData(staticData).deliveries).toBeUndefined();
		// An ordinary nesting is still taken.
		expect((await deliver(active(), signed)).result.workflowData?.[0]).toHaveLength(1);
	});

	test('a delivery without the webhook event field gets 400 unless all events are chosen', async () => {
		const { webhook: _event, ...body } = DELIVERY;
		const refused = await deliver(active(), signed, body, { events: ['made_effective'] });
		expect(refused.result.workflowData).toBeUndefined();
		expect(refused.response.statusCode).toBe(400);
		expect(refused.response.body).toEqual({ message: 'The delivery names no event (webhook field)' });
		const accepted = await deliver(active(), signed, body, { events: ['*'] });
		expect(accepted.result.workflowData?.[0][0].json).toEqual({ ...body, webhook: null });
	});

	test('the exact same delivery twice starts the workflow once; after the window it is accepted again', async () => {
		const staticData = active();
		const first = await deliver(staticData, signed);
		expect(first.result.workflowData?.[0]).toHaveLength(1);
		const replay = await deliver(JSON.parse(JSON.stringify(staticData)), signed, { ...DELIVERY, courses: [...DELIVERY.courses] });
		expect(replay.result.workflowData).toBeUndefined();
		expect(replay.result.webhookResponse).toEqual({ received: true, duplicate: true });
		// A different body (another event of the same sale) is a new delivery.
		expect((await deliver(staticData, signed, { ...DELIVERY, webhook: 'denied' }, { events: ['*'] })).result.workflowData).toBeDefined();
		const deliveries = nodeData(staticData).deliveries as Record<string, number>;
		for (const key of Object.keys(deliveries)) deliveries[key] -= REPLAY_WINDOW_MS;
		expect((await deliver(staticData, signed)).result.workflowData?.[0]).toHaveLength(1);
		expect(Object.keys(nodeData(staticData).deliveries as IDataObject)).toHaveLength(1);
	});

	test('the replay memory is bounded', async () => {
		const staticData = active();
		const now = Date.now();
		(staticData[NODE_KEY] as IDataObject).deliveries = Object.fromEntries(
			Array.from({ length: MAX_DELIVERIES }, (_, i) => [`old-${i}`, now - 1000 + i]),
		);
		await deliver(staticData, signed);
		const kept = Object.keys(nodeData(staticData).deliveries as IDataObject);
		expect(kept).toHaveLength(MAX_DELIVERIES);
		expect(kept).not.toContain('old-0');
	});
});

describe('activation when Provi returns no signature', () => {
	const unsigned = (req: { body: IDataObject }) => {
		const preference = { id: 8000 + data.preferences.length, url: String(req.body.url), status: 'enabled', enabledEvents: ['*'], enabledCourses: ['*'], signature: '' };
		data.preferences.push(preference);
		return { body: { message: 'Url created', data: preference } };
	};

	test('fails with a clear error and leaves no preference behind', async () => {
		server.on('POST', '/v4/webhook/preference', unsigned as never);
		const staticData: IDataObject = {};
		await expect(hooks.create.call(hook(staticData))).rejects.toThrow('Provi returned no signature for the new webhook');
		expect(server.last()).toMatchObject({ method: 'DELETE' });
		expect(data.preferences.some((p) => p.url === WEBHOOK_URL && p.id >= 8000)).toBe(false);
		expect(nodeData(staticData).preferenceId).toBeUndefined();
	});

	test('is allowed when the signature check is off', async () => {
		server.on('POST', '/v4/webhook/preference', unsigned as never);
		const staticData: IDataObject = {};
		expect(await hooks.create.call(hook(staticData, { events: ['*'], verifySignature: false }))).toBe(true);
		await hooks.delete.call(hook(staticData, { events: ['*'], verifySignature: false }));
	});
});
