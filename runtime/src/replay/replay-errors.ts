import type { Violation } from '@memberflow/shared/violations';
import { violationText } from './violation-text.ts';

/** The definition to replay has violations; the message names the node and field of the first. */
export class InvalidReplayDefinition extends Error {
  constructor(
    readonly violations: Violation[],
    input: unknown,
  ) {
    super(`The workflow is not valid: ${violationText(violations[0]!, input)}`);
    this.name = 'InvalidReplayDefinition';
  }
}

/** The replay was stopped on request (its throwaway schema is dropped all the same). */
export class ReplayCancelled extends Error {
  constructor() {
    super('The replay was cancelled');
    this.name = 'ReplayCancelled';
  }
}

/** Nothing to replay in the chosen period. */
export class NoReplayEvents extends Error {
  constructor(message = 'no events in the chosen period') {
    super(message);
    this.name = 'NoReplayEvents';
  }
}
