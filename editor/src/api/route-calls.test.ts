import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';

const src = fileURLToPath(new URL('..', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? sources(join(dir, d.name)) : /\.tsx?$/.test(d.name) && !/\.test\.tsx?$/.test(d.name) ? [join(dir, d.name)] : [],
  );
}

/**
 * The editor reaches the API only through the shared route contracts (callRoute, routePath), so a
 * route cannot exist in the client and not in the router, the access table and OpenAPI. A path
 * written out by hand fails this test; the only one allowed is the sign-in routes' prefix, which
 * session-end.ts matches against (it calls nothing).
 */
const allowed = new Set(["session-end.ts: '/api/v1/auth/'"]);

describe('API calls from the editor', () => {
  test('no source names an /api/ path of its own: every call goes through a shared contract', () => {
    const found: string[] = [];
    for (const file of sources(src)) {
      const text = readFileSync(file, 'utf8');
      for (const [literal] of text.matchAll(/(['"`])\/api\/[^'"`]*\1/g)) {
        const where = `${relative(src, file).split('/').at(-1)}: ${literal}`;
        if (!allowed.has(where)) found.push(`${relative(src, file)}: ${literal}`);
      }
    }
    expect(found).toEqual([]);
  });
});
