import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { vendorProperties } from '../shared/description';
import { executeVendor } from '../shared/execute';

import { PSB_HOSTING, psbMethods } from './vendor';

export class PsbHosting implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'PSB Hosting',
		name: 'psbHosting',
		icon: { light: 'file:../../icons/psb-hosting.svg', dark: 'file:../../icons/psb-hosting.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Manage orders, servers, payments and support tickets in PSB Hosting',
		defaults: { name: 'PSB Hosting' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'psbHostingApi', required: true }],
		properties: vendorProperties(PSB_HOSTING),
	};

	methods = psbMethods;

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await executeVendor(this, PSB_HOSTING);
	}
}
