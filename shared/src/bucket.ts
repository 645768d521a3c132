/**
 * A stable number in [0, 100) for a seed and a salt (FNV-1a). Random splits and holdouts use
 * it so the same member lands in the same branch in the runtime, the simulator and replays.
 */
export function bucketOf(seed: string, salt: string): number {
  let h = 0x811c9dc5;
  const s = `${seed}:${salt}`;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return (h / 0x100000000) * 100;
}
