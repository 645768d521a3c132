import { describe, expect, it } from 'vitest';
import { translate, type Translate } from '../i18n/i18n.ts';
import { publishedNotice } from './canvas-machine.ts';
import { noticeText } from './canvas-notice.ts';

const tIn =
  (locale: 'en' | 'zh-CN'): Translate =>
  (key, vars) =>
    translate(locale, key, vars);
const num = (n: number) => n.toLocaleString('en');

describe('the notice after publishing', () => {
  it('says how many who already qualified enter now, in English', () => {
    const en = (r: { version: number; enteringNow?: number }) => noticeText(publishedNotice(r), tIn('en'), num);
    expect(en({ version: 1, enteringNow: 2357 })).toBe('Published as version 1; 2,357 members who already qualified enter now');
    expect(en({ version: 2, enteringNow: 1 })).toBe('Published as version 2; 1 member who already qualified enters now');
    expect(en({ version: 3, enteringNow: 0 })).toBe('Published as version 3');
    expect(en({ version: 4 })).toBe('Published as version 4');
    expect(noticeText({ kind: 'saved' }, tIn('en'), num)).toBe('Draft saved');
  });

  it('and in Chinese', () => {
    expect(noticeText(publishedNotice({ version: 1, enteringNow: 2357 }), tIn('zh-CN'), num)).toBe(
      '已发布为第 1 版；2,357 名已符合条件的会员现在进入',
    );
    expect(noticeText({ kind: 'saved' }, tIn('zh-CN'), num)).toBe('草稿已保存');
  });
});
