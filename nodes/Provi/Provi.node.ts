import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { vendorProperties } from '../shared/description';
import { executeVendor } from '../shared/execute';

import { PROVI, proviMethods } from './vendor';

export class Provi implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Provi',
		name: 'provi',
		icon: { light: 'file:../../icons/provi.svg', dark: 'file:../../icons/provi.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Manage courses, classes, sales, campaigns, receipts and webhooks in Provi',
		defaults: { name: 'Provi' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'proviApi', required: true }],
		properties: vendorProperties(PROVI),
	};

	methods = proviMethods;

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await executeVendor(this, PROVI);
	}
}
