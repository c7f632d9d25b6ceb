import type { MockResponse, RecordedRequest } from '../harness/mockServer';
import { MockServer, parseMultipart } from '../harness/mockServer';
import { parseSample, readCollection } from '../harness/postman';
import { referenceFile } from '../harness/reference';

export const PSB_TOKEN = 'psb-test-token-91c2e4';
export const PSB_USER_ID = 1;
export const PSB_SUPPORT_ID = 2;

const COLLECTION = referenceFile('psb-hosting.postman_collection.json');

type Json = Record<string, any>;

/** Saved example body of a collection request, by request name (first example unless named). */
export function psbSample(requestName: string, exampleName?: string): any {
	const request = readCollection(COLLECTION).find((r) => r.name === requestName);
	if (!request) throw new Error(`No PSB Hosting request named ${requestName}`);
	const example = exampleName ? request.responses.find((r) => r.name === exampleName) : request.responses[0];
	return parseSample(example?.body ?? '');
}

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
const iso = (ms: number, zulu = true) => {
	const text = new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1123Z');
	return zulu ? text : text.replace('Z', '+00:00');
};

/** Form fields of a multipart request (text parts only). */
export function formFields(req: RecordedRequest): Record<string, string> {
	if (!String(req.headers['content-type'] ?? '').startsWith('multipart/')) return (req.body ?? {}) as Record<string, string>;
	const out: Record<string, string> = {};
	for (const part of parseMultipart(req)) if (part.fileName === undefined) out[part.name] = part.data.toString('utf8');
	return out;
}

/** Data the PSB Hosting sandbox serves: records of the collection, several pages where the API pages. */
export function psbHostingData() {
	const me = psbSample('Get data') as Json;
	const forChange = (psbSample('Get Products for change') as Json).products as Json[];
	const vpsOrder = psbSample('Get User Orders')[0] as Json;
	const periods = (price: number) => [
		{ id: 1, name: '1 month', months: 1, price },
		{ id: 3, name: '3 months', months: 3, price: price * 3 * 0.95 },
		{ id: 12, name: '12 months', months: 12, price: price * 12 * 0.85 },
	];
	const nl300 = {
		id: 175,
		title: 'NL-300',
		price: 20,
		bill_id: 'NL-300',
		type: 'PSB VPS',
		country: 'Netherlands',
		status: true,
		characters: [
			{ id: 14, name: 'vCPU', content: '4x' },
			{ id: 17, name: 'RAM', content: '8GB' },
			{ id: 21, name: 'SSD', content: '100GB' },
		],
		os: forChange[0].os,
		control_panel: [
			{ id: 4, name: 'Без панели управления', price: 0 },
			{ id: 5, name: 'ISPmanager 6 Lite', price: 5 },
		],
	};
	const products: Json[] = [
		nl300,
		...forChange.map((p) => ({ ...clone(p), status: true })),
		{ id: 192, title: 'A-VPN [FI]', price: 3, bill_id: '646', type: 'A-VPN', country: 'Finland', status: true, characters: [], os: [], control_panel: [] },
		{
			id: 210,
			title: 'BP-1',
			price: 45,
			bill_id: 'BP-1',
			type: 'Bulletproof',
			country: 'Moldova',
			status: true,
			characters: [{ id: 70, name: 'vCPU', content: '2x' }],
			os: [{ id: 49, name: 'Ubuntu 22.04' }, { id: 40, name: 'Debian 12' }],
			control_panel: [{ id: 4, name: 'Без панели управления', price: 0 }],
		},
	].map((p: Json) => ({ ...p, periods: periods(p.price) }));
	const recipes: Json[] = [
		{ id: 1, name: 'Docker', description: 'Docker CE and docker compose' },
		{ id: 2, name: 'WordPress', description: 'WordPress on LEMP' },
		{ id: 3, name: 'OpenVPN', description: 'OpenVPN server with a first client profile' },
	];
	const base = Date.UTC(2025, 4, 20, 12);
	const orders: Json[] = [
		{ ...clone(vpsOrder), id: 25284, order_id: '6E48A19C62BF', date_create: iso(base - 30 * 86_400_000, false) },
		{
			...clone(vpsOrder),
			id: 25301,
			order_id: 'A5D82C4FE9A8',
			product: { id: 192, title: 'A-VPN [FI]', price: 3, type: 'A-VPN', country: 'Finland', status: true },
			os: null,
			control_panel: null,
			period: '3',
			name: 'фин',
			issued_order: { id: 2, url: 'https://rpn-conf.psbns.pro/test.conf', qr: 'https://rpn-conf.psbns.pro/test.png', order_id: 25301 },
			date_create: iso(base - 5 * 86_400_000, false),
		},
		{
			...clone(vpsOrder),
			id: 25340,
			order_id: 'C0FFEE12AB34',
			product: { id: 177, title: 'NL-500', price: 100, type: 'PSB VPS', country: 'Netherlands', status: true },
			os: 'Ubuntu 22.04',
			status: 'Ожидает оплаты',
			issued_order: null,
			date_create: iso(base - 86_400_000, false),
		},
	];
	const orderDetail = (order: Json): Json => {
		const sample = clone(psbSample('Get Order by id', 'Example PSB VPS Response')) as Json;
		sample.order_data = { ...sample.order_data, id: order.id, order_id: order.order_id, status: order.status, date_create: order.date_create };
		return sample;
	};
	const paymentTemplate = (psbSample('Get all') as Json).items as Json[];
	const payments: Json[] = Array.from({ length: 23 }, (_, i) => ({
		...clone(paymentTemplate[i % 2]),
		id: 27749 - i * 7,
		amount: 10 + (i % 5) * 5,
		date: iso(base - i * 3_600_000),
	}));
	const ticketTemplate = psbSample('Get ticket list').items[0] as Json;
	const tickets: Json[] = Array.from({ length: 14 }, (_, i) => {
		const id = 51 - i;
		const created = base - (i + 1) * 86_400_000;
		return {
			...clone(ticketTemplate),
			id,
			title: ['Server does not boot', 'Change tariff', 'Invoice question', 'PTR record', 'Refund'][i % 5],
			type: i % 3 === 0 ? 'Отдел продаж' : 'Технический отдел',
			status: i < 4 ? 'Открыт' : 'Закрыт',
			date_create: iso(created),
			date_update: iso(created + 3_600_000),
			chat: {
				...clone(ticketTemplate.chat),
				info: { ...clone(ticketTemplate.chat.info), id, title: `Чат тикета #${id}`, date_create: iso(created), date_update: iso(created) },
			},
		};
	});
	const messageTemplate = psbSample('Get chat messages by id')[0] as Json;
	const messages: Record<string, Json[]> = {};
	let messageId = 900;
	for (const ticket of tickets) {
		const created = Date.parse(ticket.date_create);
		messages[String(ticket.id)] = Array.from({ length: ticket.id === 51 ? 130 : 3 }, (_, i) => ({
			...clone(messageTemplate),
			id: messageId++,
			user_id: i % 2 === 0 ? PSB_USER_ID : PSB_SUPPORT_ID,
			username: i % 2 === 0 ? 'user' : 'support',
			text: i % 2 === 0 ? `Question ${i + 1} about ticket ${ticket.id}` : `Support answer ${i + 1}`,
			chat_id: ticket.id,
			date_create: iso(created + i * 60_000),
			date_update: iso(created + i * 60_000),
		}));
	}
	const history = (clone(psbSample('Get Order by id', 'Example PSB VPS Response')) as Json).server_history as Json[];
	const ipAddresses: Json[] = [
		{ ip: '123.123.123.123', type: 'ipv4', ptr: null },
		{ ip: '123.123.123.124', type: 'ipv4', ptr: 'nl100.example.com' },
	];
	return { me, products, recipes, orders, orderDetail, payments, tickets, messages, history, ipAddresses };
}

export type PsbHostingData = ReturnType<typeof psbHostingData>;

/** `page` + `pageSize` envelope: `{items, page, size, total, pages}`. */
export function psbPage(records: Json[], req: RecordedRequest, maxSize = 1000, defaultSize = 50) {
	const size = Math.min(maxSize, Math.max(1, Number(req.query.pageSize ?? defaultSize)));
	const page = Math.max(1, Number(req.query.page ?? 1));
	return {
		items: records.slice((page - 1) * size, page * size),
		page,
		size,
		total: records.length,
		pages: Math.max(1, Math.ceil(records.length / size)),
	};
}

const ok = (body: unknown, status = 200): MockResponse => ({ status, body });
const notFound = (what: string) => ok({ detail: `${what} not found` }, 404);

/** The PSB Hosting mock: all 31 requests of the collection, token checked on each call. */
export function psbHostingMock(data: PsbHostingData = psbHostingData()): MockServer {
	const server = new MockServer();
	const order = (id: string) => data.orders.find((o) => String(o.id) === id);
	const withOrder = (fn: (o: Json, req: RecordedRequest) => MockResponse) => (req: RecordedRequest, p: Record<string, string>) => {
		const o = order(p.id);
		return o ? fn(o, req) : notFound('Order');
	};
	server
		.on('GET', '/users/me', () => ok(data.me))
		.on('GET', '/order', () => ok(data.orders))
		.on('POST', '/order', (req) => {
			const form = formFields(req);
			if (!form.product_id || !form.payment_type) return ok({ detail: 'product_id and payment_type are required' }, 422);
			const product = data.products.find((p) => String(p.id) === form.product_id);
			if (!product) return notFound('Product');
			const created = {
				id: 25400 + data.orders.length,
				order_id: 'NEW0RDER0001',
				user_id: PSB_USER_ID,
				product: { id: product.id, title: product.title, price: product.price, type: product.type, country: product.country, status: true },
				os: form.os ? (product.os as Json[]).find((o) => String(o.id) === form.os)?.name ?? null : null,
				control_panel: form.control_panel ? (product.control_panel as Json[]).find((c) => String(c.id) === form.control_panel) ?? null : null,
				period: form.period ?? null,
				domain: form.domain ?? null,
				name: form.order_name ?? '',
				recipe_id: form.recipe_id ? Number(form.recipe_id) : null,
				auto_refresh: false,
				status: 'Ожидает оплаты',
				date_create: iso(Date.UTC(2025, 4, 21, 9), false),
				date_end: iso(Date.UTC(2025, 5, 21, 9), false),
				issued_order: null,
			};
			return ok(created, 201);
		})
		.on('GET', '/order/:id', withOrder((o) => ok(data.orderDetail(o))))
		.on('GET', '/order/:id/get_products_for_change', withOrder(() => ok(psbSample('Get Products for change'))))
		.on('POST', '/order/:id/prolong', withOrder((o, req) => ok({ ...o, period: formFields(req).period ?? null, date_end: '2025-06-24T15:39:22.720841+00:00' })))
		.on('PUT', '/order/:id/make_auto_prolong', withOrder((o) => ok({ id: o.id, auto_refresh: !o.auto_refresh })))
		.on('PUT', '/order/:id/change_product', withOrder((o, req) => {
			const target = formFields(req).product_id;
			return target ? ok({ id: o.id, product: Number(target), status: 'Смена тарифа' }) : ok({ detail: 'product_id is required' }, 422);
		}))
		.on('POST', '/order/:id/early-termination', withOrder((o, req) =>
			req.body?.confirm_delete === true ? ok({ id: o.id, status: 'Удален' }) : ok({ detail: 'Deletion is not confirmed' }, 400),
		))
		.on('GET', '/payment', (req) => {
			const sortBy = String(req.query.sortBy ?? 'id');
			const dir = String(req.query.sortOrder ?? 'ASC').toUpperCase() === 'DESC' ? -1 : 1;
			const records = [...data.payments].sort((a, b) => {
				const av = sortBy === 'date' ? Date.parse(a.date) : a[sortBy];
				const bv = sortBy === 'date' ? Date.parse(b.date) : b[sortBy];
				return dir * (av < bv ? -1 : av > bv ? 1 : 0);
			});
			return ok(psbPage(records, req, 1000));
		})
		.on('GET', '/products', (req) => {
			const types = String(req.query.types ?? '').toLowerCase();
			return ok(data.products.filter((p) => !types || String(p.type).toLowerCase().includes(types)));
		})
		// Routes registered later win: the generic product route goes first.
		.on('GET', '/products/:id', (_req, p) => {
			const product = data.products.find((r) => String(r.id) === p.id);
			return product ? ok(product) : notFound('Product');
		})
		.on('GET', '/products/recipes', () => ok(data.recipes))
		.on('GET', '/products/recipes/:id', (_req, p) => {
			const recipe = data.recipes.find((r) => String(r.id) === p.id);
			return recipe ? ok(recipe) : notFound('Recipe');
		})
		.on('POST', '/order/:id/server/start', withOrder((o) => ok({ id: o.id, action: 'host_start', state: 'pending' })))
		.on('POST', '/order/:id/server/stop', withOrder((o) => ok({ id: o.id, action: 'host_stop', state: 'pending' })))
		.on('POST', '/order/:id/server/restart', withOrder((o) => ok({ id: o.id, action: 'host_restart', state: 'pending' })))
		.on('GET', '/order/:id/server/history', withOrder(() => ok(data.history)))
		.on('GET', '/order/:id/server/ip-addresses', withOrder(() => ok(data.ipAddresses)))
		.on('POST', '/order/:id/server/ip-addresses', withOrder((_o, req) => {
			const form = formFields(req);
			return ok({ ip: form.ip, ptr: form.domain, status: 'created' });
		}))
		.on('PUT', '/order/:id/server/ip-addresses', withOrder((_o, req) => {
			const form = formFields(req);
			return ok({ ip: form.ip, ptr: form.domain, status: 'updated' });
		}))
		.on('PUT', '/order/:id/server/change_password', withOrder((o) => ok({ id: o.id, action: 'change_password', state: 'pending' })))
		.on('PUT', '/order/:id/server/change_port', withOrder((o, req) => ok({ id: o.id, port: formFields(req).port })))
		.on('PUT', '/order/:id/server/change_operative_system', withOrder((o, req) => ok({ id: o.id, action: 'host_reinstall', os: Number(formFields(req).os), state: 'pending' })))
		.on('POST', '/order/:id/server/assign_ipv6', withOrder((o) => ok({ id: o.id, ipv6_addr: '2a03:6f00:1::5c35:1', ipv6_subnet: '2a03:6f00:1::/64' })))
		.on('GET', '/tickets', (req) => ok(psbPage(data.tickets, req, 10, 10)))
		.on('POST', '/tickets', (req) => {
			const form = formFields(req);
			if (!form.title || !form.type || !form.message) return ok({ detail: 'title, type and message are required' }, 422);
			const files = parseMultipart(req).filter((p) => p.fileName !== undefined);
			return ok({
				...clone(psbSample('Get ticket by id')),
				id: 52,
				title: form.title,
				type: form.type,
				status: 'Открыт',
				orders: form.order_ids ? form.order_ids.split(',').map((s) => Number(s.trim())) : [],
				first_message: { text: form.message, attachments: files.map((f) => ({ name: f.fileName, size: f.data.length })) },
			}, 201);
		})
		.on('GET', '/tickets/:id', (_req, p) => {
			const ticket = data.tickets.find((t) => String(t.id) === p.id);
			return ticket ? ok({ ...clone(ticket), chat: { info: ticket.chat.info, users: psbSample('Get ticket by id').chat.users } }) : notFound('Ticket');
		})
		.on('PUT', '/tickets/:id/close', (_req, p) => {
			const ticket = data.tickets.find((t) => String(t.id) === p.id);
			return ticket ? ok({ ...clone(ticket), status: 'Закрыт' }) : notFound('Ticket');
		})
		.on('GET', '/chats/:id/messages', (req, p) => {
			const list = data.messages[p.id];
			if (!list) return notFound('Chat');
			const limit = Math.min(100, Number(req.query.limit ?? 50));
			const offset = Number(req.query.offset ?? 0);
			return ok(list.slice(offset, offset + limit));
		})
		.on('POST', '/chats/:id/messages', (req, p) => {
			if (!data.messages[p.id]) return notFound('Chat');
			const parts = parseMultipart(req);
			const files = parts.filter((x) => x.fileName !== undefined);
			const text = parts.find((x) => x.name === 'text')?.data.toString('utf8') ?? '';
			if (!text && !files.length) return ok({ detail: 'Message must contain text or files' }, 422);
			return ok({
				id: 5000,
				user_id: PSB_USER_ID,
				username: 'user',
				text,
				chat_id: Number(p.id),
				date_create: '2025-05-21T09:00:00.000000Z',
				date_update: '2025-05-21T09:00:00.000000Z',
				attachments: files.map((f, i) => ({ id: 700 + i, name: f.fileName, content_type: f.contentType, size: f.data.length })),
				read_status: { read_by_users: [PSB_USER_ID], is_read_by_current_user: true },
			}, 201);
		});
	server.guard = (req) =>
		req.headers.authorization === PSB_TOKEN ? undefined : { status: 401, body: { detail: 'Could not validate credentials' } };
	return server;
}
