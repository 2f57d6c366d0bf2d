import type { TFunction } from 'i18next';
import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { shownDigit } from '../../shared/codeText';
import type { CodeDigit } from '../../shared/contract';
import { BOX_COUNT } from '../../shared/geometry';
import { useAppStore } from '../store/store';
import { DrawingBox } from './DrawingBox';

/** What the line under the result says: how sure, unsure, corrected, no digit, or empty. */
function resultNote(digit: CodeDigit, t: TFunction): string {
  if (digit.empty) return t('result.empty');
  if (digit.digit === null) return t('result.notDigit');
  const percent = t('result.confidence', { percent: Math.round(digit.confidence * 100) });
  if (digit.corrected && digit.status === 'sure') return t('result.corrected');
  return digit.status === 'unsure' ? `${t('result.unsure')} · ${percent}` : percent;
}

/** How many of a box's next most likely digits are offered for a correction. */
const OFFERED_ALTERNATIVES = 3;

/**
 * The digit read from one box (or "?" for no digit); an unsure one is marked in an attribute and by
 * its style. The digit is a button: it selects the box (its probabilities show below the board) and
 * offers the next most likely digits; choosing one corrects the code. Arrow keys move between boxes.
 */
export function ResultLine({ index, digit }: { index: number; digit: CodeDigit | undefined }) {
  const { t } = useTranslation();
  const [offering, setOffering] = useState(false);
  const selectBox = useAppStore((s) => s.selectBox);
  const correct = useAppStore((s) => s.correctDigit);
  const status = digit?.empty ? undefined : digit?.digit === null ? 'notDigit' : digit?.status;
  const readable = digit !== undefined && !digit.empty;
  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (event.key === 'Escape') setOffering(false);
    if (!step) return;
    event.preventDefault();
    const next = document.querySelector<HTMLButtonElement>(`[data-result-button="${(index + step + BOX_COUNT) % BOX_COUNT}"]`);
    next?.focus();
  };
  return (
    <div className={`result${status === 'unsure' ? ' unsure' : status === 'notDigit' ? ' not-digit' : ''}`}>
      <button type="button" className="result-button" data-result-button={index} disabled={!readable}
        aria-expanded={readable ? offering : undefined} aria-label={readable ? t('result.choose', { n: index + 1, digit: shownDigit(digit) }) : t('box', { n: index + 1 })}
        onFocus={() => readable && selectBox(index)} onKeyDown={onKeyDown}
        onClick={() => { selectBox(index); setOffering(!offering); }}>
        <output data-testid={`result-${index}`} className="digit" data-unsure={status === 'unsure' ? 'true' : undefined} data-status={status}>
          {digit ? shownDigit(digit) : ''}
        </output>
      </button>
      <span className="confidence">{digit ? resultNote(digit, t) : ''}</span>
      {readable && offering && (
        <div className="alternatives" role="group" aria-label={t('result.alternatives', { n: index + 1 })}>
          {digit.alternatives.slice(0, OFFERED_ALTERNATIVES).map((a) => (
            <button key={a.digit} type="button" data-testid={`alternative-${index}-${a.digit}`}
              onClick={() => { correct(index, a.digit); setOffering(false); }}>
              {a.digit} <small>{Math.round(a.p * 100)}%</small>
            </button>
          ))}
        </div>
      )}
    </div>
  );
}

/** The five boxes, each with its own eraser and the digit read from it. */
export function Board() {
  const { t } = useTranslation();
  const strokes = useAppStore((s) => s.strokes);
  const code = useAppStore((s) => s.code);
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
          <ResultLine key={code ? 'read' : 'unread'} index={index} digit={code?.digits[index]} />
        </div>
      ))}
    </div>
  );
}
