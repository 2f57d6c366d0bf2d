import { useTranslation } from 'react-i18next';
import { useAppStore } from '../store/store';
import { useModalDialog } from './useModalDialog';

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
          <dd>{info.model.kind.toUpperCase()}: {info.model.architecture} ({info.model.parameters.toLocaleString()})</dd>
          <dt>{t('about.accuracy')}</dt>
          <dd>{accuracy == null ? '—' : `${(accuracy * 100).toFixed(2)}%`}</dd>
          <dt>{t('about.trained')}</dt>
          <dd>{info.model.trainedAt.slice(0, 10)} · {info.model.epochsTrained} epochs · {info.model.trainedOn}</dd>
          <dt>{t('about.backend')}</dt>
          <dd>{info.backend}{info.fallbackReasons.length > 0 && ` (${info.fallbackReasons.join('; ')})`}</dd>
          <dt>{t('about.versions')}</dt>
          <dd>{Object.entries(info.versions).map(([name, version]) => `${name} ${version}`).join(' · ')}</dd>
        </dl>
      )}
      <form method="dialog"><button type="submit">{t('about.close')}</button></form>
    </dialog>
  );
}
