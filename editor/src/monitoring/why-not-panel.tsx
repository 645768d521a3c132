import type { WorkflowSummary } from '@memberflow/shared/api/workflows';
import { dashboardPath } from '../routing/routes.ts';
import { StatusBadge } from '../ui/status-badge.tsx';
import type { PublishedVersion } from './monitoring-api.ts';
import type { Member, MemberJourney } from './monitoring-types.ts';
import { RouteLink } from './route-link.tsx';
import { versionKey } from './use-version-definitions.ts';
import { whyNotEntered } from './why-not.ts';

interface Props {
  member: Member;
  journeys: MemberJourney[];
  workflows: WorkflowSummary[];
  versions: ReadonlyMap<string, PublishedVersion>;
}

/** Published workflows this member is in no journey of, each with what the data says about why. */
export function WhyNotPanel({ member, journeys, workflows, versions }: Props) {
  const inside = new Set(journeys.map((j) => j.workflowId));
  const missing = workflows.filter((w) => w.liveVersion !== null && !inside.has(w.id));
  const drafts = workflows.filter((w) => w.liveVersion === null).length;
  return (
    <div className="why-not" data-testid="why-not">
      {missing.length === 0 && <p className="muted panel-empty">The member is or was in every published workflow.</p>}
      {missing.map((w) => {
        const v = versions.get(versionKey(w.id, w.liveVersion!));
        const why = v ? whyNotEntered({ status: w.status, version: v.version, publishedAt: v.publishedAt, definition: v.definition, member }) : null;
        return (
          <div key={w.id} className="why-not__item" data-testid="why-not-item">
            <div className="why-not__head">
              <RouteLink to={dashboardPath(w.id)} className="trace__workflow">
                {w.name}
              </RouteLink>
              <StatusBadge status={w.status} />
              <span className="muted">not entered</span>
            </div>
            {why ? (
              <dl className="why-not__facts">
                <dt>Trigger</dt>
                <dd>{why.trigger}</dd>
                <dt>Entry rule</dt>
                <dd>{why.entry}</dd>
                <dt>What the data shows</dt>
                <dd>
                  <ul>
                    {why.observations.map((o) => (
                      <li key={o}>{o}</li>
                    ))}
                  </ul>
                </dd>
              </dl>
            ) : (
              <p className="muted">Loading the live version…</p>
            )}
          </div>
        );
      })}
      {drafts > 0 && (
        <p className="muted why-not__drafts">
          {drafts} draft workflow{drafts === 1 ? ' is' : 's are'} not published; no member can enter {drafts === 1 ? 'it' : 'them'}.
        </p>
      )}
    </div>
  );
}
