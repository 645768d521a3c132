import type { NodeKind } from '@memberflow/shared/node-kind';
import { RATE_WINDOW_MS, type QueuedByRateLimit } from '@memberflow/shared/send-rate-limit';
import { isSkipParts } from '@memberflow/shared/skip-parts';
import { enMessages } from '../i18n/en.ts';
import { kindTitle, useT, type Translate } from '../i18n/i18n.ts';
import { effectText } from '../nodes/effect-texts.ts';
import type { MemberEffect } from './monitoring-types.ts';
import { formatInZone, formatUtc } from './zone-time.ts';

/** Why an effect is in its state, from what the runtime stored with it. */
export function effectReason(e: MemberEffect, timeZone: string, t: Translate): string {
  if (e.status === 'skipped') return skippedReason(e.payload, t);
  if (e.status === 'held' && isQueued(e.payload.rateLimit)) return rateLimitedReason(e.payload.rateLimit, t);
  if (e.status === 'held') return e.notBefore ? t('effects.heldUntil', { time: formatInZone(e.notBefore, timeZone) }) : t('effects.held');
  if (e.status === 'failed') return t('effects.failed', { attempts: e.attempts, error: e.error ?? t('effects.unknownError') });
  if (e.status === 'pending') return e.attempts ? t('effects.retrying', { attempt: e.attempts, error: e.error ?? '' }) : t('effects.queued');
  return e.doneAt ? t('effects.doneAt', { time: formatUtc(e.doneAt) }) : t('effects.done');
}

/** In the user's language from the stored parts; rows written before the parts existed keep their English. */
function skippedReason(p: MemberEffect['payload'], t: Translate): string {
  const why = isSkipParts(p.skippedParts) ? t(`skip.${p.skippedParts.key}`, p.skippedParts.vars) : p.skipped;
  return typeof why === 'string' ? t('effects.skippedWhy', { why }) : t('effects.skipped');
}

function isQueued(v: unknown): v is QueuedByRateLimit {
  return typeof v === 'object' && v !== null && typeof (v as QueuedByRateLimit).count === 'number';
}

/** A message waiting its turn under its step's send rate limit. */
function rateLimitedReason(q: QueuedByRateLimit, t: Translate): string {
  const per = (Object.keys(RATE_WINDOW_MS) as (keyof typeof RATE_WINDOW_MS)[]).find((k) => RATE_WINDOW_MS[k] === q.windowMs) ?? 'hour';
  return t('effects.rateLimited', { count: q.count.toLocaleString(), per: t(`rateLimit.per.${per}`) });
}

/** An effect is named after the step kind that made it; an unknown kind shows its code. */
function effectKindName(kind: string, t: Translate): string {
  return `kinds.${kind}.title` in enMessages ? kindTitle(t, kind as NodeKind) : kind;
}

/** The one detail that says what was sent: channel and template, coupon template, points… */
function what(e: MemberEffect, t: Translate): string {
  const p = e.payload;
  const channel = typeof p.channel === 'string' ? t(`effects.channel.${p.channel}` as 'effects.channel.sms') : undefined;
  const bits = [channel, p.template, p.points !== undefined ? t('effects.points', { points: String(p.points) }) : undefined, p.tier, p.title].filter((v) => typeof v === 'string' || typeof v === 'number');
  return bits.map(String).join(' · ');
}

export function MemberEffects({ effects, timeZone, workflowName }: { effects: MemberEffect[]; timeZone: string; workflowName: (id: string | null) => string }) {
  const t = useT();
  if (effects.length === 0) return <p className="muted panel-empty">{t('effects.none')}</p>;
  return (
    <table className="mon-table" data-testid="member-effects">
      <thead>
        <tr>
          <th>UTC</th>
          <th>{t('effects.col.action')}</th>
          <th>{t('effects.col.workflow')}</th>
          <th>{t('effects.col.status')}</th>
          <th>{t('effects.col.why')}</th>
        </tr>
      </thead>
      <tbody>
        {effects.map((e) => (
          <tr key={e.key} data-testid="member-effect">
            <td className="mon-table__time">{formatUtc(e.at)}</td>
            <td>
              {effectKindName(e.kind, t)}
              {what(e, t) && <div className="muted">{what(e, t)}</div>}
              {/* The message as this member reads it (or would have, when skipped). */}
              {effectText(e.kind, e.payload) !== undefined && (
                <div className="muted" data-testid="member-effect-text">
                  {effectText(e.kind, e.payload)}
                </div>
              )}
            </td>
            <td>{workflowName(e.workflowId)}</td>
            <td>
              <span className={`effect-status effect-status--${e.status}`}>{t(`effects.status.${e.status}`)}</span>
            </td>
            <td className="trace__reason">{effectReason(e, timeZone, t)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
