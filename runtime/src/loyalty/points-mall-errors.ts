/**
 * Why a redemption or refund was refused, with the field the caller should look at. The HTTP
 * layer turns `MallRefused` into a 409 naming that field, `MallNotFound` into a 404.
 */
export class MallRefused extends Error {
  constructor(
    readonly field: 'points' | 'stock' | 'perMemberLimit' | 'item' | 'couponTemplate' | 'idempotencyKey' | 'coupon' | 'memberId',
    message: string,
  ) {
    super(message);
  }
}

export class MallNotFound extends Error {}

/** A reward names a coupon template that does not exist. */
export class MallBadReference extends Error {}

/** The request asks for something the reward does not allow (e.g. deduction points off its steps): a 400 naming the field. */
export class MallInvalid extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}
