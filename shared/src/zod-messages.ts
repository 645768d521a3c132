import { z } from 'zod';

// Messages people read: a missing field says so, instead of "expected string, received undefined".
// Applied once, wherever shared schemas are loaded (they import this module).
z.config({
  customError: (issue) => {
    if (issue.code === 'invalid_type' && issue.input === undefined) return 'is required';
    if (issue.code === 'invalid_type') return `must be ${issue.expected === 'number' ? 'a number' : issue.expected === 'boolean' ? 'true or false' : issue.expected === 'array' ? 'a list' : issue.expected === 'object' ? 'an object' : `a ${issue.expected}`}`;
    return undefined;
  },
});
