import type { MemberPoints } from '@memberflow/shared/api/member-admin';
import { memberRoutes } from '@memberflow/shared/api/member-routes';
import { useState } from 'react';
import { callRoute } from '../../api/call-route.ts';
import { useCan } from '../../auth/session-context.ts';
import { useT, type Translate } from '../../i18n/i18n.ts';
import { Panel } from '../../monitoring/panel.tsx';
import { usePolling } from '../../monitoring/use-polling.ts';
import { useLocaleFormat } from '../locale-format.ts';
import { PointsAdjustDialog } from './points-adjust-dialog.tsx';

const EVENT_REASONS = ['purchase', 'sign_in', 'referral'] as const;
// Points the programme earns carry the event's type as their reason; staff reasons are shown as written.
const reasonText = (t: Translate, r: string) =>
  (EVENT_REASONS as readonly string[]).includes(r) ? t(`member.reason.${r as (typeof EVENT_REASONS)[number]}`) : r;

type Entry = MemberPoints['ledger'][number];
const LEDGER_KEYS = ['streak', 'cappedDay', 'cappedMonth', 'cappedBalance'] as const;

/** The programme's reasons from their parts in the reader's language (the English when a part is unknown). */
function ledgerReason(t: Translate, f: ReturnType<typeof useLocaleFormat>, e: Entry): string {
  if (!e.reasonParts?.length) return reasonText(t, e.reason);
  const texts = e.reasonParts.map((p) => {
    if (p.key === 'earn') return reasonText(t, String(p.vars.event));
    if (!(LEDGER_KEYS as readonly string[]).includes(p.key)) return null;
    const vars = Object.fromEntries(Object.entries(p.vars).map(([k, v]) => [k, typeof v === 'number' ? f.number(v) : v]));
    return t(`ledger.${p.key as (typeof LEDGER_KEYS)[number]}`, vars);
  });
  return texts.every((x) => x !== null) ? texts.join(t('ledger.separator')) : e.reason;
}

/** The member's points ledger, newest first, with a manual adjustment for staff who may edit. */
export function PointsLedgerPanel({ memberId, onChanged }: { memberId: string; onChanged: (notice: string) => void }) {
  const t = useT();
  const f = useLocaleFormat();
  const canEdit = useCan('edit');
  const [adjusting, setAdjusting] = useState(false);
  const points = usePolling((s) => callRoute(memberRoutes.points, { params: { id: memberId }, signal: s }), 10_000, [memberId]);
  const p = points.data;
  const aside = (
    <span className="mon-page__actions">
      {p && <strong data-testid="points-balance">{t('member.balance', { points: f.number(p.balance) })}</strong>}
      {p && p.pending.length > 0 && (
        <span className="muted" data-testid="points-split">
          {t('earning.available', { points: f.number(p.available) })}
          {t('ledger.separator')}
          {t('earning.pending', {
            points: f.number(p.pending.reduce((s, x) => s + x.points, 0)),
            date: f.date(p.pending.at(-1)!.availableAt),
          })}
        </span>
      )}
      {canEdit && (
        <button className="btn btn--small" type="button" onClick={() => setAdjusting(true)} data-testid="points-adjust">
          {t('member.adjust')}
        </button>
      )}
    </span>
  );
  return (
    <Panel title={t('member.pointsLedger')} aside={aside} testId="points-ledger">
      {!p ? (
        <p className="muted panel-empty">{points.error ?? t('common.loading')}</p>
      ) : p.ledger.length === 0 ? (
        <p className="muted panel-empty">{t('member.noPoints')}</p>
      ) : (
        <table className="mon-table">
          <thead>
            <tr>
              <th>{t('member.col.at')}</th>
              <th>{t('member.col.kind')}</th>
              <th className="num">{t('member.col.change')}</th>
              <th>{t('member.col.reason')}</th>
              <th>{t('member.col.expires')}</th>
            </tr>
          </thead>
          <tbody>
            {p.ledger.map((e, i) => (
              <tr key={i} data-testid="points-entry">
                <td className="mon-table__time">{f.dateTime(e.at)}</td>
                <td className="bo-nowrap">{t(`member.kind.${e.kind}`)}</td>
                <td className="num">{e.delta > 0 ? `+${f.number(e.delta)}` : f.number(e.delta)}</td>
                <td>{ledgerReason(t, f, e)}</td>
                <td className="mon-table__time">{f.date(e.expiresAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {adjusting && (
        <PointsAdjustDialog
          memberId={memberId}
          onClose={() => setAdjusting(false)}
          onDone={(n) => {
            setAdjusting(false);
            points.reload();
            onChanged(n);
          }}
        />
      )}
    </Panel>
  );
}
