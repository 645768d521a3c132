import '../zod-messages.ts';
import { z } from 'zod';

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
