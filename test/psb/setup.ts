import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { PsbHostingApi } from '../../credentials/PsbHostingApi.credentials';
import { PsbHosting } from '../../nodes/PsbHosting/PsbHosting.node';
import { runNode } from '../harness/engine';
import type { MockServer } from '../harness/mockServer';
import { PSB_TOKEN } from '../sandboxes/psbHosting';

export const psbCredentials = (server: MockServer, token = PSB_TOKEN) => ({
	psbHostingApi: { token, baseUrl: `${server.url}/` },
});

export const rl = (value: string | number) => ({ __rl: true, mode: 'id', value: String(value) });

/** Runs the PSB Hosting node through the engine against the mock. */
export async function runPsb(
	server: MockServer,
	parameters: IDataObject,
	options: { items?: INodeExecutionData[]; continueOnFail?: boolean; token?: string } = {},
) {
	return await runNode({
		node: new PsbHosting(),
		parameters,
		credentials: psbCredentials(server, options.token),
		credentialTypes: [new PsbHostingApi()],
		items: options.items,
		continueOnFail: options.continueOnFail,
	});
}
