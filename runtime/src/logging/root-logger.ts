import { logSettings } from '../config.ts';
import { createLogger, type Logger } from './create-logger.ts';

let root: Logger | null = null;

/** The process's logger; made from LOG_LEVEL / LOG_PRETTY on first use unless one was set. */
export function rootLogger(): Logger {
  root ??= createLogger(logSettings(process.env));
  return root;
}

/** Replaces the process's logger (main.ts with its config; tests with one writing to a capture). */
export function setRootLogger(logger: Logger): void {
  root = logger;
}

/**
 * A child of the root logger for one part of the runtime (`component` in every line). Taken at
 * the time of logging, not at import, so a logger set later (a test's capture) is the one used.
 */
export function logger(component: string, bindings: Record<string, unknown> = {}): Logger {
  return rootLogger().child({ component, ...bindings });
}
