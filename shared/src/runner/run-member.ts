import { evaluateCondition } from '../condition.ts';
import { startJourney, stepJourney, type CompiledJourney, type JourneyStep } from '../journey-machine.ts';
import { TIMEOUT_EVENT, type JourneyEvent } from '../member-event.ts';
import type { MemberFacts } from '../member-facts.ts';
import { moduleOfGroup } from '../node-module.ts';
import { pinnedModule } from '../pinned-module.ts';
import { explainStepParts } from '../step-reason.ts';
import { nodeExecutors } from './effects/registry.ts';
import { entryRefusal } from './entry-rules.ts';
import { ENROLL_EVENT, TRIGGER_EVENT } from './internal-events.ts';
import { journeySeed } from './journey-seed.ts';
import { inProgress, type JourneyState } from './journey-state.ts';
import { applyMemberEvent } from './member-event-facts.ts';
import { applyProgramme } from './programme.ts';
import type { LiveWorkflow, MemberInput, PendingEvent, RunnerRules } from './runner-input.ts';
import { RunnerWrites, type TriggerDue } from './runner-writes.ts';
import { nextMoment, refreshDue, stillHolds, type TriggerView } from './time-triggers.ts';
import { noteActions } from './step-notes.ts';

export interface RunOptions {
  /** Everything due at or before this moment is applied; later wake-ups and trigger moments stay stored. */
  until: number;
  /** When a live time trigger has no stored moment for the member yet, its moments count from here. */
  dueFrom: number;
  /** Keep trace notes (the simulator shows them). */
  notes?: boolean;
}

export interface RunResult {
  member: MemberFacts;
  journeys: JourneyState[];
  dues: Map<string, TriggerDue>;
  writes: RunnerWrites;
  /** Stored events applied. */
  events: number;
  steps: number;
}

/** Events the runner raises for its member are applied in the same pass, up to this many (a cascade beyond waits for the next). */
const RAISED_PER_PASS = 50;
/** A time trigger that fires more than this after its moment says so in its properties (a sweep's ordinary delay does not). */
const LATE_FIRE_MS = 60_000;

/**
 * The journey runner: one member's timeline (stored events, due wake-ups, due trigger moments,
 * merged by time; at a tie events come first, so a purchase at the very moment of a timeout
 * wins) applied through every live workflow. Pure: it returns the new state and every write
 * as data. The runtime's lane loads, runs and flushes it; the simulator runs it in memory.
 */
export function runMember(input: MemberInput, rules: RunnerRules, opts: RunOptions): RunResult {
  return new MemberRun(input, rules, opts).run();
}

interface TimeTrigger {
  w: LiveWorkflow;
  view: TriggerView;
}

class MemberRun {
  private readonly writes = new RunnerWrites();
  private readonly member: MemberFacts;
  private readonly journeys: JourneyState[];
  private readonly events: PendingEvent[];
  private readonly dues: Map<string, TriggerDue>;
  private readonly timeTriggers: TimeTrigger[];
  private raisedApplied = 0;
  private steps = 0;

  constructor(
    private readonly input: MemberInput,
    private readonly rules: RunnerRules,
    private readonly opts: RunOptions,
  ) {
    this.member = input.member;
    this.writes.keepNotes = opts.notes === true;
    this.journeys = input.journeys;
    this.events = [...input.events];
    this.dues = new Map(input.dues);
    for (const [k, v] of input.latestCoupons) this.writes.latestCoupon.set(k, v);
    this.timeTriggers = rules.live.filter((w) => triggerModule(w).fires === 'time').map((w) => ({ w, view: triggerView(w) }));
  }

  run(): RunResult {
    for (const j of this.journeys) if (!j.held && j.inbox.length) this.drainInbox(j);
    for (const { w, view } of this.timeTriggers) {
      if (!this.dues.has(w.workflowId)) this.setDue(refreshDue(view, w.workflowId, this.member, undefined, this.opts.dueFrom));
    }
    const stored = this.events.length;
    for (let i = 0; ; ) {
      const next = this.events[i];
      const key = next ? this.keyOf(next) : Infinity;
      const wake = this.earliestWake(key);
      const due = this.earliestDue(key);
      if (wake && (!due || wake.wakeAt! <= due.dueAt!)) this.fireWake(wake, wake.wakeAt!);
      else if (due) this.fireDue(due);
      else if (!next) break;
      else {
        this.applyEvent(next, key);
        i++;
      }
      // What a step raised for the member comes next, before anything later.
      this.queueRaised(i);
    }
    return { member: this.member, journeys: this.journeys, dues: this.dues, writes: this.writes, events: stored, steps: this.steps };
  }

  /** When an event acts: its own time in a replay; live, never before the engine learned of it. */
  private keyOf(e: PendingEvent): number {
    return this.rules.mode === 'replay' ? e.occurredAt : Math.max(e.occurredAt, e.receivedAt);
  }

  private earliestWake(before: number): JourneyState | undefined {
    let best: JourneyState | undefined;
    for (const j of this.journeys) {
      if (j.status !== 'waiting' || j.held || j.wakeAt === null || j.wakeAt >= before || j.wakeAt > this.opts.until) continue;
      if (!best || j.wakeAt < best.wakeAt!) best = j;
    }
    return best;
  }

  private earliestDue(before: number): TriggerDue | undefined {
    let best: TriggerDue | undefined;
    for (const d of this.dues.values()) {
      if (d.dueAt === null || d.dueAt >= before || d.dueAt > this.opts.until) continue;
      if (!this.timeTriggers.some((t) => t.w.workflowId === d.workflowId)) continue;
      if (!best || d.dueAt < best.dueAt!) best = d;
    }
    return best;
  }

  private setDue(d: TriggerDue): void {
    const before = this.dues.get(d.workflowId);
    this.dues.set(d.workflowId, d);
    if (!before || before.occurrenceAt !== d.occurrenceAt || before.dueAt !== d.dueAt) this.writes.dues.set(d.workflowId, d);
  }

  private note(n: Parameters<RunnerWrites['notes']['push']>[0]): void {
    if (this.opts.notes) this.writes.notes.push(n);
  }

  private applyEvent(e: PendingEvent, at: number): void {
    const late = this.rules.mode === 'live' && e.receivedAt - e.occurredAt > this.rules.lateHorizonMs;
    const props = e.properties ?? {};
    const wasIn = new Map(this.rules.live.filter((w) => w.segmentCondition).map((w) => [w.workflowId, this.inSegment(w, props, at)]));
    applyMemberEvent(this.member, { type: e.type, at: e.occurredAt, properties: props });
    if (e.type === 'purchase') this.writes.memberChanged = true;
    applyProgramme(this.rules, this.writes, this.member, this.input.pointsEarned, { seq: e.seq, type: e.type, properties: props, occurredAt: e.occurredAt }, at, this.input.heldTemplates);
    // A late event acts now; its own time stays in its properties for conditions and templates.
    const properties = at !== e.occurredAt && !('occurredAt' in props) ? { ...props, occurredAt: new Date(e.occurredAt).toISOString() } : props;
    const event: JourneyEvent = { type: e.type, at, properties, member: this.member };
    const before = this.writes.steps.length + this.writes.refusals.size;
    this.stepJourneys(event, e.seq);
    this.admit(event, e, late, wasIn);
    if (e.seq !== null) this.writes.processedSeqs.push(e.seq);
    for (const { w, view } of this.timeTriggers) this.setDue(refreshDue(view, w.workflowId, this.member, this.dues.get(w.workflowId), at));
    if (this.writes.steps.length + this.writes.refusals.size === before) this.note({ at, kind: 'ignored', reason: `${e.type}: nothing to do`, parts: [{ key: 'ignored', vars: { event: e.type } }] });
  }

  /** Events raised in this pass (points_changed, tier_changed, enroll) are applied in it, at `index`, up to a cap. */
  private queueRaised(index: number): void {
    const raised = this.writes.raised.filter((r) => !r.applied).slice(0, Math.max(0, RAISED_PER_PASS - this.raisedApplied));
    for (const r of raised) r.applied = true;
    this.raisedApplied += raised.length;
    this.events.splice(index, 0, ...raised.map((r) => ({ seq: null, type: r.type, occurredAt: r.at, receivedAt: r.at, properties: r.properties })));
  }

  private inSegment(w: LiveWorkflow, event: Record<string, unknown>, at: number): boolean {
    return evaluateCondition(w.segmentCondition!, { member: this.member, trigger: {}, event, now: at }).result;
  }

  /** Journeys in progress take the event; those of a paused workflow keep it for their resume. */
  private stepJourneys(event: JourneyEvent, seq: number | null): void {
    for (const j of this.journeys) {
      if (!inProgress(j.status)) continue;
      if (j.held) {
        j.inbox.push({ seq, type: event.type, at: event.at, properties: event.properties });
        j.dirty = true;
        continue;
      }
      this.guarded(j, () => {
        const compiled = this.rules.version(j.versionId);
        const from = j.currentNode;
        const step = stepJourney(compiled, j.snapshot, event);
        if (step) this.applyStep(compiled, j, step, event, seq, from);
      });
    }
  }

  private admit(event: JourneyEvent, e: PendingEvent, late: boolean, wasIn: Map<string, boolean>): void {
    for (const w of this.rules.live) {
      const enrolled = e.type === ENROLL_EVENT && e.properties.workflowId === w.workflowId;
      const fired = e.type === TRIGGER_EVENT && e.properties.workflowId === w.workflowId;
      const mod = triggerModule(w);
      const triggered = (mod.fires === 'event' && mod.matchesEvent(w.triggerConfig, event)) || (w.segmentCondition !== undefined && !wasIn.get(w.workflowId) && this.inSegment(w, e.properties, event.at));
      if (!enrolled && !fired && !triggered) continue;
      if (fired && !this.inAudience(w, event.at)) continue;
      const notForThem = triggered && !enrolled && !fired && mod.fires === 'event' ? mod.entryRefusal(w.triggerConfig, this.member) : null;
      if (notForThem) {
        this.refuse(w, event, notForThem);
        continue;
      }
      if (late) {
        const hours = Math.round((e.receivedAt - e.occurredAt) / 3_600_000);
        this.refuse(w, event, `the event arrived ${hours} hours after it happened, past the ${Math.round(this.rules.lateHorizonMs / 3_600_000)}-hour horizon for starting journeys`);
        continue;
      }
      this.enter(w, event, e.seq);
    }
  }

  /** A time trigger with an audience (a schedule) fires for everyone due; the audience is checked on the member as of then. */
  private inAudience(w: LiveWorkflow, at: number): boolean {
    const mod = triggerModule(w);
    const audience = mod.fires === 'time' ? mod.audience(w.triggerConfig) : null;
    if (!audience) return true;
    const e = evaluateCondition(audience, { member: this.member, trigger: {}, now: at });
    if (!e.result) this.refuse(w, { type: TRIGGER_EVENT, at }, `not in the schedule's audience: ${e.explanation}`);
    return e.result;
  }

  private refuse(w: LiveWorkflow, event: Pick<JourneyEvent, 'type' | 'at'>, why: string): void {
    this.writes.refusals.set(w.workflowId, { at: event.at, cause: event.type, reason: `Did not enter: ${why}` });
    this.note({ at: event.at, kind: 'skip', workflowId: w.workflowId, reason: `Did not enter: ${why}` });
  }

  private enter(w: LiveWorkflow, event: JourneyEvent, seq: number | null): void {
    const mine = this.journeys.filter((j) => j.workflowId === w.workflowId);
    const why = entryRefusal(w.settings, mine, event.at);
    if (why) return this.refuse(w, event, why);
    for (const running of mine.filter((j) => inProgress(j.status))) {
      // every_time: a new trigger restarts the journey; a run on an older version ends.
      Object.assign(running, { status: 'exited', endedAt: event.at, wakeAt: null, inbox: [], dirty: true });
    }
    let j = mine.find((x) => x.versionId === w.versionId);
    if (j) Object.assign(j, { entryCount: j.entryCount + 1, enteredAt: event.at, endedAt: null, lastError: null });
    else {
      j = newJourney(this.rules.ids.journeyId(), w, this.member.id, event);
      this.journeys.push(j);
    }
    const entered = j;
    this.guarded(entered, () => this.applyStep(w.compiled, entered, startJourney(w.compiled, event, journeySeed(w.workflowId, this.member.id)), event, seq, null));
  }

  private fireWake(j: JourneyState, at: number): void {
    this.guarded(j, () => {
      const compiled = this.rules.version(j.versionId);
      const from = j.currentNode;
      const event: JourneyEvent = { type: TIMEOUT_EVENT, at, properties: {}, nodeId: from, visit: j.snapshot.context.visits[from] ?? 0, member: this.member };
      const step = stepJourney(compiled, j.snapshot, event);
      if (!step) throw new Error(`wake-up at "${from}" matched no transition`);
      this.applyStep(compiled, j, step, event, null, from);
    });
  }

  /** A time trigger's moment: the member enters if it still holds; the next moment is stored either way. */
  private fireDue(due: TriggerDue): void {
    const t = this.timeTriggers.find((x) => x.w.workflowId === due.workflowId)!;
    const occurrence = due.occurrenceAt!;
    const at = due.dueAt!;
    if (stillHolds(t.view, this.member, occurrence)) {
      // Live, the engine acts now: after an outage (or "enter now" on publish) that is later than the moment, and the step says by how much.
      const firedAt = this.rules.mode === 'live' ? Math.max(at, this.opts.until) : at;
      this.writes.fires.push({ workflowId: t.w.workflowId, occurrenceAt: occurrence, firedAt });
      const lateness = firedAt - occurrence;
      const properties = { workflowId: t.w.workflowId, occurrence: new Date(occurrence).toISOString(), ...(lateness > LATE_FIRE_MS ? { latenessMs: lateness } : {}) };
      const event: JourneyEvent = { type: TRIGGER_EVENT, at: firedAt, properties, member: this.member };
      if (this.inAudience(t.w, firedAt)) this.enter(t.w, event, null);
    }
    const next = nextMoment(t.view, this.member, Math.max(occurrence, at));
    this.setDue({ workflowId: t.w.workflowId, occurrenceAt: next, dueAt: next });
  }

  /** Events that reached a paused journey, with its due wake-ups, in time order (ties: events first). */
  private drainInbox(j: JourneyState): void {
    // Each at its own time, as if the workflow had not been paused; later wake-ups follow in the main timeline.
    const inbox = [...j.inbox].sort((a, b) => a.at - b.at);
    j.inbox = [];
    j.dirty = true;
    for (const item of inbox) {
      while (j.status === 'waiting' && j.wakeAt !== null && j.wakeAt < item.at) this.fireWake(j, j.wakeAt);
      if (!inProgress(j.status)) return;
      const at = item.at;
      this.guarded(j, () => {
        const compiled = this.rules.version(j.versionId);
        const from = j.currentNode;
        const event: JourneyEvent = { type: item.type, at, properties: item.properties, member: this.member };
        const step = stepJourney(compiled, j.snapshot, event);
        if (step) this.applyStep(compiled, j, step, event, item.seq, from);
      });
    }
  }

  /** A journey that cannot be stepped (e.g. a corrupt snapshot) fails alone; the member's other journeys go on. */
  private guarded(j: JourneyState, fn: () => void): void {
    try {
      fn();
    } catch (e) {
      Object.assign(j, { status: 'failed', lastError: e instanceof Error ? e.message : String(e), dirty: true });
    }
  }

  private applyStep(compiled: CompiledJourney, j: JourneyState, step: JourneyStep, event: JourneyEvent, seq: number | null, from: string | null): void {
    const at = event.at;
    Object.assign(j, { wakeAt: null, snapshot: step.persisted, currentNode: step.persisted.value, dirty: true });
    const explained = explainStepParts(compiled, { fromNode: from, event, path: step.path, value: step.persisted.value, context: step.persisted.context });
    const reason = explained.map((p) => p.text).join('. ');
    const parts = explained.map(({ key, vars }) => ({ key, vars }));
    this.note({ at, kind: from === null ? 'enter' : 'step', workflowId: j.workflowId, nodeId: j.currentNode, reason, parts });
    const effectsBefore = this.writes.effects.length;
    this.runActions(compiled, j, step, at);
    if (step.outcome === 'waiting') j.status = j.wakeAt === null ? 'active' : 'waiting';
    else Object.assign(j, { status: step.outcome === 'holdout' ? 'completed' : step.outcome, endedAt: at });
    if (this.opts.notes) noteActions(this.writes, compiled, j, step, at, effectsBefore);
    this.writes.steps.push({ journeyId: j.id, workflowId: j.workflowId, memberId: j.memberId, at, fromNode: from, toNode: j.currentNode, cause: event.type, eventSeq: seq, path: step.path, reason, parts });
    this.steps++;
  }

  private runActions(compiled: CompiledJourney, j: JourneyState, step: JourneyStep, at: number): void {
    const entryKey = `${j.id}:${j.entryCount}`;
    const { rules, writes, member, input } = this;
    for (const action of step.actions) {
      nodeExecutors[action.kind].execute({
        journey: j,
        action,
        at,
        writes,
        member,
        module: pinnedModule(compiled, action.nodeId),
        idempotencyKey: `${entryKey}:${action.nodeId}:${action.visit}`,
        templateVars: () => ({
          member: { ...member, name: member.name ?? '' },
          coupon: writes.latestCoupon.get(entryKey) ?? {},
          trigger: j.snapshot.context.trigger.properties,
          workflow: { id: j.workflowId, name: j.workflowName },
        }),
        contact: { settings: compiled.definition.settings, cap: rules.contact.cap, defaultQuietHours: rules.contact.quietHours ?? null, recentMarketing: input.recentMarketing, provider: rules.contact.provider, smsSignature: rules.contact.smsSignature ?? null },
        coupons: { templates: rules.couponTemplates, held: input.heldTemplates, stockLeft: rules.stockLeft, code: rules.ids.couponCode },
      });
    }
  }
}

function newJourney(id: string, w: LiveWorkflow, memberId: string, event: JourneyEvent): JourneyState {
  return {
    id,
    workflowId: w.workflowId,
    workflowName: w.name,
    held: false,
    versionId: w.versionId,
    memberId,
    status: 'active',
    currentNode: w.compiled.trigger.id,
    snapshot: { value: w.compiled.trigger.id, context: { visits: {}, trigger: event, seed: '', enteredAt: event.at } },
    wakeAt: null,
    entryCount: 1,
    enteredAt: event.at,
    endedAt: null,
    lastError: null,
    inbox: [],
    dirty: true,
  };
}

/** The module of a live workflow's trigger. */
export function triggerModule(w: Pick<LiveWorkflow, 'compiled'>) {
  return moduleOfGroup(pinnedModule(w.compiled, w.compiled.trigger.id), 'trigger');
}

export function triggerView(w: LiveWorkflow): TriggerView {
  return { kind: w.compiled.trigger.kind, module: triggerModule(w), config: w.triggerConfig, ...(w.segmentCondition ? { segmentCondition: w.segmentCondition } : {}) };
}
