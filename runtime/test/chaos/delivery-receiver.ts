import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Delivery {
  path: string;
  key: string;
  memberId: string;
}

/** The brand's gateway and webhook endpoint in one: answers 200 and records what arrived. */
export async function startReceiver(): Promise<{ url: string; deliveries: Delivery[]; close(): Promise<void> }> {
  const deliveries: Delivery[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (body += c));
    req.on('end', () => {
      let memberId = '';
      try {
        memberId = String((JSON.parse(body) as { memberId?: unknown }).memberId ?? '');
      } catch {
        // Recorded with an empty member id; the test's checks then fail and name it.
      }
      deliveries.push({ path: req.url ?? '', key: String(req.headers['idempotency-key'] ?? ''), memberId });
      res.writeHead(200).end('ok');
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    deliveries,
    close: () => new Promise((ok) => (server.closeAllConnections(), server.close(() => ok()))),
  };
}
