import type { Readable } from 'node:stream';
import zlib from 'node:zlib';
import type Koa from 'koa';
import { HttpError } from './http-error.ts';

/**
 * Reads JSON and text request bodies strictly, so that every bad body is a 4xx naming its problem:
 * an unsupported charset (415), an unsupported or broken compression (415 / 400), bytes that are not
 * UTF-8 (400, never U+FFFD in a member id), too large (413), malformed JSON (400). Sets
 * ctx.request.body; other content types are left to the body parser after it (an empty body).
 */
export interface BodyReaderOptions {
  jsonLimit: number;
  textLimit: number;
  jsonTypes?: string[];
  textTypes?: string[];
}

const PARSED_METHODS = new Set(['POST', 'PUT', 'PATCH']);
const UTF8 = new Set(['utf-8', 'utf8']);
// Bodies must start with an object or an array (RFC 7159 whitespace allowed), as before.
const STRICT_JSON = /^[ \t\n\r]*(\[|\{)/;

export function bodyReader(opts: BodyReaderOptions): Koa.Middleware {
  const jsonTypes = opts.jsonTypes ?? ['application/json', 'application/*+json'];
  const textTypes = opts.textTypes ?? ['text/plain', 'text/csv'];
  return async (ctx, next) => {
    if (!PARSED_METHODS.has(ctx.method) || ctx.request.body !== undefined) return next();
    const kind = ctx.request.is(jsonTypes) ? 'json' : ctx.request.is(textTypes) ? 'text' : null;
    if (!kind) return next();
    const charset = (ctx.request.charset || 'utf-8').toLowerCase();
    if (!UTF8.has(charset))
      throw new HttpError(415, { error: `Unsupported charset "${charset.slice(0, 40)}": send the body as UTF-8 (charset=utf-8)` });
    const bytes = await readBytes(ctx, kind === 'json' ? opts.jsonLimit : opts.textLimit);
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    } catch {
      throw new HttpError(400, { error: 'The request body is not valid UTF-8' });
    }
    ctx.request.body = kind === 'json' ? parseJson(text) : text;
    await next();
  };
}

function decompressor(encoding: string): zlib.Gunzip | zlib.BrotliDecompress | null {
  switch (encoding) {
    case 'identity':
      return null;
    case 'gzip':
    case 'x-gzip':
    case 'deflate':
      // Unzip reads both, as the old parser did (clients mislabel zlib and gzip streams).
      return zlib.createUnzip();
    case 'br':
      return zlib.createBrotliDecompress();
    default:
      throw new HttpError(415, { error: `Unsupported Content-Encoding "${encoding.slice(0, 40)}": send identity, gzip, deflate or br` });
  }
}

/** The body's bytes after decompression, at most `limit` of them. */
async function readBytes(ctx: Koa.Context, limit: number): Promise<Buffer> {
  const encoding = (ctx.get('content-encoding') || 'identity').trim().toLowerCase();
  const unzip = decompressor(encoding);
  const declared = ctx.request.length;
  if (!unzip && declared !== undefined && declared > limit) throw tooLarge(limit);
  let unzipFailed: Error | null = null;
  let requestFailed = false;
  unzip?.once('error', (e) => (unzipFailed = e));
  let source: Readable = ctx.req;
  if (unzip) {
    // A request that breaks off ends the decompression too.
    ctx.req.once('error', (e) => {
      requestFailed = true;
      unzip.destroy(e);
    });
    source = ctx.req.pipe(unzip);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    // Leaving the loop early must not destroy the request: the 413 still has to reach the client.
    for await (const chunk of source.iterator({ destroyOnReturn: false })) {
      const b = chunk as Buffer;
      size += b.length;
      if (size > limit) {
        if (unzip) {
          ctx.req.unpipe(unzip);
          unzip.destroy();
        }
        ctx.req.pause();
        // The rest of the body is left unread: the connection cannot carry another request.
        ctx.set('Connection', 'close');
        throw tooLarge(limit);
      }
      chunks.push(b);
    }
  } catch (e) {
    if (e instanceof HttpError) throw e;
    ctx.set('Connection', 'close');
    if (unzipFailed && !requestFailed)
      throw new HttpError(400, { error: `The request body could not be decompressed (Content-Encoding: ${encoding}): ${(unzipFailed as Error).message}` });
    throw new HttpError(400, { error: `The request body could not be read: ${(e as Error).message}` });
  }
  if (unzipFailed) throw new HttpError(400, { error: `The request body could not be decompressed (Content-Encoding: ${encoding}): ${(unzipFailed as Error).message}` });
  if (!unzip && declared !== undefined && size !== declared)
    throw new HttpError(400, { error: `The request body has ${size} bytes, not the ${declared} its Content-Length says` });
  return Buffer.concat(chunks, size);
}

const tooLarge = (limit: number) =>
  new HttpError(413, { error: `The request body is too large (at most ${(limit / 1_048_576).toLocaleString('en-US')} MB)` });

function parseJson(text: string): unknown {
  // An empty body is an empty object, as before.
  if (!text) return {};
  try {
    if (!STRICT_JSON.test(text)) throw new SyntaxError('the body must be a JSON object or array');
    const value: unknown = JSON.parse(text);
    const poisoned = /"(?:_|\\u005[Ff])(?:_|\\u005[Ff])(?:p|\\u0070)(?:r|\\u0072)(?:o|\\u006[Ff])(?:t|\\u0074)(?:o|\\u006[Ff])(?:_|\\u005[Ff])(?:_|\\u005[Ff])"\s*:/.test(text);
    if (poisoned && hasProtoKey(value)) throw new SyntaxError('Object contains forbidden prototype property');
    return value;
  } catch (e) {
    throw new HttpError(400, { error: `Malformed JSON body: ${(e as Error).message}` });
  }
}

/** An own "__proto__" key anywhere (walked without recursion: input of any depth is safe). */
function hasProtoKey(value: unknown): boolean {
  const stack: unknown[] = [value];
  while (stack.length) {
    const v = stack.pop();
    if (v === null || typeof v !== 'object') continue;
    if (Object.prototype.hasOwnProperty.call(v, '__proto__')) return true;
    for (const k of Object.keys(v)) stack.push((v as Record<string, unknown>)[k]);
  }
  return false;
}
