import path from 'node:path';
import { initBackend } from '../src/main/engine/backend';
import { loadModel } from '../src/main/engine/modelStore';
import { Recognizer } from '../src/main/engine/recognizer';
import { imageInBox, randomPlacement, strokesInBox } from '../src/main/engine/data/render';
import { loadScanSet } from '../src/main/engine/data/scanFile';
import { letters, penDigits, scanFile } from '../scripts/lib/datasets';
import { seededRandom } from '../src/shared/random';
await initBackend();
const random = seededRandom(1);
const set = await loadScanSet(scanFile('semeion'));
const px = set.side * set.side;
const sem = { boxes: Array.from({ length: set.count }, (_, i) => imageInBox(set.images.subarray(i * px, (i + 1) * px), set.side, randomPlacement(random))), labels: Array.from(set.labels) };
const pt = penDigits('test');
const pen = { boxes: pt.map((s) => strokesInBox(s.strokes, randomPlacement(random))), labels: pt.map((s) => s.label) };
const lt = letters('test');
const let_ = { boxes: lt.map((s) => strokesInBox(s.strokes, randomPlacement(random))), labels: lt.map(() => -1) };
const r = new Recognizer((k) => loadModel(path.join('trained/old-build-cnn'), k), 'cnn');
for (const [name, d] of [['semeion', sem], ['pen', pen], ['letters', let_]] as const) {
  const rs = [];
  for (let i = 0; i < d.boxes.length; i += 5) rs.push(...(await r.recognize(d.boxes.slice(i, i + 5))));
  for (const tau of [0, 0.5, 0.7, 0.9]) {
    let right = 0, shownQ = 0, marked = 0, rightMarked = 0;
    rs.forEach((x, i) => {
      if (x.empty) { marked++; return; }
      const q = x.notDigit > x.confidence && x.notDigit >= tau;
      const unsure = !q && x.confidence < 0.889;
      if (q) shownQ++;
      if (q || unsure) marked++;
      if (!q && x.digit === d.labels[i]) { right++; if (unsure) rightMarked++; }
    });
    console.log(name, 'tau', tau, 'acc', (right / rs.length * 100).toFixed(2), '? shown', (shownQ / rs.length * 100).toFixed(1), 'marked', (marked / rs.length * 100).toFixed(1), 'unsureRight', (rightMarked / Math.max(right, 1) * 100).toFixed(2));
  }
}
