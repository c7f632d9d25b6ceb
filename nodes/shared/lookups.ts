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

export interface LookupSpec {
	url: string;
	/** Where the records are (`data`, `content`, `''` for a bare array). */
	records: string;
	/** Record -> label and value (defaults: `name`/`title`, `id`). */
	label?: (record: IDataObject) => string;
	value?: (record: IDataObject) => string | number;
	qs?: IDataObject | ((ctx: ILoadOptionsFunctions) => IDataObject);
	/** Query keys for page number and size, when the list pages. */
	paging?: { page: string; size: string; pageSize: number; hasMore: (body: unknown, page: number) => boolean };
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
	startPage?: number,
	onePage = false,
): Promise<{ records: IDataObject[]; nextPage?: number }> {
	const base = typeof spec.qs === 'function' ? spec.qs(ctx) : (spec.qs ?? {});
	if (!spec.paging) {
		const body = await vendorRequest(ctx, http, { url: spec.url, qs: { ...base, ...extraQs } });
		return { records: listRecords(body, spec.records) };
	}
	const records: IDataObject[] = [];
	let page = startPage ?? 1;
	for (let i = 0; i < MAX_LOOKUP_PAGES; i++) {
		const qs = { ...base, ...extraQs, [spec.paging.page]: page, [spec.paging.size]: spec.paging.pageSize };
		const body = await vendorRequest(ctx, http, { url: spec.url, qs });
		const pageRecords = listRecords(body, spec.records);
		records.push(...pageRecords);
		if (!pageRecords.length || !spec.paging.hasMore(body, page)) return { records };
		page += 1;
		if (onePage) return { records, nextPage: page };
	}
	return { records };
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
		const { records, nextPage } = await fetchLookup(
			this,
			http,
			spec,
			extra,
			paginationToken ? Number(paginationToken) : undefined,
			true,
		);
		const needle = (filter ?? '').toLowerCase();
		const results = records
			.map((r) => ({ name: (spec.label ?? defaultLabel)(r), value: String((spec.value ?? ((x) => x.id as string))(r)) }))
			.filter((o) => !needle || spec.searchParam || o.name.toLowerCase().includes(needle) || o.value === filter);
		return { results, paginationToken: nextPage ? String(nextPage) : undefined };
	};
}

