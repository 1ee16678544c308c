import { writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
import { generate } from 'selfsigned';

/** One Application Insights item as the exporter sends it (the Breeze envelope). */
export interface Envelope {
  readonly name: string;
  readonly iKey?: string;
  readonly tags?: Record<string, string>;
  readonly data?: { readonly baseType?: string; readonly baseData?: Record<string, unknown> & { properties?: Record<string, string> } };
}

/**
 * A loopback stand-in for the Application Insights ingestion endpoint (`POST /v2.1/track`, the
 * body a gzipped JSON array of envelopes): keeps what it receives and accepts all of it. The
 * exporter always speaks HTTPS (it turns an http:// endpoint into https://), so the stand-in has a
 * certificate of its own for 127.0.0.1, made at start; the process under test trusts it through
 * NODE_EXTRA_CA_CERTS=`certificateFile`.
 */
export class IngestionStandIn {
  readonly envelopes: Envelope[] = [];
  readonly paths: string[] = [];

  private constructor(
    private readonly server: Server,
    readonly url: string,
    readonly certificateFile: string,
  ) {}

  /** Listens on 127.0.0.1; its certificate is written to `certificateFile`. */
  static async start(certificateFile: string): Promise<IngestionStandIn> {
    const pems = await generate([{ name: 'commonName', value: '127.0.0.1' }], {
      notAfterDate: new Date(Date.now() + 2 * 24 * 3600 * 1000),
      keyType: 'ec',
      curve: 'P-256',
      extensions: [{ name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }] }],
    });
    writeFileSync(certificateFile, pems.cert);
    let standIn: IngestionStandIn | undefined;
    const server = createServer({ key: pems.private, cert: pems.cert }, (request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        standIn?.paths.push(`${request.method ?? ''} ${request.url ?? ''}`);
        let body = Buffer.concat(chunks);
        if (/gzip/i.test(String(request.headers['content-encoding'] ?? ''))) body = gunzipSync(body);
        const text = body.toString('utf8').trim();
        const items: Envelope[] = text.startsWith('[') ? (JSON.parse(text) as Envelope[]) : text.split('\n').filter((line) => line.trim() !== '').map((line) => JSON.parse(line) as Envelope);
        standIn?.envelopes.push(...items);
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ itemsReceived: items.length, itemsAccepted: items.length, errors: [] }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    standIn = new IngestionStandIn(server, `https://127.0.0.1:${(server.address() as AddressInfo).port}/`, certificateFile);
    return standIn;
  }

  /** The items of one kind: "Microsoft.ApplicationInsights.Request", "...RemoteDependency", "...Event". */
  of(kind: 'Request' | 'RemoteDependency' | 'Event' | 'Message' | 'Exception' | 'Metric'): Envelope[] {
    return this.envelopes.filter((envelope) => envelope.name === `Microsoft.ApplicationInsights.${kind}`);
  }

  stop(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
