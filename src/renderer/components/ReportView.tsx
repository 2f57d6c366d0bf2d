import { useTranslation } from 'react-i18next';
import type { Report } from '../../shared/contract';
import { DigitImage } from './DigitImage';

/** A class of the confusion matrix: a digit, or "?" for the not-a-digit class after them. */
const classLabel = (index: number) => (index < 10 ? String(index) : '?');

/** Accuracy on the test set, the confusion matrix as a heat map, and the most confident mistakes. */
export function ReportView({ report }: { report: Report }) {
  const { t } = useTranslation();
  const largestError = Math.max(1, ...report.confusion.flatMap((row, i) => row.filter((_, j) => j !== i)));
  return (
    <section className="report" data-testid="report">
      <p className="report-accuracy">
        {t('training.testAccuracy')}: <strong data-testid="test-accuracy">{(report.accuracy * 100).toFixed(2)}%</strong>{' '}
        ({report.samples.toLocaleString()} {t('training.images')})
      </p>
      <div className="report-body">
        <table className="confusion" data-testid="confusion-matrix" aria-label={t('training.confusion')}>
          <caption>{t('training.confusion')}</caption>
          <thead>
            <tr><th scope="col">{t('training.truthRead')}</th>{(report.confusion[0] ?? []).map((_, j) => <th key={j} scope="col">{classLabel(j)}</th>)}</tr>
          </thead>
          <tbody>
            {report.confusion.map((row, i) => (
              <tr key={i}>
                <th scope="row">{i}</th>
                {row.map((count, j) => {
                  // Correct readings in green by their share of the row, errors in red by size.
                  const total = row.reduce((a, b) => a + b, 0) || 1;
                  const style = i === j
                    ? { background: `rgba(46, 125, 50, ${0.15 + 0.6 * (count / total)})` }
                    : { background: `rgba(198, 40, 40, ${count === 0 ? 0 : 0.12 + 0.78 * (count / largestError)})` };
                  return <td key={j} style={style}>{count}</td>;
                })}
              </tr>
            ))}
          </tbody>
        </table>
        <div className="mistakes">
          <h3>{t('training.mistakes')}</h3>
          <div className="mistake-grid">
            {report.mistakes.map((m) => (
              <figure key={m.index} data-testid="mistake">
                <DigitImage values={m.pixels} full={255} className="mistake-image" />
                <figcaption>{m.truth} → {classLabel(m.predicted)} ({Math.round(m.confidence * 100)}%)</figcaption>
              </figure>
            ))}
          </div>
        </div>
      </div>
    </section>
  );
}
