// Small typed client for the EZ360PM JSON API (same origin, cookie session).
// Intentionally tiny: it will be replaced by Hono's `hc<AppType>` later.

export type Role = 'owner' | 'admin' | 'manager' | 'staff';

export interface User {
  id: string;
  email: string;
}

export interface Company {
  id: string;
  name: string;
}

export interface SignupInput {
  email: string;
  password: string;
  companyName: string;
}

export interface SignupResponse {
  user: User;
  company: Company;
  onboarding: { workflowId: string };
}

export interface LoginInput {
  email: string;
  password: string;
}

export interface LoginResponse {
  user: User;
  company: Company;
}

export interface MeResponse {
  user: User;
  company: Company;
  role: Role;
}

export type OnboardingStatus = 'pending' | 'running' | 'complete' | 'failed';

export interface OnboardingStep {
  key: string;
  label: string;
  done: boolean;
}

export interface OnboardingResponse {
  status: OnboardingStatus;
  workflowId: string;
  temporalUiUrl: string | null;
  steps: OnboardingStep[];
}

/** Body of every non-2xx response. */
export interface ApiErrorBody {
  error: {
    code: string;
    message: string;
    fields?: Record<string, string>;
  };
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

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

/**
 * Perform a JSON request against the API. Resolves with the parsed body
 * (or `undefined` for empty responses such as 204) and throws `ApiError`
 * on any non-2xx status or network failure (status 0, code "network_error").
 */
export async function request<T>(method: HttpMethod, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  const init: RequestInit = { method, headers, credentials: 'same-origin' };
  if (method !== 'GET') {
    // Every write is a JSON request, even when there is nothing to send
    // (e.g. logout), so the server can rely on the content type.
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body ?? {});
  }

  let res: Response;
  try {
    res = await fetch(path, init);
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

  return data as T;
}

export const signup = (input: SignupInput) =>
  request<SignupResponse>('POST', '/api/v1/auth/signup', input);

export const login = (input: LoginInput) =>
  request<LoginResponse>('POST', '/api/v1/auth/login', input);

export const logout = () => request<void>('POST', '/api/v1/auth/logout');

export const me = () => request<MeResponse>('GET', '/api/v1/me');

export const onboarding = () => request<OnboardingResponse>('GET', '/api/v1/onboarding');
