import type { IDataObject, IPollFunctions } from 'n8n-workflow';
import { DateTime } from 'luxon';

import type { HttpCall, ListCall } from '../shared/request';
import { walkList } from '../shared/request';
import type { PollEvent } from '../shared/polling';
import { listEvent, recordId } from '../shared/polling';

import { KWIGA_API } from './api';

const LARAVEL: ListCall['list'] = { records: 'data', pagination: { style: 'laravel' } };

/** `filters[date_from]` for a cursor: the day before (Kwiga filters by day, in its own timezone). */
const createdSince = (since: number | undefined) =>
	since === undefined
		? {}
		: { 'filters[date_from]': DateTime.fromMillis(since, { zone: 'utc' }).minus({ days: 1 }).toFormat('yyyy-MM-dd') };

const productFilter = (ctx: IPollFunctions) => {
	const products = ctx.getNodeParameter('productIds', []) as Array<string | number>;
	return products.length ? { 'filters[product_ids]': products.join(',') } : {};
};

/** Quiz attempts, newest first by `sortBy`: the order their events rely on, asked for explicitly. */
const quizAttempts = (ctx: IPollFunctions, sortBy: string, extra: Record<string, string> = {}): HttpCall => ({
	url: '/quiz-attempts',
	qs: { sort_by: sortBy, sort_dir: 'desc', ...extra, ...productFilter(ctx) },
});

const chosenCourse = (ctx: IPollFunctions) => String(ctx.getNodeParameter('courseId', ''));

const progressOf = (participant: IDataObject) => (participant.course_progress ?? {}) as IDataObject;

export const KWIGA_EVENTS: PollEvent[] = [
	listEvent({
		value: 'newContact',
		name: 'New Contact',
		description: 'A contact was added to the cabinet',
		api: KWIGA_API,
		timestampField: 'created_at',
		// The contact list has no sort parameter: its order is read from the first page.
		order: 'unknown',
		list: LARAVEL,
		call: (_ctx, since) => ({ url: '/contacts', qs: createdSince(since) }),
	}),
	listEvent({
		value: 'newQuizAttempt',
		name: 'New Quiz Attempt',
		description: 'A student started a quiz attempt',
		api: KWIGA_API,
		timestampField: 'started_at',
		order: 'newestFirst',
		list: LARAVEL,
		call: (ctx) => quizAttempts(ctx, 'started_at'),
	}),
	listEvent({
		value: 'quizAttemptToReview',
		name: 'Quiz Attempt Awaiting Review',
		description: 'A quiz attempt changed to "pending review"',
		api: KWIGA_API,
		timestampField: 'status_updated_at',
		order: 'newestFirst',
		// The same attempt can come back for review later: one event per status change.
		id: (r) => (recordId(r) === undefined ? undefined : `${recordId(r)}@${String(r.status_updated_at)}`),
		list: LARAVEL,
		call: (ctx) => quizAttempts(ctx, 'status_updated_at', { 'filters[practice_statuses]': '6' }),
	}),
	listEvent({
		value: 'newCoupon',
		name: 'New Coupon',
		description: 'A coupon was created',
		api: KWIGA_API,
		timestampField: 'created_at',
		// Not paginated: read whole, in any order.
		order: 'unknown',
		list: { records: 'data' },
		call: (_ctx, since) => ({ url: '/coupons', qs: createdSince(since) }),
	}),
	{
		kind: 'changed',
		value: 'courseCompleted',
		name: 'Course Completed',
		description: 'A participant completed the chosen course',
		fetch: async (ctx) =>
			(
				await walkList(ctx, KWIGA_API, {
					url: `/courses/${encodeURIComponent(chosenCourse(ctx))}/users`,
					list: LARAVEL,
				})
			).records,
		id: (r) => recordId((r.contact as IDataObject | undefined) ?? {}) ?? recordId((r.user as IDataObject | undefined) ?? {}),
		watch: (r) => progressOf(r).is_completed === true,
		emitWhen: (r) => progressOf(r).is_completed === true,
		includeNew: true,
		previousField: 'previouslyCompleted',
		scope: chosenCourse,
	},
];
