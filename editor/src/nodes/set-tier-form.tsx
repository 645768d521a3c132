import { pickerHint, tierOptions } from '../catalog/catalog-options.ts';
import { useCatalog } from '../catalog/use-catalog.ts';
import { useT } from '../i18n/i18n.ts';
import { TextField } from '../inspector/fields/text-field.tsx';
import type { NodeFormProps } from './node-form-props.ts';

export const setTierFieldLabels = { tier: 'Tier', reason: 'Reason' };

export function SetTierForm({ idPrefix, config, errors, onChange }: NodeFormProps) {
  const t = useT();
  const tiers = useCatalog('tiers');
  const options = tiers ? tierOptions(t, tiers) : null;
  return (
    <>
      <TextField
        id={`${idPrefix}-tier`}
        label={t('form.set_tier.tier')}
        value={config.tier}
        suggestions={options ?? undefined}
        maxLength={40}
        hint={pickerHint(t, options, config.tier, t('catalog.tier.empty'), t('catalog.tier.what'), t('catalog.tier.hint'))}
        error={errors.tier}
        onChange={(tier) => onChange({ ...config, tier })}
      />
      {/* The ladder is edited on its own page; the picker reads it again on return to this tab. */}
      <a className="btn btn--small" href="/tiers" target="_blank" rel="noopener" data-testid="set-tier-edit-tiers">
        {t('picker.newTier')}
      </a>
      <TextField
        id={`${idPrefix}-reason`}
        label={t('form.set_tier.reason')}
        value={config.reason}
        maxLength={200}
        placeholder="Cumulative spend ≥ 1,000"
        error={errors.reason}
        onChange={(reason) => onChange({ ...config, reason })}
      />
    </>
  );
}
