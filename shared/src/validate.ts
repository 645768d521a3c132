import { WorkflowDefinition } from './definition.ts';
import { nodeModule } from './node-registry.ts';
import { issueI18n, pathToField, type Violation } from './violations.ts';

export type ValidationResult =
  | { ok: true; definition: WorkflowDefinition; violations: [] }
  | { ok: false; definition?: WorkflowDefinition; violations: Violation[] };

/** Parses and checks a definition: structure first, then per-kind config, then the graph. */
export function validateWorkflow(input: unknown): ValidationResult {
  const parsed = WorkflowDefinition.safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      violations: parsed.error.issues.map((i) => ({
        code: 'schema' as const,
        message: i.message,
        field: pathToField(i.path),
      })),
    };
  }
  const violations = graphViolations(parsed.data);
  return violations.length === 0
    ? { ok: true, definition: parsed.data, violations: [] }
    : { ok: false, definition: parsed.data, violations };
}

export function graphViolations(def: WorkflowDefinition): Violation[] {
  const out: Violation[] = [];
  const nodes = new Map(def.nodes.map((n) => [n.id, n]));

  const seen = new Set<string>();
  for (const n of def.nodes) {
    if (seen.has(n.id)) out.push({ code: 'duplicate_id', nodeId: n.id, message: `Two nodes share the id "${n.id}"` });
    seen.add(n.id);
  }
  const seenEdges = new Set<string>();
  for (const e of def.edges) {
    if (seenEdges.has(e.id)) out.push({ code: 'duplicate_id', edgeId: e.id, message: `Two edges share the id "${e.id}"` });
    seenEdges.add(e.id);
  }

  const triggers = def.nodes.filter((n) => nodeModule(n.kind).group === 'trigger');
  if (triggers.length !== 1) {
    out.push({
      code: 'trigger_count',
      message:
        triggers.length === 0
          ? 'A workflow needs a trigger: add one from the Triggers group'
          : `A workflow has exactly one trigger; this one has ${triggers.length}`,
      ...(triggers[1] ? { nodeId: triggers[1].id } : {}),
    });
  }

  // Per-kind config, and the output handles each node offers.
  const handles = new Map<string, Set<string>>();
  for (const n of def.nodes) {
    const mod = nodeModule(n.kind);
    const cfg = mod.config.safeParse(n.config);
    if (!cfg.success) {
      for (const i of cfg.error.issues) {
        out.push({ code: 'config', nodeId: n.id, field: pathToField(['config', ...i.path]), message: i.message, ...issueI18n(i) });
      }
      // Without a valid config the handles are still known by id for most kinds; use defaults.
      handles.set(n.id, new Set(mod.outputs(mod.defaults()).map((h) => h.id)));
    } else {
      handles.set(n.id, new Set(mod.outputs(cfg.data).map((h) => h.id)));
    }
  }

  const used = new Map<string, string[]>(); // "node:handle" -> edge ids
  for (const e of def.edges) {
    if (!nodes.has(e.source)) {
      out.push({ code: 'unknown_node', edgeId: e.id, field: 'source', message: `Edge starts at a node that does not exist ("${e.source}")` });
      continue;
    }
    if (!nodes.has(e.target)) {
      out.push({ code: 'unknown_node', edgeId: e.id, field: 'target', message: `Edge ends at a node that does not exist ("${e.target}")` });
      continue;
    }
    if (!handles.get(e.source)?.has(e.sourceHandle)) {
      out.push({
        code: 'unknown_handle',
        edgeId: e.id,
        nodeId: e.source,
        field: 'sourceHandle',
        message: `Node "${e.source}" has no output "${e.sourceHandle}"`,
      });
      continue;
    }
    const key = `${e.source}:${e.sourceHandle}`;
    used.set(key, [...(used.get(key) ?? []), e.id]);
  }

  for (const n of def.nodes) {
    const mod = nodeModule(n.kind);
    for (const h of handles.get(n.id) ?? []) {
      const edges = used.get(`${n.id}:${h}`) ?? [];
      const label = mod.outputs(mod.config.safeParse(n.config).data ?? mod.defaults()).find((o) => o.id === h)?.label ?? h;
      if (edges.length === 0) {
        out.push({ code: 'handle_unconnected', nodeId: n.id, field: `outputs.${h}`, message: `Connect the "${label}" output of this ${mod.title.toLowerCase()} node` });
      } else if (edges.length > 1) {
        out.push({ code: 'handle_multiple', nodeId: n.id, field: `outputs.${h}`, message: `The "${label}" output leads to ${edges.length} places; use a split to branch` });
      }
    }
  }

  const succ = new Map<string, string[]>();
  for (const e of def.edges) {
    if (nodes.has(e.source) && nodes.has(e.target)) succ.set(e.source, [...(succ.get(e.source) ?? []), e.target]);
  }

  if (triggers.length === 1 && triggers[0]) {
    const reached = new Set<string>([triggers[0].id]);
    const stack = [triggers[0].id];
    while (stack.length) {
      for (const t of succ.get(stack.pop()!) ?? []) {
        if (!reached.has(t)) {
          reached.add(t);
          stack.push(t);
        }
      }
    }
    for (const n of def.nodes) {
      if (!reached.has(n.id) && nodeModule(n.kind).group !== 'trigger') {
        out.push({ code: 'unreachable', nodeId: n.id, message: 'No path from the trigger reaches this node' });
      }
    }
  }

  // A loop that never waits would spin forever inside one step: every cycle must pass a wait.
  const isWait = (id: string) => nodeModule(nodes.get(id)!.kind).group === 'wait';
  const state = new Map<string, 'open' | 'done'>();
  const reported = new Set<string>();
  const visit = (id: string): void => {
    state.set(id, 'open');
    for (const t of succ.get(id) ?? []) {
      if (isWait(t)) continue;
      const s = state.get(t);
      if (s === 'open' && !reported.has(t)) {
        reported.add(t);
        out.push({ code: 'cycle_without_wait', nodeId: t, message: 'This node is on a loop with no wait in it; add a wait to the loop' });
      } else if (s === undefined) visit(t);
    }
    state.set(id, 'done');
  };
  for (const n of def.nodes) if (!isWait(n.id) && !state.has(n.id)) visit(n.id);

  return out;
}
