import { MemberProfileBody } from '@memberflow/shared/api/member-admin';
import { pathToField } from '@memberflow/shared/violations';

export const CHANNELS = ['sms', 'email', 'wechat', 'push', 'webhook'] as const;
export type Channel = (typeof CHANNELS)[number];

export interface ProfileFormState {
  name: string;
  phone: string;
  email: string;
  birthday: string;
  timeZone: string;
  tags: string;
  attributes: string;
  consents: Record<Channel, boolean>;
}

export interface EditableMember {
  name: string | null;
  phone: string | null;
  email: string | null;
  birthday: string | null;
  timeZone: string;
  tags: string[];
  consents: Partial<Record<string, boolean>>;
  attributes?: Record<string, unknown>;
}

export function profileFormOf(m: EditableMember): ProfileFormState {
  return {
    name: m.name ?? '',
    phone: m.phone ?? '',
    email: m.email ?? '',
    birthday: m.birthday ?? '',
    timeZone: m.timeZone,
    tags: m.tags.join(', '),
    attributes: JSON.stringify(m.attributes ?? {}, null, 2),
    // A channel is allowed unless the member said no to it.
    consents: Object.fromEntries(CHANNELS.map((c) => [c, m.consents[c] !== false])) as Record<Channel, boolean>,
  };
}

const orNull = (s: string) => (s.trim() === '' ? null : s.trim());

/** The PATCH body, or the problems by field (attributes that are not a JSON object included). */
export function profileBody(
  s: ProfileFormState,
): { body: MemberProfileBody; problems: null } | { body: null; problems: Record<string, string> } {
  let attributes: unknown;
  try {
    attributes = JSON.parse(s.attributes.trim() || '{}');
  } catch {
    attributes = null;
  }
  if (typeof attributes !== 'object' || attributes === null || Array.isArray(attributes))
    return { body: null, problems: { attributes: 'must be a JSON object' } };
  const raw = {
    name: orNull(s.name),
    phone: orNull(s.phone),
    email: orNull(s.email),
    birthday: orNull(s.birthday),
    timeZone: s.timeZone.trim(),
    tags: s.tags
      .split(',')
      .map((t) => t.trim())
      .filter(Boolean),
    consents: s.consents,
    attributes,
  };
  const r = MemberProfileBody.safeParse(raw);
  if (r.success) return { body: r.data, problems: null };
  const problems: Record<string, string> = {};
  for (const i of r.error.issues) problems[pathToField(i.path).split('.')[0]!] ??= i.message;
  return { body: null, problems };
}
