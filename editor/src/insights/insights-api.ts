import { analyticsRoutes } from '@memberflow/shared/api/analytics-routes';
import { rfmRoutes } from '@memberflow/shared/api/rfm-routes';
import { routePath } from '@memberflow/shared/api/route-contract';
import { segmentRoutes } from '@memberflow/shared/api/segment-routes';
import type { CreateSegmentBody, UpdateSegmentBody } from '@memberflow/shared/api/segments';
import { callRoute } from '../api/call-route.ts';

export { analyticsRoutes, rfmRoutes, segmentRoutes };

/** The CSV export's address, for a plain download link (the session cookie goes along). */
export const segmentCsvUrl = (key: string) => routePath(segmentRoutes.membersCsv.path, { key });

/** Saved segments, through their route contracts. */
export const segmentsApi = {
  list: async (signal?: AbortSignal) => (await callRoute(segmentRoutes.list, { signal })).segments,
  create: (body: CreateSegmentBody) => callRoute(segmentRoutes.create, { body }),
  update: (key: string, body: UpdateSegmentBody) => callRoute(segmentRoutes.update, { params: { key }, body }),
  remove: (key: string) => callRoute(segmentRoutes.remove, { params: { key } }),
  count: (key: string) => callRoute(segmentRoutes.count, { params: { key } }),
};

export const rfmRecompute = () => callRoute(rfmRoutes.recompute);

export { callRoute };
