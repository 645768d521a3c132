import type { WorkflowDefinition } from '@memberflow/shared/definition';
import { useT } from '../i18n/i18n.ts';
import { noteText, type NodeOf } from '../simulation/note-text.ts';
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
  const t = useT();
  if (journeys.length === 0) return <p className="muted panel-empty">{t('trace.none')}</p>;
  return (
    <div className="trace" data-testid="journeys">
      {[...journeys].reverse().map((j) => {
        const def = definitionOf(j);
        const label = (id: string | null) => nodeLabelOf(def, id);
        const nodeOf: NodeOf = (id) => def?.nodes.find((n) => n.id === id);
        return (
          <article key={j.id} className="trace__journey" data-testid="journey">
            <header className="trace__head">
              <div>
                <RouteLink to={dashboardPath(j.workflowId)} className="trace__workflow">
                  {j.workflowName}
                </RouteLink>
                <span className="muted"> v{j.version}</span>
                <span className={`journey-status journey-status--${j.status}`} data-testid="journey-status">
                  {t(`trace.status.${j.status}`)}
                </span>
              </div>
              <div className="trace__meta muted">
                {t('trace.entered', { time: formatUtc(j.enteredAt) })}
                {j.entryCount > 1 && ` · ${t('trace.entry', { count: j.entryCount })}`}
                {j.status === 'waiting' || j.status === 'active' ? ` · ${t('trace.nowAt', { node: label(j.currentNode) })}` : ''}
                {j.wakeAt && ` · ${t('trace.wakes', { utc: formatUtc(j.wakeAt), local: formatInZone(j.wakeAt, timeZone) })}`}
                {j.endedAt && ` · ${t('trace.ended', { time: formatUtc(j.endedAt) })}`}
              </div>
            </header>
            {j.lastError && (
              <div className="banner banner--error" role="alert">
                {t('trace.failed', { error: j.lastError })}
              </div>
            )}
            <table className="mon-table trace__steps">
              <thead>
                <tr>
                  <th>UTC</th>
                  <th>{t('trace.col.memberTime', { zone: timeZone })}</th>
                  <th>{t('trace.col.step')}</th>
                  <th>{t('trace.col.reason')}</th>
                </tr>
              </thead>
              <tbody>
                {j.steps.map((s, i) => (
                  <tr key={i} data-testid="journey-step">
                    <td className="mon-table__time">{formatUtc(s.at)}</td>
                    <td className="mon-table__time">{formatInZone(s.at, timeZone)}</td>
                    <td className="trace__move">
                      {s.fromNode === null ? t('trace.enteredStep') : label(s.fromNode)} → {label(s.toNode)}
                      <div className="muted trace__cause">{t('trace.on', { cause: s.cause })}</div>
                    </td>
                    <td className="trace__reason" data-testid="step-reason">
                      {/* In the reader's language from the stored parts; the stored English for older steps. */}
                      {noteText({ at: 0, kind: 'step', nodeId: s.toNode ?? undefined, reason: s.reason, parts: s.reasonParts ?? undefined }, nodeOf, t)}
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
