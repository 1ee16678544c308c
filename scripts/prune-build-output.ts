/**
 * The second half of `npm run build` (after an incremental `tsc`): removes what the compiler once
 * wrote for sources that no longer exist (a renamed or deleted file), so no stale module or test
 * lingers in dist/. The output of every source that still exists is left alone, and `tsc
 * --incremental` rewrites only what changed, so a bot running from dist/ (`npm start`) keeps every
 * file it may still load while another terminal builds (`npm run playground`).
 */
import { existsSync, readdirSync, rmdirSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { projectDir } from './project-dir';

/** The folders tsc compiles (tsconfig.json `include`). */
const compiledFolders = ['src', 'dialogs', 'cards', 'simulator', 'test', 'scripts', 'bench'] as const;

/** The source a compiler output comes from (`x.js` and `x.js.map` from `x.ts`, a JSON module from itself), or undefined for other files. */
export function sourceOf(output: string): string | undefined {
  if (output.endsWith('.js.map')) return `${output.slice(0, -'.js.map'.length)}.ts`;
  if (output.endsWith('.js')) return `${output.slice(0, -'.js'.length)}.ts`;
  if (output.endsWith('.json')) return output;
  return undefined;
}

function filesUnder(folder: string): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(folder, entry.name)) : [join(folder, entry.name)],
  );
}

/** Outputs in `outDir` whose source in `rootDir` is gone, as paths relative to `outDir`. */
export function staleOutputs(rootDir: string, outDir: string): string[] {
  return compiledFolders.flatMap((folder) =>
    filesUnder(join(outDir, folder))
      .map((file) => relative(outDir, file))
      .filter((output) => {
        const source = sourceOf(output);
        return source !== undefined && !existsSync(join(rootDir, source));
      }),
  );
}

function removeEmptyFolders(folder: string): void {
  if (!existsSync(folder)) return;
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    if (entry.isDirectory()) removeEmptyFolders(join(folder, entry.name));
  }
  if (readdirSync(folder).length === 0) rmdirSync(folder);
}

/** Removes the stale outputs (and folders left empty); returns what it removed. */
export function pruneBuildOutput(rootDir: string, outDir: string): string[] {
  const stale = staleOutputs(rootDir, outDir);
  for (const output of stale) rmSync(join(outDir, output), { force: true });
  for (const folder of compiledFolders) removeEmptyFolders(join(outDir, folder));
  return stale;
}

if (require.main === module) {
  const root = projectDir();
  const removed = pruneBuildOutput(root, join(root, 'dist'));
  if (removed.length > 0) process.stdout.write(`Removed ${removed.length} compiled file(s) whose source is gone.\n`);
}
