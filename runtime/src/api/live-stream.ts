import { PassThrough } from 'node:stream';
import type { Context } from 'koa';
import { principalOf } from '../auth/principal.ts';
import { stillValid } from '../auth/still-valid.ts';
import type { AppDeps } from './app-deps.ts';

/** A caller signed out, disabled or revoked since the stream opened gets nothing more after this. */
const RECHECK_MS = 30_000;
/** Streams end after this anyway; EventSource reconnects, through the access check. */
const MAX_MS = 15 * 60_000;

/** One tick's answer: frames to send (`event: …\ndata: …\n\n`), nothing (a keep-alive comment), or the end. */
export interface LiveTick {
  frames?: string[];
  end?: boolean;
}

export const sseFrame = (event: string, data: unknown) => `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;

/**
 * Answers the request with a Server-Sent Events stream that calls `tick` now and every
 * `intervalMs`, with the same limits as the stats stream: the caller's session or key is
 * re-checked every 30 s, and the stream ends after 15 minutes.
 */
export async function liveStream(ctx: Context, deps: AppDeps, intervalMs: number, tick: () => Promise<LiveTick>): Promise<void> {
  const stream = new PassThrough();
  ctx.req.socket.setTimeout(0);
  ctx.set({ 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
  ctx.status = 200;
  ctx.body = stream;
  const principal = principalOf(ctx);
  const opened = Date.now();
  let checked = opened;
  let timer: NodeJS.Timeout | undefined;
  let closed = false;
  const stop = () => {
    closed = true;
    clearTimeout(timer);
    stream.end();
  };
  const send = async () => {
    if (Date.now() - checked >= RECHECK_MS) {
      checked = Date.now();
      if (Date.now() - opened >= MAX_MS || !(await stillValid(deps.engine.db, deps.engine.clock, deps.config, principal)))
        return stop();
    }
    const t = await tick();
    if (closed) return;
    // Unchanged state is a comment only, to keep proxies from closing the stream.
    stream.write(t.frames?.length ? t.frames.join('') : ': keep-alive\n\n');
    if (t.end) return stop();
    timer = setTimeout(() => void send().catch(stop), intervalMs);
  };
  ctx.req.on('close', stop);
  stream.on('error', stop);
  await send().catch(stop);
}
