// The list of agents with their channels.
import type { Agent } from '../../api/client.ts';
import { ChannelBadges } from './ChannelBadges.tsx';

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export function AgentTable({ agents }: { agents: Agent[] }) {
  return (
    <table className="table" data-testid="agent-table">
      <thead>
        <tr>
          <th>Name</th>
          <th>Channels</th>
          <th>Industry</th>
          <th>Created</th>
        </tr>
      </thead>
      <tbody>
        {agents.map((agent) => (
          <tr key={agent.id} data-testid="agent-row">
            <td className="strong">{agent.name}</td>
            <td>
              <ChannelBadges channels={agent.channels} />
            </td>
            <td className="muted">{agent.industry ? agent.industry.replaceAll('_', ' ') : '—'}</td>
            <td className="muted">{dateFormat.format(new Date(agent.createdAt))}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
