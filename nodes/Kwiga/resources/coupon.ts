import { f } from '../../shared/fields';
import type { ResourceSpec } from '../../shared/types';

export const couponResource: ResourceSpec = {
	value: 'coupon',
	name: 'Coupon',
	operations: [
		{
			value: 'getAll',
			name: 'Get Many',
			action: 'Get many coupons',
			method: 'GET',
			path: '/coupons',
			list: { records: 'data' },
			optionalIn: 'filters',
			ref: 'kwiga.coupon.getAll',
			fields: [
				f.date('dateFrom', 'Created After', { key: 'filters[date_from]', description: 'Only coupons created on or after this date' }),
				f.date('dateTo', 'Created Before', { key: 'filters[date_to]', description: 'Only coupons created on or before this date' }),
			],
		},
		{
			value: 'get',
			name: 'Get',
			action: 'Get a coupon',
			method: 'GET',
			path: '/coupons/{coupon}',
			unwrap: 'data',
			ref: 'kwiga.coupon.get',
			fields: [f.path('coupon', 'Coupon Name or ID', { type: 'options', loadOptions: 'getCoupons', description: 'The coupon to get' })],
		},
		{
			value: 'create',
			name: 'Create',
			action: 'Create a coupon',
			method: 'POST',
			path: '/coupons',
			unwrap: 'data',
			optionalIn: 'additionalFields',
			ref: 'kwiga.coupon.create',
			fields: [
				f.string('code', 'Code', { required: true, placeholder: 'e.g. SPRING-2026' }),
				// The reference shows one discount type only; an expression can send any other the API accepts.
				f.options('discountType', 'Discount Type', [{ name: 'Percent of Order or Offer Value', value: 'discount_with_percent' }], {
					key: 'type_discount[id]',
					required: true,
					default: 'discount_with_percent',
					description: 'The reference documents percent discounts only. For another type Kwiga accepts, use an expression giving its ID.',
				}),
				f.number('reward', 'Discount', { required: true, default: 10, description: 'The discount, in percent of the order or offer value' }),
				{ ...f.string('expiresAt', 'Expires At', { key: 'expires_at', type: 'dateTime', format: 'dateTime' }), description: 'When the coupon stops working (leave empty to send nothing)' },
				f.clear('noExpiry', 'No Expiry', 'expires_at', {
					description: 'Whether to send "expires_at": null (as the reference does), so the coupon never expires. Overrides Expires At.',
				}),
				f.string('timezoneId', 'Timezone Name or ID', { key: 'timezone[id]', type: 'options', loadOptions: 'getTimezones', description: 'Timezone of the expiry date' }),
				f.number('totalUses', 'Total Uses', { key: 'total_uses', description: 'How many times the coupon can be used in all (0 = unlimited)' }),
				f.number('totalUsesPerUser', 'Uses per User', { key: 'total_uses_per_user', description: 'How many times one user can use it (0 = unlimited)' }),
			],
		},
		{
			value: 'check',
			name: 'Check',
			action: 'Check a coupon',
			description: 'Check whether a coupon code can be used for a price, and the discount it gives',
			method: 'POST',
			path: '/coupons/check',
			unwrap: 'data',
			ref: 'kwiga.coupon.check',
			fields: [
				f.string('code', 'Code', { required: true }),
				f.number('price', 'Price', { required: true, default: 0, description: 'The order value to check the coupon against' }),
			],
		},
	],
};
