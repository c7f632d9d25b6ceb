/**
 * Builds n8n-core contexts for code the workflow engine does not run by itself: webhook lifecycle
 * (HookContext: checkExists/create/delete), deliveries (WebhookContext) and dropdowns
 * (LoadOptionsContext), all over a real `Workflow` with the test credentials helper.
 */
import { HookContext, LoadOptionsContext, WebhookContext } from 'n8n-core';
import type {
	IDataObject,
	INode,
	IWebhookData,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import type { NodeSetup } from './engine';
import { singleNodeWorkflow } from './engine';

export type { NodeSetup };

export const WEBHOOK_BASE_URL = 'http://localhost:5678/webhook';

/** A minimal express-like response that records what the node sends. */
export class FakeResponse {
	statusCode = 200;

	body: unknown;

	headers: Record<string, string> = {};

	ended = false;

	status(code: number) {
		this.statusCode = code;
		return this;
	}

	json(body: unknown) {
		this.body = body;
		this.ended = true;
		return this;
	}

	send(body: unknown) {
		this.body = body;
		this.ended = true;
		return this;
	}

	setHeader(name: string, value: string) {
		this.headers[name.toLowerCase()] = value;
		return this;
	}

	end(body?: unknown) {
		if (body !== undefined) this.body = body;
		this.ended = true;
		return this;
	}
}

function build(setup: NodeSetup, extra: Partial<IWorkflowExecuteAdditionalData> = {}) {
	return singleNodeWorkflow(setup, {
		node: { webhookId: 'a1b2c3d4-provi-hook' },
		additionalData: { webhookBaseUrl: WEBHOOK_BASE_URL, ...extra },
	});
}

function webhookData(workflow: Workflow, node: INode): IWebhookData {
	const description = (workflow.nodeTypes.getByNameAndVersion(node.type, 1).description.webhooks ?? [])[0];
	return {
		httpMethod: description.httpMethod as IWebhookData['httpMethod'],
		node: node.name,
		path: `${node.webhookId}/${String(description.path)}`,
		webhookDescription: description,
		workflowId: String(workflow.id),
		workflowExecuteAdditionalData: {} as IWorkflowExecuteAdditionalData,
	} as IWebhookData;
}

/** The context n8n gives `webhookMethods.default.checkExists/create/delete` on activation. */
export function hookContext(setup: NodeSetup) {
	const { workflow, node, additionalData } = build(setup);
	const context = new HookContext(workflow, node, additionalData, 'trigger', 'activate', webhookData(workflow, node));
	return { context, workflow };
}

/** The context n8n gives `webhook()` for one delivery. */
export function webhookContext(setup: NodeSetup, request: { headers?: IDataObject; body?: unknown; query?: IDataObject }) {
	const response = new FakeResponse();
	const httpRequest = { headers: request.headers ?? {}, body: request.body ?? {}, params: {}, query: request.query ?? {} };
	const { workflow, node, additionalData } = build(setup, {
		httpRequest: httpRequest as never,
		httpResponse: response as never,
	});
	const context = new WebhookContext(workflow, node, additionalData, 'trigger', webhookData(workflow, node), [], null);
	return { context, response, workflow };
}

/** The context n8n gives a `loadOptions` method (current parameters = `setup.parameters`). */
export function loadOptionsContext(setup: NodeSetup, path = 'parameters.x') {
	const { workflow, node, additionalData } = build(setup);
	return new LoadOptionsContext(workflow, node, additionalData, path);
}
