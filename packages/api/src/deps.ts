// What the API needs from the process that hosts it; built once at start-up (server) or per test.
import type {
  Clock,
  EventStream,
  JobQueues,
  LiveStreamSeats,
  LoginThrottle,
  Orm,
  PasswordHasher,
  SecretBox,
  SessionRevocations,
} from '@switchboard/domain';

export interface ApiDeps {
  orm: Orm;
  clock: Clock;
  events: EventStream;
  /** Sign-outs announced to every server, so live streams opened with the session end at once. */
  revocations: SessionRevocations;
  /** Open live streams per user in this process. */
  liveStreams: LiveStreamSeats;
  /** How often an open stream re-checks its session (default 30 s); tests shorten it. */
  sessionCheckMs?: number | undefined;
  throttle: LoginThrottle;
  /** argon2id unless a test counts the password checks. */
  passwords?: PasswordHasher | undefined;
  secrets: SecretBox;
  queues: JobQueues;
  /** The server's public base URL: webhook URLs shown to users and signed by Twilio start with it. */
  publicUrl: string;
  twilioApiUrl?: string | undefined;
}
