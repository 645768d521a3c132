import type { NotePart } from '@memberflow/shared/runner/runner-writes';
import type { JourneyCounts, JourneyStatus, WorkflowStatus } from '@memberflow/shared/api/workflows';
import type { MeanLift, ProportionLift } from '@memberflow/shared/lift';

// Response shapes of the monitoring endpoints. The runtime builds them from SQL rows, so
// shared/ has no types for them yet; these mirror runtime/src/monitoring and members-routes.

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

export interface Failures {
  journeys: FailedJourney[];
  effects: FailedEffect[];
  /** Deliveries still pending past the stuck threshold: the sweep keeps retrying them, nothing to act on yet. */
  stuck: FailedEffect[];
}

export type FailureAction = 'retry' | 'skip' | 'exit';
export interface FailureTargets {
  journeyIds?: string[];
  effectKeys?: string[];
  all?: boolean;
}

export type ControlAction = 'pause' | 'resume' | 'stop';

export interface AuditEntry {
  at: string;
  actor: string;
  action: string;
  targetType: string;
  targetId: string;
  details: Record<string, unknown>;
}

/** GET /api/v1/health/queues: the shape the runtime declares. */
export type { QueueHealth } from '@memberflow/shared/api/monitoring';

/** GET /api/v1/events and GET /api/v1/members/:id/events: a stored event and the lane's verdict on it. */
export interface StoredEvent {
  seq: number;
  memberId: string;
  type: string;
  occurredAt: string;
  receivedAt: string;
  processedAt: string | null;
  /** `failed`: set aside after failing `attempts` times; the member's later events went on without it. */
  status: 'processed' | 'pending' | 'failed';
  attempts: number;
  error: string | null;
  failedAt: string | null;
  properties: Record<string, unknown>;
}

/** GET /api/v1/members/:id (the public columns). */
export interface Member {
  id: string;
  name: string | null;
  phone: string | null;
  email: string | null;
  birthday: string | null;
  timeZone: string;
  locale: string | null;
  joinedAt: string | null;
  tier: string | null;
  tags: string[];
  pointsBalance: number;
  storedValue: number;
  orderCount: number;
  totalSpent: number;
  firstPurchaseAt: string | null;
  lastPurchaseAt: string | null;
  consents: Partial<Record<string, boolean>>;
  rfm: { r: number; f: number; m: number; segment: string } | null;
  deletedAt: string | null;
}

export interface JourneyStep {
  at: string;
  fromNode: string | null;
  toNode: string | null;
  cause: string;
  path: string[];
  reason: string;
  /** The reason as message keys and values (null for steps stored before they were kept). */
  reasonParts?: NotePart[] | null;
}

export interface MemberJourney {
  id: string;
  workflowId: string;
  workflowName: string;
  version: number;
  status: JourneyStatus;
  currentNode: string | null;
  wakeAt: string | null;
  entryCount: number;
  enteredAt: string;
  endedAt: string | null;
  lastError: string | null;
  steps: JourneyStep[];
}

export interface MemberEffect {
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

export interface MemberCoupon {
  code: string;
  template: string;
  status: string;
  issuedAt: string;
  expiresAt: string | null;
  redeemedAt: string | null;
}
