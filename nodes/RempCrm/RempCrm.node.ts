import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { vendorProperties } from '../shared/description';
import { executeVendor } from '../shared/execute';

import { REMP_CRM } from './vendor';

export class RempCrm implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'REMP CRM',
		name: 'rempCrm',
		icon: { light: 'file:../../icons/remp-crm.svg', dark: 'file:../../icons/remp-crm.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Activate coupons in a self-hosted REMP CRM',
		defaults: { name: 'REMP CRM' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'rempCrmApi', required: true }],
		properties: vendorProperties(REMP_CRM),
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await executeVendor(this, REMP_CRM);
	}
}
