/**
 * The app's icons, drawn once per process from the emblem (public/favicon.svg, the council's
 * emblem placeholder) by sharp: the sizes Android and iOS ask for, and a "maskable" one whose
 * emblem sits inside the safe circle on a full background, so a launcher's crop never cuts it.
 */
import { readFileSync } from 'node:fs';
import sharp from 'sharp';
import { publicDir } from '../platform/assets.ts';
import { brandColour } from '../platform/site.ts';

/** The emblem's background, the theme colour of the app. */
export const themeColour = brandColour;

export interface IconSpec {
  size: number;
  maskable: boolean;
}

/** Each icon by its file name under /ikon/. */
export const icons: Readonly<Record<string, IconSpec>> = {
  '96.png': { size: 96, maskable: false },
  '192.png': { size: 192, maskable: false },
  '512.png': { size: 512, maskable: false },
  'maskable-192.png': { size: 192, maskable: true },
  'maskable-512.png': { size: 512, maskable: true },
  // iOS takes the apple-touch-icon and rounds it itself: full bleed, like the maskable one.
  'apple-touch-icon.png': { size: 180, maskable: true },
};

const drawn = new Map<string, Promise<Buffer>>();

async function draw({ size, maskable }: IconSpec): Promise<Buffer> {
  const emblem = readFileSync(`${publicDir}favicon.svg`);
  if (!maskable)
    return sharp(emblem, { density: (72 * size) / 32 })
      .resize(size, size)
      .png()
      .toBuffer();
  // The safe zone of a maskable icon is the centre circle of 80 % of its width; the emblem's
  // square, at 62 %, fits inside it.
  const inner = Math.round(size * 0.62);
  const glyph = await sharp(emblem, { density: (72 * inner) / 32 })
    .resize(inner, inner)
    .png()
    .toBuffer();
  return sharp({ create: { width: size, height: size, channels: 4, background: themeColour } })
    .composite([{ input: glyph, gravity: 'centre' }])
    .png()
    .toBuffer();
}

/** The icon's PNG bytes (drawn on first use, then kept). */
export function iconBytes(name: string): Promise<Buffer> | undefined {
  const spec = icons[name];
  if (spec === undefined) return undefined;
  let bytes = drawn.get(name);
  if (bytes === undefined) {
    bytes = draw(spec);
    drawn.set(name, bytes);
  }
  return bytes;
}
