import { TextField } from '../inspector/fields/text-field.tsx';
import type { NodeFormProps } from './node-form-props.ts';

export const setTierFieldLabels = { tier: 'Tier', reason: 'Reason' };

const tiers = ['bronze', 'silver', 'gold', 'platinum'];

export function SetTierForm({ idPrefix, config, errors, onChange }: NodeFormProps) {
  return (
    <>
      <TextField
        id={`${idPrefix}-tier`}
        label={setTierFieldLabels.tier}
        value={config.tier}
        suggestions={tiers}
        maxLength={40}
        hint="Raises a tier_changed event other workflows can start from."
        error={errors.tier}
        onChange={(tier) => onChange({ ...config, tier })}
      />
      <TextField
        id={`${idPrefix}-reason`}
        label={setTierFieldLabels.reason}
        value={config.reason}
        maxLength={200}
        placeholder="Cumulative spend ≥ 1,000"
        error={errors.reason}
        onChange={(reason) => onChange({ ...config, reason })}
      />
    </>
  );
}
