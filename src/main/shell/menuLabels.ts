/** The application menu's words in each language; the menu follows the system's language. */
export const MENU_LABELS = {
  en: { file: '&File', quit: 'Quit', model: '&Model', useMlp: 'Use MLP', useCnn: 'Use CNN', retrainMlp: 'Retrain MLP…', retrainCnn: 'Retrain CNN…', evaluate: 'Evaluate', restore: 'Restore bundled model', view: '&View', show: 'Show inputs', help: '&Help', about: 'About' },
  ko: { file: '파일(&F)', quit: '종료', model: '모델(&M)', useMlp: 'MLP 사용', useCnn: 'CNN 사용', retrainMlp: 'MLP 다시 학습…', retrainCnn: 'CNN 다시 학습…', evaluate: '평가', restore: '기본 모델 복원', view: '보기(&V)', show: '입력 보기', help: '도움말(&H)', about: '정보' },
} as const;

export type MenuLanguage = keyof typeof MENU_LABELS;

export function menuLanguage(locale: string): MenuLanguage {
  return locale.toLowerCase().startsWith('ko') ? 'ko' : 'en';
}
