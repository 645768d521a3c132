import { cardRoutes, type CardKindRow } from '@memberflow/shared/api/card-routes';
import { programmeRoutes } from '@memberflow/shared/api/programme-routes';
import { useState } from 'react';
import { callRoute } from '../api/call-route.ts';
import { useCan } from '../auth/session-context.ts';
import { listCouponTemplates } from '../back-office/back-office-api.ts';
import { BackOfficeHead } from '../back-office/back-office-head.tsx';
import { CardHolders } from '../back-office/cards/card-holders.tsx';
import { CardKindDialog } from '../back-office/cards/card-kind-dialog.tsx';
import { CardKindTable } from '../back-office/cards/card-kind-table.tsx';
import { GenerateNumbersDialog } from '../back-office/cards/generate-numbers-dialog.tsx';
import { ImportNumbersDialog } from '../back-office/cards/import-numbers-dialog.tsx';
import { useT } from '../i18n/i18n.ts';
import { Panel } from '../monitoring/panel.tsx';
import { usePolling } from '../monitoring/use-polling.ts';
import '../styles/monitoring.css';
import '../styles/back-office.css';
import '../styles/cards.css';

type Dialog = { edit: CardKindRow | null } | { generate: CardKindRow } | { import: CardKindRow } | null;

/** /cards: card kinds with their benefit packs, batches of card numbers, and who holds each card. */
export function CardsPage() {
  const t = useT();
  const canEdit = useCan('edit');
  const kinds = usePolling((s) => callRoute(cardRoutes.kinds, { signal: s }), 30_000, []);
  const templates = usePolling((s) => listCouponTemplates(s), 0, []);
  const tiers = usePolling((s) => callRoute(programmeRoutes.tiers, { signal: s }), 0, []);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const list = kinds.data?.kinds ?? [];
  const shown = list.find((k) => k.key === selected) ?? null;
  const done = (n: string) => {
    setNotice(n);
    setDialog(null);
    kinds.reload();
  };
  return (
    <div className="mon-page bo-page" data-testid="cards-page">
      <BackOfficeHead
        title={t('cards.title')}
        intro={t('cards.intro')}
        notice={notice}
        action={
          canEdit && (
            <button
              className="btn btn--primary"
              type="button"
              onClick={() => setDialog({ edit: null })}
              data-testid="card-kind-new"
            >
              {t('cards.new')}
            </button>
          )
        }
      />
      <Panel title={t('cards.kinds')}>
        {kinds.error && <p className="banner banner--error">{t('bo.loadFailed', { message: kinds.error })}</p>}
        {kinds.data && list.length === 0 ? (
          <p className="muted panel-empty">{t('cards.empty')}</p>
        ) : (
          <CardKindTable
            kinds={list}
            selected={selected}
            canEdit={canEdit}
            onEdit={(k) => setDialog({ edit: k })}
            onGenerate={(k) => setDialog({ generate: k })}
            onImport={(k) => setDialog({ import: k })}
            onSelect={setSelected}
          />
        )}
      </Panel>
      {shown && (
        <Panel title={t('cards.holdersTitle', { name: shown.name })} testId="card-holders-panel">
          <CardHolders kind={shown} />
        </Panel>
      )}
      {dialog && 'edit' in dialog && (
        <CardKindDialog
          kind={dialog.edit ?? undefined}
          takenKeys={list.map((k) => k.key)}
          templates={templates.data ?? []}
          tiers={tiers.data?.tiers ?? []}
          onClose={() => setDialog(null)}
          onSaved={(k) => (setSelected(k.key), done(t('cards.saved', { name: k.name })))}
        />
      )}
      {dialog && 'generate' in dialog && (
        <GenerateNumbersDialog kind={dialog.generate} onClose={() => setDialog(null)} onDone={done} />
      )}
      {dialog && 'import' in dialog && <ImportNumbersDialog kind={dialog.import} onClose={() => setDialog(null)} onDone={done} />}
    </div>
  );
}
