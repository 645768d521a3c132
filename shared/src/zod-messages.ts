import { z } from 'zod';

// Messages people read: a missing field says so, instead of "expected string, received undefined".
// Applied once, wherever shared schemas are loaded (they import this module).
z.config({
  customError: (issue) => {
    if (issue.code === 'invalid_type' && issue.input === undefined) return 'is required';
    if (issue.code === 'invalid_type') return `must be ${issue.expected === 'number' ? 'a number' : issue.expected === 'boolean' ? 'true or false' : issue.expected === 'array' ? 'a list' : issue.expected === 'object' ? 'an object' : `a ${issue.expected}`}`;
    // zod's own "Too big: expected number to be <=100000" reads as a stack trace to a marketer.
    if (issue.code === 'too_big' || issue.code === 'too_small') return sizeMessage(issue.code === 'too_big', issue.origin, Number(issue.code === 'too_big' ? issue.maximum : issue.minimum), issue.inclusive !== false);
    return undefined;
  },
});

function sizeMessage(big: boolean, origin: string, limit: number, inclusive: boolean): string {
  const n = limit.toLocaleString('en');
  if (origin === 'string') return big ? `at most ${n} characters` : limit === 1 ? 'is required' : `at least ${n} characters`;
  if (origin === 'array' || origin === 'set') return big ? `at most ${n} items` : `at least ${n} item${limit === 1 ? '' : 's'}`;
  if (big) return inclusive ? `must be at most ${n}` : `must be less than ${n}`;
  return inclusive ? `must be at least ${n}` : `must be greater than ${n}`;
}
