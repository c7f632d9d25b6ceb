import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { vendorRequest, walkList } from '../shared/request';
import type { PollEvent } from '../shared/polling';
import { listEvent, recordId as id, timestampOf } from '../shared/polling';

import { PSB_API } from './api';
import { PSB_RECORDS } from './resources/common';

/** Ticket pages are at most 10 records long. */
const TICKET_PAGE_SIZE = 10;
const MAX_TICKET_PAGES = 100;
const MAX_MESSAGE_PAGES = 50;
const MESSAGE_PAGE_SIZE = 100;
/** Tickets updated this long before the cursor are re-read (clock skew between ticket and message times). */
const SLACK_MS = 10 * 60_000;
const CLOSED = 'Закрыт';

/** The order list is one unpaged array; a response without a list fails the poll. */
const ORDERS = { url: '/order', list: { records: PSB_RECORDS } };
const TICKETS = { url: '/tickets', list: { records: 'items', pagination: { style: 'psbPage' as const } } };

async function allOrders(ctx: IPollFunctions): Promise<IDataObject[]> {
	return (await walkList(ctx, PSB_API, ORDERS)).records;
}

async function allTickets(ctx: IPollFunctions): Promise<IDataObject[]> {
	const { records } = await walkList(ctx, PSB_API, TICKETS, { pageSize: TICKET_PAGE_SIZE, maxPages: MAX_TICKET_PAGES });
	return records;
}

const chatIdOf = (ticket: IDataObject) =>
	String((((ticket.chat as IDataObject | undefined)?.info as IDataObject | undefined)?.id ?? ticket.id) as string);

async function chatMessages(ctx: IPollFunctions, chatId: string): Promise<IDataObject[]> {
	const { records } = await walkList(
		ctx,
		PSB_API,
		{ url: `/chats/${encodeURIComponent(chatId)}/messages`, list: { records: '', pagination: { style: 'offset' } } },
		{ pageSize: MESSAGE_PAGE_SIZE, maxPages: MAX_MESSAGE_PAGES },
	);
	return records;
}

const updatedAt = (ticket: IDataObject) =>
	Math.max(
		timestampOf(ticket.date_update) ?? 0,
		timestampOf(((ticket.chat as IDataObject | undefined)?.info as IDataObject | undefined)?.date_update) ?? 0,
	);

/** New messages in ticket chats: reads the chats of open or recently updated tickets. */
async function fetchTicketMessages(ctx: IPollFunctions, since: number | undefined): Promise<IDataObject[]> {
	const onlySupport = ctx.getNodeParameter('onlySupportReplies', true) as boolean;
	const me = onlySupport ? ((await vendorRequest(ctx, PSB_API, { url: '/users/me' })) as IDataObject) : undefined;
	const tickets = await allTickets(ctx);
	const candidates =
		since === undefined
			? [...tickets].sort((a, b) => updatedAt(b) - updatedAt(a)).slice(0, 3)
			: tickets.filter(
					(t) =>
						t.status !== CLOSED || Number(t.unread_messages_count ?? 0) > 0 || updatedAt(t) >= since - SLACK_MS,
				);
	const out: IDataObject[] = [];
	for (const ticket of candidates) {
		for (const message of await chatMessages(ctx, chatIdOf(ticket))) {
			if (me && String(message.user_id) === String(me.id)) continue;
			out.push({ ...message, ticket_id: ticket.id, ticket_title: ticket.title, ticket_status: ticket.status });
		}
	}
	return out;
}

export const PSB_EVENTS: PollEvent[] = [
	listEvent({
		value: 'newPayment',
		name: 'New Payment',
		description: 'A payment (top-up or purchase) was made',
		api: PSB_API,
		timestampField: 'date',
		// Newest first, as asked (payment IDs grow with time).
		order: 'newestFirst',
		list: { records: 'items', pagination: { style: 'psbPage' } },
		call: () => ({ url: '/payment', qs: { sortBy: 'id', sortOrder: 'DESC' } }),
	}),
	{
		kind: 'new',
		value: 'newTicketMessage',
		name: 'New Ticket Message',
		description: 'A message was posted in a support ticket chat (by default only replies from support)',
		timestamp: (r) => timestampOf(r.date_create),
		id,
		read: async (ctx, { since }) => ({ records: await fetchTicketMessages(ctx, since) }),
	},
	{
		kind: 'changed',
		value: 'orderStatusChanged',
		name: 'Order Status Changed',
		description: 'The status of an order changed (the previous status is in previousStatus)',
		fetch: allOrders,
		id,
		watch: (r) => r.status,
		previousField: 'previousStatus',
	},
	listEvent({
		value: 'newOrder',
		name: 'New Order',
		description: 'An order was placed',
		api: PSB_API,
		timestampField: 'date_create',
		// One unpaged list, read whole: its order does not matter.
		order: 'unknown',
		list: ORDERS.list,
		call: () => ORDERS,
	}),
	listEvent({
		value: 'newTicket',
		name: 'New Ticket',
		description: 'A support ticket was opened',
		api: PSB_API,
		timestampField: 'date_create',
		// No sort parameter: the first page tells whether new tickets come first or last.
		order: 'unknown',
		pageSize: TICKET_PAGE_SIZE,
		list: TICKETS.list,
		call: () => TICKETS,
	}),
	{
		kind: 'changed',
		value: 'ticketStatusChanged',
		name: 'Ticket Status Changed',
		description: 'The status of a support ticket changed, e.g. it was closed (the previous status is in previousStatus)',
		fetch: allTickets,
		id,
		watch: (r) => r.status,
		previousField: 'previousStatus',
	},
];
