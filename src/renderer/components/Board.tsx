import { useTranslation } from 'react-i18next';
import type { Reading } from '../../shared/contract';
import { useAppStore } from '../store/store';
import { DrawingBox } from './DrawingBox';

/** Below this probability a digit is shown as unsure. */
export const CONFIDENT = 0.7;

export function ResultLine({ index, reading }: { index: number; reading: Reading | undefined }) {
  const { t } = useTranslation();
  const unsure = reading && !reading.empty && reading.confidence < CONFIDENT;
  return (
    <div className={`result${unsure ? ' unsure' : ''}`}>
      <output data-testid={`result-${index}`} className="digit" aria-label={t('box', { n: index + 1 })}>
        {reading && !reading.empty ? String(reading.digit) : ''}
      </output>
      <span className="confidence">
        {reading === undefined ? '' : reading.empty ? t('result.empty') : unsure
          ? `${t('result.unsure')} · ${t('result.confidence', { percent: Math.round(reading.confidence * 100) })}`
          : t('result.confidence', { percent: Math.round(reading.confidence * 100) })}
      </span>
    </div>
  );
}

/** The five boxes, each with its own eraser and the digit read from it. */
export function Board() {
  const { t } = useTranslation();
  const strokes = useAppStore((s) => s.strokes);
  const readings = useAppStore((s) => s.readings);
  const addStroke = useAppStore((s) => s.addStroke);
  const eraseBox = useAppStore((s) => s.eraseBox);
  return (
    <div className="board">
      {strokes.map((boxStrokes, index) => (
        <div className="box-column" key={index}>
          <div className="box-frame">
            <DrawingBox index={index} strokes={boxStrokes} label={t('box', { n: index + 1 })}
              onStroke={(stroke) => addStroke(index, stroke)} />
            <button type="button" className="erase-box" aria-label={t('actions.eraseBox', { n: index + 1 })}
              title={t('actions.eraseBox', { n: index + 1 })} disabled={boxStrokes.length === 0}
              onClick={() => eraseBox(index)}>×</button>
          </div>
          <ResultLine index={index} reading={readings?.[index]} />
        </div>
      ))}
    </div>
  );
}
