import { useTranslation } from 'react-i18next';
import { useAppStore } from '../store/store';
import { ReportView } from './ReportView';
import { useModalDialog } from './useModalDialog';

/** Model ▸ Evaluate: the active model's report on the MNIST test set. */
export function EvaluationDialog() {
  const { t } = useTranslation();
  const evaluation = useAppStore((s) => s.evaluation);
  const ref = useModalDialog(evaluation !== null);
  return (
    <dialog ref={ref} className="training-panel" onClose={() => useAppStore.getState().setEvaluation(null)}>
      {evaluation && (
        <>
          <h2>{t('training.evaluationOf', { model: evaluation.model.toUpperCase(), source: evaluation.modelSource })}</h2>
          <ReportView report={evaluation.report} />
          <form method="dialog"><button type="submit">{t('about.close')}</button></form>
        </>
      )}
    </dialog>
  );
}
