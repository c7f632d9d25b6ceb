import type { INodeProperties } from 'n8n-workflow';

import type { PollEvent } from './polling';

/** The `Event` dropdown of a polling trigger, plus event-specific options. */
export function eventSelector(events: PollEvent[], extra: INodeProperties[] = []): INodeProperties[] {
	const defaultEvent = events[0].value;
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
	];
}
