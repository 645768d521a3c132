/**
 * A delivery that should have gone out by now: pending for longer than the threshold ($1, in ms)
 * since it was created, or since quiet hours released it. Health counts them; failures list them.
 */
export const STUCK_EFFECT_SQL = `status = 'pending' AND greatest(created_at, coalesce(not_before, created_at)) <= now() - make_interval(secs => $1::float8 / 1000)`;
