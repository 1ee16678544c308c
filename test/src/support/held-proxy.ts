import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A loopback proxy in front of the simulated tenant that can hold requests: while held, a request
 * that arrives waits (and `arrived()` resolves) until `release()`. Lets a test catch the bot in the
 * middle of a turn, waiting for Graph, without guessing at timings.
 */
export class HeldProxy {
  private holding = false;
  private readonly released: (() => void)[] = [];
  private readonly arrivals: (() => void)[] = [];
  private arrivedCount = 0;

  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  static async start(target: string): Promise<HeldProxy> {
    let proxy: HeldProxy | undefined;
    const server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        void (async () => {
          if (proxy?.holding) await proxy.wait();
          const headers = Object.fromEntries(Object.entries(request.headers).filter(([name, value]) => typeof value === 'string' && name !== 'host' && name !== 'content-length')) as Record<string, string>;
          const body = chunks.length > 0 ? Buffer.concat(chunks) : undefined;
          const answer = await fetch(`${target}${request.url ?? ''}`, { method: request.method ?? 'GET', headers, ...(body ? { body } : {}) });
          const text = Buffer.from(await answer.arrayBuffer());
          if (response.destroyed) return;
          response.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' });
          response.end(text);
        })().catch(() => response.destroy());
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    proxy = new HeldProxy(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    return proxy;
  }

  /** From now on, requests wait. */
  hold(): void {
    this.holding = true;
  }

  /** Resolves when a request is waiting. */
  arrived(): Promise<void> {
    return this.arrivedCount > 0 ? Promise.resolve() : new Promise((resolve) => this.arrivals.push(resolve));
  }

  /** Lets every waiting request through, and the ones after it. */
  release(): void {
    this.holding = false;
    for (const go of this.released.splice(0)) go();
  }

  stop(): Promise<void> {
    this.release();
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private wait(): Promise<void> {
    this.arrivedCount += 1;
    for (const resolve of this.arrivals.splice(0)) resolve();
    return new Promise((resolve) => this.released.push(resolve));
  }
}
