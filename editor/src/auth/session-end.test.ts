import { describe, expect, it } from 'vitest';
import { endsSession, onSessionEnded, reportSessionEnded, sessionGeneration, startSessionGeneration } from './session-end.ts';

describe('session end', () => {
  it('a 401 ends the session, except from the sign-in endpoints themselves', () => {
    expect(endsSession('/api/v1/workflows', 401)).toBe(true);
    expect(endsSession('/api/v1/workflows', 403)).toBe(false);
    expect(endsSession('/api/v1/auth/login', 401)).toBe(false);
    expect(endsSession('/api/v1/auth/me', 401)).toBe(false);
  });

  it('a 401 for a request sent before the last sign-in is ignored', () => {
    let heard = 0;
    const off = onSessionEnded(() => (heard += 1));
    const old = sessionGeneration();
    startSessionGeneration();
    reportSessionEnded(old);
    expect(heard).toBe(0);
    reportSessionEnded(sessionGeneration());
    expect(heard).toBe(1);
    off();
    reportSessionEnded(sessionGeneration());
    expect(heard).toBe(1);
  });
});
