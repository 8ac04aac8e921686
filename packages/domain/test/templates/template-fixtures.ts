// Small valid templates for the template tests to change one thing at a time.
import type { TemplateDefinition, TemplateVariable } from '../../src/templates/template-definition.ts';

export const FIRST_NAME: TemplateVariable = { name: 'first_name', example: 'Ana', binding: { source: 'lead', field: 'firstName' } };
export const AGENT_NAME: TemplateVariable = { name: 'agent_name', example: 'Sam', binding: { source: 'agent', field: 'name' } };

/** No variables, so a row can push one limit without tripping the variable rules. */
export const plain = (overrides: Partial<TemplateDefinition> = {}): TemplateDefinition => ({
  name: 'spring_offer',
  language: 'en',
  category: 'marketing',
  body: 'Our spring offer is here. Would you like to hear more?',
  header: null,
  footer: null,
  buttons: [],
  variables: [],
  ...overrides,
});

/** A first contact with two variables, both declared with examples. */
export const greeting = (overrides: Partial<TemplateDefinition> = {}): TemplateDefinition =>
  plain({
    body: 'Hi {{first_name}}, this is {{agent_name}} from Acme. Would you like a quick call about your enquiry?',
    variables: [FIRST_NAME, AGENT_NAME],
    ...overrides,
  });

/** Paths of the issues, in order: what most rows compare. */
export const issuePaths = (issues: { path: string }[]) => issues.map((i) => i.path);
