// Fills a template's {{variables}} with the values for one send. A missing value refuses the send by name.
const PLACEHOLDER = /\{\{\s*([a-zA-Z0-9_]+)\s*\}\}/g;

export function templateVariables(body: string): string[] {
  return [...new Set([...body.matchAll(PLACEHOLDER)].map((m) => m[1] as string))];
}

export type RenderResult = { ok: true; text: string; values: Record<string, string> } | { ok: false; missing: string[] };

export function renderTemplate(body: string, values: Record<string, string | undefined>): RenderResult {
  const names = templateVariables(body);
  const missing = names.filter((n) => !values[n]?.trim());
  if (missing.length) return { ok: false, missing };
  const used = Object.fromEntries(names.map((n) => [n, values[n] as string]));
  // Values are inserted as plain text: a value that looks like a placeholder is not expanded again.
  return { ok: true, text: body.replace(PLACEHOLDER, (_, name: string) => used[name] as string), values: used };
}
