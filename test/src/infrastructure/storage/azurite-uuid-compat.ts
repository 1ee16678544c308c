/**
 * Preloaded (node --require) into the Azurite child process only, never into the bot.
 *
 * The project's npm override `"uuid": "^11.1.1"` (a security fix for botbuilder's tree) also
 * replaces the uuid 3 that Azurite 3.35 and its @azure/ms-rest-js were written for: they call
 * `require('uuid/v4')` (a path uuid 11 no longer exports) and `require('uuid')()`. Without this
 * shim Azurite does not start. For requests coming from those two packages, and only when the
 * installed uuid does not already work for them, it serves the uuid 3 calling style on top of
 * the installed uuid 11. Remove it once package.json scopes the override so Azurite keeps its
 * own uuid (see the ops report).
 */
import Module = require('node:module');
import { join } from 'node:path';

type Resolve = (request: string, parent: { filename?: string | null } | undefined, ...rest: unknown[]) => string;
const moduleWithResolver = Module as unknown as { _resolveFilename: Resolve };
const original = moduleWithResolver._resolveFilename;
const facade = join(__dirname, 'azurite-uuid-v3-style.js');
const azuritePackages = /node_modules[\\/](?:azurite|@azure[\\/]ms-rest-js)[\\/]/;

moduleWithResolver._resolveFilename = function resolveForAzurite(this: unknown, request, parent, ...rest) {
  if ((request === 'uuid' || request === 'uuid/v4') && azuritePackages.test(parent?.filename ?? '')) {
    try {
      const resolved = original.call(this, request, parent, ...rest);
      // uuid 3 exports a callable; uuid 11 an object of functions.
      if (typeof require(resolved) === 'function') return resolved;
    } catch {
      // 'uuid/v4' is not exported by uuid 11: fall through to the facade.
    }
    return facade;
  }
  return original.call(this, request, parent, ...rest);
};
