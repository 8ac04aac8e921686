// "Import CSV": choose a file, watch it upload, map its columns, then follow the import live to its summary.
import { useState } from 'react';
import { useSession } from '../../api/session-context.tsx';
import { useEscapeToClose } from '../../shell/use-escape-to-close.ts';
import { ImportMappingStep } from './ImportMappingStep.tsx';
import { ImportProgress } from './ImportProgress.tsx';
import { estimateRows } from './import-mapping.ts';
import { uploadLeadFile } from './lead-files.ts';
import { formatNumber } from './lead-labels.ts';
import type { AgentOption, LeadImport, UploadedLeadFile } from './lead-types.ts';
import { RecentImports } from './RecentImports.tsx';

type Step =
  | { kind: 'pick'; error: string | null }
  | { kind: 'uploading'; name: string; sent: number; total: number }
  | { kind: 'mapping'; file: UploadedLeadFile }
  | { kind: 'running'; started: LeadImport; estimate: number | null };

const TITLES: Record<Step['kind'], string> = {
  pick: 'Import leads from a CSV file',
  uploading: 'Uploading…',
  mapping: 'Match the columns',
  running: 'Importing',
};

export function ImportDialog({ agents, onClose }: { agents: AgentOption[]; onClose(): void }) {
  const { serverUrl } = useSession();
  const [step, setStep] = useState<Step>({ kind: 'pick', error: null });

  useEscapeToClose(onClose);

  async function upload(file: File) {
    setStep({ kind: 'uploading', name: file.name, sent: 0, total: file.size });
    try {
      const uploaded = await uploadLeadFile(serverUrl, file, (sent, total) => setStep({ kind: 'uploading', name: file.name, sent, total }));
      setStep({ kind: 'mapping', file: uploaded });
    } catch (e) {
      setStep({ kind: 'pick', error: e instanceof Error ? e.message : String(e) });
    }
  }

  return (
    <div className="dialog-backdrop">
      <div className="dialog import-dialog" role="dialog" aria-modal="true" aria-labelledby="import-title" data-testid="import-dialog">
        <div className="dialog-header">
          <h2 id="import-title">{TITLES[step.kind]}</h2>
          <button type="button" className="icon" onClick={onClose} aria-label="Close" data-testid="import-close">
            ×
          </button>
        </div>
        {step.kind === 'pick' && (
          <div className="import-step">
            <label className="import-file-drop">
              <input
                type="file"
                accept=".csv,.txt,text/csv"
                onChange={(e) => {
                  const file = e.target.files?.[0];
                  if (file) void upload(file);
                }}
                data-testid="import-file"
              />
              <strong>Choose a CSV file</strong>
              <span className="muted">The first row names the columns. Up to 200 MB; commas, semicolons or tabs.</span>
            </label>
            {step.error && (
              <div className="alert" role="alert" data-testid="import-upload-error">
                {step.error}
              </div>
            )}
            <RecentImports />
          </div>
        )}
        {step.kind === 'uploading' && (
          <div className="import-step" data-testid="import-uploading">
            <div className="label-row">
              <strong>{step.name}</strong>
              <span className="muted small-text">
                {formatNumber(Math.round(step.sent / 1024))} of {formatNumber(Math.round(step.total / 1024))} KB
              </span>
            </div>
            <div className="lead-progress large" role="progressbar" aria-valuenow={Math.round((100 * step.sent) / Math.max(1, step.total))}>
              <span style={{ width: `${(100 * step.sent) / Math.max(1, step.total)}%` }} />
            </div>
          </div>
        )}
        {step.kind === 'mapping' && (
          <ImportMappingStep
            file={step.file}
            agents={agents}
            onCancel={onClose}
            onStarted={(started) => setStep({ kind: 'running', started, estimate: estimateRows(step.file) })}
          />
        )}
        {step.kind === 'running' && <ImportProgress started={step.started} estimate={step.estimate} />}
      </div>
    </div>
  );
}
