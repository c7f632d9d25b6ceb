import type { IDataObject } from 'n8n-workflow';

import { KWIGA } from '../../nodes/Kwiga/vendor';
import { KWIGA_CABINET, KWIGA_TOKEN, kwigaMock } from '../mocks/kwiga';
import { runKwiga } from './setup';
import { referenceCount } from '../harness/postman';

const server = kwigaMock();
beforeAll(async () => await server.start());
afterAll(async () => await server.stop());
beforeEach(() => server.reset());

const rl = (value: string | number, mode = 'id') => ({ __rl: true, mode, value: String(value) });

interface Case {
	ref: string;
	params: IDataObject;
	method: string;
	path: string;
	query?: Record<string, unknown>;
	body?: unknown;
	headers?: Record<string, string>;
	/** Checks on the output items. */
	out: (items: Array<{ json: Record<string, any> }>) => void;
}

const cases: Case[] = [
	{
		ref: 'kwiga.certificate.getByNumber',
		params: { resource: 'certificate', operation: 'getByNumber', number: '1986-0001' },
		method: 'GET',
		path: '/certificates/by-number/1986-0001',
		out: (items) => expect(items[0].json).toMatchObject({ id: 55, number: '1986-0001' }),
	},
	{
		ref: 'kwiga.contact.getAll',
		params: { resource: 'contact', operation: 'getAll', limit: 5, filters: { dateFrom: '2026-05-19T10:00:00.000Z', search: 'student', withOffers: true } },
		method: 'GET',
		path: '/contacts',
		query: { 'filters[date_from]': '2026-05-19', 'filters[search]': 'student', with_offers: '1', page: '1', per_page: '5' },
		out: (items) => {
			expect(items).toHaveLength(5);
			expect(items[0].json.email).toBe('student500@example.com');
		},
	},
	{
		ref: 'kwiga.contact.get',
		params: { resource: 'contact', operation: 'get', contact: rl(499) },
		method: 'GET',
		path: '/contacts/499',
		out: (items) => expect(items[0].json).toMatchObject({ id: 499, email: 'student499@example.com' }),
	},
	{
		ref: 'kwiga.contact.create',
		params: {
			resource: 'contact',
			operation: 'create',
			email: 'bond@example.com',
			additionalFields: {
				firstName: 'James',
				lastName: 'Bond',
				phone: '+380931234567',
				sendActivationEmail: true,
				managerIds: '264, 288',
				additionalFields: { values: [{ fieldId: 17, value: 'this is test value' }] },
			},
		},
		method: 'POST',
		path: '/contacts',
		body: {
			email: 'bond@example.com',
			first_name: 'James',
			last_name: 'Bond',
			phone: '+380931234567',
			send_activation_email: true,
			manager_ids: [264, 288],
			additional_fields: [{ field_id: 17, value: 'this is test value' }],
		},
		out: (items) => expect(items[0].json).toMatchObject({ id: 132, email: 'bond@example.com' }),
	},
	{
		ref: 'kwiga.contact.update',
		params: {
			resource: 'contact',
			operation: 'update',
			contact: rl(132),
			updateFields: { firstName: 'John', lastName: 'Black', email: 'bond123@example.com', phone: '+380931112233', tags: 'test-tag, vip' },
		},
		method: 'PUT',
		path: '/contacts/132',
		body: { first_name: 'John', last_name: 'Black', email: 'bond123@example.com', phone: '+380931112233', tags: ['test-tag', 'vip'] },
		out: (items) => expect(items[0].json.id).toBe(132),
	},
	{
		ref: 'kwiga.contact.addPurchase',
		params: { resource: 'contact', operation: 'addPurchase', email: 'bond@example.com', offerId: 18, additionalFields: { firstName: 'James', sendActivationEmail: true } },
		method: 'POST',
		path: '/contacts/purchases',
		body: { email: 'bond@example.com', offer_id: 18, first_name: 'James', send_activation_email: true },
		out: (items) => expect(items[0].json.email).toBe('bond@example.com'),
	},
	{
		ref: 'kwiga.contactTag.add',
		params: { resource: 'contactTag', operation: 'add', contacts: '23698', tags: 'test-tag' },
		method: 'POST',
		path: '/contacts/tags',
		body: { contacts: [23698], tags: ['test-tag'] },
		out: (items) => expect(items[0].json).toEqual({ success: true }),
	},
	{
		ref: 'kwiga.contactTag.remove',
		params: { resource: 'contactTag', operation: 'remove', contacts: '23698,23699', tags: 'test-tag' },
		method: 'DELETE',
		path: '/contacts/tags',
		body: { contacts: [23698, 23699], tags: ['test-tag'] },
		out: (items) => expect(items[0].json).toEqual({ success: true }),
	},
	{
		ref: 'kwiga.contactProduct.getAll',
		params: { resource: 'contactProduct', operation: 'getAll', contact: rl(132), returnAll: true },
		method: 'GET',
		path: '/contacts/132/products',
		out: (items) => {
			expect(items.length).toBeGreaterThan(0);
			expect(items[0].json).toHaveProperty('productable_type');
		},
	},
	{
		ref: 'kwiga.contactProduct.delete',
		params: { resource: 'contactProduct', operation: 'delete', contact: rl(132), product: rl(299) },
		method: 'DELETE',
		path: '/contacts/132/products/299',
		out: (items) => expect(items[0].json).toEqual({ success: true }),
	},
	{
		ref: 'kwiga.contactProduct.deleteBulk',
		params: { resource: 'contactProduct', operation: 'deleteBulk', email: 'user@example.com', productId: 299, additionalFields: { offers: [421] } },
		method: 'DELETE',
		path: '/contacts/products',
		body: { email: 'user@example.com', product_id: 299, offers: [421] },
		out: (items) => expect(items[0].json.affected_subscriptions).toEqual([2309, 2661]),
	},
	{
		ref: 'kwiga.contactProduct.freeze',
		params: { resource: 'contactProduct', operation: 'freeze', contact: rl(132), product: rl(299), countFrozenDays: 30 },
		method: 'POST',
		path: '/contacts/132/products/299/freeze',
		body: { count_frozen_days: 30 },
		out: (items) => expect(items[0].json.id).toBe(299),
	},
	{
		ref: 'kwiga.contactProduct.unfreeze',
		params: { resource: 'contactProduct', operation: 'unfreeze', contact: rl(132), product: rl(299) },
		method: 'POST',
		path: '/contacts/132/products/299/unfreeze',
		body: undefined,
		out: (items) => expect(items[0].json.id).toBe(299),
	},
	{
		ref: 'kwiga.contactProduct.extend',
		params: { resource: 'contactProduct', operation: 'extend', contact: rl(132), product: rl(299), countExtendDays: 14 },
		method: 'POST',
		path: '/contacts/132/products/299/extend',
		body: { count_extend_days: 14 },
		out: (items) => expect(items[0].json.id).toBe(299),
	},
	{
		ref: 'kwiga.contactProduct.setEndDate',
		params: { resource: 'contactProduct', operation: 'setEndDate', contact: rl(132), product: rl(299), endAt: '2027-01-01T23:59:59', timezoneId: 1 },
		method: 'PUT',
		path: '/contacts/132/products/299/end-date',
		body: { end_at: '2027-01-01 23:59:59', timezone_id: 1 },
		out: (items) => expect(items[0].json.id).toBe(299),
	},
	{
		ref: 'kwiga.contactReward.getAll',
		params: { resource: 'contactReward', operation: 'getAll', contact: rl(142), returnAll: true, filters: { accrualType: 'accrued', reasonTypes: [1, 6], productIds: [10, 11] } },
		method: 'GET',
		path: '/contacts/142/rewards',
		query: { 'filters[accrual_type]': 'accrued', 'filters[reason_types]': '1,6', 'filters[product_ids]': '10,11', page: '1', per_page: '100' },
		out: (items) => expect(items.map((i) => i.json.id)).toEqual([9821, 9820, 9810]),
	},
	{
		ref: 'kwiga.contactReward.create',
		params: {
			resource: 'contactReward',
			operation: 'create',
			contact: rl(142),
			points: -30,
			additionalFields: { comment: 'Late homework', isVisibleToStudent: true, productId: 10, idempotencyKey: 'abc-123' },
		},
		method: 'POST',
		path: '/contacts/142/rewards',
		body: { points: -30, comment: 'Late homework', is_visible_to_student: true, product_id: 10 },
		headers: { 'idempotency-key': 'abc-123' },
		out: (items) => expect(items[0].json.id).toBe(9822),
	},
	{
		ref: 'kwiga.contact.query',
		params: { resource: 'contact', operation: 'query', returnAll: true, filters: { contactIds: '499,498', emails: 'student490@example.com' } },
		method: 'POST',
		path: '/contacts/query',
		query: { page: '1', per_page: '100' },
		body: { filters: { contact_ids: [499, 498], emails: ['student490@example.com'] } },
		out: (items) => expect(items.map((i) => i.json.id)).toEqual([499, 498, 490]),
	},
	{
		ref: 'kwiga.coupon.getAll',
		params: { resource: 'coupon', operation: 'getAll', returnAll: true, filters: { dateFrom: '2022-04-15', dateTo: '2022-04-27T18:00:00+03:00' } },
		method: 'GET',
		path: '/coupons',
		query: { 'filters[date_from]': '2022-04-15', 'filters[date_to]': '2022-04-27' },
		out: (items) => expect(items[0].json.code).toBe('KwigaSMVT-MD'),
	},
	{
		ref: 'kwiga.coupon.get',
		params: { resource: 'coupon', operation: 'get', coupon: 1 },
		method: 'GET',
		path: '/coupons/1',
		out: (items) => expect(items[0].json).toMatchObject({ id: 1, code: 'KwigaSMVT-MD' }),
	},
	{
		ref: 'kwiga.coupon.create',
		params: {
			resource: 'coupon',
			operation: 'create',
			code: 'MY-COUPON',
			discountType: 'discount_with_percent',
			reward: 15,
			additionalFields: { timezoneId: 375, totalUses: 10, totalUsesPerUser: 1, expiresAt: '2026-12-31T23:59:00' },
		},
		method: 'POST',
		path: '/coupons',
		body: {
			code: 'MY-COUPON',
			'type_discount[id]': 'discount_with_percent',
			reward: 15,
			'timezone[id]': 375,
			total_uses: 10,
			total_uses_per_user: 1,
			expires_at: '2026-12-31 23:59:00',
		},
		out: (items) => expect(items[0].json.code).toBe('MY-COUPON'),
	},
	{
		ref: 'kwiga.coupon.check',
		params: { resource: 'coupon', operation: 'check', code: 'VAJ6-EA', price: 65 },
		method: 'POST',
		path: '/coupons/check',
		body: { code: 'VAJ6-EA', price: 65 },
		out: (items) => expect(items[0].json).toEqual({ can_use: true, discount: 6.5 }),
	},
	{
		ref: 'kwiga.course.getAll',
		params: { resource: 'course', operation: 'getAll', limit: 3, options: { include: ['offers', 'program'] } },
		method: 'GET',
		path: '/courses',
		query: { 'with[]': ['offers', 'program'], page: '1', per_page: '3' },
		out: (items) => expect(items.map((i) => i.json.title)).toEqual(['Course 1', 'Course 2', 'Course 3']),
	},
	{
		ref: 'kwiga.courseUser.getAll',
		params: { resource: 'courseUser', operation: 'getAll', course: rl(226), returnAll: true, filters: { progressFrom: 50, progressTo: 100 } },
		method: 'GET',
		path: '/courses/226/users',
		query: { progress_general_from: '50', progress_general_to: '100', page: '1', per_page: '100' },
		out: (items) => expect(items[0].json.user).toMatchObject({ id: 3 }),
	},
	{
		ref: 'kwiga.courseUser.query',
		params: { resource: 'courseUser', operation: 'query', course: rl(226), returnAll: true, filters: { contactIds: '1,2,3' }, options: { include: ['lesson_progress', 'quiz_progress'] } },
		method: 'POST',
		path: '/courses/226/users/query',
		query: { page: '1', per_page: '100' },
		body: { contact_ids: [1, 2, 3], include: ['lesson_progress', 'quiz_progress'] },
		out: (items) => expect(items.length).toBeGreaterThan(0),
	},
	{
		ref: 'kwiga.contactList.getAll',
		params: { resource: 'contactList', operation: 'getAll', returnAll: true },
		method: 'GET',
		path: '/mailing/contact-lists',
		query: { page: '1', per_page: '100' },
		out: (items) => expect(items.map((i) => i.json.id)).toEqual([2, 1]),
	},
	{
		ref: 'kwiga.contactList.get',
		params: { resource: 'contactList', operation: 'get', list: 1 },
		method: 'GET',
		path: '/mailing/contact-lists/1',
		out: (items) => expect(items[0].json).toMatchObject({ id: 1, is_default: true }),
	},
	{
		ref: 'kwiga.contactList.create',
		params: { resource: 'contactList', operation: 'create', title: 'Webinar leads', additionalFields: { description: 'From the May webinar' } },
		method: 'POST',
		path: '/mailing/contact-lists',
		body: { title: 'Webinar leads', description: 'From the May webinar' },
		out: (items) => expect(items[0].json).toMatchObject({ id: 3, title: 'Webinar leads' }),
	},
	{
		ref: 'kwiga.contactList.addContactsBulk',
		params: { resource: 'contactList', operation: 'addContacts', contacts: '2, 5', contactLists: [1] },
		method: 'POST',
		path: '/mailing/contact-lists/bulk-contacts',
		body: { 'contacts[]': [2, 5], 'contact_lists[]': 1 },
		out: (items) => expect(items[0].json).toEqual({ success: true }),
	},
	{
		ref: 'kwiga.offer.getAll',
		params: { resource: 'offer', operation: 'getAll', returnAll: true, filters: { productId: 130 } },
		method: 'GET',
		path: '/offers',
		query: { product_id: '130', page: '1', per_page: '100' },
		out: (items) => expect(items).toHaveLength(5),
	},
	{
		ref: 'kwiga.offer.get',
		params: { resource: 'offer', operation: 'get', offer: rl(1) },
		method: 'GET',
		path: '/offers/1',
		out: (items) => expect(items[0].json).toMatchObject({ id: 1, sales_left: 19 }),
	},
	{
		ref: 'kwiga.product.getAll',
		params: { resource: 'product', operation: 'getAll', returnAll: true, options: { sort: 'desc' } },
		method: 'GET',
		path: '/products',
		query: { sort_by: 'desc', page: '1', per_page: '100' },
		out: (items) => expect(items[0].json).toMatchObject({ id: 299, title: 'Sample Course Title' }),
	},
	{
		ref: 'kwiga.quizAttempt.getAll',
		params: {
			resource: 'quizAttempt',
			operation: 'getAll',
			limit: 2,
			filters: { practiceStatuses: [3, 6], productIds: [10, 11] },
			options: { sortBy: 'last_activity_at', sortDir: 'desc' },
		},
		method: 'GET',
		path: '/quiz-attempts',
		query: { 'filters[practice_statuses]': '3,6', 'filters[product_ids]': '10,11', sort_by: 'last_activity_at', sort_dir: 'desc', page: '1', per_page: '2' },
		out: (items) => expect(items).toHaveLength(2),
	},
	{
		ref: 'kwiga.quizAttempt.query',
		params: {
			resource: 'quizAttempt',
			operation: 'query',
			limit: 4,
			filters: { curatorIds: '101,102', lessonIds: '501', practiceStatuses: [3, 6], lastActivityFrom: '2026-04-01T00:00:00' },
		},
		method: 'POST',
		path: '/quiz-attempts/query',
		body: {
			filters: { curator_ids: [101, 102], lesson_ids: [501], practice_statuses: [3, 6], last_activity_from: '2026-04-01 00:00:00' },
		},
		query: { page: '1', per_page: '4' },
		out: (items) => expect(items).toHaveLength(4),
	},
	{
		ref: 'kwiga.timezone.getAll',
		params: { resource: 'timezone', operation: 'getAll', returnAll: true },
		method: 'GET',
		path: '/timezones',
		out: (items) => expect(items[0].json).toMatchObject({ id: 1, name: 'Asia/Kabul' }),
	},
];

test('every Kwiga operation of the node has a case, and every reference request is covered', () => {
	const refs = KWIGA.resources.flatMap((r) => r.operations.map((o) => o.ref)).sort();
	const documented = referenceCount('kwiga.postman_collection.json');
	expect(refs).toHaveLength(documented);
	expect(new Set(refs).size).toBe(documented);
	expect(cases.map((c) => c.ref).sort()).toEqual(refs);
});

test.each(cases.map((c) => [c.ref, c] as const))('%s', async (_ref, c) => {
	const { items, error } = await runKwiga(server, c.params);
	expect(error).toBeUndefined();
	expect(server.requests).toHaveLength(1);
	const req = server.last();
	expect(req.method).toBe(c.method);
	expect(req.path).toBe(c.path);
	expect(req.headers.token).toBe(KWIGA_TOKEN);
	expect(req.headers['cabinet-hash']).toBe(KWIGA_CABINET);
	expect(req.query).toEqual(c.query ?? {});
	if ('body' in c) expect(req.body).toEqual(c.body);
	if (c.method !== 'GET' && c.body !== undefined) expect(req.headers['content-type']).toContain('application/json');
	for (const [name, value] of Object.entries(c.headers ?? {})) expect(req.headers[name]).toBe(value);
	expect(items.length).toBeGreaterThan(0);
	for (const item of items) expect(item.pairedItem).toEqual({ item: 0 });
	c.out(items as never);
});
