import * as http from 'node:http';
import * as net from 'node:net';

export interface ProxiedRequest {
  /** CONNECT for a tunnel, else the forwarded method. */
  readonly method: string;
  /** host:port for CONNECT, the absolute URL otherwise. */
  readonly target: string;
  readonly proxyAuthorization?: string;
}

/** A request line seen inside a plain-http CONNECT tunnel, e.g. `POST /token`. */
export interface TunneledRequest {
  readonly target: string;
  readonly line: string;
}

export interface RecordingProxy {
  /** http://127.0.0.1:PORT */
  readonly url: string;
  readonly requests: ProxiedRequest[];
  /** What went through the tunnels, when the target spoke plain http (the emulator does). */
  readonly tunneled: TunneledRequest[];
  close(): Promise<void>;
}

/**
 * A real forward proxy on 127.0.0.1: CONNECT tunnels (what undici uses by
 * default) and absolute-URI forwarding, recording every request it carries.
 * With `requireAuthorization`, anything without that Proxy-Authorization
 * gets 407, as a corporate proxy would answer.
 */
export async function startRecordingProxy(options: { requireAuthorization?: string } = {}): Promise<RecordingProxy> {
  const requests: ProxiedRequest[] = [];
  const tunneled: TunneledRequest[] = [];
  const sockets = new Set<net.Socket>();
  const allowed = (auth: string | undefined) => options.requireAuthorization === undefined || auth === options.requireAuthorization;

  const server = http.createServer((req, res) => {
    const auth = req.headers['proxy-authorization'];
    requests.push({ method: req.method ?? '', target: req.url ?? '', proxyAuthorization: auth });
    if (!allowed(auth)) {
      res.writeHead(407, { 'proxy-authenticate': 'Basic realm="test"' }).end();
      return;
    }
    const target = new URL(req.url ?? '');
    const headers = { ...req.headers };
    delete headers['proxy-authorization'];
    delete headers['proxy-connection'];
    const upstream = http.request(
      { host: target.hostname, port: target.port, path: `${target.pathname}${target.search}`, method: req.method, headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  server.on('connect', (req: http.IncomingMessage, client: net.Socket, head: Buffer) => {
    const auth = req.headers['proxy-authorization'];
    requests.push({ method: 'CONNECT', target: req.url ?? '', proxyAuthorization: auth });
    if (!allowed(auth)) {
      client.end('HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm="test"\r\n\r\n');
      return;
    }
    const [host, port] = (req.url ?? '').split(':');
    const upstream = net.connect(Number(port), host, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client);
      client.on('data', (chunk: Buffer) => {
        const line = /^([A-Z]+ \S+) HTTP\/1\.[01]\r\n/.exec(chunk.subarray(0, 2048).toString('latin1'));
        if (line) {
          tunneled.push({ target: req.url ?? '', line: line[1] });
        }
      });
      client.pipe(upstream);
    });
    sockets.add(upstream);
    upstream.on('close', () => sockets.delete(upstream));
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  server.on('connection', (s: net.Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`,
    requests,
    tunneled,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) {
          s.destroy();
        }
        server.close(() => resolve());
      }),
  };
}
