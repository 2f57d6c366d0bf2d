import type { Pooling } from '../../src/engine/blend';

/**
 * How the bundled CNN's answer pools the MLP's: by their weighted geometric mean, the MLP's at this
 * share. The two err on different digits, so the blend is less sure where they disagree: of the
 * CNN's wrong pen-drawn digits, more fall below the unsure threshold. A geometric pool doubts a
 * digit one member all but rules out, where an arithmetic one (the weighted sum of probabilities)
 * only averages the doubt away. Chosen by `npm run bench -- blend`: the least log loss of the
 * calibration writers' pen-drawn digits and of Semeion's last batch, after temperature scaling,
 * each read at five placements. For the bundled networks: 0.0384 for the CNN alone; 0.0360,
 * 0.0353, 0.0352, 0.0357, 0.0366 for the weighted sum with the MLP at 0.1–0.5; 0.0359, 0.0343,
 * 0.0335, 0.0333, 0.0334, 0.0337, 0.0342 for the geometric mean at 0.1, 0.2, 0.3, 0.35, 0.4, 0.45, 0.5.
 */
export const BLEND: { pooling: Pooling; mlpShare: number } = { pooling: 'geometric', mlpShare: 0.35 };
