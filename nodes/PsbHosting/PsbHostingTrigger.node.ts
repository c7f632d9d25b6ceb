import type { INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { pollEvent } from '../shared/polling';
import { eventSelector } from '../shared/triggerDescription';

import { PSB_EVENTS } from './events';
import { psbMethods } from './vendor';

export class PsbHostingTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'PSB Hosting Trigger',
		name: 'psbHostingTrigger',
		icon: { light: 'file:../../icons/psb-hosting.svg', dark: 'file:../../icons/psb-hosting.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["event"]}}',
		description: 'Starts the workflow when something happens in PSB Hosting (checked on a schedule)',
		defaults: { name: 'PSB Hosting Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'psbHostingApi', required: true }],
		properties: eventSelector(PSB_EVENTS, [
			{
				displayName: 'Only Support Replies',
				name: 'onlySupportReplies',
				type: 'boolean',
				default: true,
				description: 'Whether to skip the messages you posted yourself and only trigger on replies from support',
				displayOptions: { show: { event: ['newTicketMessage'] } },
			},
		]),
	};

	methods = { loadOptions: psbMethods.loadOptions };

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		return await pollEvent(this, PSB_EVENTS);
	}
}
