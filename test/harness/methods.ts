import { CredentialTestContext, LoadOptionsContext } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	INodeCredentialTestResult,
	INode,
	INodeListSearchResult,
	INodePropertyOptions,
	INodeType,
} from 'n8n-workflow';

import { runNode, singleNodeWorkflow } from './engine';

/** Calls a node's `methods.loadOptions[name]` or `methods.listSearch[name]` through n8n-core's LoadOptionsContext. */
export async function loadOptions(
	nodeType: INodeType,
	credentialTypes: ICredentialType[],
	credentials: Record<string, ICredentialDataDecryptedObject>,
	kind: 'loadOptions' | 'listSearch',
	method: string,
	filter?: string,
	parameters: INode['parameters'] = {},
): Promise<Array<{ name: string; value: string | number | boolean }>> {
	if (kind === 'listSearch') return (await searchPage(nodeType, credentialTypes, credentials, method, filter)).results;
	const { workflow, node, additionalData } = singleNodeWorkflow({ node: nodeType, parameters, credentials, credentialTypes });
	const context = new LoadOptionsContext(workflow, node, additionalData, '');
	const fn = nodeType.methods?.loadOptions?.[method];
	if (!fn) throw new Error(`No loadOptions method ${method}`);
	return (await fn.call(context)) as INodePropertyOptions[];
}

/** Calls a node's `methods.listSearch[name]` once and returns the page with its pagination token. */
export async function searchPage(
	nodeType: INodeType,
	credentialTypes: ICredentialType[],
	credentials: Record<string, ICredentialDataDecryptedObject>,
	method: string,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const { workflow, node, additionalData } = singleNodeWorkflow({ node: nodeType, parameters: {}, credentials, credentialTypes });
	const context = new LoadOptionsContext(workflow, node, additionalData, '');
	const fn = nodeType.methods?.listSearch?.[method];
	if (!fn) throw new Error(`No listSearch method ${method}`);
	return await fn.call(context, filter, paginationToken);
}

/**
 * Runs a credential's `test.request` the way n8n's credential tester does: a throwaway
 * declarative node whose request defaults are the test request, run by RoutingNode, then its
 * `responseCode` rules.
 */
export async function testCredential(
	credentialType: ICredentialType,
	data: ICredentialDataDecryptedObject,
): Promise<{ status: 'OK' | 'Error'; message?: string }> {
	const request = credentialType.test?.request;
	if (!request) throw new Error(`${credentialType.name} has no test request`);
	const tester = {
		description: {
			displayName: 'Credential Test',
			name: 'credentialTest',
			group: ['transform'],
			version: 1,
			description: '',
			defaults: { name: 'Credential Test' },
			inputs: ['main'],
			outputs: ['main'],
			credentials: [{ name: credentialType.name, required: true }],
			requestDefaults: request,
			properties: [],
		},
	} as unknown as INodeType;
	const { error } = await runNode({
		node: tester,
		parameters: {},
		credentials: { [credentialType.name]: data },
		credentialTypes: [credentialType],
	});
	if (!error) return { status: 'OK' };
	// As n8n's credential tester: a `responseCode` rule matching the status gives its message.
	const rule = credentialType.test?.rules?.find(
		(r) => r.type === 'responseCode' && String(r.properties.value) === String(error.httpCode),
	);
	return { status: 'Error', message: rule ? rule.properties.message : error.message };
}

/**
 * Runs a node's `methods.credentialTest[name]` the way n8n's credential tester does for a
 * credential without a `test` request: in n8n-core's CredentialTestContext (requests through n8n's
 * legacy request helper).
 */
export async function testCredentialWith(
	nodeType: INodeType,
	credentialType: ICredentialType,
	data: ICredentialDataDecryptedObject,
): Promise<INodeCredentialTestResult> {
	const testedBy = nodeType.description.credentials?.find((c) => c.name === credentialType.name)?.testedBy;
	const fn = typeof testedBy === 'string' ? nodeType.methods?.credentialTest?.[testedBy] : undefined;
	if (!fn) throw new Error(`${nodeType.description.name} has no credential test for ${credentialType.name}`);
	const { additionalData } = singleNodeWorkflow({ node: nodeType, parameters: {}, credentials: { [credentialType.name]: data }, credentialTypes: [credentialType] });
	const context = new CredentialTestContext(additionalData);
	return await fn.call(context, { id: 'test', name: credentialType.displayName, type: credentialType.name, data });
}
