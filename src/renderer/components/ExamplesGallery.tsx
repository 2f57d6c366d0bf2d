import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Example, ExampleReading } from '../../shared/contract';
import { deleteExamples, exportExamples, importExamplesFile, relabelExample, undoDelete } from '../actions/examples';
import { useAppStore } from '../store/store';
import { useActionContext } from '../useActions';
import { ActionButton } from './ActionButton';
import { ExampleImage } from './ExampleImage';
import { useModalDialog } from './useModalDialog';

const DIGITS = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];

/** Whether the model reads an example as another digit (or as "?"), and whether it is sure of that. */
const misread = (example: Example, reading: ExampleReading | undefined) =>
  reading && reading.shown !== example.label ? (reading.sure ? 'sure' : 'unsure') : null;

/**
 * One saved example: as the model sees it, who drew it, its digit and Delete, and what the model
 * reads if that is another digit. The digit becomes a choice of ten only when clicked, so that a
 * gallery of thousands stays light.
 */
const ExampleCard = memo(function ExampleCard({ example }: { example: Example }) {
  const { t } = useTranslation();
  const context = useActionContext();
  const [relabelling, setRelabelling] = useState(false);
  const reading = useAppStore((s) => s.exampleReadings[example.id]);
  const wrong = misread(example, reading);
  // data-read: not read yet (absent), read as its digit, or as another one.
  return (
    <li className="example" data-testid="example" data-label={example.label}
      data-read={reading && (wrong ? `other-${wrong}` : 'as-labelled')}>
      <ExampleImage strokes={example.strokes} />
      {wrong && reading && (
        <span className={`read-as ${wrong}`} data-testid="read-as" title={t(wrong === 'sure' ? 'examples.readSure' : 'examples.readUnsure')}>
          {t('examples.readAs', { digit: reading.shown < 0 ? '?' : reading.shown })}
        </span>
      )}
      <span className="writer" title={example.writer}>{example.writer || t('examples.noWriter')}</span>
      <div className="example-actions">
        {relabelling ? (
          <select aria-label={t('examples.label')} value={example.label} autoFocus onBlur={() => setRelabelling(false)}
            onChange={(event) => {
              setRelabelling(false);
              void relabelExample(context, example.id, Number(event.target.value));
            }}>
            {DIGITS.map((d) => <option key={d} value={d}>{d}</option>)}
          </select>
        ) : (
          <button type="button" className="link" aria-label={`${t('examples.label')}: ${example.label}`} onClick={() => setRelabelling(true)}>
            {example.label}
          </button>
        )}
        <button type="button" className="link" onClick={() => void deleteExamples(context, [example.id])}>{t('examples.delete')}</button>
      </div>
    </li>
  );
});

/** A card's place in the grid, and the heights of a row of cards and of a digit's heading. */
const CARD_WIDTH = 104;
const ROW_HEIGHT = 124;
const HEADING_HEIGHT = 40;

type Row = { kind: 'heading'; digit: number; count: number } | { kind: 'cards'; digit: number; examples: Example[] };

/** The examples by digit, as rows of `columns` cards under a heading per digit. */
function galleryRows(examples: readonly Example[], columns: number): Row[] {
  return DIGITS.flatMap((digit) => {
    const ofDigit = examples.filter((e) => e.label === digit);
    if (ofDigit.length === 0) return [];
    const rows: Row[] = [{ kind: 'heading', digit, count: ofDigit.length }];
    for (let i = 0; i < ofDigit.length; i += columns) rows.push({ kind: 'cards', digit, examples: ofDigit.slice(i, i + columns) });
    return rows;
  });
}

/** The width of an element, followed as it changes. */
function useWidth(ref: React.RefObject<HTMLElement | null>): number {
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const observer = new ResizeObserver(() => setWidth(element.clientWidth));
    observer.observe(element);
    setWidth(element.clientWidth);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}

/**
 * The cards, by digit, in a scrolling list that draws only the rows on or near the screen
 * (@tanstack/react-virtual): thousands of examples open at once and scroll smoothly.
 */
function ExampleList({ examples }: { examples: readonly Example[] }) {
  const scroller = useRef<HTMLDivElement>(null);
  const columns = Math.max(1, Math.floor(useWidth(scroller) / CARD_WIDTH));
  const rows = useMemo(() => galleryRows(examples, columns), [examples, columns]);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: (index) => (rows[index].kind === 'heading' ? HEADING_HEIGHT : ROW_HEIGHT),
    overscan: 3,
  });
  return (
    <div ref={scroller} className="example-list" data-testid="example-list">
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((item) => {
          const row = rows[item.index];
          return (
            <div key={item.key} className="example-row" style={{ transform: `translateY(${item.start}px)`, height: item.size }}>
              {row.kind === 'heading'
                ? <h3>{row.digit} <small>({row.count})</small></h3>
                : <ul className="examples" aria-label={String(row.digit)}>{row.examples.map((e) => <ExampleCard key={e.id} example={e} />)}</ul>}
            </div>
          );
        })}
      </div>
    </div>
  );
}

/**
 * Model ▸ Our examples…: the class's saved examples by digit, each as the model sees it, with the
 * counts per digit and per writer; relabel, delete (with Undo), export and import.
 */
export function ExamplesGallery() {
  const { t } = useTranslation();
  const context = useActionContext();
  const open = useAppStore((s) => s.galleryOpen);
  const examples = useAppStore((s) => s.examples);
  const counts = useAppStore((s) => s.exampleCounts);
  const loading = useAppStore((s) => s.examplesLoading);
  const damaged = useAppStore((s) => s.examplesWarning);
  const lastDeleted = useAppStore((s) => s.lastDeleted);
  const readings = useAppStore((s) => s.exampleReadings);
  const readingModel = useAppStore((s) => s.exampleReadingModel);
  const [onlyMisread, setOnlyMisread] = useState(false);
  const misreadExamples = useMemo(() => examples.filter((e) => misread(e, readings[e.id])), [examples, readings]);
  const sureOfWrong = misreadExamples.filter((e) => misread(e, readings[e.id]) === 'sure').length;
  const ref = useModalDialog(open);
  const fileInput = useRef<HTMLInputElement>(null);
  const writers = Object.entries(counts?.byWriter ?? {}).sort(([a], [b]) => a.localeCompare(b));
  return (
    <dialog ref={ref} className="training-panel examples-gallery" aria-labelledby="gallery-title"
      onClose={() => useAppStore.getState().setGalleryOpen(false)}>
      <h2 id="gallery-title">{t('examples.title')}</h2>
      <div className="gallery-bar">
        <span data-testid="example-count">{loading ? t('examples.loading') : t('examples.count', { total: counts?.total ?? 0 })}</span>
        <ActionButton action={exportExamples} />
        <button type="button" onClick={() => fileInput.current?.click()}>{t('examples.import')}</button>
        <input ref={fileInput} type="file" accept=".json,application/json" hidden data-testid="import-file"
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = '';
            if (file) void importExamplesFile(context, file);
          }} />
        {lastDeleted && (
          <span className="notice info" role="status">
            {t('examples.deleted', { count: lastDeleted.length })} <ActionButton action={undoDelete} className="link" />
          </span>
        )}
        <form method="dialog"><button type="submit">{t('about.close')}</button></form>
      </div>
      {damaged && <p className="notice error" role="alert" title={damaged}>{t('examples.damaged')}</p>}
      {counts && counts.total > 0 ? (
        <table className="example-counts">
          <tbody>
            <tr><th scope="row">{t('examples.byDigit')}</th>{DIGITS.map((d) => <td key={d}><b>{d}</b> {counts.byDigit[d]}</td>)}</tr>
            <tr><th scope="row">{t('examples.byWriter')}</th><td colSpan={10}>
              {writers.map(([writer, n]) => `${writer || t('examples.noWriter')} ${n}`).join(' · ')}
            </td></tr>
          </tbody>
        </table>
      ) : !loading && <p>{t('examples.none')}</p>}
      {readingModel && misreadExamples.length > 0 && (
        <label className="only-misread">
          <input type="checkbox" checked={onlyMisread} onChange={(event) => setOnlyMisread(event.target.checked)} />
          {' '}{t('examples.onlyMisread', { count: misreadExamples.length, sure: sureOfWrong, model: readingModel.toUpperCase() })}
        </label>
      )}
      {examples.length > 0 && <ExampleList examples={onlyMisread && misreadExamples.length > 0 ? misreadExamples : examples} />}
    </dialog>
  );
}
