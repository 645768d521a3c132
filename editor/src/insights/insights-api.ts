import { analyticsRoutes } from '@memberflow/shared/api/analytics-routes';
import { rfmRoutes } from '@memberflow/shared/api/rfm-routes';
import { routePath } from '@memberflow/shared/api/route-contract';
import { segmentRoutes } from '@memberflow/shared/api/segment-routes';
import type { CreateSegmentBody, Segment, SegmentCount, UpdateSegmentBody } from '@memberflow/shared/api/segments';
import { callRoute } from '../api/call-route.ts';
import { requestJson } from '../api/http.ts';

export { analyticsRoutes, rfmRoutes, segmentRoutes };

/** The CSV export's address, for a plain download link (the session cookie goes along). */
export const segmentCsvUrl = (key: string) => routePath(segmentRoutes.membersCsv.path, { key });

// The saved-segment routes predate the route contracts; their paths are written out here.
export const segmentsApi = {
  list: async (signal?: AbortSignal) => (await requestJson<{ segments: Segment[] }>('GET', '/api/v1/segments', undefined, signal)).segments,
  create: (body: CreateSegmentBody) => requestJson<Segment>('POST', '/api/v1/segments', body),
  update: (key: string, body: UpdateSegmentBody) => requestJson<Segment>('PUT', `/api/v1/segments/${encodeURIComponent(key)}`, body),
  remove: (key: string) => requestJson<void>('DELETE', `/api/v1/segments/${encodeURIComponent(key)}`),
  count: (key: string) => requestJson<SegmentCount>('POST', `/api/v1/segments/${encodeURIComponent(key)}/count`),
};

export const rfmRecompute = () => requestJson<{ scored: number; computedAt: string }>('POST', '/api/v1/rfm/recompute');

export { callRoute };
