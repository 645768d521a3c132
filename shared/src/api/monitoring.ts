import '../zod-messages.ts';
import { z } from 'zod';
import type { MeanLift, ProportionLift } from '../lift.ts';
import type { JourneyCounts, WorkflowStatus } from './workflows.ts';

export const DashboardQuery = z.object({ days: z.coerce.number().int().min(1, 'must be at least 1 day').max(3650).default(30) });

export const FailureTargets = z
  .object({
    journeyIds: z.array(z.string().uuid('must be a journey id')).max(10_000).optional(),
    effectKeys: z.array(z.string().min(1).max(300)).max(10_000).optional(),
    all: z.boolean().optional(),
  })
  .refine((t) => t.all || t.journeyIds?.length || t.effectKeys?.length, { message: 'name journeyIds or effectKeys, or set all: true', path: ['all'] });

export const ExportQuery = z.object({ node: z.string().min(1).max(64).optional() });

export const AuditQuery = z.object({
  targetId: z.string().max(128).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});

/** GET /api/v1/health/queues */
export interface QueueHealth {
  queues: Record<string, Record<string, number>>;
  /** Waiting journeys whose wake-up time has passed but which have not moved yet. */
  dueWakeups: number;
  /** How late the oldest due wake-up is. */
  wakeLagSeconds: number;
  /** Stored events not yet applied, and how old the oldest is. */
  pendingEvents: number;
  eventLagSeconds: number;
  /** Events set aside after failing `attempts` times (their member's later events went on); see POST /api/v1/events/:seq/retry. */
  quarantinedEvents: number;
  stepsLastMinute: number;
  /** Effects pending longer than STUCK_EFFECT_MINUTES (default 10): sends that should have gone out by now. */
  stuckEffects: number;
  effects: Record<string, number>;
  journeys: Record<string, number>;
}

/** GET /api/v1/workflows/:id/dashboard: one day of a workflow's entries, conversions and revenue. */
export interface DailyPoint {
  day: string;
  entries: number;
  conversions: number;
  revenue: number;
}

/** GET /api/v1/workflows/:id/dashboard */
export interface WorkflowDashboard {
  workflow: { id: string; name: string; status: WorkflowStatus; liveVersion: number | null };
  period: { from: string; to: string; days: number };
  goal: { eventType: string; withinDays: number };
  journeys: JourneyCounts;
  entered: number;
  converted: number;
  conversionRate: number;
  revenue: number;
  daily: DailyPoint[];
  holdout: null | { percent: number; conversion: ProportionLift; revenuePerMember: MeanLift };
}

export interface FailedJourney {
  id: string;
  memberId: string;
  node: string | null;
  error: string | null;
  failedAt: string;
}

export interface FailedEffect {
  key: string;
  memberId: string;
  node: string;
  kind: string;
  error: string | null;
  attempts: number;
  at: string;
}

/** GET /api/v1/workflows/:id/failures */
export interface Failures {
  journeys: FailedJourney[];
  effects: FailedEffect[];
  /** Deliveries still pending past the stuck threshold: the sweep keeps retrying them, nothing to act on yet. */
  stuck: FailedEffect[];
}

export type FailureAction = 'retry' | 'skip' | 'exit';
export type FailureTargets = z.input<typeof FailureTargets>;

/** GET /api/v1/audit: one entry of the audit log. */
export interface AuditEntry {
  at: string;
  actor: string;
  action: string;
  targetType: string;
  targetId: string;
  details: Record<string, unknown>;
}

/** GET /api/v1/effects: one decided effect (a send, a coupon, points…) and how its delivery went. */
export interface EffectRow {
  key: string;
  workflowId: string | null;
  memberId: string;
  nodeId: string | null;
  kind: string;
  status: 'done' | 'pending' | 'held' | 'failed' | 'skipped';
  payload: Record<string, unknown>;
  at: string;
  attempts: number;
  error: string | null;
  notBefore: string | null;
  doneAt: string | null;
}
