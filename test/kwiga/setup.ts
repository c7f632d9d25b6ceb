import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { KwigaApi } from '../../credentials/KwigaApi.credentials';
import { Kwiga } from '../../nodes/Kwiga/Kwiga.node';
import { runNode } from '../harness/engine';
import type { MockServer } from '../harness/mockServer';
import { KWIGA_CABINET, KWIGA_TOKEN } from '../sandboxes/kwiga';

export const kwigaCredentials = (server: MockServer, token = KWIGA_TOKEN) => ({
	kwigaApi: { token, cabinetHash: KWIGA_CABINET, baseUrl: `${server.url}/` },
});

/** Runs the Kwiga node through the engine against the mock. */
export async function runKwiga(
	server: MockServer,
	parameters: IDataObject,
	options: { items?: INodeExecutionData[]; continueOnFail?: boolean; errorOutput?: boolean; token?: string } = {},
) {
	return await runNode({
		node: new Kwiga(),
		parameters,
		credentials: kwigaCredentials(server, options.token),
		credentialTypes: [new KwigaApi()],
		items: options.items,
		continueOnFail: options.continueOnFail,
		errorOutput: options.errorOutput,
	});
}
