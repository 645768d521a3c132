import type { WorkflowDefinition } from '@memberflow/shared/definition';
import { dashboardPath } from '../routing/routes.ts';
import { nodeLabelOf } from './node-counts-panel.tsx';
import type { MemberJourney } from './monitoring-types.ts';
import { RouteLink } from './route-link.tsx';
import { formatInZone, formatUtc } from './zone-time.ts';

interface Props {
  journeys: MemberJourney[];
  timeZone: string;
  definitionOf: (j: MemberJourney) => WorkflowDefinition | null;
}

/** Every journey of the member, each step with its time in UTC and member time, and why. */
export function JourneyTrace({ journeys, timeZone, definitionOf }: Props) {
  if (journeys.length === 0) return <p className="muted panel-empty">This member has not entered any workflow.</p>;
  return (
    <div className="trace" data-testid="journeys">
      {[...journeys].reverse().map((j) => {
        const def = definitionOf(j);
        const label = (id: string | null) => nodeLabelOf(def, id);
        return (
          <article key={j.id} className="trace__journey" data-testid="journey">
            <header className="trace__head">
              <div>
                <RouteLink to={dashboardPath(j.workflowId)} className="trace__workflow">
                  {j.workflowName}
                </RouteLink>
                <span className="muted"> v{j.version}</span>
                <span className={`journey-status journey-status--${j.status}`} data-testid="journey-status">
                  {j.status}
                </span>
              </div>
              <div className="trace__meta muted">
                Entered {formatUtc(j.enteredAt)} UTC
                {j.entryCount > 1 && ` · entry ${j.entryCount}`}
                {j.status === 'waiting' || j.status === 'active' ? ` · now at ${label(j.currentNode)}` : ''}
                {j.wakeAt && ` · wakes ${formatUtc(j.wakeAt)} UTC (${formatInZone(j.wakeAt, timeZone)} member time)`}
                {j.endedAt && ` · ended ${formatUtc(j.endedAt)} UTC`}
              </div>
            </header>
            {j.lastError && (
              <div className="banner banner--error" role="alert">
                Failed: {j.lastError}
              </div>
            )}
            <table className="mon-table trace__steps">
              <thead>
                <tr>
                  <th>UTC</th>
                  <th>Member time ({timeZone})</th>
                  <th>Step</th>
                  <th>Reason</th>
                </tr>
              </thead>
              <tbody>
                {j.steps.map((s, i) => (
                  <tr key={i} data-testid="journey-step">
                    <td className="mon-table__time">{formatUtc(s.at)}</td>
                    <td className="mon-table__time">{formatInZone(s.at, timeZone)}</td>
                    <td className="trace__move">
                      {s.fromNode === null ? 'entered' : label(s.fromNode)} → {label(s.toNode)}
                      <div className="muted trace__cause">on {s.cause}</div>
                    </td>
                    <td className="trace__reason" data-testid="step-reason">
                      {s.reason}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </article>
        );
      })}
    </div>
  );
}
