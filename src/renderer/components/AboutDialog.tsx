import { useTranslation } from 'react-i18next';
import { useAppStore } from '../store/store';
import { useModalDialog } from './useModalDialog';

/** The hosts' version keys as their products are called. */
const PRODUCT_NAMES: Record<string, string> = { node: 'Node.js', electron: 'Electron', chrome: 'Chromium' };

export function AboutDialog() {
  const { t } = useTranslation();
  const open = useAppStore((s) => s.aboutOpen);
  const setOpen = useAppStore((s) => s.setAboutOpen);
  const info = useAppStore((s) => s.info);
  const ref = useModalDialog(open);
  const accuracy = info?.model.mnistTestAccuracy;
  return (
    <dialog ref={ref} className="about" onClose={() => setOpen(false)}>
      <h2>{t('title')}</h2>
      <p>{t('about.body')}</p>
      {info && (
        <dl>
          <dt>{t('about.model')}</dt>
          <dd>
            {info.model.kind.toUpperCase()}: {info.model.architecture} ({t('about.parameters', { count: info.model.parameters.toLocaleString() })})
            <br />{t('about.outputs')}
          </dd>
          <dt>{t('about.accuracy')}</dt>
          <dd>{accuracy == null ? '—' : `${(accuracy * 100).toFixed(2)}%`}</dd>
          <dt>{t('about.trained')}</dt>
          <dd>{info.model.trainedAt.slice(0, 10)} · {t('about.epochs', { count: info.model.epochsTrained })} · {info.model.trainedOn}</dd>
          <dt>{t('about.backend')}</dt>
          <dd title={info.fallbackReasons.join('\n') || undefined}>
            {info.backend}{info.fallbackReasons.length > 0 && ` (${t('about.fallback')})`}
          </dd>
          <dt>{t('about.versions')}</dt>
          <dd>{Object.entries(info.versions).map(([name, version]) => `${name === 'app' ? t('title') : (PRODUCT_NAMES[name] ?? name)} ${version}`).join(' · ')}</dd>
        </dl>
      )}
      <form method="dialog"><button type="submit">{t('about.close')}</button></form>
    </dialog>
  );
}
