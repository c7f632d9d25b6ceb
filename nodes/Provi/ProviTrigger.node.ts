import type {
	IDataObject,
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import type { NodeApiError } from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { deliveryFingerprint, isObject, isReplay, MAX_DEPTH, nestedDeeperThan } from '../shared/deliveries';
import { vendorRequest } from '../shared/request';

import { ALL_EVENTS, enabledEvents, WEBHOOK_EVENTS_WITH_ALL } from './options';
import { headersCarrySignature } from './signature';
import { PROVI_API } from './api';

interface ProviStaticData extends IDataObject {
	preferenceId?: number | string;
	signature?: string;
	webhookUrl?: string;
	/** Fingerprints of recent deliveries (body hash -> ms received), to refuse exact replays. */
	deliveries?: Record<string, number>;
}

export { MAX_DELIVERIES, REPLAY_WINDOW_MS } from '../shared/deliveries';

const records = (body: unknown): IDataObject[] => {
	const content = (body as IDataObject)?.content;
	return Array.isArray(content) ? (content as IDataObject[]) : [];
};

export class ProviTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Provi Trigger',
		name: 'proviTrigger',
		icon: { light: 'file:../../icons/provi.svg', dark: 'file:../../icons/provi.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{($parameter["events"] || []).join(", ")}}',
		description: 'Starts the workflow when Provi sends a sales funnel webhook',
		defaults: { name: 'Provi Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'proviApi', required: true }],
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				responseMode: 'onReceived',
				path: 'webhook',
			},
		],
		properties: [
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				required: true,
				default: [ALL_EVENTS],
				options: WEBHOOK_EVENTS_WITH_ALL,
				description: 'The sales funnel events that start the workflow',
			},
			{
				displayName: 'Verify Signature',
				name: 'verifySignature',
				type: 'boolean',
				default: true,
				description:
					'Whether to refuse (HTTP 401) deliveries whose headers do not carry the signature Provi returned when the webhook was registered',
			},
			{
				displayName:
					'Signature check is off: anyone who knows this webhook URL can start the workflow with made-up data. Turn it off only to diagnose deliveries.',
				name: 'signatureNotice',
				type: 'notice',
				default: '',
				displayOptions: { show: { verifySignature: [false] } },
			},
		],
	};

	webhookMethods = {
		default: {
			/** True only for a preference this node created (same id in static data) with this URL. */
			async checkExists(this: IHookFunctions): Promise<boolean> {
				const data = this.getWorkflowStaticData('node') as ProviStaticData;
				const url = this.getNodeWebhookUrl('default') as string;
				if (data.preferenceId === undefined) return false;
				const body = await vendorRequest(this, PROVI_API, { url: '/webhook/preferences' });
				const mine = records(body).find(
					(p) => String(p.id) === String(data.preferenceId) && String(p.url) === url,
				);
				if (mine) return true;
				delete data.preferenceId;
				delete data.signature;
				delete data.webhookUrl;
				return false;
			},

			/** Registers the URL, keeps id + signature, then sets the chosen events. */
			async create(this: IHookFunctions): Promise<boolean> {
				const data = this.getWorkflowStaticData('node') as ProviStaticData;
				const url = this.getNodeWebhookUrl('default') as string;
				const events = enabledEvents(this.getNodeParameter('events', []) as string[]);
				const created = (await vendorRequest(this, PROVI_API, {
					method: 'POST',
					url: '/webhook/preference',
					body: { url },
				})) as IDataObject;
				const preference = ((created?.data ?? created) || {}) as IDataObject;
				if (preference.id === undefined || preference.id === null) {
					throw new NodeOperationError(this.getNode(), 'Provi did not return the ID of the new webhook preference', {
						description: JSON.stringify(created ?? null).slice(0, 500),
					});
				}
				if (!preference.signature && this.getNodeParameter('verifySignature', true)) {
					// Without it every delivery would be refused: undo the registration and say why.
					await vendorRequest(this, PROVI_API, {
						method: 'DELETE',
						url: `/webhook/preference/${encodeURIComponent(String(preference.id))}`,
					}).catch(() => undefined);
					throw new NodeOperationError(this.getNode(), 'Provi returned no signature for the new webhook', {
						description:
							'Deliveries could not be verified, so the trigger was not activated. Try again later, or switch off Verify Signature (anyone who knows the URL could then start the workflow).',
					});
				}
				data.preferenceId = preference.id as number;
				data.signature = preference.signature ? String(preference.signature) : undefined;
				data.webhookUrl = url;
				await vendorRequest(this, PROVI_API, {
					method: 'PATCH',
					url: '/webhook-endpoint',
					body: { id: preference.id as number, enabledEvents: events },
				});
				return true;
			},

			/** Deletes the preference this node created (a missing one counts as deleted). */
			async delete(this: IHookFunctions): Promise<boolean> {
				const data = this.getWorkflowStaticData('node') as ProviStaticData;
				if (data.preferenceId !== undefined) {
					try {
						await vendorRequest(this, PROVI_API, {
							method: 'DELETE',
							url: `/webhook/preference/${encodeURIComponent(String(data.preferenceId))}`,
						});
					} catch (error) {
						if ((error as NodeApiError).httpCode !== '404') return false;
					}
				}
				delete data.preferenceId;
				delete data.signature;
				delete data.webhookUrl;
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const data = this.getWorkflowStaticData('node') as ProviStaticData;
		const refuse = (status: number, message: string): IWebhookResponseData => {
			this.getResponseObject().status(status).json({ message });
			return { noWebhookResponse: true };
		};
		const verify = this.getNodeParameter('verifySignature', true) as boolean;
		if (verify && !headersCarrySignature(this.getHeaderData(), String(data.signature ?? ''))) {
			return refuse(401, 'Invalid or missing Provi webhook signature');
		}
		const body = this.getBodyData() as unknown;
		if (!isObject(body)) return refuse(400, 'A Provi delivery is a JSON object');
		if (nestedDeeperThan(body, MAX_DEPTH)) return refuse(400, `A Provi delivery does not nest deeper than ${MAX_DEPTH} levels`);
		const nested = [body.data, body.payload].find(isObject);
		const event = body.webhook ?? nested?.webhook;
		const events = enabledEvents(this.getNodeParameter('events', []) as string[]);
		const allEvents = events.includes(ALL_EVENTS);
		if (typeof event !== 'string' || !event) {
			if (!allEvents) return refuse(400, 'The delivery names no event (webhook field)');
		} else if (!allEvents && !events.includes(event)) {
			return { webhookResponse: { received: true, ignored: event } };
		}
		// The signature is a fixed token, so a captured delivery could be sent again: refuse the same
		// body twice within the window (Provi's own retries of a delivery we took are dropped too).
		if (isReplay(data, deliveryFingerprint(body), Date.now())) {
			return { webhookResponse: { received: true, duplicate: true } };
		}
		const payload: IDataObject = body.webhook === undefined && nested ? { ...body, ...nested } : { ...body };
		// Answered here, before the run starts, so that n8n writes the replay memory to the database:
		// when n8n answers after starting the run, a change to static data made here is not saved.
		this.getResponseObject().status(200).json({ received: true });
		return {
			noWebhookResponse: true,
			workflowData: [this.helpers.returnJsonArray({ ...payload, webhook: typeof event === 'string' && event ? event : null })],
		};
	}
}
