export const en = {
  title: 'Postal Code Reader',
  subtitle: 'Draw one digit in each box, then press Recognize.',
  actions: {
    erase: 'Erase',
    show: 'Show',
    recognize: 'Recognize',
    quit: 'Quit',
    eraseBox: 'Erase box {{n}}',
  },
  box: 'Box {{n}}',
  result: {
    empty: 'empty',
    confidence: '{{percent}}% sure',
    unsure: 'unsure',
    postalCode: 'Postal code',
    copy: 'Copy',
    copied: 'Copied {{code}}',
    none: 'Nothing recognised yet',
  },
  inputs: { title: 'What the network sees (28×28)', empty: 'empty' },
  status: { model: 'Model', backend: 'Engine', sound: 'Sound', language: 'Language', recognizing: 'Recognizing…' },
  about: {
    title: 'About',
    body: 'Reads handwritten postal codes with a neural network trained on MNIST.',
    model: 'Active model',
    accuracy: 'MNIST test accuracy',
    trained: 'Trained',
    backend: 'TensorFlow.js backend',
    versions: 'Versions',
    close: 'Close',
  },
  notices: {
    quitBrowser: 'You can close this tab now.',
    quitKiosk: 'Kiosk mode: the teacher quits with Ctrl+Alt+Shift+Q.',
    modelSwitched: 'Now using the {{model}}.',
    failed: 'Something went wrong: {{message}}',
  },
} as const;

/** Every language has the same keys as English. */
type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };
export type Messages = Shape<typeof en>;
