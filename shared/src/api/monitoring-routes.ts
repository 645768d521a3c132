import '../zod-messages.ts';
import { z } from 'zod';
import {
  AuditQuery,
  DashboardQuery,
  ExportQuery,
  FailureTargets,
  type AuditEntry,
  type EffectRow,
  type Failures,
  type QueueHealth,
  type WorkflowDashboard,
} from './monitoring.ts';
import { defineRoute } from './route-contract.ts';
import { EffectsQuery } from './workflows.ts';

const Counts = z.record(z.string(), z.number());
const QueueHealthAnswer: z.ZodType<QueueHealth> = z.object({
  queues: z.record(z.string(), Counts),
  dueWakeups: z.number(),
  wakeLagSeconds: z.number(),
  pendingEvents: z.number(),
  eventLagSeconds: z.number(),
  quarantinedEvents: z.number(),
  stepsLastMinute: z.number(),
  stuckEffects: z.number(),
  effects: Counts,
  journeys: Counts,
});

const csv = (path: string, summary: string, query?: typeof ExportQuery) =>
  defineRoute<string>()({ method: 'GET', path, access: 'read', produces: 'text/csv', answer: z.string(), summary, ...(query ? { query } : {}) });

/** Watching workflows run: dashboards, failures, live counts, exports, the audit log and queue health. */
export const monitoringRoutes = {
  queueHealth: defineRoute<QueueHealth>()({
    method: 'GET',
    path: '/api/v1/health/queues',
    access: 'read',
    answer: QueueHealthAnswer,
    summary: 'Queue depths, wake-up and event lag, set-aside events and stuck deliveries',
  }),
  dashboard: defineRoute<WorkflowDashboard>()({
    method: 'GET',
    path: '/api/v1/workflows/:id/dashboard',
    access: 'read',
    query: DashboardQuery,
    summary: "A workflow's entries, conversions and revenue per day, and the lift over its holdout",
    example: { query: { days: 30 } },
  }),
  failures: defineRoute<Failures>()({
    method: 'GET',
    path: '/api/v1/workflows/:id/failures',
    access: 'read',
    summary: "A workflow's failed journeys and deliveries, and deliveries stuck pending",
  }),
  actOnFailures: defineRoute<{ journeys: number; effects: number }>()({
    method: 'POST',
    path: '/api/v1/workflows/:id/failures/:action',
    access: 'edit',
    body: FailureTargets,
    answer: z.object({ journeys: z.number().int(), effects: z.number().int() }),
    summary: 'Retry, skip or exit failures (`action`: retry, skip or exit)',
    description: 'retry: a failed journey resumes from its last good snapshot, a failed delivery is sent again; skip: a failed delivery is given up; exit: a failed journey ends.',
    example: { body: { all: true } },
  }),
  statsStream: defineRoute<void>()({
    method: 'GET',
    path: '/api/v1/workflows/:id/stats/stream',
    access: 'read',
    produces: 'text/event-stream',
    summary: 'Live members per node as Server-Sent Events (`stats`, when they change)',
  }),
  membersCsv: csv('/api/v1/workflows/:id/export/members.csv', "A workflow's members (or those waiting at one node) as CSV", ExportQuery),
  effectsCsv: csv('/api/v1/workflows/:id/export/effects.csv', "A workflow's effects as CSV"),
  traceCsv: csv('/api/v1/members/:id/trace.csv', "A member's steps through every workflow as CSV"),
  audit: defineRoute<{ entries: AuditEntry[] }>()({
    method: 'GET',
    path: '/api/v1/audit',
    access: 'read',
    query: AuditQuery,
    summary: 'The audit log, newest first (optionally for one target)',
  }),
  // Newest first; `?status=failed` is the admin's list of deliveries that gave up, with the error.
  effects: defineRoute<{ effects: EffectRow[] }>()({
    method: 'GET',
    path: '/api/v1/effects',
    access: 'read',
    query: EffectsQuery,
    summary: 'Decided effects, newest first, filtered by status, workflow, member or kind',
    example: { query: { status: 'failed', limit: 100 } },
  }),
};
