import { describe, expect, it } from 'vitest';
import { defaultSettings, SCHEMA_VERSION, WorkflowDefinition } from '../src/definition.ts';
import { compileJourney, startJourney } from '../src/journey-machine.ts';
import { emptyMember } from '../src/member-facts.ts';
import { NodeKind } from '../src/node-kind.ts';
import type { NodeVersions, VersionedNodeModule } from '../src/node-module.ts';
import { latestVersion, nodeModule, nodeRegistry, UnknownNodeVersion } from '../src/node-registry.ts';
import { pinNodeVersions, pinnedModule, UnknownJourneyNode } from '../src/pinned-module.ts';

// Joined at 00:30 on 10 March in Shanghai, which is still 9 March in UTC.
const member = { ...emptyMember('m1', 'Asia/Shanghai'), joinedAt: Date.parse('2024-03-09T16:30:00Z') };
const after = Date.parse('2025-01-01T00:00:00Z');
const MEMBER_DAY = Date.parse('2025-03-10T01:00:00Z'); // 09:00 in Shanghai on 10 March
const UTC_DAY = Date.parse('2025-03-09T01:00:00Z'); // 09:00 in Shanghai on 9 March

/** An anniversary workflow as stored; `typeVersion` on its nodes as given (absent: published before pinning). */
function anniversaryWorkflow(typeVersion?: number): WorkflowDefinition {
  const pin = typeVersion === undefined ? {} : { typeVersion };
  return {
    schemaVersion: SCHEMA_VERSION,
    settings: defaultSettings(),
    nodes: [
      { id: 'anniv', kind: 'date_trigger', label: '', position: { x: 0, y: 0 }, config: { attribute: 'anniversary', offsetDays: 0, time: '09:00' }, ...pin },
      { id: 'done', kind: 'exit', label: '', position: { x: 0, y: 0 }, config: { reason: 'greeted' }, ...pin },
    ],
    edges: [{ id: 'e1', source: 'anniv', sourceHandle: 'next', target: 'done' }],
  };
}

/** The date trigger's module at a version, as the time trigger it is. */
function timeTrigger(m: VersionedNodeModule) {
  if (m.group !== 'trigger' || m.fires !== 'time') throw new Error(`${m.kind} is not a time trigger`);
  return m;
}

const fireOf = (def: WorkflowDefinition, options?: Parameters<typeof compileJourney>[2]) => {
  const c = compileJourney(def, 'journey', options);
  const mod = timeTrigger(pinnedModule(c, 'anniv'));
  return { version: mod.version, at: mod.nextFireAt(c.nodes.get('anniv')!.config, { after, member }) };
};

describe('node versions', () => {
  it('date_trigger is at version 2; every other kind starts at 1', () => {
    for (const k of NodeKind.options) expect(latestVersion(k), k).toBe(k === 'date_trigger' ? 2 : 1);
  });

  it('a definition published before pinning (no typeVersion) compiles and behaves as version 1', () => {
    const c = compileJourney(anniversaryWorkflow());
    expect([...c.nodeVersions]).toEqual([
      ['anniv', 1],
      ['done', 1],
    ]);
    expect(fireOf(anniversaryWorkflow())).toEqual({ version: 1, at: UTC_DAY });
    expect(startJourney(c, { type: 'trigger_due', at: UTC_DAY, properties: {} }, 's')).toMatchObject({ outcome: 'completed', path: ['anniv', 'done'] });
  });

  it('a version published at v1 keeps v1 now that the latest is v2; publishing again pins v2', () => {
    const old = anniversaryWorkflow(1);
    expect(fireOf(old)).toEqual({ version: 1, at: UTC_DAY });
    const republished = pinNodeVersions(old);
    expect(republished.nodes.map((n) => n.typeVersion)).toEqual([2, 1]);
    expect(fireOf(republished)).toEqual({ version: 2, at: MEMBER_DAY });
    // The latest module is what `nodeModule(kind)` has always returned.
    expect(timeTrigger(nodeModule('date_trigger')).nextFireAt(old.nodes[0]!.config, { after, member })).toBe(MEMBER_DAY);
  });

  it('drafts compile with the latest versions, whatever they carry', () => {
    expect(fireOf(anniversaryWorkflow(), { versions: 'latest' })).toEqual({ version: 2, at: MEMBER_DAY });
    expect(fireOf(anniversaryWorkflow(1), { versions: 'latest' })).toEqual({ version: 2, at: MEMBER_DAY });
  });

  it('versions differ only in the behaviour they override', () => {
    const [v1, v2] = [timeTrigger(nodeModule('date_trigger', 1)), timeTrigger(nodeModule('date_trigger', 2))];
    expect(v1.nextFireAt).not.toBe(v2.nextFireAt);
    for (const k of ['kind', 'group', 'config', 'compile', 'outputs', 'summary', 'fires', 'audience'] as const) expect(v1[k], k).toBe(v2[k]);
    expect(nodeModule('date_trigger', 1)).toBe(v1); // resolved once and kept
    // Birthdays are calendar dates already: both versions agree on them.
    const birthday = { attribute: 'birthday', offsetDays: 0, time: '09:00' };
    const withBirthday = { ...member, birthday: '1990-03-10' };
    expect(v1.nextFireAt(birthday, { after, member: withBirthday })).toBe(v2.nextFireAt(birthday, { after, member: withBirthday }));
  });

  it('every version of every kind resolves, and history only names versions below the latest', () => {
    for (const k of NodeKind.options) {
      const entry = nodeRegistry[k] as unknown as NodeVersions;
      for (const v of Object.keys(entry.previous).map(Number)) expect(v >= 1 && v < entry.latest, `${k} previous[${v}]`).toBe(true);
      for (let v = 1; v <= entry.latest; v++) expect(nodeModule(k, v)).toMatchObject({ kind: k, version: v });
    }
  });

  it('an unknown version is a domain error naming the kind and the versions that exist', () => {
    expect(() => nodeModule('date_trigger', 3)).toThrow(new UnknownNodeVersion('date_trigger', 3, 2));
    expect(() => nodeModule('exit', 0)).toThrow('Node kind "exit" has no version 0; versions 1 to 1 exist');
    expect(() => compileJourney(anniversaryWorkflow(7))).toThrow(UnknownNodeVersion);
    expect(() => pinnedModule(compileJourney(anniversaryWorkflow()), 'nope')).toThrow(UnknownJourneyNode);
  });
});

describe('typeVersion in the definition schema', () => {
  it('round-trips through parse and JSON, and stays absent when absent', () => {
    const pinned = WorkflowDefinition.parse(JSON.parse(JSON.stringify(anniversaryWorkflow(1))));
    expect(pinned.nodes.map((n) => n.typeVersion)).toEqual([1, 1]);
    expect(WorkflowDefinition.parse(JSON.parse(JSON.stringify(pinned)))).toEqual(pinned);
    const draft = WorkflowDefinition.parse(anniversaryWorkflow());
    expect(draft.nodes.every((n) => !('typeVersion' in n))).toBe(true);
  });

  it('must be a whole number from 1', () => {
    const bad = (typeVersion: unknown) => {
      const def = anniversaryWorkflow();
      Object.assign(def.nodes[0]!, { typeVersion });
      return WorkflowDefinition.safeParse(def).error?.issues.map((i) => [i.path.join('.'), i.message]);
    };
    expect(bad(0)).toEqual([['nodes.0.typeVersion', 'must be at least 1']]);
    expect(bad(1.5)).toEqual([['nodes.0.typeVersion', 'must be a whole number']]);
    expect(bad('2')?.[0]?.[0]).toBe('nodes.0.typeVersion');
  });
});
