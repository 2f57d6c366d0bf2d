import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { CodeDigit } from '../../shared/contract';
import { ResultLine } from './Board';

const digit = (status: CodeDigit['status'], value: number | null = 4, empty = false): CodeDigit => ({
  digit: value, status, empty, confidence: status === 'sure' ? 0.97 : 0.55, alternatives: [{ digit: 9, p: 0.02 }], corrected: false,
});

describe('a result under a box', () => {
  it('shows a sure digit plainly', () => {
    const html = renderToStaticMarkup(<ResultLine index={0} digit={digit('sure')} />);
    expect(html).toContain('data-testid="result-0"');
    expect(html).toMatch(/>4<\/output>/);
    expect(html).not.toContain('unsure');
    expect(html).not.toContain('data-unsure');
  });

  it('marks an unsure digit in an attribute and its style, keeping only the digit in the result', () => {
    const html = renderToStaticMarkup(<ResultLine index={2} digit={digit('unsure')} />);
    expect(html).toContain('class="result unsure"');
    expect(html).toContain('data-unsure="true"');
    expect(html).toMatch(/>4<\/output>/);
  });

  it('shows "?" for a box that holds no digit', () => {
    const html = renderToStaticMarkup(<ResultLine index={3} digit={digit('none', null)} />);
    expect(html).toMatch(/>\?<\/output>/);
    expect(html).not.toContain('data-unsure');
  });

  it('shows nothing for an empty box', () => {
    const html = renderToStaticMarkup(<ResultLine index={1} digit={digit('none', null, true)} />);
    expect(html).toMatch(/data-testid="result-1"[^>]*><\/output>/);
  });
});
