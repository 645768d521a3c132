import type { Queue } from 'bullmq';
import { IdempotencyConflict, ingestEvents } from '../engine/ingest.ts';
import type { EngineDeps } from '../engine/member-lane.ts';
import type { LaneJob } from '../engine/step-queue.ts';
import { logger } from '../logging/root-logger.ts';
import type { ProviderKind } from './send-outcome.ts';

/** What a provider said about one message it took: delivered, or failed with its code. */
export interface Receipt {
  provider: ProviderKind;
  messageId: string;
  delivered: boolean;
  /** The provider's code for a failure (err_code, errmsg, ErrorCode, WeChat's status). */
  code: string;
}

export interface ReceiptTally {
  matched: number;
  /** No message of ours carries this id (another system's message, or one pruned): logged, answered 2xx. */
  unknown: number;
  /** message_delivered events stored now (a receipt sent again adds none). */
  raised: number;
}

interface Matched {
  id: string;
  member_id: string;
  workflow_id: string;
  node_id: string;
  channel: string | null;
}

/** `delivered`, or `failed:<code>` as the effect's delivery_status keeps it. */
export const deliveryStatus = (r: Receipt) => (r.delivered ? 'delivered' : `failed:${r.code || 'unknown'}`.slice(0, 200));

/**
 * Records receipts on the effects that sent the messages (matched by provider and the provider's
 * message id) and raises `message_delivered` for each delivered one, through the same path as
 * ingested events so workflows can trigger on it or wait for it. The event's idempotency key is
 * provider + message id + status, so a receipt pushed twice (providers retry) counts once.
 */
export async function recordReceipts(engine: EngineDeps, queue: Queue<LaneJob>, receipts: Receipt[]): Promise<ReceiptTally> {
  const tally: ReceiptTally = { matched: 0, unknown: 0, raised: 0 };
  const log = logger('receipts');
  for (const r of receipts) {
    const status = deliveryStatus(r);
    const { rows } = await engine.db.pool.query<Matched>(
      `UPDATE effect SET delivery_status = $3 WHERE provider = $1 AND provider_message_id = $2
       RETURNING id, member_id, workflow_id, node_id, payload->>'channel' AS channel`,
      [r.provider, r.messageId, status],
    );
    if (rows.length === 0) {
      tally.unknown++;
      log.warn(
        { provider: r.provider, messageId: r.messageId.slice(0, 80), status },
        'delivery receipt for a message we did not send',
      );
      continue;
    }
    tally.matched += rows.length;
    if (!r.delivered) continue;
    tally.raised += await raiseOnce(engine, queue, r, rows);
  }
  return tally;
}

async function raiseOnce(engine: EngineDeps, queue: Queue<LaneJob>, r: Receipt, rows: Matched[]): Promise<number> {
  // Properties come from the effect only, so the same receipt again is the same event (a duplicate, not a conflict).
  const events = rows.map((fx) => ({
    type: 'message_delivered',
    memberId: fx.member_id,
    idempotencyKey: `receipt:${r.provider}:${r.messageId}:delivered:${fx.id}`.slice(0, 200),
    properties: {
      provider: r.provider,
      messageId: r.messageId,
      channel: fx.channel,
      effectId: fx.id,
      workflowId: fx.workflow_id,
      nodeId: fx.node_id,
    },
  }));
  try {
    return (await ingestEvents(engine, queue, events)).accepted;
  } catch (e) {
    if (e instanceof IdempotencyConflict) return 0;
    throw e;
  }
}
