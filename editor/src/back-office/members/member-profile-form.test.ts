import { describe, expect, it } from 'vitest';
import { profileBody, profileFormOf } from './member-profile-form.ts';

const member = {
  name: 'Li Lei',
  phone: null,
  email: null,
  birthday: null,
  timeZone: 'Asia/Shanghai',
  tags: ['vip'],
  consents: { sms: false },
  attributes: { city: 'Shanghai' },
};

describe('the member profile form', () => {
  it('round-trips a member: consents default to allowed, tags from a comma list', () => {
    const form = profileFormOf(member);
    expect(form.consents).toEqual({ sms: false, email: true, wechat: true, push: true, webhook: true });
    expect(profileBody({ ...form, tags: 'vip, coffee ,' }).body).toMatchObject({
      name: 'Li Lei',
      email: null,
      tags: ['vip', 'coffee'],
      attributes: { city: 'Shanghai' },
    });
  });

  it('names the field of each problem', () => {
    const form = profileFormOf(member);
    expect(profileBody({ ...form, attributes: '[1]' }).problems).toEqual({ attributes: 'must be a JSON object' });
    expect(Object.keys(profileBody({ ...form, email: 'nope', timeZone: 'Mars/Base' }).problems ?? {})).toEqual([
      'email',
      'timeZone',
    ]);
  });
});
