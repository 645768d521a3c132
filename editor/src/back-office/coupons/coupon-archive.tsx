import { couponRoutes } from '@memberflow/shared/api/coupon-admin';
import type { CouponTemplate } from '@memberflow/shared/api/loyalty';
import { useState } from 'react';
import { callRoute } from '../../api/call-route.ts';
import { errorMessage } from '../../api/http.ts';
import { forgetCatalog } from '../../catalog/use-catalog.ts';
import { useT } from '../../i18n/i18n.ts';
import { ConfirmDialog } from '../../monitoring/confirm-dialog.tsx';

interface Props {
  template: CouponTemplate;
  onDone: (notice: string) => void;
  onCancel: () => void;
}

/**
 * Archiving asks first and says what it means (no more coupons from workflows; issued ones stay
 * valid); restoring asks too, since live workflows start issuing again at once.
 */
export function CouponArchiveDialog({ template, onDone, onCancel }: Props) {
  const t = useT();
  const archiving = template.archivedAt === null;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      const route = archiving ? couponRoutes.archiveTemplate : couponRoutes.restoreTemplate;
      await callRoute(route, { params: { key: template.key } });
      forgetCatalog('couponTemplates');
      onDone(t(archiving ? 'coupons.archivedNotice' : 'coupons.restoredNotice', { key: template.key }));
    } catch (e) {
      setError(errorMessage(e));
      setBusy(false);
    }
  };
  return (
    <ConfirmDialog
      title={t(archiving ? 'coupons.archiveTitle' : 'coupons.restoreTitle', { key: template.key })}
      confirmLabel={archiving ? t('coupons.archive') : t('coupons.restore')}
      danger={archiving}
      busy={busy}
      error={error}
      onConfirm={() => void confirm()}
      onCancel={onCancel}
    >
      <p>{t(archiving ? 'coupons.archiveBody' : 'coupons.restoreBody', { name: template.name })}</p>
    </ConfirmDialog>
  );
}
