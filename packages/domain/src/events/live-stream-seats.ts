// Caps how many live streams one user holds open on this server process. Each stream holds a blocking Redis
// connection and a timer, so an unbounded number from one token is a cheap way to exhaust a server. The newest
// stream over the cap is refused; open ones are never cut, and a closed one gives its seat back at once.
import { rateLimited } from '../errors/domain-errors.ts';

export const LIVE_STREAMS_PER_USER = 5;

export class LiveStreamSeats {
  private readonly perUser: number;
  private readonly taken = new Map<string, number>();

  constructor(perUser = LIVE_STREAMS_PER_USER) {
    this.perUser = perUser;
  }

  /** Takes a seat for the user's new stream; throws rate_limited when all are taken. Returns the release. */
  take(userId: string): () => void {
    const count = this.taken.get(userId) ?? 0;
    if (count >= this.perUser) {
      throw rateLimited(`You already have ${this.perUser} live streams open on this server. Close a console window and try again.`);
    }
    this.taken.set(userId, count + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.taken.get(userId) ?? 1) - 1;
      if (left > 0) this.taken.set(userId, left);
      else this.taken.delete(userId);
    };
  }
}
