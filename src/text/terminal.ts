/**
 * Characters a terminal acts on, or that hide or reorder what is shown, instead of showing as
 * themselves: controls (ESC, BEL, CR, and the C1 range, which some terminals also take as
 * escapes), format characters (bidi overrides such as U+202E, zero-width spaces and joiners, the
 * byte order mark, the invisible tag characters), line and paragraph separators, lone surrogates,
 * and the Hangul fillers, which are letters that draw nothing.
 */
const HIDDEN = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}\u115F\u1160\u3164\uFFA0]/gu;
const NAMED: Readonly<Record<string, string>> = { "\n": "\\n", "\r": "\\r", "\t": "\\t" };

function escape(char: string): string {
  const named = NAMED[char];
  if (named) return named;
  const code = char.codePointAt(0)!;
  if (code <= 0xff) return `\\x${code.toString(16).padStart(2, "0")}`;
  return code <= 0xffff ? `\\u${code.toString(16).padStart(4, "0")}` : `\\u{${code.toString(16)}}`;
}

/**
 * Text from the data as it may be shown on a terminal: every character that would act on the
 * terminal or hide or reorder text is written as its escape (`\x1b`, `\r`, `\n`, `\u202e`,
 * `\u200b`), so that it is seen and does nothing. Everything else, letters of any script
 * included, is left as it is; the result is changed by no second call.
 */
export function terminalText(text: string): string {
  return text.replace(HIDDEN, escape);
}

/** Whether `text` shows on a terminal as itself: no character in it would be escaped by `terminalText`. */
export function showsAsItself(text: string): boolean {
  return text.search(HIDDEN) === -1;
}

/** `terminalText` for a block of lines: the line breaks are kept, everything else is escaped. */
export function terminalLines(text: string): string {
  return text.split("\n").map(terminalText).join("\n");
}
