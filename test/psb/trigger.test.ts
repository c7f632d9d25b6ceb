/** PSB Hosting Trigger: cursor in static data, no duplicates, no misses, a sample on manual polls. */
import type { IDataObject } from 'n8n-workflow';

import { PsbHostingApi } from '../../credentials/PsbHostingApi.credentials';
import { PsbHostingTrigger } from '../../nodes/PsbHosting/PsbHostingTrigger.node';
import { poll } from '../harness/engine';
import { PSB_SUPPORT_ID, PSB_TOKEN, PSB_USER_ID, psbHostingData, psbHostingMock, psbPage } from '../sandboxes/psbHosting';
import { psbCredentials } from './setup';

const data = psbHostingData();
const server = psbHostingMock(data);
const pristine = JSON.stringify({ payments: data.payments, orders: data.orders, tickets: data.tickets, messages: data.messages });
beforeAll(async () => await server.start());
afterAll(async () => await server.stop());
beforeEach(() => {
	server.reset();
	const fresh = JSON.parse(pristine);
	data.payments.splice(0, data.payments.length, ...fresh.payments);
	data.orders.splice(0, data.orders.length, ...fresh.orders);
	data.tickets.splice(0, data.tickets.length, ...fresh.tickets);
	for (const key of Object.keys(data.messages)) delete data.messages[key];
	Object.assign(data.messages, fresh.messages);
});

const run = async (event: string, staticData: IDataObject, mode: 'trigger' | 'manual' = 'trigger', extra: IDataObject = {}) =>
	(
		await poll({
			node: new PsbHostingTrigger(),
			parameters: { event, ...extra },
			credentials: psbCredentials(server),
			credentialTypes: [new PsbHostingApi()],
			mode,
			staticData,
		})
	).items;

const at = (iso: string) => `${iso.replace('Z', '')}123Z`;

describe('New Payment', () => {
	const payment = (id: number, date: string) => ({ ...data.payments[0], id, date: at(date), type: 'Покупка', status: 'Оплачено' });

	test('manual poll returns the newest payment as a sample', async () => {
		const items = await run('newPayment', {}, 'manual');
		expect(items?.map((i) => i.json.id)).toEqual([27749]);
		expect(server.last().query).toEqual({ sortBy: 'id', sortOrder: 'DESC', page: '1', pageSize: '10' });
		expect(server.last().headers.authorization).toBe(PSB_TOKEN);
	});

	test('first poll emits nothing; later polls emit each new payment once', async () => {
		const state: IDataObject = {};
		expect(await run('newPayment', state)).toBeNull();
		expect(state['node:PSB Hosting Trigger']).toMatchObject({
			event: 'newPayment',
			mark: Date.parse(data.payments[0].date) - 10 * 60_000,
			ids: { '27749': Date.parse(data.payments[0].date) },
		});
		expect(await run('newPayment', state)).toBeNull();
		// Two new payments, one of them at the very same time as the newest known one.
		data.payments.push({ ...payment(27750, ''), date: data.payments[0].date }, payment(27751, '2025-05-21T08:00:00.000Z'));
		const items = await run('newPayment', state);
		expect(items?.map((i) => i.json.id)).toEqual([27750, 27751]);
		expect(await run('newPayment', state)).toBeNull();
		data.payments.push(payment(27752, '2025-05-21T08:00:00.000Z'));
		expect((await run('newPayment', state))?.map((i) => i.json.id)).toEqual([27752]);
		expect(await run('newPayment', state)).toBeNull();
	});

	test('a burst of payments spanning several pages is emitted completely', async () => {
		const state: IDataObject = {};
		await run('newPayment', state);
		for (let i = 0; i < 150; i++) data.payments.push(payment(28000 + i, new Date(Date.UTC(2025, 4, 22, 0, i)).toISOString()));
		server.reset();
		const items = await run('newPayment', state);
		expect(items).toHaveLength(150);
		expect(new Set(items?.map((i) => i.json.id)).size).toBe(150);
		expect(server.requests.map((r) => r.query.page)).toEqual(['1', '2']);
		expect(await run('newPayment', state)).toBeNull();
	});
});

describe('New Ticket Message', () => {
	const message = (chat: number, id: number, userId: number, text: string, date: string) => ({
		...data.messages['51'][0],
		id,
		user_id: userId,
		username: userId === PSB_USER_ID ? 'user' : 'support',
		text,
		chat_id: chat,
		date_create: at(date),
		date_update: at(date),
	});

	test('manual poll returns the newest support reply', async () => {
		const items = await run('newTicketMessage', {}, 'manual', { onlySupportReplies: true });
		expect(items).toHaveLength(1);
		expect(items?.[0].json).toMatchObject({ user_id: PSB_SUPPORT_ID, ticket_id: 51, chat_id: 51 });
	});

	test('emits support replies once, skips own messages, also finds replies in closed tickets that were updated', async () => {
		const state: IDataObject = {};
		expect(await run('newTicketMessage', state, 'trigger', { onlySupportReplies: true })).toBeNull();
		data.messages['49'].push(
			message(49, 2001, PSB_USER_ID, 'Any news?', '2025-05-21T09:00:00.000Z'),
			message(49, 2002, PSB_SUPPORT_ID, 'Fixed, please check', '2025-05-21T09:05:00.000Z'),
		);
		const closed = data.tickets.find((t) => t.id === 40)!;
		data.messages['40'].push(message(40, 2003, PSB_SUPPORT_ID, 'Refund sent', '2025-05-21T09:10:00.000Z'));
		closed.date_update = at('2025-05-21T09:10:00.000Z');
		const items = await run('newTicketMessage', state, 'trigger', { onlySupportReplies: true });
		expect(items?.map((i) => [i.json.id, i.json.ticket_id, i.json.text])).toEqual([
			[2002, 49, 'Fixed, please check'],
			[2003, 40, 'Refund sent'],
		]);
		expect(await run('newTicketMessage', state, 'trigger', { onlySupportReplies: true })).toBeNull();
	});

	test('with Only Support Replies off, own messages are emitted too', async () => {
		const state: IDataObject = {};
		await run('newTicketMessage', state, 'trigger', { onlySupportReplies: false });
		data.messages['48'].push(message(48, 2010, PSB_USER_ID, 'Mine', '2025-05-21T10:00:00.000Z'));
		expect((await run('newTicketMessage', state, 'trigger', { onlySupportReplies: false }))?.map((i) => i.json.id)).toEqual([2010]);
	});
});

describe('Order Status Changed', () => {
	test('emits the order with its previous status, once', async () => {
		const state: IDataObject = {};
		expect(await run('orderStatusChanged', state)).toBeNull();
		expect(await run('orderStatusChanged', state)).toBeNull();
		data.orders[2].status = 'Заказ выдан';
		const items = await run('orderStatusChanged', state);
		expect(items?.map((i) => [i.json.id, i.json.status, i.json.previousStatus])).toEqual([[25340, 'Заказ выдан', 'Ожидает оплаты']]);
		expect(await run('orderStatusChanged', state)).toBeNull();
	});

	test('an error envelope fails the poll and an empty list is ignored: the status change in between is still emitted', async () => {
		const state: IDataObject = {};
		await run('orderStatusChanged', state);
		const answer: { body?: unknown } = {};
		server.on('GET', '/order', () => ({ body: answer.body ?? data.orders }));
		try {
			data.orders[2].status = 'Заказ выдан';
			answer.body = { detail: 'Internal error' };
			await expect(run('orderStatusChanged', state)).rejects.toThrow('PSB Hosting: answered with an error (HTTP 200): Internal error');
			answer.body = [];
			expect(await run('orderStatusChanged', state)).toBeNull();
		} finally {
			answer.body = undefined;
		}
		const items = await run('orderStatusChanged', state);
		expect(items?.map((i) => [i.json.id, i.json.status, i.json.previousStatus])).toEqual([[25340, 'Заказ выдан', 'Ожидает оплаты']]);
		expect(await run('orderStatusChanged', state)).toBeNull();
	});

	test('manual poll returns a sample', async () => {
		const items = await run('orderStatusChanged', {}, 'manual');
		expect(items?.[0].json).toMatchObject({ id: 25284, previousStatus: null });
	});
});

test('New Order and New Ticket emit new records once', async () => {
	const orders: IDataObject = {};
	const tickets: IDataObject = {};
	expect(await run('newOrder', orders)).toBeNull();
	expect(await run('newTicket', tickets)).toBeNull();
	data.orders.push({ ...data.orders[0], id: 25500, date_create: '2025-05-21T10:00:00.000000+00:00' });
	data.tickets.unshift({ ...data.tickets[0], id: 60, date_create: at('2025-05-21T10:00:00.000Z') });
	expect((await run('newOrder', orders))?.map((i) => i.json.id)).toEqual([25500]);
	expect((await run('newTicket', tickets))?.map((i) => i.json.id)).toEqual([60]);
	expect(await run('newOrder', orders)).toBeNull();
	expect(await run('newTicket', tickets)).toBeNull();
});

test('Ticket Status Changed reads all ticket pages', async () => {
	const state: IDataObject = {};
	expect(await run('ticketStatusChanged', state)).toBeNull();
	data.tickets[12].status = 'Открыт';
	const items = await run('ticketStatusChanged', state);
	expect(items?.map((i) => [i.json.id, i.json.status, i.json.previousStatus])).toEqual([[39, 'Открыт', 'Закрыт']]);
});

describe('new records are never lost, skipped or repeated', () => {
	const ids = (items: Array<{ json: IDataObject }> | null) => (items ?? []).map((i) => i.json.id);
	const order = (id: number, date_create: unknown) => ({ ...data.orders[0], id, date_create });
	const cursorOf = (state: IDataObject) => state['node:PSB Hosting Trigger'] as IDataObject;

	test('New Order: an order dated in the future is emitted once and does not hide later orders', async () => {
		const state: IDataObject = {};
		await run('newOrder', state);
		data.orders.push(order(25600, '2099-01-01T00:00:00.000000+00:00'));
		expect(ids(await run('newOrder', state))).toEqual([25600]);
		expect(cursorOf(state).mark).toBeLessThanOrEqual(Date.now());
		data.orders.push(order(25601, '2025-05-22T10:00:00.000000+00:00'));
		expect(ids(await run('newOrder', state))).toEqual([25601]);
		expect(await run('newOrder', state)).toBeNull();
	});

	test('New Order: orders without a usable date (null, "01.05.2026 12:00") are emitted once; one there at activation is not', async () => {
		data.orders.push(order(25700, null));
		const state: IDataObject = {};
		await run('newOrder', state);
		data.orders.push(order(25701, null), order(25702, '01.05.2026 12:00'));
		expect(ids(await run('newOrder', state))).toEqual([25701, 25702]);
		expect(await run('newOrder', state)).toBeNull();
		expect(cursorOf(state).ids).toMatchObject({ '25700': null, '25701': null, '25702': null });
	});

	describe('New Ticket over a long list', () => {
		const list = { ascending: false };
		beforeAll(() => server.on('GET', '/tickets', (req) => ({ body: psbPage(list.ascending ? [...data.tickets].reverse() : data.tickets, req, 10, 10) })));
		afterEach(() => (list.ascending = false));
		const ticket = (id: number, at: number) => ({ ...data.tickets[0], id, date_create: new Date(at).toISOString() });
		const base = Date.UTC(2025, 0, 1);
		/** 1,200 tickets, newest first (ids and dates grow together). */
		const fill = () => data.tickets.splice(0, data.tickets.length, ...Array.from({ length: 1200 }, (_, i) => ticket(2000 - i, base - i * 60_000)));

		test('newest first: a poll reads the first pages only, and a burst bigger than the budget is drained without loss', async () => {
			fill();
			const state: IDataObject = {};
			server.reset();
			await run('newTicket', state);
			expect(server.requests.length).toBeLessThanOrEqual(3);
			server.reset();
			expect(await run('newTicket', state)).toBeNull();
			// Tickets a minute apart, 10 a page: the 10-minute lookback window reaches into page 2.
			expect(server.requests.map((r) => r.query.page)).toEqual(['1', '2']);
			const burst = Array.from({ length: 35 }, (_, i) => ticket(3000 + i, base + (i + 1) * 60_000));
			data.tickets.unshift(...[...burst].reverse());
			const emitted: unknown[] = [];
			for (let poll = 0; poll < 10 && emitted.length < burst.length; poll++) {
				server.reset();
				emitted.push(...ids(await run('newTicket', state, 'trigger', { maxPagesPerPoll: 3 })));
				expect(server.requests.length).toBeLessThanOrEqual(3);
			}
			expect(emitted).toEqual(burst.map((t) => t.id));
			expect(await run('newTicket', state)).toBeNull();
		});

		test('14 tickets in the newest second at activation, 10 per page: all of them are the baseline', async () => {
			fill();
			data.tickets.unshift(...Array.from({ length: 14 }, (_, i) => ticket(2500 + i, base + 1000)));
			const state: IDataObject = {};
			server.reset();
			await run('newTicket', state);
			// The baseline reaches the lookback window below the newest second: page 3.
			expect(server.requests.map((r) => r.query.page)).toEqual(['1', '2', '3']);
			expect(await run('newTicket', state)).toBeNull();
			data.tickets.unshift(ticket(2514, base + 1000));
			expect(ids(await run('newTicket', state))).toEqual([2514]);
		});

		test('a thousand new tickets between two polls are all emitted once', async () => {
			fill();
			const state: IDataObject = {};
			await run('newTicket', state);
			const burst = Array.from({ length: 1100 }, (_, i) => ticket(5000 + i, base + (i + 1) * 60_000));
			data.tickets.unshift(...[...burst].reverse());
			const emitted: unknown[] = [];
			let polls = 0;
			for (; polls < 100 && emitted.length < burst.length; polls++) {
				server.reset();
				emitted.push(...ids(await run('newTicket', state)));
				expect(server.requests.length).toBeLessThanOrEqual(10);
			}
			// 110 pages deep: about 12 polls to walk down to the cursor, then about 12 to emit 9 pages each.
			expect(polls).toBeLessThanOrEqual(26);
			expect(emitted).toEqual(burst.map((t) => t.id));
			expect(await run('newTicket', state)).toBeNull();
		});

		test('oldest first: new tickets at the end of the list are found without walking it', async () => {
			fill();
			list.ascending = true;
			const state: IDataObject = {};
			await run('newTicket', state);
			data.tickets.unshift(ticket(4001, base + 120_000), ticket(4000, base + 60_000));
			server.reset();
			expect(ids(await run('newTicket', state))).toEqual([4000, 4001]);
			// From the page holding the mark (10 minutes below the newest ticket) to the end.
			expect(server.requests.map((r) => r.query.page)).toEqual(['119', '120', '121']);
			data.tickets.unshift(ticket(4002, base + 180_000));
			expect(ids(await run('newTicket', state))).toEqual([4002]);
			expect(await run('newTicket', state)).toBeNull();
		});
	});
});

describe('new records when the data moves under the trigger', () => {
	const ids = (items: Array<{ json: IDataObject }> | null) => (items ?? []).map((i) => i.json.id);
	const payment = (id: number, date: string) => ({ ...data.payments[0], id, date: at(date), type: 'Покупка', status: 'Оплачено' });
	const cursorOf = (state: IDataObject) => state['node:PSB Hosting Trigger'] as IDataObject;

	test('New Payment: a payment whose date moves forward after it was emitted is not emitted again', async () => {
		const state: IDataObject = {};
		await run('newPayment', state);
		data.payments.push(payment(27760, '2025-05-21T08:00:00.000Z'));
		expect(ids(await run('newPayment', state))).toEqual([27760]);
		// The payment is confirmed later and PSB shows the confirmation time as its date.
		data.payments[data.payments.length - 1].date = at('2025-05-21T08:05:00.000Z');
		expect(await run('newPayment', state)).toBeNull();
		data.payments.push(payment(27761, '2025-05-21T08:06:00.000Z'));
		expect(ids(await run('newPayment', state))).toEqual([27761]);
		expect(await run('newPayment', state)).toBeNull();
	});

	test('New Order: 2,100 orders without date_create are never emitted again; memory follows the list', async () => {
		const undated = Array.from({ length: 2100 }, (_, i) => ({ ...data.orders[0], id: 30_000 + i, date_create: null }));
		data.orders.push(...undated);
		const state: IDataObject = {};
		expect(await run('newOrder', state)).toBeNull();
		for (let poll = 0; poll < 3; poll++) expect(await run('newOrder', state)).toBeNull();
		// An ID is text whatever it spells, even the name of an object's built-in property.
		data.orders.push({ ...data.orders[0], id: 40_000, date_create: null }, { ...data.orders[0], id: 'constructor', date_create: null });
		expect(ids(await run('newOrder', state))).toEqual([40_000, 'constructor']);
		expect(await run('newOrder', state)).toBeNull();
		// Orders gone from the list are forgotten: what is remembered never outgrows the list.
		data.orders.splice(data.orders.length - 1001, 1000);
		expect(await run('newOrder', state)).toBeNull();
		const remembered = Object.values(cursorOf(state).ids as IDataObject).filter((ts) => ts === null);
		expect(remembered).toHaveLength(1102);
	});

	test('New Payment: a cursor saved by the earlier version is carried over, nothing repeated or lost', async () => {
		const newest = data.payments.reduce((a, b) => (Date.parse(a.date) > Date.parse(b.date) ? a : b));
		const state: IDataObject = {
			'node:PSB Hosting Trigger': { event: 'newPayment', lastTimestamp: Date.parse(newest.date), idsAtLastTimestamp: [String(newest.id)], seen: [] },
		};
		expect(await run('newPayment', state)).toBeNull();
		expect(cursorOf(state)).toMatchObject({ event: 'newPayment', mark: Date.parse(newest.date) });
		expect(cursorOf(state).lastTimestamp).toBeUndefined();
		data.payments.push(payment(27770, '2025-05-21T08:00:00.000Z'));
		expect(ids(await run('newPayment', state))).toEqual([27770]);
		expect(await run('newPayment', state)).toBeNull();
	});

	test('New Payment: IDs 2^53 and 2^53 + 1 are two payments, kept exact as text', async () => {
		const state: IDataObject = {};
		await run('newPayment', state);
		// JSON as PSB would send it: the IDs are numbers a JavaScript number cannot hold exactly.
		server.on('GET', '/payment', (req) => {
			const records = [payment(-2, '2025-05-21T09:00:01.000Z'), payment(-1, '2025-05-21T09:00:00.000Z'), ...[...data.payments].reverse()];
			const text = JSON.stringify(psbPage(records, req, 1000)).replace('"id":-2,', '"id":9007199254740993,').replace('"id":-1,', '"id":9007199254740992,');
			return { body: text, headers: { 'Content-Type': 'application/json' } };
		});
		try {
			const items = await run('newPayment', state);
			expect(ids(items)).toEqual(['9007199254740992', '9007199254740993']);
			expect(await run('newPayment', state)).toBeNull();
			expect(Object.keys(cursorOf(state).ids as IDataObject)).toEqual(expect.arrayContaining(['9007199254740992', '9007199254740993']));
		} finally {
			server.on('GET', '/payment', (req) => ({ body: psbPage([...data.payments].reverse(), req, 1000) }));
		}
	});

	test("New Ticket: the vendor's clock 6 to 10 minutes ahead of n8n's, every ticket once without spending the budget", async () => {
		const state: IDataObject = {};
		await run('newTicket', state);
		const expected: number[] = [];
		for (let poll = 0; poll < 12; poll++) {
			// Ten tickets a poll, dated by PSB's clock: 6 to 10 minutes ahead of n8n's, polls 10 PSB minutes apart.
			const start = Date.now() + (6 + (poll % 5)) * 60_000 + poll * 10 * 60_000;
			const tickets = Array.from({ length: 10 }, (_, i) => ({ ...data.tickets[0], id: 9000 + poll * 10 + i, date_create: new Date(start + i * 1000).toISOString() }));
			data.tickets.unshift(...[...tickets].reverse());
			expected.push(...tickets.map((t) => t.id));
			server.reset();
			expect(ids(await run('newTicket', state))).toEqual(tickets.map((t) => t.id));
			// Page 1, the page holding the mark, and what lies between: never the whole budget (10).
			expect(server.requests.length).toBeLessThanOrEqual(4);
		}
		expect(await run('newTicket', state)).toBeNull();
	});
});

test('New Order: more than 10,000 orders inside the window shorten it, with a warning in the log, and repeat none', async () => {
	const { Container } = await import('@n8n/di');
	const { Logger } = await import('@n8n/backend-common');
	const warn = jest.spyOn(Container.get(Logger), 'warn');
	try {
		const state: IDataObject = {};
		await run('newOrder', state);
		const start = Date.UTC(2025, 4, 22, 10);
		const added = Array.from({ length: 10_005 }, (_, i) => ({ ...data.orders[0], id: 50_000 + i, date_create: new Date(start + i).toISOString() }));
		data.orders.push(...added);
		const items = await run('newOrder', state);
		expect(items).toHaveLength(10_005);
		expect(warn.mock.calls.map(([message]) => String(message))).toContainEqual(expect.stringContaining('more than 10000 records inside the lookback window'));
		const ids = (state['node:PSB Hosting Trigger'] as IDataObject).ids as IDataObject;
		expect(Object.keys(ids)).toHaveLength(10_000);
		expect(await run('newOrder', state)).toBeNull();
		data.orders.push({ ...data.orders[0], id: 70_000, date_create: new Date(start + 20_000).toISOString() });
		expect((await run('newOrder', state))?.map((i) => i.json.id)).toEqual([70_000]);
	} finally {
		warn.mockRestore();
	}
});
