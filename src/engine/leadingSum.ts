/**
 * Sums `x`, read as `rows` rows of `width` values, over its rows: out[c] = Σ_r x[r · width + c].
 * It is the gradient of a bias added to every position (the sum over batch, height and width per
 * channel). tfjs-wasm's Sum moves the summed axes innermost first, a transpose of the whole
 * tensor: 20 ms for the CNN's first layer, where one sequential pass takes a few. Accumulates in
 * double precision, so long sums lose nothing to rounding.
 */
export function leadingSumInto(x: Float32Array, rows: number, width: number, out: Float32Array): void {
  const totals = new Float64Array(width);
  for (let row = 0, at = 0; row < rows; row++) {
    for (let c = 0; c < width; c++, at++) totals[c] += x[at];
  }
  out.set(totals);
}
