/** A message as written: text, and `{expression}`s whose values are written in; `{{` and `}}` are braces. */
export type TemplatePart = string | { expression: string; at: number };

export type ParsedTemplate = { ok: true; parts: TemplatePart[] } | { ok: false; at: number; message: string };

/** Where the `}` closing the expression opened at `open` is, skipping quoted text and inner braces; -1 if none. */
function closingBrace(text: string, open: number): number {
  let depth = 0;
  for (let i = open + 1; i < text.length; i++) {
    const char = text[i]!;
    if (char === "'" || char === '"') {
      for (i++; i < text.length && text[i] !== char; i++) if (text[i] === "\\") i++;
    } else if (char === "{") depth++;
    else if (char === "}") {
      if (depth === 0) return i;
      depth--;
    }
  }
  return -1;
}

export function parseTemplate(text: string): ParsedTemplate {
  const parts: TemplatePart[] = [];
  let literal = "";
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if ((char === "{" || char === "}") && text[i + 1] === char) {
      literal += char;
      i++;
    } else if (char === "}") {
      return { ok: false, at: i, message: "a } with no { before it; write }} for a brace" };
    } else if (char === "{") {
      const close = closingBrace(text, i);
      if (close === -1) return { ok: false, at: i, message: "a { that is never closed; write {{ for a brace" };
      const expression = text.slice(i + 1, close);
      if (expression.trim() === "") return { ok: false, at: i, message: "an empty {}; write {{}} for braces" };
      if (literal) parts.push(literal);
      literal = "";
      parts.push({ expression, at: i + 1 });
      i = close;
    } else literal += char;
  }
  if (literal) parts.push(literal);
  return { ok: true, parts };
}
