import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { vendorProperties } from '../shared/description';
import { executeVendor } from '../shared/execute';

import { aomCredentialTest } from './credentialTest';
import { ACADEMY_OF_MINE, aomMethods } from './vendor';

export class AcademyOfMine implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Academy of Mine',
		name: 'academyOfMine',
		icon: { light: 'file:../../icons/academy-of-mine.svg', dark: 'file:../../icons/academy-of-mine.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Manage courses, users, portals, orders, modules and settings of an Academy of Mine LMS',
		defaults: { name: 'Academy of Mine' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'academyOfMineApi', required: true, testedBy: 'academyOfMineApiTest' }],
		properties: vendorProperties(ACADEMY_OF_MINE),
	};

	methods = { ...aomMethods, credentialTest: { academyOfMineApiTest: aomCredentialTest } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await executeVendor(this, ACADEMY_OF_MINE);
	}
}
