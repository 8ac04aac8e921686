// The voice agent's system prompt and the values of its {{variables}}. Variables a call fills in by itself (the
// lead's, the agent's and the company's name) need no value here.
import { useId } from 'react';
import { FieldIssues } from '../templates/FieldIssues.tsx';
import type { IssueLookup } from './agent-issues.ts';
import type { PromptVariable } from './agent-types.ts';
import { PromptVariablesTable } from './PromptVariablesTable.tsx';

/** Filled at call time (agent-settings.ts RUNTIME_PROMPT_VARIABLES); a value typed here is only a fallback. */
export const RUNTIME_VARIABLES = ['lead_name', 'agent_name', 'company_name'];

interface Props {
  prompt: string;
  variables: PromptVariable[];
  onPrompt(prompt: string): void;
  onVariables(variables: PromptVariable[]): void;
  issues: IssueLookup;
}

export function PromptEditor({ prompt, variables, onPrompt, onVariables, issues }: Props) {
  const id = useId();
  const used = [...new Set([...prompt.matchAll(/\{\{([a-z][a-z0-9_]*)\}\}/g)].map((m) => m[1] as string))];
  const defined = new Set(variables.map((v) => v.name));
  const undefinedNames = used.filter((n) => !defined.has(n) && !RUNTIME_VARIABLES.includes(n));
  return (
    <div className="prompt-editor">
      <div className={`tfield${issues('prompt').length ? ' invalid' : ''}`}>
        <label htmlFor={id}>Voice prompt</label>
        <textarea
          id={id}
          className="control prompt-text"
          rows={7}
          value={prompt}
          onChange={(e) => onPrompt(e.target.value)}
          placeholder="You are {{agent_name}}, calling {{lead_name}} on behalf of {{company_name}}…"
          maxLength={20_000}
          data-testid="agent-prompt"
        />
        <small className="muted">
          What the agent is told before each call. <code>{'{{lead_name}}'}</code>, <code>{'{{agent_name}}'}</code> and{' '}
          <code>{'{{company_name}}'}</code> are filled in for each call; give any other <code>{'{{variable}}'}</code> a value below.
        </small>
        <FieldIssues messages={issues('prompt')} />
      </div>
      <PromptVariablesTable variables={variables} onChange={onVariables} undefinedNames={undefinedNames} issues={issues} />
    </div>
  );
}
