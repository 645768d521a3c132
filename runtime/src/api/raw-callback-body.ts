import type { ParameterizedContext } from 'koa';
import { HttpError } from './http-error.ts';

/** Providers' callbacks are small: a status report or an event, never more than a few KB. */
const LIMIT = 64 * 1024;

/**
 * The request body as text, for the providers' form and XML callbacks (the API's body reader
 * takes JSON and text only, and leaves these unread). Signatures are checked on these exact bytes.
 */
export async function readRawText(ctx: ParameterizedContext): Promise<string> {
  const parsed: unknown = ctx.request.body;
  if (typeof parsed === 'string') return parsed;
  if (ctx.req.readableEnded) return '';
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of ctx.req.iterator({ destroyOnReturn: false })) {
    size += (chunk as Buffer).length;
    if (size > LIMIT) {
      ctx.set('Connection', 'close');
      throw new HttpError(413, { error: `The request body is too large (at most ${LIMIT / 1024} KB)` });
    }
    chunks.push(chunk as Buffer);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    throw new HttpError(400, { error: 'The request body is not valid UTF-8' });
  }
}

/**
 * The top-level elements of a WeChat push (<xml><Tag>value</Tag>…</xml>), CDATA or plain. Its
 * messages are flat, so a pattern reads them; no XML parser also means no entity expansion.
 */
export function wechatXmlFields(xml: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of xml.matchAll(/<([A-Za-z][A-Za-z0-9_]*)>(?:<!\[CDATA\[([\s\S]*?)\]\]>|([^<]*))<\/\1>/g)) {
    out[m[1]!] ??= m[2] ?? m[3] ?? '';
  }
  return out;
}
