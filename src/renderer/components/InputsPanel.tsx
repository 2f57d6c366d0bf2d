import { useTranslation } from 'react-i18next';
import { preprocess } from '../../shared/preprocess';
import { boxInk } from '../../shared/boxInk';
import { useAppStore } from '../store/store';
import { DigitImage } from './DigitImage';

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
            <DigitImage values={input} full={1} className="input-image" testId={`input-${index}`} />
            <figcaption>{input ? t('box', { n: index + 1 }) : t('inputs.empty')}</figcaption>
          </figure>
        ))}
      </div>
    </section>
  );
}
