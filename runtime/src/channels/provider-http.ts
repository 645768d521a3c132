import { SendDeferred, type ProviderKind } from './send-outcome.ts';

const TIMEOUT_MS = 10_000;

export interface ProviderAnswer {
  status: number;
  text: string;
  /** The answer parsed as JSON, or null when it is not JSON. */
  json: Record<string, unknown> | null;
}

/**
 * One request to a provider's API. No answer (refused connection, timeout, reset) is temporary:
 * the message may or may not have been taken, and each provider's retry is as safe as a first send.
 */
export async function providerRequest(
  provider: ProviderKind,
  url: string,
  init: { method: 'GET' | 'POST'; headers?: Record<string, string>; body?: string },
): Promise<ProviderAnswer> {
  let res: Response;
  let text: string;
  try {
    res = await fetch(url, { ...init, redirect: 'manual', signal: AbortSignal.timeout(TIMEOUT_MS) });
    text = await res.text();
  } catch (e) {
    const cause = (e as { cause?: { code?: string } }).cause?.code ?? (e as Error).name;
    throw new SendDeferred(provider, 'unreachable', `${init.method} ${new URL(url).origin}: ${cause}`);
  }
  let json: Record<string, unknown> | null = null;
  try {
    const v: unknown = JSON.parse(text);
    if (v && typeof v === 'object') json = v as Record<string, unknown>;
  } catch {
    // Gateways in front of the API answer HTML on 502/503; the status says enough.
  }
  return { status: res.status, text, json };
}

/** A 5xx or a non-JSON answer: the provider is not well right now. */
export function unexpectedAnswer(provider: ProviderKind, a: ProviderAnswer): SendDeferred {
  return new SendDeferred(provider, `http_${a.status}`, a.text.slice(0, 200));
}
