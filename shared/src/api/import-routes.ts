import '../zod-messages.ts';
import { z } from 'zod';
import type { ImportJobStatus } from './member-admin.ts';
import { defineRoute } from './route-contract.ts';

/** A file sent as the request body with content-type text/csv or text/plain. */
export const ImportText = z.string().min(1, 'send the file as the request body');

export const importRoutes = {
  members: defineRoute<{ jobId: string }>()({
    method: 'POST',
    path: '/api/v1/imports/members',
    access: 'edit',
    body: ImportText,
    answer: z.object({ jobId: z.string() }),
    status: 202,
    summary: 'Import members from a CSV file (sent as text/csv)',
    description: 'Runs in the background: poll GET /api/v1/imports/:id for progress and per-row errors. Columns are the member fields, id first.',
    example: { body: 'id,name,phone,email,tags\nm-1001,Li Na,+86 138 0013 8000,li.na@example.com,vip\n' },
  }),
  cdnow: defineRoute<{ jobId: string; members: number; purchases: number }>()({
    method: 'POST',
    path: '/api/v1/imports/cdnow',
    access: 'edit',
    body: ImportText,
    answer: z.object({ jobId: z.string(), members: z.number().int(), purchases: z.number().int() }),
    status: 201,
    summary: 'Import the CDNOW purchase history (sent as text/plain) as members and purchase events',
    example: { body: '00001 19970101  1  11.77\n00002 19970112  1  12.00\n' },
  }),
  status: defineRoute<ImportJobStatus>()({ method: 'GET', path: '/api/v1/imports/:id', access: 'read', summary: 'An import as it runs, with the first 1,000 problems by line and field' }),
};
