import { useTranslation } from 'react-i18next';
import type { TrainingData } from '../../shared/contract';
import { formatDuration } from '../../shared/format';
import { adoptTrainedModel, cancelTraining, startTraining } from '../actions/training';
import { useAppStore } from '../store/store';
import { panelRun } from '../store/trainingSlice';
import { useActions, useEnabled } from '../useActions';
import { ActionButton } from './ActionButton';
import { FineTuneView } from './FineTuneView';
import { LearningCurves } from './LearningCurves';
import { PresetPicker } from './PresetPicker';
import { ReportView } from './ReportView';
import { useModalDialog } from './useModalDialog';

function NumberField({ label, value, onChange, min, max, step }: {
  label: string; value: number; onChange: (value: number) => void; min: number; max: number; step: number | 'any';
}) {
  return (
    <label>
      {label}
      <input type="number" value={value} min={min} max={max} step={step}
        onChange={(event) => onChange(Number(event.target.value))} />
    </label>
  );
}

/** Retrain MLP… / Retrain CNN…: settings, Start and Cancel, live progress and curves, the report. */
export function TrainingPanel() {
  const { t } = useTranslation();
  const perform = useActions();
  const model = useAppStore((s) => s.trainingPanel);
  const runs = useAppStore((s) => s.runs);
  const forms = useAppStore((s) => s.trainingForms);
  const error = useAppStore((s) => s.trainingError);
  const current = useAppStore(panelRun);
  const ref = useModalDialog(model !== null);
  const form = forms[model ?? 'mlp'];
  const fineTuning = form.data === 'examples';
  const exampleCount = useAppStore((s) => s.exampleCounts?.total ?? 0);
  const modelRuns = runs.filter((run) => run.request.model === model);
  const batch = current?.lastBatch;
  const fraction = batch ? ((batch.epoch - 1) * batch.batches + batch.batch) / (batch.batches * batch.epochs) : 0;
  const update = (change: Partial<typeof form>) => {
    if (model) useAppStore.getState().updateTrainingForm(model, change);
  };

  return (
    <dialog ref={ref} className="training-panel" aria-labelledby="training-title"
      onClose={() => useAppStore.getState().closeTraining()}>
      <h2 id="training-title">{model === 'mlp' ? t('training.retrainMlp') : t('training.retrainCnn')}</h2>
      {model && !fineTuning && <PresetPicker model={model} />}
      <form className="training-form" onSubmit={(event) => { event.preventDefault(); perform(startTraining); }}>
        <label>
          {t('training.data')}
          <select value={form.data} onChange={(e) => update({ data: e.target.value as TrainingData })}>
            <option value="mnist">{t('training.dataMnist')}</option>
            <option value="examples" disabled={!exampleCount}>{t('training.dataExamples', { count: exampleCount })}</option>
          </select>
        </label>
        <label className="checkbox">
          <input type="checkbox" checked={form.fromActive || fineTuning} disabled={fineTuning}
            onChange={(e) => update({ fromActive: e.target.checked })} />
          {t('training.fromActive')}
        </label>
        <label>
          {t('training.optimizer')}
          <select value={form.optimizer} onChange={(e) => update({ optimizer: e.target.value as 'adam' | 'sgd' })}>
            <option value="adam">Adam</option>
            <option value="sgd">SGD</option>
          </select>
        </label>
        <NumberField label={t('training.learningRate')} value={form.learningRate} min={0.00001} max={1} step="any" onChange={(learningRate) => update({ learningRate })} />
        <NumberField label={t('training.epochs')} value={form.epochs} min={1} max={100} step={1} onChange={(epochs) => update({ epochs })} />
        <NumberField label={t('training.batchSize')} value={form.batchSize} min={8} max={1024} step={1} onChange={(batchSize) => update({ batchSize })} />
        {!fineTuning && (
          <NumberField label={t('training.trainingSize')} value={form.trainingSize} min={100} max={60000} step={100}
            onChange={(trainingSize) => update({ trainingSize })} />
        )}
        <label className="checkbox">
          <input type="checkbox" checked={form.augment} onChange={(e) => update({ augment: e.target.checked })} />
          {t('training.augment')}
        </label>
        <label className="checkbox">
          <input type="checkbox" checked={form.cosineDecay} onChange={(e) => update({ cosineDecay: e.target.checked })} />
          {t('training.cosineDecay')}
        </label>
        <div className="training-buttons">
          <StartButton />
          <ActionButton action={cancelTraining} />
          <button type="button" onClick={() => ref.current?.close()}>{t('about.close')}</button>
        </div>
      </form>
      {error && <p className="notice error" role="alert" title={error.detail}>{error.text}</p>}
      {current && (
        <section className="training-status" aria-live="polite">
          <progress data-testid="training-progress" max={1} value={current.status === 'finished' ? 1 : fraction} />
          <span data-testid="training-status" title={current.error ?? undefined}>
            {current.status === 'running' && current.validating
              ? t('training.validating', {
                epoch: current.validating.epoch, percent: Math.round((current.validating.done / current.validating.total) * 100),
              })
              : current.status === 'running' && batch
              ? t('training.progress', {
                epoch: batch.epoch, epochs: batch.epochs, percent: Math.round(fraction * 100),
                speed: Math.round(batch.samplesPerSecond), eta: formatDuration(batch.etaSeconds),
              })
              : t(`training.status.${current.status}`, { error: current.code ? t(`errors.${current.code}`) : '' })}
          </span>
        </section>
      )}
      {modelRuns.some((run) => run.epochs.length > 0) && <LearningCurves runs={modelRuns} />}
      {current?.epochs.length ? (
        <table className="epochs" data-testid="epoch-table">
          <thead><tr><th>{t('training.epoch')}</th><th>{t('training.loss')}</th><th>{t('training.accuracy')}</th><th>{t('training.valLoss')}</th><th>{t('training.valAccuracy')}</th></tr></thead>
          <tbody>
            {current.epochs.map((e) => (
              <tr key={e.epoch}>
                <td>{e.epoch}</td><td>{e.loss.toFixed(4)}</td><td>{(e.accuracy * 100).toFixed(2)}%</td>
                <td>{e.validationLoss?.toFixed(4) ?? '—'}</td><td>{e.validationAccuracy == null ? '—' : `${(e.validationAccuracy * 100).toFixed(2)}%`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {current?.fineTune && <FineTuneView report={current.fineTune} />}
      {current?.report && (
        <>
          <ReportView report={current.report} />
          <ActionButton action={adoptTrainedModel} className="use-model" />
        </>
      )}
    </dialog>
  );
}

/** Start submits the settings form, so Enter in a field starts too. */
function StartButton() {
  const { t } = useTranslation();
  const enabled = useEnabled(startTraining);
  return <button type="submit" disabled={!enabled}>{t(startTraining.labelKey)}</button>;
}
