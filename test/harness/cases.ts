/**
 * One case shape and one runner for every vendor's operation table: each operation of the node runs
 * through the engine against the vendor's mock, and its request (method, path, query, body, auth) and
 * output items are checked. The table must hold one case per operation, and each case's request must
 * be the one its reference documents for the operation's catalog id (`ref`).
 */
import { readFileSync } from 'node:fs';

import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import type { VendorSpec } from '../../nodes/shared/types';
import type { RunResult } from './engine';
import type { MockServer, RecordedRequest } from './mockServer';
import { parseMultipart } from './mockServer';
import { referenceFile } from './reference';

export interface OperationCase {
	/** Catalog id of the operation (the `ref` of its OperationSpec). */
	ref: string;
	/** The node's parameters. */
	parameters: IDataObject;
	method: string;
	/** Path of the first request, base URL left out. */
	path: string;
	/** Exact query of the first request; none when left out. */
	query?: Record<string, string | string[]>;
	/** Exact JSON body of the first request; `null` (or left out) is no body, unless `form` is given. */
	body?: unknown;
	/** Exact multipart text fields of the first request, in order. */
	form?: Array<[string, string]>;
	/** Headers the first request must carry besides the credential's. */
	headers?: Record<string, string>;
	/** Requests the operation sends (pages, a lookup before the call); 1 when left out. */
	requests?: number;
	/** Changes the mock's data before the run. */
	setup?: () => void;
	/** Checks on the output items (each is already checked to be paired with the input item). */
	check: (items: INodeExecutionData[]) => void;
}

export interface OperationTable {
	vendor: VendorSpec;
	/** The vendor's name in the catalog: every operation the catalog lists for it needs a case. */
	catalogVendor: string;
	server: MockServer;
	run: (parameters: IDataObject) => Promise<RunResult>;
	/** Asserts the credential on one request. */
	auth: (request: RecordedRequest) => void;
	cases: OperationCase[];
	/** What the node puts before every reference path (Provi's API version). */
	pathPrefix?: string;
	/**
	 * Operations whose request knowingly differs from the catalog's, with the reason (a seed that
	 * contradicts the catalog, a documented choice). Each must still differ, or it is stale.
	 */
	deviations?: Record<string, string>;
}

interface CatalogOperation {
	id: string;
	method: string | null;
	path: string | null;
}

interface CatalogVendor {
	vendor: string;
	operations: CatalogOperation[];
}

const CATALOG = referenceFile('catalog.json');

const readCatalog = () => JSON.parse(readFileSync(CATALOG, 'utf8')) as CatalogVendor[];

/** Whether a concrete path is an instance of a reference path (`{param}` stands for one segment). */
export function pathMatches(template: string, path: string): boolean {
	const pattern = template
		.split('/')
		.map((segment) => (/^\{[^}]+\}$/.test(segment) ? '[^/]+' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
		.join('/');
	return new RegExp(`^${pattern}$`).test(path);
}

const textParts = (request: RecordedRequest) =>
	parseMultipart(request)
		.filter((p) => p.fileName === undefined)
		.map((p) => [p.name, p.data.toString('utf8')]);

/** Defines the table's tests: coverage, reference conformance, and one run per case. */
export function describeOperations(table: OperationTable): void {
	const { vendor, server, cases, deviations = {}, pathPrefix = '' } = table;
	const refs = vendor.resources.flatMap((r) => r.operations.map((o) => o.ref)).filter((ref) => ref);

	const reference = readCatalog().find((v) => v.vendor === table.catalogVendor);

	test('one operation per reference request, one case per operation', () => {
		expect(new Set(refs).size).toBe(refs.length);
		expect([...refs].sort()).toEqual(reference!.operations.map((op) => op.id).sort());
		expect(cases.map((c) => c.ref).sort()).toEqual([...refs].sort());
	});

	test("each case sends its reference request's method and path (or a listed deviation)", () => {
		const catalog = new Map(reference!.operations.map((op) => [op.id, op]));
		const mismatched: string[] = [];
		for (const c of cases) {
			const documented = catalog.get(c.ref);
			expect({ ref: c.ref, inCatalog: Boolean(documented) }).toEqual({ ref: c.ref, inCatalog: true });
			const same = documented!.method === c.method && pathMatches(`${pathPrefix}${documented!.path}`, c.path);
			if (same === c.ref in deviations) mismatched.push(`${c.ref}: ${c.method} ${c.path}, reference ${documented!.method} ${pathPrefix}${documented!.path}${same ? ' (listed as a deviation, but matches)' : ''}`);
		}
		expect(mismatched).toEqual([]);
	});

	test.each(cases.map((c) => [c.ref, c] as const))('%s', async (_ref, c) => {
		c.setup?.();
		const { items, error } = await table.run(c.parameters);
		expect(error).toBeUndefined();
		expect(server.requests).toHaveLength(c.requests ?? 1);
		for (const request of server.requests) table.auth(request);
		const request = server.requests[0];
		expect(request.method).toBe(c.method);
		expect(request.path).toBe(c.path);
		expect(request.query).toEqual(c.query ?? {});
		for (const [name, value] of Object.entries(c.headers ?? {})) expect(request.headers[name]).toBe(value);
		if (c.form) {
			expect(String(request.headers['content-type'])).toMatch(/^multipart\/form-data; boundary=/);
			expect(textParts(request)).toEqual(c.form);
		} else if (c.body === undefined || c.body === null) {
			expect(request.rawBody.length).toBe(0);
		} else {
			expect(String(request.headers['content-type'])).toMatch(/^application\/json/);
			expect(request.body).toEqual(c.body);
		}
		expect(items.length).toBeGreaterThan(0);
		for (const item of items) expect(item.pairedItem).toEqual({ item: 0 });
		c.check(items);
	});
}
