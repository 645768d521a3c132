import type { Interval } from '@memberflow/shared/lift';
import { ciBarGeometry, formatPoints } from './ci-bar.ts';
import { useT } from '../i18n/i18n.ts';
import type { WorkflowDashboard } from './monitoring-types.ts';

const pct = (v: number) => `${(v * 100).toFixed(1)}%`;
const money = (v: number) => v.toFixed(2);
const signedMoney = (v: number) => `${v > 0 ? '+' : v < 0 ? '−' : '±'}${Math.abs(v).toFixed(2)}`;

/** Treated vs held-out members on the goal and on revenue per member, with the lift's 95% CI. */
export function HoldoutPanel({ dashboard }: { dashboard: WorkflowDashboard }) {
  const t = useT();
  const h = dashboard.holdout;
  if (!h) {
    return (
      <p className="muted holdout-empty" data-testid="holdout-none">
        {t('holdout.none')}
      </p>
    );
  }
  const c = h.conversion;
  const r = h.revenuePerMember;
  return (
    <div className="holdout" data-testid="holdout">
      <p className="muted holdout__intro">
        {t('holdout.intro', { percent: h.percent, event: dashboard.goal.eventType, days: dashboard.goal.withinDays })}
      </p>
      <LiftRow
        title={t('holdout.conversion')}
        treated={t('holdout.rateOf', { rate: pct(c.treated.rate), n: c.treated.n.toLocaleString() })}
        holdout={t('holdout.rateOf', { rate: pct(c.holdout.rate), n: c.holdout.n.toLocaleString() })}
        ci={c.difference}
        format={formatPoints}
        relative={c.relative}
        enough={c.enough}
      />
      <LiftRow
        title={t('holdout.revenuePerMember')}
        treated={`${money(r.treated.mean)} (n ${r.treated.n.toLocaleString()})`}
        holdout={`${money(r.holdout.mean)} (n ${r.holdout.n.toLocaleString()})`}
        ci={r.difference}
        format={signedMoney}
        relative={null}
        enough={r.enough}
      />
    </div>
  );
}

interface LiftRowProps {
  title: string;
  treated: string;
  holdout: string;
  ci: Interval;
  format: (v: number) => string;
  relative: number | null;
  enough: boolean;
}

function LiftRow({ title, treated, holdout, ci, format, relative, enough }: LiftRowProps) {
  const t = useT();
  return (
    <div className="lift-row" data-testid="lift-row">
      <div className="lift-row__title">{title}</div>
      <dl className="lift-row__groups">
        <div>
          <dt>{t('holdout.treated')}</dt>
          <dd>{treated}</dd>
        </div>
        <div>
          <dt>{t('holdout.holdout')}</dt>
          <dd>{holdout}</dd>
        </div>
        <div>
          <dt>{t('holdout.lift')}</dt>
          <dd>
            {format(ci.estimate)}
            {relative !== null && <span className="muted"> ({relative >= 0 ? '+' : ''}{(relative * 100).toFixed(0)}%)</span>}
          </dd>
        </div>
      </dl>
      {enough ? (
        <CiBar ci={ci} format={format} />
      ) : (
        <p className="lift-row__not-enough" data-testid="not-enough">
          {t('holdout.notEnough')}
        </p>
      )}
    </div>
  );
}

const W = 260;

function CiBar({ ci, format }: { ci: Interval; format: (v: number) => string }) {
  const t = useT();
  const g = ciBarGeometry(ci, W);
  const verdict = t(`holdout.verdict.${g.verdict}`);
  return (
    <div className="ci-bar">
      <svg viewBox={`-8 0 ${W + 16} 34`} width={W + 16} height={34} role="img" aria-label={t('holdout.interval', { low: format(ci.low), high: format(ci.high) })} data-testid="ci-bar">
        <line className="ci-bar__track" x1={0} x2={W} y1={14} y2={14} />
        <line className="ci-bar__zero" x1={g.zeroX} x2={g.zeroX} y1={4} y2={24} />
        <rect className={`ci-bar__interval ci-bar__interval--${g.verdict}`} x={g.lowX} y={10} width={Math.max(2, g.highX - g.lowX)} height={8} rx={3} />
        <circle className="ci-bar__estimate" cx={g.estimateX} cy={14} r={4.5} />
        <text className="ci-bar__label" x={0} y={33}>
          {format(g.min)}
        </text>
        <text className="ci-bar__label" x={g.zeroX} y={33} textAnchor="middle">
          0
        </text>
        <text className="ci-bar__label" x={W} y={33} textAnchor="end">
          {format(g.max)}
        </text>
      </svg>
      <div className="ci-bar__caption">
        {t('holdout.ci', { low: format(ci.low), high: format(ci.high) })} · <span className={`ci-bar__verdict--${g.verdict}`}>{verdict}</span>
      </div>
    </div>
  );
}
