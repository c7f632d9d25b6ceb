import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodePropertyOptions,
} from 'n8n-workflow';

import type { LookupSpec } from '../shared/lookups';
import { lookupOptions, lookupSearch, siblingParameter } from '../shared/lookups';
import { vendorRequest } from '../shared/request';
import { listRecords } from '../shared/response';
import type { VendorSpec } from '../shared/types';

import { PSB_API } from './api';
import { accountResource } from './resources/account';
import { PSB_RECORDS } from './resources/common';
import { chatMessageResource } from './resources/chatMessage';
import { orderResource } from './resources/order';
import { paymentResource } from './resources/payment';
import { productResource } from './resources/product';
import { recipeResource } from './resources/recipe';
import { serverResource } from './resources/server';
import { ticketResource } from './resources/ticket';

export const PSB_HOSTING: VendorSpec = {
	api: PSB_API,
	resources: [
		accountResource,
		chatMessageResource,
		orderResource,
		paymentResource,
		productResource,
		recipeResource,
		serverResource,
		ticketResource,
	],
};

/** Records of a PSB list response (see PSB_RECORDS); none when it holds no list. */
export const psbRecords = (body: unknown): IDataObject[] => listRecords(body, PSB_RECORDS) ?? [];

const orderLabel = (r: IDataObject) => {
	const product = r.product && typeof r.product === 'object' ? (r.product as IDataObject).title : undefined;
	const parts = [product, r.name || undefined, r.order_id].filter(Boolean).map(String);
	return `${parts.join(' - ') || 'Order'} (#${String(r.id)})`;
};

const LOOKUPS = {
	orders: { url: '/order', records: '', label: orderLabel },
	products: {
		url: '/products',
		records: PSB_RECORDS,
		label: (r: IDataObject) =>
			[r.title ?? r.name, r.type, r.country, r.price !== undefined ? `${String(r.price)}$` : undefined]
				.filter((x) => x !== undefined && x !== null && x !== '')
				.map(String)
				.join(' - ') + ` (#${String(r.id)})`,
	},
	recipes: { url: '/products/recipes', records: PSB_RECORDS, label: (r: IDataObject) => String(r.name ?? r.title ?? r.id) },
	tickets: {
		url: '/tickets',
		records: 'items',
		pagination: { style: 'psbPage', maxPageSize: 10 },
		label: (r: IDataObject) => `#${String(r.id)} ${String(r.title ?? '')} (${String(r.status ?? '')})`.trim(),
	},
	ticketChats: {
		url: '/tickets',
		records: 'items',
		pagination: { style: 'psbPage', maxPageSize: 10 },
		label: (r: IDataObject) => `Ticket #${String(r.id)} ${String(r.title ?? '')}`.trim(),
		value: (r: IDataObject) => {
			const info = ((r.chat as IDataObject | undefined)?.info ?? {}) as IDataObject;
			return (info.id ?? r.id) as number;
		},
	},
} satisfies Record<string, LookupSpec>;

const toOptions = (records: unknown, label: (r: IDataObject) => string = (r) => String(r.name ?? r.title ?? r.id)) =>
	(Array.isArray(records) ? (records as IDataObject[]) : records && typeof records === 'object' ? [records as IDataObject] : [])
		.filter((r) => r && r.id !== undefined && r.id !== null)
		.map((r) => ({ name: label(r), value: r.id as number }));

const unique = (options: INodePropertyOptions[]) =>
	options.filter((o, i) => options.findIndex((x) => x.value === o.value) === i).sort((a, b) => a.name.localeCompare(b.name));

const panelLabel = (r: IDataObject) =>
	`${String(r.name ?? r.id)}${r.price !== undefined && r.price !== null ? ` (+${String(r.price)}$)` : ''}`;

const periodLabel = (r: IDataObject) => {
	const base = r.name ?? r.title ?? (r.months !== undefined ? `${String(r.months)} month(s)` : `Period ${String(r.id)}`);
	return `${String(base)}${r.price !== undefined && r.price !== null ? ` - ${String(r.price)}$` : ''}`;
};

async function productById(ctx: ILoadOptionsFunctions): Promise<IDataObject | undefined> {
	const productId = siblingParameter(ctx, 'productId');
	if (!productId) return undefined;
	const body = await vendorRequest(ctx, PSB_API, { url: `/products/${encodeURIComponent(productId)}` });
	const product = Array.isArray(body) ? body[0] : body;
	return product && typeof product === 'object' ? (product as IDataObject) : undefined;
}

async function orderById(ctx: ILoadOptionsFunctions): Promise<IDataObject | undefined> {
	const orderId = siblingParameter(ctx, 'orderId');
	if (!orderId) return undefined;
	return (await vendorRequest(ctx, PSB_API, { url: `/order/${encodeURIComponent(orderId)}` })) as IDataObject;
}

async function productsForChange(ctx: ILoadOptionsFunctions): Promise<IDataObject[]> {
	const orderId = siblingParameter(ctx, 'orderId');
	if (!orderId) return [];
	const body = await vendorRequest(ctx, PSB_API, {
		url: `/order/${encodeURIComponent(orderId)}/get_products_for_change`,
	});
	return psbRecords(body);
}

export const psbMethods = {
	loadOptions: {
		getOrders: lookupOptions(PSB_API, LOOKUPS.orders),
		getProducts: lookupOptions(PSB_API, LOOKUPS.products),
		getRecipes: lookupOptions(PSB_API, LOOKUPS.recipes),

		/** Operating systems of the product chosen for a new order. */
		async getProductOperatingSystems(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
			const product = await productById(this);
			return unique(toOptions(product?.os ?? product?.product_systems ?? product?.systems));
		},
		/** Control panels of the product chosen for a new order. */
		async getProductControlPanels(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
			const product = await productById(this);
			return unique(toOptions(product?.control_panel ?? product?.control_panels, panelLabel));
		},
		/** Rental periods of the product chosen for a new order (or to prolong an order). */
		async getProductPeriods(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
			let product = await productById(this);
			if (!product) {
				const order = await orderById(this);
				const productId = (order?.order_data as IDataObject | undefined)?.product ?? (order?.product_data as IDataObject | undefined)?.id;
				if (productId !== undefined && productId !== null) {
					product = (await vendorRequest(this, PSB_API, { url: `/products/${encodeURIComponent(String(productId))}` })) as IDataObject;
				}
			}
			return toOptions(product?.periods ?? product?.period, periodLabel);
		},
		/** Operating systems the order's server can be reinstalled with. */
		async getOrderOperatingSystems(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
			const order = await orderById(this);
			let options = toOptions(order?.product_systems);
			if (!options.length) options = (await productsForChange(this)).flatMap((p) => toOptions(p.os));
			return unique(options);
		},
		/** Products (tariffs) the order can be switched to. */
		async getProductsForChange(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
			return toOptions(await productsForChange(this), (r) =>
				`${String(r.title ?? r.id)} - ${String(r.price ?? '?')}$/month${
					r.price_for_change !== undefined ? `, ${String(r.price_for_change)}$ to change` : ''
				}`,
			);
		},
		/** IP addresses assigned to the order's server. */
		async getOrderIpAddresses(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
			const orderId = siblingParameter(this, 'orderId');
			if (!orderId) return [];
			const body = await vendorRequest(this, PSB_API, { url: `/order/${encodeURIComponent(orderId)}/server/ip-addresses` });
			const list = Array.isArray(body) ? body : psbRecords(body);
			const options: INodePropertyOptions[] = [];
			for (const entry of list as unknown[]) {
				const ip = typeof entry === 'string' ? entry : ((entry as IDataObject)?.ip ?? (entry as IDataObject)?.address);
				if (!ip) continue;
				const ptr = typeof entry === 'object' ? (entry as IDataObject).ptr ?? (entry as IDataObject).domain : undefined;
				options.push({ name: ptr ? `${String(ip)} (${String(ptr)})` : String(ip), value: String(ip) });
			}
			return options;
		},
	},
	listSearch: {
		searchOrders: lookupSearch(PSB_API, LOOKUPS.orders),
		searchProducts: lookupSearch(PSB_API, LOOKUPS.products),
		searchRecipes: lookupSearch(PSB_API, LOOKUPS.recipes),
		searchTickets: lookupSearch(PSB_API, LOOKUPS.tickets),
		searchTicketChats: lookupSearch(PSB_API, LOOKUPS.ticketChats),
	},
};
