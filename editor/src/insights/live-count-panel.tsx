import type { ConditionGroup } from '@memberflow/shared/condition';
import { useLocaleFormat } from '../back-office/locale-format.ts';
import { useT } from '../i18n/i18n.ts';
import { RouteLink } from '../monitoring/route-link.tsx';
import { memberPath } from '../routing/routes.ts';
import { matchLines } from './match-lines.ts';
import { useRfmGroupName } from './rfm-group-name.ts';
import type { LiveCount } from './use-live-count.ts';

/** The live count of the condition being edited, and the first matching members with why they match. */
export function LiveCountPanel({ live, condition }: { live: LiveCount; condition: unknown }) {
  const t = useT();
  const f = useLocaleFormat();
  const groupName = useRfmGroupName();
  const show = (field: string, v: unknown) =>
    v === null || v === undefined ? '—' : field === 'member.rfm.segment' && typeof v === 'string' ? groupName(v) : typeof v === 'number' ? f.number(v) : Array.isArray(v) ? v.join(', ') : String(v);
  if (live.status === 'off') return null;
  const result = live.status === 'done' ? live.result : live.status === 'failed' ? null : live.last;
  return (
    <section className="panel card ins-live" data-testid="live-count-panel" aria-live="polite">
      <div className="panel__head">
        <h2>{t('segments.liveTitle')}</h2>
        <span className="muted panel__aside" data-testid="live-count-status">
          {live.status === 'counting' ? t('segments.counting') : live.status === 'invalid' ? t('segments.incomplete') : live.status === 'failed' ? live.message : t('segments.countedNow')}
        </span>
      </div>
      <div className="panel__body">
        <p className={`ins-live__count${live.status === 'done' ? '' : ' ins-live__count--stale'}`}>
          <strong data-testid="live-count">{result ? f.number(result.count) : '—'}</strong>{' '}
          {result ? t('segments.ofMembers', { total: f.number(result.scanned) }) : ''}
        </p>
        {result && result.members.length > 0 && (
          <table className="mon-table">
            <thead>
              <tr>
                <th>{t('insights.member')}</th>
                <th>{t('segments.whyMatch')}</th>
              </tr>
            </thead>
            <tbody>
              {result.members.map((m) => (
                <tr key={m.id} data-testid="preview-row">
                  <td>
                    <RouteLink to={memberPath(m.id)}>{m.id}</RouteLink>
                    {m.name && <div className="muted">{m.name}</div>}
                  </td>
                  <td title={m.explanation}>
                    <WhyLines lines={matchLines(condition as ConditionGroup, m.values, t, show)} explanation={m.explanation} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </section>
  );
}

function WhyLines({ lines, explanation }: { lines: ReturnType<typeof matchLines>; explanation: string }) {
  const t = useT();
  if (!lines) return <span className="ins-why">{explanation}</span>;
  return (
    <ul className="ins-why-lines">
      {lines.map((l, i) => (
        <li key={i}>
          <span aria-hidden="true">✓ </span>
          {t('segments.ruleIs', { rule: l.rule })}
          <strong>{l.actual}</strong>
        </li>
      ))}
    </ul>
  );
}
