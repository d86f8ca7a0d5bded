import { useSearchParams } from '@solidjs/router';

/** One query parameter as a string (first value if repeated), or undefined. */
export function useQueryParam(name: string): () => string | undefined {
  const [params] = useSearchParams();
  return () => {
    const raw = params[name];
    const value = Array.isArray(raw) ? raw[0] : raw;
    return value === undefined || value === '' ? undefined : value;
  };
}

/** A same-site path to continue to after login: must start with one '/' (no '//' or '/\'). */
export function safeNextPath(value: string | undefined): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/';
  if (value === '/login' || value.startsWith('/login?')) return '/';
  return value;
}
