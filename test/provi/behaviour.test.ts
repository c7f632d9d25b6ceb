import type { IDataObject, ILoadOptionsFunctions, INodeProperties } from 'n8n-workflow';

import { ProviApi } from '../../credentials/ProviApi.credentials';
import { Provi } from '../../nodes/Provi/Provi.node';
import { PROVI_API } from '../../nodes/Provi/api';
import { baseUrlOf } from '../../nodes/shared/api';
import { loadOptionsContext } from '../harness/webhook';
import { PROVI_MAX_PAGE_SIZE, PROVI_TOKEN, proviData, proviMock } from '../sandboxes/provi';
import { proviCredentials, runProvi } from './setup';
import { referenceCount } from '../harness/postman';

const data = proviData();
const server = proviMock(data);
beforeAll(async () => await server.start());
afterAll(async () => await server.stop());
beforeEach(() => server.reset());

describe('pagination over paging', () => {
	test('Return All walks every page of sales (page + limit) until paging.totalPages', async () => {
		const { items, error } = await runProvi(server, { resource: 'sale', operation: 'getAll', returnAll: true });
		expect(error).toBeUndefined();
		expect(items).toHaveLength(data.sales.length);
		expect(new Set(items.map((i) => i.json.id)).size).toBe(data.sales.length);
		const pages = Math.ceil(data.sales.length / PROVI_MAX_PAGE_SIZE);
		expect(server.requests.map((r) => r.query.page)).toEqual(Array.from({ length: pages }, (_, i) => String(i + 1)));
		expect(server.requests.every((r) => r.query.limit === '100')).toBe(true);
	});

	test('courses page with itemsPerPage', async () => {
		const { items } = await runProvi(server, { resource: 'course', operation: 'getAll', returnAll: true });
		expect(items).toHaveLength(data.courses.length);
		expect(server.requests.map((r) => r.rawQuery)).toEqual(['page=1&itemsPerPage=100', 'page=2&itemsPerPage=100']);
	});

	test('a limit stops the walk as soon as it is reached', async () => {
		const { items } = await runProvi(server, { resource: 'receipt', operation: 'getAll', limit: 30 });
		expect(items.map((i) => i.json.crid)).toEqual(data.receipts.slice(0, 25).map((r) => r.crid));
		const { items: movements } = await runProvi(server, { resource: 'financialMovement', operation: 'getAll', limit: 22 });
		expect(movements).toHaveLength(22);
		expect(server.requests.filter((r) => r.path === '/v4/financial/maas').map((r) => r.query.page)).toEqual(['1', '2']);
	});

	test('paging: null (unpaginated list) ends after one page', async () => {
		const own = proviMock();
		own.on('GET', '/v4/course-classes', { body: { paging: null, content: [{ id: 1 }, { id: 2 }] } });
		await own.start();
		try {
			const { items } = await runProvi(own, { resource: 'courseClass', operation: 'getAll', courseId: 1, returnAll: true });
			expect(items).toHaveLength(2);
			expect(own.requests).toHaveLength(1);
		} finally {
			await own.stop();
		}
	});
});

describe('Provi error bodies', () => {
	test('BodyPropertyError: the message of error.message', async () => {
		const { error } = await runProvi(server, {
			resource: 'course', operation: 'create', macroAreaId: 1, microAreaId: 14, name: data.courses[0].name,
			description: 'x', priceInCents: 100, workload: 1, hasSelectionProcess: false, visible: true,
		});
		expect(error?.message).toBe('Provi: Course already exist. [HTTP 400]');
		expect(error?.description).toContain('BodyPropertyError');
	});

	test('BodyPropertyError for missing courses', async () => {
		const { error } = await runProvi(server, { resource: 'exclusiveSale', operation: 'create', cpf: '11111111111', checkoutPriceInCents: 1000, courses: {} });
		expect(error?.message).toBe('Provi: The request is missing one or more of the mandatory params: courses. [HTTP 400]');
	});

	test('ValidationError: every errors[] entry is shown', async () => {
		// Provi's answer to an ID it refuses (the node itself refuses "abc" before any request, below)
		server.on('GET', '/v4/sales/exclusive-sale/99999', {
			status: 400,
			body: { name: 'ValidationError', errors: [{ name: 'paramsPropertyError: id', message: 'Propriedade inválida: id.' }] },
		});
		const { error } = await runProvi(server, { resource: 'exclusiveSale', operation: 'get', saleId: '99999' });
		expect(error?.httpCode).toBe('400');
		// the first errors[] entry titles the error; every entry is in the description
		expect(error?.message).toBe('Provi: paramsPropertyError: id: Propriedade inválida: id. [HTTP 400]');
		expect(error?.description).toContain('paramsPropertyError: id: Propriedade inválida: id.');
	});

	test('an ID that is not a whole number is refused before any request', async () => {
		const { error } = await runProvi(server, { resource: 'exclusiveSale', operation: 'get', saleId: '12abc' });
		expect(error?.message).toBe('The parameter "Sale ID" must be a whole number for item 0 (got "12abc")');
		expect(server.requests).toHaveLength(0);
	});

	test('NotAuthorizedError: wrong token', async () => {
		const { error } = await runProvi(server, { resource: 'campus', operation: 'getAll', returnAll: true }, { token: 'wrong' });
		expect(error?.message).toBe('Provi: Invalid authorization token [HTTP 401]');
		expect(error?.httpCode).toBe('401');
		expect(server.last().headers['api-token']).toBe('wrong');
	});

	test('NotFoundError and ParamPropertyError', async () => {
		const notFound = await runProvi(server, { resource: 'exclusiveSale', operation: 'cancel', saleId: '57060' });
		expect(notFound.error?.message).toBe('Provi: Exclusive sale(s) not found: 57060. [HTTP 404]');
		const badId = await runProvi(server, { resource: 'campaign', operation: 'get', campaignId: '123' });
		expect(badId.error?.message).toBe('Provi: Type error on property id. Expected type: MongoDB ObjectId. [HTTP 400]');
	});

	test('Continue On Fail gives one error item per failed input item', async () => {
		const { items, error } = await runProvi(
			server,
			{ resource: 'exclusiveSale', operation: 'get', saleId: '={{$json.id}}' },
			{ continueOnFail: true, items: [{ json: { id: '57001' } }, { json: { id: '57060' } }] },
		);
		expect(error).toBeUndefined();
		expect(items[0].json.id).toBe(57001);
		expect(items[1].json).toMatchObject({ error: 'Provi: Exclusive sale(s) not found: 57060. [HTTP 404]', details: { httpCode: '404' } });
		expect(items[1].pairedItem).toEqual({ item: 1 });
	});
});

describe('dropdowns', () => {
	const methods = new Provi().methods.loadOptions;
	const ctx = (parameters: IDataObject = {}, path?: string) =>
		loadOptionsContext(
			{ node: new Provi(), parameters, credentials: proviCredentials(server), credentialTypes: [new ProviApi()] },
			path,
		) as unknown as ILoadOptionsFunctions;

	test('courses (every page), campaigns, macro/micro areas, campus', async () => {
		const courses = await methods.getCourses.call(ctx());
		expect(courses).toHaveLength(data.courses.length);
		expect(courses).toContainEqual({ name: 'Full Stack Web 1 (33950)', value: 33950 });
		expect(await methods.getCampaigns.call(ctx())).toHaveLength(data.campaigns.length);
		expect((await methods.getMacroAreas.call(ctx()))[0]).toEqual({ name: 'Digital Skills', value: 1 });
		expect(await methods.getMicroAreas.call(ctx({}))).toEqual([]);
		const micro = await methods.getMicroAreas.call(ctx({ macroAreaId: 1 }));
		expect(micro).toContainEqual({ name: 'Programação', value: 1 });
		expect(server.last().path).toBe('/v4/areas/micro-area-group/1');
		expect(await methods.getCampus.call(ctx())).toEqual([{ name: 'Provi', value: 123 }]);
		expect(server.requests.every((r) => r.headers['api-token'] === PROVI_TOKEN)).toBe(true);
	});

	test('course classes of the chosen course (top level and inside a Courses row)', async () => {
		expect(await methods.getCourseClasses.call(ctx({}))).toEqual([]);
		const top = await methods.getCourseClasses.call(ctx({ courseId: 33951 }));
		expect(top).toEqual([
			{ name: 'Evening class (1004)', value: 1004 },
			{ name: 'Morning class (1003)', value: 1003 },
			{ name: 'Online class (1005)', value: 1005 },
		]);
		expect(server.last().query.CourseId).toBe('33951');
		const nested = await methods.getCourseClasses.call(
			ctx({ courses: { values: [{ courseId: 33952 }] } }, 'parameters.courses.values[0].courseClassId'),
		);
		expect(nested.map((o) => o.value).sort()).toEqual([1006, 1007, 1008]);
	});

	test('available filters of sales, receipts and financial movements', async () => {
		expect(await methods.getSaleStatuses.call(ctx())).toEqual([
			{ name: 'made_effective', value: 'made_effective' },
			{ name: 'not_logged', value: 'not_logged' },
		]);
		expect(await methods.getSaleCourses.call(ctx())).toEqual([{ name: 'courseName (123)', value: 123 }]);
		expect(await methods.getSaleOrigins.call(ctx())).toHaveLength(2);
		expect(await methods.getSaleCampaigns.call(ctx())).toEqual([{ name: 'campaignName', value: 'campaignName' }]);
		expect(await methods.getReceiptDelayedDays.call(ctx())).toEqual([{ name: '0', value: 0 }, { name: '12', value: 12 }]);
		expect(await methods.getReceiptProductTypes.call(ctx())).toHaveLength(4);
		expect(await methods.getFinancialPaymentMethods.call(ctx())).toHaveLength(4);
		expect(await methods.getFinancialCourses.call(ctx())).toEqual([{ name: 'CourseName (123)', value: 123 }]);
		expect(server.requests.map((r) => r.path)).toEqual(expect.arrayContaining(['/v4/sales/available-filters', '/v4/receipts/available-filters', '/v4/financial/maas/available-filters']));
	});
});

describe('credential', () => {
	test('environments and API version build the base URL', () => {
		const proviBaseUrl = (credentials: Record<string, string>) => baseUrlOf(PROVI_API.baseUrl, credentials);
		expect(proviBaseUrl({ environment: 'production', apiVersion: 'v4' })).toBe('https://ms-checkout.provi.com.br/v4');
		expect(proviBaseUrl({ environment: 'staging', apiVersion: 'v4' })).toBe('https://ms-checkout-staging.provi.com.br/v4');
		expect(proviBaseUrl({ environment: 'custom', baseUrl: 'http://127.0.0.1:1/', apiVersion: '/v5/' })).toBe('http://127.0.0.1:1/v5');
		expect(proviBaseUrl({})).toBe('https://ms-checkout.provi.com.br/v4');
	});

	test('Api-Token header, read-only test request', async () => {
		const credential = new ProviApi();
		const authenticated = await credential.authenticate({ token: 'tok' }, { url: '/x', headers: { Accept: 'application/json' } });
		expect(authenticated).toEqual({ url: '/x', headers: { Accept: 'application/json', 'Api-Token': 'tok' } });
		expect(credential.test.request).toMatchObject({ method: 'GET', url: '/areas/macro' });
		expect(credential.properties.find((p) => p.name === 'token')?.typeOptions).toEqual({ password: true });
		expect(credential.properties.find((p) => p.name === 'apiVersion')?.default).toBe('v4');
	});
});

describe('node description', () => {
	const description = new Provi().description;
	const walk = (props: INodeProperties[]): INodeProperties[] =>
		props.flatMap((p) => [p, ...walk(((p.options ?? []) as INodeProperties[]).filter((o) => 'displayName' in o && 'type' in o)), ...((p.options ?? []) as Array<{ values?: INodeProperties[] }>).flatMap((o) => walk(o.values ?? []))]);

	test('usable as a tool, every operation has an action', () => {
		expect(description.usableAsTool).toBe(true);
		const operations = description.properties.filter((p) => p.name === 'operation').flatMap((p) => p.options as Array<{ action?: string }>);
		expect(operations).toHaveLength(referenceCount('provi.postman_collection.json'));
		expect(operations.every((o) => typeof o.action === 'string' && o.action.length > 0)).toBe(true);
	});

	test('money fields say cents, id tables are named dropdowns', () => {
		const all = walk(description.properties);
		const money = all.filter((p) => /price|amount/i.test(p.name));
		expect(money.length).toBeGreaterThan(0);
		expect(money.every((p) => p.displayName.includes('(Cents)') && /cents/.test(String(p.description)))).toBe(true);
		for (const name of ['courseClassTypeId', 'courseClassModalityId', 'courseClassAttendTypeId', 'courseClassDurationId', 'courseClassPeriodId', 'courseClassTimeId']) {
			const property = all.find((p) => p.name === name);
			expect(property?.type).toBe('options');
			expect((property?.options as Array<{ name: string }>).every((o) => !/^\d+$/.test(o.name))).toBe(true);
		}
	});
});
