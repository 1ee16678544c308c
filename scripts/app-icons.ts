import { PNG } from 'pngjs';

/** The app's accent colour (manifest accentColor and the colour icon's background). */
export const accentColor = '#2B579A';

/**
 * The glyph, in unit coordinates (0..1 both ways, y down): a person with a "+" beside them,
 * "add a person". True where the point is inside the shape.
 */
function insideGlyph(x: number, y: number): boolean {
  const head = (x - 0.38) ** 2 + (y - 0.34) ** 2 <= 0.145 ** 2;
  const shoulders = y >= 0.56 && y <= 0.86 && ((x - 0.38) / 0.28) ** 2 + ((y - 0.86) / 0.3) ** 2 <= 1;
  const plusCentreX = 0.8;
  const plusCentreY = 0.4;
  const arm = 0.15;
  const half = 0.045;
  const plus =
    (Math.abs(x - plusCentreX) <= arm && Math.abs(y - plusCentreY) <= half) ||
    (Math.abs(y - plusCentreY) <= arm && Math.abs(x - plusCentreX) <= half);
  return head || shoulders || plus;
}

/** How much of the pixel (px, py) the glyph covers, 0..1, sampling 4 x 4 points per pixel. */
function coverage(px: number, py: number, size: number, margin: number): number {
  const samples = 4;
  let inside = 0;
  for (let sy = 0; sy < samples; sy += 1) {
    for (let sx = 0; sx < samples; sx += 1) {
      const x = (px + (sx + 0.5) / samples - margin) / (size - 2 * margin);
      const y = (py + (sy + 0.5) / samples - margin) / (size - 2 * margin);
      if (x >= 0 && x <= 1 && y >= 0 && y <= 1 && insideGlyph(x, y)) inside += 1;
    }
  }
  return inside / (samples * samples);
}

function rgb(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff];
}

/** The 192 x 192 colour icon: the white glyph on an opaque accent-coloured square. */
export function drawColorIcon(): PNG {
  const size = 192;
  const png = new PNG({ width: size, height: size });
  const [r, g, b] = rgb(accentColor);
  for (let y = 0; y < size; y += 1) {
    for (let x = 0; x < size; x += 1) {
      const c = coverage(x, y, size, 36);
      const i = (y * size + x) * 4;
      png.data[i] = Math.round(r + (255 - r) * c);
      png.data[i + 1] = Math.round(g + (255 - g) * c);
      png.data[i + 2] = Math.round(b + (255 - b) * c);
      png.data[i + 3] = 255;
    }
  }
  return png;
}

/** The 32 x 32 outline icon: the glyph in white on a transparent background, as Teams asks. */
export function drawOutlineIcon(): PNG {
  const size = 32;
  const png = new PNG({ width: size, height: size });
  for (let y = 0; y < size; y += 1) {
    for (let x = 0; x < size; x += 1) {
      const i = (y * size + x) * 4;
      png.data[i] = 255;
      png.data[i + 1] = 255;
      png.data[i + 2] = 255;
      png.data[i + 3] = Math.round(255 * coverage(x, y, size, 2));
    }
  }
  return png;
}

export function encodePng(png: PNG): Buffer {
  return PNG.sync.write(png);
}
