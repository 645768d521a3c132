import { effectText } from '../nodes/effect-texts.ts';
import type { MemberEffect } from './monitoring-types.ts';
import { formatInZone, formatUtc } from './zone-time.ts';

/** Why an effect is in its state, from what the runtime stored with it. */
export function effectReason(e: MemberEffect, timeZone: string): string {
  const skipped = e.payload.skipped;
  if (e.status === 'skipped') return typeof skipped === 'string' ? `Skipped: ${skipped}` : 'Skipped';
  if (e.status === 'held') return e.notBefore ? `Held for quiet hours until ${formatInZone(e.notBefore, timeZone)} member time` : 'Held';
  if (e.status === 'failed') return `Failed after ${e.attempts} attempt(s): ${e.error ?? 'unknown error'}`;
  if (e.status === 'pending') return e.attempts ? `Retrying (attempt ${e.attempts}): ${e.error ?? ''}` : 'Queued';
  return e.doneAt ? `Done ${formatUtc(e.doneAt)} UTC` : 'Done';
}

/** The one detail that says what was sent: channel and template, coupon template, points… */
function what(e: MemberEffect): string {
  const p = e.payload;
  const bits = [p.channel, p.template, p.points !== undefined ? `${String(p.points)} points` : undefined, p.tier, p.title].filter((v) => typeof v === 'string' || typeof v === 'number');
  return bits.map(String).join(' · ');
}

export function MemberEffects({ effects, timeZone, workflowName }: { effects: MemberEffect[]; timeZone: string; workflowName: (id: string | null) => string }) {
  if (effects.length === 0) return <p className="muted panel-empty">No actions were taken for this member.</p>;
  return (
    <table className="mon-table" data-testid="member-effects">
      <thead>
        <tr>
          <th>UTC</th>
          <th>Action</th>
          <th>Workflow</th>
          <th>Status</th>
          <th>Why</th>
        </tr>
      </thead>
      <tbody>
        {effects.map((e) => (
          <tr key={e.key} data-testid="member-effect">
            <td className="mon-table__time">{formatUtc(e.at)}</td>
            <td>
              {e.kind}
              {what(e) && <div className="muted">{what(e)}</div>}
              {/* The message as this member reads it (or would have, when skipped). */}
              {effectText(e.kind, e.payload) !== undefined && (
                <div className="muted" data-testid="member-effect-text">
                  {effectText(e.kind, e.payload)}
                </div>
              )}
            </td>
            <td>{workflowName(e.workflowId)}</td>
            <td>
              <span className={`effect-status effect-status--${e.status}`}>{e.status}</span>
            </td>
            <td className="trace__reason">{effectReason(e, timeZone)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
