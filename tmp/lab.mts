import { loadScanSet } from '../src/main/engine/data/scanFile';
import { scanFile } from '../scripts/lib/datasets';
const s = await loadScanSet(scanFile('semeion'));
console.log(Array.from(s.labels.subarray(0, 60)).join(''));
console.log(Array.from(s.labels.subarray(780, 840)).join(''));
let breaks = 0; for (let i = 1; i < s.count; i++) if (s.labels[i] !== (s.labels[i - 1] + 1) % 10) breaks++;
console.log('breaks', breaks);
