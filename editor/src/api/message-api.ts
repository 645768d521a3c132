import { messageRoutes } from '@memberflow/shared/api/message-routes';
import { useEffect, useState } from 'react';
import { callRoute } from './call-route.ts';

let signature: Promise<string> | null = null;

/** The SMS signature setting (read once per page; empty while loading or unreadable). */
export function useSmsSignature(): string {
  const [value, setValue] = useState('');
  useEffect(() => {
    let live = true;
    signature ??= callRoute(messageRoutes.smsSignature).then(
      (a) => a.signature,
      () => {
        signature = null;
        return '';
      },
    );
    void signature.then((s) => live && setValue(s));
    return () => {
      live = false;
    };
  }, []);
  return value;
}

/** After the Settings page saves a new signature, open forms read it again. */
export function forgetSmsSignature(): void {
  signature = null;
}
