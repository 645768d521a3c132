import { simulate, type SimulationResult } from '@memberflow/shared/simulate';
import { assign, setup } from 'xstate';
import type { SimulationRules } from '../api/loyalty-rules-api.ts';
import { simulationPresets, todayUtc } from './simulation-presets.ts';
import { buildMember, checkSetup, parseUtc, type SimulationSetup } from './simulation-setup.ts';

export interface SimulationContext {
  setup: SimulationSetup;
  result: SimulationResult | null;
  /** Index into the trace of the step being looked at. */
  step: number;
  /** Problems with the described member or period that stop a run. */
  errors: Record<string, string>;
  /** The programme's coupon templates, tiers and segments, once loaded; null simulates with the defaults. */
  rules: SimulationRules | null;
}

export type SimulationEvent =
  | { type: 'open' }
  | { type: 'close' }
  | { type: 'edit'; setup: SimulationSetup }
  | { type: 'preset'; key: string }
  /** The panel loaded the programme's rules (null: they could not be read, simulate with the defaults). */
  | { type: 'rules'; rules: SimulationRules | null }
  /** `rules` when given (null for the defaults), else the ones the panel loaded. */
  | { type: 'run'; definition: unknown; workflowId: string; workflowName: string; rules?: SimulationRules | null }
  | { type: 'next' }
  | { type: 'previous' }
  | { type: 'goto'; step: number }
  | { type: 'back' };

const initialSetup = () => simulationPresets[0]!.build(todayUtc());

/** closed -> setup (describe the member) -> result (step through the trace); all in the browser, nothing is saved. */
export const simulationMachine = setup({
  types: { context: {} as SimulationContext, events: {} as SimulationEvent },
  guards: {
    setupHasProblems: ({ context }) => Object.keys(checkSetup(context.setup).errors).length > 0,
  },
  actions: {
    showSetupProblems: assign(({ context }) => ({ errors: checkSetup(context.setup).errors })),
    runSimulation: assign(({ context, event }) => {
      if (event.type !== 'run') return {};
      const { timeline } = checkSetup(context.setup);
      const rules = event.rules === undefined ? context.rules : event.rules;
      const result = simulate({
        ...rules,
        definition: event.definition,
        member: buildMember(context.setup.member),
        timeline,
        from: parseUtc(context.setup.from),
        until: parseUtc(context.setup.until),
        workflowId: event.workflowId,
        workflowName: event.workflowName,
      });
      return { result, step: 0, errors: {} };
    }),
  },
}).createMachine({
  id: 'simulation',
  context: () => ({ setup: initialSetup(), result: null, step: 0, errors: {}, rules: null }),
  initial: 'closed',
  on: { rules: { actions: assign(({ event }) => ({ rules: event.rules })) } },
  states: {
    closed: {
      // Loaded again on every open: the programme may have changed meanwhile.
      entry: assign({ rules: null }),
      on: { open: 'setup' },
    },
    setup: {
      on: {
        close: 'closed',
        edit: { actions: assign(({ event }) => ({ setup: event.setup, errors: {} })) },
        preset: {
          actions: assign(({ event, context }) => {
            const preset = simulationPresets.find((p) => p.key === event.key);
            return preset ? { setup: preset.build(todayUtc()), errors: {} } : { setup: context.setup };
          }),
        },
        run: [
          { guard: 'setupHasProblems', actions: 'showSetupProblems' },
          { target: 'result', actions: 'runSimulation' },
        ],
      },
    },
    result: {
      on: {
        close: 'closed',
        back: 'setup',
        // The canvas may have changed since: run the same member again on the current draft.
        run: { target: 'result', reenter: true, actions: 'runSimulation' },
        next: {
          actions: assign(({ context }) => ({
            step: Math.min(context.step + 1, Math.max(0, (context.result?.trace.length ?? 1) - 1)),
          })),
        },
        previous: { actions: assign(({ context }) => ({ step: Math.max(0, context.step - 1) })) },
        goto: {
          actions: assign(({ context, event }) => ({
            step: Math.max(0, Math.min(event.step, (context.result?.trace.length ?? 1) - 1)),
          })),
        },
      },
    },
  },
});
