import { ContactPolicySettings } from '@memberflow/shared/api/settings-routes';
import { pathToField } from '@memberflow/shared/violations';

export interface PolicyFormState {
  capCount: string;
  capDays: string;
  quiet: boolean;
  start: string;
  end: string;
  mode: 'hold' | 'skip';
}

export function policyFormOf(p: ContactPolicySettings): PolicyFormState {
  return {
    capCount: String(p.cap.count),
    capDays: String(p.cap.days),
    quiet: p.quietHours !== null,
    start: p.quietHours?.start ?? '21:00',
    end: p.quietHours?.end ?? '08:00',
    mode: p.quietHours?.mode ?? 'hold',
  };
}

const num = (s: string) => (s.trim() === '' ? undefined : Number(s.trim()));

/** The settings the form stands for, or the problems by field (cap.count, quietHours.start, …). */
export function parsePolicyForm(
  s: PolicyFormState,
): { policy: ContactPolicySettings; problems: null } | { policy: null; problems: Record<string, string> } {
  const r = ContactPolicySettings.safeParse({
    cap: { count: num(s.capCount), days: num(s.capDays) },
    quietHours: s.quiet ? { start: s.start, end: s.end, mode: s.mode } : null,
  });
  if (r.success) return { policy: r.data, problems: null };
  const problems: Record<string, string> = {};
  for (const i of r.error.issues) problems[pathToField(i.path)] ??= i.message;
  return { policy: null, problems };
}
