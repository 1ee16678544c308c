/**
 * `npm run icons`: redraws manifest/color.png and manifest/outline.png from scripts/app-icons.ts.
 * The PNGs are committed; run this only after changing the drawing.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { drawColorIcon, drawOutlineIcon, encodePng } from './app-icons';
import { projectRoot } from './app-package';

const manifestDir = join(projectRoot(), 'manifest');
writeFileSync(join(manifestDir, 'color.png'), encodePng(drawColorIcon()));
writeFileSync(join(manifestDir, 'outline.png'), encodePng(drawOutlineIcon()));
process.stdout.write(`Wrote ${join(manifestDir, 'color.png')} and ${join(manifestDir, 'outline.png')}\n`);
