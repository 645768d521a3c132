// Response shapes of the monitoring endpoints. Those with a route contract come from shared/;
// the rest mirror runtime/src/monitoring and members-routes.

export type { AuditEntry, DailyPoint, FailedEffect, FailedJourney, FailureAction, FailureTargets, Failures, WorkflowDashboard } from '@memberflow/shared/api/monitoring';

export type ControlAction = 'pause' | 'resume' | 'stop';

/** GET /api/v1/health/queues: the shape the runtime declares. */
export type { QueueHealth } from '@memberflow/shared/api/monitoring';

/** GET /api/v1/effects */
export type { EffectRow as MemberEffect } from '@memberflow/shared/api/monitoring';

/** The member and event routes' answers (GET /api/v1/members/:id, …/journeys, …/coupons, GET /api/v1/events). */
export type { JourneyStep, MemberCoupon, MemberJourney, MemberRecord as Member, StoredEvent } from '@memberflow/shared/api/member-records';
