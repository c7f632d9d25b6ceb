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

import { vendorRequest } from '../shared/lookups';

import { ALL_EVENTS, enabledEvents, WEBHOOK_EVENTS_WITH_ALL } from './options';
import { headersCarrySignature } from './signature';
import { PROVI_API } from './api';

interface ProviStaticData extends IDataObject {
	preferenceId?: number | string;
	signature?: string;
	webhookUrl?: string;
}

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
		const verify = this.getNodeParameter('verifySignature', true) as boolean;
		if (verify) {
			const data = this.getWorkflowStaticData('node') as ProviStaticData;
			const signature = String(data.signature ?? '');
			if (!signature || !headersCarrySignature(this.getHeaderData(), signature)) {
				const res = this.getResponseObject();
				res.status(401).json({ message: 'Invalid or missing Provi webhook signature' });
				return { noWebhookResponse: true };
			}
		}
		const body = (this.getBodyData() ?? {}) as IDataObject;
		const nested = [body.data, body.payload].find((v) => v && typeof v === 'object') as IDataObject | undefined;
		const event = (body.webhook ?? nested?.webhook) as string | undefined;
		const events = enabledEvents(this.getNodeParameter('events', []) as string[]);
		if (!events.includes(ALL_EVENTS) && event !== undefined && !events.includes(event)) {
			return { webhookResponse: { received: true, ignored: event } };
		}
		const payload: IDataObject = body.webhook === undefined && nested ? { ...body, ...nested } : { ...body };
		return { workflowData: [this.helpers.returnJsonArray({ ...payload, webhook: event ?? null })] };
	}
}
