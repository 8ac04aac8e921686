// A job the worker runs (a bulk operation, an import) followed live: its view as started, then each progress
// event for it. Its status is asked once too, as the job may have moved on before the console knew its id.
import { useEffect, useRef, useState } from 'react';
import { useLiveEvent } from '../../live/live-events.tsx';

interface Job {
  id: string;
  status: string;
}

interface Options<T extends Job> {
  /** The progress and finished event types. */
  events: string[];
  /** Where the view sits in an event's data: `operation`, `import`. */
  key: string;
  status(id: string): Promise<T>;
  /** How far along; events may arrive out of order, and a view never goes back. */
  progress(job: T): number;
}

const finished = (job: Job) => job.status === 'done' || job.status === 'failed';

function later<T extends Job>(current: T | null, incoming: T, progress: (job: T) => number): T | null {
  if (!current || current.id !== incoming.id || finished(current)) return current;
  if (finished(incoming)) return incoming;
  return progress(incoming) >= progress(current) ? incoming : current;
}

export function useLiveJob<T extends Job>(job: T | null, options: Options<T>): T | null {
  const [latest, setLatest] = useState<T | null>(job);
  const opts = useRef(options);
  opts.current = options;

  useEffect(() => {
    setLatest(job);
    if (!job || finished(job)) return;
    let current = true;
    opts.current
      .status(job.id)
      .then((view) => current && setLatest((c) => later(c, view, opts.current.progress)))
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [job]);

  useLiveEvent(options.events, (event) => {
    const view = event.data[opts.current.key] as T | undefined;
    if (view) setLatest((c) => later(c, view, opts.current.progress));
  });
  return latest;
}
