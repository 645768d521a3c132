/** The card size used before React Flow has measured a node (placing and centring new steps). */
export const NODE_WIDTH = 232;
export const NODE_HEIGHT = 100;
