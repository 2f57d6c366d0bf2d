import type { CodeSystemId } from '../contract';
import type { CodeSystem } from './codeSystem';
import { KOREA } from './kr';
import { US_ZIP } from './us';

/** Any five digits, no rules: for practice, or codes of countries not listed. */
const ANY: CodeSystem = { id: 'any', name: { ko: '아무 다섯 자리', en: 'Any five digits' }, prefixDigits: 0, regions: [] };

/** The code systems the app offers, the default first; their ids are the contract's. */
export const CODE_SYSTEMS = [KOREA, US_ZIP, ANY] as const;
export const CODE_SYSTEM_IDS = ['kr', 'us', 'any'] as const;

export function codeSystem(id: CodeSystemId): CodeSystem {
  const found = CODE_SYSTEMS.find((s) => s.id === id);
  if (!found) throw new Error(`No code system ${id}`);
  return found;
}
