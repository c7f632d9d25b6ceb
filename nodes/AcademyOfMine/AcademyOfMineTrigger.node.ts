import type {
	IDataObject,
	IHookFunctions,
	INode,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeApiError, NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { deliveryFingerprint, isObject, isReplay, MAX_DEPTH, nestedDeeperThan } from '../shared/deliveries';
import { vendorRequest, walkList } from '../shared/request';
import { safeEqual } from '../shared/secrets';

import { AOM_API } from './api';
import { aomCredentialTest } from './credentialTest';
import { WEBHOOK_EVENTS } from './events';
import type { AomRoutes } from './routeSource';
import { routesFor } from './vendor';

/** One webhook this node registered: Academy of Mine takes one event per webhook. */
interface Registration extends IDataObject {
	id: string;
	/** Query parameter of the URL it was registered with; a delivery must carry it. */
	secret: string;
}

interface AomStaticData extends IDataObject {
	/** Event -> the webhook registered for it (kept on deactivation: there is no delete route). */
	registrations?: Record<string, Registration>;
	/** The n8n URL and events of the last activation. */
	webhookUrl?: string;
	events?: string[];
	/** Fingerprints of recent deliveries (hash -> ms received), to refuse exact replays. */
	deliveries?: Record<string, number>;
}

const CREATE = 'aom.webhooks.create-webhook';
const UPDATE = 'aom.webhooks.update-the-specified-webhook-in-storage';
const LIST = 'aom.webhooks.webhook-actions-tabular-list';

/** The reference requires a webhook ID even to create one; by default a new webhook is asked for with 0. */
const NEW_WEBHOOK_ID = '0';

/**
 * What this process registered, by webhook URL: n8n starts every "Listen for test event" with empty
 * static data, so without this each listen would register new webhooks that are never reused.
 */
const registeredHere = new Map<string, Record<string, Registration>>();

/** 32 random bytes as hex (Web Crypto: the nodes do not import Node's modules). */
function newSecret(): string {
	const bytes = crypto.getRandomValues(new Uint8Array(32));
	return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

const withSecret = (url: string, secret: string) => `${url}${url.includes('?') ? '&' : '?'}secret=${secret}`;

const hideSecret = (text: string, secret: string) => text.split(secret).join('[secret]');

/**
 * A registration request's error without the webhook secret: Academy of Mine may echo the URL it
 * was given (which carries the secret) in its answer, and n8n shows activation errors to anyone
 * who can open the workflow. Only the message and description are kept, the raw answer is dropped.
 */
function withoutSecret(node: INode, error: unknown, secret: string): NodeOperationError {
	const { message, description } = error as { message?: unknown; description?: unknown };
	return new NodeOperationError(node, hideSecret(String(message ?? 'The webhook could not be registered'), secret), {
		description: typeof description === 'string' ? hideSecret(description, secret) : undefined,
	});
}

/** Method and URL of a webhook route, from the credential's routes (API description, else the table). */
function call(routes: AomRoutes, ref: string, id?: string) {
	const { method, path } = routes.route(ref);
	return { method, url: path.replace('{id}', encodeURIComponent(id ?? '')) };
}

export class AcademyOfMineTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Academy of Mine Trigger',
		name: 'academyOfMineTrigger',
		icon: { light: 'file:../../icons/academy-of-mine.svg', dark: 'file:../../icons/academy-of-mine.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{($parameter["events"] || []).join(", ")}}',
		description: 'Starts the workflow when Academy of Mine sends a webhook',
		defaults: { name: 'Academy of Mine Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'academyOfMineApi', required: true, testedBy: 'academyOfMineApiTest' }],
		webhooks: [{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' }],
		properties: [
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				required: true,
				default: [],
				options: [...WEBHOOK_EVENTS].sort((a, b) => a.name.localeCompare(b.name)),
				description: 'The events that start the workflow (one webhook is registered per event)',
			},
			{
				displayName:
					"Academy of Mine has no API to delete a webhook: deactivating this workflow leaves its webhooks in place (their deliveries are refused). Remove them in Academy of Mine's admin under Webhooks when you no longer need them; activating again reuses them.",
				name: 'noDeleteNotice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'New Webhook ID',
						name: 'newWebhookId',
						type: 'string',
						default: NEW_WEBHOOK_ID,
						description:
							"The ID sent in the path when a new webhook is created: Academy of Mine's reference requires one even then. Change it if your academy expects another value.",
					},
				],
			},
		],
	};

	methods = { credentialTest: { academyOfMineApiTest: aomCredentialTest } };

	webhookMethods = {
		default: {
			/**
			 * True only when every chosen event has a webhook this node registered (id in static data,
			 * still in Academy of Mine's list) for this URL. Webhooks it did not register are never looked at.
			 */
			async checkExists(this: IHookFunctions): Promise<boolean> {
				const data = this.getWorkflowStaticData('node') as AomStaticData;
				const registrations = data.registrations ?? {};
				if (!Object.keys(registrations).length) return false;
				const routes = await routesFor(this);
				// every page: a webhook past the first page is still ours
				const { records } = await walkList(this, AOM_API, { ...call(routes, LIST), list: { records: 'records', pagination: { style: 'aom' } } });
				const listed = new Map(records.map((r) => [String(r.id), r]));
				const url = this.getNodeWebhookUrl('default') as string;
				for (const [event, registration] of Object.entries(registrations)) {
					const record = listed.get(registration.id);
					// removed in the admin: forget it; one whose URL is shown and differs is not ours any more
					if (!record || (typeof record.url === 'string' && record.url !== withSecret(url, registration.secret))) delete registrations[event];
				}
				const events = this.getNodeParameter('events', []) as string[];
				return (
					data.webhookUrl === url &&
					JSON.stringify([...(data.events ?? [])].sort()) === JSON.stringify([...events].sort()) &&
					events.every((event) => registrations[event])
				);
			},

			/** Registers one webhook per chosen event, or updates the one registered before. */
			async create(this: IHookFunctions): Promise<boolean> {
				const data = this.getWorkflowStaticData('node') as AomStaticData;
				const url = this.getNodeWebhookUrl('default') as string;
				// what this process registered for this URL (a new test listen starts with empty static data)
				const registrations = (data.registrations ??= { ...(registeredHere.get(url) ?? {}) });
				const events = this.getNodeParameter('events', []) as string[];
				if (!events.length) throw new NodeOperationError(this.getNode(), 'Choose at least one event');
				const newId = String((this.getNodeParameter('options', {}) as IDataObject).newWebhookId ?? '').trim() || NEW_WEBHOOK_ID;
				const routes = await routesFor(this);
				const description = `n8n workflow ${this.getWorkflow().id ?? ''}`.trim();
				for (const event of events) {
					const known = registrations[event];
					const secret = known?.secret ?? newSecret();
					const body = { url: withSecret(url, secret), eventList: event, description };
					let knownId: string | undefined = known?.id;
					const send = async (ref: string, id: string | undefined) =>
						(await vendorRequest(this, AOM_API, { ...call(routes, ref, id), body })) as IDataObject;
					const hidden = (error: unknown) => withoutSecret(this.getNode(), error, secret);
					const answer = await send(known ? UPDATE : CREATE, known?.id ?? newId).catch(async (error: unknown) => {
						// removed in the admin since it was registered: a new one
						if (!(known && error instanceof NodeApiError && String(error.httpCode) === '404')) throw hidden(error);
						knownId = undefined;
						return await send(CREATE, newId).catch((again: unknown) => {
							throw hidden(again);
						});
					});
					const id = answer?.id ?? knownId;
					if (id === undefined || id === null || id === '') {
						throw new NodeOperationError(this.getNode(), 'Academy of Mine did not return the ID of the webhook', {
							description: hideSecret(JSON.stringify(answer ?? null), secret).slice(0, 500),
						});
					}
					registrations[event] = { id: String(id), secret };
				}
				registeredHere.set(url, { ...registrations });
				data.webhookUrl = url;
				data.events = events;
				return true;
			},

			/**
			 * There is no delete route: the webhooks stay registered (and are reused on the next
			 * activation); deliveries to an inactive workflow are refused by n8n.
			 */
			async delete(this: IHookFunctions): Promise<boolean> {
				const data = this.getWorkflowStaticData('node') as AomStaticData;
				delete data.webhookUrl;
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const data = this.getWorkflowStaticData('node') as AomStaticData;
		const refuse = (status: number, message: string): IWebhookResponseData => {
			this.getResponseObject().status(status).json({ message });
			return { noWebhookResponse: true };
		};
		const given = String((this.getQueryData() as IDataObject).secret ?? '');
		let match: string | undefined;
		// every registration is compared, so the time does not tell which one matched
		for (const [event, registration] of Object.entries(data.registrations ?? {})) {
			if (safeEqual(given, registration.secret)) match = event;
		}
		if (match === undefined) return refuse(401, 'Unknown or missing webhook secret');
		const body = this.getBodyData() as unknown;
		if (!isObject(body)) return refuse(400, 'An Academy of Mine delivery is a JSON object');
		if (nestedDeeperThan(body, MAX_DEPTH)) return refuse(400, `An Academy of Mine delivery does not nest deeper than ${MAX_DEPTH} levels`);
		// A secret is given to one registration, so it vouches for that event only.
		const named = body.event ?? body.eventList;
		if (named !== undefined && named !== null && String(named) !== match) {
			return refuse(401, `This webhook secret is for "${match}" deliveries, not "${String(named)}"`);
		}
		const events = this.getNodeParameter('events', []) as string[];
		if (!events.includes(match)) return { webhookResponse: { received: true, ignored: match } };
		// The secret travels in the URL, so a captured delivery could be sent again: refuse the same
		// delivery twice within the window (Academy of Mine's own retries of one we took too).
		if (isReplay(data, deliveryFingerprint({ event: match, body }), Date.now())) {
			return { webhookResponse: { received: true, duplicate: true } };
		}
		// Answered before the run starts, so that n8n saves the replay memory (see the Provi Trigger).
		this.getResponseObject().status(200).json({ received: true });
		return { noWebhookResponse: true, workflowData: [this.helpers.returnJsonArray({ ...body, event: match })] };
	}
}
