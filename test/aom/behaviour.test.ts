/**
 * Academy of Mine beyond single operations: pagination (Return All / Limit, both parameter
 * styles), order_by and search_param as the API reads them, Custom Request, Route Override, errors,
 * the credential's header schemes and its test, dropdowns and resource locators.
 */
import type { IDataObject } from 'n8n-workflow';

import { AcademyOfMineApi } from '../../credentials/AcademyOfMineApi.credentials';
import { AcademyOfMine } from '../../nodes/AcademyOfMine/AcademyOfMine.node';
import { ROUTES } from '../../nodes/AcademyOfMine/generated/routes';
import { loadOptions, searchPage, testCredentialWith } from '../harness/methods';
import { AOM_KEY, AOM_ROOT, aomMock, aomPage } from '../sandboxes/academyOfMine';
import { aomCredentials, rl, runAom } from './setup';

const server = aomMock();
beforeAll(async () => await server.start());
afterAll(async () => await server.stop());
beforeEach(() => server.reset());

const at = (ref: string) => `${AOM_ROOT}${ROUTES[ref].path}`;
const USERS = 'aom.users.tabular-list';
const users = Array.from({ length: 230 }, (_, i) => ({ id: i + 1, first_name: `User ${i + 1}`, last_name: 'Doe', email: `u${i + 1}@example.com` }));

describe('pagination', () => {
	beforeEach(() => server.on('GET', at(USERS), (req) => ({ body: aomPage(users, req) })));

	test('Return All walks page_number with page_size 100 until recordsTotal', async () => {
		const { items, error } = await runAom(server, { resource: 'user', operation: 'tabularList', returnAll: true });
		expect(error).toBeUndefined();
		expect(items.map((i) => i.json.id)).toEqual(users.map((u) => u.id));
		expect(server.requests.map((r) => [r.query.page_number, r.query.page_size])).toEqual([
			['1', '100'],
			['2', '100'],
			['3', '100'],
		]);
	});

	test('a filtered Return All stops at recordsFiltered, not recordsTotal', async () => {
		// 230 users, 150 match the filter: two pages, no third empty request
		const matching = users.slice(0, 150);
		server.on('GET', at(USERS), (req) => ({ body: { ...aomPage(matching, req), recordsTotal: users.length } }));
		const { items } = await runAom(server, { resource: 'user', operation: 'tabularList', returnAll: true, filters: { searchParam: '{"nameOrEmail": "User"}' } });
		expect(items).toHaveLength(150);
		expect(server.requests.map((r) => r.query.page_number)).toEqual(['1', '2']);
	});

	test('Limit stops early and asks for no more than it needs', async () => {
		const { items } = await runAom(server, { resource: 'user', operation: 'tabularList', returnAll: false, limit: 120 });
		expect(items).toHaveLength(120);
		expect(server.requests.map((r) => r.query.page_number)).toEqual(['1', '2']);
		await runAom(server, { resource: 'user', operation: 'tabularList', returnAll: false, limit: 5 });
		expect(server.last().query).toMatchObject({ page_number: '1', page_size: '5' });
	});

	test('Include Response Fields adds recordsTotal / recordsFiltered to each record', async () => {
		const { items } = await runAom(server, { resource: 'user', operation: 'tabularList', limit: 1, options: { includeResponseFields: true } });
		expect(items[0].json.response).toEqual({ recordsTotal: 230, recordsFiltered: 230 });
	});

	test('order_by as column + direction and search_param are sent as the JSON text the API reads', async () => {
		await runAom(server, {
			resource: 'user',
			operation: 'tabularList',
			limit: 5,
			filters: { searchParam: '{"nameOrEmail": "John"}' },
			options: { orderByColumn: 'created_at', orderByDirection: 'asc' },
		});
		expect(JSON.parse(String(server.last().query.order_by))).toEqual({ colName: 'created_at', direction: 'asc' });
		expect(server.last().query.search_param).toBe('{"nameOrEmail":"John"}');
	});

	test('invalid JSON in search_param is refused before any request', async () => {
		const { error } = await runAom(server, { resource: 'user', operation: 'tabularList', limit: 5, filters: { searchParam: '{nope' } });
		expect(error?.message).toContain('Search Param');
		expect(server.requests).toHaveLength(0);
	});

	test('the pageSize / pageNumber variant pages in the JSON body', async () => {
		const ref = 'aom.webinars.export-attendance-report-for-a-given-webinar';
		const rows = Array.from({ length: 130 }, (_, i) => ({ id: i + 1 }));
		server.on(ROUTES[ref].method, at(ref), (req) => ({ body: aomPage(rows, req, true) }));
		const { items, error } = await runAom(server, { resource: 'webinar', operation: 'exportAttendanceReportForAGivenWebinar', returnAll: true, webinarId: 77, portalId: -1 });
		expect(error).toBeUndefined();
		expect(items).toHaveLength(130);
		expect(server.requests.map((r) => [r.body.pageNumber, r.body.pageSize])).toEqual([
			[1, 100],
			[2, 100],
		]);
		expect(server.requests.every((r) => r.body.webinarId === 77 && r.query.page_number === undefined)).toBe(true);
	});
});

describe('Custom Request', () => {
	test('method, path, query and body on the credential', async () => {
		server.on('PATCH', `${AOM_ROOT}/v2/anything/5`, (req) => ({ body: { echoed: req.body, query: req.query } }));
		const { items, error } = await runAom(server, {
			resource: 'customRequest',
			operation: 'send',
			method: 'PATCH',
			path: '/v2/anything/5',
			options: { query: '{"portalId": -1}', body: '{"name": "x", "tags": [1, 2]}' },
		});
		expect(error).toBeUndefined();
		const req = server.last();
		expect([req.method, req.path, req.query, req.body]).toEqual(['PATCH', `${AOM_ROOT}/v2/anything/5`, { portalId: '-1' }, { name: 'x', tags: [1, 2] }]);
		expect(req.headers.authorization).toBe(`Bearer ${AOM_KEY}`);
		expect(items[0].json).toEqual({ echoed: { name: 'x', tags: [1, 2] }, query: { portalId: '-1' } });
	});

	test.each([['courses'], ['https://evil.test/x'], ['@evil.test/x'], ['/courses/../../admin'], ['/courses/%2e%2e/x'], ['/a b']])(
		'the path "%s" is refused before any request',
		async (path) => {
			const { error } = await runAom(server, { resource: 'customRequest', operation: 'send', method: 'GET', path });
			expect(error?.message).toContain('is not a path of the API');
			expect(server.requests).toHaveLength(0);
		},
	);

	test('the body must be a JSON object', async () => {
		const { error } = await runAom(server, { resource: 'customRequest', operation: 'send', method: 'POST', path: '/x', options: { body: '[1]' } });
		expect(error?.message).toContain('"Body (JSON)" must be a JSON object');
	});
});

describe('Route Override', () => {
	test('sends the operation to the method and path given, placeholders filled from its ID fields', async () => {
		server.on('PATCH', `${AOM_ROOT}/v2/badges/17`, { body: { id: 17, message: 'Badge updated' } });
		const { items, error } = await runAom(server, {
			resource: 'badge',
			operation: 'updateAnExistingBadgeByItsId',
			id: '17',
			title: 'Gold',
			badgeIconUrl: 'https://x.test/gold.svg',
			updateFields: { points: 10 },
			routeOverride: { forOperation: 'badge.updateAnExistingBadgeByItsId', method: 'PATCH', path: '/v2/badges/{id}' },
		});
		expect(error).toBeUndefined();
		expect(server.last()).toMatchObject({ method: 'PATCH', path: `${AOM_ROOT}/v2/badges/17` });
		expect(server.last().body).toMatchObject({ title: 'Gold', points: 10 });
		expect(items[0].json).toEqual({ id: 17, message: 'Badge updated' });
	});

	test('only the method, or only the path, may be overridden', async () => {
		server.on('POST', at('aom.badges.get-a-tabular-list-of-badges-with-pagination-and-search'), (req) => ({ body: aomPage([], req) }));
		const { error } = await runAom(server, { resource: 'badge', operation: 'getATabularListOfBadgesWithPaginationAndSearch', limit: 5, routeOverride: { forOperation: 'badge.getATabularListOfBadgesWithPaginationAndSearch', method: 'POST' } });
		expect(error).toBeUndefined();
		expect(server.last().method).toBe('POST');
	});

	test('a placeholder no field fills is refused before any request', async () => {
		const { error } = await runAom(server, { resource: 'badge', operation: 'createANewBadge', title: 'x', points: 1, badgeIconUrl: 'https://x.test/i.svg', routeOverride: { forOperation: 'badge.createANewBadge', path: '/badges/{badgeId}' } });
		expect(error?.message).toContain('{badgeId}');
		expect(server.requests).toHaveLength(0);
	});

	test('an override belongs to the operation it was set for: after a switch it is refused, not applied', async () => {
		const { error } = await runAom(server, {
			resource: 'user',
			operation: 'retrieveUserById',
			id: '9',
			routeOverride: { forOperation: 'course.deleteCourse', method: 'DELETE', path: '/courses/{id}/delete' },
		});
		expect(error?.message).toBe('The Route Override was set for the operation "course.deleteCourse", not for "user.retrieveUserById"');
		expect(server.requests).toHaveLength(0);
		const unbound = await runAom(server, { resource: 'user', operation: 'retrieveUserById', id: '9', routeOverride: { method: 'DELETE' } });
		expect(unbound.error?.message).toBe('The Route Override does not say which operation it is for');
	});

	test('"For Operation" offers the operation chosen now', async () => {
		const options = await loadOptions(new AcademyOfMine(), [new AcademyOfMineApi()], aomCredentials(server), 'loadOptions', 'routeOverrideOperation', undefined, {
			resource: 'badge',
			operation: 'createANewBadge',
		});
		expect(options).toEqual([{ name: 'Badge: Create', value: 'badge.createANewBadge' }]);
	});
});

describe('files', () => {
	test('a download the API answers with JSON (Mux: video not ready) outputs the JSON, not a file', async () => {
		const ref = 'aom.media.download-mux-video';
		server.on(ROUTES[ref].method, at(ref), { body: { status: 'preparing' } });
		const { items, error } = await runAom(server, { resource: 'media', operation: 'downloadMuxVideo', muxId: 'abc', binaryPropertyName: 'video' });
		expect(error).toBeUndefined();
		expect(items).toEqual([{ json: { status: 'preparing' }, pairedItem: { item: 0 } }]);
	});

	test('the download goes to the binary field named, with the file name and MIME type of the response', async () => {
		const ref = 'aom.ecommerce-orders.download-the-pdf-invoice-for-a-specific-order';
		const { items } = await runAom(server, { resource: 'ecommerceOrder', operation: 'downloadThePdfInvoiceForASpecificOrder', orderId: rl(1), binaryPropertyName: 'invoice' });
		expect(server.last()).toMatchObject({ method: ROUTES[ref].method, path: at(ref), query: { orderId: '1' } });
		expect(items[0].json).toEqual({ fileName: 'invoice-1.pdf', mimeType: 'application/pdf', fileSize: expect.anything() });
		expect(items[0].binary?.invoice).toMatchObject({ fileName: 'invoice-1.pdf', mimeType: 'application/pdf' });
	});

	test('an upload without the named binary property stops with an error naming it, before any request', async () => {
		const { error } = await runAom(server, { resource: 'module', moduleType: 'assignmentModule', operation: 'uploadAssignmentFile', binaryPropertyName: 'homework' }, { items: [{ json: {} }] });
		expect(error?.message).toBe('No binary property "homework" on input item 0');
		expect(server.requests).toHaveLength(0);
	});
});

describe('errors', () => {
	test("a 422 carries Laravel's message and field errors; Continue On Fail gives a paired error item", async () => {
		server.on('POST', at('aom.badges.create-a-new-badge'), {
			status: 422,
			body: { message: 'The given data was invalid.', errors: { title: ['The title has already been taken.'] } },
		});
		const params = { resource: 'badge', operation: 'createANewBadge', title: 'Gold', points: 1, badgeIconUrl: 'https://x.test/i.svg' };
		const { error } = await runAom(server, params);
		expect(error?.message).toContain('The given data was invalid.');
		expect(error?.httpCode).toBe('422');
		expect(error?.description).toContain('The title has already been taken.');
		const { items } = await runAom(server, params, { continueOnFail: true, items: [{ json: {} }, { json: {} }] });
		expect(items.map((i) => [i.json.error, i.pairedItem])).toEqual([
			[expect.stringContaining('The given data was invalid.'), { item: 0 }],
			[expect.stringContaining('The given data was invalid.'), { item: 1 }],
		]);
	});

	test('a wrong key: 401, and the key is not in the error', async () => {
		const { error } = await runAom(server, { resource: 'user', operation: 'tabularList', limit: 1 }, { key: 'wrong-key-123456' });
		expect(error?.httpCode).toBe('401');
		expect(JSON.stringify(error)).not.toContain('wrong-key-123456');
	});

	test('an empty path ID is refused before any request', async () => {
		const { error } = await runAom(server, { resource: 'badge', operation: 'updateAnExistingBadgeByItsId', id: '={{ "" }}', title: 'x', points: 1, badgeIconUrl: 'https://x.test/i.svg' });
		expect(error?.message).toBe('The parameter "ID" is empty for item 0');
		expect(server.requests).toHaveLength(0);
	});
});

describe('credential', () => {
	test.each([
		[{ scheme: 'custom' as const, header: 'X-API-Key' }, 'x-api-key', AOM_KEY],
		[{ scheme: 'custom' as const, header: 'Api-Token', prefix: 'Token' }, 'api-token', `Token ${AOM_KEY}`],
	])('a custom header scheme sends %j', async (auth, header, value) => {
		const custom = aomMock(auth);
		await custom.start();
		try {
			const { error } = await runAom(custom, { resource: 'webhook', operation: 'webhookEventLookup', returnAll: true }, { auth });
			expect(error).toBeUndefined();
			expect(custom.last().headers[header]).toBe(value);
			expect(custom.last().headers.authorization).toBeUndefined();
		} finally {
			await custom.stop();
		}
	});

	const testAom = async (data: IDataObject) => await testCredentialWith(new AcademyOfMine(), new AcademyOfMineApi(), data as never);

	test('the credential test reads the webhook event lookup with the key and says what it tried', async () => {
		const ref = 'aom.webhooks.webhook-event-lookup';
		const ok = await testAom(aomCredentials(server).academyOfMineApi);
		expect(ok).toEqual({
			status: 'OK',
			message: `Connection tested: ${ROUTES[ref].method} ${ROUTES[ref].path} (inferred) answered. No API description set: the 494 routes are inferred.`,
		});
		expect(server.last()).toMatchObject({ method: ROUTES[ref].method, path: at(ref) });
		expect(server.last().headers.authorization).toBe(`Bearer ${AOM_KEY}`);
		expect(await testAom(aomCredentials(server, undefined, 'bad-key').academyOfMineApi)).toEqual({
			status: 'Error',
			message: `The API key was refused (HTTP 401) on ${ROUTES[ref].method} ${ROUTES[ref].path} (inferred)`,
		});
	});

	test('the credential test fails on an HTML page, and on a 404 says the route was inferred', async () => {
		const ref = 'aom.webhooks.webhook-event-lookup';
		const site = aomMock();
		await site.start();
		try {
			site.on(ROUTES[ref].method, at(ref), { headers: { 'Content-Type': 'text/html' }, body: '<!DOCTYPE html><html><body>Welcome to our school</body></html>' });
			const html = await testAom(aomCredentials(site).academyOfMineApi);
			expect(html.status).toBe('Error');
			expect(html.message).toContain('answered an HTML page, not the API');
			site.on(ROUTES[ref].method, at(ref), { status: 404, body: { message: 'Not Found' } });
			const missing = await testAom(aomCredentials(site).academyOfMineApi);
			expect(missing.message).toContain(`${ROUTES[ref].method} ${ROUTES[ref].path} (inferred) answered HTTP 404. ${ROUTES[ref].method} ${ROUTES[ref].path} was inferred`);
			expect(missing.message).toContain('API description');
		} finally {
			await site.stop();
		}
	});
});

describe('dropdowns and resource locators', () => {
	const credentials = () => aomCredentials(server);
	const node = new AcademyOfMine();

	test('portals from Lookup Portals, for all portals (portalId -1)', async () => {
		const options = await loadOptions(node, [new AcademyOfMineApi()], credentials(), 'loadOptions', 'getPortals');
		expect(options).toEqual([{ name: 'Portal 1', value: 1 }]);
		expect(server.last()).toMatchObject({ path: at('aom.portals.lookup-portals'), query: { portalId: '-1' } });
	});

	test('webhook events from Webhook Event Lookup (db_value / display_value)', async () => {
		const options = await loadOptions(node, [new AcademyOfMineApi()], credentials(), 'loadOptions', 'getWebhookEvents');
		expect(options).toHaveLength(13);
		expect(options).toContainEqual({ name: 'New Account Created', value: 'new_account_created' });
	});

	test.each([
		['getAccredibleGroups', 'aom.accredible.accredible-groups-lookup', { name: 'group_aom_course', value: 353767 }],
		['getTimezones', 'aom.general-settings.get-a-list-of-custom-timezones', { name: 'Africa/Abidjan', value: 'Africa/Abidjan' }],
		['getModules', 'aom.modules.modules-lookup', { name: 'Introduction', value: 1 }],
	])('%s reads %s, whatever its shape ({data: [...]}, bare strings, [{id, name}])', async (method, ref, expected) => {
		const options = await loadOptions(node, [new AcademyOfMineApi()], credentials(), 'loadOptions', method);
		expect(options).toContainEqual(expected);
		expect(server.last().path).toBe(at(ref));
	});

	test('courses searched on the server with search_term', async () => {
		const page = await searchPage(node, [new AcademyOfMineApi()], credentials(), 'searchCourses', 'course');
		expect(page.results).toEqual([
			{ name: 'course 1', value: '1' },
			{ name: 'course 2', value: '2' },
		]);
		expect(server.last().query).toMatchObject({ search_term: 'course', portalId: '-1' });
	});

	test('users from the paginated tabular list, one page at a time', async () => {
		server.on('GET', at(USERS), (req) => ({ body: aomPage(users, req) }));
		const first = await searchPage(node, [new AcademyOfMineApi()], credentials(), 'searchUsers');
		expect(first.results[0]).toEqual({ name: 'User 1 Doe - u1@example.com', value: '1' });
		expect(first.results).toHaveLength(100);
		const second = await searchPage(node, [new AcademyOfMineApi()], credentials(), 'searchUsers', undefined, first.paginationToken);
		expect(second.results[0].value).toBe('101');
	});

	test('a locator value (user) goes where the field goes', async () => {
		const ref = 'aom.users.retrieve-user-by-id';
		const { error } = await runAom(server, { resource: 'user', operation: 'retrieveUserById', id: rl(9) });
		expect(error).toBeUndefined();
		expect(server.last().path).toBe(at(ref).replace('{id}', '9'));
	});
});

test('every lookup and locator method the description names exists', () => {
	const methods = { ...new AcademyOfMine().methods.loadOptions, ...new AcademyOfMine().methods.listSearch } as IDataObject;
	const names = JSON.stringify(new AcademyOfMine().description).match(/"(loadOptionsMethod|searchListMethod)":"(\w+)"/g) ?? [];
	for (const entry of names) expect(methods).toHaveProperty(entry.split(':')[1].replace(/"/g, ''));
	expect(names.length).toBeGreaterThan(50);
});
