import { formatInZone, formatUtc, zoneOffset } from './zone-time.ts';
import { rfmLabel } from './member-search.tsx';
import type { Member } from './monitoring-types.ts';

export function MemberProfile({ member: m }: { member: Member }) {
  const now = new Date().toISOString();
  const optedOut = Object.entries(m.consents)
    .filter(([, v]) => v === false)
    .map(([k]) => k);
  return (
    <div className="profile" data-testid="member-profile">
      <Fact label="Tier" value={m.tier ?? 'none'} />
      <Fact label="RFM group" value={m.rfm ? `${rfmLabel(m.rfm.segment)} (R${m.rfm.r} F${m.rfm.f} M${m.rfm.m})` : 'not scored'} />
      <Fact label="Points" value={m.pointsBalance.toLocaleString()} />
      <Fact label="Stored value" value={m.storedValue.toLocaleString(undefined, { minimumFractionDigits: 2, maximumFractionDigits: 2 })} />
      <Fact label="Orders · spent" value={`${m.orderCount.toLocaleString()} · ${m.totalSpent.toLocaleString(undefined, { maximumFractionDigits: 2 })}`} />
      <Fact label="Time zone" value={`${m.timeZone} (${zoneOffset(now, m.timeZone)})`} testId="member-zone" />
      <Fact label="First purchase" value={m.firstPurchaseAt ? `${formatUtc(m.firstPurchaseAt)} UTC` : '—'} />
      <Fact label="Last purchase" value={m.lastPurchaseAt ? `${formatUtc(m.lastPurchaseAt)} UTC` : '—'} hint={m.lastPurchaseAt && m.timeZone !== 'UTC' ? `${formatInZone(m.lastPurchaseAt, m.timeZone)} member time` : undefined} />
      <Fact label="Tags" value={m.tags.length ? m.tags.join(', ') : '—'} />
      <Fact label="Opted out of" value={optedOut.length ? optedOut.join(', ') : 'nothing'} />
    </div>
  );
}

function Fact({ label, value, hint, testId }: { label: string; value: string; hint?: string | undefined; testId?: string }) {
  return (
    <div className="profile__fact" data-testid={testId}>
      <div className="profile__label">{label}</div>
      <div className="profile__value">{value}</div>
      {hint && <div className="profile__hint muted">{hint}</div>}
    </div>
  );
}
