import path from 'node:path';
import { initBackend } from '../src/main/engine/backend';
import { loadModel } from '../src/main/engine/modelStore';
import { Recognizer } from '../src/main/engine/recognizer';
import { imageInBox, randomPlacement } from '../src/main/engine/data/render';
import { loadScanSet } from '../src/main/engine/data/scanFile';
import { scanFile } from '../scripts/lib/datasets';
import { seededRandom } from '../src/shared/random';
await initBackend();
const random = seededRandom(1);
const set = await loadScanSet(scanFile('semeion'));
const px = set.side * set.side;
const boxes = Array.from({ length: set.count }, (_, i) => imageInBox(set.images.subarray(i * px, (i + 1) * px), set.side, randomPlacement(random)));
for (const [root, kind] of [['trained/cand', 'cnn'], ['models', 'cnn']] as const) {
  const r = new Recognizer((k) => loadModel(path.join(root, k), k), kind);
  const m = Array.from({ length: 10 }, () => new Array(11).fill(0));
  for (let i = 0; i < boxes.length; i += 5) (await r.recognize(boxes.slice(i, i + 5))).forEach((x, j) => { m[set.labels[i + j]][x.empty ? 10 : x.status === 'notDigit' ? 10 : x.digit]++; });
  console.log(root, '\n' + m.map((row, d) => d + ': ' + row.map((n: number) => String(n).padStart(4)).join('')).join('\n'));
}
