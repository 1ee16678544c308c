import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startSimulator, type FaultSettings, type RunningSimulator } from '../../../simulator/simulator-server';
import type { TenantData, TenantUser } from '../../../simulator/tenant-data';
import { loadTenantFile, sampleTenantPath } from '../../../simulator/tenant-file';
import { startBot, type RunningBot } from './bot-process';
import { type ClientLanguage, startLanguageRelay } from '../../../scripts/playground-language-relay';
import { chromiumPath, LoopbackBrowser } from './loopback-browser';
import { startPlayground, type RunningPlayground } from './playground-server';
import { projectRoot } from './project-root';
import { slug, StepScreenshots } from './step-screenshots';
import { desktopViewport, phoneViewport, TeamsClient } from './teams-client';
import { TenantApi } from './tenant-api';
import { tenantPeople, type TenantPeople } from './tenant-people';

export interface E2eSystemOptions {
  /** Names the output folder test-output/e2e/<scenario>/. */
  readonly scenario: string;
  /** Also start the approver's own Playground (a second Teams user). */
  readonly withApprover: boolean;
  /** Both people use a phone-sized window. */
  readonly phone?: boolean;
  /** The language of each person's Teams client (English when not given); see scripts/playground-language-relay.ts. */
  readonly languages?: { readonly requester?: ClientLanguage; readonly approver?: ClientLanguage };
  readonly tenantFile?: string;
  /** Faults of the simulated tenant from the start, e.g. a replication delay. */
  readonly faults?: FaultSettings;
  /** Extra settings of the bot process, e.g. a shorter wait for the directory. */
  readonly botEnv?: Readonly<Record<string, string>>;
}


/**
 * Everything one scenario needs, started fresh: the simulated tenant, the bot as its own process,
 * one Playground per person (each with its own signed-in user), and one headless Chromium with a
 * page per person. stop() tears it all down in reverse order, even when a part failed to start.
 */
export class E2eSystem {
  private readonly cleanups: Array<{ what: string; run: () => Promise<void> }> = [];
  private stopped = false;

  simulator!: RunningSimulator;
  bot!: RunningBot;
  browser!: LoopbackBrowser;
  requester!: TeamsClient;
  approver: TeamsClient | undefined;
  tenant!: TenantApi;
  people!: TenantPeople;
  readonly shots: StepScreenshots;
  readonly outputDir: string;

  private constructor(readonly options: E2eSystemOptions) {
    // E2E_OUTPUT_DIR lets a repeated run keep each run's screenshots apart.
    this.outputDir = join(process.env.E2E_OUTPUT_DIR ?? join(projectRoot(), 'test-output', 'e2e'), slug(options.scenario));
    rmSync(this.outputDir, { recursive: true, force: true });
    this.shots = new StepScreenshots(this.outputDir);
  }

  static async start(options: E2eSystemOptions): Promise<E2eSystem> {
    const system = new E2eSystem(options);
    try {
      await system.startParts();
    } catch (error) {
      await system.stop();
      throw error;
    }
    return system;
  }

  /** The requester's approvals-free view, and the approver's (fails if the scenario has none). */
  get approverClient(): TeamsClient {
    if (!this.approver) throw new Error('This scenario was started without an approver');
    return this.approver;
  }

  /** Keeps a screenshot of every person's screen at the moment a test failed. */
  async captureFailure(testTitle: string): Promise<string[]> {
    const paths: string[] = [];
    for (const client of [this.requester, this.approver]) {
      if (!client || client.page.isClosed()) continue;
      try {
        paths.push(await this.shots.page(client.page, client.who, `FAILED ${testTitle}`));
      } catch {
        // The page may be gone with the browser; the other screenshots still help.
      }
    }
    return paths;
  }

  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    const failures: string[] = [];
    for (const cleanup of this.cleanups.reverse()) {
      try {
        await cleanup.run();
      } catch (error) {
        failures.push(`${cleanup.what}: ${(error as Error).message}`);
      }
    }
    if (failures.length > 0) throw new Error(`Tear-down had problems:\n${failures.join('\n')}`);
  }

  private onStop(what: string, run: () => Promise<void>): void {
    this.cleanups.push({ what, run });
  }

  private async startParts(): Promise<void> {
    const root = projectRoot();
    if (!existsSync(chromiumPath)) {
      throw new Error(`No Chromium at ${chromiumPath}. Install Debian's package (apt-get install -y chromium fonts-liberation) or set CHROMIUM_PATH.`);
    }
    const tenantData: TenantData = loadTenantFile(this.options.tenantFile ?? sampleTenantPath());
    this.people = tenantPeople(tenantData);

    this.simulator = await startSimulator({ tenant: tenantData, port: 0, ...(this.options.faults ? { faults: this.options.faults } : {}) });
    this.onStop('simulator', () => this.simulator.stop());
    this.tenant = new TenantApi({
      graphBaseUrl: this.simulator.graphBaseUrl,
      exchangeBaseUrl: this.simulator.exchangeBaseUrl,
      tenantId: this.simulator.tenantId,
    });

    this.bot = await startBot({
      projectRoot: root,
      workDir: this.outputDir,
      graphBaseUrl: this.simulator.graphBaseUrl,
      exchangeBaseUrl: this.simulator.exchangeBaseUrl,
      tenantId: this.simulator.tenantId,
      approversGroupId: this.people.approversGroup.id,
      ...(this.options.botEnv ? { env: this.options.botEnv } : {}),
    });
    this.onStop('bot', () => this.bot.stop());

    const playgroundFor = async (role: 'requester' | 'approver', who: TenantPeople['requester']): Promise<RunningPlayground> => {
      const language = this.options.languages?.[role];
      let botEndpoint = this.bot.endpoint;
      if (language) {
        const relay = await startLanguageRelay(this.bot.endpoint, language);
        this.onStop(`language relay (${role}, ${language.locale})`, () => relay.stop());
        botEndpoint = relay.endpoint;
      }
      const playground = await startPlayground({
        projectRoot: root,
        workDir: this.outputDir,
        role,
        botEndpoint,
        tenant: tenantData,
        user: tenantUser(tenantData, who.aadObjectId),
        conversationPrefix: role,
      });
      this.onStop(`Playground (${role})`, () => playground.stop());
      return playground;
    };
    const [requesterPlayground, approverPlayground] = await Promise.all([
      playgroundFor('requester', this.people.requester),
      this.options.withApprover ? playgroundFor('approver', this.people.approver) : Promise.resolve(undefined),
    ]);

    this.browser = await LoopbackBrowser.launch();
    this.onStop('browser', async () => {
      // What the pages tried to fetch from elsewhere (and did not get), for whoever audits a run.
      writeFileSync(join(this.outputDir, 'blocked-requests.txt'), this.browser.blocked.map((url) => `${url}\n`).join(''));
      await this.browser.close();
    });
    const viewport = this.options.phone ? phoneViewport : desktopViewport;
    const phone = this.options.phone === true;
    this.requester = await TeamsClient.open(await this.browser.newPage(viewport), requesterPlayground!, `requester ${this.people.requester.givenName}`, this.shots, phone);
    if (approverPlayground) {
      this.approver = await TeamsClient.open(await this.browser.newPage(viewport), approverPlayground, `approver ${this.people.approver.givenName}`, this.shots, phone);
    }
  }
}

function tenantUser(tenant: TenantData, id: string): TenantUser {
  const user = tenant.users.find((u) => u.id === id);
  if (!user) throw new Error(`The tenant file has no user ${id}`);
  return user;
}
