import { f } from '../../shared/fields';
import type { ResourceSpec } from '../../shared/types';

export const couponResource: ResourceSpec = {
	value: 'coupon',
	name: 'Coupon',
	operations: [
		{
			value: 'activate',
			name: 'Activate',
			action: 'Activate a coupon',
			description: 'Activate a coupon code for the user the token belongs to; outputs the subscription it created',
			method: 'POST',
			path: '/api/v1/coupon/activate',
			ref: 'remp.coupon.activate',
			fields: [
				f.string('code', 'Code', { required: true, placeholder: 'e.g. 123456-789ABC-DEFG', description: 'The coupon code to activate' }),
				f.boolean('notifyUser', 'Notify User', {
					at: 'top',
					default: false,
					description: 'Whether REMP CRM notifies the user about the activated subscription',
				}),
			],
		},
	],
};
