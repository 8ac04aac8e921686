// PostgreSQL array literals ({"a","b \"c\"",NULL}) written in one pass. node-postgres turns a JavaScript array into
// the same text, but runs two regular-expression replacements on every element; a lead import sends eleven
// columns of a million rows this way, and most elements need no escaping at all.

const NEEDS_ESCAPE = /["\\]/;

/** An array literal of text values (null as NULL), every element quoted: nothing in it is read as syntax. */
export function arrayLiteral(values: readonly (string | null)[]): string {
  let text = '{';
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (i > 0) text += ',';
    if (value === null || value === undefined) text += 'NULL';
    else text += `"${NEEDS_ESCAPE.test(value) ? value.replace(/["\\]/g, '\\$&') : value}"`;
  }
  return `${text}}`;
}
