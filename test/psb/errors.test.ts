/** API errors, credential test and dropdowns of the PSB Hosting node. */
import { PsbHostingApi } from '../../credentials/PsbHostingApi.credentials';
import { PsbHosting } from '../../nodes/PsbHosting/PsbHosting.node';
import { loadOptions, testCredential } from '../harness/methods';
import { PSB_TOKEN, psbHostingMock } from '../sandboxes/psbHosting';
import { psbCredentials, rl, runPsb } from './setup';

const server = psbHostingMock();
beforeAll(async () => await server.start());
afterAll(async () => await server.stop());
beforeEach(() => server.reset());

test('a wrong token surfaces the API detail and the HTTP code', async () => {
	const { error } = await runPsb(server, { resource: 'account', operation: 'getMe' }, { token: 'wrong' });
	expect(error?.message).toBe('PSB Hosting: Could not validate credentials [HTTP 401]');
	expect(error?.httpCode).toBe('401');
	expect(server.last().headers.authorization).toBe('wrong');
});

test('a 404 on an order is reported, or becomes an error item with Continue On Fail', async () => {
	const { items, error } = await runPsb(server, { resource: 'order', operation: 'get', orderId: rl(1) }, { continueOnFail: true });
	expect(error).toBeUndefined();
	expect(items[0].json).toMatchObject({ error: 'PSB Hosting: Order not found [HTTP 404]', details: { httpCode: '404' } });
});

test('early termination without confirmation is refused by the API', async () => {
	const { error } = await runPsb(server, { resource: 'order', operation: 'earlyTerminate', orderId: rl(25284), confirmDelete: false });
	expect(server.last().body).toEqual({ confirm_delete: false });
	expect(error?.message).toBe('PSB Hosting: Deletion is not confirmed [HTTP 400]');
});

test('credential test: GET /users/me with the raw token', async () => {
	const good = await testCredential(new PsbHostingApi(), psbCredentials(server).psbHostingApi);
	expect(good.status).toBe('OK');
	expect(server.last().path).toBe('/users/me');
	expect(server.last().headers.authorization).toBe(PSB_TOKEN);
	const bad = await testCredential(new PsbHostingApi(), { ...psbCredentials(server).psbHostingApi, token: 'nope' });
	expect(bad.status).toBe('Error');
});

describe('dropdowns', () => {
	const load = (kind: 'loadOptions' | 'listSearch', method: string, parameters = {}, filter?: string) =>
		loadOptions(new PsbHosting(), [new PsbHostingApi()], psbCredentials(server), kind, method, filter, parameters);

	test('orders, products and recipes', async () => {
		expect((await load('loadOptions', 'getOrders')).map((o) => o.value)).toEqual(expect.arrayContaining([25284, 25301, 25340]));
		const products = await load('loadOptions', 'getProducts');
		expect(products.find((p) => p.value === 175)?.name).toBe('NL-300 - PSB VPS - Netherlands - 20$ (#175)');
		expect((await load('loadOptions', 'getRecipes')).map((r) => r.name)).toEqual(['Docker', 'OpenVPN', 'WordPress']);
		const search = await load('listSearch', 'searchOrders', {}, 'A-VPN');
		expect(search.map((o) => o.value)).toEqual(['25301']);
	});

	test('operating systems, control panels and periods of the product of a new order', async () => {
		const params = { resource: 'order', operation: 'create', productId: 210 };
		expect(await load('loadOptions', 'getProductOperatingSystems', params)).toEqual([
			{ name: 'Debian 12', value: 40 },
			{ name: 'Ubuntu 22.04', value: 49 },
		]);
		expect(await load('loadOptions', 'getProductControlPanels', params)).toEqual([{ name: 'Без панели управления (+0$)', value: 4 }]);
		expect((await load('loadOptions', 'getProductPeriods', params)).map((p) => p.value)).toEqual([1, 3, 12]);
		expect(server.last().path).toBe('/products/210');
		expect(await load('loadOptions', 'getProductOperatingSystems', { resource: 'order', operation: 'create' })).toEqual([]);
	});

	test('operating systems, target products and IP addresses of an order', async () => {
		const params = { resource: 'server', operation: 'changeOperatingSystem', orderId: rl(25284) };
		const os = await load('loadOptions', 'getOrderOperatingSystems', params);
		expect(os).toHaveLength(25);
		expect(os).toContainEqual({ name: 'Ubuntu 24.04', value: 75 });
		expect(server.last().path).toBe('/order/25284');
		const targets = await load('loadOptions', 'getProductsForChange', params);
		expect(targets).toEqual([
			{ name: 'NL-400 - 50$/month, 12$ to change', value: 176 },
			{ name: 'NL-500 - 100$/month, 32$ to change', value: 177 },
		]);
		expect(await load('loadOptions', 'getOrderIpAddresses', params)).toEqual([
			{ name: '123.123.123.123', value: '123.123.123.123' },
			{ name: '123.123.123.124 (nl100.example.com)', value: '123.123.123.124' },
		]);
	});

	test('tickets and ticket chats page through all tickets', async () => {
		const tickets = await load('listSearch', 'searchTickets');
		expect(tickets).toHaveLength(10);
		const chats = await load('listSearch', 'searchTicketChats', {}, 'PTR');
		expect(chats.every((c) => c.name.includes('PTR'))).toBe(true);
	});
});
