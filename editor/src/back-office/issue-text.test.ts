import { describe, expect, it } from 'vitest';
import { translate } from '../i18n/i18n.ts';

describe('problem wording', () => {
  it('has every back-office problem in both languages with the same placeholders', () => {
    expect(translate('en', 'bo.problem.atLeast', { min: 100 })).toBe('must be at least 100');
    expect(translate('zh-CN', 'bo.problem.atLeast', { min: 100 })).toBe('不能少于 100');
    expect(translate('zh-CN', 'member.problem.email')).toBe('必须是邮箱地址');
  });
});
