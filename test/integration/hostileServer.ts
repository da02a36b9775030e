// A hostile HTTPS server for token-leak tests (integration and e2e): it records every request it receives and
// lures tokens (a tokenless request gets a 401 challenge, a request with a token gets an empty 200 listing).
// It serves the emulator's own certificate (127.0.0.1 / localhost, signed by the test CA that NODE_EXTRA_CA_CERTS
// trusts), so a client that WOULD send it a token is not stopped by TLS: only the extension's own checks stop it.
import * as fs from 'node:fs';
import * as https from 'node:https';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';

export interface HostileRequest {
  readonly method: string;
  readonly url: string;
  /** Whether it carried an Authorization header (the header itself is never kept). */
  readonly authorization: boolean;
}

export interface HostileServer {
  /** `https://127.0.0.1:{port}` */
  readonly url: string;
  readonly requests: HostileRequest[];
  close(): Promise<void>;
}

/** Starts the server with the certificate of the emulator whose state directory is `stateDir`. */
export async function startHostileServer(stateDir: string): Promise<HostileServer> {
  const requests: HostileRequest[] = [];
  const server = https.createServer(
    { cert: fs.readFileSync(path.join(stateDir, 'server.pem')), key: fs.readFileSync(path.join(stateDir, 'server-key.pem')) },
    (req, res) => {
      requests.push({ method: req.method ?? 'GET', url: req.url ?? '/', authorization: req.headers.authorization !== undefined });
      req.resume();
      if (req.headers.authorization === undefined) {
        res.writeHead(401, {
          'content-type': 'application/json',
          'www-authenticate': 'Bearer authorization="https://login.microsoftonline.com/common", resource="https://management.azure.com"',
        });
        res.end('{"error":{"code":"Unauthorized","message":"token please"}}');
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"value":[]}');
    },
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `https://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** One request with a bearer token from this process (Node's https, as the SDKs use): the server is reachable and trusted. */
export function probe(server: HostileServer): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = https.request(`${server.url}/probe`, { method: 'GET', headers: { authorization: 'Bearer probe' } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end();
  });
}
