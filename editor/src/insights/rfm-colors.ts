import type { RfmGroup } from '@memberflow/shared/rfm';

/** One colour per group: greens for the best, ambers for those slipping, greys and reds for the gone. */
export const rfmGroupColor = {
  champions: '#1f8a4c',
  loyal: '#4caf7a',
  potential_loyalist: '#8cc9a3',
  new: '#5b8def',
  promising: '#a3c0f7',
  need_attention: '#f0c36a',
  at_risk: '#e8904a',
  cant_lose: '#d4553f',
  hibernating: '#b7bdc7',
  lost: '#8b93a1',
} satisfies Record<RfmGroup, string>;

/** A light tint of the group colour for a grid cell's background. */
export const rfmGroupTint = (g: RfmGroup) => `${rfmGroupColor[g]}40`;
