import type { INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { vendorProperties } from '../shared/description';

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
		requestDefaults: {
			baseURL: '={{($credentials.baseUrl || "https://backend.psb.hosting").replace(/\\/+$/, "")}}',
			headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
		},
		properties: vendorProperties(PSB_HOSTING),
	};

	methods = psbMethods;
}
