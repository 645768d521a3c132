import type { DurationUnit } from '@memberflow/shared/duration';
import type { NodeKind } from '@memberflow/shared/node-kind';
import type { TraceEntry } from '@memberflow/shared/simulate';
import { enMessages, type MessageKey } from '../i18n/en.ts';
import type { Translate } from '../i18n/i18n.ts';
import { durationText, localOutputLabel, localSummary } from '../flow/node-text.ts';
import { formatUtc } from './simulation-setup.ts';

export type NodeOf = (id: string) => { kind: NodeKind; config: Record<string, unknown> } | undefined;

type Vars = Record<string, string | number>;

/** The output a step left by, named as the canvas names it. */
function branchName(vars: Vars, nodeOf: NodeOf, t: Translate): string {
  const node = nodeOf(String(vars.nodeId ?? ''));
  if (!node || !vars.handle) return String(vars.branch ?? '');
  return localOutputLabel(node.kind, node.config, { id: String(vars.handle), label: String(vars.branch ?? vars.handle) }, t);
}

function partText(key: string, vars: Vars, entry: TraceEntry, nodeOf: NodeOf, t: Translate): string {
  const msg = `note.${key}`;
  if (!(msg in enMessages)) return '';
  const branch = vars.handle !== undefined ? branchName(vars, nodeOf, t) : '';
  const took = branch ? t('note.took', { branch }) : '';
  const node = entry.nodeId ? nodeOf(entry.nodeId) : undefined;
  const extra: Vars = {
    took,
    branch,
    duration: vars.unit ? durationText({ amount: Number(vars.amount), unit: vars.unit as DurationUnit }, t) : '',
    until: typeof vars.until === 'number' ? formatUtc(vars.until) : '',
    outcome: vars.outcome ? t(`trace.status.${vars.outcome}` as MessageKey) : '',
    summary: node ? localSummary(node.kind, node.config, entry.reason, t) : entry.reason,
    per: vars.per ? t(`sum.per.${vars.per}` as MessageKey) : '',
  };
  return t(msg as MessageKey, { ...vars, ...extra });
}

/** A trace entry's reason in the user's language from its parts; the runner's English when it has none. */
export function noteText(entry: TraceEntry, nodeOf: NodeOf, t: Translate): string {
  if (!entry.parts?.length) return entry.reason;
  const texts = entry.parts.map((p) => partText(p.key, p.vars, entry, nodeOf, t));
  return texts.every(Boolean) ? texts.join(t('note.separator')) : entry.reason;
}
