// The file's columns, numbered as the server's messages count them, with sample values and what each imports
// into (the guessed field preselected).
import { ColumnTargetSelect } from './ColumnTargetSelect.tsx';
import { CONSENT_FIELD, type ColumnChoice, sampleValues } from './import-mapping.ts';
import type { UploadedLeadFile } from './lead-types.ts';

interface Props {
  file: UploadedLeadFile;
  choices: ColumnChoice[];
  onChange(choices: ColumnChoice[]): void;
}

export function ImportMapping({ file, choices, onChange }: Props) {
  return (
    <div className="import-mapping-scroll">
      <table className="table import-mapping-table" data-testid="import-mapping">
        <thead>
          <tr>
            <th className="num">#</th>
            <th>Column in the file</th>
            <th>Sample values</th>
            <th>Imports into</th>
          </tr>
        </thead>
        <tbody>
          {file.import.headers.map((header, i) => {
            const choice = choices[i] ?? { target: '', customKey: '' };
            const samples = sampleValues(file, i);
            return (
              <tr
                // biome-ignore lint/suspicious/noArrayIndexKey: columns are positions; two may share a header
                key={i}
                className={`${choice.target === '' ? 'ignored' : ''}${choice.target === CONSENT_FIELD ? ' consent' : ''}`}
                data-testid="mapping-row"
              >
                <td className="num muted">{i + 1}</td>
                <td className="strong">{header || <span className="muted">(no header)</span>}</td>
                <td className="samples">
                  {samples.length === 0 && <span className="muted">empty in the first rows</span>}
                  {samples.map((v, n) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: sample values may repeat
                    <code key={n}>{v}</code>
                  ))}
                </td>
                <td>
                  <ColumnTargetSelect
                    index={i}
                    header={header}
                    choice={choice}
                    fieldLabels={file.fieldLabels}
                    onChange={(c) => onChange(choices.map((x, n) => (n === i ? c : x)))}
                  />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
