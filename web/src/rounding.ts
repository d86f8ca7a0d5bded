// Billing rounding choices (docs/work.md, "Rounding"): the company's rule, and the
// client and project overrides, where an empty choice (null in the API) means
// "use the rule above this one".
import type { SelectOption } from './components/SelectField';
import type { RoundingIncrement, RoundingMode } from './workApi';

export const ROUNDING_INCREMENT_OPTIONS: SelectOption[] = [
  { value: '0', label: 'None' },
  { value: '6', label: '6 minutes' },
  { value: '15', label: '15 minutes' },
  { value: '30', label: '30 minutes' },
];
export const ROUNDING_MODE_OPTIONS: SelectOption[] = [
  { value: 'up', label: 'Round up' },
  { value: 'nearest', label: 'Round to nearest' },
];

/** Increment choices for an override: inheriting first, e.g. "Company default". */
export const overrideIncrementOptions = (inheritLabel: string): SelectOption[] => [{ value: '', label: inheritLabel }, ...ROUNDING_INCREMENT_OPTIONS];
/** Mode choices for an override, likewise: a project may set "15 minutes" and round the way its company does. */
export const overrideModeOptions = (inheritLabel: string): SelectOption[] => [{ value: '', label: inheritLabel }, ...ROUNDING_MODE_OPTIONS];

export interface RoundingOverride {
  roundingIncrementMinutes: number | null;
  roundingMode: string | null;
}

/**
 * A client's or project's override → form values, '' for each part it inherits. The parts are kept
 * apart as the API resolves them (increment and mode each from the nearest level that sets it), so
 * an override set through the API — an increment alone, or a mode alone — saves back as it was.
 */
export function overrideToValues(r: RoundingOverride | undefined): { roundingIncrementMinutes: string; roundingMode: string } {
  const increment = r?.roundingIncrementMinutes ?? null;
  return { roundingIncrementMinutes: increment === null ? '' : String(increment), roundingMode: r?.roundingMode ?? '' };
}

/** Form values → the API's override: each part null where it inherits. */
export function overrideBody(v: { roundingIncrementMinutes: string; roundingMode: string }): {
  roundingIncrementMinutes: RoundingIncrement | null;
  roundingMode: RoundingMode | null;
} {
  return {
    roundingIncrementMinutes: v.roundingIncrementMinutes === '' ? null : (Number(v.roundingIncrementMinutes) as RoundingIncrement),
    roundingMode: v.roundingMode === '' ? null : (v.roundingMode as RoundingMode),
  };
}
