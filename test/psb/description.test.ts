/** Static checks of the PSB Hosting / REMP CRM descriptions (what the n8n editor shows). */
import type { INodeProperties } from 'n8n-workflow';

import { PsbHostingApi } from '../../credentials/PsbHostingApi.credentials';
import { RempCrmApi } from '../../credentials/RempCrmApi.credentials';
import { PsbHosting } from '../../nodes/PsbHosting/PsbHosting.node';
import { PsbHostingTrigger } from '../../nodes/PsbHosting/PsbHostingTrigger.node';
import { RempCrm } from '../../nodes/RempCrm/RempCrm.node';
import { referenceCount } from '../harness/postman';

const operationOptions = (properties: INodeProperties[]) =>
	properties.filter((p) => p.name === 'operation').flatMap((p) => (p.options ?? []) as Array<{ name: string; value: string; action?: string; description?: string }>);

const find = (properties: INodeProperties[], resource: string, operation: string, name: string) =>
	properties.find(
		(p) => p.name === name && p.displayOptions?.show?.resource?.includes(resource) && p.displayOptions?.show?.operation?.includes(operation),
	);

test('PSB Hosting: one operation per reference request, in 8 resources, each with an action; usable as a tool', () => {
	const node = new PsbHosting();
	const ops = operationOptions(node.description.properties);
	expect(ops).toHaveLength(referenceCount('psb-hosting.postman_collection.json'));
	expect(ops.every((o) => typeof o.action === 'string' && o.action.length > 0)).toBe(true);
	const resource = node.description.properties.find((p) => p.name === 'resource');
	expect((resource?.options as Array<{ name: string }>).map((o) => o.name)).toEqual([
		'Account',
		'Chat Message',
		'Order',
		'Payment',
		'Product',
		'Recipe',
		'Server',
		'Ticket',
	]);
	expect(node.description.usableAsTool).toBe(true);
});

test('destructive operations say so; passwords are password fields', () => {
	const { properties } = new PsbHosting().description;
	const ops = operationOptions(properties);
	for (const value of ['stop', 'changeOperatingSystem', 'changePassword', 'earlyTerminate']) {
		expect(ops.find((o) => o.value === value)?.description).toMatch(/^Destructive:/);
	}
	expect(find(properties, 'server', 'changePassword', 'password')?.typeOptions?.password).toBe(true);
	expect(new PsbHostingApi().properties.find((p) => p.name === 'token')?.typeOptions?.password).toBe(true);
	expect(new RempCrmApi().properties.find((p) => p.name === 'token')?.typeOptions?.password).toBe(true);
});

test('new order: named payment types and API-loaded dropdowns', () => {
	const { properties } = new PsbHosting().description;
	expect(find(properties, 'order', 'create', 'paymentType')?.options).toEqual([
		expect.objectContaining({ name: 'Balance', value: 1 }),
		expect.objectContaining({ name: 'Lava', value: 3 }),
		expect.objectContaining({ name: 'Heleket', value: 4 }),
	]);
	expect(find(properties, 'order', 'create', 'productId')?.typeOptions?.loadOptionsMethod).toBe('getProducts');
	const extra = find(properties, 'order', 'create', 'additionalFields')?.options as INodeProperties[];
	const methods = Object.fromEntries(extra.map((p) => [p.name, p.typeOptions?.loadOptionsMethod]));
	expect(methods).toMatchObject({
		os: 'getProductOperatingSystems',
		controlPanel: 'getProductControlPanels',
		recipeId: 'getRecipes',
		period: 'getProductPeriods',
	});
	expect(find(properties, 'ticket', 'create', 'department')?.options).toEqual([
		{ name: 'Sales Department', value: 'Отдел продаж' },
		{ name: 'Technical Department', value: 'Технический отдел' },
	]);
});

test('trigger events and REMP node', () => {
	const events = new PsbHostingTrigger().description.properties.find((p) => p.name === 'event')?.options as Array<{ value: string }>;
	expect(events.map((e) => e.value)).toEqual(
		expect.arrayContaining(['newPayment', 'newTicketMessage', 'orderStatusChanged', 'newOrder', 'newTicket', 'ticketStatusChanged']),
	);
	const remp = new RempCrm().description;
	expect(operationOptions(remp.properties).map((o) => [o.value, o.action])).toEqual([['activate', 'Activate a coupon']]);
	expect(remp.usableAsTool).toBe(true);
});
