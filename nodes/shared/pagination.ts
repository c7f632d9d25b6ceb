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
	/** The number of the last page, when the server says it (an oldest-first list ends there). */
	lastPage?(body: unknown): number | undefined;
	/** How many records the list holds, when the server says it (pages are counted from it; a poll checks it did not move). */
	totalRecords?(body: unknown): number | undefined;
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
	lastPage: (body) => num(obj(obj(body).meta).last_page),
	totalRecords: (body) => num(obj(obj(body).meta).total),
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
	lastPage: (body) => num(obj(obj(body).paging).totalPages),
	totalRecords: (body) => num(obj(obj(body).paging).totalItems) ?? num(obj(obj(body).paging).total),
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
	lastPage: (body) => num(obj(body).pages),
	totalRecords: (body) => num(obj(body).total),
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

/**
 * Academy of Mine: `page_number` + `page_size`, records in `records[]`; the count of matching
 * records in `recordsFiltered` (`recordsTotal` counts all of them, filter or not).
 */
const aom: PaginationStyle = {
	pageParam: 'page_number',
	sizeParam: 'page_size',
	defaultMaxSize: 100,
	first: 1,
	hasNext(body, state, received, size) {
		const total = num(obj(body).recordsFiltered) ?? num(obj(body).recordsTotal);
		if (total !== undefined) return state.fetched < total;
		return received >= size;
	},
	// DataTables semantics: recordsFiltered counts what the pages hold once filters apply
	totalRecords: (body) => num(obj(body).recordsFiltered) ?? num(obj(body).recordsTotal),
};

export const PAGINATION_STYLES: Record<PaginationStyleName, PaginationStyle> = {
	laravel,
	provi,
	psbPage,
	offset,
	aom,
};

/** Style of a spec, with the spec's own parameter names and maximum applied. */
export function resolveStyle(spec: PaginationSpec): PaginationStyle {
	const base = PAGINATION_STYLES[spec.style];
	return {
		...base,
		pageParam: spec.pageParam ?? base.pageParam,
		sizeParam: spec.sizeParam ?? base.sizeParam,
		defaultMaxSize: spec.maxPageSize ?? base.defaultMaxSize,
	};
}

/** Hard stop for a walk that never ends (each page distinct, `next` always set). */
export const MAX_PAGES = 10_000;

export interface WalkOptions {
	/** Stop once this many records are collected (default: all). */
	limit?: number;
	/** Page size to ask for (default: the style's largest, but no more than `limit`). */
	pageSize?: number;
	/**
	 * Pages read before the walk pauses and returns `next` (dropdowns, polls). Without it the
	 * walk goes on to the end, and fails past MAX_PAGES.
	 */
	maxPages?: number;
	/** Page number (or offset) to start from: the `next` of an earlier walk. */
	start?: number;
	/** Ends the walk after a page for which this is true (e.g. records older than a poll cursor). */
	enough?: (page: IDataObject[]) => boolean;
}

export interface WalkResult {
	records: IDataObject[];
	/** Where to continue when the walk paused (maxPages) before the end of the list. */
	next?: number;
	/** The page number (or offset) of the last page read. */
	last?: number;
	/** The list's last page as the server last reported it (styles that report it). */
	lastPage?: number;
	/** The list's size as the server last reported it (styles that report it). */
	total?: number;
	/** The response body of the last page read. */
	body?: unknown;
}

/** What the walker needs from its caller: one page request, and how to report a broken walk. */
export interface PageSource {
	/** Sends the request with these paging parameters added (query or body) and returns its records. */
	fetch(paging: IDataObject): Promise<{ body: unknown; records: IDataObject[] }>;
	fail(message: string, description?: string): never;
}

/** One page as the walker keeps it until its turn comes. */
type Fetched = { body: unknown; records: IDataObject[] };

/**
 * The one page walker (node operations, dropdowns, polling triggers). Pages with a pagination
 * style; detects a server that repeats a page (stops with an error instead of looping); an empty
 * page ends the walk.
 *
 * When a page says how many pages (or records) the list holds, the pages after it are requested
 * ahead, concurrently (the connection's gate bounds how many are in flight), and read in page
 * order, exactly as a one-at-a-time walk would: every check and stop (limit, `enough`, an empty or
 * repeated page) applies page by page. Pages are requested at most twice as far ahead as the walk
 * has read, so a server that overstates its size, or a walk that ends early, costs few requests;
 * a Limit never asks for a page it does not need. Without a total, pages go one at a time.
 */
export async function walkPages(source: PageSource, pagination: PaginationSpec, options: WalkOptions = {}): Promise<WalkResult> {
	const style = resolveStyle(pagination);
	const limit = options.limit ?? Infinity;
	const size = options.pageSize ?? Math.min(style.defaultMaxSize, limit);
	const first = options.start ?? style.first;
	const state: PageState = {
		page: style.usesOffset ? style.first : first,
		offset: style.usesOffset ? first : 0,
		fetched: 0,
	};
	const maxPages = Math.min(options.maxPages ?? Infinity, MAX_PAGES);
	const results: IDataObject[] = [];
	const seen = new Set<string>();
	let previousReported: number | undefined;
	let lastPage: number | undefined;
	let total: number | undefined;
	// Page numbers requested ahead (page styles only), settled or not, by page number.
	const ahead = new Map<number, Promise<Fetched>>();
	let requestedUpTo = state.page;
	const request = (page: number) => {
		const pending = source.fetch({ [style.pageParam]: page, [style.sizeParam]: size });
		pending.catch(() => {}); // its failure counts only when the walk reaches this page
		ahead.set(page, pending);
	};
	/** Requests, ahead of the walk, the pages up to `upTo`. */
	const requestAhead = (upTo: number) => {
		while (requestedUpTo < upTo) request(++requestedUpTo);
	};
	try {
		for (let pageCount = 1; ; pageCount++) {
			const last = style.usesOffset ? state.offset : state.page;
			const pending = ahead.get(state.page);
			ahead.delete(state.page);
			const { body, records } = style.usesOffset || !pending ? await source.fetch({ [style.pageParam]: last, [style.sizeParam]: size }) : await pending;
			state.fetched += records.length;
			const reported = style.reportedPage?.(body);
			const fingerprint = JSON.stringify(records);
			if (records.length > 0 && (seen.has(fingerprint) || (reported !== undefined && reported === previousReported))) {
				source.fail(
					`returned the same page twice (page ${pageCount}); stopped to avoid an endless loop`,
					'The API keeps announcing a next page that repeats an earlier one. Use a Limit instead of Return All, or narrow the filters.',
				);
			}
			seen.add(fingerprint);
			previousReported = reported;
			lastPage = style.lastPage?.(body) ?? lastPage;
			total = style.totalRecords?.(body) ?? total;
			results.push(...records);
			if (results.length >= limit) return { records: results.slice(0, limit), last, lastPage, total, body };
			if (!records.length || options.enough?.(records) || !style.hasNext(body, state, records.length, size)) {
				return { records: results, last, lastPage, total, body };
			}
			if (!style.usesOffset) {
				// This page is full (another follows), so its length is the server's page size.
				const announced = style.lastPage?.(body) ?? (total !== undefined ? style.first + Math.ceil(total / records.length) - 1 : undefined);
				if (announced !== undefined) {
					const needed = state.page + Math.ceil((limit - results.length) / records.length);
					requestAhead(Math.min(announced, needed, first + maxPages - 1, state.page + 2 * pageCount));
				}
			}
			state.page += 1;
			state.offset += records.length;
			if (options.maxPages !== undefined && pageCount >= options.maxPages) {
				return { records: results, next: style.usesOffset ? state.offset : state.page, last, lastPage, total, body };
			}
			if (pageCount >= MAX_PAGES) source.fail(`kept announcing more pages after ${MAX_PAGES} pages; stopped`);
			if (requestedUpTo < state.page) requestedUpTo = state.page;
		}
	} finally {
		// Pages requested ahead but not read (the walk ended or failed first): let them settle, so
		// nothing runs on after the walk.
		await Promise.allSettled(ahead.values());
	}
}
