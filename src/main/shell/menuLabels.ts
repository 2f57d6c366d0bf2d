import type { Language } from '../../shared/contract';

/**
 * The application menu's words in each language. The menu starts in the system's language and
 * then follows the UI's (the status bar's language switch).
 */
export const MENU_LABELS = {
  en: { file: '&File', quit: 'Quit', model: '&Model', useMlp: 'Use MLP', useCnn: 'Use CNN', retrainMlp: 'Retrain MLP…', retrainCnn: 'Retrain CNN…', examples: 'Our examples…', evaluate: 'Evaluate', restore: 'Restore bundled model', view: '&View', show: 'Show inputs', help: '&Help', about: 'About' },
  ko: { file: '파일(&F)', quit: '종료', model: '모델(&M)', useMlp: 'MLP 사용', useCnn: 'CNN 사용', retrainMlp: 'MLP 다시 학습…', retrainCnn: 'CNN 다시 학습…', examples: '우리 반 예시…', evaluate: '평가', restore: '기본 모델 복원', view: '보기(&V)', show: '입력 보기', help: '도움말(&H)', about: '정보' },
} as const satisfies Record<Language, Record<string, string>>;

/** The menu's first language, from the system's locale. */
export function menuLanguage(locale: string): Language {
  return locale.toLowerCase().startsWith('ko') ? 'ko' : 'en';
}
