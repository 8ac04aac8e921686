// What the API needs from the process that hosts it; built once at start-up (server) or per test.
import type { Clock, EventStream, LoginThrottle, Orm } from '@switchboard/domain';

export interface ApiDeps {
  orm: Orm;
  clock: Clock;
  events: EventStream;
  throttle: LoginThrottle;
}
