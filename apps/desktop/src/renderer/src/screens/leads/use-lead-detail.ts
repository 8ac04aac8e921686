// One lead in full for the detail panel: its fields, owner, consent history and unified timeline, kept fresh by
// the live events about it (its changes, its consent, its messages).
import { useCallback, useEffect, useState } from 'react';
import { useSession } from '../../api/session-context.tsx';
import { useLiveEvent } from '../../live/live-events.tsx';
import { leadErrorMessage } from './lead-errors.ts';
import type { LeadDetail, LeadTimelineEntry } from './lead-types.ts';

export interface LeadDetailState {
  detail: LeadDetail | null;
  timeline: LeadTimelineEntry[] | null;
  error: string | null;
  reload(): Promise<void>;
}

export function useLeadDetail(id: string): LeadDetailState {
  const { api } = useSession();
  const [detail, setDetail] = useState<LeadDetail | null>(null);
  const [timeline, setTimeline] = useState<LeadTimelineEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const loadDetail = useCallback(async () => {
    try {
      setDetail(await api.leads.get.query({ id }));
      setError(null);
    } catch (e) {
      setError(leadErrorMessage(e));
    }
  }, [api, id]);
  const loadTimeline = useCallback(async () => {
    try {
      setTimeline(await api.leads.timeline.query({ id }));
    } catch (e) {
      setError(leadErrorMessage(e));
    }
  }, [api, id]);
  const reload = useCallback(async () => {
    await Promise.all([loadDetail(), loadTimeline()]);
  }, [loadDetail, loadTimeline]);

  useEffect(() => {
    setDetail(null);
    setTimeline(null);
    void reload();
  }, [reload]);

  useLiveEvent(['lead.updated'], (event) => {
    if ((event.data.lead as { id?: string } | undefined)?.id === id) void loadDetail();
  });
  useLiveEvent(['lead.consent'], (event) => {
    if (event.data.leadId === id) void reload();
  });
  useLiveEvent(['message.queued', 'message.status', 'message.received'], (event) => {
    if ((event.data.message as { leadId?: string } | undefined)?.leadId === id) void loadTimeline();
  });

  return { detail, timeline, error, reload };
}
