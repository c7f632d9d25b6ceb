import { f } from '../../shared/fields';
import type { ResourceSpec } from '../../shared/types';

import { binaryPropertiesField, FORM } from './common';

const chatLocator = f.path('chatId', 'Ticket Chat', {
	locator: 'searchTicketChats',
	description: 'The chat of a ticket (the ticket data holds its number under chat → info)',
});

export const chatMessageResource: ResourceSpec = {
	value: 'chatMessage',
	name: 'Chat Message',
	description: 'Messages in the chat of a support ticket',
	operations: [
		{
			value: 'getAll',
			name: 'Get Many',
			action: 'Get many chat messages',
			description: 'Get the messages of a ticket chat',
			method: 'GET',
			path: '/chats/{chatId}/messages',
			list: { records: '', pagination: { style: 'offset', maxPageSize: 100 } },
			ref: 'psb.chatMessage.getAll',
			fields: [chatLocator],
		},
		{
			value: 'create',
			name: 'Send',
			action: 'Send a chat message',
			description: 'Post a message to a ticket chat: text, files from the input item\'s binary properties, or both',
			method: 'POST',
			path: '/chats/{chatId}/messages',
			multipart: FORM,
			ref: 'psb.chatMessage.create',
			fields: [
				chatLocator,
				f.string('text', 'Text', { typeOptions: { rows: 4 }, at: 'top', description: 'Text of the message (may be empty when files are attached)' }),
				binaryPropertiesField('message'),
			],
		},
	],
};
