import type { StateCreator } from 'zustand';
import { codeText } from '../../shared/codeText';
import type { CodeReading, CodeSystemId, EngineInfo, Reading } from '../../shared/contract';
import { correctDigit, decodeCode } from '../../shared/postal/decode';
import { codeSystem, CODE_SYSTEM_IDS } from '../../shared/postal/systems';
import { readSetting, writeSetting } from './persisted';
import type { AppState } from './store';

/** What the engine said: its info, the last readings as a code, and whether a request is under way. */
export interface ResultSlice {
  info: EngineInfo | null;
  readings: Reading[] | null;
  /** The readings as a code of the chosen system, with any digit a person corrected. */
  code: CodeReading | null;
  /** The box whose probabilities are shown. */
  selectedBox: number | null;
  codeSystem: CodeSystemId;
  /** Recognize after every stroke; unset, it follows kiosk mode. */
  readAsYouDraw: boolean | null;
  recognizing: boolean;
  /** Milliseconds the engine took for the last recognition. */
  engineMilliseconds: number | null;
  setInfo: (info: EngineInfo) => void;
  /** Another model became active: its info, and the last readings (by the old model) dropped. */
  adoptModel: (info: EngineInfo) => void;
  setReadings: (readings: Reading[], code: CodeReading, engineMilliseconds: number) => void;
  correctDigit: (box: number, digit: number) => void;
  selectBox: (box: number | null) => void;
  setCodeSystem: (system: CodeSystemId) => void;
  setReadAsYouDraw: (on: boolean) => void;
  setRecognizing: (recognizing: boolean) => void;
}

/** Whether the board reads after every stroke: as set, or else as kiosk mode has it. */
export const readsAsYouDraw = (s: AppState): boolean => s.readAsYouDraw ?? s.info?.kiosk.enabled ?? false;

/** The read code as the board writes it (see codeText for its marks); empty before a reading or with nothing drawn. */
export const shownCodeText = (s: AppState): string =>
  s.code && s.code.digits.some((d) => !d.empty) ? codeText(s.code.digits) : '';

/** What a change to the drawing or the model makes stale. */
export const NO_RESULT = { readings: null, code: null } as const;

const SYSTEM_KEY = 'postcode-reader.code-system';
const READ_AS_YOU_DRAW_KEY = 'postcode-reader.read-as-you-draw';

export const createResultSlice: StateCreator<AppState, [], [], ResultSlice> = (set, get) => ({
  info: null,
  ...NO_RESULT,
  selectedBox: null,
  codeSystem: readSetting(SYSTEM_KEY, (text) => CODE_SYSTEM_IDS.find((id) => id === text)) ?? 'kr',
  readAsYouDraw: readSetting(READ_AS_YOU_DRAW_KEY, (text) => (text === 'true' ? true : text === 'false' ? false : undefined)) ?? null,
  recognizing: false,
  engineMilliseconds: null,
  setInfo: (info) => set({ info }),
  adoptModel: (info) => set({ info, ...NO_RESULT }),
  setReadings: (readings, code, engineMilliseconds) => set({ readings, code, engineMilliseconds }),
  correctDigit: (box, digit) => {
    const { code, codeSystem: system } = get();
    if (code) set({ code: correctDigit(codeSystem(system), code, box, digit) });
  },
  selectBox: (selectedBox) => set({ selectedBox }),
  setCodeSystem: (system) => {
    writeSetting(SYSTEM_KEY, system);
    // The same readings, decoded by the new system's rules (corrections are dropped with the old code).
    const { readings } = get();
    set({ codeSystem: system, code: readings ? decodeCode(codeSystem(system), readings) : null });
  },
  setReadAsYouDraw: (on) => {
    writeSetting(READ_AS_YOU_DRAW_KEY, String(on));
    set({ readAsYouDraw: on });
  },
  setRecognizing: (recognizing) => set({ recognizing }),
});
