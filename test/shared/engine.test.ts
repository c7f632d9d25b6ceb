/**
 * The shared engine on its own: a synthetic vendor (one list operation per pagination style)
 * built with vendorProperties() and run through n8n-core's engine against a local server.
 */
import type { IDataObject } from 'n8n-workflow';

import { readVendorError } from '../../nodes/shared/errors';
import { convertValue } from '../../nodes/shared/format';
import { RateGate } from '../../nodes/shared/transport';
import type { OperationSpec, PaginationStyleName, VendorSpec } from '../../nodes/shared/types';
import { runNode } from '../harness/engine';
import { MockServer } from '../harness/mockServer';
import { TEST_API, TestApi, testVendorNode } from '../harness/testVendor';

const list = (value: string, style: PaginationStyleName, records: string, sizeParam?: string): OperationSpec => ({
	value,
	name: value,
	action: `List ${value}`,
	method: 'GET',
	path: `/${value}`,
	list: { records, pagination: { style, ...(sizeParam ? { sizeParam } : {}) } },
	ref: value,
});

const VENDOR: VendorSpec = {
	api: TEST_API,
	resources: [
		{
			value: 'thing',
			name: 'Thing',
			operations: [
				list('laravel', 'laravel', 'data'),
				list('provi', 'provi', 'content', 'itemsPerPage'),
				list('psb', 'psbPage', 'items'),
				list('offset', 'offset', ''),
				list('aom', 'aom', 'records'),
			],
		},
	],
};

const TOTAL = 230;
const all = Array.from({ length: TOTAL }, (_, i) => ({ id: i + 1 }));
const num = (v: unknown, d: number) => (v === undefined ? d : Number(v));
const sizeOf = num;

const server = new MockServer()
	.on('GET', '/laravel', (req) => {
		const page = num(req.query.page, 1);
		const size = sizeOf(req.query.per_page, 15);
		return { body: { data: all.slice((page - 1) * size, page * size), meta: { current_page: page, last_page: Math.ceil(TOTAL / size) } } };
	})
	.on('GET', '/provi', (req) => {
		const page = num(req.query.page, 1);
		const size = sizeOf(req.query.itemsPerPage, 10);
		const totalPages = Math.ceil(TOTAL / size);
		return {
			body: {
				content: all.slice((page - 1) * size, page * size),
				paging: { currentPage: page, totalPages, nextPage: page < totalPages ? page + 1 : null, itemsPerPage: size, totalItems: TOTAL },
			},
		};
	})
	.on('GET', '/psb', (req) => {
		const page = num(req.query.page, 1);
		const size = sizeOf(req.query.pageSize, 10);
		return { body: { items: all.slice((page - 1) * size, page * size), page, size, total: TOTAL, pages: Math.ceil(TOTAL / size) } };
	})
	.on('GET', '/offset', (req) => {
		const offset = num(req.query.offset, 0);
		return { body: all.slice(offset, offset + num(req.query.limit, 10)) };
	})
	.on('GET', '/aom', (req) => {
		const page = num(req.query.page_number, 1);
		const size = sizeOf(req.query.page_size, 10);
		return { body: { recordsTotal: TOTAL, recordsFiltered: TOTAL, records: all.slice((page - 1) * size, page * size) } };
	});

beforeAll(async () => await server.start());
afterAll(async () => await server.stop());
beforeEach(() => server.reset());

const run = async (operation: string, extra: IDataObject) =>
	await runNode({
		node: testVendorNode(VENDOR),
		parameters: { resource: 'thing', operation, ...extra },
		credentials: { testApi: { url: server.url, apiKey: 'k' } },
		credentialTypes: [new TestApi()],
	});

describe.each([
	['laravel', 'page', 'per_page'],
	['provi', 'page', 'itemsPerPage'],
	['psb', 'page', 'pageSize'],
	['offset', 'offset', 'limit'],
	['aom', 'page_number', 'page_size'],
])('pagination style %s', (operation, pageParam, sizeParam) => {
	test('Return All reads every record (pages of 100: 100, 100, 30) and stops at the last page', async () => {
		const { items, error } = await run(operation, { returnAll: true });
		expect(error).toBeUndefined();
		expect(items.map((i) => i.json.id)).toEqual(all.map((r) => r.id));
		expect(server.requests).toHaveLength(3);
		expect(server.requests[0].query[pageParam]).toBe(operation === 'offset' ? '0' : '1');
		expect(server.requests[2].query[pageParam]).toBe(operation === 'offset' ? '200' : '3');
		expect(server.requests.every((r) => r.query[sizeParam] === '100')).toBe(true);
		expect(server.requests.every((r) => r.headers['x-key'] === 'k')).toBe(true);
	});

	test('Limit asks for no more than needed and stops', async () => {
		const { items } = await run(operation, { returnAll: false, limit: 5 });
		expect(items.map((i) => i.json.id)).toEqual([1, 2, 3, 4, 5]);
		expect(server.requests).toHaveLength(1);
		expect(server.requests[0].query[sizeParam]).toBe('5');
	});
});

test('vendor error shapes', () => {
	expect(readVendorError({ message: 'The given data was invalid.', errors: { email: ['The email field is required.'] } })).toEqual({
		message: 'The given data was invalid.',
		details: ['email: The email field is required.'],
	});
	expect(readVendorError({ name: 'ValidationError', errors: [{ name: 'bodyPropertyError: cpf', message: 'Propriedade inválida' }] })).toEqual({
		message: 'bodyPropertyError: cpf: Propriedade inválida',
		details: ['bodyPropertyError: cpf: Propriedade inválida'],
	});
	expect(readVendorError({ error: { name: 'NotAuthorizedError', message: 'Invalid authorization token' } })).toEqual({
		message: 'Invalid authorization token',
		details: ['NotAuthorizedError'],
	});
	expect(readVendorError({ detail: [{ loc: ['body', 'domain'], msg: 'field required', type: 'value_error.missing' }] })).toEqual({
		message: 'domain: field required',
		details: ['domain: field required'],
	});
	expect(readVendorError('Bad Gateway')).toEqual({ message: 'Bad Gateway', details: [] });
});

test('value conversions', () => {
	const fail = (problem: string): never => {
		throw new Error(problem);
	};
	const field = (format: 'date' | 'dateTime' | 'iso' | 'csv' | 'numberList' | 'cpf' | 'flag') => ({ name: 'x', displayName: 'X', type: 'string' as const, in: 'query' as const, format });
	expect(convertValue(field('date'), '2026-05-19T23:30:00.000+02:00', fail)).toBe('2026-05-19');
	expect(convertValue(field('dateTime'), '2027-01-01T23:59:59', fail)).toBe('2027-01-01 23:59:59');
	expect(convertValue(field('iso'), '2026-05-19T12:00:00+02:00', fail)).toBe('2026-05-19T10:00:00.000Z');
	expect(convertValue(field('csv'), [10, 11], fail)).toBe('10,11');
	expect(convertValue(field('numberList'), ' 1, 2 ,3', fail)).toEqual([1, 2, 3]);
	expect(() => convertValue(field('numberList'), '1,a', fail)).toThrow('"a" is not a number');
	expect(convertValue(field('cpf'), '123.456.789-09', fail)).toBe('12345678909');
	expect(() => convertValue(field('cpf'), '123.456', fail)).toThrow('11 digits expected, got 6');
	expect(convertValue(field('flag'), true, fail)).toBe(1);
	expect(convertValue(field('flag'), false, fail)).toBeUndefined();
});

describe('the rate gate', () => {
	/**
	 * Drives a gate round by round against a vendor that refuses (429) what it has above `allowed` in
	 * flight: each round sends as many requests as the gate lets through, then answers them all.
	 */
	const drive = async (rounds: number, allowed: number) => {
		const gate = new RateGate(50);
		const refusedAt: number[] = [];
		for (let round = 0; round < rounds; round++) {
			const epochs = await Promise.all(Array.from({ length: gate.bound }, () => gate.acquire()));
			epochs.forEach((epoch, i) => {
				if (i >= allowed) refusedAt.push(round);
				gate.release(epoch, i >= allowed ? 429 : 200, 100);
			});
		}
		return { gate, refusedAt };
	};

	test('doubles while healthy, settles at the pace the vendor allows, and probes ever more rarely', async () => {
		const { gate, refusedAt } = await drive(400, 10);
		expect(gate.bound).toBe(10);
		// 5 -> 10 -> 20: ten refused at once, then one refused probe at a time
		const probes = [...new Set(refusedAt)].slice(1);
		expect(refusedAt.filter((r) => r === refusedAt[0])).toHaveLength(10);
		expect(probes.length).toBeGreaterThan(1);
		// each refused probe doubles the wait before the next one (8, 16, 32... healthy rounds)
		const gaps = probes.map((r, i) => r - (i ? probes[i - 1] : refusedAt[0]));
		for (let i = 1; i < gaps.length; i++) expect(gaps[i]).toBeGreaterThanOrEqual(2 * gaps[i - 1] - 1);
		expect(probes.length).toBeLessThanOrEqual(6);
	});

	test('a vendor that allows more is found again: an accepted probe resets the wait', async () => {
		const gate = new RateGate(50);
		let allowed = 10;
		for (let round = 0; round < 600; round++) {
			if (round === 300) allowed = 30;
			const epochs = await Promise.all(Array.from({ length: gate.bound }, () => gate.acquire()));
			epochs.forEach((epoch, i) => gate.release(epoch, i >= allowed ? 429 : 200, 100));
		}
		expect(gate.bound).toBeGreaterThan(15);
	});
});
