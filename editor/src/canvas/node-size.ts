/** The card size used before React Flow has measured a node (placing and centring new steps). */
export const NODE_WIDTH = 232;
export const NODE_HEIGHT = 100;

/** Width per output once a node has many: labels may wrap to two lines but never shrink below legible. */
const OUTPUT_WIDTH = 76;

/** Multi-way splits (up to 11 outputs) grow wider instead of squeezing their handles together. */
export function cardWidth(outputs: number): number {
  return Math.max(NODE_WIDTH, outputs * OUTPUT_WIDTH);
}
