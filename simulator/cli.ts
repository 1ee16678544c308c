import { startSimulator } from './simulator-server';
import { loadTenantFile, sampleTenantPath, TenantFileError } from './tenant-file';

/* Command-line entry point: `npm run simulator -- --port 4000 --tenant path/to/tenant.json [--seed N] [--latency MS]`. */

interface CliOptions {
  port: number;
  tenantPath: string;
  seed: number;
  latencyMs: number;
}

const usage = 'Usage: npm run simulator -- [--port 4000] [--tenant path/to/tenant.json] [--seed 1] [--latency 0]';

function parseArguments(argv: readonly string[]): CliOptions | string {
  const options: CliOptions = { port: 4000, tenantPath: sampleTenantPath(), seed: 1, latencyMs: 0 };
  for (let i = 0; i < argv.length; i += 1) {
    const flag = argv[i]!;
    const value = argv[i + 1];
    const number = (name: string, min: number, max: number): number | string => {
      const n = Number(value);
      return value !== undefined && Number.isInteger(n) && n >= min && n <= max ? n : `${name} needs a whole number from ${min} to ${max}`;
    };
    switch (flag) {
      case '--port': {
        const n = number('--port', 0, 65535);
        if (typeof n === 'string') return n;
        options.port = n;
        i += 1;
        break;
      }
      case '--tenant':
        if (value === undefined || value.startsWith('--')) return '--tenant needs the path of a tenant file';
        options.tenantPath = value;
        i += 1;
        break;
      case '--seed': {
        const n = number('--seed', 0, 2 ** 32 - 1);
        if (typeof n === 'string') return n;
        options.seed = n;
        i += 1;
        break;
      }
      case '--latency': {
        const n = number('--latency', 0, 600000);
        if (typeof n === 'string') return n;
        options.latencyMs = n;
        i += 1;
        break;
      }
      case '--help':
      case '-h':
        return usage;
      default:
        return `Unknown option ${flag}. ${usage}`;
    }
  }
  return options;
}

async function main(): Promise<void> {
  const options = parseArguments(process.argv.slice(2));
  if (typeof options === 'string') {
    console.error(options);
    process.exitCode = 2;
    return;
  }
  let tenant;
  try {
    tenant = loadTenantFile(options.tenantPath);
  } catch (error) {
    console.error(error instanceof TenantFileError ? `Tenant file rejected: ${error.message}` : String(error));
    process.exitCode = 1;
    return;
  }
  let simulator;
  try {
    simulator = await startSimulator({ tenant, port: options.port, seed: options.seed, latencyMs: options.latencyMs });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    console.error(code === 'EADDRINUSE' ? `Port ${options.port} is already in use; choose another with --port.` : `Cannot start: ${(error as Error).message}`);
    process.exitCode = 1;
    return;
  }
  console.log(`Simulated Microsoft 365 tenant "${tenant.tenant.displayName}" (${tenant.tenant.id}) from ${options.tenantPath}`);
  console.log(`Graph:    ${simulator.graphBaseUrl}`);
  console.log(`Exchange: ${simulator.exchangeBaseUrl}/${simulator.tenantId}/InvokeCommand`);
  console.log(`Control:  ${simulator.baseUrl}/_simulator/requests | /_simulator/faults | /_simulator/reset`);
  console.log('Press Ctrl+C to stop.');
  const stop = (signal: string): void => {
    console.log(`${signal} received, stopping.`);
    simulator.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

void main();
