import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { INPUT_SIDE } from '../../shared/geometry';
import { preprocess } from '../../shared/preprocess';
import { boxInk } from '../board/boxInk';
import { useAppStore } from '../store/store';

function InputImage({ index, input }: { index: number; input: ArrayLike<number> | null }) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const context = ref.current?.getContext('2d');
    if (!context) return;
    const image = context.createImageData(INPUT_SIDE, INPUT_SIDE);
    for (let i = 0; i < INPUT_SIDE * INPUT_SIDE; i++) {
      const shade = 255 - Math.round((input?.[i] ?? 0) * 255);
      image.data.set([shade, shade, shade, 255], i * 4);
    }
    context.putImageData(image, 0, 0);
  }, [input]);
  return <canvas ref={ref} width={INPUT_SIDE} height={INPUT_SIDE} className="input-image" data-testid={`input-${index}`} />;
}

/**
 * The five 28×28 inputs, enlarged with visible pixels. After a recognition these are the inputs
 * the engine used; before one, the same preprocessing applied here to the current drawing.
 */
export function InputsPanel() {
  const { t } = useTranslation();
  const strokes = useAppStore((s) => s.strokes);
  const readings = useAppStore((s) => s.readings);
  const inputs = readings
    ? readings.map((r) => (r.empty ? null : r.input))
    : strokes.map((boxStrokes) => preprocess(boxInk(boxStrokes)).input);
  return (
    <section className="inputs-panel" aria-label={t('inputs.title')}>
      <h2>{t('inputs.title')}</h2>
      <div className="inputs">
        {inputs.map((input, index) => (
          <figure key={index}>
            <InputImage index={index} input={input} />
            <figcaption>{input ? t('box', { n: index + 1 }) : t('inputs.empty')}</figcaption>
          </figure>
        ))}
      </div>
    </section>
  );
}
