import type { MockResponse } from '../harness/mockServer';
import { MockServer } from '../harness/mockServer';

export const REMP_TOKEN = 'remp-test-token-5d8b0a';

/** Coupon codes the sandbox knows: code -> state. */
export function rempCrmData() {
	return {
		coupons: {
			'123456-789ABC-DEFG': { id: 1234567, type: 'new-user-promo', used: false },
			'SUMMER-2026-PROMO': { id: 1234568, type: 'summer-promo', used: false },
			'USED00-000000-0000': { id: 1234001, type: 'new-user-promo', used: true },
		} as Record<string, { id: number; type: string; used: boolean }>,
		nextSubscriptionId: 1234345,
	};
}

const ok = (body: unknown, status = 200): MockResponse => ({ status, body });

/** The REMP CRM mock: `POST /api/v1/coupon/activate` (+ `GET /api/v1/user/info` for the credential test), Bearer auth. */
export function rempCrmMock(data = rempCrmData()): MockServer {
	const server = new MockServer();
	server.on('POST', '/api/v1/coupon/activate', (req) => {
		const code = req.body?.code;
		if (typeof code !== 'string' || code === '') return ok({ status: 'error', message: 'Missing required parameter: code' }, 400);
		const coupon = data.coupons[code];
		if (!coupon) return ok({ status: 'error', code: 'coupon_doesnt_exist', message: `Coupon doesn't exist: ${code}` }, 404);
		if (coupon.used) return ok({ status: 'error', code: 'coupon_already_assigned', message: 'Coupon has already been used' }, 409);
		coupon.used = true;
		const subscriptionId = data.nextSubscriptionId++;
		return ok({
			coupon_id: coupon.id,
			coupon_type: coupon.type,
			subscription_id: subscriptionId,
			subscription_type_id: 123,
			subscription_type_name: '1 month promo subscription',
			subscription_start_time: '2020-07-02T11:30:00+00:00',
			subscription_end_time: '2020-08-02T11:30:00+00:00',
		});
	});
	server.on('GET', '/api/v1/user/info', () =>
		ok({
			status: 'ok',
			user: { id: 9, email: 'reader@example.com', confirmed_at: '2021-01-01T10:00:00+01:00', first_name: 'Test', last_name: 'Reader' },
			user_meta: { newsletter_subscribed: '1' },
		}),
	);
	// REMP answers a failed authorization with 403 and a JSON message.
	server.guard = (req) =>
		req.headers.authorization === `Bearer ${REMP_TOKEN}`
			? undefined
			: { status: 403, body: { status: 'error', message: 'Invalid or missing authorization token' } };
	return server;
}
