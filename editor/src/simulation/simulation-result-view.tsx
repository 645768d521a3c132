import type { SimulationResult } from '@memberflow/shared/simulate';
import { useEffect, useRef } from 'react';
import { kindIcons } from '../canvas/kind-icons.ts';
import { ChevronLeftIcon, ChevronRightIcon } from '../ui/icons.tsx';
import { useT } from '../i18n/i18n.ts';
import { formatInZone, zoneOffset } from '../monitoring/zone-time.ts';
import { formatUtc } from './simulation-setup.ts';
import { useReactFlow } from '@xyflow/react';
import type { FlowEdge, FlowNode } from '../flow/flow-types.ts';
import { localSummary } from '../flow/node-text.ts';
import { noteText, type NodeOf } from './note-text.ts';

/** The member's wall-clock time, which quiet hours, birthdays and "wait until 10:00" are judged by. */
function MemberTime({ at, timeZone }: { at: number; timeZone: string }) {
  if (timeZone === 'UTC') return null;
  const iso = new Date(at).toISOString();
  return (
    <time className="sim-trace__zone" title={`${timeZone} (${zoneOffset(iso, timeZone)})`} data-testid="sim-member-time">
      {formatInZone(iso, timeZone).slice(0, 16)} {timeZone}
    </time>
  );
}

interface SimulationResultViewProps {
  result: SimulationResult;
  step: number;
  nodeLabel: (id: string) => string;
  /** The simulated member's zone, shown beside each UTC time. */
  timeZone: string;
  onGoto: (step: number) => void;
  onNext: () => void;
  onPrevious: () => void;
}

export function SimulationResultView({ result, step, nodeLabel, timeZone, onGoto, onNext, onPrevious }: SimulationResultViewProps) {
  const t = useT();
  const flow = useReactFlow<FlowNode, FlowEdge>();
  const nodeOf: NodeOf = (id) => flow.getNode(id)?.data;
  const effectSummary = (nodeId: string, english: string) => {
    const node = nodeOf(nodeId);
    return node ? localSummary(node.kind, node.config, english, t) : english;
  };
  const current = useRef<HTMLLIElement>(null);
  useEffect(() => {
    current.current?.scrollIntoView({ block: 'nearest' });
  }, [step]);

  if (!result.ok) {
    return (
      <div className="sim-section">
        <p className="banner banner--error">
          {t('simulation.fixFirst', { count: result.violations.length })}
        </p>
      </div>
    );
  }
  return (
    <>
      <section className="sim-section">
        <div className={`sim-outcome sim-outcome--${result.outcome}`} data-testid="sim-outcome">
          <strong>{t(`simulation.outcome.${result.outcome}`)}</strong>
          <span>
            {t('simulation.counts', { entries: result.entries, effects: result.effects.length })}
          </span>
        </div>
      </section>

      <section className="sim-section">
        <div className="sim-stepper">
          <h3 className="sim-section__title">{t('simulation.trace')}</h3>
          <span className="sim-stepper__pos" data-testid="sim-step">
            {t('simulation.stepOf', { step: Math.min(step + 1, result.trace.length), count: result.trace.length })}
          </span>
          <button
            type="button"
            className="btn btn--ghost sim-stepper__btn"
            onClick={onPrevious}
            disabled={step === 0}
            aria-label={t('simulation.previous')}
            data-testid="sim-previous"
          >
            <ChevronLeftIcon size={15} />
          </button>
          <button
            type="button"
            className="btn btn--ghost sim-stepper__btn"
            onClick={onNext}
            disabled={step >= result.trace.length - 1}
            aria-label={t('simulation.next')}
            data-testid="sim-next"
          >
            <ChevronRightIcon size={15} />
          </button>
        </div>
        {result.trace.length === 0 && (
          <p className="field__hint" data-testid="sim-empty">
            {t('simulation.nothing')}
          </p>
        )}
        <ol className="sim-trace">
          {result.trace.map((entry, i) => (
            <li
              key={i}
              ref={i === step ? current : undefined}
              className={i === step ? 'sim-trace__item sim-trace__item--current' : 'sim-trace__item'}
            >
              <button
                type="button"
                className="sim-trace__button"
                onClick={() => onGoto(i)}
                data-testid="sim-trace-entry"
                aria-current={i === step ? 'step' : undefined}
              >
                <span className="sim-trace__meta">
                  <span className={`sim-tag sim-tag--${entry.kind}`}>{t(`simulation.kind.${entry.kind}`)}</span>
                  <time>{formatUtc(entry.at)}</time>
                  <MemberTime at={entry.at} timeZone={timeZone} />
                  {entry.nodeId && <span className="sim-trace__node">{nodeLabel(entry.nodeId)}</span>}
                </span>
                <span className="sim-trace__reason">{noteText(entry, nodeOf, t)}</span>
              </button>
            </li>
          ))}
        </ol>
      </section>

      <section className="sim-section">
        <h3 className="sim-section__title">{t('simulation.effects')}</h3>
        {result.effects.length === 0 && <p className="field__hint">{t('simulation.noEffects')}</p>}
        <ul className="sim-effects">
          {result.effects.map((e, i) => {
            const Icon = kindIcons[e.kind];
            return (
              <li key={i} className={`sim-effect${e.skipped ? ' sim-effect--skipped' : ''}`} data-testid="sim-effect">
                <div className="sim-effect__head">
                  <Icon size={14} />
                  <strong>{nodeLabel(e.nodeId)}</strong>
                  <span className="muted">{t(`kinds.${e.kind}.title`)}</span>
                  <time className="sim-effect__time">{formatUtc(e.at)}</time>
                  <MemberTime at={e.at} timeZone={timeZone} />
                </div>
                <div className="sim-effect__summary">{effectSummary(e.nodeId, e.summary)}</div>
                {e.preview && <div className="sim-effect__preview">{e.preview}</div>}
                {e.heldUntil !== undefined && (
                  <div className="sim-effect__note">{t('simulation.held', { time: formatUtc(e.heldUntil) })}</div>
                )}
                {e.skipped && <div className="sim-effect__note">{t('simulation.skipped', { reason: e.skipped })}</div>}
              </li>
            );
          })}
        </ul>
      </section>
    </>
  );
}
