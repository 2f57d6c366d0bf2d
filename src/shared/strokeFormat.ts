import type { Example } from './contract';

/** A sample in the stroke format of ../shared/data, as export writes it and import reads it. */
export interface StrokeFormatSample {
  label: number;
  writer?: string;
  strokes: Example['strokes'];
}

/** Saved examples in the stroke format of ../shared/data (no ids or dates; no writer when unnamed). */
export function toStrokeFormat(examples: readonly Example[]): StrokeFormatSample[] {
  return examples.map(({ label, writer, strokes }) => (writer ? { label, writer, strokes } : { label, strokes }));
}
