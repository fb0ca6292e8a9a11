import stringWidth from "string-width";
import { terminalText } from "./terminal.js";

// Apart from src/text/terminal.ts: measuring loads string-width (Unicode segmentation and emoji
// tables), which only what lines text up in columns needs.

/** The columns `terminalText(text)` takes on a terminal: wide (East Asian) characters count two, combining marks none. */
export function terminalWidth(text: string): number {
  return stringWidth(terminalText(text));
}

/** `terminalText(text)` padded with spaces to `width` columns, after it (`end`) or before it (`start`). */
export function terminalPad(text: string, width: number, side: "end" | "start"): string {
  const shown = terminalText(text);
  const space = " ".repeat(Math.max(0, width - stringWidth(shown)));
  return side === "end" ? shown + space : space + shown;
}
