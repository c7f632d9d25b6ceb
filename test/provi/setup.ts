import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { ProviApi } from '../../credentials/ProviApi.credentials';
import { Provi } from '../../nodes/Provi/Provi.node';
import { runNode } from '../harness/engine';
import type { MockServer } from '../harness/mockServer';
import { PROVI_TOKEN } from '../sandboxes/provi';

export const proviCredentials = (server: MockServer, token = PROVI_TOKEN) => ({
	proviApi: { token, environment: 'custom', baseUrl: `${server.url}/`, apiVersion: 'v4' },
});

/** Runs the Provi node through the engine against the mock. */
export async function runProvi(
	server: MockServer,
	parameters: IDataObject,
	options: { items?: INodeExecutionData[]; continueOnFail?: boolean; token?: string } = {},
) {
	return await runNode({
		node: new Provi(),
		parameters,
		credentials: proviCredentials(server, options.token),
		credentialTypes: [new ProviApi()],
		items: options.items,
		continueOnFail: options.continueOnFail,
	});
}
