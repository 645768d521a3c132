import { describe, expect, it } from 'vitest';
import { NodeKind } from '../src/node-kind.ts';
import { nodeModule, nodeRegistry } from '../src/node-registry.ts';
import { RandomSplitConfig, splitRanges } from '../src/nodes/random-split.ts';
import { MultiSplitConfig } from '../src/nodes/multi-split.ts';
import { SendMessageConfig } from '../src/nodes/send-message.ts';
import { ScheduleTriggerConfig } from '../src/nodes/schedule-trigger.ts';
import { renderTemplate, templateVariables } from '../src/template.ts';

describe('node registry', () => {
  it('holds one module per kind, keyed by its own kind', () => {
    expect(Object.keys(nodeRegistry).sort()).toEqual([...NodeKind.options].sort());
    for (const k of NodeKind.options) expect(nodeModule(k).kind).toBe(k);
  });

  it('every default config is valid for its kind, except choices the marketer must make', () => {
    const invalid = NodeKind.options.filter((k) => !nodeModule(k).config.safeParse(nodeModule(k).defaults()).success);
    expect(invalid).toEqual(['enroll_workflow']);
  });

  it('groups: triggers have a trigger type, waits on time have wakeAt, logic can explain itself', () => {
    for (const k of NodeKind.options) {
      const m = nodeModule(k);
      if (m.group === 'trigger') expect(['event', 'time', 'segment'], k).toContain(m.fires);
      if (m.group === 'logic') expect(m.decide, k).toBeDefined();
      if (m.group === 'wait') expect(m.wakeAt, k).toBeDefined();
      if (m.group === 'end') expect(m.outputs(m.defaults())).toEqual([]);
      expect(m.summary(m.defaults()).length, k).toBeGreaterThan(0);
      expect(m.description.length, k).toBeGreaterThan(20);
    }
  });
});

describe('node configs', () => {
  it('random split percentages must add up to 100', () => {
    const r = RandomSplitConfig.safeParse({ branches: [{ id: 'a', label: 'A', percent: 60 }, { id: 'b', label: 'B', percent: 30 }] });
    expect(r.error!.issues[0]).toMatchObject({ path: ['branches'], message: 'percentages must add up to 100 (now 90)' });
    expect(splitRanges(RandomSplitConfig.parse({ branches: [{ id: 'a', label: 'A', percent: 10 }, { id: 'b', label: 'B', percent: 45 }, { id: 'c', label: 'C', percent: 45 }] }))).toEqual([
      { id: 'a', from: 0, to: 10 },
      { id: 'b', from: 10, to: 55 },
      { id: 'c', from: 55, to: 100 },
    ]);
  });
  it('multi-split branch ids are unique and "else" is reserved', () => {
    const c = { type: 'group', combinator: 'and', rules: [] };
    const r = MultiSplitConfig.safeParse({ branches: [{ id: 'x', label: 'X', condition: c }, { id: 'x', label: 'Y', condition: c }, { id: 'else', label: 'E', condition: c }] });
    expect(r.error!.issues.map((i) => i.path.join('.'))).toEqual(['branches.1.id', 'branches.2.id']);
  });
  it('schedules check their cron', () => {
    const r = ScheduleTriggerConfig.safeParse({ frequency: 'cron', time: '10:00', cron: '0 25 * * *', audience: { type: 'group', combinator: 'and', rules: [] } });
    expect(r.error!.issues[0]).toMatchObject({ path: ['cron'], message: 'cron hour "25" is out of range 0-23' });
  });
  it('messages flag unknown variables', () => {
    const r = SendMessageConfig.safeParse({ channel: 'sms', body: 'Hi {{memebr.name}}' });
    expect(r.error!.issues[0]!.message).toContain('unknown variable {{memebr.name}}');
  });
});

describe('templates', () => {
  it('fill variables and never execute anything', () => {
    const vars = { member: { name: 'Li Lei', points: 300 }, coupon: { code: 'X-1' } };
    expect(renderTemplate('Hi {{ member.name }}, {{coupon.code}}; {{member.missing}}!', vars)).toBe('Hi Li Lei, X-1; !');
    expect(renderTemplate('{{constructor.constructor}}{{__proto__}}{{member.name.constructor}}', vars)).toBe('');
    expect(renderTemplate('{{ member.name + 1 }} ${1+1} <%= 7 %>', vars)).toBe('{{ member.name + 1 }} ${1+1} <%= 7 %>');
    expect(templateVariables('{{a.b}} {{a.b}} {{c}}')).toEqual(['a.b', 'c']);
  });
});
