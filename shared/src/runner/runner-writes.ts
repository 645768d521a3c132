/** A coupon the programme issues (a streak bonus): written once with the points row of the same key. */
export interface ProgrammeCoupon {
  memberId: string;
  template: string;
  code: string;
  at: number;
  expiresAt: number | null;
  /** The points row's idempotency key: the coupon is written only when that row is new. */
  key: string;
}

/** A transition, with the reason in words. */
export interface StepRow {
  journeyId: string;
  workflowId: string;
  memberId: string;
  at: number;
  fromNode: string | null;
  toNode: string;
  cause: string;
  eventSeq: number | null;
  path: string[];
  reason: string;
  /** The reason as message keys and values, stored beside the English for a trace in the user's language. */
  parts?: NotePart[];
}

export interface EffectRow {
  idempotencyKey: string;
  journeyId: string;
  workflowId: string;
  memberId: string;
  nodeId: string;
  kind: string;
  payload: Record<string, unknown>;
  status: 'done' | 'pending' | 'held' | 'skipped';
  notBefore?: number;
  at: number;
  coupon?: { code: string; template: string; expiresAt: number | null };
  task?: { type: string; title: string; assignee: string; priority: string; dueAt: number };
}

export interface RaisedEvent {
  type: string;
  at: number;
  properties: Record<string, unknown>;
  /** Applied in the pass that raised it: stored as already processed. */
  applied?: boolean;
}

/** A change to the points ledger (programme earn rules, workflow awards and deductions). */
export interface PointsOp {
  memberId: string;
  /** Positive: a new lot (earn or adjust up). Negative: spent first-in, first-out. */
  delta: number;
  kind: 'earn' | 'redeem' | 'adjust' | 'gift';
  reason: string;
  /** The reason as message keys and values (ledger.<key>), for the reader's language. */
  parts?: NotePart[];
  source: string;
  at: number;
  expiresAt: number | null;
  /** Protection period: the lot is spendable from then; null or absent = at once. */
  availableAt?: number | null;
  /** Applied once per key. */
  key: string | null;
}

/** A live time-triggered workflow's next moment for the member; null when there is none (yet). */
export interface TriggerDue {
  workflowId: string;
  occurrenceAt: number | null;
  dueAt: number | null;
}

/** One fire of a time trigger, kept as the record that it happened once (and how late). */
export interface TriggerFire {
  workflowId: string;
  occurrenceAt: number;
  firedAt: number;
}

/** What the runner decided that the trace shows but no table needs (the simulator's trace). */
export interface RunnerNote {
  at: number;
  kind: 'enter' | 'skip' | 'step' | 'action' | 'wait' | 'end' | 'ignored' | 'points';
  workflowId?: string;
  nodeId?: string;
  reason: string;
  /** The reason as message keys and values (note.<key>), for a trace shown in the user's language. */
  parts?: NotePart[];
}

export interface NotePart {
  key: string;
  vars: Record<string, string | number>;
}

/** Everything one runner pass decided, as data: the runtime writes it in bulk, the simulator reads it. */
export class RunnerWrites {
  readonly steps: StepRow[] = [];
  readonly effects: EffectRow[] = [];
  readonly processedSeqs: number[] = [];
  /** Events the runner raises for the member (points_changed, tier_changed, enroll). */
  readonly raised: RaisedEvent[] = [];
  /** The latest coupon per journey entry, for {{coupon.*}} in later messages. */
  readonly latestCoupon = new Map<string, Record<string, unknown>>();
  readonly attributePatch: Record<string, unknown> = {};
  readonly pointsOps: PointsOp[] = [];
  readonly programmeCoupons: ProgrammeCoupon[] = [];
  /** Coupons taken from limited templates' stock, per template. */
  readonly stockTaken = new Map<string, number>();
  memberChanged = false;
  /** Set when a purchase rescored the member's RFM: written once at the end. */
  rfmAt: number | null = null;
  /** Per workflow: the latest trigger match the entry rule refused, for "why didn't they enter?". */
  readonly refusals = new Map<string, { at: number; cause: string; reason: string }>();
  /** Next moments of live time triggers, per workflow, as they stand at the end of the pass. */
  readonly dues = new Map<string, TriggerDue>();
  readonly fires: TriggerFire[] = [];
  readonly notes: RunnerNote[] = [];
  /** Whether trace notes are kept (the simulator's trace); the engine skips them. */
  keepNotes = false;

  /** A trace note, kept when the pass keeps notes. */
  note(n: RunnerNote): void {
    if (this.keepNotes) this.notes.push(n);
  }

  raise(type: string, at: number, properties: Record<string, unknown>): void {
    this.raised.push({ type, at, properties });
  }
}
