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

export interface RoundingOverride {
  roundingIncrementMinutes: number | null;
  roundingMode: string | null;
}

/** A client's or project's override → form values ('' when it inherits). */
export function overrideToValues(r: RoundingOverride | undefined): { roundingIncrementMinutes: string; roundingMode: string } {
  if (!r || r.roundingIncrementMinutes === null) return { roundingIncrementMinutes: '', roundingMode: 'up' };
  return { roundingIncrementMinutes: String(r.roundingIncrementMinutes), roundingMode: r.roundingMode ?? 'up' };
}

/** Form values → the API's override: both null to inherit; a mode only matters with an increment, so it defaults to up. */
export function overrideBody(v: { roundingIncrementMinutes: string; roundingMode: string }): {
  roundingIncrementMinutes: RoundingIncrement | null;
  roundingMode: RoundingMode | null;
} {
  if (v.roundingIncrementMinutes === '') return { roundingIncrementMinutes: null, roundingMode: null };
  return {
    roundingIncrementMinutes: Number(v.roundingIncrementMinutes) as RoundingIncrement,
    roundingMode: (v.roundingMode === 'nearest' ? 'nearest' : 'up') as RoundingMode,
  };
}
