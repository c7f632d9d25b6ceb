/** REMP CRM: Coupon -> Activate (1/1) through the engine against the mock. */
import type { IDataObject } from 'n8n-workflow';

import { RempCrmApi } from '../../credentials/RempCrmApi.credentials';
import { RempCrm } from '../../nodes/RempCrm/RempCrm.node';
import { REMP_CRM } from '../../nodes/RempCrm/vendor';
import { describeOperations } from '../harness/cases';
import { runNode } from '../harness/engine';
import { testCredential } from '../harness/methods';
import { REMP_TOKEN, rempCrmMock } from '../sandboxes/rempCrm';

const server = rempCrmMock();
beforeAll(async () => await server.start());
afterAll(async () => await server.stop());
beforeEach(() => server.reset());

const run = async (parameters: IDataObject, options: { token?: string; continueOnFail?: boolean } = {}) =>
	await runNode({
		node: new RempCrm(),
		parameters: { resource: 'coupon', operation: 'activate', ...parameters },
		credentials: { rempCrmApi: { baseUrl: `${server.url}/`, token: options.token ?? REMP_TOKEN } },
		credentialTypes: [new RempCrmApi()],
		continueOnFail: options.continueOnFail,
	});

describeOperations({
	catalogVendor: 'REMP CRM (coupon module)',
	vendor: REMP_CRM,
	server,
	run: (parameters) => run(parameters),
	auth: (request) => expect(request.headers.authorization).toBe(`Bearer ${REMP_TOKEN}`),
	cases: [
		{
			ref: 'remp.coupon.activate',
			parameters: { code: '123456-789ABC-DEFG', notifyUser: true },
			method: 'POST',
			path: '/api/v1/coupon/activate',
			body: { code: '123456-789ABC-DEFG', notifyUser: true },
			check: (items) =>
				expect(items.map((i) => i.json)).toEqual([
					{
						coupon_id: 1234567,
						coupon_type: 'new-user-promo',
						subscription_id: 1234345,
						subscription_type_id: 123,
						subscription_type_name: '1 month promo subscription',
						subscription_start_time: '2020-07-02T11:30:00+00:00',
						subscription_end_time: '2020-08-02T11:30:00+00:00',
					},
				]),
		},
	],
});

test('notifyUser false is sent explicitly', async () => {
	const { error } = await run({ code: 'SUMMER-2026-PROMO' });
	expect(error).toBeUndefined();
	expect(server.last().body).toEqual({ code: 'SUMMER-2026-PROMO', notifyUser: false });
});

test.each([
	['USED00-000000-0000', 409, 'REMP CRM: Coupon has already been used [HTTP 409]'],
	['NOPE', 404, "REMP CRM: Coupon doesn't exist: NOPE [HTTP 404]"],
])('error: %s -> REMP message surfaced', async (code, status, message) => {
	const { error } = await run({ code });
	expect(error?.message).toBe(message);
	expect(error?.httpCode).toBe(String(status));
});

test('a wrong token: 403 with the REMP message; Continue On Fail gives an error item', async () => {
	const { items, error } = await run({ code: '123456-789ABC-DEFG' }, { token: 'bad', continueOnFail: true });
	expect(error).toBeUndefined();
	expect(server.last().headers.authorization).toBe('Bearer bad');
	expect(items[0].json).toMatchObject({ error: 'REMP CRM: Invalid or missing authorization token [HTTP 403]', details: { httpCode: '403' } });
	expect(items[0].pairedItem).toEqual({ item: 0 });
});

test('credential test: GET /api/v1/user/info with the Bearer token', async () => {
	const credentials = { baseUrl: `${server.url}/`, token: REMP_TOKEN };
	expect((await testCredential(new RempCrmApi(), credentials)).status).toBe('OK');
	expect(server.last().method).toBe('GET');
	expect(server.last().path).toBe('/api/v1/user/info');
	expect(server.last().headers.authorization).toBe(`Bearer ${REMP_TOKEN}`);
	expect((await testCredential(new RempCrmApi(), { ...credentials, token: 'bad' })).status).toBe('Error');
});

test('credential test: a 404 says the endpoint is absent or not whitelisted, and what the node needs', async () => {
	const result = await testCredential(new RempCrmApi(), { baseUrl: `${server.url}/no-crm-here/`, token: REMP_TOKEN });
	expect(server.last().path).toBe('/no-crm-here/api/v1/user/info');
	expect(result.status).toBe('Error');
	expect(result.message).toContain('GET /api/v1/user/info with HTTP 404');
	expect(result.message).toContain('not whitelisted');
	expect(result.message).toContain('POST /api/v1/coupon/activate');
});
