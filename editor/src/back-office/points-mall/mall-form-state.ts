import { MallItemInput, type MallItem, type MallItemKind, type MallLimitPeriod, type MallPricing } from '@memberflow/shared/api/points-mall';
import type { pointsMallRoutes } from '@memberflow/shared/api/points-mall-routes';
import type { BodyOf } from '@memberflow/shared/api/route-contract';
import { pathToField } from '@memberflow/shared/violations';

/** The form as typed: numbers stay text until saved, so a half-typed value is not lost. */
export interface MallFormState {
  key: string;
  name: string;
  description: string;
  kind: MallItemKind;
  couponTemplate: string;
  pricing: MallPricing;
  points: string;
  cash: string;
  deductionValue: string;
  deductionMinPoints: string;
  deductionMaxPoints: string;
  stock: string;
  perMemberLimit: string;
  limitPeriod: MallLimitPeriod | '';
}

export const emptyMallForm = (): MallFormState => ({
  key: '',
  name: '',
  description: '',
  kind: 'gift',
  couponTemplate: '',
  pricing: 'points',
  points: '',
  cash: '',
  deductionValue: '',
  deductionMinPoints: '',
  deductionMaxPoints: '',
  stock: '',
  perMemberLimit: '',
  limitPeriod: '',
});

const text = (n: number | null) => (n === null ? '' : String(n));

export function mallFormOf(i: MallItem): MallFormState {
  return {
    key: i.key,
    name: i.name,
    description: i.description,
    kind: i.kind,
    couponTemplate: i.couponTemplate ?? '',
    pricing: i.pricing,
    points: String(i.points),
    cash: i.cash ? String(i.cash) : '',
    deductionValue: text(i.deductionValue),
    deductionMinPoints: text(i.deductionMinPoints),
    deductionMaxPoints: text(i.deductionMaxPoints),
    stock: text(i.stock),
    perMemberLimit: text(i.perMemberLimit),
    limitPeriod: i.limitPeriod ?? '',
  };
}

// Empty text is "not given"; anything else must read as a number (the schema names it otherwise).
const num = (s: string): number | undefined => (s.trim() === '' ? undefined : Number(s.trim()));

/** The key and the body PUT /api/v1/points-mall/items/:key takes; fields of other kinds and pricings are left out. */
export function mallBody(s: MallFormState): { key: string } & BodyOf<typeof pointsMallRoutes.saveItem> {
  const deduction = s.pricing === 'deduction';
  return {
    key: s.key.trim(),
    name: s.name.trim(),
    description: s.description.trim(),
    kind: s.kind,
    couponTemplate: s.kind === 'coupon' ? s.couponTemplate || null : null,
    pricing: s.pricing,
    points: num(s.points) as number,
    cash: s.pricing === 'cash_points' ? (num(s.cash) ?? 0) : 0,
    deductionValue: deduction ? (num(s.deductionValue) ?? null) : null,
    deductionMinPoints: deduction ? (num(s.deductionMinPoints) ?? null) : null,
    deductionMaxPoints: deduction ? (num(s.deductionMaxPoints) ?? null) : null,
    stock: num(s.stock) ?? null,
    perMemberLimit: num(s.perMemberLimit) ?? null,
    limitPeriod: s.limitPeriod || null,
  };
}

/** Problems by form field, checked with the same schema the server parses with. */
export function mallProblems(s: MallFormState): Record<string, string> {
  const r = MallItemInput.safeParse(mallBody(s));
  const out: Record<string, string> = {};
  if (r.success) return out;
  for (const i of r.error.issues) out[pathToField(i.path) || 'name'] ??= i.message;
  return out;
}
