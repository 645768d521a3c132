import type { Principal } from '../auth/principal.ts';
import { HttpError } from './http-error.ts';

/** What a refused stream is told to wait: about one session re-check, when revoked streams end. */
const RETRY_AFTER_SECONDS = 30;

/** Who a stream counts against: a person across their sessions, or one API key. */
export const principalKey = (p: Principal) => (p.kind === 'user' ? `user:${p.user.id}` : `key:${p.id}`);

/**
 * Open live streams (SSE) of this process, per principal and in total. Beyond either cap a new
 * stream is refused with 429 and Retry-After; a stream that ends gives its slot back. 0 = no cap.
 */
export class LiveStreamSlots {
  private readonly byPrincipal = new Map<string, number>();
  private total = 0;

  constructor(private readonly limits: { perPrincipal: number; total: number }) {}

  /** Takes a slot for this caller or throws the 429; returns the release (safe to call twice). */
  acquire(p: Principal): () => void {
    const who = principalKey(p);
    const { perPrincipal, total } = this.limits;
    const mine = this.byPrincipal.get(who) ?? 0;
    if (perPrincipal > 0 && mine >= perPrincipal)
      throw new HttpError(429, {
        error: `Too many live streams: ${p.kind === 'user' ? 'you have' : 'this API key has'} ${mine} open (at most ${perPrincipal}); close one, e.g. another editor tab, or try again later`,
        retryAfterSeconds: RETRY_AFTER_SECONDS,
      });
    if (total > 0 && this.total >= total)
      throw new HttpError(429, { error: `Too many live streams are open on this server (at most ${total}); try again later`, retryAfterSeconds: RETRY_AFTER_SECONDS });
    this.byPrincipal.set(who, mine + 1);
    this.total++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.total--;
      const n = (this.byPrincipal.get(who) ?? 1) - 1;
      if (n > 0) this.byPrincipal.set(who, n);
      else this.byPrincipal.delete(who);
    };
  }

  /** Streams open now, in total or for one principal key. */
  open(who?: string): number {
    return who === undefined ? this.total : (this.byPrincipal.get(who) ?? 0);
  }
}

const slots = new WeakMap<object, LiveStreamSlots>();

/** The slots of one app (keyed by its config object, which every route and the runtime share). */
export function liveStreamSlots(config: { liveStreams: { perPrincipal: number; total: number } }): LiveStreamSlots {
  let s = slots.get(config);
  if (!s) slots.set(config, (s = new LiveStreamSlots(config.liveStreams)));
  return s;
}
