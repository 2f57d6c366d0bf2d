import { useTranslation } from 'react-i18next';
import { MENU_ACTIONS } from '../actions';
import type { CodeSystemId } from '../../shared/contract';
import { CODE_SYSTEMS } from '../../shared/postal/systems';
import { isLanguage, LANGUAGES, setLanguage, type Language } from '../i18n/i18n';
import { readsAsYouDraw } from '../store/resultSlice';
import { useAppStore } from '../store/store';
import { useActions } from '../useActions';
import { ActionButton } from './ActionButton';

const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', ko: '한국어' };

/** The active model (switchable), the TensorFlow backend, sound and language. */
export function StatusBar() {
  const { t, i18n } = useTranslation();
  const perform = useActions();
  const info = useAppStore((s) => s.info);
  const muted = useAppStore((s) => s.muted);
  const setMuted = useAppStore((s) => s.setMuted);
  const recognizing = useAppStore((s) => s.recognizing);
  const system = useAppStore((s) => s.codeSystem);
  const setSystem = useAppStore((s) => s.setCodeSystem);
  const readAsYouDraw = useAppStore(readsAsYouDraw);
  const setReadAsYouDraw = useAppStore((s) => s.setReadAsYouDraw);
  const language = isLanguage(i18n.language) ? i18n.language : 'en';
  return (
    <footer className="status-bar">
      <fieldset className="model-switch">
        <legend>{t('status.model')}</legend>
        {(['mlp', 'cnn'] as const).map((kind) => (
          <label key={kind}>
            <input type="radio" name="model" value={kind} checked={info?.activeModel === kind}
              disabled={!info} onChange={() => perform(MENU_ACTIONS[`use-${kind}`])} />
            {kind.toUpperCase()}
          </label>
        ))}
      </fieldset>
      {info && (
        <span className="model-source" data-testid="model-source" title={info.modelWarning ?? undefined}>
          {info.modelSource === 'bundled' ? t('training.source.bundled') : t('training.source.retrained')}
          {info.modelWarning && ' ⚠'}
        </span>
      )}
      <span data-testid="backend">{t('status.backend')}: {info ? `TensorFlow.js ${info.backend}` : '…'}</span>
      {info && <span data-testid="trained-with">{t('status.trainedWith', { backend: info.model.trainedOn })}</span>}
      <label>
        <input type="checkbox" checked={!muted} onChange={(e) => setMuted(!e.target.checked)} /> {t('status.sound')}
      </label>
      <label>
        {t('status.codeSystem')}{' '}
        <select data-testid="code-system" value={system} onChange={(e) => setSystem(e.target.value as CodeSystemId)}>
          {CODE_SYSTEMS.map((s) => <option key={s.id} value={s.id}>{s.name[language]}</option>)}
        </select>
      </label>
      <label>
        <input type="checkbox" data-testid="read-as-you-draw" checked={readAsYouDraw}
          onChange={(e) => setReadAsYouDraw(e.target.checked)} /> {t('status.readAsYouDraw')}
      </label>
      <label>
        {t('status.language')}{' '}
        <select value={i18n.language} onChange={(e) => setLanguage(e.target.value as Language)}>
          {LANGUAGES.map((language) => <option key={language} value={language}>{LANGUAGE_NAMES[language]}</option>)}
        </select>
      </label>
      {recognizing && <span className="busy">{t('status.recognizing')}</span>}
      {/* A pupil's tablet on a classroom network draws and reads; the teacher manages models. */}
      {info?.teacher && (
        <span className="model-actions">
          {(['retrain-mlp', 'retrain-cnn', 'examples', 'evaluate', 'restore-bundled'] as const).map((id) => (
            <ActionButton key={id} action={MENU_ACTIONS[id]} className="link" />
          ))}
        </span>
      )}
      <ActionButton action={MENU_ACTIONS.about} className="link" />
    </footer>
  );
}
