// The template's variables: each with the example WhatsApp reviews and the preview shows, and where its value
// comes from when sending (a lead field, the agent, the company, a custom field, or typed in by the sender).
import { FieldIssues } from './FieldIssues.tsx';
import { declareVariable, renameVariable, type TemplateDraft, usedVariableNames } from './template-draft.ts';
import type { IssueLookup } from './template-issues.ts';
import { BINDINGS, bindingValue } from './template-labels.ts';

interface Props {
  draft: TemplateDraft;
  onChange(draft: TemplateDraft): void;
  issues: IssueLookup;
}

export function VariablesTable({ draft, onChange, issues }: Props) {
  const declared = new Set(draft.variables.map((v) => v.name));
  const undeclared = usedVariableNames(draft).filter((n) => !declared.has(n));
  const setVariable = (i: number, patch: Partial<TemplateDraft['variables'][number]>) =>
    onChange({ ...draft, variables: draft.variables.map((v, j) => (j === i ? { ...v, ...patch } : v)) });
  const remove = (i: number) => onChange({ ...draft, variables: draft.variables.filter((_, j) => j !== i) });

  return (
    <div className="form-section">
      <span className="section-label">Variables</span>
      <FieldIssues messages={issues('variables')} />
      {draft.variables.length === 0 && undeclared.length === 0 && (
        <p className="muted small-text">None yet. Use “Insert variable” to personalise the message.</p>
      )}
      {draft.variables.length > 0 && (
        <table className="variables-table" data-testid="variables-table">
          <thead>
            <tr>
              <th>Name</th>
              <th>Example value</th>
              <th>Filled from</th>
              <th aria-label="Remove" />
            </tr>
          </thead>
          <tbody>
            {draft.variables.map((v, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a variable is its position while its name is edited
              <tr key={i} data-testid="variable-row">
                <td className="cell">
                  <input
                    className="control variable-name"
                    value={v.name}
                    onChange={(e) => onChange(renameVariable(draft, i, e.target.value))}
                    aria-label="Variable name"
                    aria-invalid={issues(`variables.${i}.name`).length > 0}
                    maxLength={64}
                    data-testid={`variable-name-${i}`}
                  />
                  <FieldIssues messages={issues(`variables.${i}.name`)} />
                </td>
                <td className="cell">
                  <input
                    className="control"
                    value={v.example}
                    onChange={(e) => setVariable(i, { example: e.target.value })}
                    aria-label={`Example for ${v.name}`}
                    aria-invalid={issues(`variables.${i}.example`).length > 0}
                    placeholder="Ana"
                    maxLength={1024}
                    data-testid={`variable-example-${i}`}
                  />
                  <FieldIssues messages={issues(`variables.${i}.example`)} />
                </td>
                <td className="cell">
                  <select
                    className="control"
                    value={bindingValue(v.binding)}
                    onChange={(e) => {
                      const binding = BINDINGS.find((b) => b.value === e.target.value)?.binding ?? null;
                      const { binding: _old, ...rest } = v;
                      onChange({
                        ...draft,
                        variables: draft.variables.map((x, j) => (j === i ? (binding ? { ...rest, binding } : rest) : x)),
                      });
                    }}
                    aria-label={`Where ${v.name} comes from`}
                    data-testid={`variable-binding-${i}`}
                  >
                    {BINDINGS.map((b) => (
                      <option key={b.value} value={b.value}>
                        {b.label}
                      </option>
                    ))}
                  </select>
                  {v.binding?.source === 'custom' && (
                    <input
                      className="control custom-key"
                      value={v.binding.key}
                      onChange={(e) => setVariable(i, { binding: { source: 'custom', key: e.target.value } })}
                      placeholder="Custom field key, like area"
                      aria-label="Custom field key"
                      maxLength={100}
                    />
                  )}
                  <FieldIssues messages={issues(`variables.${i}.binding`)} />
                </td>
                <td className="cell">
                  <button type="button" className="icon" onClick={() => remove(i)} aria-label={`Remove ${v.name || 'variable'}`}>
                    ×
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {undeclared.length > 0 && (
        <div className="undeclared">
          <small className="muted">Used in the text, not declared yet:</small>
          {undeclared.map((n) => (
            <button key={n} type="button" className="chip" onClick={() => onChange(declareVariable(draft, n))}>
              + {n}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
