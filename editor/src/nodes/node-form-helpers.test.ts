import { describe, expect, it } from 'vitest';
import { attributeValueType, convertAttributeValue } from './attribute-value.ts';
import { jsonBodyError } from './call-webhook-form.tsx';
import { insertAt } from './sample-variables.ts';

describe('attribute values', () => {
  it('reads the type from the value and converts between types', () => {
    expect(attributeValueType(null)).toBe('clear');
    expect(attributeValueType('x')).toBe('text');
    expect(attributeValueType(true)).toBe('boolean');
    expect(convertAttributeValue('3', 'number')).toBe(3);
    expect(convertAttributeValue('three', 'number')).toBeUndefined();
    expect(convertAttributeValue(3, 'text')).toBe('3');
    expect(convertAttributeValue('true', 'boolean')).toBe(true);
    expect(convertAttributeValue(1, 'clear')).toBeNull();
  });
});

describe('template helpers', () => {
  it('inserts a variable over the selection and puts the caret after it', () => {
    expect(insertAt('Hi !', 3, 3, '{{member.name}}')).toEqual({ text: 'Hi {{member.name}}!', caret: 18 });
    expect(insertAt('Hi XX', 3, 5, '{{coupon.code}}').text).toBe('Hi {{coupon.code}}');
    // A property to type: the caret lands before the closing braces.
    expect(insertAt('', 0, 0, '{{trigger.}}')).toEqual({ text: '{{trigger.}}', caret: 10 });
  });

  it('checks a webhook body is JSON once variables are filled in', () => {
    expect(jsonBodyError('{"memberId": "{{member.id}}", "amount": {{trigger.amount}}}')).toBeNull();
    expect(jsonBodyError('{"memberId": {{member.name}}}')).toMatch(/Not valid JSON/);
    expect(jsonBodyError('')).toBeNull();
  });
});
