import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Queue } from 'bullmq';
import type { EngineDeps } from '../engine/member-lane.ts';
import { scrapeMetrics } from './scrape-metrics.ts';

/**
 * GET /metrics on a port of its own, for processes that serve no HTTP (SERVE_HTTP=0): their lanes
 * and deliveries are only visible here. No authentication (like a node exporter): bind it where
 * only Prometheus reaches it. Processes with the API serve /metrics there, behind an API key.
 */
export async function serveMetrics(engine: EngineDeps, queues: Record<string, Queue>, port: number): Promise<{ url: string; close(): Promise<void> }> {
  const t = engine.telemetry;
  const server: Server = createServer((req, res) => {
    if (req.method !== 'GET' || req.url?.split('?')[0] !== '/metrics' || !t) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Only GET /metrics here\n');
      return;
    }
    scrapeMetrics(t, engine, queues).then(
      (text) => res.writeHead(200, { 'content-type': t.registry.contentType }).end(text),
      () => res.writeHead(500, { 'content-type': 'text/plain' }).end('metrics unavailable\n'),
    );
  });
  await new Promise<void>((ok) => server.listen(port, ok));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((ok) => server.close(() => ok())),
  };
}
