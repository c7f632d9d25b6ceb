/** File uploads (ticket create, chat message) checked on the server side, and upload errors. */
import type { INodeExecutionData } from 'n8n-workflow';

import { parseMultipart } from '../harness/mockServer';
import { PSB_TOKEN, psbHostingMock } from '../sandboxes/psbHosting';
import { rl, runPsb } from './setup';

const server = psbHostingMock();
beforeAll(async () => await server.start());
afterAll(async () => await server.stop());
beforeEach(() => server.reset());

const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0xff, 0x10, 0x80]);
const log = Buffer.from('boot: kernel panic\r\n--not-a-boundary--\r\nline 3\n', 'utf8');

const item = (): INodeExecutionData => ({
	json: { note: 'input' },
	binary: {
		screenshot: { data: png.toString('base64'), mimeType: 'image/png', fileName: 'screen shot.png' },
		log: { data: log.toString('base64'), mimeType: 'text/plain', fileName: 'boot.log' },
	},
});

test('ticket create sends text parts and several files as "files" parts', async () => {
	const { items, error } = await runPsb(
		server,
		{
			resource: 'ticket',
			operation: 'create',
			title: 'Kernel panic',
			department: 'Отдел продаж',
			message: 'See the attached files',
			binaryPropertyNames: 'screenshot, log',
			additionalFields: { orderIds: '25284' },
		},
		{ items: [item()] },
	);
	expect(error).toBeUndefined();
	const req = server.last();
	expect(req.method).toBe('POST');
	expect(req.path).toBe('/tickets');
	expect(req.headers.authorization).toBe(PSB_TOKEN);
	const parts = parseMultipart(req);
	expect(parts.map((p) => [p.name, p.fileName, p.contentType])).toEqual([
		['title', undefined, undefined],
		['type', undefined, undefined],
		['message', undefined, undefined],
		['order_ids', undefined, undefined],
		['files', 'screen shot.png', 'image/png'],
		['files', 'boot.log', 'text/plain'],
	]);
	expect(parts[1].data.toString('utf8')).toBe('Отдел продаж');
	expect(parts[3].data.toString('utf8')).toBe('25284');
	expect(parts[4].data.equals(png)).toBe(true);
	expect(parts[5].data.equals(log)).toBe(true);
	expect(items[0].json).toMatchObject({ id: 52, first_message: { attachments: [{ name: 'screen shot.png', size: png.length }, { name: 'boot.log', size: log.length }] } });
});

test('chat message with a file only (no text)', async () => {
	const { items, error } = await runPsb(
		server,
		{ resource: 'chatMessage', operation: 'create', chatId: rl(50), text: '', binaryPropertyNames: 'screenshot' },
		{ items: [item()] },
	);
	expect(error).toBeUndefined();
	const parts = parseMultipart(server.last());
	expect(parts).toHaveLength(1);
	expect(parts[0]).toMatchObject({ name: 'files', fileName: 'screen shot.png', contentType: 'image/png' });
	expect(parts[0].data.equals(png)).toBe(true);
	expect(items[0].json).toMatchObject({ chat_id: 50, text: '', attachments: [{ name: 'screen shot.png', content_type: 'image/png', size: png.length }] });
});

test('one request per input item, each with its own file', async () => {
	const a = { json: {}, binary: { data: { data: Buffer.from('A').toString('base64'), mimeType: 'text/plain', fileName: 'a.txt' } } };
	const b = { json: {}, binary: { data: { data: Buffer.from('BB').toString('base64'), mimeType: 'application/pdf', fileName: 'b.pdf' } } };
	const { items, error } = await runPsb(
		server,
		{ resource: 'chatMessage', operation: 'create', chatId: rl(51), text: '={{ "msg " + $itemIndex }}', binaryPropertyNames: 'data' },
		{ items: [a, b] },
	);
	expect(error).toBeUndefined();
	expect(server.requests).toHaveLength(2);
	const [first, second] = server.requests.map(parseMultipart);
	expect(first.map((p) => [p.name, p.fileName, p.contentType, p.data.toString()])).toEqual([
		['text', undefined, undefined, 'msg 0'],
		['files', 'a.txt', 'text/plain', 'A'],
	]);
	expect(second.map((p) => [p.name, p.fileName, p.contentType, p.data.toString()])).toEqual([
		['text', undefined, undefined, 'msg 1'],
		['files', 'b.pdf', 'application/pdf', 'BB'],
	]);
	expect(items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
});

test('a missing binary property is a clear error naming it, and nothing is sent', async () => {
	const { error } = await runPsb(
		server,
		{ resource: 'ticket', operation: 'create', title: 'x', department: 'Технический отдел', message: 'y', binaryPropertyNames: 'screenshot, invoice' },
		{ items: [item()] },
	);
	expect(error?.message).toContain('No binary property "invoice"');
	expect(error?.description).toContain('screenshot, log');
	expect(server.requests).toHaveLength(0);
});

test('a missing binary property with Continue On Fail gives an error item', async () => {
	const { items, error } = await runPsb(
		server,
		{ resource: 'chatMessage', operation: 'create', chatId: rl(51), text: 'hi', binaryPropertyNames: 'data' },
		{ items: [{ json: {} }], continueOnFail: true },
	);
	expect(error).toBeUndefined();
	expect(items).toHaveLength(1);
	expect(items[0].json.error).toContain('No binary property "data"');
	expect(String((items[0].json.details as { description?: string }).description)).toContain('no binary data');
	expect(items[0].pairedItem).toEqual({ item: 0 });
});
