import { randomUUID } from 'node:crypto';
import { join, resolve } from 'node:path';
import type { Storage, TurnContext } from 'botbuilder';
import { createApprovalWorkflow } from './app/approval-workflow';
import { ApproverRoster } from './app/approver-roster';
import type { ApproverChecks } from './app/authorise-approver';
import { IntakeService } from './app/intake-service';
import { ProvisionRequest } from './app/provision-request';
import { type Clock, systemClock } from './app/ports/clock';
import type { Logger } from './app/ports/logger';
import type { RequestStore } from './app/ports/request-store';
import { randomRequestIds } from './app/request-id-generator';
import { createBotApplication } from './bot/bot-application';
import { ApprovalCardRenderer } from './bot/approval-card-renderer';
import { BotServer } from './bot/bot-server';
import { InfoPages } from './bot/info-pages';
import { markTurn } from './bot/turn-span';
import { ConversationDirectory } from './bot/proactive/conversation-directory';
import { TeamsNotifier } from './bot/proactive/teams-notifier';
import { createCloudAdapter } from './bot/cloud-adapter-factory';
import type { DirectoryConfig } from './config/directory-config';
import type { ConfigResult } from './config/config-result';
import { type AppConfig, noDirectoryConfigured } from './config/load-config';
import { isLoopbackUrl } from './config/directory-config';
import type { StorageConfig } from './config/storage-config';
import { configurationResult, doctorChecks, runDoctorChecks, type StorageTarget } from './app/doctor/doctor-checks';
import { type CheckResult, type DoctorMessage, message } from './app/doctor/doctor-result';
import { HealthMonitor } from './app/doctor/health-monitor';
import { GraphExchangeTenantProbe } from './infrastructure/doctor/graph-exchange-tenant-probe';
import { StorageRoundTripProbe } from './infrastructure/doctor/storage-round-trip-probe';
import { MessageCatalogue, projectLocalesDir } from './i18n/message-catalogue';
import { StorageAuditLog } from './infrastructure/audit/storage-audit-log';
import { AuditLogWithEvents } from './infrastructure/telemetry/audit-log-with-events';
import { startTelemetry } from './infrastructure/telemetry/azure-monitor';
import { createDirectoryServices } from './infrastructure/graph/directory-services';
import { InProcessJobs } from './infrastructure/jobs/in-process-jobs';
import { PeriodicCheck } from './infrastructure/jobs/periodic-check';
import { withLogFields } from './infrastructure/logging/log-context';
import { notifierWithRequestLog, provisionerWithRequestLog } from './infrastructure/logging/request-log-context';
import { createLogger } from './infrastructure/logging/pino-logger';
import { turnCorrelationId } from './bot/turn-logger';
import { createDialogStateStorage, createStorage, fileStorageFolder, writtenThrough } from './infrastructure/storage/create-storage';
import { StorageRequestStore } from './infrastructure/storage/storage-request-store';

export interface StartOptions {
  readonly logger?: Logger;
  readonly clock?: Clock;
  /** Bot state (dialogs, drafts); default the configured store (files in DATA_DIR, or Azure Blob storage). */
  readonly storage?: Storage;
  /** Access requests; default a StorageRequestStore on the configured store. */
  readonly requestStore?: RequestStore;
  /**
   * The directory to use when the configuration names none: the simulated tenant that a local run
   * (scripts/local-bot.ts) starts. The production entry point never passes it.
   */
  readonly directory?: DirectoryConfig;
}

export interface RunningBot {
  /** http://HOST:PORT; the messaging endpoint is url + /api/messages. */
  readonly url: string;
  readonly port: number;
  /** The directory the bot uses. */
  readonly directory: DirectoryConfig;
  /** Background work (provisioning, notifications): tests wait for it with `jobs.drain()`. */
  readonly jobs: InProcessJobs;
  /**
   * Graceful stop: no new connections, the turns under way finish, then the background work, all
   * within `graceMs` (default SHUTDOWN_GRACE_SECONDS); what is left is cut off and logged.
   */
  stop(graceMs?: number): Promise<void>;
}

/** The configured directory, or the one a local run passed; undefined when there is neither. */
function directoryOf(config: AppConfig, override: DirectoryConfig | undefined): DirectoryConfig | undefined {
  return config.tenant.kind === 'directory' ? config.tenant.directory : override;
}

/**
 * The one place where the bot is assembled from its configuration: the directory (Graph and
 * Exchange), the stores, the intake use cases, the Bot Framework adapter and the HTTP server.
 * Returns once the server listens. It never starts a simulated tenant: with no directory
 * configured it throws, unless a local run passes the one it started (options.directory).
 */
export async function startBot(config: AppConfig, options: StartOptions = {}): Promise<RunningBot> {
  const logger = options.logger ?? createLogger({ level: config.bot.logLevel });
  const clock = options.clock ?? systemClock;
  const catalogue = MessageCatalogue.load(projectLocalesDir());

  const directoryConfig = directoryOf(config, options.directory);
  if (!directoryConfig) throw new Error(`The bot has no directory: ${noDirectoryConfigured}`);

  // Telemetry first, so every turn and call is traced; without a connection string it does nothing.
  const telemetry = await startTelemetry(config.telemetry, logger.child({ component: 'telemetry' }));
  let approvers: ApproverRoster | undefined;
  let escalationApprovers: ApproverRoster | undefined;
  try {
    const durable = createStorage(config.storage);
    const services = createDirectoryServices(directoryConfig, { clock, logger });
    // AZURE_TENANT_ID given as a domain is resolved to the tenant GUID now, or the start fails saying what to set.
    await services.tenantId();
    const { directory } = services;
    const store = options.requestStore ?? new StorageRequestStore({ storage: durable, logger: logger.child({ component: 'request-store' }) });
    const intake = new IntakeService({
      directory,
      store,
      clock,
      newId: randomRequestIds(),
      logger: logger.child({ component: 'intake' }),
      hideNewContactsFromAddressLists: directoryConfig.hideMailContactsFromAddressLists,
      timerPolicy: config.approvalTimers.policy,
    });
    // Who approves, kept in memory and read again in the background: no card press waits for Graph.
    approvers = new ApproverRoster({ directory, clock, logger: logger.child({ component: 'approvers' }) });
    approvers.start();
    const approverRoster = approvers;
    // Requests nobody decides in time also go to the escalation approvers, when there are any.
    const escalationGroupId = config.approvalTimers.escalationGroupId;
    if (escalationGroupId !== undefined) {
      escalationApprovers = new ApproverRoster({ directory: services.approversOf(escalationGroupId), clock, logger: logger.child({ component: 'escalation-approvers' }) });
      escalationApprovers.start();
    }
    const escalationRoster = escalationApprovers;
    const approverChecks: ApproverChecks = {
      isApprover: (userId) => approverRoster.isApprover(userId),
      ...(escalationRoster !== undefined ? { isEscalationApprover: (userId: string) => escalationRoster.isApprover(userId) } : {}),
    };
    const storage = options.storage ?? durable;
    // Dialog state is written at the end of every turn: on the local file store, behind the turn.
    const dialogState = options.storage ? writtenThrough(options.storage) : createDialogStateStorage(config.storage, logger.child({ component: 'dialog-state' }));
    const jobs = new InProcessJobs(logger.child({ component: 'jobs' }));
    let onTurnError: (context: TurnContext, error: Error) => Promise<void> = async () => undefined;
    const adapter = createCloudAdapter(config.bot.auth, (context, error) => onTurnError(context, error));
    const conversations = new ConversationDirectory(storage);
    const workflow = createApprovalWorkflow({
      store,
      directory: approverChecks,
      notifier: notifierWithRequestLog(
        new TeamsNotifier({
          adapter,
          appId: config.bot.auth.kind === 'none' ? '' : config.bot.auth.appId,
          conversations,
          renderer: new ApprovalCardRenderer(conversations, catalogue),
          catalogue,
          logger: logger.child({ component: 'notifier' }),
        }),
      ),
      provisioner: provisionerWithRequestLog(
        new ProvisionRequest({
          directory,
          exchange: services.exchange,
          guests: services.guestAccess,
          clock,
          logger: logger.child({ component: 'provisioning' }),
          hideNewContactsFromAddressLists: directoryConfig.hideMailContactsFromAddressLists,
        }),
      ),
      externalSenders: services.exchange,
      auditLog: new AuditLogWithEvents(new StorageAuditLog(durable)),
      jobs,
      clock,
      logger,
      directoryWait: config.provisioning.directoryWait,
      approvalTimers: config.approvalTimers,
      intake,
    });
    const app = createBotApplication({
      intake,
      storage,
      dialogState,
      catalogue,
      logger,
      clock,
      approvals: { workflow, store, directory: approverChecks, jobs, conversations },
    });
    onTurnError = app.onTurnError;
    const healthProbe = new StorageRoundTripProbe(durable);
    const healthKey = `health/probe-${randomUUID()}`;
    const tenantProbe = new GraphExchangeTenantProbe(services.graphClient, services.exchange);
    const health = new HealthMonitor(
      {
        storage: async () => {
          if ((await healthProbe.roundTrip(healthKey, 'ok')) !== 'ok') throw new Error('the storage probe read back something else');
        },
        directory: async () => {
          await tenantProbe.organization();
        },
      },
      { clock, logger: logger.child({ component: 'health' }) },
    );
    const server = new BotServer({
      adapter,
      health,
      // Every line logged during the turn (and by work it starts) carries the turn's correlation id.
      run: (context) => {
        const correlationId = turnCorrelationId(context);
        markTurn(correlationId);
        return withLogFields({ correlationId }, () => app.bot.run(context));
      },
      requireToken: config.bot.auth.kind !== 'none',
      pages: new InfoPages(catalogue),
      logger: logger.child({ component: 'http' }),
    });
    const listening = await server.listen(config.bot.port, config.bot.host);
    logger.info('bot listening', {
      url: listening.url,
      authenticated: config.bot.auth.kind !== 'none',
      tenantId: directoryConfig.tenantId,
      simulatedTenant: isLoopbackUrl(directoryConfig.graphBaseUrl),
    });
    const resumed = await workflow.routing.resumeInterrupted();
    if (resumed > 0) logger.info('resuming interrupted provisioning', { requests: resumed });
    // Requests waiting for the directory resume when their stored due time comes, across restarts.
    await workflow.directoryWaits.resumeDue();
    const waitCheck = new PeriodicCheck('directory waits', config.provisioning.waitCheckIntervalMs, () => workflow.directoryWaits.resumeDue(), logger).start();
    return {
      url: listening.url,
      jobs,
      port: listening.port,
      directory: directoryConfig,
      stop: async (graceMs = config.bot.shutdownGraceMs) => {
        const deadline = Date.now() + graceMs;
        await waitCheck.stop();
        approvers?.stop();
        escalationApprovers?.stop();
        const turns = await server.close(graceMs);
        const work = await jobs.drainWithin(Math.max(0, deadline - Date.now()));
        await dialogState.flush();
        const left = { unfinishedTurns: turns.unfinished, unfinishedJobs: work.unfinished, graceMs };
        if (turns.unfinished > 0 || work.unfinished > 0) logger.warn('stopped before everything finished; interrupted provisioning resumes at the next start', left);
        else logger.info('stopped', left);
        await telemetry.shutdown();
      },
    };
  } catch (error) {
    approvers?.stop();
    escalationApprovers?.stop();
    await telemetry.shutdown();
    throw error;
  }
}

/**
 * Runs the bot as a service: starts it (a start-up failure is reported on standard error with exit
 * code 1), logs stray promise rejections instead of dying, and on SIGINT or SIGTERM stops
 * gracefully within SHUTDOWN_GRACE_SECONDS (a second signal stops it at once).
 */
export async function runBot(config: AppConfig, options: StartOptions = {}): Promise<RunningBot> {
  const logger = options.logger ?? createLogger({ level: config.bot.logLevel });
  if (!directoryOf(config, options.directory)) {
    process.stderr.write(`The bot cannot start: ${noDirectoryConfigured}\n`);
    process.exit(78);
  }
  process.on('unhandledRejection', (reason) => {
    logger.error('unhandled promise rejection', { error: reason instanceof Error ? reason.message : String(reason) });
  });
  let running: RunningBot;
  try {
    running = await startBot(config, { ...options, logger });
  } catch (error) {
    process.stderr.write(`The bot could not start: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) {
      logger.warn('stopping at once (second signal)', { signal });
      process.exit(1);
    }
    stopping = true;
    logger.info('stopping', { signal, graceMs: config.bot.shutdownGraceMs });
    void running.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error('stopping failed', { error: error instanceof Error ? error.message : String(error) });
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  return running;
}

export interface DoctorOptions {
  /** Where the adapters log (retries, warnings); default silent, the report is the output. */
  readonly logger?: Logger;
  /** Names the storage probe item and the made-up Exchange address; default random. */
  readonly probeId?: string;
  /** Per check; default 60 s. */
  readonly timeoutMs?: number;
  /** The simulated tenant a local run started because no directory is configured (scripts/doctor.ts). */
  readonly embeddedDirectory?: DirectoryConfig;
}

export interface DoctorRun {
  /** The report's first line: which tenant was checked (the embedded simulated one, or the configured one). */
  readonly intro: DoctorMessage;
  readonly results: readonly CheckResult[];
}

function storageTarget(storage: StorageConfig): StorageTarget {
  if (storage.kind === 'file') return { kind: 'file', folder: join(resolve(storage.dataDir), fileStorageFolder) };
  const connection = storage.connection;
  if (connection.kind === 'connection-string') return { kind: 'blob-connection-string', container: storage.containerName };
  return {
    kind: 'blob-managed-identity',
    accountUrl: connection.accountUrl,
    container: storage.containerName,
    ...(connection.clientId !== undefined ? { clientId: connection.clientId } : {}),
  };
}

/**
 * `npm run doctor`: checks the configuration, then makes harmless reads with the bot's own
 * adapters (Graph, Exchange, the configured store, the approvals conversation). With nothing
 * configured it checks the simulated tenant the local run passes (options.embeddedDirectory), as
 * `npm start` would use it; without one, the missing directory is the configuration's problem.
 */
export async function runDoctor(config: ConfigResult<AppConfig>, options: DoctorOptions = {}): Promise<DoctorRun> {
  if (!config.ok) return { intro: message('doctor.intro.unconfigured'), results: [configurationResult(config.errors)] };
  const app = config.value;
  const logger = options.logger ?? createLogger({ level: 'silent' });
  const directoryConfig = directoryOf(app, options.embeddedDirectory);
  if (!directoryConfig) return { intro: message('doctor.intro.unconfigured'), results: [configurationResult([noDirectoryConfigured])] };

  // A preflight answers quickly: one Exchange retry, not the bot's patient backoff.
  const services = createDirectoryServices(directoryConfig, { clock: systemClock, logger, exchangeRetry: { maxRetries: 1 } });
  const storage = createStorage(app.storage);
  const conversations = new ConversationDirectory(storage);
  const credential = directoryConfig.credential;
  const clientId = credential.kind === 'client-secret' || credential.kind === 'client-certificate' || credential.kind === 'managed-identity' ? credential.clientId : undefined;
  const checks = doctorChecks(
    {
      graphBaseUrl: directoryConfig.graphBaseUrl,
      exchangeBaseUrl: directoryConfig.exchangeBaseUrl,
      approversGroupId: directoryConfig.approversGroupId,
      ...(clientId !== undefined ? { clientId } : {}),
      ...(services.exchangeRoleAssignee !== undefined ? { exchangeRoleAssignee: services.exchangeRoleAssignee } : {}),
      storage: storageTarget(app.storage),
    },
    {
      tenant: new GraphExchangeTenantProbe(services.graphClient, services.exchange),
      storage: new StorageRoundTripProbe(storage),
      approvals: { approvalsConversation: async () => (await conversations.approvals())?.key },
    },
    { probeId: options.probeId ?? randomUUID(), ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}) },
  );
  const intro = app.tenant.kind === 'embedded-simulator'
    ? message('doctor.intro.embedded')
    : message('doctor.intro.directory', { tenantId: directoryConfig.tenantId, graphBaseUrl: directoryConfig.graphBaseUrl, exchangeBaseUrl: directoryConfig.exchangeBaseUrl });
  return { intro, results: [configurationResult([]), ...(await runDoctorChecks(checks))] };
}
