import type { RfmGrid } from '@memberflow/shared/api/rfm-routes';
import { useLocaleFormat } from '../back-office/locale-format.ts';
import { useT } from '../i18n/i18n.ts';
import { rfmGroupTint } from './rfm-colors.ts';
import { useRfmGroupName } from './rfm-group-name.ts';

export type RfmSelection = { group: string } | { r: number; fm: number } | null;

interface RfmGridViewProps {
  grid: RfmGrid;
  selection: RfmSelection;
  onSelect: (s: RfmSelection) => void;
}

/** The R×FM grid: recency down the side (R5 on top), FM = round((F + M) / 2) along the bottom, each cell in its group's colour. */
export function RfmGridView({ grid, selection, onSelect }: RfmGridViewProps) {
  const t = useT();
  const f = useLocaleFormat();
  const groupName = useRfmGroupName();
  const rows = [5, 4, 3, 2, 1];
  return (
    <div>
      <div className="rfm-grid" role="grid" aria-label={t('rfm.gridTitle')} data-testid="rfm-grid">
        {rows.map((r) => (
          <div key={r} role="row" style={{ display: 'contents' }}>
            <div className="rfm-grid__axis" role="rowheader">
              R{r}
            </div>
            {grid.cells
              .filter((c) => c.r === r)
              .map((c) => {
                const pressed = selection !== null && 'r' in selection && selection.r === c.r && selection.fm === c.fm;
                return (
                  <button
                    key={c.fm}
                    type="button"
                    role="gridcell"
                    className="rfm-cell"
                    style={{ background: rfmGroupTint(c.group) }}
                    aria-pressed={pressed}
                    title={t('rfm.cellTitle', { r: c.r, fm: c.fm, group: groupName(c.group) })}
                    onClick={() => onSelect(pressed ? null : { r: c.r, fm: c.fm })}
                    data-testid={`rfm-cell-${c.r}-${c.fm}`}
                  >
                    <span className="rfm-cell__group">{groupName(c.group)}</span>
                    <span className="rfm-cell__n">{f.number(c.members)}</span>
                    <span className="rfm-cell__share">{f.percent(grid.scored ? c.members / grid.scored : null)}</span>
                  </button>
                );
              })}
          </div>
        ))}
        <div className="rfm-grid__axis rfm-grid__corner">R / FM</div>
        {[1, 2, 3, 4, 5].map((fm) => (
          <div key={fm} className="rfm-grid__axis">
            FM{fm}
          </div>
        ))}
      </div>
      <p className="muted rfm-caption">{t('rfm.gridCaption')}</p>
    </div>
  );
}
