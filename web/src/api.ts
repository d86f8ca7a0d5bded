// The typed client for the EZ360PM API: Hono's `hc<AppType>`, so request and response
// types come from the server's own route definitions. Errors become `ApiError`.
import { hc, type ClientResponse, type InferRequestType, type InferResponseType } from 'hono/client';
import type { SuccessStatusCode } from 'hono/utils/http-status';
import type { AppType } from '../../api/app';

/** Body of every non-2xx response. */
export interface ApiErrorBody {
  error: {
    code: string;
    message: string;
    fields?: Record<string, string>;
  };
}

export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly status: number;
  readonly code: string;
  readonly fields: Record<string, string>;

  constructor(status: number, code: string, message: string, fields: Record<string, string> = {}) {
    super(message);
    this.status = status;
    this.code = code;
    this.fields = fields;
  }
}

const NETWORK_MESSAGE = 'Could not reach the server. Check your connection and try again.';

function isErrorBody(value: unknown): value is ApiErrorBody {
  if (typeof value !== 'object' || value === null) return false;
  const error = (value as { error?: unknown }).error;
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { code?: unknown }).code === 'string' &&
    typeof (error as { message?: unknown }).message === 'string'
  );
}

function fallbackMessage(status: number): string {
  if (status === 401) return 'Please log in to continue.';
  if (status === 403) return 'You do not have permission to do that.';
  if (status === 404) return 'Not found.';
  if (status === 429) return 'Too many attempts. Please wait a moment and try again.';
  if (status >= 500) return 'Something went wrong on our side. Please try again.';
  return `Request failed (${status}).`;
}

/** The body type of a route's 2xx responses. */
type Success<R> = R extends ClientResponse<infer T, infer S, string> ? (S extends SuccessStatusCode ? T : never) : never;

/**
 * Await a typed Hono client call. Resolves with the parsed body (undefined for
 * 204) and throws `ApiError` on any non-2xx status or network failure
 * (status 0, code "network_error").
 */
export async function call<R extends ClientResponse<unknown, number, string>>(send: () => Promise<R>): Promise<Success<R>> {
  let res: R;
  try {
    res = await send();
  } catch {
    throw new ApiError(0, 'network_error', NETWORK_MESSAGE);
  }
  const text = res.status === 204 ? '' : await res.text().catch(() => '');
  let data: unknown = undefined;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = undefined;
    }
  }
  if (!res.ok) {
    if (isErrorBody(data)) {
      const { code, message, fields } = data.error;
      throw new ApiError(res.status, code, message, fields ?? {});
    }
    throw new ApiError(res.status, 'http_error', fallbackMessage(res.status));
  }
  return data as Success<R>;
}

// Every write is JSON from our own origin; the session cookie rides along.
export const client = hc<AppType>(window.location.origin, { init: { credentials: 'same-origin' } });
export const v1 = client.api.v1;

export type SignupInput = InferRequestType<typeof v1.auth.signup.$post>['json'];
export type SignupResponse = InferResponseType<typeof v1.auth.signup.$post, 201>;
export type OnboardingResponse = InferResponseType<typeof v1.onboarding.$get, 200>;
export type OnboardingStatus = OnboardingResponse['status'];
export type OnboardingStep = OnboardingResponse['steps'][number];

/** The browser's IANA zone: a new company's days (due, overdue, reminders) start in it. */
const browserTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

export const signup = (json: Omit<SignupInput, 'timeZone'>) => call(() => v1.auth.signup.$post({ json: { ...json, timeZone: browserTimeZone() } }));
// The zone rides along in case onboarding could not start at signup and starts now.
export const onboarding = () => call(() => v1.onboarding.$get({ query: { timeZone: browserTimeZone() } }));
