import { useTranslation } from 'react-i18next';
import { copyCode } from '../actions/copyCode';
import { isLanguage } from '../i18n/i18n';
import { shownCodeText } from '../store/resultSlice';
import { useAppStore } from '../store/store';
import { ActionButton } from './ActionButton';

/**
 * The recognised code as text that can be selected and copied (see codeText for its marks), and
 * under it the region it names, or that it is not a valid code of the chosen system.
 */
export function PostalCode() {
  const { t, i18n } = useTranslation();
  const code = useAppStore((s) => s.code);
  const text = useAppStore(shownCodeText);
  const complete = code?.digits.every((d) => d.digit !== null) ?? false;
  const language = isLanguage(i18n.language) ? i18n.language : 'en';
  const region = code?.region ? code.region[language] : complete && !code?.valid ? t('result.invalid') : '';
  return (
    <section className="postal-code" aria-live="polite">
      <div className="code-line">
        <span className="label">{t('result.postalCode')}</span>
        <output data-testid="postal-code" className="code">{text}</output>
        {!text && <span className="placeholder">{t('result.none')}</span>}
        <ActionButton action={copyCode} />
      </div>
      <output data-testid="region" className={`region${code?.valid ? '' : ' invalid'}`}>{text ? region : ''}</output>
    </section>
  );
}
