import { describe, expect, it } from 'vitest';
import {
  type PromptContext,
  type PromptVariable,
  promptVariableNames,
  renderAgentPrompt,
  unfilledPromptVariables,
} from '../../src/agents/agent-settings.ts';

const vars = (values: Record<string, string>): PromptVariable[] => Object.entries(values).map(([name, value]) => ({ name, value }));

describe('rendering the voice prompt', () => {
  it.each<[string, string, PromptVariable[], PromptContext, string]>([
    [
      'a declared variable is filled',
      'Book via {{booking_link}}.',
      vars({ booking_link: 'acme.example/book' }),
      {},
      'Book via acme.example/book.',
    ],
    ['each use of a variable is filled', '{{x}} and {{x}}', vars({ x: 'A' }), {}, 'A and A'],
    [
      'the lead, the agent and the company come from the call',
      'Hi {{lead_name}}, {{agent_name}} of {{company_name}}',
      [],
      { leadName: 'Ana', agentName: 'Maya', companyName: 'Acme' },
      'Hi Ana, Maya of Acme',
    ],
    [
      'the company’s real name wins over the library’s fallback',
      'On behalf of {{company_name}}',
      vars({ company_name: 'our company' }),
      { companyName: 'Acme Homes' },
      'On behalf of Acme Homes',
    ],
    [
      'the fallback is used when the company is not known',
      'On behalf of {{company_name}}',
      vars({ company_name: 'our company' }),
      {},
      'On behalf of our company',
    ],
    [
      'a blank runtime value falls back too',
      'On behalf of {{company_name}}',
      vars({ company_name: 'our company' }),
      { companyName: '  ' },
      'On behalf of our company',
    ],
    [
      'names in any script are kept exactly',
      'Call {{lead_name}}.',
      [],
      { leadName: 'Zoë Ångström 李雷 محمد 👋🏽' },
      'Call Zoë Ångström 李雷 محمد 👋🏽.',
    ],
    ['a value that looks like a placeholder stays literal', 'Hi {{lead_name}}', vars({ x: 'X' }), { leadName: '{{x}}' }, 'Hi {{x}}'],
    ['a variable whose value names another variable stays literal', '{{a}}', vars({ a: '{{b}}', b: 'B' }), {}, '{{b}}'],
    ['replacement patterns in a value are plain text', 'Price: {{price}}', vars({ price: '$& or $1 or $$' }), {}, 'Price: $& or $1 or $$'],
    ['line breaks in a value are kept (a prompt is not a WhatsApp message)', '{{notes}}', vars({ notes: 'one\ntwo' }), {}, 'one\ntwo'],
    ['an unknown placeholder stays visible', 'Budget: {{budget}}', vars({ booking_link: 'x' }), {}, 'Budget: {{budget}}'],
    ['a declared but empty value stays visible', 'Area: {{service_area}}', vars({ service_area: '' }), {}, 'Area: {{service_area}}'],
    ['a runtime variable with no value stays visible', 'Hi {{lead_name}}', [], {}, 'Hi {{lead_name}}'],
    [
      'spaced, numbered and malformed placeholders are left as written',
      '{{ x }} {{1}} {{X Y}} {{{x}}}',
      vars({ x: 'A' }),
      {},
      '{{ x }} {{1}} {{X Y}} {{{x}}}',
    ],
    ['names of object properties are not variables', '{{constructor}} {{to_string}}', [], {}, '{{constructor}} {{to_string}}'],
  ])('%s', (_, prompt, variables, context, rendered) => {
    expect(renderAgentPrompt(prompt, variables, context)).toBe(rendered);
  });
});

describe('the variables a prompt uses', () => {
  it.each<[string, string, string[]]>([
    [
      'each once, in order of first use',
      'Hi {{lead_name}}, {{company_name}} here. {{lead_name}}, book at {{booking_link}}.',
      ['lead_name', 'company_name', 'booking_link'],
    ],
    ['none in plain text', 'You are a helpful assistant.', []],
    ['only well-formed names', '{{ spaced }} {{1}} {{Bad Name}} {{}} {{ok_2}}', ['ok_2']],
  ])('%s', (_, prompt, names) => {
    expect(promptVariableNames(prompt)).toEqual(names);
  });

  it('names those that would stay unfilled, for the editor to point at', () => {
    const prompt = 'Hi {{lead_name}}, {{agent_name}} of {{company_name}}: {{booking_link}} {{budget}}';
    expect(unfilledPromptVariables(prompt, vars({ company_name: 'Acme', booking_link: '' }), { agentName: 'Maya' })).toEqual([
      'lead_name',
      'booking_link',
      'budget',
    ]);
  });
});
