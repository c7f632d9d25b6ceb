import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodeListSearchResult,
	INodePropertyOptions,
} from 'n8n-workflow';

import { walkList } from './request';
import type { ApiSpec, HttpMethod, ListSpec, ResourceSpec } from './types';

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
	/** The list's method (GET when not given). */
	method?: HttpMethod;
	/** The list's path; a function may build it from other parameters (undefined: nothing to list yet). */
	url: string | ((ctx: ILoadOptionsFunctions) => string | undefined);
	/** Where the records are (`data`, `content`, `''` for a bare array). */
	records: ListSpec['records'];
	/** Record -> label and value (defaults: `name`/`title`, `id`). */
	label?: (record: IDataObject) => string;
	value?: (record: IDataObject) => string | number;
	/** The list's parameters: its query for a GET, its JSON body for a method that takes one. */
	qs?: IDataObject | ((ctx: ILoadOptionsFunctions) => IDataObject);
	/** How the list pages, when it does. */
	pagination?: ListSpec['pagination'];
	/** Optional server-side search query key (used by resource locators). */
	searchParam?: string;
}

/**
 * A lookup over a list operation of the node, so the dropdown reads the list as the operation does
 * (path, records, pagination). `{placeholders}` in its path come from the parameters of the same name;
 * while one is empty there is nothing to list yet.
 */
export function listLookup(resource: ResourceSpec, operation: string, rest: Omit<LookupSpec, 'url' | 'records' | 'pagination'> & Partial<LookupSpec> = {}): LookupSpec {
	const op = resource.operations.find((o) => o.value === operation);
	if (!op?.list) throw new Error(`${resource.value}.${operation} is no list operation`);
	const { path } = op;
	const url = path.includes('{')
		? (ctx: ILoadOptionsFunctions) => {
				let missing = false;
				const filled = path.replace(/\{(\w+)\}/g, (_m, name: string) => {
					const value = siblingParameter(ctx, name);
					if (!value) missing = true;
					return encodeURIComponent(value);
				});
				return missing ? undefined : filled;
			}
		: path;
	return { url, records: op.list.records, pagination: op.list.pagination, ...rest };
}

const defaultLabel = (r: IDataObject) =>
	String(r.name ?? r.title ?? r.email ?? r.code ?? r.id ?? '');

/** Up to this many pages are read to fill a dropdown. */
const MAX_LOOKUP_PAGES = 20;

async function fetchLookup(
	ctx: ILoadOptionsFunctions,
	api: ApiSpec,
	spec: LookupSpec,
	extraQs: IDataObject = {},
	page?: { start?: number; one: boolean },
): Promise<{ records: IDataObject[]; next?: number }> {
	const url = typeof spec.url === 'function' ? spec.url(ctx) : spec.url;
	if (!url) return { records: [] };
	const base = typeof spec.qs === 'function' ? spec.qs(ctx) : (spec.qs ?? {});
	const params = { ...base, ...extraQs };
	// a lookup whose route is a POST (Academy of Mine's Location Lookup) takes its parameters as JSON
	const sent = (spec.method ?? 'GET') === 'GET' ? { qs: params } : { body: params };
	return await walkList(
		ctx,
		api,
		{ method: spec.method, url, ...sent, list: { records: spec.records, pagination: spec.pagination } },
		{ maxPages: page?.one ? 1 : MAX_LOOKUP_PAGES, start: page?.start },
	);
}

/** A `loadOptions` method filling a dropdown from a vendor list. */
export function lookupOptions(api: ApiSpec, spec: LookupSpec) {
	return async function (this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
		const { records } = await fetchLookup(this, api, spec);
		return records
			.map((r) => ({ name: (spec.label ?? defaultLabel)(r), value: (spec.value ?? ((x) => x.id as string))(r) }))
			.filter((o) => o.value !== undefined && o.value !== null)
			.sort((a, b) => a.name.localeCompare(b.name));
	};
}

/** A `listSearch` method for a resource locator (filtered on the server when it can, else locally). */
export function lookupSearch(api: ApiSpec, spec: LookupSpec) {
	return async function (
		this: ILoadOptionsFunctions,
		filter?: string,
		paginationToken?: string,
	): Promise<INodeListSearchResult> {
		const extra = filter && spec.searchParam ? { [spec.searchParam]: filter } : {};
		const { records, next } = await fetchLookup(this, api, spec, extra, {
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
