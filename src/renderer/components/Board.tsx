import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { shownDigit } from '../../shared/codeText';
import type { Reading } from '../../shared/contract';
import { useAppStore } from '../store/store';
import { DrawingBox } from './DrawingBox';

/** What the line under the result says: how sure, unsure, no digit, or empty. */
function resultNote(reading: Reading, t: TFunction): string {
  if (reading.empty) return t('result.empty');
  const percent = t('result.confidence', { percent: Math.round(reading.confidence * 100) });
  if (reading.status === 'notDigit') return t('result.notDigit');
  return reading.status === 'unsure' ? `${t('result.unsure')} · ${percent}` : percent;
}

/** The digit read from one box (or "?" for no digit); an unsure one is marked in an attribute and by its style. */
export function ResultLine({ index, reading }: { index: number; reading: Reading | undefined }) {
  const { t } = useTranslation();
  const status = reading && !reading.empty ? reading.status : undefined;
  return (
    <div className={`result${status === 'unsure' ? ' unsure' : status === 'notDigit' ? ' not-digit' : ''}`}>
      <output data-testid={`result-${index}`} className="digit" aria-label={t('box', { n: index + 1 })}
        data-unsure={status === 'unsure' ? 'true' : undefined} data-status={status}>
        {reading ? shownDigit(reading) : ''}
      </output>
      <span className="confidence">{reading ? resultNote(reading, t) : ''}</span>
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
