import { useTranslation } from 'react-i18next';
import type { FineTuneReport } from '../../shared/contract';
import { ExampleImage } from './ExampleImage';

const percent = (share: number | null) => (share === null ? '—' : `${(share * 100).toFixed(1)}%`);
const shown = (digit: number) => (digit < 0 ? '?' : String(digit));

/** A fine-tuning's before and after: the held-out examples of the class, MNIST test, and what changed. */
export function FineTuneView({ report }: { report: FineTuneReport }) {
  const { t } = useTranslation();
  const heldOut = report.heldOut === 0 ? t('training.heldOutNone')
    : report.heldOutBy === 'writer' ? t('training.heldOutWriters', { writers: report.heldOutWriters.join(', '), count: report.heldOut })
      : t('training.heldOutExamples', { count: report.heldOut });
  return (
    <section className="fine-tune" data-testid="fine-tune">
      <h3>{t('training.comparison')}</h3>
      <p>{heldOut}</p>
      <table>
        <thead><tr><th /><th>{t('training.before')}</th><th>{t('training.after')}</th></tr></thead>
        <tbody>
          <tr data-testid="held-out-accuracy"><th scope="row">{t('training.ourExamples')}</th><td>{percent(report.before)}</td><td>{percent(report.after)}</td></tr>
          <tr data-testid="mnist-accuracy"><th scope="row">{t('training.testAccuracy')}</th><td>{percent(report.mnistBefore)}</td><td>{percent(report.mnistAfter)}</td></tr>
        </tbody>
      </table>
      <h4>{t('training.changed')}</h4>
      {report.changed.length === 0 ? <p>{t('training.unchanged')}</p> : (
        <ul className="examples">
          {report.changed.map((change) => (
            <li key={change.id} className="example" data-testid="changed-example">
              <ExampleImage strokes={change.strokes} />
              <span>{change.label}: {shown(change.before)} → {shown(change.after)}</span>
              {change.after === change.label && <span className="better">{t('training.nowRight')}</span>}
              {change.before === change.label && <span className="worse">{t('training.nowWrong')}</span>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
