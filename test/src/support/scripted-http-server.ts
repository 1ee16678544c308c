import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

export interface ScriptedResponse {
  readonly status: number;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string;
  /** Answer only after this many milliseconds. */
  readonly delayMs?: number;
}

/**
 * A loopback HTTP server that answers with a fixed script, for testing how a client handles
 * answers the simulated tenant does not produce (plain-text errors, odd bodies). Records requests.
 */
export class ScriptedHttpServer {
  readonly requests: RecordedRequest[] = [];
  private constructor(
    private readonly server: Server,
    readonly baseUrl: string,
  ) {}

  static async start(script: (request: RecordedRequest, index: number) => ScriptedResponse): Promise<ScriptedHttpServer> {
    let holder: ScriptedHttpServer | undefined;
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const recorded: RecordedRequest = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
        const index = holder?.requests.length ?? 0;
        holder?.requests.push(recorded);
        const answer = script(recorded, index);
        const reply = (): void => {
          if (res.destroyed) return;
          res.writeHead(answer.status, answer.headers);
          res.end(answer.body ?? '');
        };
        if (answer.delayMs === undefined) reply();
        else setTimeout(reply, answer.delayMs);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    holder = new ScriptedHttpServer(server, `http://127.0.0.1:${port}`);
    return holder;
  }

  stop(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve, reject) => this.server.close((e) => (e ? reject(e) : resolve())));
  }
}
