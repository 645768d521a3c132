import '../zod-messages.ts';
import { z } from 'zod';
import { defineRoute } from './route-contract.ts';

export interface Liveness {
  ok: true;
  uptimeSeconds: number;
}

/** Each store says `ok` or `down: <why>`; `down` lists those that did not answer in time. */
export interface Readiness {
  ok: boolean;
  postgres: string;
  redis: string;
  down?: string[];
}

/** Probes for load balancers and orchestrators, and Prometheus' scrape. */
export const healthRoutes = {
  healthz: defineRoute<Liveness>()({
    method: 'GET',
    path: '/healthz',
    access: 'public',
    answer: z.object({ ok: z.literal(true), uptimeSeconds: z.number() }),
    summary: 'Liveness: the process answers (no I/O, so a store outage never restarts it)',
  }),
  readyz: defineRoute<Readiness>()({
    method: 'GET',
    path: '/readyz',
    access: 'public',
    answer: z.object({ ok: z.boolean(), postgres: z.string(), redis: z.string(), down: z.array(z.string()).optional() }),
    summary: 'Readiness: PostgreSQL and Redis both answer in time (503 naming the store otherwise)',
  }),
  metrics: defineRoute<string>()({
    method: 'GET',
    path: '/metrics',
    access: 'read',
    produces: 'text/plain',
    answer: z.string(),
    summary: 'Prometheus metrics, in the text exposition format',
  }),
};
