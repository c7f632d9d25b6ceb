import type { ICredentialDataDecryptedObject, IHttpRequestOptions } from 'n8n-workflow';

import type { ApiSpec, BaseUrlSpec } from './types';

/**
 * A credential's `authenticate`: the headers `headers` makes of the credential, on every request.
 * A function rather than n8n's generic form, whose `={{$credentials.token}}` expressions n8n
 * evaluates again for every request: that took more CPU than the rest of an item's request path.
 */
export function headerAuthentication(headers: (credentials: ICredentialDataDecryptedObject) => Record<string, string>) {
	return async (credentials: ICredentialDataDecryptedObject, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> => ({
		...requestOptions,
		headers: { ...(requestOptions.headers ?? {}), ...headers(credentials) },
	});
}

const trimSlashes = (value: string) => value.replace(/\/+$/, '');

/** The vendor's base URL for these credentials (no trailing slash). */
export function baseUrlOf(spec: BaseUrlSpec, credentials: ICredentialDataDecryptedObject): string {
	let host = trimSlashes(String(credentials[spec.field] || spec.default || ''));
	if (spec.environments) {
		const environment = String(credentials[spec.environments.field] || spec.environments.default);
		if (environment !== 'custom') {
			host = spec.environments.hosts[environment] ?? spec.environments.hosts[spec.environments.default];
		}
	}
	if (!spec.suffix) return host;
	const suffix = String(credentials[spec.suffix.field] || spec.suffix.default).replace(/^\/+|\/+$/g, '');
	return suffix ? `${host}/${suffix}` : host;
}

/**
 * The same URL as an n8n expression over `$credentials`, for the credential test request (n8n
 * evaluates that one itself). `test/shared/api.test.ts` checks both agree.
 */
export function baseUrlExpression(spec: BaseUrlSpec): string {
	const str = (value: string) => JSON.stringify(value);
	const field = (name: string) => `$credentials[${str(name)}]`;
	let host = `String(${field(spec.field)} || ${str(spec.default ?? '')}).replace(/\\/+$/, "")`;
	if (spec.environments) {
		const env = spec.environments;
		const chosen = `String(${field(env.field)} || ${str(env.default)})`;
		const fallback = str(env.hosts[env.default]);
		const known = Object.entries(env.hosts).reduceRight(
			(rest, [name, url]) => `${chosen} === ${str(name)} ? ${str(url)} : ${rest}`,
			fallback,
		);
		host = `(${chosen} === "custom" ? ${host} : ${known})`;
	}
	if (!spec.suffix) return `={{ ${host} }}`;
	const suffix = `String(${field(spec.suffix.field)} || ${str(spec.suffix.default)}).replace(/^\\/+|\\/+$/g, "")`;
	return `={{ ${host} + (${suffix} ? "/" + ${suffix} : "") }}`;
}

/** The secret values of these credentials (short values are left alone: they would redact noise). */
export function secretsOf(api: ApiSpec, credentials: ICredentialDataDecryptedObject): string[] {
	return api.secrets
		.map((name) => credentials[name])
		.filter((value): value is string => typeof value === 'string' && value.length >= 4);
}
