import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { toDateTime } from './format';
import type { ListCall } from './lookups';
import { walkList } from './lookups';
import type { ApiSpec } from './types';

/** A trigger event that emits records appearing in a list ("New contact", "New payment"). */
export interface NewRecordEvent {
	kind: 'new';
	value: string;
	name: string;
	description: string;
	/** Records at or after `since` (ms epoch; undefined on the first poll: the newest few suffice). */
	fetch(ctx: IPollFunctions, since: number | undefined): Promise<IDataObject[]>;
	timestamp(record: IDataObject): number | undefined;
	id(record: IDataObject): string;
}

/** A trigger event that emits records whose watched value changed ("Order status changed"). */
export interface ChangedRecordEvent {
	kind: 'changed';
	value: string;
	name: string;
	description: string;
	fetch(ctx: IPollFunctions): Promise<IDataObject[]>;
	id(record: IDataObject): string;
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
}

interface ChangedState {
	event: string;
	snapshot: Record<string, string>;
}

/** Parses a vendor timestamp to ms epoch (ISO, SQL `yyyy-MM-dd HH:mm:ss`, epoch seconds/ms). */
export function timestampOf(value: unknown): number | undefined {
	if (typeof value === 'number') return value < 1e12 ? value * 1000 : value;
	const parsed = toDateTime(value, 'utc');
	return parsed ? parsed.toMillis() : undefined;
}

const toItems = (records: IDataObject[]): INodeExecutionData[] => records.map((json) => ({ json }));

async function pollNew(ctx: IPollFunctions, event: NewRecordEvent): Promise<INodeExecutionData[][] | null> {
	const data = ctx.getWorkflowStaticData('node') as Partial<NewState>;
	const state: NewState | undefined =
		data.event === event.value && typeof data.lastTimestamp === 'number'
			? (data as NewState)
			: undefined;
	const manual = ctx.getMode() === 'manual';
	const records = await event.fetch(ctx, manual ? undefined : state?.lastTimestamp);
	const stamped = records
		.map((record) => ({ record, ts: event.timestamp(record), id: event.id(record) }))
		.filter((r): r is { record: IDataObject; ts: number; id: string } => r.ts !== undefined);
	stamped.sort((a, b) => a.ts - b.ts || a.id.localeCompare(b.id, undefined, { numeric: true }));
	if (manual) {
		const newest = stamped[stamped.length - 1];
		return newest ? [toItems([newest.record])] : null;
	}
	const save = (lastTimestamp: number, ids: string[]) => {
		data.event = event.value;
		data.lastTimestamp = lastTimestamp;
		data.idsAtLastTimestamp = ids;
	};
	if (!state) {
		// First poll after activation: remember where we are, emit nothing (no history flood).
		const newest = stamped.length ? stamped[stamped.length - 1].ts : Date.now();
		save(newest, stamped.filter((r) => r.ts === newest).map((r) => r.id));
		return null;
	}
	const known = new Set(state.idsAtLastTimestamp);
	const fresh = stamped.filter(
		(r) => r.ts > state.lastTimestamp || (r.ts === state.lastTimestamp && !known.has(r.id)),
	);
	const unique = fresh.filter((r, i) => fresh.findIndex((o) => o.id === r.id) === i);
	if (!unique.length) return null;
	const last = unique[unique.length - 1].ts;
	const idsAtLast = unique.filter((r) => r.ts === last).map((r) => r.id);
	save(last, last === state.lastTimestamp ? [...state.idsAtLastTimestamp, ...idsAtLast] : idsAtLast);
	return [toItems(unique.map((r) => r.record))];
}

async function pollChanged(ctx: IPollFunctions, event: ChangedRecordEvent): Promise<INodeExecutionData[][] | null> {
	const data = ctx.getWorkflowStaticData('node') as Partial<ChangedState>;
	const stateKey = event.scope ? `${event.value}:${event.scope(ctx)}` : event.value;
	const emittable = (record: IDataObject) => event.emitWhen?.(record) ?? true;
	const records = await event.fetch(ctx);
	const current: Record<string, string> = {};
	for (const record of records) current[event.id(record)] = JSON.stringify(event.watch(record) ?? null);
	if (ctx.getMode() === 'manual') {
		const sample = records.find(emittable);
		return sample ? [toItems([{ ...sample, [event.previousField]: null }])] : null;
	}
	const previous = data.event === stateKey ? data.snapshot : undefined;
	data.event = stateKey;
	data.snapshot = current;
	if (!previous) return null;
	const changed = records.filter((r) => {
		const before = previous[event.id(r)];
		if (before === undefined && !event.includeNew) return false;
		return before !== current[event.id(r)] && emittable(r);
	});
	if (!changed.length) return null;
	const previousValue = (r: IDataObject) => {
		const before = previous[event.id(r)];
		return before === undefined ? null : (JSON.parse(before) as IDataObject[string]);
	};
	return [toItems(changed.map((r) => ({ ...r, [event.previousField]: previousValue(r) })))];
}

/** Runs one poll of the event chosen in the trigger's `event` parameter. */
export async function pollEvent(ctx: IPollFunctions, events: PollEvent[]): Promise<INodeExecutionData[][] | null> {
	const value = ctx.getNodeParameter('event') as string;
	const event = events.find((e) => e.value === value);
	if (!event) throw new NodeOperationError(ctx.getNode(), `Unknown event "${value}"`);
	return event.kind === 'new' ? await pollNew(ctx, event) : await pollChanged(ctx, event);
}

/**
 * A "new record" event over a newest-first list: reads pages until records get older than the
 * cursor; with no cursor yet (first poll, manual sample) one short page suffices.
 */
export function newestFirstEvent(spec: {
	value: string;
	name: string;
	description: string;
	api: ApiSpec;
	/** The record's timestamp field (ISO, SQL or epoch). */
	timestampField: string;
	/** The request; it may depend on the cursor (a date filter) and on the node's parameters. */
	call: (ctx: IPollFunctions, since: number | undefined) => ListCall;
	id?: (record: IDataObject) => string;
}): NewRecordEvent {
	const timestamp = (record: IDataObject) => timestampOf(record[spec.timestampField]);
	return {
		kind: 'new',
		value: spec.value,
		name: spec.name,
		description: spec.description,
		timestamp,
		id: spec.id ?? ((record) => String(record.id)),
		fetch: async (ctx, since) =>
			(
				await walkList(ctx, spec.api, spec.call(ctx, since), {
					...(since === undefined ? { pageSize: FIRST_POLL_RECORDS, maxPages: 1 } : {}),
					enough: (page) => since !== undefined && page.some((r) => (timestamp(r) ?? Infinity) < since),
				})
			).records,
	};
}

/** Records read when there is no cursor yet (first activation poll, manual sample). */
const FIRST_POLL_RECORDS = 10;
