import type { IDataObject } from 'n8n-workflow';

import type { PaginationSpec, PaginationStyleName } from './types';

/** State of a page walk: which page comes next and how many records were seen so far. */
export interface PageState {
	page: number;
	offset: number;
	fetched: number;
}

export interface PaginationStyle {
	/** Query (or body) keys for the page number / offset and the page size. */
	pageParam: string;
	sizeParam: string;
	/** Page size used when the user wants everything. */
	defaultMaxSize: number;
	/** First page number (or offset 0 for offset styles). */
	first: number;
	/** True for limit/offset styles. */
	usesOffset?: boolean;
	/**
	 * Whether another page exists after this one. `body` is the response, `received` the number of
	 * records on this page, `size` the page size asked for.
	 */
	hasNext(body: unknown, state: PageState, received: number, size: number): boolean;
	/** The page number the server says it returned, when it says so (used to detect a stuck walk). */
	reportedPage?(body: unknown): number | undefined;
}

const num = (value: unknown): number | undefined => {
	if (value === null || value === undefined || value === '') return undefined;
	const n = Number(value);
	return Number.isFinite(n) ? n : undefined;
};

const obj = (value: unknown): IDataObject =>
	value && typeof value === 'object' && !Array.isArray(value) ? (value as IDataObject) : {};

/** Laravel resources: `page` + `per_page`, `meta.current_page/last_page`, `links.next`. */
const laravel: PaginationStyle = {
	pageParam: 'page',
	sizeParam: 'per_page',
	defaultMaxSize: 100,
	first: 1,
	hasNext(body, state, received, size) {
		const meta = obj(obj(body).meta);
		const links = obj(body).links;
		const last = num(meta.last_page);
		const current = num(meta.current_page) ?? state.page;
		if (last !== undefined) return current < last;
		if (links && typeof links === 'object') return !!obj(links).next;
		return received >= size;
	},
	reportedPage: (body) => num(obj(obj(body).meta).current_page),
};

/** Provi: `page` + `limit` (or `itemsPerPage`), `paging.nextPage` / `paging.totalPages`. */
const provi: PaginationStyle = {
	pageParam: 'page',
	sizeParam: 'limit',
	defaultMaxSize: 100,
	first: 1,
	hasNext(body, state, received, size) {
		const paging = obj(body).paging;
		if (!paging || typeof paging !== 'object') return false;
		const p = obj(paging);
		const total = num(p.totalPages);
		const current = num(p.currentPage) ?? state.page;
		if (total !== undefined) return current < total;
		if ('nextPage' in p) return num(p.nextPage) !== undefined;
		return received >= size;
	},
	reportedPage: (body) => num(obj(obj(body).paging).currentPage),
};

/** PSB Hosting: `page` + `pageSize`, records in `items[]`, page count in `pages`. */
const psbPage: PaginationStyle = {
	pageParam: 'page',
	sizeParam: 'pageSize',
	defaultMaxSize: 100,
	first: 1,
	hasNext(body, state, received, size) {
		const pages = num(obj(body).pages);
		if (pages !== undefined) return state.page < pages;
		return received >= size;
	},
	reportedPage: (body) => num(obj(body).page),
};

/** `limit` + `offset` over bare arrays: a short page is the last one. */
const offset: PaginationStyle = {
	pageParam: 'offset',
	sizeParam: 'limit',
	defaultMaxSize: 100,
	first: 0,
	usesOffset: true,
	hasNext: (_body, _state, received, size) => received >= size && received > 0,
};

/** Academy of Mine: `page_number` + `page_size`, records in `records[]`, total in `recordsTotal`. */
const aom: PaginationStyle = {
	pageParam: 'page_number',
	sizeParam: 'page_size',
	defaultMaxSize: 100,
	first: 1,
	hasNext(body, state, received, size) {
		const total = num(obj(body).recordsTotal) ?? num(obj(body).recordsFiltered);
		if (total !== undefined) return state.fetched < total;
		return received >= size;
	},
};

export const PAGINATION_STYLES: Record<PaginationStyleName, PaginationStyle> = {
	laravel,
	provi,
	psbPage,
	offset,
	aom,
};

/** Style of a spec, with the spec's own size parameter and maximum applied. */
export function resolveStyle(spec: PaginationSpec): PaginationStyle {
	const base = PAGINATION_STYLES[spec.style];
	return {
		...base,
		sizeParam: spec.sizeParam ?? base.sizeParam,
		defaultMaxSize: spec.maxPageSize ?? base.defaultMaxSize,
	};
}

/** Hard stop for a walk that never ends (each page distinct, `next` always set). */
export const MAX_PAGES = 10_000;
