import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { Reading } from '../../shared/contract';
import { CONFIDENT, ResultLine } from './Board';

const reading = (confidence: number): Reading => ({
  empty: false, digit: 4, confidence, probabilities: new Array(10).fill(0), input: new Array(784).fill(0),
});

describe('a result under a box', () => {
  it('shows a confident digit plainly', () => {
    const html = renderToStaticMarkup(<ResultLine index={0} reading={reading(0.97)} />);
    expect(html).toContain('data-testid="result-0"');
    expect(html).toMatch(/>4<\/output>/);
    expect(html).not.toContain('unsure');
  });

  it('marks a digit below the confidence line as unsure', () => {
    const html = renderToStaticMarkup(<ResultLine index={2} reading={reading(CONFIDENT - 0.01)} />);
    expect(html).toContain('class="result unsure"');
    expect(html).toMatch(/>4<\/output>/);
  });

  it('shows nothing for an empty box', () => {
    const html = renderToStaticMarkup(<ResultLine index={1} reading={{ empty: true }} />);
    expect(html).toMatch(/data-testid="result-1"[^>]*><\/output>/);
  });
});
