import { describe, expect, it } from 'vitest';
import { INDUSTRIES, INDUSTRY_IDS } from '../../src/industries/industries.ts';
import { libraryForIndustry, libraryTemplate, TEMPLATE_LIBRARY } from '../../src/templates/template-library.ts';
import { previewTemplate } from '../../src/templates/template-rendering.ts';
import { validateTemplate } from '../../src/templates/template-validation.ts';
import { contentCreateRequest } from '../../src/templates/twilio-content.ts';

const ROWS = TEMPLATE_LIBRARY.map((t) => [t.key, t] as const);

describe('the industry library', () => {
  it('has at least 60 templates, each key once', () => {
    expect(TEMPLATE_LIBRARY.length).toBeGreaterThanOrEqual(60);
    expect(new Set(TEMPLATE_LIBRARY.map((t) => t.key)).size).toBe(TEMPLATE_LIBRARY.length);
  });

  it.each(ROWS)('%s passes WhatsApp’s rules with no issue', (_, template) => {
    expect(validateTemplate(template.definition)).toEqual([]);
  });

  it.each(INDUSTRIES.map((i) => [i.id, i.label] as const))('%s (%s) has a first contact for a new lead', (industry) => {
    const first = libraryTemplate(`${industry}_first_contact`);
    expect(first?.industry).toBe(industry);
    expect(['marketing', 'utility']).toContain(first?.definition.category);
    expect(libraryForIndustry(industry)[0]?.key).toBe(`${industry}_first_contact`);
  });

  it.each(ROWS)('%s is named by its key, in English, under its industry', (key, template) => {
    expect(template.definition.name).toBe(key);
    expect(template.definition.language).toBe('en');
    expect(INDUSTRY_IDS).toContain(template.industry);
    expect(key.startsWith(`${template.industry}_`)).toBe(true);
    expect(template.title.trim()).not.toBe('');
    expect(template.description.trim()).not.toBe('');
  });

  it.each(ROWS)('%s fills every variable from the lead, the agent or the company', (_, template) => {
    expect(template.definition.variables.every((v) => v.binding !== undefined)).toBe(true);
  });

  it.each(ROWS.filter(([key]) => /reminder|confirmation|receipt/.test(key)))(
    '%s is utility (a reminder or confirmation)',
    (_, template) => {
      expect(template.definition.category).toBe('utility');
    },
  );

  it.each(ROWS.filter(([key]) => /follow_up|offer|abandoned_cart/.test(key)))('%s is marketing (it promotes)', (_, template) => {
    expect(template.definition.category).toBe('marketing');
  });

  it.each(ROWS)('%s previews with its examples and builds a Twilio content body', (_, template) => {
    expect(previewTemplate(template.definition).body).not.toContain('{{');
    const request = contentCreateRequest(template.definition);
    expect(Object.keys(request.types)).toHaveLength(1);
    expect(Object.keys(request.variables ?? {})).toHaveLength(template.definition.variables.length);
  });

  it('answers an unknown key with nothing, and every industry with its own templates only', () => {
    expect(libraryTemplate('no_such_template')).toBeUndefined();
    for (const industry of INDUSTRY_IDS) {
      expect(libraryForIndustry(industry).every((t) => t.industry === industry)).toBe(true);
    }
  });

  it('entries do not share objects, so editing a copy changes no other template', () => {
    const a = libraryTemplate('dental_first_contact')!;
    const b = libraryTemplate('fitness_first_contact')!;
    expect(a.definition.variables[0]).not.toBe(b.definition.variables[0]);
    expect(a.definition.buttons).not.toBe(b.definition.buttons);
  });
});
