import { rfmGroups, type RfmGroup } from '@memberflow/shared/rfm';
import { useCallback } from 'react';
import { useT } from '../i18n/i18n.ts';

const isGroup = (g: string): g is RfmGroup => (rfmGroups as readonly string[]).includes(g);

/** The group's name in the user's language; a value the shared list lacks is shown as stored. */
export function useRfmGroupName(): (group: string) => string {
  const t = useT();
  return useCallback((g: string) => (isGroup(g) ? t(`rfm.group.${g}`) : g), [t]);
}
