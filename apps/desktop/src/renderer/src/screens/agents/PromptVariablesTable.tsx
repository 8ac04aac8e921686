// The prompt's variables, name and value, with a one-click add for each name the prompt uses but does not define.
import { FieldIssues } from '../templates/FieldIssues.tsx';
import type { IssueLookup } from './agent-issues.ts';
import type { PromptVariable } from './agent-types.ts';

interface Props {
  variables: PromptVariable[];
  onChange(variables: PromptVariable[]): void;
  /** Used in the prompt, with no value yet. */
  undefinedNames: string[];
  issues: IssueLookup;
}

const base = 'settings.promptVariables';

export function PromptVariablesTable({ variables, onChange, undefinedNames, issues }: Props) {
  const set = (i: number, patch: Partial<PromptVariable>) => onChange(variables.map((v, j) => (j === i ? { ...v, ...patch } : v)));
  return (
    <div className="prompt-variables">
      <span className="section-label">Prompt variables</span>
      <FieldIssues messages={issues(base)} />
      {variables.length === 0 && <p className="muted small-text">None. Variables let one prompt serve several offices or offers.</p>}
      {variables.length > 0 && (
        <table className="variables-table" data-testid="prompt-variables">
          <thead>
            <tr>
              <th className="variable-name-col">Name</th>
              <th>Value</th>
              <th aria-label="Remove" />
            </tr>
          </thead>
          <tbody>
            {variables.map((v, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a variable is its position while its name is edited
              <tr key={i} data-testid="prompt-variable-row">
                <td className="cell">
                  <input
                    className="control variable-name"
                    value={v.name}
                    onChange={(e) => set(i, { name: e.target.value })}
                    aria-label="Variable name"
                    aria-invalid={issues(`${base}.${i}.name`).length > 0}
                    placeholder="service_area"
                    maxLength={40}
                    data-testid={`prompt-variable-name-${i}`}
                  />
                  <FieldIssues messages={issues(`${base}.${i}.name`)} />
                </td>
                <td className="cell">
                  <input
                    className="control"
                    value={v.value}
                    onChange={(e) => set(i, { value: e.target.value })}
                    aria-label={`Value of ${v.name || 'the variable'}`}
                    aria-invalid={issues(`${base}.${i}.value`).length > 0}
                    placeholder="the Bay Area"
                    maxLength={500}
                    data-testid={`prompt-variable-value-${i}`}
                  />
                  <FieldIssues messages={issues(`${base}.${i}.value`)} />
                </td>
                <td className="cell">
                  <button
                    type="button"
                    className="icon"
                    onClick={() => onChange(variables.filter((_, j) => j !== i))}
                    aria-label={`Remove ${v.name || 'variable'}`}
                  >
                    ×
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="undeclared">
        <button
          type="button"
          className="add small"
          onClick={() => onChange([...variables, { name: '', value: '' }])}
          data-testid="prompt-variable-add"
        >
          + Add variable
        </button>
        {undefinedNames.length > 0 && <small className="muted">Used in the prompt, no value yet:</small>}
        {undefinedNames.map((n) => (
          <button key={n} type="button" className="chip" onClick={() => onChange([...variables, { name: n, value: '' }])}>
            + {n}
          </button>
        ))}
      </div>
    </div>
  );
}
