import type { WorkflowDefinition } from './definition.ts';
import type { CompiledJourney } from './journey-machine.ts';
import type { VersionedNodeModule } from './node-module.ts';
import { latestVersion, nodeModule } from './node-registry.ts';

/** A node id the compiled journey does not hold: a caller bug or a journey moved between versions. */
export class UnknownJourneyNode extends Error {
  constructor(readonly nodeId: string) {
    super(`Node "${nodeId}" is not in this workflow version`);
    this.name = 'UnknownJourneyNode';
  }
}

/**
 * The module a node of a compiled journey runs: its kind at the version it was compiled with
 * (pinned by publishing, or the latest for drafts). Use it, not `nodeModule(kind)`, for
 * `matchesEvent`, `nextFireAt`, `wakeAt` and `decide`, so a journey published months ago keeps
 * the behaviour it was published with.
 */
export function pinnedModule(compiled: CompiledJourney, nodeId: string): VersionedNodeModule {
  const node = compiled.nodes.get(nodeId);
  const version = compiled.nodeVersions.get(nodeId);
  if (!node || version === undefined) throw new UnknownJourneyNode(nodeId);
  return nodeModule(node.kind, version);
}

/** What publishing freezes: every node pinned to its kind's latest version, replacing any earlier pin. */
export function pinNodeVersions(def: WorkflowDefinition): WorkflowDefinition {
  return { ...def, nodes: def.nodes.map((n) => ({ ...n, typeVersion: latestVersion(n.kind) })) };
}
