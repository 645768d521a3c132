import { analyticsRoutes } from '@memberflow/shared/api/analytics-routes';
import { rfmRoutes } from '@memberflow/shared/api/rfm-routes';
import { accessTable } from '@memberflow/shared/api/route-contract';
import { segmentRoutes } from '@memberflow/shared/api/segment-routes';

/** What the Segments, RFM and Analytics routes need, read from their shared contracts (spread into route-access.ts). */
export const insightsAccess = {
  ...accessTable(segmentRoutes),
  ...accessTable(rfmRoutes),
  ...accessTable(analyticsRoutes),
};
