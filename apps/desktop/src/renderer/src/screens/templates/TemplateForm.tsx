// The editor's fields, each with the WhatsApp problems that name it; read-only while WhatsApp reviews or once archived.
import { BodyField } from './BodyField.tsx';
import { ButtonsEditor } from './ButtonsEditor.tsx';
import { HeaderField } from './HeaderField.tsx';
import { TemplateBasics } from './TemplateBasics.tsx';
import { TextField } from './TextField.tsx';
import { declareVariable, type TemplateDraft } from './template-draft.ts';
import type { IssueLookup } from './template-issues.ts';
import { VariablesTable } from './VariablesTable.tsx';

interface Props {
  draft: TemplateDraft;
  onChange(draft: TemplateDraft): void;
  issues: IssueLookup;
  readOnly: boolean;
  identityLocked: boolean;
}

export function TemplateForm({ draft, onChange, issues, readOnly, identityLocked }: Props) {
  const patch = (changes: Partial<TemplateDraft>) => onChange({ ...draft, ...changes });
  return (
    <fieldset className="card template-form" disabled={readOnly} data-testid="template-form">
      <TemplateBasics draft={draft} onChange={patch} issues={issues} identityLocked={identityLocked} />
      <HeaderField header={draft.header} onChange={(header) => patch({ header })} issues={issues} />
      <BodyField
        body={draft.body}
        onChange={(body) => patch({ body })}
        onInsertVariable={(name, body) => onChange(declareVariable({ ...draft, body }, name))}
        declared={draft.variables.map((v) => v.name).filter(Boolean)}
        issues={issues('body')}
      />
      <TextField
        label="Footer (optional)"
        value={draft.footer ?? ''}
        onChange={(footer) => patch({ footer: footer === '' ? null : footer })}
        issues={issues('footer')}
        hint="Small grey text under the message, like “Reply STOP to opt out”. Up to 60 characters."
        maxLength={200}
        testId="template-footer"
      />
      <ButtonsEditor buttons={draft.buttons} onChange={(buttons) => patch({ buttons })} issues={issues} />
      <VariablesTable draft={draft} onChange={onChange} issues={issues} />
    </fieldset>
  );
}
