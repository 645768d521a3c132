import type { NotePart } from '../runner/runner-writes.ts';
import type { EntryRefusal, TriggerStanding } from './members.ts';
import type { JourneyStatus } from './workflows.ts';

// Answers of the member and event routes. The runtime builds them from SQL rows; these are the
// shapes it declares, shared so the editor's client reads them from the route contracts.

/** GET /api/v1/members/:id (the public columns). */
export interface MemberRecord {
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
  attributes: Record<string, unknown>;
  deletedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

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

/** GET /api/v1/members/:id/journeys: journeys, the entries its entry rules refused, and where it stands with live time and segment triggers. */
export interface MemberTrace {
  journeys: MemberJourney[];
  refusals: EntryRefusal[];
  standings: TriggerStanding[];
}

export interface MemberCoupon {
  code: string;
  template: string;
  status: string;
  issuedAt: string;
  expiresAt: string | null;
  redeemedAt: string | null;
}
