import { Validator } from '@seriousme/openapi-schema-validator';
import { allRoutes } from '@memberflow/shared/api/all-routes';
import { openApiPath } from '@memberflow/shared/api/openapi';
import { describe, expect } from 'vitest';
import { authServices, buildRouter } from '../src/api/app.ts';
import { SESSION_COOKIE } from '../src/auth/access-control.ts';
import { test } from './infra-fixture.ts';

type Doc = {
  openapi: string;
  paths: Record<string, Record<string, { operationId: string; requestBody?: unknown; security: unknown[] }>>;
  components: { securitySchemes: { session: { name: string } } };
};

describe('the API description', () => {
  test('GET /api/openapi.json is valid OpenAPI 3.1 with exactly the routes the router mounts', async ({ infra }) => {
    const res = await infra.anonymous<Doc>('GET', '/api/openapi.json');
    expect(res.status).toBe(200);
    const doc = res.body;
    const validator = new Validator();
    const verdict = await validator.validate(structuredClone(doc) as never);
    expect(verdict.errors ?? []).toEqual([]);
    expect(verdict.valid).toBe(true);
    expect(validator.version).toBe('3.1');

    const deps = { engine: infra.runtime.engine, queue: infra.runtime.queue, redis: infra.runtime.redis, config: infra.runtime.config } as never;
    const router = buildRouter(deps, authServices(deps));
    const mounted = router.stack.flatMap((l) => l.methods.filter((m) => m !== 'HEAD').map((m) => `${m} ${openApiPath(String(l.path))}`));
    const documented = Object.entries(doc.paths).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`));
    expect(documented.sort()).toEqual([...new Set(mounted)].sort());
    // Every operation is named once, so clients generated from it get one function per route.
    const ids = Object.values(doc.paths).flatMap((ops) => Object.values(ops).map((o) => o.operationId));
    expect(new Set(ids).size).toBe(ids.length);
    expect(doc.components.securitySchemes.session.name).toBe(SESSION_COOKIE);
    // Signing in is public; reading members needs a session or a key.
    expect(doc.paths['/api/openapi.json']!.get!.security).toEqual([]);
  });

  test('every route with a body documents an example, and every example parses with the route’s own schemas', async () => {
    const missing: string[] = [];
    const wrong: string[] = [];
    let checked = 0;
    for (const { route } of allRoutes()) {
      const key = `${route.method} ${route.path}`;
      const ex = route.docs.example;
      if (route.body && ex?.body === undefined) missing.push(key);
      const pairs = [
        ['body', route.body, ex?.body],
        ['query', route.query, ex?.query],
        ['answer', route.answer, ex?.answer],
      ] as const;
      for (const [what, schema, value] of pairs) {
        if (value === undefined) continue;
        if (!schema) {
          wrong.push(`${key}: an example ${what} but no ${what} schema`);
          continue;
        }
        checked++;
        const r = schema.safeParse(value);
        if (!r.success) wrong.push(`${key} ${what}: ${r.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`);
      }
    }
    expect(missing).toEqual([]);
    expect(wrong).toEqual([]);
    expect(checked).toBeGreaterThan(20);
  });

  test('the reference page at /api/docs loads its files from this server, under the CSP', async ({ infra }) => {
    const page = await fetch(`${infra.runtime.url}/api/docs`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await page.text();
    const files = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
    expect(files).toEqual(['/api/docs/swagger-ui.css', '/api/docs/swagger-ui-bundle.js', '/api/docs/init.js']);
    for (const f of files) {
      const r = await fetch(`${infra.runtime.url}${f}`);
      expect(r.status, f).toBe(200);
      expect(r.headers.get('content-type'), f).toMatch(f.endsWith('.css') ? /text\/css/ : /javascript/);
      expect((await r.text()).length, f).toBeGreaterThan(40);
    }
    expect((await infra.anonymous('GET', '/api/docs/nothing.js')).status).toBe(404);
  });
});
