import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ConditionGroup,
  ConditionOp,
  describeCondition,
  evaluateCondition,
  MAX_GROUP_DEPTH,
  memberFields,
} from '../src/condition.ts';
import { matchesAll } from '../src/property-filter.ts';
import { WorkflowDefinition } from '../src/definition.ts';
import { compileJourney } from '../src/journey-machine.ts';
import { jsonInputIssues } from '../src/json-input.ts';
import { emptyMember, type MemberFacts } from '../src/member-facts.ts';
import { IngestEvent } from '../src/member-event.ts';
import { NodeKind } from '../src/node-kind.ts';
import { nonMemberFields, segmentInputs } from '../src/segment-condition.ts';
import { simulate, type TimelineEvent } from '../src/simulate.ts';
import { renderTemplate, templateVariables, unknownVariables } from '../src/template.ts';
import { workflowTemplates } from '../src/templates/catalog.ts';
import { validateWorkflow } from '../src/validate.ts';
import type { ViolationCode } from '../src/violations.ts';

/**
 * Random and malformed definitions, conditions and templates: only typed answers (violations,
 * zod errors, a false condition, an empty variable), never an exception, never a prototype.
 */

const DAY = 86_400_000;
const ConditionOpList = ConditionOp.options;
const T0 = Date.UTC(2026, 0, 5, 2);
const codes = new Set<ViolationCode>([
  'schema',
  'duplicate_id',
  'trigger_count',
  'config',
  'unknown_node',
  'unknown_handle',
  'handle_unconnected',
  'handle_multiple',
  'unreachable',
  'cycle_without_wait',
]);
const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).sort();

/** Nothing a run did may reach Object.prototype. */
function expectPrototypeUntouched() {
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeKeys);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
}

const trickyKey = fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', 'polluted');
const trickyText = fc.constantFrom(
  '',
  ' ',
  '💥',
  '会员',
  '\u202e',
  '\u0000',
  '\ud800',
  'x'.repeat(10_000),
  '{{member.name}}',
  '{{constructor.constructor}}',
  'a"b\\c',
  '__proto__',
  '-1',
  '1e309',
);
const trickyNumber = fc.constantFrom(
  0,
  -0,
  -1,
  0.5,
  1e308,
  -1e308,
  Number.MAX_SAFE_INTEGER + 2,
  5e-324,
  2 ** 31,
  NaN,
  Infinity,
  -Infinity,
);
const scalar = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  trickyText,
  trickyNumber,
);
const key = fc.oneof(fc.string({ maxLength: 8 }), trickyKey);
/**
 * JSON whose objects may shadow valueOf and toString with plain values, as JSON.parse allows.
 * A fresh object per draw: mutations write into generated values, and one shared instance
 * could end up holding itself (a circle JSON.stringify refuses).
 */
const unprintable = fc.constant(null).map(() => JSON.parse('{"valueOf": 1, "toString": 1}') as unknown);
const json: fc.Arbitrary<unknown> = fc.letrec<{ v: unknown }>((tie) => ({
  v: fc.oneof(
    { depthSize: 'small' },
    scalar,
    unprintable,
    fc.array(tie('v'), { maxLength: 4 }),
    fc.dictionary(key, tie('v'), { maxKeys: 4 }),
  ),
})).v;

/** Sets an own property, even "__proto__", as JSON.parse would. */
const put = (o: Record<string, unknown>, k: string, v: unknown) =>
  Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });

type Def = {
  schemaVersion: unknown;
  nodes: Record<string, unknown>[];
  edges: Record<string, unknown>[];
  settings: Record<string, unknown>;
};

const MUTATIONS = [
  'delete-node',
  'delete-edge',
  'dangling-edge',
  'retarget-edge',
  'rename-handle',
  'duplicate-node',
  'change-kind',
  'config-value',
  'config-key',
  'node-field',
  'settings-value',
  'tricky-key',
  'schema-version',
] as const;

interface Mutation {
  kind: (typeof MUTATIONS)[number];
  i: number;
  j: number;
  value: unknown;
  text: string;
  key: string;
  nodeKind: string;
}

const mutation: fc.Arbitrary<Mutation> = fc.record({
  kind: fc.constantFrom(...MUTATIONS),
  i: fc.nat(),
  j: fc.nat(),
  value: json,
  text: fc.oneof(fc.string({ maxLength: 8 }), trickyText),
  key: fc.oneof(key, fc.constantFrom('id', 'kind', 'label', 'position', 'config', 'source', 'target', 'sourceHandle')),
  nodeKind: fc.oneof(fc.constantFrom(...NodeKind.options), fc.constant('no_such_kind')),
});

function mutate(def: Def, m: Mutation) {
  const node = def.nodes.length ? def.nodes[m.i % def.nodes.length]! : undefined;
  const edge = def.edges.length ? def.edges[m.i % def.edges.length]! : undefined;
  const other = def.nodes.length ? def.nodes[m.j % def.nodes.length]! : undefined;
  switch (m.kind) {
    case 'delete-node':
      if (node) def.nodes.splice(def.nodes.indexOf(node), 1);
      break;
    case 'delete-edge':
      if (edge) def.edges.splice(def.edges.indexOf(edge), 1);
      break;
    case 'dangling-edge':
      def.edges.push({
        id: `dangle_${m.i}`,
        source: m.j % 2 ? 'ghost' : (node?.id ?? 'ghost'),
        sourceHandle: 'next',
        target: m.j % 2 ? (node?.id ?? 'ghost') : 'ghost',
      });
      break;
    case 'retarget-edge':
      if (edge && other) edge.target = other.id; // loops back, skips ahead, points at itself
      break;
    case 'rename-handle':
      if (edge) edge.sourceHandle = m.text;
      break;
    case 'duplicate-node':
      if (node) def.nodes.push(structuredClone(node));
      break;
    case 'change-kind':
      if (node) node.kind = m.nodeKind;
      break;
    case 'config-value': {
      const cfg = node?.config as Record<string, unknown> | undefined;
      const keys = cfg ? Object.keys(cfg) : [];
      if (cfg && keys.length) cfg[keys[m.j % keys.length]!] = m.value;
      break;
    }
    case 'config-key':
      if (node && node.config && typeof node.config === 'object') put(node.config as Record<string, unknown>, m.key, m.value);
      break;
    case 'node-field':
      if (node) put(node, m.key, m.value);
      break;
    case 'settings-value': {
      const keys = Object.keys(def.settings);
      if (keys.length) def.settings[keys[m.j % keys.length]!] = m.value;
      break;
    }
    case 'tricky-key':
      put(m.i % 2 ? def.settings : (node ?? def.settings), m.key, m.value);
      break;
    case 'schema-version':
      def.schemaVersion = m.value;
      break;
  }
}

const templates = workflowTemplates.map((t) => t.definition);

const mutated = (muts: fc.Arbitrary<Mutation[]>) =>
  fc.tuple(fc.nat(templates.length - 1), muts).map(([t, ms]) => {
    // Through JSON text like a request body, so "__proto__" keys arrive as own properties.
    const def = JSON.parse(JSON.stringify(templates[t]!)) as Def;
    for (const m of ms) mutate(def, m);
    return JSON.parse(JSON.stringify(def)) as unknown;
  });

/** Mutations that often leave a definition valid (extra and odd keys), so the compiler and simulator get them too. */
const mild = mutation.map((m) => ({
  ...m,
  kind: (['tricky-key', 'config-key', 'node-field', 'tricky-key'] as const)[m.i % 4]!,
  key: m.j % 2 ? m.key : '__proto__',
}));

/** Templates, mildly or badly mutated, or arbitrary JSON: what an API client or an import might send. */
const definition = fc.oneof(
  { weight: 3, arbitrary: mutated(fc.array(mild, { maxLength: 3 })) },
  { weight: 4, arbitrary: mutated(fc.array(mutation, { minLength: 1, maxLength: 4 })) },
  { weight: 1, arbitrary: json },
  {
    weight: 1,
    arbitrary: fc.record({
      schemaVersion: fc.constant(1),
      nodes: fc.array(json, { maxLength: 4 }),
      edges: fc.array(json, { maxLength: 4 }),
      settings: json,
    }),
  },
);

const member = fc
  .record({
    tier: fc.option(fc.oneof(fc.constantFrom('gold', 'silver'), fc.string({ maxLength: 6 }))),
    tags: fc.array(fc.string({ maxLength: 6 }), { maxLength: 3 }),
    orderCount: fc.nat(50),
    totalSpent: fc.oneof(fc.nat(10_000), trickyNumber),
    attributes: fc.dictionary(key, json, { maxKeys: 4 }),
    birthday: fc.option(fc.constantFrom('1990-01-20', '2000-02-29', '1990-13-45', 'not a date')),
    rfm: fc.option(fc.constantFrom({ r: 5, f: 5, m: 5, segment: 'champions' }, { r: 1, f: 1, m: 1, segment: 'lost' })),
    pointsBalance: fc.nat(5000),
    pointsExpiring: fc.array(
      fc.record({ points: fc.integer({ min: -5, max: 500 }), expiresAt: fc.integer({ min: T0, max: T0 + 60 * DAY }) }),
      { maxLength: 2 },
    ),
    timeZone: fc.constantFrom('UTC', 'Asia/Shanghai', 'America/Los_Angeles', 'Pacific/Kiritimati'),
  })
  .map((m): MemberFacts => ({
    ...emptyMember('m1', m.timeZone),
    ...m,
    name: 'Li Lei',
    phone: '13800000000',
    email: 'li@example.com',
    purchases: [{ at: T0 - 10 * DAY, amount: 20 }],
  }));

const timeline = fc.array(
  fc.record({
    type: fc.oneof(
      {
        weight: 4,
        arbitrary: fc.constantFrom(
          'purchase',
          'signup',
          'recharge',
          'survey_answered',
          'points_changed',
          'tier_changed',
          'coupon_redeemed',
        ),
      },
      { weight: 1, arbitrary: fc.string({ maxLength: 8 }) },
    ),
    day: fc.integer({ min: -5, max: 60 }),
    properties: fc.oneof(
      fc.record({
        amount: fc.oneof(fc.integer({ min: 0, max: 2000 }), trickyNumber, fc.string({ maxLength: 4 })),
        score: fc.integer({ min: 0, max: 10 }),
        orderId: fc.constantFrom('o1', 'o2'),
      }),
      fc.dictionary(fc.oneof(key, fc.constantFrom('amount', 'score', 'orderId', 'tier', 'balance')), json, { maxKeys: 4 }),
    ),
  }),
  { maxLength: 8 },
);

describe('fuzz: definitions through schema, validation, compiler and simulator', () => {
  it('malformed definitions give typed violations; valid ones compile and simulate; nothing throws or reaches a prototype', () => {
    fc.assert(
      fc.property(definition, member, timeline, (def, m, events) => {
        expect(() => WorkflowDefinition.safeParse(def)).not.toThrow();
        const r = validateWorkflow(def);
        for (const v of r.violations) {
          expect(codes.has(v.code)).toBe(true);
          expect(typeof v.message === 'string' && v.message.length > 0).toBe(true);
          for (const k of ['field', 'nodeId', 'edgeId'] as const) if (v[k] !== undefined) expect(typeof v[k]).toBe('string');
        }
        if (!r.ok) {
          expect(r.violations.length).toBeGreaterThan(0);
          expect(() => compileJourney(def)).toThrow(/^Workflow is not valid: /);
        } else {
          expect(() => compileJourney(def)).not.toThrow();
        }
        // The member and timeline arrive as JSON (the editor's simulation panel), like definitions.
        const described = JSON.parse(
          JSON.stringify({ m, events: events.map((e) => ({ type: e.type, at: T0 + e.day * DAY, properties: e.properties })) }),
        ) as { m: MemberFacts; events: TimelineEvent[] };
        const sim = simulate({
          definition: def,
          member: described.m,
          timeline: described.events,
          from: T0,
          until: T0 + 45 * DAY,
          workflowId: 'wf-fuzz',
        });
        expect(sim.ok).toBe(r.ok);
        expect(['waiting', 'completed', 'converted', 'holdout', 'not_entered']).toContain(sim.outcome);
        for (const t of sim.trace) expect(typeof t.reason).toBe('string');
        for (const e of sim.effects)
          if (e.preview !== undefined) expect(e.preview).not.toMatch(/\[native code\]|=>|function\s*\(/);
        expectPrototypeUntouched();
      }),
      { numRuns: 600 },
    );
  });

  it('every template survives each single mutation kind', () => {
    // A systematic pass on top of the random one: each template, each mutation kind, several spots.
    for (const t of templates) {
      for (const kind of MUTATIONS) {
        for (let i = 0; i < t.nodes.length; i++) {
          const def = JSON.parse(JSON.stringify(t)) as Def;
          mutate(def, {
            kind,
            i,
            j: i + 1,
            value: i % 2 ? JSON.parse('{"__proto__": {"polluted": true}}') : 1e308,
            text: '💥',
            key: i % 3 ? '__proto__' : 'constructor',
            nodeKind: NodeKind.options[i % NodeKind.options.length]!,
          });
          const sent = JSON.parse(JSON.stringify(def)) as unknown;
          const r = validateWorkflow(sent);
          if (r.ok)
            simulate({
              definition: sent,
              member: emptyMember('m1'),
              timeline: [{ type: 'purchase', at: T0, properties: { amount: 5 } }],
              from: T0,
              until: T0 + 40 * DAY,
            });
          else expect(() => compileJourney(sent)).toThrow(/^Workflow is not valid/);
        }
      }
    }
    expectPrototypeUntouched();
  });

  it('a definition nested thousands deep is refused, not a stack overflow', () => {
    let g: unknown = { type: 'group', combinator: 'and', rules: [] };
    for (let i = 0; i < 20_000; i++) g = { type: 'group', combinator: 'or', rules: [g] };
    const def = JSON.parse(JSON.stringify(templates[0]!)) as Def;
    def.nodes.push({ id: 'deep', kind: 'condition', label: '', position: { x: 0, y: 0 }, config: { condition: g } });
    const r = validateWorkflow(def);
    expect(r.violations).toContainEqual(
      expect.objectContaining({ code: 'config', nodeId: 'deep', message: `groups may nest at most ${MAX_GROUP_DEPTH} deep` }),
    );
  });
});

const field = fc.oneof(
  fc.constantFrom(...memberFields),
  fc.constantFrom(
    'member.attributes.vip',
    'member.attributes.__proto__',
    'member.attributes.constructor.name',
    'trigger.amount',
    'trigger.__proto__',
    'trigger.constructor',
    'event.score',
    'event.prototype.x',
    'member.toString',
    'member.__proto__',
    'member.constructor',
  ),
  fc.string({ maxLength: 20 }),
);
const op = fc.oneof(
  fc.constantFrom('eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'in', 'not_in', 'contains', 'not_contains', 'exists', 'not_exists'),
  fc.string({ maxLength: 5 }),
);
const rule = fc.oneof(
  fc.record({
    type: fc.constant('field'),
    field,
    op,
    value: fc.option(fc.oneof(scalar, fc.array(scalar, { maxLength: 3 })), { nil: undefined }),
  }),
  fc.record({
    type: fc.constant('metric'),
    metric: fc.oneof(fc.constantFrom('spend', 'orders'), fc.string({ maxLength: 4 })),
    windowDays: fc.oneof(fc.integer({ min: -5, max: 800 }), trickyNumber),
    op,
    value: fc.oneof(fc.integer(), trickyNumber),
  }),
  json,
);
const condition: fc.Arbitrary<unknown> = fc.letrec<{ g: unknown }>((tie) => ({
  g: fc.oneof(
    { depthSize: 'small' },
    fc.record({
      type: fc.constant('group'),
      combinator: fc.oneof(fc.constantFrom('and', 'or'), fc.string({ maxLength: 3 })),
      rules: fc.array(fc.oneof(rule, tie('g')), { maxLength: 5 }),
    }),
    json,
  ),
})).g;

/** Facts whose JSON-parsed attributes and properties may carry own "__proto__" and "constructor" keys. */
const facts = fc
  .record({
    m: member,
    trigger: fc.dictionary(key, json, { maxKeys: 4 }),
    event: fc.option(fc.dictionary(key, json, { maxKeys: 4 }), { nil: undefined }),
  })
  .map(({ m, trigger, event }) => ({
    member: JSON.parse(JSON.stringify(m)) as MemberFacts,
    trigger: JSON.parse(JSON.stringify(trigger)) as Record<string, unknown>,
    ...(event ? { event: JSON.parse(JSON.stringify(event)) as Record<string, unknown> } : {}),
    now: T0,
  }));

describe('fuzz: condition expressions', () => {
  it('a property that cannot become a number or text ({"valueOf": 1, "toString": 1}) compares as not equal, never throws', () => {
    const odd = JSON.parse('{"valueOf": 1, "toString": 1}') as unknown;
    const f = {
      member: { ...emptyMember('m1'), attributes: { a: odd } },
      trigger: { x: odd, list: [odd] },
      event: { x: odd },
      now: T0,
    };
    for (const op of ConditionOpList) {
      for (const fieldName of ['trigger.x', 'trigger.list', 'event.x', 'member.attributes.a']) {
        const value = op === 'in' || op === 'not_in' ? ['1'] : op === 'exists' || op === 'not_exists' ? undefined : '1';
        const g = ConditionGroup.parse({
          type: 'group',
          combinator: 'and',
          rules: [{ type: 'field', field: fieldName, op, ...(value === undefined ? {} : { value }) }],
        });
        const e = evaluateCondition(g, f);
        expect(typeof e.result).toBe('boolean');
        if (op === 'eq' || op === 'gt') expect(e.result, `${fieldName} ${op}`).toBe(false);
      }
    }
    expect(
      matchesAll({ page: odd }, [
        { property: 'page', op: 'eq', value: 'home' },
        { property: 'page', op: 'gt', value: 1 },
      ]),
    ).toBe(false);
  });

  it('random conditions parse to a typed answer; valid ones evaluate and explain themselves without throwing', () => {
    fc.assert(
      fc.property(condition, facts, (c, f) => {
        const parsed = ConditionGroup.safeParse(c);
        if (!parsed.success) {
          expect(parsed.error.issues.length).toBeGreaterThan(0);
          return;
        }
        const e = evaluateCondition(parsed.data, f);
        expect(typeof e.result).toBe('boolean');
        expect(typeof e.explanation).toBe('string');
        expect(typeof describeCondition(parsed.data)).toBe('string');
        expect(() => segmentInputs(parsed.data)).not.toThrow();
        expect(() => nonMemberFields(parsed.data)).not.toThrow();
        expect(e.explanation).not.toMatch(/\[native code\]|function\s*\(/);
        expectPrototypeUntouched();
      }),
      { numRuns: 600 },
    );
  });

  it('rules on prototype names see nothing unless the data has that key of its own', () => {
    const f = { member: emptyMember('m1'), trigger: {}, event: {}, now: T0 };
    for (const path of [
      'trigger.__proto__',
      'trigger.constructor',
      'trigger.toString',
      'event.constructor.name',
      'member.attributes.__proto__',
      'member.attributes.constructor',
      'member.attributes.hasOwnProperty',
    ]) {
      const g = ConditionGroup.parse({ type: 'group', combinator: 'and', rules: [{ type: 'field', field: path, op: 'exists' }] });
      expect(evaluateCondition(g, f).result, path).toBe(false);
    }
    // Own keys of those names (from JSON) are plain data and are read.
    const own = { ...f, trigger: JSON.parse('{"constructor": "yes"}') as Record<string, unknown> };
    const g = ConditionGroup.parse({
      type: 'group',
      combinator: 'and',
      rules: [{ type: 'field', field: 'trigger.constructor', op: 'eq', value: 'yes' }],
    });
    expect(evaluateCondition(g, own).result).toBe(true);
  });
});

const VAR = /\{\{\s*([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z0-9_]+)*)\s*\}\}/g;
const piece = fc.oneof(
  fc.constantFrom('{{', '}}', '{', '}', ' ', '.', '(', ')', "'", '"', '`', '${', '\\', '\n'),
  fc.constantFrom(
    'member',
    'name',
    'coupon',
    'code',
    'trigger',
    'workflow',
    '__proto__',
    'constructor',
    'prototype',
    'toString',
    'valueOf',
    'call',
    'apply',
    'process',
    'eval',
    'x',
  ),
  fc.constantFrom(
    '{{constructor.constructor}}',
    "{{constructor.constructor('return process')()}}",
    '{{member.__proto__.polluted}}',
    '{{ member.name }}',
    '{{member.constructor.name}}',
    '{{__proto__}}',
    '{{prototype}}',
    '{{this}}',
    '{{#each x}}',
    '{{> partial}}',
    '{{{raw}}}',
  ),
  fc.string({ maxLength: 4 }),
);
const template = fc.array(piece, { maxLength: 20 }).map((p) => p.join(''));
const vars = fc.constantFrom(
  { member: { name: 'Li Lei', tags: ['vip'] }, coupon: { code: 'C-1' }, trigger: { amount: 5 }, workflow: { name: 'W' } },
  JSON.parse('{"member": {"name": "Own", "__proto__": {"polluted": "own data"}, "constructor": "own"}}') as Record<
    string,
    unknown
  >,
  {},
);

describe('fuzz: template rendering', () => {
  it('never throws, never runs code, never reads a prototype: each variable is an own value or empty', () => {
    fc.assert(
      fc.property(template, vars, (text, v) => {
        const out = renderTemplate(text, v);
        expect(typeof out).toBe('string');
        expect(() => templateVariables(text)).not.toThrow();
        expect(() => unknownVariables(text)).not.toThrow();
        // The reference: walk own properties only; anything else renders as "".
        const expected = text.replace(VAR, (_, path: string) => {
          let cur: unknown = v;
          for (const k of path.split('.'))
            cur =
              cur !== null && typeof cur === 'object' && Object.hasOwn(cur, k) ? (cur as Record<string, unknown>)[k] : undefined;
          return cur === undefined || cur === null ? '' : typeof cur === 'object' ? JSON.stringify(cur) : String(cur);
        });
        expect(out).toBe(expected);
        expect(out).not.toMatch(/\[native code\]|\[object Object\]/);
        expectPrototypeUntouched();
      }),
      { numRuns: 1500 },
    );
  });

  it('prototype paths render empty', () => {
    const v = { member: { name: 'Li' } };
    for (const t of [
      '{{constructor.constructor}}',
      '{{constructor}}',
      '{{__proto__}}',
      '{{member.constructor}}',
      '{{member.__proto__}}',
      '{{member.name.constructor}}',
      '{{member.toString}}',
      '{{member.name.length}}',
      '{{prototype}}',
    ]) {
      expect(renderTemplate(t, v), t).toBe('');
    }
    expect(renderTemplate("{{constructor.constructor('return process')()}}", v)).toBe(
      "{{constructor.constructor('return process')()}}",
    );
  });

  it('adversarial template text renders in linear time', () => {
    for (const text of [
      '{{' + 'a.'.repeat(100_000),
      '{{ ' + ' '.repeat(100_000) + 'a',
      '{{a' + '.a'.repeat(100_000) + ' '.repeat(1000) + '}',
      '{{'.repeat(50_000),
    ]) {
      const started = performance.now();
      renderTemplate(text, { a: { a: 1 } });
      expect(performance.now() - started).toBeLessThan(500);
    }
  });
});

describe('fuzz: event input', () => {
  it('any JSON as an event is a typed answer; what is accepted has storable text and shallow properties', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          json,
          fc.record({
            type: fc.oneof(fc.constantFrom('purchase', 'signup', 'mf.timeout'), fc.string({ maxLength: 6 })),
            memberId: fc.oneof(fc.string({ maxLength: 6 }), trickyText),
            properties: fc.dictionary(key, json, { maxKeys: 4 }),
          }),
        ),
        (e) => {
          const r = IngestEvent.safeParse(e);
          if (r.success) expect(jsonInputIssues(r.data)).toEqual([]);
          else expect(r.error.issues.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
