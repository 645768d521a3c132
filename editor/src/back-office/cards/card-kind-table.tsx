import type { CardKindRow } from '@memberflow/shared/api/card-routes';
import { useT } from '../../i18n/i18n.ts';
import { useLocaleFormat } from '../locale-format.ts';
import { benefitLines, termText } from './card-text.ts';

interface Props {
  kinds: CardKindRow[];
  selected: string | null;
  canEdit: boolean;
  onEdit: (k: CardKindRow) => void;
  onGenerate: (k: CardKindRow) => void;
  onImport: (k: CardKindRow) => void;
  onSelect: (key: string) => void;
}

/** Card kinds with their term, benefit pack, holders and numbers left in the pool. */
export function CardKindTable({ kinds, selected, canEdit, onEdit, onGenerate, onImport, onSelect }: Props) {
  const t = useT();
  const f = useLocaleFormat();
  return (
    <table className="mon-table bo-table--select" data-testid="card-kinds">
      <thead>
        <tr>
          <th>{t('cards.col.card')}</th>
          <th>{t('cards.col.type')}</th>
          <th>{t('cards.col.price')}</th>
          <th>{t('cards.col.benefits')}</th>
          <th>{t('cards.col.holders')}</th>
          <th>{t('cards.col.numbers')}</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {kinds.map((k) => (
          <tr key={k.key} aria-selected={selected === k.key} onClick={() => onSelect(k.key)} data-testid="card-kind-row">
            <td>
              <strong>{k.name}</strong>
              {k.archived && <span className="bo-status bo-archived">{t('cards.archived')}</span>}
              <div className="muted">
                <code>{k.key}</code>
              </div>
            </td>
            <td>{t(`cards.type.${k.type}`)}</td>
            <td>{termText(k, t, f)}</td>
            <td>
              <ul className="cards-benefits">
                {benefitLines(k.benefits, t, f).map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            </td>
            <td className="bo-nowrap">
              {t('cards.holdersText', {
                active: f.number(k.holders.active),
                expiring: f.number(k.holders.expiring),
                lapsed: f.number(k.holders.lapsed),
              })}
            </td>
            <td>{f.number(k.numbersFree)}</td>
            <td className="bo-row-actions" onClick={(e) => e.stopPropagation()}>
              <button className="btn btn--small" type="button" onClick={() => onSelect(k.key)} data-testid="card-holders">
                {t('cards.showHolders')}
              </button>
              {canEdit && (
                <>
                  <button className="btn btn--small" type="button" onClick={() => onGenerate(k)} data-testid="card-generate">
                    {t('cards.generate')}
                  </button>
                  <button className="btn btn--small" type="button" onClick={() => onImport(k)} data-testid="card-import">
                    {t('cards.import')}
                  </button>
                  <button className="btn btn--small" type="button" onClick={() => onEdit(k)} data-testid="card-edit">
                    {t('cards.edit')}
                  </button>
                </>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
