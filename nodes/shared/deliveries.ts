import { createHash } from 'node:crypto';

import type { IDataObject } from 'n8n-workflow';

/**
 * What webhook triggers share about the deliveries they take: the shape they accept and the memory
 * that refuses a captured delivery sent again.
 */

/** How long a delivery's fingerprint is kept: the same delivery again within it is a replay. */
export const REPLAY_WINDOW_MS = 24 * 60 * 60_000;
/** At most this many fingerprints are kept (the oldest go first). */
export const MAX_DELIVERIES = 1000;
/** Deeper bodies are refused: no vendor nests its events like that, and walking them would overflow the stack. */
export const MAX_DEPTH = 100;

export const isObject = (value: unknown): value is IDataObject =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

/** Whether objects and arrays in `value` nest deeper than `max` levels (walked without recursion). */
export function nestedDeeperThan(value: unknown, max: number): boolean {
	const stack: Array<[unknown, number]> = [[value, 1]];
	while (stack.length) {
		const [item, depth] = stack.pop()!;
		if (typeof item !== 'object' || item === null) continue;
		if (depth > max) return true;
		for (const child of Object.values(item)) if (typeof child === 'object' && child !== null) stack.push([child, depth + 1]);
	}
	return false;
}

/** A delivery's fingerprint for replay detection: SHA-256 of its body (keys in a stable order). */
export function deliveryFingerprint(body: unknown): string {
	const canonical = (value: unknown): unknown => {
		if (Array.isArray(value)) return value.map(canonical);
		if (value && typeof value === 'object') {
			return Object.fromEntries(
				Object.keys(value)
					.sort()
					.map((key) => [key, canonical((value as Record<string, unknown>)[key])]),
			);
		}
		return value;
	};
	return createHash('sha256').update(JSON.stringify(canonical(body))).digest('hex');
}

/**
 * Whether the delivery was seen within the window; records it otherwise (bounded, oldest dropped).
 * `memory` is the node's static data: n8n saves it when the trigger answers before the run starts.
 */
export function isReplay(memory: { deliveries?: Record<string, number> }, fingerprint: string, now: number): boolean {
	const recent = Object.entries(memory.deliveries ?? {}).filter(([, at]) => now - at < REPLAY_WINDOW_MS);
	if (recent.some(([known]) => known === fingerprint)) return true;
	recent.push([fingerprint, now]);
	memory.deliveries = Object.fromEntries(recent.sort((a, b) => a[1] - b[1]).slice(-MAX_DELIVERIES));
	return false;
}
