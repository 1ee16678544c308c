import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';

export interface RunningAzurite {
  readonly port: number;
  readonly accountName: string;
  readonly accountKey: string;
  /** The account's blob endpoint, http://127.0.0.1:<port>/<account>. */
  readonly accountUrl: string;
  readonly connectionString: string;
  stop(): Promise<void>;
}

/**
 * Starts Azurite's blob service as a child process on 127.0.0.1 and a port the system picks,
 * in memory, with telemetry off (it must never phone home), for one test suite. The account and
 * its key are made up for this run. Call stop() in after().
 */
export async function startAzurite(): Promise<RunningAzurite> {
  const accountName = 'testaccount';
  const accountKey = randomBytes(64).toString('base64');
  const main = require.resolve('azurite/dist/src/blob/main.js');
  const child = spawn(
    process.execPath,
    [
      main,
      '--blobHost',
      '127.0.0.1',
      '--blobPort',
      '0',
      '--inMemoryPersistence',
      '--skipApiVersionCheck',
      '--disableTelemetry',
      '--silent',
    ],
    { env: { ...process.env, AZURITE_ACCOUNTS: `${accountName}:${accountKey}` }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const port = await listeningPort(child);
  const accountUrl = `http://127.0.0.1:${port}/${accountName}`;
  return {
    port,
    accountName,
    accountKey,
    accountUrl,
    connectionString: `DefaultEndpointsProtocol=http;AccountName=${accountName};AccountKey=${accountKey};BlobEndpoint=${accountUrl};`,
    stop: () => stop(child),
  };
}

function listeningPort(child: ChildProcess): Promise<number> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => fail(new Error(`Azurite did not start within 15 s:\n${output}`)), 15_000);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString('utf8');
      const match = /successfully listens on http:\/\/127\.0\.0\.1:(\d+)/.exec(output);
      if (match?.[1] !== undefined) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    };
    const fail = (error: Error): void => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(error);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => fail(new Error(`Azurite exited (code ${String(code)}) before listening:\n${output}`)));
  });
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
