/**
 * Academy of Mine Trigger: registration with Create Webhook (one per event, a secret in the URL),
 * checkExists through the webhook list without adopting anyone else's webhooks, no delete route
 * (re-activation updates the same webhooks), and the secret checked on every delivery.
 */
import type { IDataObject, IHookFunctions, IWebhookFunctions } from 'n8n-workflow';

import { AcademyOfMineApi } from '../../credentials/AcademyOfMineApi.credentials';
import { AcademyOfMineTrigger } from '../../nodes/AcademyOfMine/AcademyOfMineTrigger.node';
import { safeEqual } from '../../nodes/shared/secrets';
import { ROUTES } from '../../nodes/AcademyOfMine/generated/routes';
import { WEBHOOK_BASE_URL, hookContext, webhookContext } from '../harness/webhook';
import type { AomWebhookState } from '../sandboxes/academyOfMine';
import { AOM_ROOT, aomMock } from '../sandboxes/academyOfMine';
import { aomCredentials } from './setup';

const state: AomWebhookState = { webhooks: [], nextId: 10 };
const server = aomMock({ scheme: 'bearer' }, state);
beforeAll(async () => await server.start());
afterAll(async () => await server.stop());
beforeEach(() => server.reset());

const trigger = new AcademyOfMineTrigger();
const hooks = trigger.webhookMethods.default;
const WEBHOOK_URL = `${WEBHOOK_BASE_URL}/a1b2c3d4-provi-hook/webhook`;
const NODE_KEY = 'node:Academy of Mine Trigger';

const setup = (staticData: IDataObject, events = ['new_account_created', 'course_enrolled']) => ({
	node: trigger,
	parameters: { events },
	credentials: aomCredentials(server),
	credentialTypes: [new AcademyOfMineApi()],
	staticData,
});
const hook = (staticData: IDataObject, events?: string[]) => hookContext(setup(staticData, events)).context as unknown as IHookFunctions;
const nodeData = (staticData: IDataObject) => (staticData[NODE_KEY] ?? {}) as { registrations?: Record<string, { id: string; secret: string }> };

async function deliver(
	staticData: IDataObject,
	query: IDataObject,
	body: unknown = { event: 'new_account_created', data: { id: 5, email: 'new@example.com' } },
	events?: string[],
) {
	const { context, response } = webhookContext(setup(staticData, events), { body, query });
	const result = await trigger.webhook.call(context as unknown as IWebhookFunctions);
	return { result, response };
}

const create = ROUTES['aom.webhooks.create-webhook'];
const update = ROUTES['aom.webhooks.update-the-specified-webhook-in-storage'];

describe('lifecycle', () => {
	const staticData: IDataObject = {};
	// a webhook someone else made in the admin, for the same event
	beforeAll(() => state.webhooks.push({ id: 3, events: 'New Account Created', author: 'Client Admin' }));

	test('checkExists is false before activation, without a request', async () => {
		expect(await hooks.checkExists.call(hook(staticData))).toBe(false);
		expect(server.requests).toHaveLength(0);
	});

	test('create registers one webhook per event, each URL with its own unguessable secret', async () => {
		expect(await hooks.create.call(hook(staticData))).toBe(true);
		expect(server.requests.map((r) => [r.method, r.path])).toEqual([
			[create.method, `${AOM_ROOT}${create.path.replace('{id}', '0')}`],
			[create.method, `${AOM_ROOT}${create.path.replace('{id}', '0')}`],
		]);
		const registrations = nodeData(staticData).registrations!;
		expect(Object.keys(registrations)).toEqual(['new_account_created', 'course_enrolled']);
		const [a, b] = Object.values(registrations);
		expect(a.secret).toMatch(/^[0-9a-f]{64}$/);
		expect(b.secret).not.toBe(a.secret);
		expect(server.requests[0].body).toEqual({ url: `${WEBHOOK_URL}?secret=${a.secret}`, eventList: 'new_account_created', description: 'n8n workflow test' });
		expect(server.requests[1].body.eventList).toBe('course_enrolled');
		expect([a.id, b.id]).toEqual(['10', '11']);
	});

	test('checkExists finds its own webhooks in the list', async () => {
		expect(await hooks.checkExists.call(hook(staticData))).toBe(true);
		expect(server.last()).toMatchObject({ method: ROUTES['aom.webhooks.webhook-actions-tabular-list'].method, path: `${AOM_ROOT}${ROUTES['aom.webhooks.webhook-actions-tabular-list'].path}` });
	});

	test('deactivation leaves the webhooks in place (no delete route) and sends nothing', async () => {
		expect(await hooks.delete.call(hook(staticData))).toBe(true);
		expect(server.requests).toHaveLength(0);
		expect(state.webhooks.map((w) => w.id)).toEqual([3, 10, 11]);
	});

	test('re-activation with another event set updates the same webhooks and adds only what is new', async () => {
		const events = ['new_account_created', 'course_enrolled', 'course_completed'];
		expect(await hooks.checkExists.call(hook(staticData, events))).toBe(false);
		server.reset();
		expect(await hooks.create.call(hook(staticData, events))).toBe(true);
		expect(server.requests.map((r) => [r.method, r.path])).toEqual([
			[update.method, `${AOM_ROOT}${update.path.replace('{id}', '10')}`],
			[update.method, `${AOM_ROOT}${update.path.replace('{id}', '11')}`],
			[create.method, `${AOM_ROOT}${create.path.replace('{id}', '0')}`],
		]);
		const registrations = nodeData(staticData).registrations!;
		// the same secret: the registration is the same
		expect(server.requests[0].body.url).toBe(`${WEBHOOK_URL}?secret=${registrations.new_account_created.secret}`);
		expect(state.webhooks.map((w) => w.id)).toEqual([3, 10, 11, 12]);
		expect(await hooks.checkExists.call(hook(staticData, events))).toBe(true);
	});

	test('a webhook removed in the admin is forgotten and registered again; a foreign one is never touched', async () => {
		state.webhooks.splice(state.webhooks.findIndex((w) => w.id === 11), 1);
		const events = ['new_account_created', 'course_enrolled', 'course_completed'];
		expect(await hooks.checkExists.call(hook(staticData, events))).toBe(false);
		server.reset();
		await hooks.create.call(hook(staticData, events));
		const touched = server.requests.map((r) => r.path);
		expect(touched).not.toContain(`${AOM_ROOT}${update.path.replace('{id}', '3')}`);
		expect(touched).toContain(`${AOM_ROOT}${create.path.replace('{id}', '0')}`);
		expect(nodeData(staticData).registrations!.course_enrolled.id).toBe('13');
		expect(state.webhooks.find((w) => w.id === 3)).toEqual({ id: 3, events: 'New Account Created', author: 'Client Admin' });
	});
});

describe('deliveries', () => {
	const staticData: IDataObject = {};
	beforeAll(async () => {
		await hooks.create.call(hook(staticData));
	});
	const secret = () => nodeData(staticData).registrations!.new_account_created.secret;

	test('a delivery with the secret starts the workflow', async () => {
		const { result } = await deliver(staticData, { secret: secret() });
		expect(result.workflowData?.[0].map((i) => i.json)).toEqual([{ event: 'new_account_created', data: { id: 5, email: 'new@example.com' } }]);
	});

	test.each([
		['no secret', {}],
		['a wrong secret', { secret: 'f'.repeat(64) }],
		['a prefix of the secret', { secret: 'PREFIX' }],
	])('%s: 401 and no workflow run', async (_name, query) => {
		const q = 'secret' in query && query.secret === 'PREFIX' ? { secret: secret().slice(0, 32) } : query;
		const { result, response } = await deliver(staticData, q);
		expect(result).toEqual({ noWebhookResponse: true });
		expect(response.statusCode).toBe(401);
		expect(response.body).toEqual({ message: 'Unknown or missing webhook secret' });
	});

	test('an event the node no longer listens to is acknowledged and ignored', async () => {
		// Its webhook stays registered (there is no delete route), the node no longer chooses it.
		const enrolled = nodeData(staticData).registrations!.course_enrolled.secret;
		const { result } = await deliver(staticData, { secret: enrolled }, { event: 'course_enrolled' }, ['new_account_created']);
		expect(result).toEqual({ webhookResponse: { received: true, ignored: 'course_enrolled' } });
	});

	test.each([
		['a string', 'hello'],
		['an array', [{ event: 'new_account_created' }]],
		['a number', 42],
	])('a body that is %s gets 400 and starts nothing', async (_what, body) => {
		const { result, response } = await deliver(staticData, { secret: secret() }, body);
		expect(result.workflowData).toBeUndefined();
		expect(response.statusCode).toBe(400);
		expect(response.body).toEqual({ message: 'An Academy of Mine delivery is a JSON object' });
	});

	test("the secret of one registration does not vouch for another event's delivery", async () => {
		const { result, response } = await deliver(staticData, { secret: secret() }, { event: 'course_enrolled', data: { id: 5 } });
		expect(result.workflowData).toBeUndefined();
		expect(response.statusCode).toBe(401);
		expect(response.body).toEqual({ message: 'This webhook secret is for "new_account_created" deliveries, not "course_enrolled"' });
		// Its own registration's secret is good for it.
		const enrolled = nodeData(staticData).registrations!.course_enrolled.secret;
		const own = await deliver(staticData, { secret: enrolled }, { event: 'course_enrolled', data: { id: 5 } });
		expect(own.result.workflowData?.[0].map((i) => i.json)).toEqual([{ event: 'course_enrolled', data: { id: 5 } }]);
	});

	test('the identical delivery twice starts the workflow once, also after the static data was saved and reloaded', async () => {
		const body = { event: 'new_account_created', data: { id: 77, email: 'twice@example.com' } };
		const first = await deliver(staticData, { secret: secret() }, body);
		expect(first.result.workflowData?.[0]).toHaveLength(1);
		expect(first.response.statusCode).toBe(200);
		const reloaded = JSON.parse(JSON.stringify(staticData)) as IDataObject;
		const again = await deliver(reloaded, { secret: secret() }, { data: { email: 'twice@example.com', id: 77 }, event: 'new_account_created' });
		expect(again.result).toEqual({ webhookResponse: { received: true, duplicate: true } });
		// Another delivery is not a replay.
		expect((await deliver(reloaded, { secret: secret() }, { ...body, data: { id: 78 } })).result.workflowData?.[0]).toHaveLength(1);
	});

	test('a delivery nested 20,000 levels deep gets 400', async () => {
		let deep: IDataObject = { end: true };
		for (let i = 0; i < 20_000; i++) deep = { next: deep };
		const { result, response } = await deliver(staticData, { secret: secret() }, { event: 'new_account_created', data: deep });
		expect(result.workflowData).toBeUndefined();
		expect(response.statusCode).toBe(400);
	});

	test('safeEqual compares whole strings', () => {
		expect(safeEqual('abc', 'abc')).toBe(true);
		expect(safeEqual('abd', 'abc')).toBe(false);
		expect(safeEqual('ab', 'abc')).toBe(false);
		expect(safeEqual('abcd', 'abc')).toBe(false);
		expect(safeEqual('', '')).toBe(false);
	});
});

test('the editor tells the user that webhooks stay registered', () => {
	const notice = trigger.description.properties.find((p) => p.type === 'notice');
	expect(notice?.displayName).toContain('no API to delete a webhook');
	const events = trigger.description.properties.find((p) => p.name === 'events');
	expect((events?.options as Array<{ value: string }>).map((o) => o.value).sort()).toEqual(
		[
			'new_account_created', 'course_enrolled', 'quiz_submission', 'assigment_submission', 'assigment_evaluation', 'assigment_rejection',
			'discussion_submission', 'new_order', 'failed_order', 'refunded_order', 'pending_payment', 'new_announcement', 'course_completed',
		].sort(),
	);
});

test('an activation the vendor refuses, echoing the request, never shows the webhook secret', async () => {
	// Registered last: the create route stays refusing for the rest of this file.
	server.on(create.method, `${AOM_ROOT}${create.path.replace('{id}', ':id')}`, (req) => ({
		status: 422,
		body: { message: `The url ${req.body.url} is not reachable`, errors: { url: [`${req.body.url} did not answer`] }, request: req.body },
	}));
	const staticData: IDataObject = {};
	// an event this process has not registered for the URL before (it would update that webhook instead)
	const error = (await hooks.create.call(hook(staticData, ['refunded_order'])).catch((e: unknown) => e)) as Error & { description?: string };
	const secret = new URL(String(server.last().body.url)).searchParams.get('secret')!;
	expect(secret).toMatch(/^[0-9a-f]{64}$/);
	expect(error).toBeInstanceOf(Error);
	expect(error.message).toContain('is not reachable');
	expect(error.message).toContain('[secret]');
	for (const text of [error.message, error.description ?? '', error.stack ?? '', JSON.stringify(error)]) expect(text).not.toContain(secret);
	expect(nodeData(staticData).registrations?.refunded_order).toBeUndefined();
});

describe('registration on a busy academy', () => {
	const busy: AomWebhookState = { webhooks: [], nextId: 500 };
	const academy = aomMock({ scheme: 'bearer' }, busy);
	beforeAll(async () => await academy.start());
	afterAll(async () => await academy.stop());
	const busyHook = (staticData: IDataObject, parameters: IDataObject = {}) =>
		hookContext({
			node: trigger,
			parameters: { events: ['new_order', 'failed_order'], ...parameters },
			credentials: aomCredentials(academy),
			credentialTypes: [new AcademyOfMineApi()],
			staticData,
		}).context as unknown as IHookFunctions;

	test('"Listen for test event" again and again reuses the webhooks it registered (static data starts empty each time)', async () => {
		for (let listen = 0; listen < 3; listen++) await hooks.create.call(busyHook({}));
		expect(busy.webhooks).toHaveLength(2);
		const creates = academy.requests.filter((r) => r.method === create.method && r.path.startsWith(`${AOM_ROOT}${create.path.replace('{id}', '')}`));
		expect(creates).toHaveLength(2);
	});

	test('checkExists reads the webhook list across pages', async () => {
		const staticData: IDataObject = {};
		await hooks.create.call(busyHook(staticData));
		// 250 webhooks made in the admin after ours: ours are on the last page of the list
		for (let i = 0; i < 250; i++) busy.webhooks.unshift({ id: 1000 + i, events: 'New Order', author: 'Client Admin' });
		academy.reset();
		expect(await hooks.checkExists.call(busyHook(staticData))).toBe(true);
		const pages = academy.requests.map((r) => r.query.page_number);
		expect(pages).toEqual(['1', '2', '3']);
	});

	test('the ID a new webhook is created with can be set', async () => {
		academy.reset();
		await hooks.create.call(busyHook({}, { events: ['pending_payment'], options: { newWebhookId: 'new' } }));
		expect(academy.requests.map((r) => [r.method, r.path])).toEqual([[create.method, `${AOM_ROOT}${create.path.replace('{id}', 'new')}`]]);
	});
});
