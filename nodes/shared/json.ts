/**
 * JSON.parse that keeps integers beyond Number.MAX_SAFE_INTEGER exact, as text: a record ID of
 * 2^53 + 1 would otherwise become 2^53 and be mistaken for another record.
 */
export function parseJson(text: string): unknown {
	return JSON.parse(quoteUnsafeIntegers(text));
}

/** Wraps in quotes every integer literal outside strings that a JavaScript number cannot hold exactly. */
export function quoteUnsafeIntegers(text: string): string {
	// Cheap way out for the usual body: no run of 16 digits, nothing to do.
	if (!/\d{16}/.test(text)) return text;
	let out = '';
	let copied = 0;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (c === 34 /* " */) {
			for (i++; i < text.length && text.charCodeAt(i) !== 34; i++) if (text.charCodeAt(i) === 92 /* \ */) i++;
			continue;
		}
		if (c !== 45 /* - */ && (c < 48 || c > 57)) continue;
		let end = i + 1;
		while (end < text.length && /[0-9.eE+-]/.test(text[end])) end++;
		const literal = text.slice(i, end);
		if (/^-?\d{16,}$/.test(literal) && !Number.isSafeInteger(Number(literal))) {
			out += `${text.slice(copied, i)}"${literal}"`;
			copied = end;
		}
		i = end - 1;
	}
	return out + text.slice(copied);
}
