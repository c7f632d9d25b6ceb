import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { toList } from './format';
import type { OperationSpec } from './types';

interface Part {
	name: string;
	value: Buffer | string;
	fileName?: string;
	contentType?: string;
}

const quote = (s: string) => s.replace(/["\r\n]/g, (c) => encodeURIComponent(c));

/** Encodes parts as a multipart/form-data body (RFC 7578). */
export function encodeMultipart(parts: Part[], boundary: string): Buffer {
	const chunks: Buffer[] = [];
	for (const part of parts) {
		let head = `--${boundary}\r\nContent-Disposition: form-data; name="${quote(part.name)}"`;
		if (part.fileName !== undefined) head += `; filename="${quote(part.fileName)}"`;
		head += '\r\n';
		if (part.contentType) head += `Content-Type: ${part.contentType}\r\n`;
		chunks.push(Buffer.from(`${head}\r\n`), Buffer.isBuffer(part.value) ? part.value : Buffer.from(part.value), Buffer.from('\r\n'));
	}
	chunks.push(Buffer.from(`--${boundary}--\r\n`));
	return Buffer.concat(chunks);
}

function textValue(value: unknown): string[] {
	if (value === undefined || value === null || value === '') return [];
	if (Array.isArray(value)) return value.flatMap(textValue);
	if (typeof value === 'object') return [JSON.stringify(value)];
	return [String(value)];
}

/**
 * Builds the multipart body of an operation: text parts from the body fields, file parts from
 * the input item's binary properties named in `binaryParam`.
 */
export async function toMultipart(
	ctx: IExecuteFunctions,
	itemIndex: number,
	op: OperationSpec,
	body: IDataObject,
): Promise<{ body: Buffer; contentType: string }> {
	const spec = op.multipart as NonNullable<OperationSpec['multipart']>;
	const parts: Part[] = [];
	for (const [name, value] of Object.entries(body)) {
		for (const v of textValue(value)) parts.push({ name, value: v });
	}
	const names = toList(ctx.getNodeParameter(spec.binaryParam, itemIndex, '') as string).map(String);
	const item = ctx.getInputData()[itemIndex];
	for (const property of names) {
		const binary = item.binary?.[property];
		if (!binary) {
			throw new NodeOperationError(
				ctx.getNode(),
				`No binary property "${property}" on input item ${itemIndex}`,
				{
					itemIndex,
					description: `The parameter "Binary Properties" names "${property}", but the input item has ${
						item.binary ? `only: ${Object.keys(item.binary).join(', ')}` : 'no binary data'
					}.`,
				},
			);
		}
		const buffer = await ctx.helpers.getBinaryDataBuffer(itemIndex, property);
		parts.push({
			name: spec.partName,
			value: buffer,
			fileName: binary.fileName ?? property,
			contentType: binary.mimeType || 'application/octet-stream',
		});
	}
	const boundary = `----n8nCourseStack${Date.now().toString(16)}${Math.random().toString(16).slice(2)}`;
	return { body: encodeMultipart(parts, boundary), contentType: `multipart/form-data; boundary=${boundary}` };
}
