/** A synthetic vendor node for engine tests: any VendorSpec, the package's own execute(). */
import type { ICredentialType, IExecuteFunctions, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { vendorProperties } from '../../nodes/shared/description';
import { executeVendor } from '../../nodes/shared/execute';
import type { ApiSpec, VendorSpec } from '../../nodes/shared/types';

/** Base URL from `url`; the key (a secret) sent as `X-Key`. */
export const TEST_API: ApiSpec = { displayName: 'Test Vendor', credential: 'testApi', baseUrl: { field: 'url' }, secrets: ['apiKey'] };

export class TestApi implements ICredentialType {
	name = 'testApi';

	displayName = 'Test API';

	properties = [
		{ displayName: 'URL', name: 'url', type: 'string' as const, default: '' },
		{ displayName: 'API Key', name: 'apiKey', type: 'string' as const, typeOptions: { password: true }, default: '' },
	];

	authenticate = { type: 'generic' as const, properties: { headers: { 'X-Key': '={{$credentials.apiKey}}' } } };
}

export function testVendorNode(vendor: VendorSpec): INodeType {
	const description: INodeTypeDescription = {
		displayName: 'Test Vendor',
		name: 'testVendor',
		group: ['transform'],
		version: 1,
		description: 'Engine test node',
		defaults: { name: 'Test Vendor' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'testApi', required: true }],
		properties: vendorProperties(vendor),
	};
	return {
		description,
		async execute(this: IExecuteFunctions) {
			return await executeVendor(this, vendor);
		},
	};
}
