import { createServer, type AddressInfo } from 'node:net';

/** A TCP port nothing listens on right now, for a server the test starts itself. */
export async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((ok) => s.listen(0, '127.0.0.1', ok));
  const { port } = s.address() as AddressInfo;
  await new Promise((ok) => s.close(ok));
  return port;
}
