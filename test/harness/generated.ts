/**
 * Checks against generated files. A failure says which command regenerates the file, so whoever
 * changed the data that feeds it knows the fix without reading the test.
 */
import { existsSync, readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';

const ROOT = resolve(__dirname, '..', '..');

/** Runs `check`; when it fails, the error starts by naming the stale file and its command. */
export function regenerateWith(command: string, file: string, check: () => void): void {
	try {
		check();
	} catch (error) {
		const e = error as Error;
		e.message = `${relative(ROOT, file)} is not what the generator makes of the current data: run \`${command}\` and review the diff.\n\n${e.message}`;
		throw e;
	}
}

/** The committed `file` holds exactly `expected` (what `command` writes). */
export function expectGenerated(command: string, file: string, expected: string): void {
	regenerateWith(command, file, () => {
		expect(existsSync(file)).toBe(true);
		expect(readFileSync(file, 'utf8')).toBe(expected);
	});
}
