// One lead of the table: its selection box, who it is, how to reach it, consent, status, tags, owner and age.
import type { CSSProperties } from 'react';
import { ChannelIndicator } from './ChannelIndicator.tsx';
import { ConsentIndicator } from './ConsentIndicator.tsx';
import { dateFormat, statusLabel } from './lead-labels.ts';
import type { Lead } from './lead-types.ts';

interface Props {
  lead: Lead;
  style: CSSProperties;
  agentName: string | null;
  /** null: the user cannot act on leads in bulk, so no box. */
  selected: boolean | null;
  active: boolean;
  onToggle(): void;
  onOpen(): void;
}

export function LeadRow({ lead, style, agentName, selected, active, onToggle, onOpen }: Props) {
  return (
    <tr
      className={`lead-row${selected ? ' selected' : ''}${active ? ' active' : ''}`}
      style={style}
      onClick={onOpen}
      data-testid="lead-row"
      data-id={lead.id}
      data-phone={lead.phone}
    >
      <td className="lead-cell select">
        {selected !== null && (
          <input
            type="checkbox"
            checked={selected}
            onChange={onToggle}
            onClick={(e) => e.stopPropagation()}
            aria-label={`Select ${lead.name}`}
            data-testid="lead-select"
          />
        )}
      </td>
      <td className="lead-cell who">
        <button
          type="button"
          className="row-link lead-ellipsis"
          onClick={(e) => {
            e.stopPropagation();
            onOpen();
          }}
          data-testid="lead-open"
        >
          {lead.name}
        </button>
        {lead.email && <span className="muted small-text lead-ellipsis">{lead.email}</span>}
      </td>
      <td className="lead-cell phone">{lead.phone}</td>
      <td className="lead-cell">
        <ChannelIndicator channel={lead.preferredChannel} />
      </td>
      <td className="lead-cell">
        <ConsentIndicator lead={lead} />
      </td>
      <td className="lead-cell">
        <span className={`lead-status ${lead.status}`} data-testid="lead-status">
          {statusLabel(lead.status)}
        </span>
      </td>
      <td className="lead-cell tags" title={lead.tags.join(', ')}>
        {lead.tags.slice(0, 1).map((t) => (
          <span key={t} className="lead-tag">
            {t}
          </span>
        ))}
        {lead.tags.length > 1 && <span className="muted small-text">+{lead.tags.length - 1}</span>}
      </td>
      <td className={`lead-cell lead-ellipsis${agentName ? '' : ' muted'}`} title={agentName ?? 'No agent'}>
        {agentName ?? '—'}
      </td>
      <td className="lead-cell muted">{dateFormat.format(new Date(lead.createdAt))}</td>
    </tr>
  );
}
