import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IExecutePaginationFunctions,
	IExecuteSingleFunctions,
	IN8nHttpFullResponse,
	INodeExecutionData,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

type HttpRequestOptions = DeclarativeRestApiSettings.HttpRequestOptions;

import { apiError, networkError } from './errors';
import { toMultipart } from './multipart';
import { MAX_PAGES, resolveStyle } from './pagination';
import type { FieldSpec, OperationSpec, VendorSpec } from './types';

interface RawResponse {
	statusCode: number;
	headers: IDataObject;
	body: unknown;
}

/**
 * postReceive of every operation: hands the raw response (status, headers, body) to the executor,
 * which checks the status, unwraps envelopes and pages.
 */
export async function captureResponse(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	return [
		{
			json: {
				statusCode: response.statusCode,
				headers: (response.headers ?? {}) as IDataObject,
				body: response.body as IDataObject,
			},
		},
	];
}

/** Reads `a.b.c` from an object; `''` returns the object itself. */
export function pick(body: unknown, path: string): unknown {
	if (!path) return body;
	let current: unknown = body;
	for (const part of path.split('.')) {
		if (!current || typeof current !== 'object') return undefined;
		current = (current as IDataObject)[part];
	}
	return current;
}

const isEmptyBody = (body: unknown) =>
	body === undefined || body === null || body === '' || (Buffer.isBuffer(body) && body.length === 0);

/** Turns a single-object response into output records. */
export function singleRecords(body: unknown, unwrap?: string): IDataObject[] {
	if (isEmptyBody(body) || body === true) return [{ success: true }];
	if (typeof body !== 'object') return [{ response: body as string }];
	let value: unknown = body;
	if (unwrap) {
		const inner = pick(body, unwrap);
		if (inner !== undefined && inner !== null) value = inner;
	}
	if (Array.isArray(value)) return value.map((v) => (v && typeof v === 'object' ? v : { value: v }));
	return [value as IDataObject];
}

/** Records of a list response. Missing list -> no records; a bare object -> one record. */
export function listRecords(body: unknown, location: string): IDataObject[] {
	if (isEmptyBody(body)) return [];
	const value = pick(body, location);
	if (value === undefined || value === null) return [];
	if (Array.isArray(value)) return value.map((v) => (v && typeof v === 'object' ? v : { value: v }));
	return [value as IDataObject];
}

function pathValue(ctx: IExecuteSingleFunctions, field: FieldSpec): string {
	const raw = ctx.getNodeParameter(field.name, '', { extractValue: true }) as unknown;
	const value = raw === undefined || raw === null ? '' : String(raw).trim();
	if (value === '') {
		throw new NodeOperationError(
			ctx.getNode(),
			`The parameter "${field.displayName}" is empty for item ${ctx.getItemIndex()}`,
			{
				itemIndex: ctx.getItemIndex(),
				description: `"${field.displayName}" is required to build the request URL. Set it, or check the expression that fills it.`,
			},
		);
	}
	return encodeURIComponent(value);
}

/** Replaces `{placeholders}` of the operation path with the values of its path fields. */
export function resolvePath(ctx: IExecuteSingleFunctions, op: OperationSpec): string {
	let url = op.path;
	for (const field of (op.fields ?? []).filter((f) => f.in === 'path')) {
		url = url.replace(`{${field.key ?? field.name}}`, pathValue(ctx, field));
	}
	return url;
}

const dropEmpty = (value: unknown) =>
	value === undefined || value === '' || (Array.isArray(value) && value.length === 0);

function tidy(options: HttpRequestOptions): void {
	for (const key of ['qs', 'body'] as const) {
		const target = options[key];
		if (target && typeof target === 'object' && !Buffer.isBuffer(target)) {
			for (const [k, v] of Object.entries(target as IDataObject)) if (dropEmpty(v)) delete (target as IDataObject)[k];
		}
	}
	const body = options.body as IDataObject | undefined;
	if (body && typeof body === 'object' && Object.keys(body).length === 0 && options.method === 'GET') {
		delete options.body;
	}
}

type Ctx = IExecutePaginationFunctions;

async function send(
	ctx: Ctx,
	vendor: VendorSpec,
	requestData: DeclarativeRestApiSettings.ResultOptions,
	options: HttpRequestOptions,
): Promise<RawResponse> {
	let items: INodeExecutionData[];
	try {
		items = await ctx.makeRoutingRequest({ ...requestData, options });
	} catch (error) {
		throw asNodeError(error, () => networkError(ctx.getNode(), vendor.displayName, error as Error, ctx.getItemIndex()));
	}
	const raw = items[0]?.json as unknown as RawResponse;
	if (raw.statusCode >= 400) {
		throw apiError(ctx.getNode(), vendor.displayName, raw.statusCode, raw.body, ctx.getItemIndex());
	}
	return raw;
}

function pageFingerprint(records: IDataObject[]): string {
	return JSON.stringify(records);
}

async function walkPages(
	ctx: Ctx,
	vendor: VendorSpec,
	op: OperationSpec,
	requestData: DeclarativeRestApiSettings.ResultOptions,
): Promise<IDataObject[]> {
	const list = op.list as NonNullable<OperationSpec['list']>;
	const returnAll = ctx.getNodeParameter('returnAll', false) as boolean;
	const limit = returnAll ? Infinity : Math.max(1, Number(ctx.getNodeParameter('limit', 50)));
	const results: IDataObject[] = [];
	if (!list.pagination) {
		const response = await send(ctx, vendor, requestData, requestData.options);
		return listRecords(response.body, list.records).slice(0, limit);
	}
	const style = resolveStyle(list.pagination);
	const size = Math.min(style.defaultMaxSize, limit);
	const inBody = list.pagination.inBody === true;
	const seen = new Set<string>();
	const state = { page: style.first, offset: 0, fetched: 0 };
	let previousReported: number | undefined;
	for (let pageCount = 1; ; pageCount++) {
		const paging: IDataObject = {
			[style.pageParam]: style.usesOffset ? state.offset : state.page,
			[style.sizeParam]: size,
		};
		const options: HttpRequestOptions = { ...requestData.options };
		if (inBody) options.body = { ...((options.body as IDataObject) ?? {}), ...paging };
		else options.qs = { ...(options.qs ?? {}), ...paging };
		const response = await send(ctx, vendor, requestData, options);
		const records = listRecords(response.body, list.records);
		state.fetched += records.length;
		const reported = style.reportedPage?.(response.body);
		const fingerprint = pageFingerprint(records);
		if (records.length > 0 && (seen.has(fingerprint) || (reported !== undefined && reported === previousReported))) {
			throw new NodeOperationError(
				ctx.getNode(),
				`${vendor.displayName} returned the same page twice (page ${pageCount}); stopped to avoid an endless loop`,
				{
					itemIndex: ctx.getItemIndex(),
					description: 'The API keeps announcing a next page that repeats an earlier one. Use a Limit instead of Return All, or narrow the filters.',
				},
			);
		}
		seen.add(fingerprint);
		previousReported = reported;
		results.push(...records);
		if (results.length >= limit) break;
		if (records.length === 0 || !style.hasNext(response.body, state, records.length, size)) break;
		if (pageCount >= MAX_PAGES) {
			throw new NodeOperationError(
				ctx.getNode(),
				`${vendor.displayName} kept announcing more pages after ${MAX_PAGES} pages; stopped`,
				{ itemIndex: ctx.getItemIndex() },
			);
		}
		state.page += 1;
		state.offset += records.length;
	}
	return results.slice(0, limit);
}

/** n8n errors pass through; anything else is wrapped by `wrap`. */
export function asNodeError(error: unknown, wrap: () => NodeApiError | NodeOperationError) {
	return error instanceof NodeApiError || error instanceof NodeOperationError ? error : wrap();
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
 * The executor of one operation. Registered as the operation's `routing.operations.pagination`
 * (with `send.paginate: true`) so that n8n's routing engine builds the request from the
 * declarative description (method, url, query, body, auth) and hands it here to be sent.
 */
export function operationExecutor(vendor: VendorSpec, op: OperationSpec) {
	return async function (
		this: IExecutePaginationFunctions,
		requestData: DeclarativeRestApiSettings.ResultOptions,
	): Promise<INodeExecutionData[]> {
		const itemIndex = this.getItemIndex();
		try {
			const options = requestData.options;
			options.url = resolvePath(this, op);
			options.ignoreHttpStatusErrors = true;
			options.json = true;
			if (vendor.arrayFormat) options.arrayFormat = vendor.arrayFormat;
			tidy(options);
			if (op.multipart) options.body = await toMultipart(this, op, options);
			const records = op.list
				? await walkPages(this, vendor, op, requestData)
				: singleRecords((await send(this, vendor, requestData, options)).body, op.unwrap);
			return records.map((json) => ({ json, pairedItem: { item: itemIndex } }));
		} catch (error) {
			const nodeError = asNodeError(error, () => new NodeOperationError(this.getNode(), error as Error, { itemIndex }));
			if (this.continueOnFail()) return [errorItem(nodeError, itemIndex)];
			throw nodeError;
		}
	};
}
