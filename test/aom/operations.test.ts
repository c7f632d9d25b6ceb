/**
 * Every Academy of Mine operation through the engine against the mock: method and path from the
 * route table, every required parameter of the reference sent under its own name where the
 * reference puts it (query, JSON body, path), the API key header, and the output made of the
 * reference's response sample (records of lists, files as binary data).
 */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { ROUTES } from '../../nodes/AcademyOfMine/generated/routes';
import { ACADEMY_OF_MINE } from '../../nodes/AcademyOfMine/vendor';
import type { FieldSpec, OperationSpec } from '../../nodes/shared/types';
import { parseMultipart } from '../harness/mockServer';
import { AOM_FILES, AOM_KEY, AOM_REFERENCE, AOM_ROOT, aomMock, aomSample } from '../sandboxes/academyOfMine';
import { choiceParams, rl, runAom } from './setup';

const server = aomMock();
beforeAll(async () => await server.start());
afterAll(async () => await server.stop());
beforeEach(() => server.reset());

const PAGE_PARAMS = ['page_size', 'page_number', 'pageSize', 'pageNumber'];
const UPLOAD = Buffer.from('%PDF-1.4 assignment');

/** A value for a field and what it becomes on the wire (JSON body) / in the query string. */
function valueFor(field: FieldSpec, op: OperationSpec): { param: IDataObject[string]; body: unknown; query: unknown } {
	if (field.in === 'path') return { param: field.locator ? rl(41) : '41', body: '41', query: '41' };
	// IDs the reference types as integers go out as numbers
	if (field.locator) return { param: rl(42), body: field.format === 'number' ? 42 : '42', query: '42' };
	if (field.type === 'multiOptions') return { param: [43], body: [43], query: { '[0]': '43' } };
	if (field.loadOptions) return { param: 43, body: 43, query: '43' };
	const asText = (op.jsonText ?? []).includes(field.key ?? field.name);
	switch (field.type) {
		case 'options': {
			const value = field.options![0].value;
			return { param: value, body: value, query: String(value) };
		}
		case 'boolean':
			return { param: true, body: true, query: 'true' };
		case 'number':
			return { param: 7, body: 7, query: '7' };
		case 'json':
			return { param: '{"k": "v"}', body: asText ? '{"k":"v"}' : { k: 'v' }, query: '{"k":"v"}' };
		case 'dateTime':
			return { param: '2026-01-02T10:00:00', body: '2026-01-02', query: '2026-01-02' };
		case 'color':
			return { param: '#112233', body: '#112233', query: '#112233' };
		default:
			// n8n writes a list in the query with indices (`ids[0]=1&ids[1]=2`), which PHP reads as an array
			if (field.format === 'list') return { param: '1, 2', body: ['1', '2'], query: { '[0]': '1', '[1]': '2' } };
			return { param: `${field.name} value`, body: `${field.name} value`, query: `${field.name} value` };
	}
}

/** The output the reference's sample gives: list records, or the object (primitives wrapped). */
function expectedOutput(op: OperationSpec): IDataObject[] {
	const answer = aomSample(op.ref);
	if (!answer) return op.list ? [] : [{ message: 'Success' }];
	const sample = answer.body;
	const wrap = (v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? (v as IDataObject) : { value: v as string });
	if (op.list) {
		const { records: paths, kindField } = op.list;
		if (Array.isArray(paths)) {
			// every array, each record with the name of its array
			return paths.flatMap((p) => ((sample as IDataObject)[p] as IDataObject[]).map((r) => ({ [kindField!]: p, ...r }))).slice(0, 50);
		}
		const records = paths === '' ? sample : ((sample as IDataObject)[paths] ?? []);
		return (records as unknown[]).slice(0, 50).map(wrap);
	}
	if (sample === undefined || sample === null || sample === '' || sample === true) return [{ success: true }];
	if (typeof sample !== 'object') return [{ response: sample as string }];
	if (Array.isArray(sample)) return sample.map(wrap);
	return [sample as IDataObject];
}

const operations = ACADEMY_OF_MINE.resources
	.filter((r) => r.value !== 'customRequest')
	.flatMap((resource) => resource.operations.map((op) => [op.ref, resource.value, op] as const));

test('494 operations: the 494 with a Responses header plus Save Course, less Handle Zoom Webhook', () => {
	expect(operations).toHaveLength(494);
	const withHeader = [...AOM_REFERENCE.values()].filter((op) => op.hasResponsesHeader).map((op) => op.id);
	const built = new Set(operations.map(([ref]) => ref));
	expect(withHeader.filter((id) => !built.has(id))).toEqual(['aom.webinar-modules.handle-zoom-webhook']);
	expect(built.has('aom.courses.save-course')).toBe(true);
	expect([...built].every((ref) => ROUTES[ref])).toBe(true);
});

test.each(operations)('%s', async (ref, resource, op) => {
	const route = ROUTES[ref];
	const parameters: IDataObject = { resource, ...choiceParams(resource, op.value), operation: op.value };
	const expectedQuery: Record<string, unknown> = {};
	const expectedBody: Record<string, unknown> = {};
	let path = route.path;
	const inQuery = (key: string, value: unknown) => {
		if (value && typeof value === 'object') for (const [suffix, v] of Object.entries(value)) expectedQuery[`${key}${suffix}`] = v;
		else expectedQuery[key] = value;
	};
	/** `order_by.colName`: nested, as the engine assembles it. */
	const nest = (target: Record<string, unknown>, key: string, value: unknown) => {
		const [outer, inner] = key.split('.');
		target[outer] = { ...((target[outer] as object) ?? {}), [inner]: value };
	};
	// every field shown at the top level (required and path fields) gets a value
	for (const field of op.fields ?? []) {
		if (!(field.required || field.in === 'path')) continue;
		if (field.in === 'none') {
			parameters[field.name] = 'data';
			continue;
		}
		const value = valueFor(field, op);
		parameters[field.name] = value.param;
		const key = field.key ?? field.name;
		if (field.in === 'path') path = path.replace(`{${key}}`, '41');
		else if (key.includes('.')) nest(field.in === 'query' ? expectedQuery : expectedBody, key, field.in === 'query' ? value.query : value.body);
		else if (field.in === 'query') inQuery(key, value.query);
		else if (!op.multipart) expectedBody[key] = value.body;
	}
	for (const key of op.jsonText ?? []) {
		if (expectedQuery[key] && typeof expectedQuery[key] === 'object') expectedQuery[key] = JSON.stringify(expectedQuery[key]);
	}
	// one optional field, in its collection, for operations that have some
	const optional = (op.fields ?? []).find((f) => !f.required && f.in !== 'path' && !f.key?.includes('.'));
	if (optional) {
		const group = optional.at ?? op.optionalIn!;
		const value = valueFor(optional, op);
		parameters[group] = { [optional.name]: value.param };
		const key = optional.key ?? optional.name;
		if (optional.in === 'query') inQuery(key, value.query);
		else if (optional.in === 'body' && !op.multipart) expectedBody[key] = value.body;
	}
	if (op.list) parameters.limit = 50;
	if (op.list?.pagination) {
		const camel = op.list.pagination.sizeParam === 'pageSize';
		const target = op.list.pagination.inBody ? expectedBody : expectedQuery;
		target[camel ? 'pageNumber' : 'page_number'] = op.list.pagination.inBody ? 1 : '1';
		target[camel ? 'pageSize' : 'page_size'] = op.list.pagination.inBody ? 50 : '50';
	}
	const items: INodeExecutionData[] = [
		{ json: {}, binary: op.multipart ? { data: { data: UPLOAD.toString('base64'), mimeType: 'application/pdf', fileName: 'work.pdf' } } : undefined },
	];
	const { items: output, error } = await runAom(server, parameters, { items });
	expect(error).toBeUndefined();
	expect(server.requests).toHaveLength(1);
	const req = server.last();
	expect(req.method).toBe(route.method);
	expect(req.path).toBe(`${AOM_ROOT}${path.replace(/\{[^}]+\}/g, '41')}`);
	expect(req.headers.authorization).toBe(`Bearer ${AOM_KEY}`);
	expect(req.query).toEqual(expectedQuery);
	if (op.multipart) {
		const parts = parseMultipart(req);
		const file = parts.find((p) => p.name === op.multipart!.partName);
		expect(file).toMatchObject({ fileName: 'work.pdf', contentType: 'application/pdf' });
		expect(file!.data.equals(UPLOAD)).toBe(true);
	} else if (Object.keys(expectedBody).length) {
		expect(String(req.headers['content-type'])).toMatch(/^application\/json/);
		expect(req.body).toEqual(expectedBody);
	} else {
		expect(req.rawBody.length).toBe(0);
	}
	if (op.download) {
		const file = AOM_FILES[ref];
		expect(output).toHaveLength(1);
		expect(output[0].binary?.data).toMatchObject({ fileName: file.name, mimeType: file.type });
		expect(Buffer.from(output[0].binary!.data.data, 'base64').equals(file.body)).toBe(true);
		return;
	}
	expect(output.map((i) => i.json)).toEqual(expectedOutput(op));
	for (const item of output) expect(item.pairedItem).toEqual({ item: 0 });
});

test.each(operations)('%s sends every required parameter of the reference under its name', (ref, _resource, op) => {
	const reference = AOM_REFERENCE.get(ref)!;
	const fields = op.fields ?? [];
	for (const param of reference.params) {
		if (!param.name || PAGE_PARAMS.includes(param.name)) continue;
		if (param.name === 'order_by') {
			// two fields, column and direction, required where the reference requires order_by
			const order = fields.filter((f) => f.key?.startsWith('order_by.') && f.in === param.in);
			expect(order).toHaveLength(2);
			expect(order.every((f) => !!f.required === param.required)).toBe(true);
			continue;
		}
		if (op.multipart && param.name === op.multipart.partName) continue;
		const field = fields.find((f) => (f.key ?? f.name) === param.name && f.in === param.in);
		expect(field).toBeDefined();
		if (param.required || param.in === 'path') expect(field!.required).toBe(true);
	}
});
