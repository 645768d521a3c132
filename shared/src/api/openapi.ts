import { z } from 'zod';
import { allRoutes, type RouteGroup } from './all-routes.ts';
import type { RouteContract } from './route-contract.ts';

/**
 * The API's OpenAPI 3.1 description, made from the route contracts alone (so it lists exactly
 * what the router mounts and the access table guards). Schemas come from zod's own JSON Schema
 * output (draft 2020-12, which OpenAPI 3.1 uses as is).
 */
type Json = Record<string, unknown>;

export interface OpenApiInfo {
  version: string;
  /** Where the API answers, e.g. the public URL behind the proxy; the page's own origin when absent. */
  serverUrl?: string;
}

const errorSchema: Json = {
  type: 'object',
  required: ['error'],
  properties: {
    error: { type: 'string', description: 'What went wrong, in English, naming the field where one is at fault.' },
    issues: {
      type: 'array',
      items: { type: 'object', required: ['field', 'message'], properties: { field: { type: 'string' }, message: { type: 'string' } } },
    },
    retryAfterSeconds: { type: 'number' },
  },
};

/** A zod schema as JSON Schema; what JSON Schema cannot say (transforms, dates) becomes "any". */
export function jsonSchemaOf(schema: z.ZodType, io: 'input' | 'output'): Json {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any', cycles: 'ref' }) as Json;
  return rest;
}

/**
 * Schemas for one document. zod puts recursive and reused parts under the schema's own `$defs`
 * with `#/$defs/…` references, which in OpenAPI would point at the document's root: they move
 * to `components.schemas` under names unique in the document, and the references follow.
 */
class SchemaSink {
  readonly components: Record<string, Json> = {};
  private n = 0;

  add(schema: z.ZodType, io: 'input' | 'output'): Json {
    const { $defs, ...main } = jsonSchemaOf(schema, io) as Json & { $defs?: Record<string, Json> };
    if (!$defs) return main;
    const names = new Map(Object.keys($defs).map((k) => [k, `Schema${++this.n}`]));
    const relink = (v: unknown): unknown => {
      if (Array.isArray(v)) return v.map(relink);
      if (!v || typeof v !== 'object') return v;
      return Object.fromEntries(
        Object.entries(v).map(([k, x]) => {
          const local = k === '$ref' && typeof x === 'string' ? /^#\/\$defs\/(.+)$/.exec(x) : null;
          return [k, local && names.has(local[1]!) ? `#/components/schemas/${names.get(local[1]!)}` : relink(x)];
        }),
      );
    };
    for (const [k, def] of Object.entries($defs)) this.components[names.get(k)!] = relink(def) as Json;
    return relink(main) as Json;
  }
}

/** `/members/:id` → `/members/{id}`, OpenAPI's way of naming a path parameter. */
export const openApiPath = (path: string) => path.replace(/:(\w+)/g, '{$1}');

const pathParams = (path: string) => [...path.matchAll(/:(\w+)/g)].map((m) => m[1]!);

function parameters(route: RouteContract, sink: SchemaSink): Json[] {
  const out: Json[] = pathParams(route.path).map((name) => ({ name, in: 'path', required: true, schema: { type: 'string' } }));
  if (!route.query) return out;
  const q = sink.add(route.query, 'input');
  const props = (q.properties ?? {}) as Record<string, Json>;
  const required = new Set((q.required ?? []) as string[]);
  const example = route.docs.example?.query ?? {};
  for (const [name, schema] of Object.entries(props)) {
    const p: Json = { name, in: 'query', required: required.has(name), schema };
    if (name in example) p.example = example[name];
    if (typeof schema.description === 'string') p.description = schema.description;
    out.push(p);
  }
  return out;
}

const errorResponse = (description: string): Json => ({ description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } });

function responses(route: RouteContract, sink: SchemaSink): Json {
  const media = route.docs.produces ?? 'application/json';
  const status = String(route.docs.status ?? 200);
  const content: Json = {};
  if (status !== '204') {
    const schema = route.answer
      ? sink.add(route.answer, 'output')
      : media === 'application/json'
        ? { type: ['object', 'array'], description: 'JSON (this route publishes no schema for its answer yet)' }
        : { type: 'string' };
    content[media] = { schema, ...(route.docs.example?.answer !== undefined ? { example: route.docs.example.answer } : {}) };
  }
  const out: Json = { [status]: { description: route.docs.summary ?? 'Done', ...(status !== '204' ? { content } : {}) } };
  if (route.body || route.query || pathParams(route.path).length) out['400'] = errorResponse('Bad input: the error names the field');
  if (route.access !== 'public') {
    out['401'] = errorResponse('Not signed in and no API key');
    out['403'] = errorResponse(`Signed in without the "${route.access}" permission`);
  }
  out['429'] = errorResponse('Too many requests; see Retry-After');
  out['503'] = errorResponse('PostgreSQL or Redis unavailable; retry after Retry-After seconds');
  return out;
}

function security(route: RouteContract): Json[] {
  if (route.access === 'public') return [];
  if (route.access === 'session') return [{ session: [] }];
  return [{ session: [] }, { apiKey: [] }];
}

const defaultSummary = (route: RouteContract) => `${route.method} ${route.path}`;

function operation(group: RouteGroup, name: string, route: RouteContract, sink: SchemaSink): Json {
  const op: Json = {
    operationId: `${camel(group)}_${name}`,
    tags: [group],
    summary: route.docs.summary ?? defaultSummary(route),
    ...(route.docs.description ? { description: route.docs.description } : {}),
    'x-memberflow-access': route.access,
    security: security(route),
    parameters: parameters(route, sink),
    responses: responses(route, sink),
  };
  if (route.body) {
    const example = route.docs.example?.body;
    op.requestBody = {
      required: true,
      content: { [route.docs.consumes ?? 'application/json']: { schema: sink.add(route.body, 'input'), ...(example !== undefined ? { example } : {}) } },
    };
  }
  return op;
}

const camel = (s: string) => s.replace(/-(\w)/g, (_, c: string) => c.toUpperCase());

/** The whole description: every contract once, under its path and method. */
export function openApiDocument(info: OpenApiInfo): Json {
  const paths: Record<string, Json> = {};
  const sink = new SchemaSink();
  for (const { group, name, route } of allRoutes()) {
    const p = (paths[openApiPath(route.path)] ??= {});
    p[route.method.toLowerCase()] = operation(group, name, route, sink);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Memberflow API',
      version: info.version,
      description:
        'Member retention workflows, loyalty and their monitoring. Sign in for a session cookie, or send an API key as `Authorization: Bearer mf_…`. Errors are JSON `{ error, issues? }`, each issue naming its field.',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    servers: [{ url: info.serverUrl ?? '/' }],
    tags: [...new Set(allRoutes().map((r) => r.group))].map((name) => ({ name })),
    paths,
    components: {
      schemas: { Error: errorSchema, ...sink.components },
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: 'mf_session', description: 'From POST /api/v1/auth/login' },
        apiKey: { type: 'http', scheme: 'bearer', description: 'An API key (mf_…) made by an admin' },
      },
    },
  };
}
