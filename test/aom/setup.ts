import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { AcademyOfMineApi } from '../../credentials/AcademyOfMineApi.credentials';
import { AcademyOfMine } from '../../nodes/AcademyOfMine/AcademyOfMine.node';
import { runNode } from '../harness/engine';
import type { MockServer } from '../harness/mockServer';
import type { AomAuth } from '../sandboxes/academyOfMine';
import { AOM_KEY } from '../sandboxes/academyOfMine';

export const aomCredentials = (server: MockServer, auth: AomAuth = { scheme: 'bearer' }, key = AOM_KEY) => ({
	academyOfMineApi: {
		baseUrl: `${server.url}/api/`,
		apiKey: key,
		headerScheme: auth.scheme,
		headerName: auth.header ?? 'X-API-Key',
		headerPrefix: auth.prefix ?? '',
	},
});

/** Runs the Academy of Mine node through the engine against the mock (base URL `<mock>/api`). */
export async function runAom(
	server: MockServer,
	parameters: IDataObject,
	options: { items?: INodeExecutionData[]; continueOnFail?: boolean; auth?: AomAuth; key?: string } = {},
) {
	return await runNode({
		node: new AcademyOfMine(),
		parameters,
		credentials: aomCredentials(server, options.auth, options.key),
		credentialTypes: [new AcademyOfMineApi()],
		items: options.items,
		continueOnFail: options.continueOnFail,
	});
}

export const rl = (value: string | number) => ({ __rl: true, mode: 'id', value: String(value) });

/** The choice (Module Type, Service, Area) that lists an operation, as the editor sets it. */
export function choiceParams(resource: string, operation: string): IDataObject {
	const { ACADEMY_OF_MINE } = require('../../nodes/AcademyOfMine/vendor') as typeof import('../../nodes/AcademyOfMine/vendor');
	const { choice } = ACADEMY_OF_MINE.resources.find((r) => r.value === resource) ?? {};
	const option = choice?.options.find((o) => o.operations.includes(operation));
	return choice && option ? { [choice.name]: option.value } : {};
}
