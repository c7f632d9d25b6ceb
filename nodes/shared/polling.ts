import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { toDateTime } from './format';
import type { HttpCall } from './request';
import { walkList } from './request';
import { resolveStyle } from './pagination';
import type { ApiSpec, ListSpec } from './types';

/**
 * Polling triggers. Every rule about what a poll emits and how far its cursor moves lives here;
 * events only say how to read their list:
 *
 * - The cursor is a low-water mark taken from the vendor's own dates (never n8n's clock): the newest
 *   date the poll read completely, minus the lookback window. Each poll reads back to the mark and
 *   emits the records whose ID it has not remembered; the IDs remembered are exactly those dated
 *   inside the window (evicted as the mark moves), so a record that shows up late, dated before
 *   records already emitted, is still emitted once.
 * - Records without a usable date (none, unparsable, or more than FUTURE_LIMIT_MS ahead of n8n's
 *   clock) are remembered by ID for as long as the list shows them; they never move the mark.
 * - Over MAX_REMEMBERED_IDS dated IDs, the window shrinks (the mark moves up) with a warning,
 *   instead of forgetting IDs and repeating records.
 * - A read is limited to a page budget (the Max Pages per Poll option). A burst that does not fit
 *   is drained oldest first, starting with the first poll after it, over about burst / budget polls.
 * - The pages of one read must agree (no page repeated, no change of the list's size); otherwise the
 *   read starts over once, then the poll fails with the cursor kept.
 * - The first poll after activation emits nothing: what the list holds then is the baseline.
 */

/** What one read of a "new record" event is asked for. */
export interface ReadRequest {
	/** The mark (ms epoch); undefined on the first poll after activation. */
	since?: number;
	/** The record's usable date (undefined: none, or too far ahead to be trusted for ordering). */
	dateOf: (record: IDataObject) => number | undefined;
	/** The lookback window (ms): at activation, the read reaches this far below the newest record. */
	window: number;
	/** Pages this read may request. */
	budget: number;
	/** Where the last read found the list's boundary. */
	hint?: ListHint;
	/** Manual run: a short read whose newest record is the sample. */
	sample?: boolean;
}

/** Where a list stood at the last poll, so the next one finds the records after the mark quickly. */
export interface ListHint {
	order: 'newestFirst' | 'oldestFirst';
	/** The page holding the mark, as last seen. */
	page: number;
	/** The list's size then, and the position (from the newest end) of the first record below the mark. */
	total?: number;
	index?: number;
	/** A burst being drained: the next poll goes on from this date (the older part was emitted). */
	from?: number;
}

export interface ReadResult {
	/** The records read. */
	records: IDataObject[];
	/**
	 * The read holds every record dated from `since` up to this date, and maybe some newer ones that
	 * must wait (a burst drained oldest first). Undefined: every record from `since` up.
	 */
	upTo?: number;
	/** At activation: the read holds every record from this date up (it could not reach the window). */
	from?: number;
	/** The whole list was read: remembered undated IDs it no longer shows can be forgotten. */
	complete?: boolean;
	hint?: ListHint;
}

/** A trigger event that emits records appearing in a list ("New contact", "New payment"). */
export interface NewRecordEvent {
	kind: 'new';
	value: string;
	name: string;
	description: string;
	read(ctx: IPollFunctions, request: ReadRequest): Promise<ReadResult>;
	timestamp(record: IDataObject): number | undefined;
	id(record: IDataObject): string | undefined;
	/** Whether the event pages through a list (the page budget option applies). */
	paged?: boolean;
}

/** A trigger event that emits records whose watched value changed ("Order status changed"). */
export interface ChangedRecordEvent {
	kind: 'changed';
	value: string;
	name: string;
	description: string;
	/** The whole list; a response that holds no list must throw (never read as "no records"). */
	fetch(ctx: IPollFunctions): Promise<IDataObject[]>;
	/** The record's key; undefined when it has none (the record is skipped). */
	id(record: IDataObject): string | undefined;
	/** The watched value (compared as JSON). */
	watch(record: IDataObject): unknown;
	/** Name of the output field that carries the previous value. */
	previousField: string;
	/** Only records for which this holds are emitted (e.g. "is completed now"). */
	emitWhen?: (record: IDataObject) => boolean;
	/** Also emit records that were not there at the previous poll (when `emitWhen` holds). */
	includeNew?: boolean;
	/** What the snapshot is about (e.g. the chosen course): a change of scope starts afresh. */
	scope?: (ctx: IPollFunctions) => string;
}

export type PollEvent = NewRecordEvent | ChangedRecordEvent;

interface NewState {
	event: string;
	/** The low-water mark (vendor ms epoch): records dated before it are not looked at. */
	mark: number;
	/** ID (as text, exact) -> its date; null for records without a usable date. */
	ids: Record<string, number | null>;
	hint?: ListHint;
}

interface ChangedState {
	event: string;
	snapshot: Record<string, string>;
}

/** Default lookback window, in minutes: covers ordinary replica lag and slow commits. */
export const DEFAULT_LOOKBACK_MINUTES = 10;
/** A date further ahead of n8n's clock than this is a typo, not clock skew: it is not used for ordering. */
export const FUTURE_LIMIT_MS = 24 * 60 * 60_000;
/** Dated IDs remembered at most: beyond, the window shrinks (with a warning) rather than repeat records. */
export const MAX_REMEMBERED_IDS = 10_000;
/** Default page budget of one poll. */
export const DEFAULT_MAX_PAGES = 10;
/** A drain reads the top page, the page holding the mark and at least one page above it. */
export const MIN_PAGES = 3;
/** Records read for the manual sample. */
const SAMPLE_RECORDS = 10;

/** Parses a vendor timestamp to ms epoch (ISO, SQL `yyyy-MM-dd HH:mm:ss`, epoch seconds/ms). */
export function timestampOf(value: unknown): number | undefined {
	if (typeof value === 'number') return Number.isFinite(value) ? (value < 1e12 ? value * 1000 : value) : undefined;
	const parsed = toDateTime(value, 'utc');
	return parsed ? parsed.toMillis() : undefined;
}

const toItems = (records: IDataObject[]): INodeExecutionData[] => records.map((json) => ({ json }));

/** Numeric IDs in numeric order however long (compared as text, never as JavaScript numbers). */
function byId(a: string, b: string): number {
	const numeric = /^\d+$/;
	if (numeric.test(a) && numeric.test(b)) return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
	return a < b ? -1 : a > b ? 1 : 0;
}

const byTime = (a: { ts: number; id: string }, b: { ts: number; id: string }) => a.ts - b.ts || byId(a.id, b.id);

/** The state of an event; a cursor of the earlier format (timestamp + IDs at it) is carried over. */
function loadState(data: IDataObject, event: string): NewState | undefined {
	if (data.event !== event) return undefined;
	if (typeof data.mark === 'number' && data.ids && typeof data.ids === 'object') return data as unknown as NewState;
	if (typeof data.lastTimestamp !== 'number') return undefined;
	const ids: Record<string, number | null> = {};
	for (const id of (data.seen as string[] | undefined) ?? []) ids[id] = null;
	for (const id of (data.idsAtLastTimestamp as string[] | undefined) ?? []) ids[id] = data.lastTimestamp;
	return { event, mark: data.lastTimestamp, ids };
}

async function pollNew(ctx: IPollFunctions, event: NewRecordEvent): Promise<INodeExecutionData[][] | null> {
	const data = ctx.getWorkflowStaticData('node');
	const state = loadState(data, event.value);
	const limit = Date.now() + FUTURE_LIMIT_MS;
	const dateOf = (record: IDataObject) => {
		const ts = event.timestamp(record);
		return ts !== undefined && ts <= limit ? ts : undefined;
	};
	const minutes = Number(ctx.getNodeParameter('lookbackMinutes', DEFAULT_LOOKBACK_MINUTES));
	const window = (Number.isFinite(minutes) && minutes >= 0 ? minutes : DEFAULT_LOOKBACK_MINUTES) * 60_000;
	const budget = event.paged ? Math.max(MIN_PAGES, Number(ctx.getNodeParameter('maxPagesPerPoll', DEFAULT_MAX_PAGES)) || 0) : 1;
	const manual = ctx.getMode() === 'manual';
	const read = await event.read(ctx, {
		since: manual ? undefined : state?.mark,
		dateOf,
		window,
		budget,
		hint: manual ? undefined : state?.hint,
		sample: manual,
	});

	const dated: Array<{ record: IDataObject; ts: number; id: string }> = [];
	const undated: Array<{ record: IDataObject; id: string }> = [];
	const ids = new Set<string>();
	for (const record of read.records) {
		const id = event.id(record);
		if (id === undefined || id === '') {
			ctx.logger.warn(`${ctx.getNode().name}: skipped a record without an ID`, { event: event.value });
			continue;
		}
		if (ids.has(id)) continue;
		ids.add(id);
		const ts = dateOf(record);
		if (ts !== undefined) dated.push({ record, ts, id });
		else undated.push({ record, id });
	}
	dated.sort(byTime);

	if (manual) {
		const sample = dated[dated.length - 1]?.record ?? undated[0]?.record;
		return sample ? [toItems([sample])] : null;
	}

	const upTo = read.upTo ?? Infinity;
	const held = dated.filter((r) => r.ts <= upTo && (state === undefined || r.ts >= state.mark));
	const newest = held.length ? held[held.length - 1].ts : undefined;
	let mark = state?.mark ?? 0;
	if (newest !== undefined) mark = Math.max(mark, newest - window, state ? -Infinity : (read.from ?? -Infinity));
	// A Map: an ID such as "constructor" or "__proto__" is an ID like any other.
	const known = new Map(Object.entries(state?.ids ?? {}));
	const fresh = state ? held.filter((r) => !known.has(r.id)) : [];
	const freshUndated = state ? undated.filter((r) => !known.has(r.id)) : [];

	// The IDs inside the window: those remembered, those read (emitted now or part of the baseline).
	const next = new Map<string, number | null>();
	for (const [id, ts] of known) {
		if (ts === null ? !read.complete || ids.has(id) : ts >= mark) next.set(id, ts);
	}
	for (const r of held) {
		const before = next.get(r.id);
		if (r.ts >= mark) next.set(r.id, typeof before === 'number' ? Math.max(before, r.ts) : r.ts);
	}
	for (const r of undated) if (!next.has(r.id)) next.set(r.id, null);
	mark = capWindow(ctx, event, next, mark);

	const saved: NewState = { event: event.value, mark, ids: Object.fromEntries(next), ...(read.hint ? { hint: read.hint } : {}) };
	for (const key of Object.keys(data)) delete data[key];
	Object.assign(data, saved);
	const emitted = [...fresh, ...freshUndated];
	return emitted.length ? [toItems(emitted.map((r) => r.record))] : null;
}

/**
 * Over MAX_REMEMBERED_IDS dated IDs, moves the mark up to the oldest of the newest ones kept: records
 * dated below it are no longer looked at (a late one there would be missed, never repeated).
 */
function capWindow(ctx: IPollFunctions, event: NewRecordEvent, ids: Map<string, number | null>, mark: number): number {
	const dates = [...ids.values()].filter((ts): ts is number => ts !== null);
	const undated = ids.size - dates.length;
	if (undated > MAX_REMEMBERED_IDS) {
		ctx.logger.warn(
			`${ctx.getNode().name}: ${undated} records without a usable date are remembered (more than ${MAX_REMEMBERED_IDS}); each is still emitted once`,
			{ event: event.value },
		);
	}
	if (dates.length <= MAX_REMEMBERED_IDS) return mark;
	dates.sort((a, b) => b - a);
	const raised = dates[MAX_REMEMBERED_IDS - 1];
	for (const [id, ts] of ids) if (ts !== null && ts < raised) ids.delete(id);
	ctx.logger.warn(
		`${ctx.getNode().name}: more than ${MAX_REMEMBERED_IDS} records inside the lookback window; the window was shortened to the newest ${MAX_REMEMBERED_IDS} (records arriving later than that are missed)`,
		{ event: event.value },
	);
	return Math.max(mark, raised);
}

async function pollChanged(ctx: IPollFunctions, event: ChangedRecordEvent): Promise<INodeExecutionData[][] | null> {
	const data = ctx.getWorkflowStaticData('node') as Partial<ChangedState>;
	const stateKey = event.scope ? `${event.value}:${event.scope(ctx)}` : event.value;
	const emittable = (record: IDataObject) => event.emitWhen?.(record) ?? true;
	const records: Array<{ record: IDataObject; id: string }> = [];
	let keyless = 0;
	for (const record of await event.fetch(ctx)) {
		const id = event.id(record);
		if (id === undefined || id === '') keyless++;
		else records.push({ record, id });
	}
	if (keyless) {
		ctx.logger.warn(`${ctx.getNode().name}: skipped ${keyless} record(s) without an ID`, { event: event.value });
	}
	const current: Record<string, string> = {};
	for (const { record, id } of records) current[id] = JSON.stringify(event.watch(record) ?? null);
	if (ctx.getMode() === 'manual') {
		const sample = records.find((r) => emittable(r.record))?.record;
		return sample ? [toItems([{ ...sample, [event.previousField]: null }])] : null;
	}
	const previous = data.event === stateKey ? data.snapshot : undefined;
	if (previous && Object.keys(previous).length && !records.length) {
		// An empty answer after a non-empty one is more likely a glitch than a wiped account: keep
		// the last good snapshot, so that nothing is emitted twice or missed once the list is back.
		ctx.logger.warn(`${ctx.getNode().name}: the list came back empty; kept the previous snapshot`, { event: event.value });
		return null;
	}
	data.event = stateKey;
	data.snapshot = current;
	if (!previous) return null;
	const changed = records.filter(({ record, id }) => {
		const before = previous[id];
		if (before === undefined && !event.includeNew) return false;
		return before !== current[id] && emittable(record);
	});
	if (!changed.length) return null;
	const previousValue = (id: string) => {
		const before = previous[id];
		return before === undefined ? null : (JSON.parse(before) as IDataObject[string]);
	};
	return [toItems(changed.map(({ record, id }) => ({ ...record, [event.previousField]: previousValue(id) })))];
}

/** Runs one poll of the event chosen in the trigger's `event` parameter. */
export async function pollEvent(ctx: IPollFunctions, events: PollEvent[]): Promise<INodeExecutionData[][] | null> {
	const value = ctx.getNodeParameter('event') as string;
	const event = events.find((e) => e.value === value);
	if (!event) throw new NodeOperationError(ctx.getNode(), `Unknown event "${value}"`);
	return event.kind === 'new' ? await pollNew(ctx, event) : await pollChanged(ctx, event);
}

/** Whether the dated records of a page ascend (oldest first); undecided pages count as newest first. */
function ascends(page: IDataObject[], dateOf: (record: IDataObject) => number | undefined): boolean {
	const times = page.map(dateOf).filter((ts): ts is number => ts !== undefined);
	return times.length > 1 && times[0] < times[times.length - 1];
}

/** One page of a list as a poll read it: its number, records, and the list's size as it reported it. */
export interface ReadPage {
	number: number;
	records: IDataObject[];
	total?: number;
	lastPage?: number;
}

/**
 * Why the pages one poll read cannot be trusted together, or undefined when they can: a page that
 * repeats another (broken paging, a caching proxy), or a list whose size changed between two pages
 * (records deleted or added during the walk shift the pages, so records at the page boundaries
 * escape it). Works on the pages however they were fetched.
 */
export function pagesDisagree(pages: ReadPage[]): string | undefined {
	const seen = new Map<string, number>();
	for (const page of pages) {
		if (!page.records.length) continue;
		const key = JSON.stringify(page.records);
		const other = seen.get(key);
		if (other !== undefined && other !== page.number) return `page ${page.number} came back with the records of page ${other}`;
		seen.set(key, page.number);
	}
	for (const [field, what] of [['total', 'size'], ['lastPage', 'page count']] as const) {
		const values = pages.map((p) => p[field]).filter((v): v is number => v !== undefined);
		const changed = values.find((v) => v !== values[0]);
		if (changed !== undefined) return `the list's ${what} changed from ${values[0]} to ${changed} while it was read`;
	}
	return undefined;
}

interface FetchedPage extends ReadPage {
	/** Whether the server announces a page after this one. */
	more: boolean;
}

/** Fetches the pages of one read: undefined once the budget is spent or the pages disagree. */
type Fetch = (number: number) => Promise<FetchedPage | undefined>;

/**
 * Reads a list for a "new record" event within the page budget, reading again once when its pages
 * disagree (see pagesDisagree), then failing: a poll never moves on over a list that moved under it.
 * A list without pages is read whole.
 */
async function readList(ctx: IPollFunctions, spec: ListEventSpec, request: ReadRequest): Promise<ReadResult> {
	const call = { ...spec.call(ctx, request.since), list: spec.list };
	if (request.sample) {
		return { records: (await walkList(ctx, spec.api, call, { pageSize: spec.pageSize ?? SAMPLE_RECORDS, maxPages: 1 })).records };
	}
	if (!spec.list.pagination) return { records: (await walkList(ctx, spec.api, call)).records, complete: true };
	const style = resolveStyle(spec.list.pagination);
	const size = spec.pageSize ?? style.defaultMaxSize;
	for (let attempt = 1; ; attempt++) {
		const pages: FetchedPage[] = [];
		let problem: string | undefined;
		const fetch: Fetch = async (number) => {
			const known = pages.find((p) => p.number === number);
			if (known || problem || pages.length >= request.budget) return problem ? undefined : known;
			const start = style.usesOffset ? (number - 1) * size : style.first + number - 1;
			const walked = await walkList(ctx, spec.api, call, { pageSize: size, start, maxPages: 1 });
			const page = { number, records: walked.records, total: walked.total, lastPage: walked.lastPage, more: walked.next !== undefined };
			pages.push(page);
			problem = pagesDisagree(pages);
			return problem ? undefined : page;
		};
		const result = await readPages(fetch, request, spec.order, size);
		if (!problem) return result;
		if (attempt >= 2) {
			throw new NodeOperationError(ctx.getNode(), `The list changed while it was read: ${problem}`, {
				description:
					'Nothing was emitted and the cursor was kept, so no record is skipped: the next poll reads the list again. If this repeats, the API (or a proxy in front of it) is not paging consistently.',
			});
		}
	}
}

const datesOf = (page: ReadPage, dateOf: (record: IDataObject) => number | undefined) =>
	page.records.map(dateOf).filter((ts): ts is number => ts !== undefined);

/**
 * Walks the pages of a list, newest first or oldest first, to the mark. A burst deeper than the
 * budget is read from the mark towards the newest records (oldest first): the page holding the
 * mark is found from where it was at the last poll (corrected by the change in the list's size),
 * galloping and halving from there, and the read goes on to the newer pages while the budget lasts.
 */
async function readPages(fetch: Fetch, request: ReadRequest, order: ListEventSpec['order'], size: number): Promise<ReadResult> {
	const { dateOf, hint } = request;
	const all = (pages: FetchedPage[]) => pages.flatMap((p) => p.records);
	// A drain goes on from where the last poll stopped; otherwise the read reaches back to the mark.
	const from = request.since === undefined ? undefined : (hint?.from ?? request.since);
	const below = (page: ReadPage, ts: number) => datesOf(page, dateOf).some((t) => t < ts);
	const oldestOf = (pages: FetchedPage[]) => Math.min(...pages.flatMap((p) => datesOf(p, dateOf)));
	/** Position (from the top) of the first record dated before `ts`, for the next poll's guess. */
	const indexBelow = (pages: FetchedPage[], ts: number) => {
		for (const page of [...pages].sort((a, b) => a.number - b.number)) {
			const at = page.records.findIndex((r) => (dateOf(r) ?? Infinity) < ts);
			if (at !== -1) return (page.number - 1) * size + at;
		}
		return undefined;
	};

	/** Where the next poll's mark will be (a window below the newest record read), to find it again. */
	const nextMark = (pages: FetchedPage[]) =>
		Math.max(from ?? -Infinity, Math.max(...pages.flatMap((p) => datesOf(p, dateOf))) - request.window);

	let first: FetchedPage | undefined;
	let direction = order === 'newestFirst' ? order : hint?.order;
	if (!direction || direction === 'newestFirst') {
		first = await fetch(1);
		if (!first) return { records: [], upTo: -Infinity };
		direction ??= ascends(first.records, dateOf) ? 'oldestFirst' : 'newestFirst';
		if (!first.more) {
			const index = direction === 'newestFirst' ? indexBelow([first], nextMark([first])) : undefined;
			return { records: first.records, complete: true, hint: { order: direction, page: 1, total: first.total, index } };
		}
	}

	if (direction === 'newestFirst') {
		const top = first!;
		const total = top.total;
		if (from === undefined) {
			// Activation: down to the window below the newest record, so every record inside it is known.
			const read = [top];
			let newest = -Infinity;
			for (let page: FetchedPage | undefined = top; ; ) {
				newest = Math.max(newest, ...datesOf(page, dateOf));
				if (below(page, newest - request.window) || !page.more) {
					const index = indexBelow(read, newest - request.window);
					return { records: all(read), complete: !page.more, hint: { order: 'newestFirst', page: page.number, total, index } };
				}
				const next: FetchedPage | undefined = await fetch(page.number + 1);
				if (!next) return { records: all(read), from: oldestOf(read) + 1, hint: { order: 'newestFirst', page: page.number, total } };
				read.push(next);
				page = next;
			}
		}
		if (below(top, from)) return { records: top.records, hint: { order: 'newestFirst', page: 1, total, index: indexBelow([top], nextMark([top])) } };
		// The mark is deeper than page 1: find the first page that reaches below it (or the list's end).
		const pages: FetchedPage[] = [top];
		let lo = 1;
		let hi: number | undefined;
		const probe = async (number: number) => {
			const page = await fetch(number);
			if (!page) return false;
			pages.push(page);
			if (!page.records.length || !page.more || below(page, from)) hi = Math.min(hi ?? number, number);
			else lo = Math.max(lo, number);
			return true;
		};
		const moved = hint?.index !== undefined && hint.total !== undefined && total !== undefined ? total - hint.total : 0;
		const guess = hint?.index !== undefined ? Math.floor((hint.index + moved) / size) + 1 : (hint?.page ?? 2);
		let found = await probe(Math.max(2, guess));
		for (let step = 1; found && hi === undefined; step *= 2) found = await probe(Math.min(lo + step, top.lastPage ?? Infinity));
		// Narrow it down while that leaves pages to read; reading up from a deeper page only costs pages.
		for (let step = 1; found && hi! - lo > 1 && request.budget - pages.length > 2; step *= 2) {
			found = await probe(step * 2 < hi! - lo ? hi! - step : Math.floor((lo + hi!) / 2));
		}
		// Reading starts on a page that reaches below the mark, or on the list's last page.
		const start = hi !== undefined && pages.find((p) => p.number === hi)!.records.length ? hi : hi === lo + 1 ? lo : undefined;
		if (start === undefined) return { records: [], upTo: -Infinity, hint: { ...hint, order: 'newestFirst', page: lo + 1, index: undefined } };
		const up: FetchedPage[] = [];
		for (let number = start; number >= 1; number--) {
			const page = await fetch(number);
			if (!page) break;
			up.push(page);
		}
		const last = up[up.length - 1];
		if (!last) return { records: [], upTo: -Infinity, hint };
		if (last.number === 1) return { records: all(up), hint: { order: 'newestFirst', page: start, total, index: indexBelow(up, nextMark(up)) } };
		// Only the oldest part of the burst was reached: it is emitted now, the rest at the next polls.
		const upTo = Math.max(...datesOf(last, dateOf)) - 1;
		return { records: all(up), upTo, hint: { order: 'newestFirst', page: last.number, total, index: (last.number - 1) * size, from: upTo + 1 } };
	}

	// Oldest first: new records are at the end. Start at the page that held the mark last time (at
	// activation: the last page), step back until a page reaches below the mark, then read forward.
	let number = hint?.page ?? first?.lastPage ?? 1;
	const read: FetchedPage[] = [];
	if (from === undefined) {
		let newest = -Infinity;
		for (;;) {
			const page = await fetch(number);
			if (!page) {
				if (!read.length) return { records: [], upTo: -Infinity };
				return { records: all(read), from: oldestOf(read) + 1, hint: { order: 'oldestFirst', page: number + 1 } };
			}
			read.unshift(page);
			newest = Math.max(newest, ...datesOf(page, dateOf));
			if (number === 1 || below(page, newest - request.window)) return { records: all(read), hint: { order: 'oldestFirst', page: number } };
			number--;
		}
	}
	let page = await fetch(number);
	for (let step = 1; page && number > 1 && (!page.records.length || !below(page, from)); step *= 2) {
		number = Math.max(1, number - step);
		page = await fetch(number);
	}
	if (!page) return { records: [], upTo: -Infinity, hint };
	read.push(page);
	while (page.more) {
		const next: FetchedPage | undefined = await fetch(page.number + 1);
		if (!next) {
			// A burst: the oldest part is emitted now, the next poll goes on from here.
			const upTo = Math.max(...datesOf(page, dateOf)) - 1;
			return { records: all(read), upTo, hint: { order: 'oldestFirst', page: page.number, from: upTo + 1 } };
		}
		read.push(next);
		page = next;
	}
	// The page holding the next mark (a window below the newest record) is where the next poll starts.
	const newest = Math.max(...read.flatMap((p) => datesOf(p, dateOf)));
	const next = [...read].reverse().find((p) => below(p, newest - request.window)) ?? read[0];
	return { records: all(read), complete: read[0].number === 1, hint: { order: 'oldestFirst', page: next.number } };
}

export interface ListEventSpec {
	value: string;
	name: string;
	description: string;
	api: ApiSpec;
	/** The record's timestamp field (ISO, SQL or epoch). */
	timestampField: string;
	/**
	 * The order of the list: `newestFirst` when the request asks for it (a sort parameter),
	 * `unknown` when the API offers no way to ask.
	 */
	order: 'newestFirst' | 'unknown';
	/** Where the records are and how the list pages (none: read whole). */
	list: ListSpec;
	/** The request; it may depend on the cursor (a date filter) and on the node's parameters. */
	call: (ctx: IPollFunctions, since: number | undefined) => HttpCall;
	/** Page size to ask for (default: the pagination style's largest). */
	pageSize?: number;
	id?: (record: IDataObject) => string | undefined;
}

/** A "new record" event over a list (see readPages for how the list is walked). */
export function listEvent(spec: ListEventSpec): NewRecordEvent {
	const timestamp = (record: IDataObject) => timestampOf(record[spec.timestampField]);
	return {
		kind: 'new',
		value: spec.value,
		name: spec.name,
		description: spec.description,
		timestamp,
		id: spec.id ?? recordId,
		paged: !!spec.list.pagination,
		read: async (ctx, request) => await readList(ctx, spec, request),
	};
}

/** A record's `id` as text; undefined when it has none. */
export const recordId = (record: IDataObject): string | undefined =>
	record.id === undefined || record.id === null ? undefined : String(record.id);
