import { useTranslation } from 'react-i18next';
import { PRESETS, TRAINING_PRESETS, type ModelKind, type TrainingForm, type TrainingPreset } from '../../shared/contract';
import { useAppStore } from '../store/store';

/**
 * What each preset took and reached on a 2-core machine with the wasm backend (the slowest the app
 * runs on): minutes for the whole run, MNIST test accuracy, and the share of the pen-drawn test
 * writers' digits (UCI pendigits) read right. Measured with `npm run train` at the preset's
 * settings and `npm run bench -- accuracy --models-root DIR --mnist-limit 2000`.
 */
const MEASURED: Record<TrainingPreset, Record<ModelKind, { minutes: number; mnist: number; pen: number }>> = {
  quick: { mlp: { minutes: 0.4, mnist: 96.19, pen: 86.87 }, cnn: { minutes: 0.4, mnist: 96.6, pen: 83.35 } },
  lesson: { mlp: { minutes: 5.6, mnist: 98.9, pen: 98.16 }, cnn: { minutes: 4.1, mnist: 99.11, pen: 98.16 } },
  course: { mlp: { minutes: 20.1, mnist: 98.34, pen: 92.47 }, cnn: { minutes: 7.5, mnist: 99.26, pen: 94.64 } },
};

const sameSettings = (a: TrainingForm, b: TrainingForm) =>
  (Object.keys(a) as (keyof TrainingForm)[]).every((key) => a[key] === b[key]);

/** Quick look, Lesson, Full course settings: each sets the whole form, and says what it took here. */
export function PresetPicker({ model }: { model: ModelKind }) {
  const { t } = useTranslation();
  const form = useAppStore((s) => s.trainingForms[model]);
  const update = useAppStore((s) => s.updateTrainingForm);
  return (
    <fieldset className="presets">
      <legend>{t('training.presets')}</legend>
      {TRAINING_PRESETS.map((preset) => {
        const measured = MEASURED[preset][model];
        return (
          <button key={preset} type="button" aria-pressed={sameSettings(form, PRESETS[preset][model])}
            onClick={() => update(model, PRESETS[preset][model])}>
            <b>{t(`training.preset.${preset}`)}</b>
            <small>{t('training.presetFigures', {
              minutes: measured.minutes.toFixed(measured.minutes < 10 ? 1 : 0), mnist: measured.mnist.toFixed(1), pen: measured.pen.toFixed(1),
            })}</small>
          </button>
        );
      })}
    </fieldset>
  );
}
