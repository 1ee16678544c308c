/**
 * Preloaded into a child process (`node --require dist/test/support/loopback-guard.js`): every TCP
 * connection to anything but loopback is refused before it leaves the machine, and written to the
 * file named by LOOPBACK_GUARD_LOG (one `host:port` a line), so a test can say what the process
 * tried to reach. The in-process twin of /work/shared/tools/loopback-only.
 */
import { appendFileSync } from 'node:fs';
import net from 'node:net';

const loopback = new Set(['127.0.0.1', 'localhost', '::1', '::ffff:127.0.0.1']);
const logFile = process.env['LOOPBACK_GUARD_LOG'];
const connect = net.Socket.prototype.connect;

function target(args: unknown[]): { host: string; port: string } | undefined {
  const [first, second] = args;
  if (typeof first === 'object' && first !== null && !Array.isArray(first)) {
    const options = first as { host?: string; port?: number | string; path?: string };
    if (options.path !== undefined) return undefined; // a local socket
    return { host: options.host ?? 'localhost', port: String(options.port ?? '') };
  }
  if (typeof first === 'number' || (typeof first === 'string' && /^\d+$/.test(first))) {
    return { host: typeof second === 'string' ? second : 'localhost', port: String(first) };
  }
  return undefined;
}

net.Socket.prototype.connect = function guardedConnect(this: net.Socket, ...args: unknown[]): net.Socket {
  const to = target(args);
  if (to !== undefined && !loopback.has(to.host)) {
    if (logFile !== undefined) appendFileSync(logFile, `${to.host}:${to.port}\n`);
    process.nextTick(() => this.destroy(Object.assign(new Error(`loopback guard: refused ${to.host}:${to.port}`), { code: 'ECONNREFUSED' })));
    return this;
  }
  return (connect as (...a: unknown[]) => net.Socket).apply(this, args);
} as typeof net.Socket.prototype.connect;
