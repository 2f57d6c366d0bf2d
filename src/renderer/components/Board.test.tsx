import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { DigitStatus, Reading } from '../../shared/contract';
import { ResultLine } from './Board';

const reading = (status: DigitStatus, confidence = 0.97): Reading => ({
  empty: false, status, digit: 4, confidence, probabilities: new Array(10).fill(0), notDigit: 0, input: new Array(784).fill(0),
});

describe('a result under a box', () => {
  it('shows a sure digit plainly', () => {
    const html = renderToStaticMarkup(<ResultLine index={0} reading={reading('sure')} />);
    expect(html).toContain('data-testid="result-0"');
    expect(html).toMatch(/>4<\/output>/);
    expect(html).not.toContain('unsure');
    expect(html).not.toContain('data-unsure');
  });

  it('marks an unsure digit in an attribute and its style, keeping only the digit in the result', () => {
    const html = renderToStaticMarkup(<ResultLine index={2} reading={reading('unsure', 0.55)} />);
    expect(html).toContain('class="result unsure"');
    expect(html).toContain('data-unsure="true"');
    expect(html).toMatch(/>4<\/output>/);
  });

  it('shows "?" for a box that holds no digit', () => {
    const html = renderToStaticMarkup(<ResultLine index={3} reading={reading('notDigit', 0.1)} />);
    expect(html).toMatch(/>\?<\/output>/);
    expect(html).not.toContain('data-unsure');
  });

  it('shows nothing for an empty box', () => {
    const html = renderToStaticMarkup(<ResultLine index={1} reading={{ empty: true }} />);
    expect(html).toMatch(/data-testid="result-1"[^>]*><\/output>/);
  });
});
