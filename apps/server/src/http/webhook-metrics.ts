// Webhook inbox gauges on /metrics, read from PostgreSQL at each scrape (one count on a small partial index).
import { countDeadLetteredEvents, type Orm } from '@switchboard/domain';
import { Gauge, type Registry } from 'prom-client';

export function registerWebhookMetrics(registry: Registry, deps: { orm: Orm }): void {
  new Gauge({
    name: 'webhook_events_dead_lettered',
    help: 'Webhook events set aside after failing (kept 30 days): each needs a look',
    registers: [registry],
    async collect() {
      // While PostgreSQL is away the gauge keeps its last value; /readyz says PostgreSQL is down.
      try {
        this.set(await countDeadLetteredEvents(deps.orm.em));
      } catch {}
    },
  });
}
