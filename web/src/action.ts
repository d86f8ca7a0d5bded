import { createSignal } from 'solid-js';
import { ApiError } from './api';

/** A readable message for any thrown error (ApiError field messages included). */
export function errorMessage(err: unknown, fallback = 'Something unexpected happened. Please try again.'): string {
  if (!(err instanceof ApiError)) return fallback;
  const fieldMessages = Object.values(err.fields);
  return fieldMessages.length > 0 ? fieldMessages.join(' ') : err.message;
}

/**
 * State for a button that does one thing to one item (revoke, remove…): which
 * item is busy, and the last error message. Not for forms — use createForm.
 */
export function createAction<K>(run: (key: K) => Promise<void>) {
  const [busy, setBusy] = createSignal<{ key: K }>();
  const [error, setError] = createSignal<string>();

  const perform = async (key: K) => {
    if (busy()) return;
    setBusy({ key });
    setError(undefined);
    try {
      await run(key);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(undefined);
    }
  };

  return {
    run: perform,
    /** Any item busy. */
    pending: () => busy() !== undefined,
    /** This item busy. */
    isBusy: (key: K) => busy()?.key === key,
    error,
    clearError: () => setError(undefined),
  };
}
