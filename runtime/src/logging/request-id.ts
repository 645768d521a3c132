import { randomUUID } from 'node:crypto';

/** What a caller's X-Request-Id may be: short, and only characters safe in a log line and a header. */
const SANE = /^[A-Za-z0-9._:-]{1,128}$/;

/** The caller's id when it is sane (a proxy or client tracing one request through systems), otherwise a new one. */
export function requestId(given: string | string[] | undefined): string {
  const id = Array.isArray(given) ? given[0] : given;
  return id !== undefined && SANE.test(id) ? id : randomUUID();
}
