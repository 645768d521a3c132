import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import '../src/zod-messages.ts';

const message = (schema: z.ZodType, value: unknown) => schema.safeParse(value).error?.issues[0]?.message;

describe('messages people read', () => {
  it('says limits in words, not zod’s "Too big: expected number to be <=100000"', () => {
    expect(message(z.number().max(100_000), 200_000)).toBe('must be at most 100,000');
    expect(message(z.number().positive(), 0)).toBe('must be greater than 0');
    expect(message(z.number().min(1), 0)).toBe('must be at least 1');
    expect(message(z.string().min(1), '')).toBe('is required');
    expect(message(z.string().max(5), 'abcdefg')).toBe('at most 5 characters');
    expect(message(z.array(z.number()).min(2), [1])).toBe('at least 2 items');
  });

  it('keeps a schema’s own message', () => {
    expect(message(z.number().max(10, 'at most 10 days'), 20)).toBe('at most 10 days');
  });
});
