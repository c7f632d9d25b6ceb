import { KwigaApi } from '../../credentials/KwigaApi.credentials';
import { Kwiga } from '../../nodes/Kwiga/Kwiga.node';
import { kwigaData, kwigaMock, KWIGA_CABINET, KWIGA_TOKEN } from '../sandboxes/kwiga';
import { loadOptions, searchPage, testCredential } from '../harness/methods';

const server = kwigaMock();
beforeAll(async () => await server.start());
afterAll(async () => await server.stop());
beforeEach(() => server.reset());

const credentials = () => ({ kwigaApi: { token: KWIGA_TOKEN, cabinetHash: KWIGA_CABINET, baseUrl: server.url } });

test.each([
	['getProducts', '/products', 'JS Foundations'],
	['getCourses', '/courses', 'Course 18'],
	['getOffers', '/offers', undefined],
	['getContactLists', '/mailing/contact-lists', 'Мой первый список'],
	['getTimezones', '/timezones', 'Asia/Kabul (UTC+04:30)'],
	['getCoupons', '/coupons', 'KwigaSMVT-MD'],
])('dropdown %s reads %s with both auth headers', async (method, path, label) => {
	const options = await loadOptions(new Kwiga(), [new KwigaApi()], credentials(), 'loadOptions', method);
	expect(options.length).toBeGreaterThan(0);
	if (label) expect(options.map((o) => o.name)).toContain(label);
	expect(server.requests[0].path).toBe(path);
	expect(server.requests[0].headers.token).toBe(KWIGA_TOKEN);
	expect(server.requests[0].headers['cabinet-hash']).toBe(KWIGA_CABINET);
});

test('contact locator searches on the server and pages', async () => {
	const result = await loadOptions(new Kwiga(), [new KwigaApi()], credentials(), 'listSearch', 'searchContacts', 'student49');
	expect(server.requests[0].query['filters[search]']).toBe('student49');
	expect(result.map((r) => r.value)).toContain('499');
});

test('credential test reads /timezones and fails on a bad token', async () => {
	const good = await testCredential(new KwigaApi(), credentials().kwigaApi);
	expect(good.status).toBe('OK');
	expect(server.last().path).toBe('/timezones');
	expect(server.last().method).toBe('GET');
	const bad = await testCredential(new KwigaApi(), { ...credentials().kwigaApi, token: 'nope' });
	expect(bad.status).toBe('Error');
});

test('contact locator pages with a pagination token (150 contacts, pages of 100)', async () => {
	const data = kwigaData();
	data.contacts = Array.from({ length: 150 }, (_, i) => ({ ...data.contacts[0], id: 1000 - i, email: `c${1000 - i}@example.com` }));
	const big = kwigaMock(data);
	await big.start();
	try {
		const creds = { kwigaApi: { token: KWIGA_TOKEN, cabinetHash: KWIGA_CABINET, baseUrl: big.url } };
		const first = await searchPage(new Kwiga(), [new KwigaApi()], creds, 'searchContacts');
		expect(first.results).toHaveLength(100);
		expect(first.paginationToken).toBe('2');
		const second = await searchPage(new Kwiga(), [new KwigaApi()], creds, 'searchContacts', undefined, first.paginationToken);
		expect(second.results.map((r) => r.value)).toEqual(data.contacts.slice(100).map((c) => String(c.id)));
		expect(second.paginationToken).toBeUndefined();
		expect(big.requests.map((r) => r.query.page)).toEqual(['1', '2']);
	} finally {
		await big.stop();
	}
});
