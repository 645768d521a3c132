import { z } from 'zod';

export const DurationUnit = z.enum(['minutes', 'hours', 'days', 'weeks']);
export type DurationUnit = z.infer<typeof DurationUnit>;

export const Duration = z.object({
  amount: z.number().int('must be a whole number').positive('must be greater than 0').max(100_000),
  unit: DurationUnit,
});
export type Duration = z.infer<typeof Duration>;

const unitMs: Record<DurationUnit, number> = {
  minutes: 60_000,
  hours: 3_600_000,
  days: 86_400_000,
  weeks: 7 * 86_400_000,
};

export const MS_PER_DAY = unitMs.days;

export function durationMs(d: Duration): number {
  return d.amount * unitMs[d.unit];
}

export function formatDuration(d: Duration): string {
  const unit = d.amount === 1 ? d.unit.slice(0, -1) : d.unit;
  return `${d.amount} ${unit}`;
}
