/**
 * A postal-code system as data: which five-digit codes exist and the region each names, by its
 * first digits. One small table file per country (kr.ts, us.ts); add a file and list it in
 * systems.ts to support another.
 */
export interface LocalName {
  ko: string;
  en: string;
}

export interface Region {
  /** The first and last prefix of the region, inclusive ("01"–"09"). */
  from: string;
  to: string;
  name: LocalName;
}

export interface CodeSystem {
  id: string;
  name: LocalName;
  /** How many leading digits name the region (0: no rules, every code is valid). */
  prefixDigits: number;
  regions: readonly Region[];
}

/** The region a code's prefix names, or null when the prefix names none (not a valid code). */
export function regionOf(system: CodeSystem, digits: readonly number[]): Region | null {
  if (system.prefixDigits === 0) return null;
  const prefix = digits.slice(0, system.prefixDigits).join('');
  return system.regions.find((r) => r.from <= prefix && prefix <= r.to) ?? null;
}

/** Whether five digits make a code of the system. */
export function isValidCode(system: CodeSystem, digits: readonly number[]): boolean {
  return digits.length === 5 && (system.prefixDigits === 0 || regionOf(system, digits) !== null);
}
