/**
 * Page walks through the engine: with a total on the first page the remaining pages go out
 * concurrently and come back in page order; without one, one page at a time; a Limit asks only
 * for the pages it needs.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import type { IDataObject } from 'n8n-workflow';

import type { ListSpec, PaginationStyleName, VendorSpec } from '../../nodes/shared/types';
import { runNode } from '../harness/engine';
import { TEST_API, TestApi, testVendorNode } from '../harness/testVendor';

/** How each list shape answers one page of `records` (page numbers from 1, or an offset). */
const SHAPES: Record<string, { list: ListSpec; page: (records: IDataObject[], q: URLSearchParams, all: number) => unknown }> = {
	laravel: {
		list: { records: 'data', pagination: { style: 'laravel' } },
		page: (data, q, all) => ({ data, meta: { current_page: Number(q.get('page')), last_page: Math.ceil(all / size(q, 'per_page')), total: all } }),
	},
	laravelTotal: {
		list: { records: 'data', pagination: { style: 'laravel' } },
		page: (data, q, all) => ({ data, meta: { current_page: Number(q.get('page')), per_page: size(q, 'per_page'), total: all } }),
	},
	laravelLinks: {
		list: { records: 'data', pagination: { style: 'laravel' } },
		page: (data, q, all) => ({ data, links: { next: Number(q.get('page')) * size(q, 'per_page') < all ? 'https://x/next' : null } }),
	},
	provi: {
		list: { records: 'content', pagination: { style: 'provi' } },
		page: (content, q, all) => ({ content, paging: { currentPage: Number(q.get('page')), totalPages: Math.ceil(all / size(q, 'limit')) } }),
	},
	psbPage: {
		list: { records: 'items', pagination: { style: 'psbPage' } },
		page: (items, q, all) => ({ items, page: Number(q.get('page')), pages: Math.ceil(all / size(q, 'pageSize')), total: all }),
	},
	aom: {
		list: { records: 'records', pagination: { style: 'aom' } },
		page: (records, _q, all) => ({ records, recordsTotal: all, recordsFiltered: all }),
	},
	offset: {
		list: { records: '', pagination: { style: 'offset' } },
		page: (records) => records,
	},
};

/** The page size the server uses: what was asked, capped at `cap`. */
let cap = Infinity;
const size = (q: URLSearchParams, key: string) => Math.min(cap, Number(q.get(key)));

const PARAMS: Record<PaginationStyleName, [string, string]> = {
	laravel: ['page', 'per_page'],
	provi: ['page', 'limit'],
	psbPage: ['page', 'pageSize'],
	aom: ['page_number', 'page_size'],
	offset: ['offset', 'limit'],
};

const VENDOR: VendorSpec = {
	api: TEST_API,
	resources: [
		{
			value: 'thing',
			name: 'Thing',
			operations: Object.entries(SHAPES).map(([shape, { list }]) => ({
				value: shape,
				name: `Get Many (${shape})`,
				action: `Get many things (${shape})`,
				method: 'GET' as const,
				path: `/${shape}`,
				ref: `t.${shape}`,
				list,
			})),
		},
	],
};

/** The list server: `total` records `{ id }` from 1; later pages answer sooner. */
const state = { total: 0, inFlight: 0, peak: 0, asked: [] as number[] };
let server: Server;
let url = '';

beforeAll(async () => {
	server = createServer((req, res) => {
		const u = new URL(req.url ?? '/', 'http://x');
		const shape = u.pathname.slice(1);
		const style = SHAPES[shape].list.pagination!.style;
		const [pageParam, sizeParam] = PARAMS[style];
		const per = size(u.searchParams, sizeParam);
		const from = style === 'offset' ? Number(u.searchParams.get(pageParam)) : (Number(u.searchParams.get(pageParam)) - 1) * per;
		const page = Math.floor(from / per) + 1;
		state.asked.push(page);
		state.peak = Math.max(state.peak, ++state.inFlight);
		const records = Array.from({ length: Math.max(0, Math.min(per, state.total - from)) }, (_, i) => ({ id: from + i + 1 }));
		setTimeout(() => {
			state.inFlight--;
			res.writeHead(200, { 'Content-Type': 'application/json' });
			res.end(JSON.stringify(SHAPES[shape].page(records, u.searchParams, state.total)));
		}, Math.max(5, 60 - page * 2));
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
	server.closeAllConnections();
	await new Promise((resolve) => server.close(resolve));
});
beforeEach(() => {
	Object.assign(state, { total: 0, inFlight: 0, peak: 0, asked: [] });
	cap = Infinity;
});

const list = async (shape: string, total: number, parameters: IDataObject = { returnAll: true }) => {
	state.total = total;
	const result = await runNode({
		node: testVendorNode(VENDOR),
		parameters: { resource: 'thing', operation: shape, ...parameters },
		credentials: { testApi: { url, apiKey: 'k' } },
		credentialTypes: [new TestApi()],
	});
	expect(result.error).toBeUndefined();
	return result.items.map((i) => i.json.id);
};

const ids = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

describe('a first page that says how many there are', () => {
	test.each(['laravel', 'laravelTotal', 'provi', 'psbPage', 'aom'])('%s: the other pages go out together and come out in page order', async (shape) => {
		expect(await list(shape, 2_350)).toEqual(ids(2_350));
		expect([...state.asked].sort((a, b) => a - b)).toEqual(ids(24));
		expect(state.peak).toBeGreaterThan(1);
	});

	test('a server that caps the page size: pages are counted from what it sends', async () => {
		cap = 30;
		expect(await list('aom', 400)).toEqual(ids(400));
		expect([...state.asked].sort((a, b) => a - b)).toEqual(ids(14));
	});
});

describe('no total: one page at a time', () => {
	test.each(['laravelLinks', 'offset'])('%s', async (shape) => {
		expect(await list(shape, 650)).toEqual(ids(650));
		expect(state.asked).toEqual(ids(7));
		expect(state.peak).toBe(1);
	});
});

describe('Limit', () => {
	test('asks only for the pages it needs', async () => {
		expect(await list('laravel', 5_000, { returnAll: false, limit: 250 })).toEqual(ids(250));
		expect([...state.asked].sort((a, b) => a - b)).toEqual([1, 2, 3]);
	});

	test('counts the pages from the size the server sends', async () => {
		cap = 30;
		expect(await list('psbPage', 5_000, { returnAll: false, limit: 100 })).toEqual(ids(100));
		expect([...state.asked].sort((a, b) => a - b)).toEqual([1, 2, 3, 4]);
	});
});
