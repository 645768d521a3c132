import type { EntryRefusal, TriggerStanding } from '@memberflow/shared/api/members';
import type { WorkflowSummary } from '@memberflow/shared/api/workflows';
import { useT } from '../i18n/i18n.ts';
import { dashboardPath } from '../routing/routes.ts';
import { StatusBadge } from '../ui/status-badge.tsx';
import type { PublishedVersion } from './monitoring-api.ts';
import type { Member, MemberJourney } from './monitoring-types.ts';
import { RouteLink } from './route-link.tsx';
import { versionKey } from './use-version-definitions.ts';
import { whyNotEntered } from './why-not.ts';
import { formatUtc } from './zone-time.ts';

interface Props {
  member: Member;
  journeys: MemberJourney[];
  workflows: WorkflowSummary[];
  versions: ReadonlyMap<string, PublishedVersion>;
  /** Entries the entry rules refused (latest per workflow). */
  refusals: readonly EntryRefusal[];
  /** Live time- and segment-triggered workflows the member is not in: when they would enter, and why not yet. */
  standings: readonly TriggerStanding[];
}

/** Published workflows this member is in no journey of, each with what the data says about why. */
export function WhyNotPanel({ member, journeys, workflows, versions, refusals, standings }: Props) {
  const t = useT();
  const inside = new Set(journeys.map((j) => j.workflowId));
  const missing = workflows.filter((w) => w.liveVersion !== null && !inside.has(w.id));
  const drafts = workflows.filter((w) => w.liveVersion === null).length;
  return (
    <div className="why-not" data-testid="why-not">
      {missing.length === 0 && <p className="muted panel-empty">{t('whyNot.inEvery')}</p>}
      {missing.map((w) => {
        const v = versions.get(versionKey(w.id, w.liveVersion!));
        const standing = standings.find((s) => s.workflowId === w.id) ?? null;
        const refusal = refusals.find((r) => r.workflowId === w.id) ?? null;
        const why = v ? whyNotEntered({ status: w.status, version: v.version, publishedAt: v.publishedAt, definition: v.definition, member, standing, refusal }, t) : null;
        return (
          <div key={w.id} className="why-not__item" data-testid="why-not-item">
            <div className="why-not__head">
              <RouteLink to={dashboardPath(w.id)} className="trace__workflow">
                {w.name}
              </RouteLink>
              <StatusBadge status={w.status} />
              <span className="muted">{t('whyNot.notEntered')}</span>
            </div>
            {why ? (
              <dl className="why-not__facts">
                <dt>{t('whyNot.trigger')}</dt>
                <dd>{why.trigger}</dd>
                <dt>{t('whyNot.entryRule')}</dt>
                <dd>{why.entry}</dd>
                <dt>{t('whyNot.dataShows')}</dt>
                <dd>
                  <ul>
                    {why.observations.map((o) => (
                      <li key={o}>{o}</li>
                    ))}
                  </ul>
                </dd>
              </dl>
            ) : (
              <p className="muted">{t('whyNot.loadingLive')}</p>
            )}
          </div>
        );
      })}
      <RefusedWhileIn refusals={refusals.filter((r) => inside.has(r.workflowId))} title={t('whyNot.refusedElsewhere')} />
      {drafts > 0 && (
        <p className="muted why-not__drafts">
          {t('whyNot.drafts', { count: drafts })}
        </p>
      )}
    </div>
  );
}

/** Workflows the member is (or was) in whose trigger matched again and whose entry rule kept them out. */
function RefusedWhileIn({ refusals, title }: { refusals: readonly EntryRefusal[]; title: string }) {
  const t = useT();
  if (refusals.length === 0) return null;
  return (
    <div className="why-not__item" data-testid="why-not-refusals">
      <div className="why-not__head">
        <strong>{title}</strong>
      </div>
      <ul>
        {refusals.map((r) => (
          <li key={r.workflowId} data-testid="why-not-refusal">
            <RouteLink to={dashboardPath(r.workflowId)} className="trace__workflow">
              {r.workflowName}
            </RouteLink>{' '}
            {t('whyNot.refusedAt', { time: formatUtc(r.at), cause: r.cause, reason: r.reason })}
          </li>
        ))}
      </ul>
    </div>
  );
}
