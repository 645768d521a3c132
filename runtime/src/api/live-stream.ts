import { PassThrough } from 'node:stream';
import type { Context } from 'koa';
import { principalOf, type Principal } from '../auth/principal.ts';
import { stillValid } from '../auth/still-valid.ts';
import type { AppDeps } from './app-deps.ts';
import { liveStreamSlots } from './live-stream-slots.ts';

/**
 * recheckMs: a caller signed out, disabled or revoked since the stream opened gets nothing more
 * after this. maxMs: streams end after this anyway; EventSource reconnects, through the access
 * check. Constants in production; tests shorten them.
 */
export const liveStreamTiming = { recheckMs: 30_000, maxMs: 15 * 60_000 };

/** One tick's answer: frames to send (`event: …\ndata: …\n\n`), nothing (a keep-alive comment), or the end. */
export interface LiveTick {
  frames?: string[];
  end?: boolean;
}

/** Where a stream's source writes: frames (none = a keep-alive comment), or the end. */
export interface LiveSink {
  write(frames?: string[]): void;
  end(): void;
}

export const sseFrame = (event: string, data: unknown) => `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;

/** Concurrent re-checks of one session or key (many streams of one caller) share one query. */
const rechecks = new WeakMap<object, Map<string, Promise<boolean>>>();
function recheck(deps: AppDeps, p: Principal): Promise<boolean> {
  let inFlight = rechecks.get(deps);
  if (!inFlight) rechecks.set(deps, (inFlight = new Map()));
  const key = p.kind === 'user' ? `s:${p.sessionHash}:${p.user.role}` : `k:${p.id}`;
  let q = inFlight.get(key);
  if (!q) {
    q = stillValid(deps.engine.db, deps.engine.clock, deps.config, p).finally(() => inFlight.delete(key));
    inFlight.set(key, q);
  }
  return q;
}

/**
 * Answers the request with a Server-Sent Events stream fed by `start`, which gets the sink and
 * returns its own stop. The stream holds one of the caller's live-stream slots (429 with
 * Retry-After beyond LIVE_STREAMS_PER_PRINCIPAL or LIVE_STREAMS_TOTAL; the slot is given back when
 * the stream ends), the caller's session or key is re-checked every 30 s, and it ends after 15 minutes.
 */
export async function openLiveStream(ctx: Context, deps: AppDeps, start: (sink: LiveSink) => (() => void) | Promise<() => void>): Promise<void> {
  const principal = principalOf(ctx);
  // Before any header is set: a refused stream is a plain JSON 429.
  const release = liveStreamSlots(deps.config).acquire(principal);
  const stream = new PassThrough();
  ctx.req.socket.setTimeout(0);
  ctx.set({ 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
  ctx.status = 200;
  ctx.body = stream;
  const opened = Date.now();
  let closed = false;
  let cleanup: (() => void) | undefined;
  const stop = () => {
    if (closed) return;
    closed = true;
    clearInterval(checker);
    clearTimeout(maxAge);
    release();
    cleanup?.();
    stream.end();
  };
  const checker = setInterval(() => {
    if (Date.now() - opened >= liveStreamTiming.maxMs) return stop();
    recheck(deps, principal).then((ok) => ok || stop(), stop);
  }, liveStreamTiming.recheckMs);
  const maxAge = setTimeout(stop, liveStreamTiming.maxMs);
  checker.unref();
  maxAge.unref();
  ctx.req.on('close', stop);
  ctx.res.on('close', stop);
  stream.on('error', stop);
  const sink: LiveSink = {
    // Unchanged state is a comment only, to keep proxies from closing the stream.
    write: (frames) => void (closed || stream.write(frames?.length ? frames.join('') : ': keep-alive\n\n')),
    end: stop,
  };
  try {
    const c = await start(sink);
    if (closed) c();
    else cleanup = c;
  } catch {
    stop();
  }
}

/**
 * A polled stream: calls `tick` now and `intervalMs` after each answer (never two at once for one
 * stream), with the limits of openLiveStream.
 */
export async function liveStream(ctx: Context, deps: AppDeps, intervalMs: number, tick: () => Promise<LiveTick>): Promise<void> {
  await openLiveStream(ctx, deps, async (sink) => {
    let timer: NodeJS.Timeout | undefined;
    let stopped = false;
    const run = async () => {
      const t = await tick();
      if (stopped) return;
      sink.write(t.frames);
      if (t.end) return sink.end();
      timer = setTimeout(() => void run().catch(sink.end), intervalMs);
    };
    const cancel = () => {
      stopped = true;
      clearTimeout(timer);
    };
    await run().catch((e) => {
      cancel();
      throw e;
    });
    return cancel;
  });
}
