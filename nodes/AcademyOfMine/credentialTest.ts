import type {
	ICredentialDataDecryptedObject,
	ICredentialsDecrypted,
	ICredentialTestFunctions,
	IDataObject,
	INodeCredentialTestResult,
} from 'n8n-workflow';

import { baseUrlOf, secretsOf } from '../shared/api';
import { isHtml } from '../shared/errors';
import { redactText } from '../shared/secrets';

import { AOM_API, aomAuthHeader } from './api';
import type { AomRoute, AomRoutes, TextFetch } from './routeSource';
import { inferredRouteHint, loadRoutes } from './routeSource';
import { ROUTES } from './generated/routes';

/** How long one request of the test may take. */
const TIMEOUT_MS = 30_000;

/** A read-only lookup with no parameters: the webhook events. */
const TEST_REF = 'aom.webhooks.webhook-event-lookup';

/** The route tried: the events lookup, or else the first parameterless GET the API description confirms. */
function testRoute(routes: AomRoutes): AomRoute {
	const events = routes.route(TEST_REF);
	if (!routes.described || events.source === 'description') return events;
	const confirmed = Object.keys(ROUTES)
		.map((ref) => routes.route(ref))
		.find((r) => r.source === 'description' && r.method === 'GET' && !r.path.includes('{'));
	return confirmed ?? events;
}

/**
 * The credential test: one GET through the same route source as the node (so it can pass on a real
 * academy whose routes the API description gives), refused when the answer is an HTML page, and
 * saying which route it tried and how many routes the API description confirmed.
 */
export async function aomCredentialTest(this: ICredentialTestFunctions, credential: ICredentialsDecrypted): Promise<INodeCredentialTestResult> {
	const data = (credential.data ?? {}) as ICredentialDataDecryptedObject;
	const secrets = secretsOf(AOM_API, data);
	const [header, value] = aomAuthHeader(data);
	// n8n gives a credential test only its deprecated `request` helper: the platform's fetch instead
	const send = async (method: string, url: string, headers: Record<string, string>, withCredential: boolean) => {
		const response = await fetch(url, {
			method,
			headers: withCredential ? { ...headers, [header]: value } : headers,
			// the key is never carried to wherever a redirect points
			redirect: withCredential ? 'manual' : 'follow',
			signal: AbortSignal.timeout(TIMEOUT_MS),
		});
		const body = Buffer.from(await response.arrayBuffer());
		const answered: IDataObject = {};
		response.headers.forEach((text, name) => (answered[name] = text));
		return { statusCode: response.status, headers: answered, body };
	};
	const getText: TextFetch = async (url, headers, withCredential) => await send('GET', url, headers, withCredential);
	const fail = (message: string): INodeCredentialTestResult => ({ status: 'Error', message: redactText(message, secrets) });
	let routes: AomRoutes;
	try {
		routes = await loadRoutes(data, getText);
	} catch (error) {
		return fail(`API description: ${(error as Error).message}`);
	}
	const counted = routes.described
		? `${routes.confirmed} of ${routes.total} routes confirmed by the API description`
		: `no API description set: the ${routes.total} routes are inferred`;
	const route = testRoute(routes);
	const tried = `${route.method} ${route.path}${route.source === 'inferred' ? ' (inferred)' : ''}`;
	let response: Awaited<ReturnType<typeof send>>;
	try {
		response = await send(route.method, `${baseUrlOf(AOM_API.baseUrl, data)}${route.path}`, { Accept: 'application/json' }, true);
	} catch (error) {
		return fail(`${tried} could not be sent: ${(error as Error).message}`);
	}
	const status = response.statusCode;
	const text = response.body.toString('utf8');
	if (status === 401 || status === 403) return fail(`The API key was refused (HTTP ${status}) on ${tried}`);
	if (status >= 400) {
		const hint = route.source === 'inferred' && (status === 404 || status === 405) ? ` ${inferredRouteHint(route)}` : '';
		return fail(`${tried} answered HTTP ${status}.${hint} (${counted})`);
	}
	if (isHtml(text)) return fail(`${tried} answered an HTML page, not the API: check the Base URL (${counted})`);
	try {
		JSON.parse(text);
	} catch {
		return fail(`${tried} answered something that is not JSON (HTTP ${status}): check the Base URL (${counted})`);
	}
	return { status: 'OK', message: `Connection tested: ${tried} answered. ${counted[0].toUpperCase()}${counted.slice(1)}.` };
}
