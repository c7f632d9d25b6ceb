import type { INodePropertyOptions } from 'n8n-workflow';

/**
 * The webhook events of "Webhook Event Lookup" (db_value -> its label). `assigment_*` is spelled
 * as the API spells it.
 */
export const WEBHOOK_EVENTS: INodePropertyOptions[] = [
	{ value: 'new_account_created', name: 'New Account Created' },
	{ value: 'course_enrolled', name: 'Enrolled in a Course' },
	{ value: 'quiz_submission', name: 'Submitted a Quiz' },
	{ value: 'assigment_submission', name: 'Submitted an Assignment' },
	{ value: 'assigment_evaluation', name: 'Evaluated an Assignment' },
	{ value: 'assigment_rejection', name: 'Rejected an Assignment' },
	{ value: 'discussion_submission', name: 'Submitted a Discussion' },
	{ value: 'new_order', name: 'New Order Placed' },
	{ value: 'failed_order', name: 'Order Failed' },
	{ value: 'refunded_order', name: 'Order Refunded' },
	{ value: 'pending_payment', name: 'Payment Pending' },
	{ value: 'new_announcement', name: 'New Announcement' },
	{ value: 'course_completed', name: 'Course Completed' },
];
