import { useT } from '../i18n/i18n.ts';
import { useLocaleFormat } from '../back-office/locale-format.ts';
import { formatInZone, formatUtc, zoneOffset } from './zone-time.ts';
import { useRfmGroupName } from '../insights/rfm-group-name.ts';
import type { Member } from './monitoring-types.ts';

export function MemberProfile({ member: m }: { member: Member }) {
  const t = useT();
  const rfmName = useRfmGroupName();
  const f = useLocaleFormat();
  const now = new Date().toISOString();
  const optedOut = Object.entries(m.consents)
    .filter(([, v]) => v === false)
    .map(([k]) => k);
  return (
    <div className="profile" data-testid="member-profile">
      <Fact label={t('member.fact.tier')} value={m.tier ?? t('tiers.noTier')} />
      <Fact label={t('member.fact.rfm')} value={m.rfm ? `${rfmName(m.rfm.segment)} (R${m.rfm.r} F${m.rfm.f} M${m.rfm.m})` : t('member.fact.notScored')} />
      <Fact label={t('member.fact.points')} value={f.number(m.pointsBalance)} />
      <Fact label={t('member.fact.storedValue')} value={f.money(m.storedValue)} />
      <Fact label={t('member.fact.orders')} value={`${f.number(m.orderCount)} · ${f.money(m.totalSpent)}`} />
      <Fact label={t('member.timeZone')} value={`${m.timeZone} (${zoneOffset(now, m.timeZone)})`} testId="member-zone" />
      <Fact label={t('member.fact.firstPurchase')} value={m.firstPurchaseAt ? `${formatUtc(m.firstPurchaseAt)} UTC` : '—'} />
      <Fact
        label={t('member.fact.lastPurchase')}
        value={m.lastPurchaseAt ? `${formatUtc(m.lastPurchaseAt)} UTC` : '—'}
        hint={m.lastPurchaseAt && m.timeZone !== 'UTC' ? t('member.fact.memberTime', { time: formatInZone(m.lastPurchaseAt, m.timeZone) }) : undefined}
      />
      <Fact label={t('member.tags')} value={m.tags.length ? m.tags.join(', ') : '—'} />
      <Fact label={t('member.fact.optedOut')} value={optedOut.length ? optedOut.map((c) => t(`member.channel.${c as 'sms'}`)).join(', ') : t('member.fact.nothing')} />
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
