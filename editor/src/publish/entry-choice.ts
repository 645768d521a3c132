import type { EntryChoice, EntryEstimate } from '@memberflow/shared/api/workflows';
import type { WorkflowDefinition } from '@memberflow/shared/definition';
import { asksWhoEnters, entryModeOf, type EntryMode } from '@memberflow/shared/entry-mode';
import { ApiRequestError } from '../api/http.ts';
import type { Translate } from '../i18n/i18n.ts';

/** Where the estimate is: the draft still saving, being counted, failed (in words), or counted. */
export type EstimateState =
  | { status: 'saving' }
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; estimate: EntryEstimate };

export const entryChoices = ['qualified_now', 'from_now'] as const satisfies readonly EntryChoice[];

/** Time and segment triggers need an answer to "who enters" before going live; event triggers never ask. */
export function canGoLive(mode: EntryMode | null, choice: EntryChoice | null): boolean {
  return !asksWhoEnters(mode) || choice !== null;
}

/** What to send: the choice for time and segment triggers, nothing for event triggers (the server ignores it). */
export function entryToSend(mode: EntryMode | null, choice: EntryChoice | null): EntryChoice | undefined {
  return asksWhoEnters(mode) && choice ? choice : undefined;
}

/** The event an event-triggered draft waits for ("purchase"), or null for other triggers. */
export function triggerEventType(definition: WorkflowDefinition): string | null {
  const entry = entryModeOf(definition);
  if (entry?.mode !== 'event') return null;
  const config = definition.nodes.find((n) => n.kind === entry.trigger)?.config as { eventType?: unknown } | undefined;
  return typeof config?.eventType === 'string' && config.eventType ? config.eventType : null;
}

/** "Members who already qualify enter now (2,357)", or "(counting…)" until the estimate is in. */
export function choiceLabel(t: Translate, choice: EntryChoice, state: EstimateState, locale?: string): string {
  if (choice === 'from_now') return t('entry.choice.from_now');
  const count = state.status === 'ready' ? state.estimate.qualifyingNow.toLocaleString(locale) : t('entry.counting');
  return t('entry.choice.qualified_now', { count });
}

/**
 * An API failure in the reader's language: the framing is translated, the server's own words
 * (English) follow in brackets where they add something the reader needs.
 */
export function localizedError(t: Translate, err: unknown): string {
  if (!(err instanceof ApiRequestError)) return t('entry.error.network');
  const detail = err.body?.error ?? `HTTP ${err.status}`;
  const fields = (err.body?.issues ?? []).map((i) => i.field);
  if (err.status === 401) return t('entry.error.session');
  if (err.status === 403) return t('entry.error.forbidden');
  if (err.status === 404) return t('entry.error.notFound');
  if (err.status === 400 && fields.includes('entry')) return t('entry.error.badChoice');
  if (err.status === 409 && fields.includes('version')) return t('entry.error.notLive');
  if (err.status === 409) return t('entry.error.conflict', { detail });
  if (err.status === 422) return t('entry.error.incomplete', { detail });
  if (err.status >= 400 && err.status < 500) return t('entry.error.invalid', { detail });
  return t('entry.error.other', { detail });
}
