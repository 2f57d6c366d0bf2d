import { useTranslation } from 'react-i18next';
import { saveExamples } from '../actions/examples';
import { useAppStore } from '../store/store';
import { ActionButton } from './ActionButton';

/** Who is drawing, and "Save as examples" for the drawings of the last reading. */
export function SaveExamples() {
  const { t } = useTranslation();
  const writer = useAppStore((s) => s.writerName);
  const setWriter = useAppStore((s) => s.setWriterName);
  return (
    <div className="save-examples">
      <label>
        {t('examples.writer')}{' '}
        <input type="text" value={writer} maxLength={60} placeholder={t('examples.writerHint')}
          onChange={(event) => setWriter(event.target.value)} />
      </label>
      <ActionButton action={saveExamples} />
    </div>
  );
}
