/**
 * Every PSB Hosting operation through n8n's engine against the mock: method, path,
 * query, body (JSON or multipart form fields), the Authorization header and the output items.
 */
import type { INodeExecutionData } from 'n8n-workflow';

import { PSB_HOSTING } from '../../nodes/PsbHosting/vendor';
import { PSB_TOKEN, psbHostingMock } from '../sandboxes/psbHosting';
import { rl, runPsb } from './setup';
import type { OperationCase } from '../harness/cases';
import { describeOperations } from '../harness/cases';

const server = psbHostingMock();
beforeAll(async () => await server.start());
afterAll(async () => await server.stop());
beforeEach(() => server.reset());

const order = rl(25284);
const json = (items: INodeExecutionData[]) => items.map((i) => i.json);

const cases: OperationCase[] = [
	{
		ref: 'psb.user.getMe',
		parameters: { resource: 'account', operation: 'getMe' },
		method: 'GET',
		path: '/users/me',
		query: {},
		check: (items) => expect(json(items)).toEqual([expect.objectContaining({ id: 1, email: 'user@psb.hosting', balance: 0 })]),
	},
	{
		ref: 'psb.order.create',
		parameters: {
			resource: 'order',
			operation: 'create',
			productId: 175,
			paymentType: 3,
			additionalFields: { os: 49, controlPanel: 4, recipeId: 1, period: 3, orderName: 'web-1', domain: 'example.com' },
		},
		method: 'POST',
		path: '/order',
		form: [
			['product_id', '175'],
			['payment_type', '3'],
			['control_panel', '4'],
			['domain', 'example.com'],
			['os', '49'],
			['order_name', 'web-1'],
			['period', '3'],
			['recipe_id', '1'],
		],
		check: (items) =>
			expect(items[0].json).toMatchObject({ product: { id: 175 }, os: 'Ubuntu 22.04', name: 'web-1', status: 'Ожидает оплаты' }),
	},
	{
		ref: 'psb.order.getAll',
		parameters: { resource: 'order', operation: 'getAll', returnAll: true },
		method: 'GET',
		path: '/order',
		query: {},
		check: (items) => {
			expect(json(items).map((o) => o.id)).toEqual([25284, 25301, 25340]);
			expect(items[0].json.status).toBe('Заказ выдан');
		},
	},
	{
		ref: 'psb.order.get',
		parameters: { resource: 'order', operation: 'get', orderId: order },
		method: 'GET',
		path: '/order/25284',
		check: (items) => {
			expect(items).toHaveLength(1);
			expect(items[0].json).toMatchObject({ order_data: { id: 25284 }, status_machine: 'Остановлена' });
		},
	},
	{
		ref: 'psb.order.getProductsForChange',
		parameters: { resource: 'order', operation: 'getProductsForChange', orderId: order, returnAll: true },
		method: 'GET',
		path: '/order/25284/get_products_for_change',
		check: (items) => {
			expect(json(items).map((p) => p.id)).toEqual([176, 177]);
			expect(items[0].json.price_for_change).toBe(12);
		},
	},
	{
		ref: 'psb.order.prolong',
		parameters: { resource: 'order', operation: 'prolong', orderId: order, additionalFields: { period: 3 } },
		method: 'POST',
		path: '/order/25284/prolong',
		form: [['period', '3']],
		check: (items) => expect(items[0].json).toMatchObject({ id: 25284, period: '3' }),
	},
	{
		ref: 'psb.order.toggleAutoProlong',
		parameters: { resource: 'order', operation: 'toggleAutoProlong', orderId: order },
		method: 'PUT',
		path: '/order/25284/make_auto_prolong',
		check: (items) => expect(items[0].json).toEqual({ id: 25284, auto_refresh: true }),
	},
	{
		ref: 'psb.order.changeProduct',
		parameters: { resource: 'order', operation: 'changeProduct', orderId: order, productId: 177 },
		method: 'PUT',
		path: '/order/25284/change_product',
		form: [['product_id', '177']],
		check: (items) => expect(items[0].json).toMatchObject({ id: 25284, product: 177 }),
	},
	{
		ref: 'psb.order.earlyTerminate',
		parameters: { resource: 'order', operation: 'earlyTerminate', orderId: order, confirmDelete: true },
		method: 'POST',
		path: '/order/25284/early-termination',
		body: { confirm_delete: true },
		check: (items) => expect(items[0].json).toEqual({ id: 25284, status: 'Удален' }),
	},
	{
		ref: 'psb.payment.getAll',
		parameters: { resource: 'payment', operation: 'getAll', returnAll: true, options: { sortBy: 'date', sortOrder: 'DESC' } },
		method: 'GET',
		path: '/payment',
		query: { sortBy: 'date', sortOrder: 'DESC', page: '1', pageSize: '1000' },
		check: (items) => {
			expect(items).toHaveLength(23);
			expect(items[0].json).toMatchObject({ id: 27749, type: 'Пополнение', status: 'Отменен' });
		},
	},
	{
		ref: 'psb.product.getAll',
		parameters: { resource: 'product', operation: 'getAll', returnAll: true, filters: { types: 'PSB VPS' } },
		method: 'GET',
		path: '/products',
		query: { types: 'PSB VPS' },
		check: (items) => expect(json(items).map((p) => p.title)).toEqual(['NL-300', 'NL-400', 'NL-500']),
	},
	{
		ref: 'psb.product.get',
		parameters: { resource: 'product', operation: 'get', product: rl(192) },
		method: 'GET',
		path: '/products/192',
		check: (items) => expect(items[0].json).toMatchObject({ id: 192, title: 'A-VPN [FI]', type: 'A-VPN' }),
	},
	{
		ref: 'psb.recipe.getAll',
		parameters: { resource: 'recipe', operation: 'getAll', returnAll: false, limit: 2 },
		method: 'GET',
		path: '/products/recipes',
		check: (items) => expect(json(items).map((r) => r.name)).toEqual(['Docker', 'WordPress']),
	},
	{
		ref: 'psb.recipe.get',
		parameters: { resource: 'recipe', operation: 'get', recipe: rl(3) },
		method: 'GET',
		path: '/products/recipes/3',
		check: (items) => expect(items[0].json).toMatchObject({ id: 3, name: 'OpenVPN' }),
	},
	{
		ref: 'psb.server.start',
		parameters: { resource: 'server', operation: 'start', orderId: order },
		method: 'POST',
		path: '/order/25284/server/start',
		check: (items) => expect(items[0].json).toEqual({ id: 25284, action: 'host_start', state: 'pending' }),
	},
	{
		ref: 'psb.server.stop',
		parameters: { resource: 'server', operation: 'stop', orderId: order },
		method: 'POST',
		path: '/order/25284/server/stop',
		check: (items) => expect(items[0].json).toEqual({ id: 25284, action: 'host_stop', state: 'pending' }),
	},
	{
		ref: 'psb.server.restart',
		parameters: { resource: 'server', operation: 'restart', orderId: order },
		method: 'POST',
		path: '/order/25284/server/restart',
		check: (items) => expect(items[0].json).toEqual({ id: 25284, action: 'host_restart', state: 'pending' }),
	},
	{
		ref: 'psb.server.getHistory',
		parameters: { resource: 'server', operation: 'getHistory', orderId: order, returnAll: true },
		method: 'GET',
		path: '/order/25284/server/history',
		check: (items) => {
			expect(items).toHaveLength(5);
			expect(items[0].json).toEqual({ id: 73740, name: 'host_stop', state: 'failed', params: null, date_create: '2025-05-12 02:07:43' });
		},
	},
	{
		ref: 'psb.server.getIpAddresses',
		parameters: { resource: 'server', operation: 'getIpAddresses', orderId: order },
		method: 'GET',
		path: '/order/25284/server/ip-addresses',
		check: (items) => expect(json(items).map((i) => i.ip)).toEqual(['123.123.123.123', '123.123.123.124']),
	},
	{
		ref: 'psb.server.addPtrRecord',
		parameters: { resource: 'server', operation: 'addPtrRecord', orderId: order, ip: '123.123.123.123', domain: 'NL100.example.com' },
		method: 'POST',
		path: '/order/25284/server/ip-addresses',
		form: [
			['ip', '123.123.123.123'],
			['domain', 'NL100.example.com'],
		],
		check: (items) => expect(items[0].json).toEqual({ ip: '123.123.123.123', ptr: 'NL100.example.com', status: 'created' }),
	},
	{
		ref: 'psb.server.updatePtrRecord',
		parameters: { resource: 'server', operation: 'updatePtrRecord', orderId: order, ip: '123.123.123.124', domain: 'mail.example.com' },
		method: 'PUT',
		path: '/order/25284/server/ip-addresses',
		form: [
			['ip', '123.123.123.124'],
			['domain', 'mail.example.com'],
		],
		check: (items) => expect(items[0].json).toEqual({ ip: '123.123.123.124', ptr: 'mail.example.com', status: 'updated' }),
	},
	{
		ref: 'psb.server.changePassword',
		parameters: { resource: 'server', operation: 'changePassword', orderId: order, password: 'S3cret!pass' },
		method: 'PUT',
		path: '/order/25284/server/change_password',
		form: [['password', 'S3cret!pass']],
		check: (items) => expect(items[0].json).toEqual({ id: 25284, action: 'change_password', state: 'pending' }),
	},
	{
		ref: 'psb.server.changePort',
		parameters: { resource: 'server', operation: 'changePort', orderId: order, port: '1234' },
		method: 'PUT',
		path: '/order/25284/server/change_port',
		form: [['port', '1234']],
		check: (items) => expect(items[0].json).toEqual({ id: 25284, port: '1234' }),
	},
	{
		ref: 'psb.server.changeOperatingSystem',
		parameters: { resource: 'server', operation: 'changeOperatingSystem', orderId: order, os: 75 },
		method: 'PUT',
		path: '/order/25284/server/change_operative_system',
		form: [['os', '75']],
		check: (items) => expect(items[0].json).toEqual({ id: 25284, action: 'host_reinstall', os: 75, state: 'pending' }),
	},
	{
		ref: 'psb.server.assignIpv6',
		parameters: { resource: 'server', operation: 'assignIpv6', orderId: order },
		method: 'POST',
		path: '/order/25284/server/assign_ipv6',
		form: [],
		check: (items) => expect(items[0].json).toMatchObject({ id: 25284, ipv6_subnet: '2a03:6f00:1::/64' }),
	},
	{
		ref: 'psb.ticket.getAll',
		parameters: { resource: 'ticket', operation: 'getAll', returnAll: true },
		method: 'GET',
		path: '/tickets',
		query: { page: '1', pageSize: '10' },
		requests: 2,
		check: (items) => {
			expect(items).toHaveLength(14);
			expect(json(items).map((t) => t.id)).toEqual(Array.from({ length: 14 }, (_, i) => 51 - i));
			expect(items[0].json.type).toBe('Отдел продаж');
		},
	},
	{
		ref: 'psb.ticket.get',
		parameters: { resource: 'ticket', operation: 'get', ticketId: rl(51) },
		method: 'GET',
		path: '/tickets/51',
		check: (items) => expect(items[0].json).toMatchObject({ id: 51, status: 'Открыт', chat: { info: { id: 51 } } }),
	},
	{
		ref: 'psb.ticket.create',
		parameters: {
			resource: 'ticket',
			operation: 'create',
			title: 'Server does not boot',
			department: 'Технический отдел',
			message: 'Hello, the server hangs on boot.',
			binaryPropertyNames: '',
			additionalFields: { orderIds: [25284, 25301] },
		},
		method: 'POST',
		path: '/tickets',
		form: [
			['title', 'Server does not boot'],
			['type', 'Технический отдел'],
			['message', 'Hello, the server hangs on boot.'],
			['order_ids', '25284,25301'],
		],
		check: (items) => expect(items[0].json).toMatchObject({ id: 52, title: 'Server does not boot', orders: [25284, 25301] }),
	},
	{
		ref: 'psb.ticket.close',
		parameters: { resource: 'ticket', operation: 'close', ticketId: rl(50) },
		method: 'PUT',
		path: '/tickets/50/close',
		check: (items) => expect(items[0].json).toMatchObject({ id: 50, status: 'Закрыт' }),
	},
	{
		ref: 'psb.chatMessage.getAll',
		parameters: { resource: 'chatMessage', operation: 'getAll', chatId: rl(51), returnAll: true },
		method: 'GET',
		path: '/chats/51/messages',
		query: { offset: '0', limit: '100' },
		requests: 2,
		check: (items) => {
			expect(items).toHaveLength(130);
			expect(new Set(json(items).map((m) => m.id)).size).toBe(130);
		},
	},
	{
		ref: 'psb.chatMessage.create',
		parameters: { resource: 'chatMessage', operation: 'create', chatId: rl(51), text: 'Thanks, it works now', binaryPropertyNames: '' },
		method: 'POST',
		path: '/chats/51/messages',
		form: [['text', 'Thanks, it works now']],
		check: (items) => expect(items[0].json).toMatchObject({ id: 5000, chat_id: 51, text: 'Thanks, it works now', attachments: [] }),
	},
];

describeOperations({
	catalogVendor: 'PSB Hosting',
	vendor: PSB_HOSTING,
	server,
	run: (parameters) => runPsb(server, parameters),
	auth: (request) => expect(request.headers.authorization).toBe(PSB_TOKEN),
	cases,
});
