import { listWorkflows } from '../api/workflows-api.ts';
import { JourneyTrace } from '../monitoring/journey-trace.tsx';
import { MemberCoupons, MemberEffects } from '../monitoring/member-effects.tsx';
import { MemberProfile } from '../monitoring/member-profile.tsx';
import { MemberSearch } from '../monitoring/member-search.tsx';
import { getMember, getMemberCoupons, getMemberEffects, getMemberJourneys, traceCsvUrl } from '../monitoring/monitoring-api.ts';
import { Panel } from '../monitoring/panel.tsx';
import { RouteLink } from '../monitoring/route-link.tsx';
import { usePolling } from '../monitoring/use-polling.ts';
import { useVersions, versionKey } from '../monitoring/use-version-definitions.ts';
import { WhyNotPanel } from '../monitoring/why-not-panel.tsx';
import '../styles/monitoring.css';

/** /members: find a member. */
export function MembersPage() {
  return (
    <div className="mon-page" data-testid="members-page">
      <div className="mon-page__head">
        <div>
          <h1>Members</h1>
          <p className="muted">Find a member to see every workflow it is or was in, each step and why, and what it received.</p>
        </div>
      </div>
      <MemberSearch />
    </div>
  );
}

// A member's trace changes as events arrive; a slow refresh keeps an open page current.
const REFRESH_MS = 10_000;

/** /members/:id: the member's trace. */
export function MemberTracePage({ memberId }: { memberId: string }) {
  const member = usePolling((s) => getMember(memberId, s), REFRESH_MS, [memberId]);
  const journeys = usePolling((s) => getMemberJourneys(memberId, s), REFRESH_MS, [memberId]);
  const effects = usePolling((s) => getMemberEffects(memberId, s), REFRESH_MS, [memberId]);
  const coupons = usePolling((s) => getMemberCoupons(memberId, s), REFRESH_MS, [memberId]);
  const workflows = usePolling((s) => listWorkflows(s), 0, []);
  const js = journeys.data ?? [];
  const ws = workflows.data ?? [];
  const inside = new Set(js.map((j) => j.workflowId));
  const versions = useVersions([
    ...js.map((j) => ({ workflowId: j.workflowId, version: j.version })),
    ...ws.filter((w) => w.liveVersion !== null && !inside.has(w.id)).map((w) => ({ workflowId: w.id, version: w.liveVersion! })),
  ]);

  const m = member.data;
  if (!m) {
    return (
      <div className="page-message">
        {member.error ? (
          <>
            <h1>Member not found</h1>
            <p className="muted">{member.error}</p>
            <div className="page-message__actions">
              <RouteLink to="/members" className="btn">
                Search members
              </RouteLink>
            </div>
          </>
        ) : (
          <span className="muted">Loading member…</span>
        )}
      </div>
    );
  }
  const zone = m.timeZone || 'UTC';
  const workflowName = (id: string | null) => ws.find((w) => w.id === id)?.name ?? js.find((j) => j.workflowId === id)?.workflowName ?? '—';

  return (
    <div className="mon-page" data-testid="member-page">
      <div className="mon-page__head">
        <div>
          <div className="mon-page__crumbs">
            <RouteLink to="/members">Members</RouteLink> <span aria-hidden="true">/</span>
          </div>
          <h1 data-testid="member-title">
            {m.id}
            {m.name && <span className="muted mon-page__subtitle"> {m.name}</span>}
          </h1>
          {m.deletedAt && <p className="muted">Personal data erased; journeys and ledgers kept anonymously.</p>}
        </div>
        <div className="mon-page__actions">
          <a className="btn" href={traceCsvUrl(m.id)} download data-testid="trace-csv">
            Trace CSV
          </a>
        </div>
      </div>

      <section className="card panel">
        <MemberProfile member={m} />
      </section>

      <Panel title="Journeys" aside={<span className="muted panel__aside">Times in UTC and in the member's zone ({zone})</span>}>
        {journeys.data ? (
          <JourneyTrace journeys={js} timeZone={zone} definitionOf={(j) => versions.get(versionKey(j.workflowId, j.version))?.definition ?? null} />
        ) : (
          <p className="muted panel-empty">{journeys.error ?? 'Loading…'}</p>
        )}
      </Panel>

      <Panel title="Why not entered?" testId="why-not-panel">
        {journeys.data && workflows.data ? <WhyNotPanel member={m} journeys={js} workflows={ws} versions={versions} /> : <p className="muted panel-empty">Loading…</p>}
      </Panel>

      <div className="mon-grid mon-grid--wide-left">
        <Panel title="Actions and messages" aside={<span className="muted panel__aside">Including skipped sends and why</span>}>
          {effects.data ? <MemberEffects effects={effects.data} timeZone={zone} workflowName={workflowName} /> : <p className="muted panel-empty">{effects.error ?? 'Loading…'}</p>}
        </Panel>
        <Panel title="Coupons">{coupons.data ? <MemberCoupons coupons={coupons.data} /> : <p className="muted panel-empty">{coupons.error ?? 'Loading…'}</p>}</Panel>
      </div>
    </div>
  );
}
