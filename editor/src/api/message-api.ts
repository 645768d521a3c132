import { messageRoutes } from '@memberflow/shared/api/message-routes';
import { useEffect, useState } from 'react';
import { callRoute } from './call-route.ts';

let signature: Promise<string> | null = null;

/** Waits between tries when the signature cannot be read (a busy or restarting server). */
const RETRY_MS = [500, 1_000, 2_000, 4_000, 8_000];

function readSignature(): Promise<string> {
  signature ??= callRoute(messageRoutes.smsSignature).then(
    (a) => a.signature,
    (e: unknown) => {
      signature = null;
      throw e;
    },
  );
  return signature;
}

/**
 * The SMS signature setting (read once per page; empty while loading). A failed read is tried
 * again while the form is open, so one refused request does not hide the signature for the page.
 */
export function useSmsSignature(): string {
  const [value, setValue] = useState('');
  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const attempt = (n: number) => {
      readSignature().then(
        (s) => live && setValue(s),
        () => {
          const wait = RETRY_MS[n];
          if (live && wait !== undefined) timer = setTimeout(() => attempt(n + 1), wait);
        },
      );
    };
    attempt(0);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, []);
  return value;
}

/** After the Settings page saves a new signature, open forms read it again. */
export function forgetSmsSignature(): void {
  signature = null;
}
