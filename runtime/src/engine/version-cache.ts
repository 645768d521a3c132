import { compileJourney, type CompiledJourney } from '@memberflow/shared/journey-machine';
import type pg from 'pg';

/** Published versions are immutable, so each is compiled once per process and kept. */
export class VersionCache {
  private readonly compiled = new Map<string, CompiledJourney>();

  async get(client: pg.ClientBase, versionId: string): Promise<CompiledJourney> {
    const hit = this.compiled.get(versionId);
    if (hit) return hit;
    const { rows } = await client.query<{ definition: unknown }>('SELECT definition FROM workflow_version WHERE id = $1', [versionId]);
    if (!rows[0]) throw new Error(`workflow version ${versionId} does not exist`);
    // Each node runs the version it was published with (version 1 if published before pinning).
    const c = compileJourney(rows[0].definition, `v-${versionId}`, { versions: 'pinned' });
    this.compiled.set(versionId, c);
    return c;
  }
}
