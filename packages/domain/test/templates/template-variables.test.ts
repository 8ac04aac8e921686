import { describe, expect, it } from 'vitest';
import type { TemplateDefinition } from '../../src/templates/template-definition.ts';
import {
  hasStrayBraces,
  numberedParts,
  type PlaceholderKind,
  scanPlaceholders,
  templateVariableOrder,
  toNamedText,
  toNumberedText,
  variableNamesIn,
  variableNumbering,
} from '../../src/templates/template-variables.ts';
import { plain } from './template-fixtures.ts';

describe('reading placeholders', () => {
  it.each<[string, PlaceholderKind | null]>([
    ['{{first_name}}', 'variable'],
    ['{{line_2}}', 'variable'],
    ['{{1}}', 'numbered'],
    ['{{ 12 }}', 'numbered'],
    ['{{}}', 'empty'],
    ['{{ }}', 'empty'],
    ['{{ first_name }}', 'spaced'],
    ['{{First_Name}}', 'invalid_name'],
    ['{{first-name}}', 'invalid_name'],
    ['{{first name}}', 'invalid_name'],
    ['{{_private}}', 'invalid_name'],
    ['{{{first_name}}}', null],
    ['{first_name}', null],
    ['{{first_name', null],
  ])('%s is %s', (text, kind) => {
    const tokens = scanPlaceholders(`Hi ${text} there`);
    expect(tokens.map((t) => t.kind)).toEqual(kind ? [kind] : []);
  });

  it.each([
    ['Hi {{first_name}}', false],
    ['Hi {first} and {last}', false],
    ['Hi {{{first_name}}}', true],
    ['Hi {{first_name', true],
    ['Hi first_name}}', true],
    ['Hi {{first_name}}}', true],
  ])('%s has stray braces: %s', (text, stray) => {
    expect(hasStrayBraces(text)).toBe(stray);
  });

  it('finds each name once, in order of first appearance', () => {
    expect(variableNamesIn('{{b}} then {{a}} then {{b}} and {{1}} and {{ c }} and {{d}}')).toEqual(['b', 'a', 'd']);
  });
});

describe('numbering: body first, then header, then button URLs', () => {
  const def: TemplateDefinition = plain({
    body: 'Hi {{first_name}}, your visit with {{agent_name}} is on {{visit_day}}. See you, {{first_name}}, soon.',
    header: { type: 'text', text: 'Visit in {{city}}' },
    buttons: [
      { type: 'url', text: 'Directions', url: 'https://example.com/map/{{office_code}}' },
      { type: 'url', text: 'Reschedule', url: 'https://example.com/visit/{{visit_day}}' },
    ],
  });

  it('numbers every variable once, in that order', () => {
    expect(templateVariableOrder(def)).toEqual(['first_name', 'agent_name', 'visit_day', 'city', 'office_code']);
    expect(variableNumbering(def)).toEqual({
      byName: { first_name: 1, agent_name: 2, visit_day: 3, city: 4, office_code: 5 },
      byNumber: { '1': 'first_name', '2': 'agent_name', '3': 'visit_day', '4': 'city', '5': 'office_code' },
    });
  });

  it('gives Twilio numbered texts, the same number wherever a variable appears', () => {
    const parts = numberedParts(def);
    expect(parts.body).toBe('Hi {{1}}, your visit with {{2}} is on {{3}}. See you, {{1}}, soon.');
    expect(parts.header).toEqual({ type: 'text', text: 'Visit in {{4}}' });
    expect(parts.buttons).toEqual([
      { type: 'url', text: 'Directions', url: 'https://example.com/map/{{5}}' },
      { type: 'url', text: 'Reschedule', url: 'https://example.com/visit/{{3}}' },
    ]);
  });

  it('does not change the definition it numbers', () => {
    const copy = structuredClone(def);
    numberedParts(def);
    expect(def).toEqual(copy);
  });

  it('a header variable that is also in the body keeps the body’s number', () => {
    const both = plain({ body: 'Hello {{city}} friends, welcome.', header: { type: 'text', text: 'News for {{city}}' } });
    expect(numberedParts(both).header).toEqual({ type: 'text', text: 'News for {{1}}' });
  });

  it('reads numbered text back into names, and leaves what it does not know', () => {
    const numbering = variableNumbering(def);
    const named = 'Hi {{first_name}}, {{unknown}} and {{ agent_name }} and {{2}}';
    expect(toNumberedText(named, numbering)).toBe('Hi {{1}}, {{unknown}} and {{ agent_name }} and {{2}}');
    expect(toNamedText('Hi {{1}}, see {{3}} and {{9}}', numbering)).toBe('Hi {{first_name}}, see {{visit_day}} and {{9}}');
    expect(toNamedText(toNumberedText(def.body, numbering), numbering)).toBe(def.body);
  });

  it('a template without variables has an empty numbering', () => {
    expect(variableNumbering(plain())).toEqual({ byName: {}, byNumber: {} });
  });
});
