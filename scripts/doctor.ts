/**
 * `npm run doctor`: a preflight for admins. With the live configuration (the environment, as the
 * bot reads it) it checks the configuration, then makes harmless reads in the tenant and the store
 * and prints one line per check, green ✔ or red ✘ with the exact fix. Exit code 0 when every check
 * passed, 1 otherwise. With nothing configured it checks the embedded simulated tenant (docs/doctor.md).
 */
import { doctorExitCode, renderDoctorReport } from '../src/app/doctor/doctor-report';
import { type DoctorRun, runDoctor } from '../src/composition-root';
import { startEmbeddedTenant } from './embedded-tenant';
import { configFromEnv } from '../src/config/load-config';
import { MessageCatalogue, projectLocalesDir } from '../src/i18n/message-catalogue';
import { createLogger } from '../src/infrastructure/logging/pino-logger';

async function main(): Promise<number> {
  const config = configFromEnv(process.env, process.cwd());
  // Retries and warnings of the adapters go to standard error; standard output is the report.
  const logger = createLogger({ level: config.ok && ['debug', 'trace'].includes(config.value.bot.logLevel) ? config.value.bot.logLevel : 'warn', stream: 'stderr' });
  // With nothing configured the doctor checks the simulated tenant that `npm start` would use.
  const embedded = config.ok ? await startEmbeddedTenant(config.value) : undefined;
  let run: DoctorRun;
  try {
    run = await runDoctor(config, { logger, ...(embedded ? { embeddedDirectory: embedded.directory } : {}) });
  } finally {
    await embedded?.stop();
  }
  const noColor = (process.env['NO_COLOR'] ?? '') !== '';
  const t = MessageCatalogue.load(projectLocalesDir()).plainTranslator(undefined);
  process.stdout.write(renderDoctorReport(run.intro, run.results, t, { color: process.stdout.isTTY === true && !noColor }));
  return doctorExitCode(run.results);
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`The doctor could not run: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
