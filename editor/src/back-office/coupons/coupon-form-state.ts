import { CouponTemplateInput, type CouponTemplate } from '@memberflow/shared/api/loyalty';
import type { loyaltyRoutes } from '@memberflow/shared/api/loyalty-routes';
import type { BodyOf } from '@memberflow/shared/api/route-contract';
import { pathToField } from '@memberflow/shared/violations';

export type CouponKind = CouponTemplate['kind'];

/** The form as typed: numbers stay text until saved, so a half-typed value is not lost. */
export interface CouponFormState {
  key: string;
  name: string;
  kind: CouponKind;
  value: string;
  minSpend: string;
  validity: 'days' | 'dates';
  validityDays: string;
  validFrom: string;
  validTo: string;
  oncePerMember: boolean;
  stockLimit: string;
}

export const emptyCouponForm = (): CouponFormState => ({
  key: '',
  name: '',
  kind: 'amount_off',
  value: '',
  minSpend: '0',
  validity: 'days',
  validityDays: '30',
  validFrom: '',
  validTo: '',
  oncePerMember: false,
  stockLimit: '',
});

const day = (ms: number | null) => (ms === null ? '' : new Date(ms).toISOString().slice(0, 10));

export function couponFormOf(t: CouponTemplate): CouponFormState {
  return {
    key: t.key,
    name: t.name,
    kind: t.kind,
    value: String(t.value),
    minSpend: String(t.minSpend),
    validity: t.validTo !== null ? 'dates' : 'days',
    validityDays: t.validityDays === null ? '' : String(t.validityDays),
    validFrom: day(t.validFrom),
    validTo: day(t.validTo),
    oncePerMember: t.oncePerMember,
    stockLimit: t.stockLimit === null ? '' : String(t.stockLimit),
  };
}

// Empty text is "not given"; anything else must read as a number (the schema names it otherwise).
const num = (s: string): number | undefined => (s.trim() === '' ? undefined : Number(s.trim()));

/**
 * The key and the body PUT /api/v1/coupon-templates/:key takes; dates are whole UTC days (the end
 * day included). Not checked here: the server names each field's problem.
 */
export function couponBody(s: CouponFormState): { key: string } & BodyOf<typeof loyaltyRoutes.saveCouponTemplate> {
  const dates = s.validity === 'dates';
  return {
    key: s.key.trim(),
    name: s.name.trim(),
    kind: s.kind,
    value: s.kind === 'amount_off' || s.kind === 'percent_off' ? num(s.value) : 0,
    minSpend: num(s.minSpend) ?? 0,
    validityDays: dates ? null : (num(s.validityDays) ?? null),
    validFrom: dates && s.validFrom ? `${s.validFrom}T00:00:00.000Z` : null,
    validTo: dates && s.validTo ? `${s.validTo}T23:59:59.999Z` : null,
    oncePerMember: s.oncePerMember,
    stockLimit: num(s.stockLimit) ?? null,
  };
}

/** Problems by form field, checked with the same schema the server parses with. */
export function couponProblems(s: CouponFormState): Record<string, string> {
  const r = CouponTemplateInput.safeParse(couponBody(s));
  const out: Record<string, string> = {};
  if (r.success) return out;
  for (const i of r.error.issues) out[pathToField(i.path) || 'name'] ??= i.message;
  return out;
}
