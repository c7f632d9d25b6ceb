import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { toDateTime } from './format';
import type { HttpCall } from './lookups';
import { walkList } from './lookups';
import type { WalkOptions } from './pagination';
import type { ApiSpec, ListSpec } from './types';

/**
 * Polling triggers. Every rule about what a poll emits and how far its cursor moves lives here;
 * events only say how to read their list:
 *
 * - The cursor (a timestamp, plus the IDs seen at it) moves only to the newest record emitted, and
 *   never past now + CLOCK_SKEW_MS.
 * - Records dated beyond that, or without a usable date, are emitted once, remembered by ID (the
 *   last MAX_REMEMBERED_IDS), and leave the cursor alone.
 * - A read is limited to a page budget (the Max Pages per Poll option); a burst that does not fit is
 *   drained over the following polls, oldest first, instead of being dropped.
 * - The first poll after activation emits nothing: what the list holds then is the baseline, every
 *   record at its newest timestamp included.
 */

/** What one read of a "new record" event is asked for. */
export interface ReadRequest {
	/** The cursor (ms epoch); undefined on the first poll after activation. */
	since?: number;
	/** Latest usable timestamp (now + skew): later dates are not trusted for ordering. */
	horizon: number;
	/** Pages this read may request. */
	budget: number;
	/** Where an earlier read stopped (a burst being drained, the tail of an oldest-first list). */
	resume?: ReadPosition;
	/** Manual run: a short read whose newest record is the sample. */
	sample?: boolean;
}

/** A page to continue from, with the cursor the list was filtered by when it was taken. */
export interface ReadPosition {
	/** `newestFirst`: a burst is being drained; `oldestFirst`: the last page seen at the list's end. */
	order: 'newestFirst' | 'oldestFirst';
	page: number;
	since?: number;
}

export interface ReadResult {
	/**
	 * The records read. Together they hold every record dated after `since` up to the newest one
	 * returned, so the cursor may move to the newest one emitted. A read that could not reach back
	 * to `since` within its budget returns none, and a `resume` position.
	 */
	records: IDataObject[];
	resume?: ReadPosition;
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
	lastTimestamp: number;
	idsAtLastTimestamp: string[];
	/** IDs of records emitted outside the cursor (future-dated, undated), most recent last. */
	seen: string[];
	resume?: ReadPosition;
}

interface ChangedState {
	event: string;
	snapshot: Record<string, string>;
}

/** How far a vendor's clock may run ahead of n8n's before a date counts as "in the future". */
export const CLOCK_SKEW_MS = 5 * 60_000;
/** Records emitted outside the cursor that are remembered (by ID) so they are not emitted again. */
export const MAX_REMEMBERED_IDS = 2000;
/** Default page budget of one poll. */
export const DEFAULT_MAX_PAGES = 10;
/** A drained walk re-reads its last page, so it needs two pages to move on. */
export const MIN_PAGES = 2;
/** Records read for the manual sample. */
const SAMPLE_RECORDS = 10;

/** Parses a vendor timestamp to ms epoch (ISO, SQL `yyyy-MM-dd HH:mm:ss`, epoch seconds/ms). */
export function timestampOf(value: unknown): number | undefined {
	if (typeof value === 'number') return Number.isFinite(value) ? (value < 1e12 ? value * 1000 : value) : undefined;
	const parsed = toDateTime(value, 'utc');
	return parsed ? parsed.toMillis() : undefined;
}

const toItems = (records: IDataObject[]): INodeExecutionData[] => records.map((json) => ({ json }));

const byTime = (a: { ts: number; id: string }, b: { ts: number; id: string }) =>
	a.ts - b.ts || a.id.localeCompare(b.id, undefined, { numeric: true });

/** Keeps `ids` (refreshed to the end) in the remembered list, dropping the oldest beyond the bound. */
function remember(previous: string[], ids: string[]): string[] {
	const fresh = new Set(ids);
	return [...previous.filter((id) => !fresh.has(id)), ...fresh].slice(-MAX_REMEMBERED_IDS);
}

async function pollNew(ctx: IPollFunctions, event: NewRecordEvent): Promise<INodeExecutionData[][] | null> {
	const data = ctx.getWorkflowStaticData('node') as Partial<NewState>;
	const state: NewState | undefined =
		data.event === event.value && typeof data.lastTimestamp === 'number'
			? { ...(data as NewState), seen: data.seen ?? [] }
			: undefined;
	const horizon = Date.now() + CLOCK_SKEW_MS;
	const budget = event.paged ? Math.max(MIN_PAGES, Number(ctx.getNodeParameter('maxPagesPerPoll', DEFAULT_MAX_PAGES)) || 0) : 1;
	const manual = ctx.getMode() === 'manual';
	const { records, resume } = await event.read(ctx, {
		since: manual ? undefined : state?.lastTimestamp,
		horizon,
		budget,
		resume: manual ? undefined : state?.resume,
		sample: manual,
	});

	const dated: Array<{ record: IDataObject; ts: number; id: string }> = [];
	const undated: Array<{ record: IDataObject; id: string }> = [];
	const ids = new Set<string>();
	for (const record of records) {
		const id = event.id(record);
		if (id === undefined || id === '') {
			ctx.logger.warn(`${ctx.getNode().name}: skipped a record without an ID`, { event: event.value });
			continue;
		}
		if (ids.has(id)) continue;
		ids.add(id);
		const ts = event.timestamp(record);
		if (ts !== undefined && ts <= horizon) dated.push({ record, ts, id });
		else undated.push({ record, id });
	}
	dated.sort(byTime);

	if (manual) {
		const sample = dated[dated.length - 1]?.record ?? undated[0]?.record;
		return sample ? [toItems([sample])] : null;
	}

	const save = (next: NewState) => {
		Object.assign(data, next);
		if (!next.resume) delete data.resume;
	};
	if (!state) {
		// First poll after activation: everything there now is the baseline, nothing is emitted.
		const newest = dated.length ? dated[dated.length - 1].ts : 0;
		save({
			event: event.value,
			lastTimestamp: newest,
			idsAtLastTimestamp: dated.filter((r) => r.ts === newest).map((r) => r.id),
			seen: remember([], undated.map((r) => r.id)),
			resume,
		});
		return null;
	}

	const seen = new Set(state.seen);
	const atCursor = new Set(state.idsAtLastTimestamp);
	const freshDated = dated.filter(
		(r) => !seen.has(r.id) && (r.ts > state.lastTimestamp || (r.ts === state.lastTimestamp && !atCursor.has(r.id))),
	);
	const freshUndated = undated.filter((r) => !seen.has(r.id));
	let { lastTimestamp, idsAtLastTimestamp } = state;
	if (freshDated.length) {
		const last = freshDated[freshDated.length - 1].ts;
		const idsAtLast = freshDated.filter((r) => r.ts === last).map((r) => r.id);
		idsAtLastTimestamp = last === lastTimestamp ? [...idsAtLastTimestamp, ...idsAtLast] : idsAtLast;
		lastTimestamp = last;
	}
	save({
		event: event.value,
		lastTimestamp,
		idsAtLastTimestamp,
		seen: remember(state.seen, undated.map((r) => r.id)),
		resume,
	});
	const emitted = [...freshDated, ...freshUndated];
	return emitted.length ? [toItems(emitted.map((r) => r.record))] : null;
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
function ascends(page: IDataObject[], timestamp: (record: IDataObject) => number | undefined): boolean {
	const times = page.map(timestamp).filter((ts): ts is number => ts !== undefined);
	return times.length > 1 && times[0] < times[times.length - 1];
}

/**
 * Reads a list for a "new record" event within the page budget.
 *
 * - `newestFirst` (the event asks the API for it): walks from the top until a page reaches records
 *   older than the cursor. A burst deeper than the budget is walked over several polls (from where
 *   the last one stopped) and emitted once the walk reaches the cursor, oldest pages first; then
 *   the following polls work their way back up.
 * - `unknown` (the API has no sort parameter): page 1 tells the order. Newest first is walked as
 *   above; oldest first is read from the last page seen at the end of the list (the first time: the
 *   last page the server announces), so new records are reached without walking the whole list.
 * - A list without pages is read whole; its order does not matter.
 */
async function readList(
	ctx: IPollFunctions,
	spec: ListEventSpec,
	timestamp: (record: IDataObject) => number | undefined,
	request: ReadRequest,
): Promise<ReadResult> {
	const since = request.resume ? request.resume.since : request.since;
	const walk = async (options: WalkOptions) =>
		await walkList(ctx, spec.api, { ...spec.call(ctx, since), list: spec.list }, { pageSize: spec.pageSize, ...options });
	if (request.sample) return { records: (await walk({ pageSize: spec.pageSize ?? SAMPLE_RECORDS, maxPages: 1 })).records };

	const dated = (record: IDataObject) => {
		const ts = timestamp(record);
		return ts !== undefined && ts <= request.horizon ? ts : undefined;
	};
	// After activation: stop at records older than the cursor. At activation: stop once a page
	// reaches below the newest timestamp, so every record at that timestamp joins the baseline.
	let newest = -Infinity;
	const enough = (page: IDataObject[]) => {
		const times = page.map(dated).filter((ts): ts is number => ts !== undefined);
		if (request.since !== undefined) return times.some((ts) => ts < request.since!);
		newest = Math.max(newest, ...times);
		return times.some((ts) => ts < newest);
	};
	const tailFrom = async (start: number): Promise<ReadResult> => {
		const tail = await walk({ start, maxPages: request.budget });
		return { records: tail.records, resume: { order: 'oldestFirst', page: tail.next ?? tail.lastPage ?? start, since } };
	};

	let order = spec.order === 'newestFirst' ? spec.order : request.resume?.order;
	let head: IDataObject[] = [];
	if (!order) {
		const first = await walk({ maxPages: 1 });
		if (first.next === undefined) return { records: first.records };
		if (ascends(first.records, dated)) return await tailFrom(first.lastPage ?? 1);
		if (enough(first.records)) return { records: first.records };
		order = 'newestFirst';
		head = first.records;
	}
	if (order === 'oldestFirst') return await tailFrom(request.resume!.page);

	const start = request.resume?.page ?? (head.length ? 2 : undefined);
	const rest = await walk({ start, maxPages: request.budget - (head.length ? 1 : 0), enough });
	const records = [...head, ...rest.records];
	if (request.since === undefined) return { records };
	if (rest.next === undefined) {
		// Reached the cursor from deep down: the rest of the burst lies on the pages above, so the
		// next poll starts there rather than walking down from the top again.
		const above = (start ?? 1) - (request.budget - 1);
		return { records, resume: request.resume && above > 1 ? { order, page: above, since } : undefined };
	}
	// The budget ran out before the cursor: nothing can be emitted in order yet. The next poll goes
	// on from the last page read, so the walk that reaches the cursor holds the records right after it.
	return { records: [], resume: { order, page: rest.last ?? rest.next, since } };
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

/** A "new record" event over a list (see readList for how the list is walked). */
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
		read: async (ctx, request) => await readList(ctx, spec, timestamp, request),
	};
}

/** A record's `id` as text; undefined when it has none. */
export const recordId = (record: IDataObject): string | undefined =>
	record.id === undefined || record.id === null ? undefined : String(record.id);
