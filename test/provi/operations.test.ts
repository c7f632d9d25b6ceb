/**
 * Every Provi operation through the engine against the mock: method, path (with /v4), query, body,
 * the Api-Token header and the output items. One row per catalog operation.
 */

import { PROVI } from '../../nodes/Provi/vendor';
import { PROVI_TOKEN, proviData, proviMock } from '../sandboxes/provi';
import { runProvi } from './setup';
import type { OperationCase } from '../harness/cases';
import { describeOperations } from '../harness/cases';

const data = proviData();
const server = proviMock(data);
beforeAll(async () => await server.start());
afterAll(async () => await server.stop());
beforeEach(() => server.reset());

const CAMPAIGN_ID = '62040e573aafe90023d41401';

const cases: OperationCase[] = [
	// Courses
	{
		ref: 'provi.course.create',
		parameters: {
			resource: 'course', operation: 'create', macroAreaId: 1, microAreaId: 14, name: 'Curso de Janeiro',
			description: 'A cool course description to be visible to student', priceInCents: 200000, workload: 200,
			hasSelectionProcess: false, visible: true, additionalFields: { internalPartnerProductId: 'courseSKU' },
		},
		method: 'POST',
		path: '/v4/courses',
		body: {
			MicroAreaId: 14, name: 'Curso de Janeiro', description: 'A cool course description to be visible to student',
			priceInCents: 200000, workload: 200, hasSelectionProcess: false, visible: true, internalPartnerProductId: 'courseSKU',
		},
		check: (items) => expect(items[0].json).toMatchObject({ id: 34000, priceInCents: 200000, ProductType: 'CourseFinancing' }),
	},
	{
		ref: 'provi.course.delete',
		parameters: { resource: 'course', operation: 'delete', courseId: 33950 },
		method: 'DELETE', path: '/v4/courses/33950', body: null,
		check: (items) => expect(items.map((i) => i.json)).toEqual([{ success: true }]),
	},
	{
		ref: 'provi.course.get',
		parameters: { resource: 'course', operation: 'get', courseId: 33951 },
		method: 'GET', path: '/v4/courses/33951', query: {}, body: null,
		check: (items) => expect(items[0].json).toMatchObject({ id: 33951, name: 'Data Science 1', priceInCents: 160000 }),
	},
	{
		ref: 'provi.course.getAll',
		parameters: { resource: 'course', operation: 'getAll', limit: 5 },
		method: 'GET', path: '/v4/courses', query: { page: '1', itemsPerPage: '5' }, body: null,
		check: (items) => expect(items.map((i) => i.json.id)).toEqual([33950, 33951, 33952, 33953, 33954]),
	},
	{
		ref: 'provi.course.update',
		parameters: { resource: 'course', operation: 'update', courseId: 33950, visible: false },
		method: 'PUT', path: '/v4/courses/33950', body: { visible: false },
		check: (items) => expect(items[0].json).toEqual({ success: true }),
	},
	// Course classes
	{
		ref: 'provi.courseClass.create',
		parameters: {
			resource: 'courseClass', operation: 'create', courseId: 33954, name: 'Turma Presencial', visible: true,
			courseClassTypeId: 2, courseClassModalityId: 3, courseClassAttendTypeId: 1, courseClassDurationId: 5,
			campusId: 123, courseClassPeriodId: 1, courseClassTimeId: 3,
			additionalFields: { priceInCents: 20000, gracePeriodDays: 7, expiresAt: '2026-02-27T00:00:00.000Z', partnerSKU: 'CLASS-1' },
		},
		method: 'POST', path: '/v4/course-classes',
		body: {
			CourseId: '33954', name: 'Turma Presencial', visible: true, CourseClassTypeId: 2, CourseClassModalityId: 3,
			CourseClassAttendTypeId: 1, CourseClassDurationId: 5, CampusId: 123, CourseClassPeriodId: 1, CourseClassTimeId: 3,
			priceInCents: 20000, gracePeriodDays: 7, expiresAt: '2026-02-27T00:00:00.000Z', partnerSKU: 'CLASS-1',
		},
		check: (items) => expect(items[0].json).toMatchObject({ id: 2000, CourseId: 33954, CampusId: 123, priceInCents: 20000 }),
	},
	{
		ref: 'provi.courseClass.delete',
		parameters: { resource: 'courseClass', operation: 'delete', courseId: 33950, courseClassId: 1000 },
		method: 'DELETE', path: '/v4/course-classes/1000', body: null,
		check: (items) => expect(items[0].json).toEqual({ success: true }),
	},
	{
		ref: 'provi.courseClass.get',
		parameters: { resource: 'courseClass', operation: 'get', courseClassId: 1001 },
		method: 'GET', path: '/v4/course-classes/1001', query: {}, body: null,
		check: (items) => expect(items[0].json).toMatchObject({ id: 1001, CourseId: 33950, name: 'Evening class' }),
	},
	{
		ref: 'provi.courseClass.getAll',
		parameters: { resource: 'courseClass', operation: 'getAll', courseId: 33950, returnAll: true, filters: { visible: true } },
		method: 'GET', path: '/v4/course-classes', query: { CourseId: '33950', visible: 'true', page: '1', itemsPerPage: '100' }, body: null,
		check: (items) => expect(items.map((i) => i.json.id)).toEqual([1000, 1002]),
	},
	{
		ref: 'provi.courseClass.update',
		parameters: { resource: 'courseClass', operation: 'update', courseClassId: 1001, visible: true },
		method: 'PUT', path: '/v4/course-classes/1001', body: { visible: true },
		check: (items) => expect(items[0].json).toEqual({ success: true }),
	},
	// Exclusive sales
	{
		ref: 'provi.exclusiveSale.create',
		parameters: {
			resource: 'exclusiveSale', operation: 'create', cpf: '111.444.777-35', checkoutPriceInCents: 150000,
			courses: { values: [{ courseId: 33950, courseClassId: 1000 }, { courseId: 33951, courseClassId: 1003 }] },
			additionalFields: { upfrontAmountInCents: 15000, consultantId: 'seller@email.com' },
		},
		method: 'POST', path: '/v4/sales/exclusive-sale',
		body: {
			cpf: '11144477735', checkout_price_in_cents: 150000,
			courses: [{ id: 33950, courseClassId: 1000 }, { id: 33951, courseClassId: 1003 }],
			upfront_amount_in_cents: 15000, consultant_id: 'seller@email.com',
		},
		check: (items) => expect(items[0].json).toMatchObject({ cpf: '11144477735', checkout_price_in_cents: 150000, webhook: 'not_logged' }),
	},
	{
		ref: 'provi.exclusiveSale.get',
		parameters: { resource: 'exclusiveSale', operation: 'get', saleId: '57001' },
		method: 'GET', path: '/v4/sales/exclusive-sale/57001', query: {}, body: null,
		check: (items) => expect(items[0].json).toMatchObject({ id: 57001, fullName: 'Maria Silva' }),
	},
	{
		ref: 'provi.exclusiveSale.cancel',
		parameters: { resource: 'exclusiveSale', operation: 'cancel', saleId: '57001' },
		method: 'PATCH', path: '/v4/sales/exclusive-sale/cancel/57001', body: null,
		check: (items) => expect(items[0].json).toEqual({ success: true }),
	},
	// Sales
	{
		ref: 'provi.sale.getAll',
		parameters: {
			resource: 'sale', operation: 'getAll', limit: 4,
			filters: {
				cpf: '111.111.111-11', status: ['made_effective', 'denied'], courseId: [123], productType: ['CourseFinancing'],
				startDate: '2026-05-01T00:00:00', endDate: '2026-05-31', campaignCustomIdentifier: 'campaign_1',
			},
		},
		method: 'GET', path: '/v4/sales',
		query: {
			cpf: '11111111111', status: ['made_effective', 'denied'], courseId: '123', productType: 'CourseFinancing',
			startDate: '2026-05-01', endDate: '2026-05-31', campaignCustomIdentifier: 'campaign_1', page: '1', limit: '4',
		},
		body: null,
		check: (items) => {
			expect(items).toHaveLength(4);
			expect(items.every((i) => ['made_effective', 'denied'].includes(i.json.resumeStatus as string))).toBe(true);
		},
	},
	{
		ref: 'provi.sale.getAvailableFilters',
		parameters: { resource: 'sale', operation: 'getAvailableFilters' },
		method: 'GET', path: '/v4/sales/available-filters', query: {}, body: null,
		check: (items) => expect(items[0].json).toMatchObject({ origin: ['CAMPAIGN', 'PROVI_PAY'], courses: [{ id: 123, name: 'courseName' }] }),
	},
	// Campaigns
	{
		ref: 'provi.campaign.create',
		parameters: {
			resource: 'campaign', operation: 'create', name: 'campaign-name', checkoutPriceInCents: 10000,
			courses: { values: [{ courseId: 33950, courseClassId: 1000 }] },
			additionalFields: {
				startsAt: '2050-01-01T12:00:00.000Z', endsAt: '2050-02-01T12:00:00.000Z', customIdentifier: 'custom_identifier_code',
				paymentMethods: ['CourseFinancing', 'Boleto', 'CreditCard'], consultantId: 'consultant@email.com',
			},
		},
		method: 'POST', path: '/v4/campaigns',
		body: {
			name: 'campaign-name', checkout_price_in_cents: 10000, courses: [{ id: 33950, courseClassId: 1000 }],
			startsAt: '2050-01-01T12:00:00.000Z', endsAt: '2050-02-01T12:00:00.000Z', customIdentifier: 'custom_identifier_code',
			payment_methods: ['CourseFinancing', 'Boleto', 'CreditCard'], consultant_id: 'consultant@email.com',
		},
		check: (items) => expect(items[0].json).toMatchObject({ id: '62040e573aafe90023d4143d', checkout_price_in_cents: 10000 }),
	},
	{
		ref: 'provi.campaign.get',
		parameters: { resource: 'campaign', operation: 'get', campaignId: CAMPAIGN_ID },
		method: 'GET', path: `/v4/campaigns/${CAMPAIGN_ID}`, query: {}, body: null,
		check: (items) => expect(items[0].json).toMatchObject({ id: CAMPAIGN_ID, name: 'Campaign 2' }),
	},
	{
		ref: 'provi.campaign.getAll',
		parameters: { resource: 'campaign', operation: 'getAll', returnAll: true, filters: { customIdentifier: 'campaign_3' } },
		method: 'GET', path: '/v4/campaigns', query: { customIdentifier: 'campaign_3', page: '1', limit: '100' }, body: null,
		check: (items) => expect(items.map((i) => i.json.name)).toEqual(['Campaign 3']),
	},
	{
		ref: 'provi.campaign.update',
		parameters: { resource: 'campaign', operation: 'update', campaignId: CAMPAIGN_ID, active: false, updateFields: { customIdentifier: 'campaign_2' } },
		method: 'PATCH', path: `/v4/campaigns/active/${CAMPAIGN_ID}`, body: { active: false, customIdentifier: 'campaign_2' },
		check: (items) => expect(items[0].json).toEqual({ success: true }),
	},
	// Receipts
	{
		ref: 'provi.receipt.update',
		parameters: { resource: 'receipt', operation: 'update', creditRequestId: '330810', date: '2022-02-19T10:00:00' },
		method: 'PUT', path: '/v4/receipts/330810', body: { date: '2022-02-19' },
		check: (items) => expect(items[0].json).toMatchObject({ id: 123, formatedStatus: 'made_effective', courseReleasedAt: '2022-02-19T00:00:00.000Z' }),
	},
	{
		ref: 'provi.receipt.getAvailableFilters',
		parameters: { resource: 'receipt', operation: 'getAvailableFilters' },
		method: 'GET', path: '/v4/receipts/available-filters', query: {}, body: null,
		check: (items) => expect(items[0].json).toMatchObject({ delayedDays: [0, 12], campaigns: ['campaignName'] }),
	},
	{
		ref: 'provi.receipt.getAll',
		parameters: {
			resource: 'receipt', operation: 'getAll', limit: 3,
			filters: { status: ['late', 'made_effective'], courseId: [123], delayedDay: 12, email: '123@123.com', startPaymentDate: '2021-08-01', endPaymentDate: '2021-09-01' },
		},
		method: 'GET', path: '/v4/receipts',
		query: { status: ['late', 'made_effective'], courseId: '123', delayedDay: '12', email: '123@123.com', startPaymentDate: '2021-08-01', endPaymentDate: '2021-09-01', page: '1', limit: '3' },
		body: null,
		check: (items) => expect(items.map((i) => i.json.crid)).toEqual([330800, 330801, 330802]),
	},
	{
		ref: 'provi.receipt.getDetail',
		parameters: { resource: 'receipt', operation: 'get', creditRequestId: '330810' },
		method: 'GET', path: '/v4/receipts/detail/330810', query: {}, body: null,
		check: (items) => {
			expect(items).toHaveLength(1);
			expect(items[0].json).toMatchObject({ creditRequestId: 330810, value: 198000, totalInstallments: 13 });
		},
	},
	// Financial
	{
		ref: 'provi.financialMaas.getAll',
		parameters: {
			resource: 'financialMovement', operation: 'getAll', limit: 4,
			filters: { paymentMethod: 'Boleto', courseId: 123, cpf: '151.356.047-66', startTransferDate: '2020-10-26', endTransferDate: '2020-11-26' },
		},
		method: 'GET', path: '/v4/financial/maas',
		query: { paymentMethod: 'Boleto', courseId: '123', cpf: '15135604766', startTransferDate: '2020-10-26', endTransferDate: '2020-11-26', page: '1', limit: '4' },
		body: null,
		check: (items) => expect(items.map((i) => i.json.installmentType)).toEqual(['1 / 12', '2 / 12', '3 / 12', '4 / 12']),
	},
	{
		ref: 'provi.financialMaas.getAvailableFilters',
		parameters: { resource: 'financialMovement', operation: 'getAvailableFilters' },
		method: 'GET', path: '/v4/financial/maas/available-filters', query: {}, body: null,
		check: (items) => expect(items[0].json.paymentMethod).toEqual(['Boleto', 'CreditCard', 'TED', 'tax_compensation_transfer']),
	},
	// Webhook preferences
	{
		ref: 'provi.webhookPreference.getAll',
		parameters: { resource: 'webhookPreference', operation: 'getAll', returnAll: true, filters: { id: '1' } },
		method: 'GET', path: '/v4/webhook/preferences', query: { id: '1', page: '1', limit: '100' }, body: null,
		check: (items) => expect(items[0].json).toMatchObject({ id: 1, url: 'https://example.com.br/webhook_provi', enabledEvents: ['*'] }),
	},
	{
		ref: 'provi.webhookPreference.create',
		parameters: { resource: 'webhookPreference', operation: 'create', url: 'https://www.example.com/slug' },
		method: 'POST', path: '/v4/webhook/preference', body: { url: 'https://www.example.com/slug' },
		check: (items) => {
			expect(items[0].json).toMatchObject({ url: 'https://www.example.com/slug', enabledEvents: ['*'], status: 'enabled' });
			expect(items[0].json.signature).toMatch(/^[0-9a-f-]{36}$/);
		},
	},
	{
		ref: 'provi.webhookPreference.update',
		parameters: {
			resource: 'webhookPreference', operation: 'update', preferenceId: 1,
			updateFields: { enabledEvents: ['made_effective', 'denied'], url: 'https://example.com.br/provi' },
		},
		method: 'PATCH', path: '/v4/webhook-endpoint', body: { id: 1, enabledEvents: ['made_effective', 'denied'], url: 'https://example.com.br/provi' },
		check: (items) => expect(items[0].json).toMatchObject({ id: 1, enabledEvents: ['made_effective', 'denied'], url: 'https://example.com.br/provi' }),
	},
	{
		ref: 'provi.webhookPreference.delete',
		setup: () => data.preferences.push({ id: 27, url: 'https://www.example.com/old', status: 'enabled', enabledEvents: ['*'], enabledCourses: ['*'], signature: 'x' }),
		parameters: { resource: 'webhookPreference', operation: 'delete', preferenceId: 27 },
		method: 'DELETE', path: '/v4/webhook/preference/27', body: null,
		check: (items) =>
			expect(items[0].json).toEqual({ id: '27', url: 'https://www.example.com/old', deleted: true, message: 'Endpoint deleted' }),
	},
	{
		ref: 'provi.webhookPreference.regenerateSignature',
		parameters: { resource: 'webhookPreference', operation: 'regenerateSignature', preferenceId: 1, replaceCurrentSignature: true },
		method: 'PATCH', path: '/v4/webhook/preference/regenerate-signature', body: { id: 1, replaceCurrentSignature: true },
		check: (items) => {
			expect(items[0].json.id).toBe(1);
			expect(items[0].json.signature).not.toBe('55385646-2789-4575-9775-16b67362a787');
		},
	},
	// Webhook deliveries
	{
		ref: 'provi.webhookHistory.getAll',
		parameters: {
			resource: 'webhook', operation: 'getHistory', limit: 3,
			filters: { requestStatusNe: 200, startDate: '2026-05-01', endDate: '2026-05-31', webhookStatus: 'made_effective', creditRequest: '57000' },
			options: { sort: 'desc' },
		},
		method: 'GET', path: '/v4/webhooks',
		query: { requestStatusNe: '200', startDate: '2026-05-01', endDate: '2026-05-31', webhookStatus: 'made_effective', creditRequest: '57000', sort: 'desc', page: '1', limit: '3' },
		body: null,
		check: (items) => {
			expect(items).toHaveLength(3);
			expect(items.every((i) => i.json.requestStatus === 500)).toBe(true);
		},
	},
	{
		ref: 'provi.webhook.sendTest',
		parameters: { resource: 'webhook', operation: 'sendTest', url: 'https://www.yourdomain.com/provi_webhook', event: 'denied' },
		method: 'POST', path: '/v4/webhook/dispatch-test', body: { url: 'https://www.yourdomain.com/provi_webhook', event: 'denied' },
		check: (items) => expect(items[0].json).toEqual({ status: 200, statusText: 'OK' }),
	},
	{
		ref: 'provi.webhook.resend',
		parameters: { resource: 'webhook', operation: 'resend', webhookIds: '123abs, 456def' },
		method: 'POST', path: '/v4/webhook/dispatch-retry', body: { webhookIds: ['123abs', '456def'] },
		check: (items) => expect(items[0].json).toEqual({ message: 'Done!' }),
	},
	// Areas and campus
	{
		ref: 'provi.macroArea.getAll',
		parameters: { resource: 'area', operation: 'getMacroAreas', returnAll: true },
		method: 'GET', path: '/v4/areas/macro', query: {}, body: null,
		check: (items) => expect(items[0].json).toMatchObject({ id: 1, name: 'Digital Skills' }),
	},
	{
		ref: 'provi.microArea.getAllByMacroArea',
		parameters: { resource: 'area', operation: 'getMicroAreas', macroAreaId: 1, returnAll: true },
		method: 'GET', path: '/v4/areas/micro-area-group/1', query: {}, body: null,
		check: (items) => expect(items.slice(0, 2).map((i) => i.json.name)).toEqual(['Programação', 'Produto Digital']),
	},
	{
		ref: 'provi.campus.getAll',
		parameters: { resource: 'campus', operation: 'getAll', returnAll: true },
		method: 'GET', path: '/v4/campus', query: {}, body: null,
		check: (items) => expect(items.map((i) => i.json)).toEqual([expect.objectContaining({ id: 123, name: 'Provi' })]),
	},
];

describeOperations({
	catalogVendor: 'Provi',
	vendor: PROVI,
	server,
	run: (parameters) => runProvi(server, parameters),
	auth: (request) => expect(request.headers['api-token']).toBe(PROVI_TOKEN),
	cases,
	pathPrefix: '/v4',
});
