import { emptyMember, type MemberFacts } from '@memberflow/shared/member-facts';
import type { RfmGroup } from '@memberflow/shared/rfm';
import type { TimelineEvent } from '@memberflow/shared/simulate';
import { isValidTimeZone } from '@memberflow/shared/time-zone';

/** The simulated member as the panel's form holds it: text boxes, so half-typed input never throws. */
export interface SimMemberForm {
  name: string;
  phone: string;
  email: string;
  timeZone: string;
  tier: string;
  tags: string[];
  points: string;
  orderCount: string;
  totalSpent: string;
  /** YYYY-MM-DD, empty when unknown. */
  lastPurchase: string;
  birthday: string;
  joined: string;
  rfmSegment: string;
}

export interface SimEventForm {
  type: string;
  /** YYYY-MM-DDTHH:MM, read as UTC. */
  at: string;
  /** key=value pairs, separated by commas or new lines. */
  properties: string;
}

export interface SimulationSetup {
  member: SimMemberForm;
  events: SimEventForm[];
  from: string;
  until: string;
}

/**
 * Scores that go with each RFM group (the runtime's one list), so rules on member.rfm.r/f/m see
 * plausible numbers: each triple lands in its group on the shared R×FM grid (a test checks).
 */
export const rfmScores = {
  champions: [5, 5, 5],
  loyal: [4, 4, 4],
  potential_loyalist: [5, 2, 3],
  new: [5, 1, 1],
  promising: [4, 1, 1],
  need_attention: [3, 2, 2],
  at_risk: [2, 4, 4],
  cant_lose: [1, 5, 5],
  hibernating: [2, 2, 2],
  lost: [1, 1, 1],
} satisfies Record<RfmGroup, [number, number, number]>;

/** "2025-03-01T10:00" as UTC milliseconds; NaN when not a date. */
export function parseUtc(text: string): number {
  const t = text.trim();
  if (!/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2})?)?$/.test(t)) return Number.NaN;
  return Date.parse(t.length === 10 ? `${t}T00:00:00Z` : `${t}Z`);
}

export function toDateTimeInput(ms: number): string {
  return new Date(ms).toISOString().slice(0, 16);
}

export function formatUtc(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** "amount=20, orderId=A1" -> { amount: 20, orderId: "A1" }; numbers and true/false are typed. */
export function parseProperties(text: string): { properties: Record<string, unknown>; error: string | null } {
  const properties: Record<string, unknown> = {};
  for (const raw of text.split(/[,\n]/)) {
    const part = raw.trim();
    if (!part) continue;
    const eq = part.indexOf('=');
    if (eq <= 0) return { properties, error: `"${part}" is not key=value` };
    const key = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(key)) return { properties, error: `"${key}" is not a property name` };
    properties[key] = /^[-+]?\d+(\.\d+)?$/.test(value)
      ? Number(value)
      : value === 'true'
        ? true
        : value === 'false'
          ? false
          : value;
  }
  return { properties, error: null };
}

const num = (text: string) => {
  const n = Number(text.trim());
  return text.trim() !== '' && Number.isFinite(n) ? n : 0;
};

export function buildMember(form: SimMemberForm): MemberFacts {
  const m = emptyMember('sim-member', form.timeZone.trim() || 'UTC');
  const last = parseUtc(form.lastPurchase);
  const joined = parseUtc(form.joined);
  const orderCount = Math.max(0, Math.floor(num(form.orderCount)));
  const totalSpent = num(form.totalSpent);
  const scores = (rfmScores as Partial<Record<string, [number, number, number]>>)[form.rfmSegment];
  return {
    ...m,
    name: form.name.trim() || 'Test member',
    phone: form.phone.trim() || null,
    email: form.email.trim() || null,
    tier: form.tier.trim() || null,
    tags: [...form.tags],
    pointsBalance: num(form.points),
    orderCount,
    totalSpent,
    lastPurchaseAt: Number.isNaN(last) ? null : last,
    firstPurchaseAt: Number.isNaN(last) ? null : last,
    // The history is summarised by counts; one purchase at the last date gives windowed metrics something to read.
    purchases:
      Number.isNaN(last) || orderCount === 0 ? [] : [{ at: last, amount: Math.round((totalSpent / orderCount) * 100) / 100 }],
    birthday: /^\d{4}-\d{2}-\d{2}$/.test(form.birthday.trim()) ? form.birthday.trim() : null,
    joinedAt: Number.isNaN(joined) ? null : joined,
    rfm: scores ? { r: scores[0], f: scores[1], m: scores[2], segment: form.rfmSegment } : null,
  };
}

export interface SetupProblems {
  /** Keyed "from", "until", "timeZone", "event.<i>.at", "event.<i>.type", "event.<i>.properties". */
  errors: Record<string, string>;
  timeline: TimelineEvent[];
}

export function checkSetup(setup: SimulationSetup): SetupProblems {
  const errors: Record<string, string> = {};
  const from = parseUtc(setup.from);
  const until = parseUtc(setup.until);
  if (Number.isNaN(from)) errors.from = 'Enter a start date';
  if (Number.isNaN(until)) errors.until = 'Enter an end date';
  else if (!Number.isNaN(from) && until <= from) errors.until = 'Must be after the start';
  const zone = setup.member.timeZone.trim();
  if (zone && !isValidTimeZone(zone)) errors.timeZone = `"${zone}" is not a time zone: use a name such as Asia/Shanghai or Europe/London`;
  const timeline: TimelineEvent[] = [];
  setup.events.forEach((e, i) => {
    const at = parseUtc(e.at);
    const props = parseProperties(e.properties);
    if (!/^[a-z][a-z0-9_.]*$/.test(e.type.trim())) errors[`event.${i}.type`] = 'Lowercase event name, e.g. purchase';
    if (Number.isNaN(at)) errors[`event.${i}.at`] = 'Enter a date and time';
    if (props.error) errors[`event.${i}.properties`] = props.error;
    if (!Number.isNaN(at)) timeline.push({ type: e.type.trim(), at, properties: props.properties });
  });
  return { errors, timeline };
}
