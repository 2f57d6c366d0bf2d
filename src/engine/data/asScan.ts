import type { InkImage } from '../../shared/ink';
import { fitLongerSide, inkBounds, resample } from '../../shared/preprocess';

/** How a collector of scanned digits stores each one: USPS keeps its aspect, Semeion stretches it to its square and cuts it to 1 bit. */
export interface ScanStyle {
  name: string;
  side: number;
  stretched: boolean;
  /** Ink at or above this share of the darkest pixel becomes 255, the rest 0; null keeps the grey levels. */
  oneBitAt: number | null;
}

export const SCAN_STYLES: readonly ScanStyle[] = [
  { name: 'usps', side: 16, stretched: false, oneBitAt: null },
  { name: 'semeion', side: 16, stretched: true, oneBitAt: 0.5 },
];

/**
 * A digit (ink white on black) as such a collector would have stored it: cropped to its ink,
 * brought down to `side` pixels (the longer side, centred; or stretched to fill the square), its
 * darkest pixel made full ink. So MNIST's test writers, never trained on, can be read as scans of
 * the kinds the scanned sets hold, and not only as the few hundred writers of those sets.
 */
export function asScan(digit: InkImage, { side, stretched, oneBitAt }: ScanStyle): Uint8Array {
  const pixels = new Uint8Array(side * side);
  const bounds = inkBounds(digit);
  if (!bounds) return pixels;
  const { glyph, width, height } = stretched
    ? { glyph: resample(digit, bounds, side, side), width: side, height: side }
    : fitLongerSide(digit, bounds, side);
  const darkest = glyph.reduce((most, value) => Math.max(most, value), 0);
  const left = Math.floor((side - width) / 2);
  const top = Math.floor((side - height) / 2);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const level = glyph[y * width + x] / darkest;
      pixels[(top + y) * side + left + x] = oneBitAt === null ? Math.round(level * 255) : level >= oneBitAt ? 255 : 0;
    }
  }
  return pixels;
}
