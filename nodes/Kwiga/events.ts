import type { IDataObject, IPollFunctions } from 'n8n-workflow';
import { DateTime } from 'luxon';

import type { PollEvent } from '../shared/polling';
import { vendorRequest } from '../shared/lookups';
import { fetchNewestFirst, timestampOf } from '../shared/polling';
import type { PaginationSpec } from '../shared/types';

import { KWIGA_HTTP } from './vendor';

const LARAVEL = { records: 'data', pagination: { style: 'laravel' } as PaginationSpec };

const dayOf = (since: number | undefined) =>
	since === undefined ? undefined : DateTime.fromMillis(since, { zone: 'utc' }).minus({ days: 1 }).toFormat('yyyy-MM-dd');

const id = (record: IDataObject) => String(record.id);

const productFilter = (ctx: IPollFunctions) => {
	const products = ctx.getNodeParameter('productIds', []) as Array<string | number>;
	return products.length ? { 'filters[product_ids]': products.join(',') } : {};
};

export const KWIGA_EVENTS: PollEvent[] = [
	{
		kind: 'new',
		value: 'newContact',
		name: 'New Contact',
		description: 'A contact was added to the cabinet',
		timestamp: (r) => timestampOf(r.created_at),
		id,
		fetch: async (ctx, since) =>
			await fetchNewestFirst(
				ctx,
				KWIGA_HTTP,
				{ url: '/contacts', qs: since === undefined ? {} : { 'filters[date_from]': dayOf(since) } },
				LARAVEL,
				(r) => timestampOf(r.created_at),
				since,
			),
	},
	{
		kind: 'new',
		value: 'newQuizAttempt',
		name: 'New Quiz Attempt',
		description: 'A student started a quiz attempt',
		timestamp: (r) => timestampOf(r.started_at),
		id,
		fetch: async (ctx, since) =>
			await fetchNewestFirst(
				ctx,
				KWIGA_HTTP,
				{ url: '/quiz-attempts', qs: { sort_by: 'started_at', sort_dir: 'desc', ...productFilter(ctx) } },
				LARAVEL,
				(r) => timestampOf(r.started_at),
				since,
			),
	},
	{
		kind: 'new',
		value: 'quizAttemptToReview',
		name: 'Quiz Attempt Awaiting Review',
		description: 'A quiz attempt changed to "pending review"',
		timestamp: (r) => timestampOf(r.status_updated_at),
		id: (r) => `${String(r.id)}@${String(r.status_updated_at)}`,
		fetch: async (ctx, since) =>
			await fetchNewestFirst(
				ctx,
				KWIGA_HTTP,
				{
					url: '/quiz-attempts',
					qs: { sort_by: 'status_updated_at', sort_dir: 'desc', 'filters[practice_statuses]': '6', ...productFilter(ctx) },
				},
				LARAVEL,
				(r) => timestampOf(r.status_updated_at),
				since,
			),
	},
	{
		kind: 'new',
		value: 'newCoupon',
		name: 'New Coupon',
		description: 'A coupon was created',
		timestamp: (r) => timestampOf(r.created_at),
		id,
		fetch: async (ctx, since) => {
			const body = await vendorRequest(ctx, KWIGA_HTTP, {
				url: '/coupons',
				qs: since === undefined ? {} : { 'filters[date_from]': dayOf(since) },
			});
			return ((body as IDataObject)?.data ?? []) as IDataObject[];
		},
	},
];
