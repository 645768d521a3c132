import type { EntryChoice } from '@memberflow/shared/api/workflows';
import { asksWhoEnters, type EntryMode } from '@memberflow/shared/entry-mode';
import { useLocale, useT } from '../i18n/i18n.ts';
import { ChoiceCards } from '../ui/choice-cards.tsx';
import { choiceLabel, entryChoices, type EstimateState } from './entry-choice.ts';
import { standingText } from './standing-text.ts';
import '../styles/admin.css';
import '../styles/publish.css';

interface Props {
  /** From the definition (the draft) or, when the caller has none, from the estimate once it is in. */
  mode: EntryMode | null;
  state: EstimateState;
  choice: EntryChoice | null;
  onChoose: (choice: EntryChoice) => void;
  /** Event triggers: the event members enter on. */
  eventType?: string | null;
  /** Shown under the choice when the person tried to go on without one. */
  missingChoice?: boolean;
}

/**
 * "Who enters" for publish and resume: the estimate over current members in the member trace's
 * words and, for time and segment triggers, the required choice between entering now and from now on.
 */
export function EntryEstimateView({ mode, state, choice, onChoose, eventType, missingChoice }: Props) {
  const t = useT();
  const locale = useLocale();
  const n = (x: number) => x.toLocaleString(locale);
  const asks = asksWhoEnters(mode);
  return (
    <section className="entry-estimate" data-testid="entry-estimate">
      <h3>{t('entry.title')}</h3>
      {mode === 'event' && eventType && <p data-testid="entry-on-event">{t('entry.onEvent', { event: eventType })}</p>}
      {state.status === 'saving' && <p className="muted">{t('entry.saving')}</p>}
      {state.status === 'loading' && <p className="muted">{t('entry.loading')}</p>}
      {state.status === 'error' && (
        <div className="banner banner--error" role="alert" data-testid="entry-error">
          {t('entry.loadError', { error: state.message })}
        </div>
      )}
      {state.status === 'ready' && (
        <>
          {asks && (
            <p className="entry-estimate__figures">
              <strong data-testid="entry-qualifying">{t('entry.qualifying', { count: n(state.estimate.qualifyingNow) })}</strong>
              {state.estimate.upcoming > 0 && <span data-testid="entry-upcoming">{t('entry.upcoming', { count: n(state.estimate.upcoming) })}</span>}
            </p>
          )}
          {state.estimate.reasons.length > 0 && (
            <div className="entry-estimate__reasons">
              <p className="muted">{t('entry.lookedAt', { count: n(state.estimate.members) })}</p>
              <ul data-testid="entry-reasons">
                {state.estimate.reasons.map((r) => (
                  <li key={r.reason} data-testid="entry-reason">
                    <span className="entry-estimate__count">{n(r.count)}</span>
                    <span>{standingText(r.parts, r.reason, t, locale)}</span>
                  </li>
                ))}
              </ul>
            </div>
          )}
        </>
      )}
      {asks && (
        <ChoiceCards
          legend={t('entry.choiceLegend')}
          name="entry-choice"
          options={entryChoices}
          value={choice}
          onChange={onChoose}
          label={(c) => choiceLabel(t, c, state, locale)}
          description={(c) => t(`entry.choice.${c}.hint`)}
          testIdPrefix="entry-choice"
          error={missingChoice && choice === null ? t('entry.required') : null}
        />
      )}
    </section>
  );
}
