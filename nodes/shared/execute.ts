import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { isHtml } from './errors';
import { fieldLayout } from './fields';
import { convertValue, isDotted } from './format';
import { toMultipart } from './multipart';
import { isErrorEnvelope, listSiblings, parseJson, singleRecords } from './response';
import { readList, unusableAnswer } from './request';
import { redactDeep } from './secrets';
import type { ApiRequest, ApiResponse, TransportSettings } from './transport';
import { Connection, DEFAULT_SETTINGS, MB } from './transport';
import type { FieldGroup, FieldSpec, HttpMethod, OperationSpec, RouteResolver, VendorSpec } from './types';
import { HTTP_METHODS } from './types';

/**
 * A text as written and as a server may read it after decoding it once, twice or three times
 * (`%252e` is `%2e` is `.`), each normalised the way a server may fold Unicode look-alikes.
 */
function readings(text: string): string[] {
	const out = [text];
	for (let i = 0; i < 3; i++) {
		try {
			const decoded = decodeURIComponent(out[out.length - 1]);
			if (decoded === out[out.length - 1]) break;
			out.push(decoded);
		} catch {
			break; // not percent-encoded text: taken as it is
		}
	}
	return out.map((t) => t.normalize('NFKC'));
}

const DOT_SEGMENTS = ['.', '..'];

/** Whether a path segment is, or decodes to, `.` or `..` (it would point the request at another address). */
const isDotSegment = (text: string) => readings(text).some((t) => DOT_SEGMENTS.includes(t));

/**
 * Whether a path climbs out of where it is put, read as a server that decodes `%2F` and `%5C`
 * before resolving dot segments reads it: a `.` or `..` segment between `/` or `\` in any reading.
 */
const climbs = (path: string) => readings(path).some((t) => t.split(/[/\\]/).some((part) => DOT_SEGMENTS.includes(part)));

/** Whether an ID holds a separator (`/`, `\`) in any reading: one ID is one path segment. */
const separates = (text: string) => readings(text).some((t) => /[/\\]/.test(t));

/** What the executor reads for one operation: its top-level fields, then one collection at a time. */
interface OperationPlan {
	op: OperationSpec;
	top: FieldSpec[];
	groups: Array<[FieldGroup, FieldSpec[]]>;
}

/** resource + operation -> plan, built once per vendor (not per item, not per run). */
const plans = new WeakMap<VendorSpec, Map<string, OperationPlan>>();

function planOf(vendor: VendorSpec, resource: string, operation: string): OperationPlan | undefined {
	let index = plans.get(vendor);
	if (!index) {
		index = new Map();
		for (const r of vendor.resources) {
			for (const op of r.operations) {
				index.set(`${r.value}.${op.value}`, { op, ...fieldLayout(op) });
			}
		}
		plans.set(vendor, index);
	}
	return index.get(`${resource}.${operation}`);
}

/** A resource locator gives its `value`; other parameters are taken as they are. */
const plain = (value: unknown) =>
	value && typeof value === 'object' && '__rl' in (value as IDataObject) ? (value as IDataObject).value : value;

const isUnset = (value: unknown) => value === undefined || value === '' || (Array.isArray(value) && value.length === 0);

/** Sets `a.b.c` (dotted keys) or a literal key (bracket keys such as `filters[date_from]`). */
function setKey(target: IDataObject, key: string, value: unknown): void {
	if (!isDotted(key)) {
		target[key] = value as IDataObject[string];
		return;
	}
	const parts = key.split('.');
	const leaf = parts.pop() as string;
	let node = target;
	for (const part of parts) node = (node[part] ??= {}) as IDataObject;
	node[leaf] = value as IDataObject[string];
}

/** One run of a vendor node: the context, the vendor, the connection and the item index. */
class Run {
	/** Whether the node has a Route Override set (its per-item value is read only then). */
	readonly overridden: boolean;

	constructor(
		readonly ctx: IExecuteFunctions,
		readonly vendor: VendorSpec,
		readonly connection: Connection,
		readonly routes: RouteResolver = () => undefined,
	) {
		const override = ctx.getNode().parameters.routeOverride;
		this.overridden = !!override && typeof override === 'object' && Object.keys(override).length > 0;
	}

	/** A parameter of item `i` (expressions resolved; no schema walk over the node's properties). */
	param(name: string, i: number, fallback: unknown): unknown {
		return plain(this.ctx.getNodeParameter(name, i, fallback as never, { skipValidation: true }));
	}

	invalid(i: number, message: string, description?: string): NodeOperationError {
		return new NodeOperationError(this.ctx.getNode(), message, { itemIndex: i, description });
	}

	/** A path segment: a text or a number, never empty, `.` or `..` (it would move up the URL). */
	segment(field: FieldSpec, raw: unknown, i: number): string {
		if (raw !== null && typeof raw === 'object') {
			throw this.invalid(i, `The parameter "${field.displayName}" must be a text or a number for item ${i}, not ${Array.isArray(raw) ? 'a list' : 'an object'}`);
		}
		const value = raw === undefined || raw === null ? '' : String(raw).trim();
		if (value === '') {
			throw this.invalid(
				i,
				`The parameter "${field.displayName}" is empty for item ${i}`,
				`"${field.displayName}" is required to build the request URL. Set it, or check the expression that fills it.`,
			);
		}
		if (isDotSegment(value)) {
			throw this.invalid(i, `The parameter "${field.displayName}" cannot be "${value}" for item ${i}`, 'An ID of "." or ".." would point the request at another address.');
		}
		if (separates(value)) {
			throw this.invalid(i, `The parameter "${field.displayName}" cannot contain "/" or "\\" for item ${i} (got "${value}")`, 'An ID is one part of the request URL; a separator in it (written or percent-encoded) would point the request at another address.');
		}
		if (field.format === 'integer' && !/^-?\d+$/.test(value)) {
			throw this.invalid(i, `The parameter "${field.displayName}" must be a whole number for item ${i} (got "${value}")`);
		}
		return encodeURIComponent(value);
	}

	/** Whether a top-level field is shown (and so sent) for item `i`. */
	shown(field: FieldSpec, i: number): boolean {
		return Object.entries(field.showWhen ?? {}).every(([name, allowed]) =>
			allowed.includes(this.param(name, i, undefined) as string | number | boolean),
		);
	}

	/**
	 * Method and path of the request: the operation's, a Custom Request's parameters, or the Route
	 * Override the user set. A path from a parameter stays on the credential's host: it must start
	 * with `/` and may not climb out of the base URL.
	 */
	route(op: OperationSpec, i: number): { method: HttpMethod; path: string; notFoundHint?: string } {
		const resolved = op.routeFrom ? undefined : this.routes(op.ref);
		let method: unknown = resolved?.method ?? op.method;
		let path: unknown = resolved?.path ?? op.path;
		let notFoundHint = resolved?.notFoundHint;
		let label = 'Route Override';
		if (op.routeFrom) {
			method = this.param(op.routeFrom.method, i, '');
			path = this.param(op.routeFrom.path, i, '');
			label = 'Path';
		} else if (this.vendor.routeOverride && this.overridden) {
			const override = (this.param('routeOverride', i, {}) ?? {}) as IDataObject;
			this.checkOverrideTarget(override, i);
			if (!isUnset(override.method)) method = override.method;
			if (!isUnset(override.path)) path = override.path;
			notFoundHint = undefined;
		}
		method = String(method ?? '').toUpperCase();
		if (!(HTTP_METHODS as readonly string[]).includes(String(method))) {
			throw this.invalid(i, `The method "${String(method)}" is not supported for item ${i}`, `Use one of ${HTTP_METHODS.join(', ')}.`);
		}
		const text = String(path ?? '').trim();
		if (!text.startsWith('/') || /[\s\\]/.test(text) || climbs(text.split(/[?#]/)[0])) {
			throw this.invalid(
				i,
				`The ${label.toLowerCase()} "${text}" is not a path of the API for item ${i}`,
				`Give a path relative to the base URL of the credential, starting with "/" (e.g. /courses/{id}); it cannot contain spaces, backslashes or "." / ".." segments, written or percent-encoded.`,
			);
		}
		return { method: method as HttpMethod, path: text, notFoundHint };
	}

	/** A Route Override belongs to the operation it was set for: on another one it is refused, not applied. */
	checkOverrideTarget(override: IDataObject, i: number): void {
		const current = `${String(this.ctx.getNodeParameter('resource', 0))}.${String(this.ctx.getNodeParameter('operation', 0))}`;
		const target = String(override.forOperation ?? '');
		if (target === current) return;
		throw this.invalid(
			i,
			target ? `The Route Override was set for the operation "${target}", not for "${current}"` : 'The Route Override does not say which operation it is for',
			'Open Route Override and choose this operation under "For Operation" (or remove the override): an override set for one operation is never applied to another.',
		);
	}

	/** The request of operation `op` for item `i`, from the operation's own fields only. */
	async request(plan: OperationPlan, i: number): Promise<ApiRequest> {
		const { op } = plan;
		let qs: IDataObject = { ...(op.fixedQuery ?? {}) };
		let body: IDataObject = { ...(op.fixedBody ?? {}) };
		const headers: IDataObject = { ...(op.headers ?? {}) };
		const { method, path } = this.route(op, i);
		let url = path;
		const place = (field: FieldSpec, raw: unknown) => {
			// a route (from an API description) may take in its path an ID the operation sends elsewhere
			const inPath = field.in === 'path' || (field.in !== 'none' && url.includes(`{${field.key ?? field.name}}`));
			if (inPath) {
				url = url.replace(`{${field.key ?? field.name}}`, this.segment(field, raw, i));
				return;
			}
			if (field.in === 'none') return;
			if (isUnset(raw) || raw === null || (field.required && typeof raw === 'string' && raw.trim() === '')) {
				// An expression that gives nothing for a required field would send an incomplete request; a
				// required number has no default to fall back on: empty is a mistake, not 0.
				if (field.required) {
					const what = field.type === 'number' ? 'is required' : 'is empty';
					throw this.invalid(i, `The parameter "${field.displayName}" ${what} for item ${i}`, `"${field.displayName}" is required. Set it, or check the expression that fills it.`);
				}
				return;
			}
			const value = convertValue(field, raw, (problem) => {
				throw this.invalid(i, `Invalid value for parameter "${field.displayName}" for item ${i}: ${problem}`, `Item ${i}`);
			});
			if (value === undefined) return;
			const key = field.key ?? field.name;
			if (field.spread) {
				if (!value || typeof value !== 'object' || Array.isArray(value)) {
					throw this.invalid(i, `The parameter "${field.displayName}" must be a JSON object for item ${i}`);
				}
				if (field.in === 'query') qs = { ...qs, ...(value as IDataObject) };
				else if (field.in === 'body') body = { ...body, ...(value as IDataObject) };
				return;
			}
			if (field.in === 'query') setKey(qs, key, value);
			else if (field.in === 'body') setKey(body, key, value);
			else if (field.in === 'header') {
				// The HTTP client would drop a line break silently (and a raw one would split the header).
				if (/[\r\n\0]/.test(String(value))) throw this.invalid(i, `The parameter "${field.displayName}" cannot contain a line break for item ${i}`, 'It is sent as an HTTP header, which is one line.');
				headers[key] = String(value);
			}
		};
		for (const field of plan.top) {
			if (field.showWhen && !this.shown(field, i)) continue;
			place(field, this.param(field.name, i, field.in === 'path' ? '' : undefined));
		}
		for (const [group, fields] of plan.groups) {
			const values = (this.param(group, i, {}) ?? {}) as IDataObject;
			for (const field of fields) if (field.name in values) place(field, plain(values[field.name]));
		}
		const unfilled = /\{([^}/]+)\}/.exec(url);
		if (unfilled) {
			throw this.invalid(i, `The path "${url}" has a placeholder {${unfilled[1]}} no parameter of this operation fills for item ${i}`, 'Use the placeholders of the operation\'s ID parameters, or write the value into the path.');
		}
		for (const key of op.jsonText ?? []) {
			for (const target of [qs, body]) if (target[key] && typeof target[key] === 'object') target[key] = JSON.stringify(target[key]);
		}
		let payload: unknown = Object.keys(body).length ? body : undefined;
		if (op.multipart) {
			const form = await toMultipart(this.ctx, i, op, body);
			payload = form.body;
			headers['Content-Type'] = form.contentType;
			body = {};
		}
		return { method, url, qs, body: payload, headers };
	}

	/** A body that is not what the API promises (an error envelope, no list) is an error. */
	unusable(response: ApiResponse, i: number, what: string): NodeApiError {
		return unusableAnswer(this.connection, response, i, what);
	}

	/** Output records of a list operation: one page, or pages up to Return All / Limit. */
	async list(plan: OperationPlan, request: ApiRequest, i: number): Promise<IDataObject[]> {
		const list = plan.op.list as NonNullable<OperationSpec['list']>;
		const returnAll = this.param('returnAll', i, false) === true;
		let limit = Infinity;
		if (!returnAll) {
			const raw = this.param('limit', i, 50);
			limit = Number(raw);
			if (!Number.isInteger(limit) || limit < 1) {
				throw this.invalid(i, `The parameter "Limit" must be a whole number of at least 1 for item ${i} (got ${JSON.stringify(raw)})`);
			}
		}
		const withFields = (this.param('options', i, {}) as IDataObject)?.includeResponseFields === true;
		// each record's own page (the fields of page 1 stay with page 1's records)
		const pageOf = new WeakMap<IDataObject, IDataObject>();
		const onPage = withFields
			? (body: unknown, records: IDataObject[]) => {
					const siblings = listSiblings(body, list.records);
					for (const record of records) pageOf.set(record, siblings);
				}
			: undefined;
		const { records } = await readList(this.connection, request, list, i, { limit, onPage });
		return withFields ? records.map((record) => withResponse(record, pageOf.get(record) ?? {})) : records;
	}

	/** Everything item `i` outputs. */
	async item(plan: OperationPlan, i: number): Promise<INodeExecutionData[]> {
		try {
			return await this.send(plan, i);
		} catch (error) {
			// a 404/405 on a route that may be wrong says so, and what to do about it
			if (error instanceof NodeApiError && ['404', '405'].includes(String(error.httpCode)) && !plan.op.routeFrom) {
				const hint = this.route(plan.op, i).notFoundHint;
				if (hint) error.description = [hint, error.description].filter(Boolean).join('\n');
			}
			throw error instanceof NodeApiError || error instanceof NodeOperationError ? error : new NodeOperationError(this.ctx.getNode(), error as Error, { itemIndex: i });
		}
	}

	/** The request(s) of item `i` and what they output. */
	async send(plan: OperationPlan, i: number): Promise<INodeExecutionData[]> {
		const { op } = plan;
		const request = await this.request(plan, i);
		const paired = { item: i };
		if (op.list) return (await this.list(plan, request, i)).map((json) => ({ json, pairedItem: paired }));
		const response = await this.connection.send(request, i, { binary: !!op.download });
		if (op.download) {
			const json = redactDeep(jsonOf(response), this.connection.secrets);
			// a JSON answer to a download (a status such as "still preparing", a link to the file) is no file
			if (json === undefined) {
				// a web page is no file either (a login page, a proxy's error page)
				const start = (response.body as Buffer).subarray(0, 2048).toString('utf8');
				if (/^text\/html\b/i.test(String(response.headers['content-type'] ?? '')) || isHtml(start)) {
					throw this.connection.error(`returned an HTML page instead of a file (HTTP ${response.statusCode})`, i, {
						description: `The start of the response: ${JSON.stringify(start.slice(0, 200))}`,
					});
				}
				return [await this.file(op, response, i)];
			}
			if (isErrorEnvelope(json)) throw this.unusable({ ...response, body: json }, i, 'an error');
			return singleRecords(json, op.unwrap).map((record) => ({ json: record, pairedItem: paired }));
		}
		if (isErrorEnvelope(response.body)) throw this.unusable(response, i, 'an error');
		return singleRecords(response.body, op.unwrap).map((json) => ({ json, pairedItem: paired }));
	}

	/** A file response as binary data, named from Content-Disposition when the API names it. */
	async file(op: OperationSpec, response: ApiResponse, i: number): Promise<INodeExecutionData> {
		const property = String(this.param(op.download!.binaryParam, i, 'data') || 'data');
		const disposition = String(response.headers['content-disposition'] ?? '');
		const named = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1] ?? /filename="?([^";]+)"?/i.exec(disposition)?.[1];
		const mimeType = String(response.headers['content-type'] ?? 'application/octet-stream').split(';')[0];
		const fileName = named ? decodeURIComponent(named) : undefined;
		const binary = await this.ctx.helpers.prepareBinaryData(response.body as Buffer, fileName, mimeType);
		return {
			json: { fileName: binary.fileName, mimeType: binary.mimeType, fileSize: binary.fileSize },
			binary: { [property]: binary },
			pairedItem: { item: i },
		};
	}
}

/** A record with its page's response fields under `response` (`_response` when the record has a `response`). */
function withResponse(record: IDataObject, siblings: IDataObject): IDataObject {
	let key = 'response';
	while (key in record) key = `_${key}`;
	return { ...record, [key]: siblings };
}

/** The parsed body of a file response the server labels as JSON, else undefined. */
function jsonOf(response: ApiResponse): unknown {
	if (!/[/+]json\b/i.test(String(response.headers['content-type'] ?? '')) || !Buffer.isBuffer(response.body)) return undefined;
	try {
		return parseJson(response.body.toString('utf8').replace(/^\uFEFF/, ''));
	} catch {
		return undefined;
	}
}

/** Request Options of the run (the same for every item). */
function settingsOf(ctx: IExecuteFunctions): TransportSettings {
	const options = (ctx.getNodeParameter('requestOptions', 0, {}) ?? {}) as IDataObject;
	const whole = <T>(value: unknown, fallback: T, min: number) =>
		Number.isFinite(Number(value)) && Number(value) >= min ? Math.floor(Number(value)) : fallback;
	return {
		// unset: the connection finds the vendor's pace; set: a hard cap
		concurrency: options.concurrency === undefined || options.concurrency === '' ? undefined : whole(options.concurrency, undefined, 1),
		maxRetries: whole(options.maxRetries, DEFAULT_SETTINGS.maxRetries, 0),
		timeoutMs: whole(options.timeout, DEFAULT_SETTINGS.timeoutMs / 1000, 1) * 1000,
		maxResponseBytes: whole(options.maxResponseSize, DEFAULT_SETTINGS.maxResponseBytes / MB, 1) * MB,
	};
}

/**
 * The Continue On Fail item: `{error, details}` only, the shape n8n recognises as an error item
 * (so "continue (using error output)" routes it to the error output), paired with its input item.
 */
function errorItem(error: Error, itemIndex: number): INodeExecutionData {
	const { description, httpCode } = error as { description?: string; httpCode?: string };
	const details: IDataObject = {};
	if (httpCode) details.httpCode = httpCode;
	if (description) details.description = description;
	return { json: { error: error.message, details }, pairedItem: { item: itemIndex } };
}

/**
 * `execute()` of every vendor action node. Finds the chosen operation in an index built once per
 * vendor, reads only that operation's parameters for each item, and runs the items with as many
 * requests in flight as the connection's gate allows; the output keeps the input order.
 */
export async function executeVendor(ctx: IExecuteFunctions, vendor: VendorSpec): Promise<INodeExecutionData[][]> {
	const items = ctx.getInputData();
	const resource = ctx.getNodeParameter('resource', 0) as string;
	const operation = ctx.getNodeParameter('operation', 0) as string;
	const plan = planOf(vendor, resource, operation);
	if (!plan) throw new NodeOperationError(ctx.getNode(), `The operation "${operation}" of "${resource}" is not known to this node`);
	const settings = settingsOf(ctx);
	const routes = vendor.routes ? await vendor.routes(ctx) : undefined;
	const connection = await Connection.open(ctx, vendor.api, settings);
	const run = new Run(ctx, vendor, connection, routes);
	const results: INodeExecutionData[][] = new Array(items.length);
	const failures: Array<{ index: number; error: Error }> = [];
	let next = 0;
	const worker = async () => {
		while (next < items.length && !failures.length) {
			const i = next++;
			try {
				results[i] = await run.item(plan, i);
			} catch (caught) {
				const error =
					caught instanceof NodeApiError || caught instanceof NodeOperationError
						? caught
						: new NodeOperationError(ctx.getNode(), caught as Error, { itemIndex: i });
				if (ctx.continueOnFail()) results[i] = [errorItem(error, i)];
				else failures.push({ index: i, error });
			}
		}
	};
	await Promise.all(Array.from({ length: Math.min(connection.parallelism, items.length) }, worker));
	// Items still in flight when one failed have finished; the first failing item (input order) is reported.
	if (failures.length) throw failures.sort((a, b) => a.index - b.index)[0].error;
	return [results.flat()];
}
