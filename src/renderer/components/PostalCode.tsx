import { useTranslation } from 'react-i18next';
import { codeText } from '../../shared/codeText';
import { copyText } from '../board/copyText';
import { isLanguage } from '../i18n/i18n';
import { useAppStore } from '../store/store';

/**
 * The recognised code as text that can be selected and copied (see codeText for its marks), and
 * under it the region it names, or that it is not a valid code of the chosen system.
 */
export function PostalCode() {
  const { t, i18n } = useTranslation();
  const code = useAppStore((s) => s.code);
  const setNotice = useAppStore((s) => s.setNotice);
  const text = code && code.digits.some((d) => !d.empty) ? codeText(code.digits) : '';
  const complete = code?.digits.every((d) => d.digit !== null) ?? false;
  const language = isLanguage(i18n.language) ? i18n.language : 'en';
  const region = code?.region ? code.region[language] : complete && !code?.valid ? t('result.invalid') : '';
  return (
    <section className="postal-code" aria-live="polite">
      <div className="code-line">
        <span className="label">{t('result.postalCode')}</span>
        <output data-testid="postal-code" className="code">{text}</output>
        {!text && <span className="placeholder">{t('result.none')}</span>}
        <button type="button" disabled={!text} onClick={() => {
          void copyText(text).then((copied) => setNotice(copied
            ? { kind: 'info', text: t('result.copied', { code: text }) }
            : { kind: 'error', text: t('result.copyFailed') }));
        }}>{t('result.copy')}</button>
      </div>
      <output data-testid="region" className={`region${code?.valid ? '' : ' invalid'}`}>{text ? region : ''}</output>
    </section>
  );
}
