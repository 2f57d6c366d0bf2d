import * as tf from '@tensorflow/tfjs';
import { INPUT_PIXELS } from '../shared/geometry';
import type { InkImage } from '../shared/ink';
import { preprocess } from '../shared/preprocess';
import type { DigitStatus } from '../shared/contract';
import { judge, UNCALIBRATED } from './calibration';
import type { ModelCard } from './modelCard';
import type { LoadedModel } from './modelStore';
import type { ModelKind } from './models';
import { inputTensor } from './tensors';

/**
 * What the recognizer read in one box. An empty box has no digit and no probabilities; any other
 * is a sure digit, an unsure one, or not a digit (then `digit` is still the likeliest digit).
 */
export type BoxReading =
  | { empty: true; digit: null; probabilities: null; input: null }
  | {
      empty: false;
      status: DigitStatus;
      digit: number;
      /** The digit's calibrated probability. */
      confidence: number;
      /** Ten calibrated probabilities, digit 0 first. */
      probabilities: number[];
      /** The calibrated probability that the box holds no digit. */
      notDigit: number;
      /** The 28×28 input (values 0..1) the model saw. */
      input: Float32Array;
    };

/** The digit the board shows for a reading, or -1 for "?" and for an empty box. */
export const digitOnBoard = (reading: BoxReading): number => (reading.empty || reading.status === 'notDigit' ? -1 : reading.digit);

/** Whether the board shows the reading as a sure digit: not empty, not "?", not marked unsure. */
export const sureOnBoard = (reading: BoxReading): boolean => !reading.empty && reading.status === 'sure';

/** Where the recognizer gets a model of a kind: the bundled one, or a retrained one. */
export type ModelSource = (kind: ModelKind) => Promise<LoadedModel>;

/**
 * Reads digits from box images with the active model. Each model is loaded once, warmed up with
 * one prediction, and kept, so switching between MLP and CNN is instant after the first time.
 */
export class Recognizer {
  private readonly loaded = new Map<ModelKind, Promise<LoadedModel>>();
  private activeKind: ModelKind;

  constructor(private readonly source: ModelSource, initial: ModelKind = 'cnn') {
    this.activeKind = initial;
  }

  get active(): ModelKind {
    return this.activeKind;
  }

  /** Makes `kind` the active model, loading it the first time; a load failure keeps the old one. */
  async use(kind: ModelKind): Promise<ModelCard> {
    const { card } = await this.model(kind);
    this.activeKind = kind;
    return card;
  }

  /** The card of the active model (or of `kind`, loading it the first time). */
  async card(kind: ModelKind = this.activeKind): Promise<ModelCard> {
    return (await this.model(kind)).card;
  }

  /** Forgets a loaded model (after retraining or restoring), so the next use loads it afresh. */
  forget(kind: ModelKind): void {
    const pending = this.loaded.get(kind);
    this.loaded.delete(kind);
    void pending?.then(({ model }) => model.dispose(), () => undefined);
  }

  private model(kind: ModelKind): Promise<LoadedModel> {
    let pending = this.loaded.get(kind);
    if (!pending) {
      pending = this.source(kind).then((loaded) => {
        // A block body, so that tidy disposes the prediction too instead of returning it.
        tf.tidy(() => {
          loaded.model.predict(inputTensor(kind, new Float32Array(INPUT_PIXELS), 1));
        });
        return loaded;
      });
      this.loaded.set(kind, pending);
      pending.catch(() => this.loaded.delete(kind));
    }
    return pending;
  }

  /** Reads every box with the active model (or `kind`'s): preprocessing, then one prediction for all boxes that hold a digit. */
  async recognize(boxes: readonly InkImage[], kind: ModelKind = this.activeKind): Promise<BoxReading[]> {
    const { model, card } = await this.model(kind);
    const calibration = card.calibration ?? UNCALIBRATED;
    const prepared = boxes.map((box) => preprocess(box));
    const inputs = prepared.flatMap((p) => (p.empty ? [] : [p.input]));
    let probabilities: Float32Array = new Float32Array(0);
    if (inputs.length > 0) {
      const batch = new Float32Array(inputs.length * INPUT_PIXELS);
      inputs.forEach((input, i) => batch.set(input, i * INPUT_PIXELS));
      const output = tf.tidy(() => model.predict(inputTensor(kind, batch, inputs.length)) as tf.Tensor);
      probabilities = (await output.data()) as Float32Array;
      output.dispose();
    }
    const classes = probabilities.length / Math.max(inputs.length, 1);
    let next = 0;
    return prepared.map((p): BoxReading => {
      if (p.empty) return { empty: true, digit: null, probabilities: null, input: null };
      const { status, digit, confidence, digits, notDigit } = judge(probabilities.subarray(next * classes, (next + 1) * classes), calibration);
      next++;
      return { empty: false, status, digit, confidence, probabilities: digits, notDigit, input: p.input };
    });
  }
}
