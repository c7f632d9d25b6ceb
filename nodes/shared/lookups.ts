import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	INodeListSearchResult,
	INodePropertyOptions,
	IPollFunctions,
	IHookFunctions,
	IWebhookFunctions,
} from 'n8n-workflow';

import { apiError, networkError } from './errors';
import { asNodeError, listRecords } from './executor';
import { resolveStyle } from './pagination';
import type { PaginationSpec } from './types';

type HttpContext = ILoadOptionsFunctions | IPollFunctions | IHookFunctions | IExecuteFunctions | IWebhookFunctions;

/** How programmatic code (dropdowns, triggers) reaches a vendor. */
export interface VendorHttp {
	displayName: string;
	credential: string;
	baseUrl(credentials: ICredentialDataDecryptedObject): string;
	arrayFormat?: IHttpRequestOptions['arrayFormat'];
}

export interface HttpCall {
	method?: IHttpRequestMethods;
	url: string;
	qs?: IDataObject;
	body?: IDataObject;
}

/** One authenticated request; HTTP errors become NodeApiErrors carrying the vendor's message. */
export async function vendorRequest(ctx: HttpContext, http: VendorHttp, call: HttpCall): Promise<unknown> {
	const credentials = await ctx.getCredentials(http.credential);
	const options: IHttpRequestOptions = {
		method: call.method ?? 'GET',
		baseURL: http.baseUrl(credentials),
		url: call.url,
		qs: call.qs,
		body: call.body,
		json: true,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		...(http.arrayFormat ? { arrayFormat: http.arrayFormat } : {}),
	};
	let response: { statusCode: number; body: unknown };
	try {
		response = (await ctx.helpers.httpRequestWithAuthentication.call(ctx, http.credential, options)) as {
			statusCode: number;
			body: unknown;
		};
	} catch (error) {
		throw asNodeError(error, () => networkError(ctx.getNode(), http.displayName, error as Error, 0));
	}
	if (response.statusCode >= 400) throw apiError(ctx.getNode(), http.displayName, response.statusCode, response.body, 0);
	return response.body;
}

/** Safety cap on pages read by one walk (a dropdown, a poll). */
export const MAX_WALK_PAGES = 50;

export interface ListCall extends HttpCall {
	list: { records: string; pagination?: PaginationSpec };
}

/**
 * Reads a paged list with the engine's pagination styles (pagination.ts). `pageSize` overrides the
 * style's page size; `enough(page)` ends the walk early (e.g. once records get older than a poll
 * cursor); `start` continues from where an earlier walk stopped. `next` is where to continue
 * when the walk stopped before the end of the list.
 */
export async function walkList(
	ctx: HttpContext,
	http: VendorHttp,
	call: ListCall,
	options: { pageSize?: number; enough?: (page: IDataObject[]) => boolean; maxPages?: number; start?: number } = {},
): Promise<{ records: IDataObject[]; next?: number }> {
	if (!call.list.pagination) return { records: listRecords(await vendorRequest(ctx, http, call), call.list.records) };
	const all: IDataObject[] = [];
	const style = resolveStyle(call.list.pagination);
	const size = options.pageSize ?? style.defaultMaxSize;
	const first = options.start ?? style.first;
	const state = { page: style.usesOffset ? style.first : first, offset: style.usesOffset ? first : 0, fetched: 0 };
	for (let i = 0; i < (options.maxPages ?? MAX_WALK_PAGES); i++) {
		const qs = { ...(call.qs ?? {}), [style.pageParam]: style.usesOffset ? state.offset : state.page, [style.sizeParam]: size };
		const body = await vendorRequest(ctx, http, { ...call, qs });
		const records = listRecords(body, call.list.records);
		state.fetched += records.length;
		all.push(...records);
		if (!records.length || options.enough?.(records) || !style.hasNext(body, state, records.length, size)) {
			return { records: all };
		}
		state.page += 1;
		state.offset += records.length;
	}
	return { records: all, next: style.usesOffset ? state.offset : state.page };
}

/**
 * The value of another parameter of the node being edited (a resource locator gives its value);
 * empty when it is not set or is an expression that cannot be resolved while editing.
 */
export function siblingParameter(ctx: ILoadOptionsFunctions, name: string): string {
	let value: unknown;
	try {
		value = ctx.getCurrentNodeParameter(name);
	} catch {
		return '';
	}
	if (value && typeof value === 'object' && 'value' in (value as IDataObject)) value = (value as IDataObject).value;
	if (value === undefined || value === null || typeof value === 'object') return '';
	const text = String(value).trim();
	return text.startsWith('=') ? '' : text;
}

export interface LookupSpec {
	/** The list's path; a function may build it from other parameters (undefined: nothing to list yet). */
	url: string | ((ctx: ILoadOptionsFunctions) => string | undefined);
	/** Where the records are (`data`, `content`, `''` for a bare array). */
	records: string;
	/** Record -> label and value (defaults: `name`/`title`, `id`). */
	label?: (record: IDataObject) => string;
	value?: (record: IDataObject) => string | number;
	qs?: IDataObject | ((ctx: ILoadOptionsFunctions) => IDataObject);
	/** How the list pages, when it does. */
	pagination?: PaginationSpec;
	/** Optional server-side search query key (used by resource locators). */
	searchParam?: string;
}

const defaultLabel = (r: IDataObject) =>
	String(r.name ?? r.title ?? r.email ?? r.code ?? r.id ?? '');

/** Up to this many pages are read to fill a dropdown. */
const MAX_LOOKUP_PAGES = 20;

async function fetchLookup(
	ctx: ILoadOptionsFunctions,
	http: VendorHttp,
	spec: LookupSpec,
	extraQs: IDataObject = {},
	page?: { start?: number; one: boolean },
): Promise<{ records: IDataObject[]; next?: number }> {
	const url = typeof spec.url === 'function' ? spec.url(ctx) : spec.url;
	if (!url) return { records: [] };
	const base = typeof spec.qs === 'function' ? spec.qs(ctx) : (spec.qs ?? {});
	return await walkList(
		ctx,
		http,
		{ url, qs: { ...base, ...extraQs }, list: { records: spec.records, pagination: spec.pagination } },
		{ maxPages: page?.one ? 1 : MAX_LOOKUP_PAGES, start: page?.start },
	);
}

/** A `loadOptions` method filling a dropdown from a vendor list. */
export function lookupOptions(http: VendorHttp, spec: LookupSpec) {
	return async function (this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
		const { records } = await fetchLookup(this, http, spec);
		return records
			.map((r) => ({ name: (spec.label ?? defaultLabel)(r), value: (spec.value ?? ((x) => x.id as string))(r) }))
			.filter((o) => o.value !== undefined && o.value !== null)
			.sort((a, b) => a.name.localeCompare(b.name));
	};
}

/** A `listSearch` method for a resource locator (filtered on the server when it can, else locally). */
export function lookupSearch(http: VendorHttp, spec: LookupSpec) {
	return async function (
		this: ILoadOptionsFunctions,
		filter?: string,
		paginationToken?: string,
	): Promise<INodeListSearchResult> {
		const extra = filter && spec.searchParam ? { [spec.searchParam]: filter } : {};
		const { records, next } = await fetchLookup(this, http, spec, extra, {
			start: paginationToken ? Number(paginationToken) : undefined,
			one: true,
		});
		const needle = (filter ?? '').toLowerCase();
		const results = records
			.map((r) => ({ name: (spec.label ?? defaultLabel)(r), value: String((spec.value ?? ((x) => x.id as string))(r)) }))
			.filter((o) => !needle || spec.searchParam || o.name.toLowerCase().includes(needle) || o.value === filter);
		return { results, paginationToken: next !== undefined ? String(next) : undefined };
	};
}
