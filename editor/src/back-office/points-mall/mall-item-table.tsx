import type { MallItem } from '@memberflow/shared/api/points-mall';
import { useT } from '../../i18n/i18n.ts';
import { useLocaleFormat } from '../locale-format.ts';
import { limitText, priceText } from './mall-text.ts';

interface Props {
  items: MallItem[];
  selected: string | null;
  canEdit: boolean;
  onSelect: (key: string) => void;
  onEdit: (item: MallItem) => void;
  onArchive: (item: MallItem) => void;
}

/** The catalogue: each reward's price, stock left, per-member limit and redemptions; a row selects it. */
export function MallItemTable({ items, selected, canEdit, onSelect, onEdit, onArchive }: Props) {
  const t = useT();
  const f = useLocaleFormat();
  const stop = (fn: () => void) => (e: { stopPropagation: () => void }) => {
    e.stopPropagation();
    fn();
  };
  return (
    <table className="mon-table bo-table--select" data-testid="mall-items">
      <thead>
        <tr>
          <th>{t('mall.col.reward')}</th>
          <th>{t('mall.col.kind')}</th>
          <th>{t('mall.col.price')}</th>
          <th className="num">{t('mall.col.stock')}</th>
          <th>{t('mall.col.limit')}</th>
          <th className="num">{t('mall.col.redeemed')}</th>
          <th>{t('mall.col.status')}</th>
          {canEdit && <th />}
        </tr>
      </thead>
      <tbody>
        {items.map((i) => (
          <tr key={i.key} aria-selected={selected === i.key} onClick={() => onSelect(i.key)} data-testid={`mall-item-${i.key}`}>
            <td>
              <button type="button" className="bo-link" onClick={() => onSelect(i.key)}>
                {i.name}
              </button>{' '}
              <code className="muted">{i.key}</code>
            </td>
            <td>
              {t(`mall.kind.${i.kind}`)}
              {i.couponTemplate && <span className="muted"> · {i.couponTemplate}</span>}
            </td>
            <td>{priceText(t, f, i)}</td>
            <td className="num" data-testid="mall-stock">
              {i.stock === null ? t('mall.unlimited') : f.number(i.stock)}
            </td>
            <td className="muted">{limitText(t, f, i)}</td>
            <td className="num" data-testid="mall-redeemed">
              {f.number(i.redeemed)}
            </td>
            <td>
              <span className={`bo-status${i.archivedAt ? ' bo-archived' : ''}`}>{i.archivedAt ? t('mall.archived') : t('mall.active')}</span>
            </td>
            {canEdit && (
              <td className="bo-row-actions">
                <button type="button" className="btn btn--small" onClick={stop(() => onEdit(i))} data-testid="mall-item-edit">
                  {t('mall.edit')}
                </button>
                <button type="button" className="btn btn--small btn--ghost" onClick={stop(() => onArchive(i))} data-testid={i.archivedAt ? 'mall-item-restore' : 'mall-item-archive'}>
                  {i.archivedAt ? t('mall.restore') : t('mall.archive')}
                </button>
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
