import type { CouponCounts } from '@memberflow/shared/api/coupon-admin';
import type { CouponTemplate } from '@memberflow/shared/api/loyalty';
import { useT } from '../../i18n/i18n.ts';
import { useLocaleFormat } from '../locale-format.ts';
import { offerText, rulesText, validityText } from './coupon-text.ts';

interface Props {
  templates: CouponTemplate[];
  counts: Record<string, CouponCounts>;
  selected: string | null;
  canEdit: boolean;
  onSelect: (key: string) => void;
  onEdit: (t: CouponTemplate) => void;
  /** Asks to archive (or restore) a template. */
  onArchive: (t: CouponTemplate) => void;
}

const NONE: CouponCounts = { issued: 0, active: 0, redeemed: 0, expired: 0, voided: 0, redemptionRate: null };

/** Every template with its rules and what became of its coupons; a row selects the template. */
export function CouponTemplateTable({ templates, counts, selected, canEdit, onSelect, onEdit, onArchive }: Props) {
  const t = useT();
  const f = useLocaleFormat();
  return (
    <table className="mon-table bo-table--select" data-testid="coupon-templates">
      <thead>
        <tr>
          <th>{t('coupons.col.key')}</th>
          <th>{t('coupons.col.name')}</th>
          <th>{t('coupons.col.offer')}</th>
          <th>{t('coupons.col.validity')}</th>
          <th>{t('coupons.col.rules')}</th>
          <th className="num">{t('coupons.col.issued')}</th>
          <th className="num">{t('coupons.col.redeemed')}</th>
          <th className="num">{t('coupons.col.expired')}</th>
          <th className="num">{t('coupons.col.rate')}</th>
          {canEdit && <th />}
        </tr>
      </thead>
      <tbody>
        {templates.map((c) => {
          const n = counts[c.key] ?? NONE;
          return (
            <tr
              key={c.key}
              aria-selected={selected === c.key}
              onClick={() => onSelect(c.key)}
              data-testid={`coupon-template-${c.key}`}
            >
              <td>
                <button type="button" className="bo-link" onClick={() => onSelect(c.key)}>
                  <code>{c.key}</code>
                </button>
              </td>
              <td>
                {c.name}
                {c.archivedAt !== null && (
                  <span className="bo-status bo-archived" data-testid="coupon-template-archived">
                    {t('coupons.archived')}
                  </span>
                )}
              </td>
              <td>{offerText(t, f, c)}</td>
              <td>{validityText(t, f, c)}</td>
              <td className="muted">{rulesText(t, f, c).join(' · ') || t('bo.none')}</td>
              <td className="num" data-testid="count-issued">
                {f.number(n.issued)}
              </td>
              <td className="num" data-testid="count-redeemed">
                {f.number(n.redeemed)}
              </td>
              <td className="num">{f.number(n.expired)}</td>
              <td className="num">{f.percent(n.redemptionRate)}</td>
              {canEdit && (
                <td className="bo-row-actions">
                  <button
                    type="button"
                    className="btn btn--small"
                    onClick={(e) => {
                      e.stopPropagation();
                      onEdit(c);
                    }}
                    data-testid="coupon-template-edit"
                  >
                    {t('bo.edit')}
                  </button>
                  <button
                    type="button"
                    className="btn btn--small btn--ghost"
                    onClick={(e) => {
                      e.stopPropagation();
                      onArchive(c);
                    }}
                    data-testid={c.archivedAt === null ? 'coupon-template-archive' : 'coupon-template-restore'}
                  >
                    {c.archivedAt === null ? t('coupons.archive') : t('coupons.restore')}
                  </button>
                </td>
              )}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
