import { NodeKind } from '@memberflow/shared/node-kind';
import { nodeModule } from '@memberflow/shared/node-registry';
import { describe, expect, it } from 'vitest';
import { nodeForms } from '../nodes/node-forms.ts';
import { enMessages, type MessageKey } from './en.ts';
import { pickLocale, translate } from './i18n.ts';
import { zhCN } from './zh-CN.ts';

describe('i18n', () => {
  it('zh-CN has exactly the English keys, none left empty or untranslated placeholders', () => {
    expect(Object.keys(zhCN).sort()).toEqual(Object.keys(enMessages).sort());
    for (const [key, text] of Object.entries(zhCN)) {
      expect(text.trim(), key).not.toBe('');
      const placeholders = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
      expect(placeholders(text), key).toEqual(placeholders(enMessages[key as keyof typeof enMessages]));
    }
  });

  it('English kind titles and descriptions match the shared node modules', () => {
    for (const kind of NodeKind.options) {
      expect(translate('en', `kinds.${kind}.title`)).toBe(nodeModule(kind).title);
      expect(translate('en', `kinds.${kind}.description`)).toBe(nodeModule(kind).description);
    }
  });

  it('English inspector labels match the labels the problems list names fields by', () => {
    for (const [kind, entry] of Object.entries(nodeForms)) {
      for (const [field, label] of Object.entries(entry.fieldLabels)) {
        expect(translate('en', `form.${kind}.${field}` as MessageKey), `${kind}.${field}`).toBe(label);
      }
    }
  });

  it('fills placeholders', () => {
    expect(translate('zh-CN', 'toolbar.live', { version: 3 })).toBe('线上：第 3 版');
    expect(translate('en', 'selection.count', { count: 2 })).toBe('2 steps selected');
  });

  it('picks a stored choice, else the browser language', () => {
    expect(pickLocale('en', ['zh-CN'])).toBe('en');
    expect(pickLocale(null, ['zh-TW', 'en'])).toBe('zh-CN');
    expect(pickLocale(null, ['fr-FR'])).toBe('en');
    expect(pickLocale('klingon', ['en-US'])).toBe('en');
  });
});
