import { useTranslation } from 'react-i18next';
import { codeText } from '../../shared/codeText';
import { useAppStore } from '../store/store';

/** The recognised code as text that can be selected and copied (see codeText for its marks). */
export function PostalCode() {
  const { t } = useTranslation();
  const readings = useAppStore((s) => s.readings);
  const setNotice = useAppStore((s) => s.setNotice);
  const code = readings && readings.some((r) => !r.empty) ? codeText(readings) : '';
  return (
    <section className="postal-code" aria-live="polite">
      <span className="label">{t('result.postalCode')}</span>
      <output data-testid="postal-code" className="code">{code}</output>
      {!code && <span className="placeholder">{t('result.none')}</span>}
      <button type="button" disabled={!code} onClick={() => {
        void navigator.clipboard?.writeText(code).then(
          () => setNotice({ kind: 'info', text: t('result.copied', { code }) }),
          () => undefined);
      }}>{t('result.copy')}</button>
    </section>
  );
}
