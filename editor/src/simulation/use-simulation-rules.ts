import { useEffect, useState } from 'react';
import { errorMessage } from '../api/http.ts';
import { loadSimulationRules, type SimulationRules } from '../api/loyalty-rules-api.ts';

export type SimulationRulesState =
  | { status: 'loading' }
  | { status: 'loaded' }
  /** The simulation runs with the defaults: no coupon templates, the default programme, no tiers, no saved segments. */
  | { status: 'failed'; reason: string };

/**
 * Loads the programme's coupon templates, tiers and segments when the simulation panel opens
 * (every open: they may have changed meanwhile) and hands them to the machine, so a run applies
 * the rules the engine applies. On failure the machine keeps the defaults and the state says why.
 */
export function useSimulationRules(
  send: (event: { type: 'rules'; rules: SimulationRules | null }) => void,
  load: (signal: AbortSignal) => Promise<SimulationRules> = loadSimulationRules,
): SimulationRulesState {
  const [state, setState] = useState<SimulationRulesState>({ status: 'loading' });
  useEffect(() => {
    const controller = new AbortController();
    load(controller.signal).then(
      (rules) => {
        if (controller.signal.aborted) return;
        send({ type: 'rules', rules });
        setState({ status: 'loaded' });
      },
      (err: unknown) => {
        if (controller.signal.aborted) return;
        send({ type: 'rules', rules: null });
        setState({ status: 'failed', reason: errorMessage(err) });
      },
    );
    return () => controller.abort();
  }, [send, load]);
  return state;
}
