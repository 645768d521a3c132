import type { ActionKind } from '@memberflow/shared/node-kind';
import { noPreview, payloadText } from '@memberflow/shared/node-module';

type EffectText = (payload: Record<string, unknown>) => string | undefined;

/**
 * The text a member received from an effect, shown under it in the member's effects (a
 * message as this member reads it, or would have when skipped). One per action kind, so a new
 * action kind fails typecheck here until it says whether it has one. A webhook's body is for
 * a machine and a coupon's code is in its summary: neither is shown.
 */
export const effectTexts = {
  issue_coupon: noPreview,
  send_message: payloadText('body'),
  adjust_points: noPreview,
  set_tier: noPreview,
  update_tags: noPreview,
  update_attribute: noPreview,
  create_task: noPreview,
  call_webhook: noPreview,
  enroll_workflow: noPreview,
} satisfies Record<ActionKind, EffectText>;

/** The member-facing text of a stored effect, if its kind has one (an unknown kind has none). */
export function effectText(kind: string, payload: Record<string, unknown>): string | undefined {
  return (effectTexts as Record<string, EffectText>)[kind]?.(payload);
}
