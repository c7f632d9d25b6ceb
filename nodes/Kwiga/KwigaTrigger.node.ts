import type { INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { eventSelector } from '../shared/triggerDescription';
import { pollEvent } from '../shared/polling';

import { KWIGA_EVENTS } from './events';
import { kwigaMethods } from './vendor';

export class KwigaTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Kwiga Trigger',
		name: 'kwigaTrigger',
		icon: { light: 'file:../../icons/kwiga.svg', dark: 'file:../../icons/kwiga.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["event"]}}',
		description: 'Starts the workflow when something new happens in Kwiga (checked on a schedule)',
		defaults: { name: 'Kwiga Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'kwigaApi', required: true }],
		properties: eventSelector(KWIGA_EVENTS, [
			{
				displayName: 'Product Names or IDs',
				name: 'productIds',
				type: 'multiOptions',
				typeOptions: { loadOptionsMethod: 'getProducts' },
				default: [],
				description:
					'Only attempts in these products. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
				displayOptions: { show: { event: ['newQuizAttempt', 'quizAttemptToReview'] } },
			},
			{
				displayName: 'Course Name or ID',
				name: 'courseId',
				type: 'options',
				typeOptions: { loadOptionsMethod: 'getCourses' },
				required: true,
				default: '',
				description:
					'The course whose participants are watched. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
				displayOptions: { show: { event: ['courseCompleted'] } },
			},
		]),
	};

	methods = { loadOptions: kwigaMethods.loadOptions };

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		return await pollEvent(this, KWIGA_EVENTS);
	}
}
