import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { drawCode } from './support/board';

/**
 * Names that stay as they are in a Korean UI: the models, the datasets and libraries they come
 * from, keys on the keyboard, and units.
 */
const PROPER_NAMES = new Set([
  'MLP', 'CNN', 'MNIST', 'TensorFlow', 'js', 'wasm', 'cpu', 'tensorflow', 'WebAssembly', 'Adam', 'SGD',
  'Ctrl', 'Alt', 'Shift', 'USPS', 'Semeion', 'UNIPEN', 'UCI', 'CC', 'BY', 'Electron', 'Chromium', 'Node',
  // The US code system's name, and each language offered in its own words.
  'ZIP', 'English',
  // The layers of the model card, as Keras and the course name them.
  'Conv', 'relu', 'MaxPool', 'Dropout', 'Flatten', 'Dense', 'softmax',
]);

/**
 * An element's text and outline colours and the colour behind it (the first ancestor's background
 * that is not transparent), optionally with a class added to its `.result` for the moment.
 */
function coloursOf(page: Page, selector: string, resultClass = '') {
  return page.evaluate(([selector, resultClass]) => {
    const element = selector === ':focus' ? document.activeElement! : document.querySelector(selector)!;
    const result = element.closest('.result');
    if (resultClass) result?.classList.add(resultClass);
    let background = 'rgb(255, 255, 255)';
    for (let at: Element | null = element; at; at = at.parentElement) {
      const colour = getComputedStyle(at).backgroundColor;
      if (colour !== 'rgba(0, 0, 0, 0)' && colour !== 'transparent') {
        background = colour;
        break;
      }
    }
    const { color, outlineColor } = getComputedStyle(element);
    if (resultClass) result?.classList.remove(resultClass);
    return { text: color, outline: outlineColor, background };
  }, [selector, resultClass]);
}

/** Every word in Latin letters the user can read or hear (text, labels, placeholders) that is no proper name. */
async function englishWords(page: Page): Promise<string[]> {
  const texts = await page.evaluate(() => {
    const visible = (element: Element) => (element as HTMLElement).offsetParent !== null || element.tagName === 'DIALOG';
    const labels = [...document.querySelectorAll('[aria-label], [placeholder]')].filter(visible)
      .flatMap((element) => [element.getAttribute('aria-label') ?? '', element.getAttribute('placeholder') ?? '']);
    return [document.body.innerText, ...labels];
  });
  return [...new Set(texts.join(' ').match(/[A-Za-z]{2,}/g) ?? [])].filter((word) => !PROPER_NAMES.has(word));
}

/** WCAG's contrast ratio of two CSS colours given as rgb()/rgba() strings (alpha ignored). */
function contrast(first: string, second: string): number {
  const luminance = (color: string) => {
    const [r, g, b] = (color.match(/[\d.]+/g) ?? []).slice(0, 3).map((part) => {
      const channel = Number(part) / 255;
      return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [light, dark] = [luminance(first), luminance(second)].sort((a, b) => b - a);
  return (light + 0.05) / (dark + 0.05);
}

test('the Korean UI says everything in Korean, in the bundled Hangul font', async ({ page }) => {
  const fonts: number[] = [];
  page.on('response', (response) => {
    if (/noto-sans-kr-.*\.woff2$/.test(response.url())) fonts.push(response.status());
  });
  await page.goto('/?lang=ko');
  await drawCode(page, '30512', 'tra-06');
  await page.getByRole('button', { name: '인식' }).click();
  await expect(page.getByTestId('postal-code')).toHaveText(/^(\[?[0-9?]\]?){5}$/);
  await page.keyboard.press('s');
  expect(await englishWords(page)).toEqual([]);

  await page.getByRole('button', { name: 'MLP 다시 학습…' }).click();
  expect(await englishWords(page)).toEqual([]);
  await page.getByRole('dialog').getByRole('button', { name: '닫기' }).click();
  await page.getByRole('button', { name: '정보' }).click();
  expect(await englishWords(page)).toEqual([]);

  // The page's own copy of Noto Sans KR draws the Hangul, whatever the machine has installed.
  expect(await page.evaluate(async () => (await document.fonts.load('16px "Noto Sans KR"', '우편번호')).length)).toBeGreaterThan(0);
  expect(fonts.length).toBeGreaterThan(0);
  expect(fonts.every((status) => status === 200)).toBe(true);
});

test('text and the focus ring meet WCAG AA contrast', async ({ page }) => {
  await page.goto('/?lang=en');
  await drawCode(page, '30512', 'tra-06');
  await page.getByRole('button', { name: 'Recognize' }).click();
  await expect(page.getByTestId('postal-code')).toHaveText(/^(\[?[0-9?]\]?){5}$/);
  const { violations } = await new AxeBuilder({ page }).withRules(['color-contrast']).analyze();
  expect(violations.flatMap((violation) => violation.nodes.map((node) => node.target.join(' ')))).toEqual([]);

  // The unsure and not-a-digit styles, whichever the drawings above happened to get.
  for (const resultClass of ['unsure', 'not-digit']) {
    for (const part of ['.digit', '.confidence']) {
      const { text, background } = await coloursOf(page, `.result ${part}`, resultClass);
      expect(contrast(text, background), `${resultClass} ${part}`).toBeGreaterThanOrEqual(4.5);
    }
  }

  await page.getByRole('button', { name: 'Recognize' }).focus();
  await page.keyboard.press('Tab');
  const ring = await coloursOf(page, ':focus');
  expect(contrast(ring.outline, ring.background)).toBeGreaterThanOrEqual(3);
});
