// Name, language and category: what WhatsApp files the template under.
import { useId } from 'react';
import { FieldIssues } from './FieldIssues.tsx';
import { TextField } from './TextField.tsx';
import type { TemplateDraft } from './template-draft.ts';
import type { IssueLookup } from './template-issues.ts';
import { CATEGORIES, LANGUAGES } from './template-labels.ts';

interface Props {
  draft: TemplateDraft;
  onChange(patch: Partial<TemplateDraft>): void;
  issues: IssueLookup;
  /** Once WhatsApp has seen a version, the name and language stay (WhatsApp knows the template by them). */
  identityLocked: boolean;
}

export function TemplateBasics({ draft, onChange, issues, identityLocked }: Props) {
  const languageId = useId();
  const categoryGroup = useId();
  const languages = LANGUAGES.some((l) => l.code === draft.language)
    ? LANGUAGES
    : [{ code: draft.language, label: draft.language }, ...LANGUAGES];
  const lockedHint = identityLocked ? 'WhatsApp has seen this template: duplicate it to change its name or language.' : undefined;
  return (
    <div className="form-section">
      <div className="form-row">
        <TextField
          className="grow"
          label="Name"
          value={draft.name}
          onChange={(name) => onChange({ name })}
          issues={issues('name')}
          hint={lockedHint ?? 'Lowercase letters, digits and underscores, like spring_offer.'}
          placeholder="viewing_reminder"
          maxLength={512}
          testId="template-name"
          disabled={identityLocked}
        />
        <div className={`tfield${issues('language').length ? ' invalid' : ''}`}>
          <label htmlFor={languageId}>Language</label>
          <select
            className="control"
            id={languageId}
            value={draft.language}
            onChange={(e) => onChange({ language: e.target.value })}
            disabled={identityLocked}
            data-testid="template-language"
          >
            {languages.map((l) => (
              <option key={l.code} value={l.code}>
                {l.label} · {l.code}
              </option>
            ))}
          </select>
          <FieldIssues messages={issues('language')} />
        </div>
      </div>
      <fieldset className="category-choice">
        <legend>Category</legend>
        {CATEGORIES.map((c) => (
          <label key={c.id} className={`category-option${draft.category === c.id ? ' selected' : ''}`}>
            <input
              type="radio"
              name={categoryGroup}
              checked={draft.category === c.id}
              onChange={() => onChange({ category: c.id })}
              data-testid={`template-category-${c.id}`}
            />
            <span>
              <strong>{c.label}</strong>
              <small className="muted">{c.hint}</small>
            </span>
          </label>
        ))}
        <FieldIssues messages={issues('category')} />
      </fieldset>
    </div>
  );
}
