import type { Page } from '@playwright/test';
import { BOX_SIZE } from '../../src/shared/geometry';
import type { Stroke } from '../../src/shared/rasterize';

/** Replays strokes (box units) as real mouse drags over the box's element. */
export async function drawInBox(page: Page, box: number, strokes: readonly Stroke[]): Promise<void> {
  const element = page.getByTestId(`box-${box}`);
  const rect = await element.boundingBox();
  if (!rect) throw new Error(`box-${box} is not visible`);
  const scale = rect.width / BOX_SIZE;
  for (const stroke of strokes) {
    const [first, ...rest] = stroke;
    await page.mouse.move(rect.x + first[0] * scale, rect.y + first[1] * scale);
    await page.mouse.down();
    for (const [x, y] of rest) await page.mouse.move(rect.x + x * scale, rect.y + y * scale);
    await page.mouse.up();
  }
}
