import { describe, expect, it } from 'vitest';
import { badgeValue, flowLine, nodeCounts } from './node-live-stats.ts';

const stats = {
  version: 1,
  journeys: { active: 0, waiting: 1, completed: 0, converted: 0, exited: 0, failed: 0 },
  nodes: { wait: { current: 1, entered: 3, passed: 1, completed: 0, converted: 1, exited: 0, failed: 0 } },
};

describe('node live stats', () => {
  it('fills a node nobody reached with zeros', () => {
    expect(nodeCounts(stats, 'other')).toEqual({ current: 0, entered: 0, passed: 0, completed: 0, converted: 0, exited: 0, failed: 0 });
    expect(nodeCounts(null, 'wait').current).toBe(0);
  });

  it('shows members there now, but entries on a trigger', () => {
    const c = nodeCounts(stats, 'wait');
    expect(badgeValue(c, false)).toBe(1);
    expect(badgeValue(c, true)).toBe(3);
  });

  it('lists the flow in a fixed order only once someone entered', () => {
    expect(flowLine(nodeCounts(stats, 'other'))).toBeNull();
    expect(flowLine(nodeCounts(stats, 'wait'))).toEqual([
      { key: 'entered', value: 3 },
      { key: 'passed', value: 1 },
      { key: 'exited', value: 0 },
      { key: 'converted', value: 1 },
      { key: 'failed', value: 0 },
    ]);
  });
});
