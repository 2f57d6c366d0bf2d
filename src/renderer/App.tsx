import { useTranslation } from 'react-i18next';
import { AboutDialog } from './components/AboutDialog';
import { Board } from './components/Board';
import { EvaluationDialog } from './components/EvaluationDialog';
import { ExamplesGallery } from './components/ExamplesGallery';
import { InputsPanel } from './components/InputsPanel';
import { PostalCode } from './components/PostalCode';
import { ProbabilityBars } from './components/ProbabilityBars';
import { SaveExamples } from './components/SaveExamples';
import { StatusBar } from './components/StatusBar';
import { Toolbar } from './components/Toolbar';
import { TrainingPanel } from './components/TrainingPanel';
import { useEngineEvents, useHostLanguage, useIdleErase, useReadAsYouDraw, useShortcuts } from './hooks';
import { useAppStore } from './store/store';
import { useActions } from './useActions';

export function App() {
  const { t } = useTranslation();
  const perform = useActions();
  useShortcuts(perform);
  useEngineEvents(perform);
  useIdleErase(perform);
  useHostLanguage();
  useReadAsYouDraw(perform);
  const showInputs = useAppStore((s) => s.showInputs);
  const notice = useAppStore((s) => s.notice);
  return (
    <div className="app">
      <header>
        <h1>{t('title')}</h1>
        <p>{t('subtitle')}</p>
      </header>
      <main>
        <Board />
        <Toolbar />
        <PostalCode />
        <SaveExamples />
        <ProbabilityBars />
        {notice && <p data-testid="notice" className={`notice ${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'} title={notice.detail}>{notice.text}</p>}
        {showInputs && <InputsPanel />}
      </main>
      <StatusBar />
      <AboutDialog />
      <TrainingPanel />
      <EvaluationDialog />
      <ExamplesGallery />
    </div>
  );
}
