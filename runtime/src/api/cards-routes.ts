import type Router from '@koa/router';
import { cardRoutes } from '@memberflow/shared/api/card-routes';
import { CardKindKey } from '@memberflow/shared/loyalty/cards';
import {
  archiveCardKind,
  CardConflict,
  CardNotFound,
  cardKindRows,
  generateCardNumbers,
  importCardNumbers,
  saveCardKind,
} from '../loyalty/cards-kinds.ts';
import { cancelCard, cardHolders, issueCard, memberCards, renewCard } from '../loyalty/cards-members.ts';
import { cardEventProps } from '../loyalty/cards-upkeep.ts';
import { actorOf, auditRequest } from '../monitoring/audit.ts';
import type { AppDeps } from './app-deps.ts';
import { HttpError, parseBody } from './http-error.ts';
import { mountRoute } from './mount-route.ts';
import { raiseEvent } from './raise-event.ts';

/** Card domain errors as HTTP: unknown member, kind or card 404; a refused change 409 naming the field. */
async function mapped<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    if (e instanceof CardNotFound) throw new HttpError(404, { error: e.message });
    if (e instanceof CardConflict)
      throw new HttpError(409, { error: e.message, issues: [{ field: e.field, message: e.message }] });
    throw e;
  }
}

/** Membership cards: kinds and their number pools (Cards page), members' cards, the shop's renewals. */
export function cardsRoutes(router: Router, deps: AppDeps): void {
  const { db, clock } = deps.engine;
  const kindRow = async (key: string) => (await cardKindRows(db.pool)).find((k) => k.key === key)!;

  mountRoute(router, cardRoutes.kinds, async () => ({ kinds: await cardKindRows(db.pool) }));
  mountRoute(router, cardRoutes.saveKind, ({ body, params, ctx }) =>
    mapped(async () => {
      const key = parseBody(CardKindKey, params.key, 'card kind key');
      await saveCardKind(db.pool, key, body, clock.now());
      await auditRequest(ctx, db.pool, 'card_kind.save', 'card_kind', key, { type: body.type });
      return kindRow(key);
    }),
  );
  mountRoute(router, cardRoutes.archiveKind, ({ params, ctx }) =>
    mapped(async () => {
      await archiveCardKind(db.pool, params.key!, clock.now());
      await auditRequest(ctx, db.pool, 'card_kind.archive', 'card_kind', params.key!, {});
      return { archived: true };
    }),
  );
  mountRoute(router, cardRoutes.generateNumbers, ({ body, params, ctx }) =>
    mapped(async () => {
      const batch = `batch-${new Date(clock.now()).toISOString()}`;
      const generated = await generateCardNumbers(db.pool, params.key!, body.count, batch);
      await auditRequest(ctx, db.pool, 'card_numbers.generate', 'card_kind', params.key!, { count: generated.length, batch });
      return { generated };
    }),
  );
  mountRoute(router, cardRoutes.importNumbers, ({ body, params, ctx }) =>
    mapped(async () => {
      const r = await importCardNumbers(db.pool, params.key!, body.numbers, `import-${new Date(clock.now()).toISOString()}`);
      await auditRequest(ctx, db.pool, 'card_numbers.import', 'card_kind', params.key!, {
        imported: r.imported,
        duplicates: r.duplicates.length,
      });
      return r;
    }),
  );
  mountRoute(router, cardRoutes.holders, ({ params, query }) =>
    mapped(async () => ({ cards: await cardHolders(db.pool, params.key!, query) })),
  );
  mountRoute(router, cardRoutes.memberCards, async ({ params }) => ({ cards: await memberCards(db.pool, params.id!) }));

  mountRoute(router, cardRoutes.issue, ({ body, params, ctx }) =>
    mapped(async () => {
      const at = clock.now();
      const r = await issueCard(db, params.id!, body, actorOf(ctx), at);
      if (r.issued) {
        await auditRequest(ctx, db.pool, 'card.issue', 'member_card', r.card.id, {
          memberId: params.id,
          kind: body.kind,
          number: r.card.number,
        });
        await raiseEvent(deps, params.id!, 'card_issued', cardEventProps(r.card), at);
      }
      return r;
    }),
  );
  mountRoute(router, cardRoutes.renew, ({ body, params }) =>
    mapped(async () => {
      const at = clock.now();
      const r = await renewCard(db, params.id!, params.card!, body, at);
      if (r.renewed)
        await raiseEvent(
          deps,
          params.id!,
          'card_renewed',
          cardEventProps(r.card, { paymentRef: body.paymentRef, term: r.card.term }),
          at,
        );
      return r;
    }),
  );
  mountRoute(router, cardRoutes.cancel, ({ body, params, ctx }) =>
    mapped(async () => {
      const at = clock.now();
      const card = await cancelCard(db, params.id!, params.card!, body.reason, at);
      await auditRequest(ctx, db.pool, 'card.cancel', 'member_card', card.id, { memberId: params.id, reason: body.reason });
      await raiseEvent(deps, params.id!, 'card_cancelled', cardEventProps(card, { reason: body.reason }), at);
      return card;
    }),
  );
}
