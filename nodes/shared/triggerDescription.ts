import type { INodeProperties } from 'n8n-workflow';

import type { PollEvent } from './polling';
import { DEFAULT_LOOKBACK_MINUTES, DEFAULT_MAX_PAGES, MIN_PAGES } from './polling';

/** The `Event` dropdown of a polling trigger, plus event-specific options and the page budget. */
export function eventSelector(events: PollEvent[], extra: INodeProperties[] = []): INodeProperties[] {
	const defaultEvent = events[0].value;
	const paged = events.filter((e) => e.kind === 'new' && e.paged).map((e) => e.value);
	const newRecords = events.filter((e) => e.kind === 'new').map((e) => e.value);
	return [
		{
			displayName: 'Event',
			name: 'event',
			type: 'options',
			noDataExpression: true,
			required: true,
			default: defaultEvent,
			options: events
				.map((e) => ({ name: e.name, value: e.value, description: e.description }))
				.sort((a, b) => a.name.localeCompare(b.name)),
		},
		...extra,
		{
			displayName: 'Max Pages per Poll',
			name: 'maxPagesPerPoll',
			type: 'number',
			typeOptions: { minValue: MIN_PAGES },
			default: DEFAULT_MAX_PAGES,
			description:
				'How many list pages one poll may read. A burst of new records that does not fit is emitted over the following polls, oldest first, never dropped.',
			displayOptions: { show: { event: paged } },
		},
		{
			displayName: 'Lookback Window (Minutes)',
			name: 'lookbackMinutes',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: DEFAULT_LOOKBACK_MINUTES,
			description:
				"How far back each poll looks again, by the service's own dates, for records that show up late (replication lag, slow saves, backdated imports). A record dated earlier than this before the newest one is not emitted.",
			displayOptions: { show: { event: newRecords } },
		},
	];
}
