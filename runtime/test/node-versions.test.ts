import { defaultSettings, SCHEMA_VERSION, type WorkflowNode } from '@memberflow/shared/definition';
import { latestVersion } from '@memberflow/shared/node-registry';
import { pinnedModule } from '@memberflow/shared/pinned-module';
import { describe, expect } from 'vitest';
import { VersionCache } from '../src/engine/version-cache.ts';
import { test, type Infra } from './infra-fixture.ts';

type StoredNode = Pick<WorkflowNode, 'id' | 'kind' | 'typeVersion'>;

async function storedVersion(infra: Infra, workflowId: string): Promise<{ id: string; nodes: StoredNode[] }> {
  const [row] = await infra.sql<{ id: string; definition: { nodes: StoredNode[] } }>('SELECT id, definition FROM workflow_version WHERE workflow_id = $1', [workflowId]);
  return { id: row!.id, nodes: row!.definition.nodes };
}

/** Compiles a stored version the way the engine does, in a fresh cache. */
async function compiledVersion(infra: Infra, versionId: string) {
  const client = await infra.runtime.db.pool.connect();
  try {
    return await new VersionCache().get(client, versionId);
  } finally {
    client.release();
  }
}

// A draft that still carries version 1 of date_trigger, e.g. copied from a version published before v2.
const anniversary = {
  schemaVersion: SCHEMA_VERSION,
  settings: defaultSettings(),
  nodes: [
    { id: 'anniv', kind: 'date_trigger', typeVersion: 1, config: { attribute: 'anniversary', offsetDays: 0, time: '09:00' } },
    { id: 'done', kind: 'exit', config: { reason: 'greeted' } },
  ],
  edges: [{ id: 'e1', source: 'anniv', sourceHandle: 'next', target: 'done' }],
};

describe('publishing pins node versions', () => {
  test('every node of the published version records its kind\'s latest version; the draft stays unpinned', async ({ infra }) => {
    const id = await infra.publishTemplate('birthday-care');
    const { nodes } = await storedVersion(infra, id);
    expect(nodes.length).toBeGreaterThan(3);
    expect(nodes.map((n) => [n.id, n.typeVersion])).toEqual(nodes.map((n) => [n.id, latestVersion(n.kind)]));
    expect(nodes.find((n) => n.kind === 'date_trigger')?.typeVersion).toBe(2);
    const draft = (await infra.api('GET', `/api/v1/workflows/${id}`)).body.draft as { nodes: StoredNode[] };
    expect(draft.nodes.map((n) => n.typeVersion)).toEqual(draft.nodes.map(() => undefined));
  });

  test('a stale pin in the draft is replaced; each stored version compiles with what it records', async ({ infra }) => {
    const id = await infra.publishDefinition('anniversary', anniversary);
    const version = await storedVersion(infra, id);
    expect(version.nodes.map((n) => [n.id, n.typeVersion])).toEqual([
      ['anniv', 2],
      ['done', 1],
    ]);
    expect(pinnedModule(await compiledVersion(infra, version.id), 'anniv').version).toBe(2);

    // A row written before pinning existed has no typeVersion: it runs version 1.
    await infra.sql(`UPDATE workflow_version SET definition = jsonb_set(definition, '{nodes}', (SELECT jsonb_agg(n - 'typeVersion') FROM jsonb_array_elements(definition->'nodes') n)) WHERE id = $1`, [version.id]);
    expect((await storedVersion(infra, id)).nodes.map((n) => n.typeVersion)).toEqual([undefined, undefined]);
    expect(pinnedModule(await compiledVersion(infra, version.id), 'anniv').version).toBe(1);
  });
});
