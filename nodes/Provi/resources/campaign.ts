import { f } from '../../shared/fields';
import type { ResourceSpec } from '../../shared/types';

import { PAYMENT_METHODS } from '../options';
import { coursesCollection } from './common';

const campaignPath = f.path('campaignId', 'Campaign Name or ID', {
	type: 'options',
	loadOptions: 'getCampaigns',
	description: 'The campaign (its ID is a 24-character MongoDB ObjectId)',
});

export const campaignResource: ResourceSpec = {
	value: 'campaign',
	name: 'Campaign',
	operations: [
		{
			value: 'getAll',
			name: 'Get Many',
			action: 'Get many campaigns',
			description: 'List campaigns, active or otherwise',
			method: 'GET',
			path: '/campaigns',
			list: { records: 'content', pagination: { style: 'provi', sizeParam: 'limit' } },
			optionalIn: 'filters',
			ref: 'provi.campaign.getAll',
			fields: [f.string('customIdentifier', 'Custom Identifier', { in: 'query', description: 'Only the campaign with this custom identifier' })],
		},
		{
			value: 'create',
			name: 'Create',
			action: 'Create a campaign',
			description: 'Create a sale link for one or more courses with special conditions',
			method: 'POST',
			path: '/campaigns',
			unwrap: 'content',
			optionalIn: 'additionalFields',
			ref: 'provi.campaign.create',
			fields: [
				f.string('name', 'Name', { required: true, description: 'Unique name of the campaign' }),
				f.number('checkoutPriceInCents', 'Checkout Price (Cents)', {
					key: 'checkout_price_in_cents',
					required: true,
					minValue: 0,
					description: 'Final price in cents (R$ 100,00 = 10000); not more than the sum of the course prices',
				}),
				coursesCollection,
				f.string('startsAt', 'Starts At', { type: 'dateTime', format: 'iso', description: 'When the campaign starts (immediately when empty)' }),
				f.string('endsAt', 'Ends At', { type: 'dateTime', format: 'iso', description: 'When the campaign ends (never when empty)' }),
				f.string('customIdentifier', 'Custom Identifier', { description: 'Your own key for this campaign' }),
				{
					...f.options('paymentMethods', 'Payment Methods', PAYMENT_METHODS, { key: 'payment_methods', default: [] }),
					type: 'multiOptions',
					description: 'Payment methods offered in the campaign',
				},
				f.string('consultantId', 'Consultant ID', {
					key: 'consultant_id',
					placeholder: 'e.g. consultant@email.com',
					description: 'The seller responsible for the campaign (usually an email)',
				}),
			],
		},
		{
			value: 'get',
			name: 'Get',
			action: 'Get a campaign',
			method: 'GET',
			path: '/campaigns/{campaignId}',
			unwrap: 'content',
			ref: 'provi.campaign.get',
			fields: [campaignPath],
		},
		{
			value: 'update',
			name: 'Activate or Deactivate',
			action: 'Activate or deactivate a campaign',
			description: 'Activate or deactivate a campaign (the only change the API allows)',
			method: 'PATCH',
			path: '/campaigns/active/{campaignId}',
			optionalIn: 'updateFields',
			ref: 'provi.campaign.update',
			fields: [
				campaignPath,
				f.boolean('active', 'Active', { required: true, description: 'Whether the campaign is active' }),
				f.string('customIdentifier', 'Custom Identifier', { description: 'Custom identifier of the campaign' }),
			],
		}
	],
};
