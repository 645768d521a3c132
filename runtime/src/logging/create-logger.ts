import pino, { type DestinationStream, type Logger } from 'pino';
import pretty from 'pino-pretty';
import type { LogSettings } from '../config.ts';
import { CENSOR, REDACT_PATHS, scrubText, serializers } from './personal-data.ts';

export type { Logger } from 'pino';

export interface LoggerOptions extends LogSettings {
  /** Where lines go (default stdout); tests pass a stream that keeps them. */
  destination?: DestinationStream;
  /** Whether stdout is a terminal, for `pretty: null` (default: process.stdout.isTTY). */
  isTty?: boolean;
}

/**
 * The process's root logger: one JSON object per line (level as a word, ISO time) for
 * journald/Loki/ELK, or pino-pretty's coloured lines for a person at a terminal. Personal data
 * is censored by key and masked in free text (personal-data.ts).
 */
export function createLogger(opts: LoggerOptions): Logger {
  const isPretty = opts.pretty ?? opts.isTty ?? process.stdout.isTTY === true;
  const options: pino.LoggerOptions = {
    level: opts.level,
    base: { pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    redact: { paths: REDACT_PATHS, censor: CENSOR },
    serializers,
    hooks: {
      // Messages are written by us, but some carry a driver's or provider's text.
      logMethod(args, method) {
        method.apply(this, args.map((a) => (typeof a === 'string' ? scrubText(a) : a)) as Parameters<typeof method>);
      },
    },
  };
  if (!isPretty) return opts.destination ? pino(options, opts.destination) : pino(options);
  // Formatted in this thread (not a worker transport), so lines are written before the process exits.
  const format = pretty.prettyFactory({ colorize: !opts.destination && process.stdout.isTTY === true, translateTime: 'SYS:HH:MM:ss.l' });
  const out = opts.destination ?? process.stdout;
  return pino(options, { write: (line: string) => void out.write(format(line)) });
}
