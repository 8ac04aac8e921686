// What the API needs from the process that hosts it; built once at start-up (server) or per test.
import type { Clock, EventStream, JobQueues, LoginThrottle, Orm, PasswordHasher, SecretBox } from '@switchboard/domain';

export interface ApiDeps {
  orm: Orm;
  clock: Clock;
  events: EventStream;
  throttle: LoginThrottle;
  /** argon2id unless a test counts the password checks. */
  passwords?: PasswordHasher | undefined;
  secrets: SecretBox;
  queues: JobQueues;
  /** The server's public base URL: webhook URLs shown to users and signed by Twilio start with it. */
  publicUrl: string;
  twilioApiUrl?: string | undefined;
}
