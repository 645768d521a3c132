/**
 * A purchase's amount as numeric, 0 when missing or not a number: the same reading as the lane
 * (`Number(amount) || 0`) for the values events carry, without failing a whole report on one
 * bad row.
 */
export const PURCHASE_AMOUNT_SQL = `CASE WHEN jsonb_typeof(properties->'amount') = 'number' THEN (properties->>'amount')::numeric
  WHEN properties->>'amount' ~ '^\\s*-?[0-9]+(\\.[0-9]+)?\\s*$' THEN trim(properties->>'amount')::numeric ELSE 0 END`;

/** Applied purchases: the ones member totals and conditions already count. */
export const APPLIED_PURCHASE_SQL = `type = 'purchase' AND processed_at IS NOT NULL`;
