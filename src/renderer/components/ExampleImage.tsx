import { memo, useMemo } from 'react';
import { boxInk } from '../../shared/boxInk';
import { preprocess } from '../../shared/preprocess';
import type { Stroke } from '../../shared/rasterize';
import { DigitImage } from './DigitImage';

/** A saved drawing as the model sees it: the 28×28 input the app's own preprocessing makes of it. */
export const ExampleImage = memo(function ExampleImage({ strokes }: { strokes: readonly Stroke[] }) {
  const input = useMemo(() => preprocess(boxInk(strokes)).input ?? null, [strokes]);
  return <DigitImage values={input} full={1} className="example-image" />;
});
