import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { vendorProperties } from '../shared/description';
import { executeVendor } from '../shared/execute';

import { KWIGA, kwigaMethods } from './vendor';

export class Kwiga implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Kwiga',
		name: 'kwiga',
		icon: { light: 'file:../../icons/kwiga.svg', dark: 'file:../../icons/kwiga.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Manage contacts, products, coupons, courses and mailing lists in Kwiga',
		defaults: { name: 'Kwiga' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'kwigaApi', required: true }],
		properties: vendorProperties(KWIGA),
	};

	methods = kwigaMethods;

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await executeVendor(this, KWIGA);
	}
}
