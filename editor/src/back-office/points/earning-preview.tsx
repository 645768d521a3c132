import type { LoyaltyProgramSettings } from '@memberflow/shared/loyalty-program';
import { useT } from '../../i18n/i18n.ts';
import { useLocaleFormat } from '../locale-format.ts';
import { streakPreview } from './streak-preview.ts';

/** The preview's lines for streaks, caps and the protection period, by the runner's own rules. */
export function EarningPreview({ program, availableAt }: { program: LoyaltyProgramSettings; availableAt: number | null }) {
  const t = useT();
  const f = useLocaleFormat();
  const streak = streakPreview(program);
  const { daily, monthly } = program.earningCaps;
  return (
    <>
      <p data-testid="preview-streak">
        {streak
          ? t('earning.previewStreak', { days: f.number(streak.days), points: f.number(streak.points) })
          : t('earning.previewNoStreak')}
      </p>
      {daily > 0 && <p>{t('earning.previewCapDaily', { points: f.number(daily) })}</p>}
      {monthly > 0 && <p>{t('earning.previewCapMonthly', { points: f.number(monthly) })}</p>}
      {availableAt !== null && (
        <p data-testid="preview-protection">
          {t('earning.previewProtection', { date: f.date(new Date(availableAt).toISOString()) })}
        </p>
      )}
    </>
  );
}
