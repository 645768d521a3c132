import { describe, expect, it } from 'vitest';
import { generatePassword } from './generate-password.ts';
import { sortUsers, userStatus } from './user-status.ts';

const now = Date.parse('2025-03-01T12:00:00Z');

describe('user status', () => {
  it('is locked only while the lock lasts, and disabled wins', () => {
    expect(userStatus({ disabled: false, lockedUntil: null }, now)).toEqual({ kind: 'active' });
    expect(userStatus({ disabled: false, lockedUntil: '2025-03-01T12:15:00Z' }, now)).toEqual({ kind: 'locked', until: '2025-03-01T12:15:00Z' });
    expect(userStatus({ disabled: false, lockedUntil: '2025-03-01T11:00:00Z' }, now)).toEqual({ kind: 'active' });
    expect(userStatus({ disabled: true, lockedUntil: '2025-03-01T12:15:00Z' }, now)).toEqual({ kind: 'disabled' });
  });

  it('lists admins first, then by name', () => {
    const users = [
      { role: 'analyst' as const, name: 'Bo', email: 'b@x' },
      { role: 'admin' as const, name: 'Zed', email: 'z@x' },
      { role: 'analyst' as const, name: 'Al', email: 'a@x' },
    ];
    expect(sortUsers(users).map((u) => u.name)).toEqual(['Zed', 'Al', 'Bo']);
  });
});

describe('generatePassword', () => {
  it('is long enough for the server and avoids look-alike characters', () => {
    const p = generatePassword();
    expect(p).toHaveLength(16);
    expect(p).not.toMatch(/[0O1lI]/);
    expect(generatePassword()).not.toBe(p);
  });

  it('skips bytes that would favour some characters', () => {
    // 57 characters: bytes from 228 up are rejected rather than folded onto the first few.
    let call = 0;
    const bytes = (n: number) => new Uint8Array(n).fill(call++ === 0 ? 250 : 0);
    expect(generatePassword(4, bytes)).toBe('AAAA');
  });
});
