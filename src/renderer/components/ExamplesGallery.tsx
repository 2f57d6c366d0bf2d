import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Example } from '../../shared/contract';
import { deleteExamples, exportExamples, importExamplesFile, relabelExample, undoDelete } from '../actions/examples';
import { useAppStore } from '../store/store';
import { useActionContext } from '../useActions';
import { ActionButton } from './ActionButton';
import { ExampleImage } from './ExampleImage';
import { useModalDialog } from './useModalDialog';

const DIGITS = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];

/** One saved example: as the model sees it, who drew it, its digit (changeable) and Delete. */
function ExampleCard({ example }: { example: Example }) {
  const { t } = useTranslation();
  const context = useActionContext();
  return (
    <li className="example" data-testid="example" data-label={example.label}>
      <ExampleImage strokes={example.strokes} />
      <span className="writer" title={example.writer}>{example.writer || t('examples.noWriter')}</span>
      <select aria-label={t('examples.label')} value={example.label}
        onChange={(event) => void relabelExample(context, example.id, Number(event.target.value))}>
        {DIGITS.map((d) => <option key={d} value={d}>{d}</option>)}
      </select>
      <button type="button" className="link" onClick={() => void deleteExamples(context, [example.id])}>{t('examples.delete')}</button>
    </li>
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
      {DIGITS.map((digit) => {
        const ofDigit = examples.filter((e) => e.label === digit);
        return ofDigit.length === 0 ? null : (
          <section key={digit} className="example-digit" aria-label={String(digit)}>
            <h3>{digit}</h3>
            <ul className="examples">{ofDigit.map((example) => <ExampleCard key={example.id} example={example} />)}</ul>
          </section>
        );
      })}
    </dialog>
  );
}
