// Text with WhatsApp's formatting: *bold*, _italic_, ~strike~ and ```monospace```, built as React nodes (never
// HTML) so anything a template or a lead's value contains is shown as text.
import type { ReactNode } from 'react';

// A marker opens after a non-word character and closes before one, and the text inside neither starts nor ends
// with a space: "2*3*4" and "my_var_name" stay as typed, as in WhatsApp.
const PATTERN = /```([^`][\s\S]*?)```|(?<![\p{L}\p{N}])([*_~])(\S(?:[^\n]*?\S)?)\2(?![\p{L}\p{N}])/gu;

function format(text: string, keyPrefix: string): ReactNode[] {
  const out: ReactNode[] = [];
  let last = 0;
  for (const match of text.matchAll(PATTERN)) {
    const at = match.index;
    if (at > last) out.push(text.slice(last, at));
    const key = `${keyPrefix}${at}`;
    const [, mono, mark, inner = ''] = match;
    if (mono !== undefined) out.push(<code key={key}>{mono}</code>);
    else if (mark === '*') out.push(<strong key={key}>{format(inner, `${key}.`)}</strong>);
    else if (mark === '_') out.push(<em key={key}>{format(inner, `${key}.`)}</em>);
    else out.push(<s key={key}>{format(inner, `${key}.`)}</s>);
    last = at + match[0].length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

export function WhatsAppText({ text }: { text: string }) {
  return <>{format(text, '')}</>;
}
