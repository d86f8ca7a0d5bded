// Durations are whole seconds in the API; people read them as H:MM.

/** 5400 → "1:30"; 59 → "0:00"; negative or missing → "0:00". */
export function formatHm(seconds: number | null | undefined): string {
  const total = Math.max(0, Math.floor((seconds ?? 0) / 60));
  return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, '0')}`;
}

/** 3725 → "1:02:05" (the running timer's clock). */
export function formatHms(seconds: number | null | undefined): string {
  const total = Math.max(0, Math.floor(seconds ?? 0));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return `${h}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
}

/** 750 minutes → "12.5"; at most two decimals, no trailing zeros. */
export function minutesToHours(minutes: number | null | undefined): string {
  const hours = Math.round(((minutes ?? 0) / 60) * 100) / 100;
  return String(hours);
}
