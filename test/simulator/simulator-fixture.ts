import { startSimulator, type RunningSimulator, type SimulatorOptions } from '../../simulator/simulator-server';
import type { TenantData } from '../../simulator/tenant-data';
import { loadTenantFile, sampleTenantPath } from '../../simulator/tenant-file';

/** The people and groups of simulator/sample-tenant.json, by role (docs/simulator.md lists them). */
export const sample = {
  tenantId: '2c9b95af-a741-4a63-8025-5fbea3369fd5',
  megan: '1bdf6ebe-100d-4a76-af06-e24d23e91909',
  alex: 'fa87908e-7a2e-4bed-9075-6c28dbb016b4',
  adele: 'd739b704-2799-499a-bfd5-437d3bf57787',
  diego: 'f86ce0e7-7d95-4a89-9570-3b9a35341f19',
  pradeepGuest: 'ddce63f9-dd59-4618-9433-4ce343229307',
  lidiaContact: '5eab5c18-4066-476d-89bd-9b5f665c6867',
  salesPartnersDl: '696d6903-e19f-44d8-b0de-32ed4fe1bf54',
  projectFalconDl: 'daacb193-1d88-44c0-a922-6b1c51988ef8',
  marketingM365: '8826b76f-dc5d-483f-a737-541bdb030609',
  legalM365NoGuests: '80ab4a83-1f51-4479-917f-099c53efe89a',
  financeMailSecurity: 'b8fc2ae4-b243-492f-b1a8-30a4d9f17069',
  allCompanyDl: '54a5e6bc-f0b1-48c5-aa03-5825102c2f4b',
  laptopSecurity: 'ac74d455-7524-4993-aa9b-a2e9cef3d52f',
  salesEveryoneDynamic: 'e9e945fd-d189-4bb7-a0d7-b61588169c8c',
  boardSynced: 'ab23b35e-2b04-41a8-bd63-74f3dfe82556',
  approvers: '7896c217-1928-4f2e-a984-e50cc4ab967e',
} as const;

export function sampleTenant(): TenantData {
  return loadTenantFile(sampleTenantPath());
}

/**
 * Parsed JSON as it came over the wire. Deliberately untyped: the tests assert its shape field by
 * field, which is the point of testing a wire format.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type WireJson = any;

export interface JsonResponse {
  readonly status: number;
  readonly headers: Headers;
  readonly body: WireJson;
}

/** A simulator on a free port plus small HTTP helpers; stop it in afterEach. */
export class SimulatorClient {
  private constructor(readonly sim: RunningSimulator) {}

  static async start(options: Partial<SimulatorOptions> = {}): Promise<SimulatorClient> {
    return new SimulatorClient(await startSimulator({ tenant: sampleTenant(), port: 0, ...options }));
  }

  async graph(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<JsonResponse> {
    return this.request(method, `${this.sim.graphBaseUrl}${path}`, body, { authorization: 'Bearer anything', ...headers });
  }

  async exchange(cmdlet: string, parameters: Record<string, unknown> = {}, query = '', headers: Record<string, string> = {}): Promise<JsonResponse> {
    return this.request(
      'POST',
      `${this.sim.exchangeBaseUrl}/${this.sim.tenantId}/InvokeCommand${query}`,
      { CmdletInput: { CmdletName: cmdlet, Parameters: parameters } },
      headers,
    );
  }

  async request(method: string, url: string, body?: unknown, headers: Record<string, string> = {}): Promise<JsonResponse> {
    const init: RequestInit = { method, headers: { ...headers } };
    if (body !== undefined) {
      init.body = typeof body === 'string' ? body : JSON.stringify(body);
      (init.headers as Record<string, string>)['content-type'] = 'application/json';
    }
    const response = await fetch(url, init);
    const text = await response.text();
    let parsed: unknown = text;
    if (text !== '' && (response.headers.get('content-type') ?? '').includes('json')) parsed = JSON.parse(text);
    return { status: response.status, headers: response.headers, body: text === '' ? undefined : parsed };
  }

  stop(): Promise<void> {
    return this.sim.stop();
  }
}

/** Reads the (Exchange) error detail parts: [error id, exception type, text]. */
export function exchangeErrorParts(body: WireJson): string[] {
  return String(body.error.details[0].message).split('|');
}
