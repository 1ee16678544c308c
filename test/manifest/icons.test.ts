import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { drawColorIcon, drawOutlineIcon } from '../../scripts/app-icons';
import { outlineProblems, projectRoot } from '../../scripts/app-package';

const manifestDir = join(projectRoot(), 'manifest');
const committed = (name: string): PNG => PNG.sync.read(readFileSync(join(manifestDir, name)));

function alphaAt(png: PNG, x: number, y: number): number {
  return png.data[(y * png.width + x) * 4 + 3] ?? -1;
}

describe('Teams app icons', () => {
  it('the colour icon is 192 x 192 and fully opaque', () => {
    const color = committed('color.png');
    assert.equal(color.width, 192);
    assert.equal(color.height, 192);
    for (let i = 3; i < color.data.length; i += 4) assert.equal(color.data[i], 255, `pixel ${(i - 3) / 4} is not opaque`);
  });

  it('the outline icon is 32 x 32, white on a transparent background', () => {
    const outline = committed('outline.png');
    assert.equal(outline.width, 32);
    assert.equal(outline.height, 32);
    assert.deepEqual(outlineProblems(outline), []);
    assert.equal(alphaAt(outline, 0, 0), 0, 'the corner is not transparent');
    let opaque = 0;
    for (let i = 3; i < outline.data.length; i += 4) if (outline.data[i] === 255) opaque += 1;
    assert.ok(opaque > 50, `only ${opaque} opaque pixels: the glyph is missing`);
  });

  it('an outline icon with coloured pixels or no transparency is refused, saying why', () => {
    const coloured = drawOutlineIcon();
    coloured.data[(16 * 32 + 10) * 4] = 0;
    coloured.data[(16 * 32 + 10) * 4 + 3] = 255;
    assert.deepEqual(outlineProblems(coloured), ['The outline icon has 1 visible pixels that are not white; Teams needs white on transparent.']);
    const filled = drawOutlineIcon();
    for (let i = 3; i < filled.data.length; i += 4) filled.data[i] = 255;
    assert.deepEqual(outlineProblems(filled), ['The outline icon has no transparent pixel; Teams needs a transparent background.']);
  });

  it('the committed icons are exactly what scripts/app-icons.ts draws (npm run icons redraws them)', () => {
    assert.ok(committed('color.png').data.equals(drawColorIcon().data), 'color.png differs: run npm run icons');
    assert.ok(committed('outline.png').data.equals(drawOutlineIcon().data), 'outline.png differs: run npm run icons');
  });
});
