import type { INodePropertyOptions } from 'n8n-workflow';

/** Documented id tables of course classes (Course-Classes folder of the reference). */
export const CLASS_TYPES: INodePropertyOptions[] = [
	{ name: 'Closed Period', value: 1, description: 'Período fechado: needs a start and an end date' },
	{ name: 'Plan (Subscription)', value: 2, description: 'Plano: needs a duration' },
];

export const CLASS_DURATIONS: INodePropertyOptions[] = [
	{ name: 'Days', value: 1 },
	{ name: 'Weeks', value: 2 },
	{ name: 'Months', value: 3 },
	{ name: 'Years', value: 4 },
	{ name: 'Lifetime', value: 5, description: 'Vitalício: no duration time needed' },
];

export const CLASS_MODALITIES: INodePropertyOptions[] = [
	{ name: 'Online', value: 1 },
	{ name: 'Hybrid (Semi In-Person)', value: 2, description: 'Semi presencial: needs a campus and a period' },
	{ name: 'In Person', value: 3, description: 'Presencial: needs a campus and a period' },
];

export const CLASS_ATTEND_TYPES: INodePropertyOptions[] = [
	{ name: 'Live', value: 1, description: 'Ao vivo' },
	{ name: 'On Demand', value: 2, description: 'Sob demanda' },
	{ name: 'Mixed', value: 3, description: 'Misto: live and on demand' },
];

export const CLASS_PERIODS: INodePropertyOptions[] = [
	{ name: 'Part-Time', value: 1, description: 'Meio período: needs a time of day' },
	{ name: 'Full-Time', value: 2, description: 'Integral' },
];

export const CLASS_TIMES: INodePropertyOptions[] = [
	{ name: 'Morning', value: 1, description: 'Manhã' },
	{ name: 'Afternoon', value: 2, description: 'Tarde' },
	{ name: 'Evening', value: 3, description: 'Noite' },
];

/** Payment methods of a campaign. */
export const PAYMENT_METHODS: INodePropertyOptions[] = [
	{ name: 'Bank Slip (Boleto)', value: 'Boleto' },
	{ name: 'Course Financing', value: 'CourseFinancing' },
	{ name: 'Credit Card', value: 'CreditCard' },
];

/** Sales-funnel webhook events (the `webhook` field of a delivery). */
const EVENT_NAMES: Array<[string, string]> = [
	['not_logged', 'Not Logged In'],
	['logged', 'Logged In'],
	['basic_info_incomplete', 'Basic Info Incomplete'],
	['basic_info_review', 'Basic Info in Review'],
	['document_info_incomplete', 'Document Info Incomplete'],
	['document_info_review', 'Document Info in Review'],
	['analysis', 'In Analysis'],
	['guarantor_needed', 'Guarantor Needed'],
	['guarantor_incomplete', 'Guarantor Incomplete'],
	['guarantor_review', 'Guarantor in Review'],
	['approved_by_provi', 'Approved by Provi'],
	['not_approved_by_provi', 'Not Approved by Provi'],
	['waiting_signature', 'Waiting Signature'],
	['abandonment_before_signed', 'Abandonment Before Signed'],
	['isa_abandonment_after_signed', 'ISA Abandonment After Signed'],
	['abandonment_after_signed', 'Abandonment After Signed'],
	['approved', 'Approved'],
	['abandonment_after_upfront', 'Abandonment After Upfront'],
	['abandonment_after_settled', 'Abandonment After Settled'],
	['link_inactive', 'Link Inactive'],
	['expired', 'Expired'],
	['denied', 'Denied'],
	['waiting_payment', 'Waiting Payment'],
	['made_effective', 'Made Effective'],
	['isa_default', 'ISA Default'],
];

export const WEBHOOK_EVENTS: INodePropertyOptions[] = EVENT_NAMES.map(([value, name]) => ({
	name,
	value,
	description: `Sales funnel status "${value}"`,
})).sort((a, b) => a.name.localeCompare(b.name));

/** Statuses the delivery history filters on: the funnel events plus "paid", which the reference's example query uses. */
export const HISTORY_STATUSES: INodePropertyOptions[] = [
	...WEBHOOK_EVENTS,
	{ name: 'Paid', value: 'paid', description: 'Status "paid" (the example of the reference\'s history query)' },
].sort((a, b) => a.name.localeCompare(b.name));

export const ALL_EVENTS = '*';

/** `['*']` when "All Events" is among the choices (or nothing is chosen). */
export function enabledEvents(events: string[]): string[] {
	if (!events.length || events.includes(ALL_EVENTS)) return [ALL_EVENTS];
	return events;
}

/** Events plus "All events" (`*`), alphabetical as n8n lists the choices of a multi-select. */
export const WEBHOOK_EVENTS_WITH_ALL: INodePropertyOptions[] = [
	{ name: 'All Events', value: ALL_EVENTS, description: 'Every sales funnel event (*)' },
	...WEBHOOK_EVENTS,
].sort((a, b) => a.name.localeCompare(b.name));

/** Events Provi can send as a test delivery. */
export const TEST_EVENTS: INodePropertyOptions[] = [
	{ name: 'Denied', value: 'denied' },
	{ name: 'Made Effective', value: 'made_effective' },
];
