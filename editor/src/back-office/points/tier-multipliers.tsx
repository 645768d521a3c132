import type { TierLadderRow } from '@memberflow/shared/api/programme-routes';
import { useT } from '../../i18n/i18n.ts';
import { RouteLink } from '../../monitoring/route-link.tsx';
import { useLocaleFormat } from '../locale-format.ts';

/** The ladder's multipliers, read here and edited on the Tiers page. */
export function TierMultipliers({ tiers }: { tiers: TierLadderRow[] }) {
  const t = useT();
  const f = useLocaleFormat();
  return (
    <>
      <p className="muted bo-intro">{t('points.multipliersIntro')}</p>
      {tiers.length === 0 ? (
        <p className="muted bo-intro">{t('points.noTiers')}</p>
      ) : (
        <table className="mon-table">
          <thead>
            <tr>
              <th>{t('points.col.tier')}</th>
              <th className="num">{t('points.col.multiplier')}</th>
            </tr>
          </thead>
          <tbody>
            {tiers.map((x) => (
              <tr key={x.key}>
                <td>{x.name}</td>
                <td className="num">×{f.number(x.pointsMultiplier)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="bo-intro">
        <RouteLink to="/tiers">{t('points.editTiers')}</RouteLink>
      </p>
    </>
  );
}
