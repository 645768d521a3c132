import { listWorkflows } from '../api/workflows-api.ts';
import { JourneyTrace } from '../monitoring/journey-trace.tsx';
import { useState } from 'react';
import { MemberImportButton } from '../back-office/members/member-import-dialog.tsx';
import { MemberEditButton, MemberLoyalty } from '../back-office/members/member-loyalty.tsx';
import { MemberCardsPanel } from '../back-office/cards/member-cards-panel.tsx';
import { MemberEffects } from '../monitoring/member-effects.tsx';
import { MemberProfile } from '../monitoring/member-profile.tsx';
import { MemberSearch } from '../monitoring/member-search.tsx';
import { getMember, getMemberEffects, getMemberTrace, traceCsvUrl } from '../monitoring/monitoring-api.ts';
import { Panel } from '../monitoring/panel.tsx';
import { RouteLink } from '../monitoring/route-link.tsx';
import { usePolling } from '../monitoring/use-polling.ts';
import { useVersions, versionKey } from '../monitoring/use-version-definitions.ts';
import { WhyNotPanel } from '../monitoring/why-not-panel.tsx';
import { useT } from '../i18n/i18n.ts';
import '../styles/monitoring.css';
import '../styles/back-office.css';

/** /members: find a member. */
export function MembersPage() {
  const t = useT();
  return (
    <div className="mon-page" data-testid="members-page">
      <div className="mon-page__head">
        <div>
          <h1>{t('members.title')}</h1>
          <p className="muted">{t('members.intro')}</p>
        </div>
        <div className="mon-page__actions">
          <MemberImportButton />
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
  const t = useT();
  const member = usePolling((s) => getMember(memberId, s), REFRESH_MS, [memberId]);
  const journeys = usePolling((s) => getMemberTrace(memberId, s), REFRESH_MS, [memberId]);
  const effects = usePolling((s) => getMemberEffects(memberId, s), REFRESH_MS, [memberId]);
  const [notice, setNotice] = useState<string | null>(null);
  const workflows = usePolling((s) => listWorkflows(s), 0, []);
  const js = journeys.data?.journeys ?? [];
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
            <h1>{t('members.notFound')}</h1>
            <p className="muted">{member.error}</p>
            <div className="page-message__actions">
              <RouteLink to="/members" className="btn">
                {t('members.search')}
              </RouteLink>
            </div>
          </>
        ) : (
          <span className="muted">{t('members.loading')}</span>
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
            <RouteLink to="/members">{t('nav.members')}</RouteLink> <span aria-hidden="true">/</span>
          </div>
          <h1 data-testid="member-title">
            {m.id}
            {m.name && <span className="muted mon-page__subtitle"> {m.name}</span>}
          </h1>
          {m.deletedAt && <p className="muted">{t('members.erased')}</p>}
        </div>
        <div className="mon-page__actions">
          {!m.deletedAt && (
            <MemberEditButton
              memberId={m.id}
              member={m}
              onSaved={(n) => {
                setNotice(n);
                member.reload();
              }}
            />
          )}
          <a className="btn" href={traceCsvUrl(m.id)} download data-testid="trace-csv">
            {t('members.traceCsv')}
          </a>
        </div>
      </div>

      {notice && (
        <div className="banner bo-notice" role="status" data-testid="notice">
          {notice}
        </div>
      )}
      <section className="card panel">
        <MemberProfile member={m} />
      </section>

      <MemberLoyalty
        memberId={m.id}
        onNotice={(n) => {
          setNotice(n);
          member.reload();
        }}
      />

      <MemberCardsPanel
        memberId={m.id}
        onNotice={(n) => {
          setNotice(n);
          member.reload();
        }}
      />

      <Panel title={t('members.journeys')} aside={<span className="muted panel__aside">{t('members.zoneNote', { zone })}</span>}>
        {journeys.data ? (
          <JourneyTrace journeys={js} timeZone={zone} definitionOf={(j) => versions.get(versionKey(j.workflowId, j.version))?.definition ?? null} />
        ) : (
          <p className="muted panel-empty">{journeys.error ?? t('common.loading')}</p>
        )}
      </Panel>

      <Panel title={t('members.whyNot')} testId="why-not-panel">
        {journeys.data && workflows.data ? <WhyNotPanel member={m} journeys={js} workflows={ws} versions={versions} refusals={journeys.data.refusals ?? []} standings={journeys.data.standings ?? []} /> : <p className="muted panel-empty">{t('common.loading')}</p>}
      </Panel>

      <Panel title={t('members.effects')} aside={<span className="muted panel__aside">{t('members.effectsNote')}</span>}>
        {effects.data ? <MemberEffects effects={effects.data} timeZone={zone} workflowName={workflowName} /> : <p className="muted panel-empty">{effects.error ?? t('common.loading')}</p>}
      </Panel>
    </div>
  );
}
