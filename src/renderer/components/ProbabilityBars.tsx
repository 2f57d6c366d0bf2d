import { useTranslation } from 'react-i18next';
import { useAppStore } from '../store/store';

/** The selected box's ten digit probabilities, and that of "not a digit", as labelled bars. */
export function ProbabilityBars() {
  const { t } = useTranslation();
  const box = useAppStore((s) => s.selectedBox);
  const reading = useAppStore((s) => (s.selectedBox === null ? undefined : s.readings?.[s.selectedBox]));
  if (box === null || !reading || reading.empty) return null;
  const rows = [
    ...reading.probabilities.map((p, digit) => ({ key: String(digit), label: String(digit), p })),
    { key: 'none', label: t('result.notDigitShort'), p: reading.notDigit },
  ];
  return (
    <section className="probabilities" data-testid="probability-bars" aria-label={t('result.probabilities', { n: box + 1 })}>
      <h2>{t('result.probabilities', { n: box + 1 })}</h2>
      <ul>
        {rows.map(({ key, label, p }) => (
          <li key={key} data-testid={`bar-${key}`}>
            <span className="bar-label">{label}</span>
            <span className="bar" aria-hidden="true"><span style={{ width: `${Math.max(0.5, p * 100)}%` }} /></span>
            <span className="bar-value">{(p * 100).toFixed(p < 0.1 ? 1 : 0)}%</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
