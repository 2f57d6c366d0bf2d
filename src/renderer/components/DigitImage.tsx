import { useEffect, useRef } from 'react';
import { INPUT_SIDE } from '../../shared/geometry';

interface Props {
  /** 28×28 ink values, row-major; null paints a blank image. */
  values: ArrayLike<number> | null;
  /** What full ink is: 1 for model inputs, 255 for MNIST bytes. */
  full: number;
  className: string;
  testId?: string;
}

/** A 28×28 digit as dark ink on white, one canvas pixel per input pixel (enlarged by CSS). */
export function DigitImage({ values, full, className, testId }: Props) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const context = ref.current?.getContext('2d');
    if (!context) return;
    const image = context.createImageData(INPUT_SIDE, INPUT_SIDE);
    for (let i = 0; i < INPUT_SIDE * INPUT_SIDE; i++) {
      const shade = 255 - Math.round(((values?.[i] ?? 0) / full) * 255);
      image.data.set([shade, shade, shade, 255], i * 4);
    }
    context.putImageData(image, 0, 0);
  }, [values, full]);
  return <canvas ref={ref} width={INPUT_SIDE} height={INPUT_SIDE} className={className} data-testid={testId} />;
}
