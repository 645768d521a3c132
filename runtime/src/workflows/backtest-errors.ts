import type { Violation } from '@memberflow/shared/violations';

export type BacktestErrorKind = 'not_found' | 'invalid_draft' | 'no_events' | 'finished';

/** Why a backtest cannot be started, found or cancelled; the HTTP layer maps the kind to a status. */
export class BacktestError extends Error {
  constructor(
    readonly kind: BacktestErrorKind,
    message: string,
    readonly violations?: Violation[],
  ) {
    super(message);
    this.name = 'BacktestError';
  }
}
