// Clients, catalog, projects, the timer and time entries (docs/work.md).
// Money goes out as dollar strings and comes back as integer cents; errors are `ApiError`.
import type { ClientResponse } from 'hono/client';
import { call } from './api';

// ---------- Shapes ----------

export type Page<T> = { items: T[]; nextCursor: string | null };

export type ClientKind = 'business' | 'person';
export interface Address {
  line1: string | null;
  line2: string | null;
  city: string | null;
  state: string | null;
  postalCode: string | null;
  country: string | null;
}
export interface Client {
  id: string;
  kind: ClientKind;
  name: string;
  email: string | null;
  phone: string | null;
  taxId: string | null;
  currency: string;
  paymentTermsDays: number | null;
  notes: string | null;
  tags: string[];
  address: Address;
  createdAt: string;
  deletedAt: string | null;
}
export interface ClientInput {
  kind?: ClientKind;
  name?: string;
  email?: string | null;
  phone?: string | null;
  taxId?: string | null;
  currency?: string;
  paymentTermsDays?: number | null;
  notes?: string | null;
  tags?: string[];
  address?: { [K in keyof Address]?: string | null };
}
export interface ClientQuery {
  q?: string;
  includeDeleted?: boolean;
  cursor?: string;
  limit?: number;
}

export type CatalogItemType = 'service' | 'product';
export interface CatalogItem {
  id: string;
  type: CatalogItemType;
  name: string;
  description: string | null;
  rateCents: number;
  currency: string;
  taxable: boolean;
  active: boolean;
}
export interface CatalogInput {
  type?: CatalogItemType;
  name?: string;
  description?: string | null;
  rate?: string;
  taxable?: boolean;
  active?: boolean;
}
export interface CatalogQuery {
  q?: string;
  active?: boolean;
  cursor?: string;
  limit?: number;
}

export type ProjectStatus = 'active' | 'on_hold' | 'completed' | 'cancelled';
export type BillingType = 'hourly' | 'flat_fee' | 'non_billable';
export interface ProjectService {
  id: string;
  catalogItemId: string | null;
  name: string;
}
export interface Project {
  id: string;
  number: string;
  label: string;
  name: string;
  client: { id: string; name: string } | null;
  status: ProjectStatus;
  billingType: BillingType;
  hourlyRateCents: number | null;
  flatFeeCents: number | null;
  budgetMinutes: number | null;
  budgetCents: number | null;
  usedMinutes: number;
  currency: string;
  members: { userId: string; email: string; name: string | null }[];
  services: ProjectService[];
}
export type ProjectServiceInput = { catalogItemId: string } | { name: string };
export interface ProjectInput {
  name?: string;
  clientId?: string | null;
  status?: ProjectStatus;
  billingType?: BillingType;
  hourlyRate?: string | null;
  flatFee?: string | null;
  budgetHours?: number | null;
  budgetAmount?: string | null;
  memberIds?: string[];
  services?: ProjectServiceInput[];
}
export interface ProjectQuery {
  q?: string;
  status?: ProjectStatus;
  clientId?: string;
  cursor?: string;
  limit?: number;
}

export type IdleTimer = { state: 'idle' };
export interface ActiveTimer {
  state: 'running' | 'paused';
  project: { id: string; label: string };
  client: { id: string; name: string } | null;
  serviceName: string | null;
  notes: string | null;
  startedAt: string;
  elapsedSeconds: number;
  autoStopAt: string | null;
}
export type Timer = IdleTimer | ActiveTimer;
/** A project service: its catalog item, or (for a custom one) its name. */
export type ServiceChoice = { catalogItemId?: string; serviceName?: string };
export interface TimerStartInput extends ServiceChoice {
  projectId: string;
  notes?: string;
}

export type TimeEntryStatus = 'draft' | 'submitted' | 'approved' | 'billed';
export interface TimeEntry {
  id: string;
  user: { id: string; email: string };
  project: { id: string; label: string };
  client: { id: string; name: string } | null;
  serviceName: string | null;
  notes: string | null;
  date: string;
  startedAt: string | null;
  durationSeconds: number;
  billedSeconds: number;
  rounding: { incrementMinutes: number; mode: string };
  billable: boolean;
  status: TimeEntryStatus;
  submittedAt: string | null;
  approvedAt: string | null;
  approvedBy: { id: string; email: string } | null;
  rejectionReason: string | null;
}
export interface TimeEntryInput extends ServiceChoice {
  projectId: string;
  date: string;
  startTime?: string;
  hours: string;
  notes?: string;
  billable?: boolean;
  confirmOverlap?: boolean;
}
export interface TimeEntryQuery {
  userId?: string;
  projectId?: string;
  status?: TimeEntryStatus;
  from?: string;
  to?: string;
  mine?: boolean;
  cursor?: string;
  limit?: number;
}
export interface Timesheet {
  weekStart: string;
  days: string[];
  rows: { project: { id: string; label: string }; serviceName: string | null; seconds: number[]; total: number }[];
  totals: number[];
  total: number;
}

export type RoundingIncrement = 0 | 6 | 15 | 30;
export type RoundingMode = 'up' | 'nearest';
export interface TimeSettings {
  roundingIncrementMinutes: RoundingIncrement;
  roundingMode: RoundingMode;
  timerAutoStopHours: number;
}

export const PROJECT_STATUSES: readonly ProjectStatus[] = ['active', 'on_hold', 'completed', 'cancelled'];
export const BILLING_TYPES: readonly BillingType[] = ['hourly', 'flat_fee', 'non_billable'];
export const TIME_ENTRY_STATUSES: readonly TimeEntryStatus[] = ['draft', 'submitted', 'approved', 'billed'];
export const CURRENCIES = ['USD', 'CAD', 'EUR', 'GBP', 'AUD'] as const;

// ---------- Plain fetch for routes not yet in AppType ----------

type QueryValue = string | number | boolean | undefined | null;

/** Drop empty values and stringify the rest, for `?query`. */
function cleanQuery(query: Record<string, QueryValue> = {}): Record<string, string> {
  return Object.fromEntries(
    Object.entries(query)
      .filter(([, v]) => v !== undefined && v !== null && String(v).trim() !== '')
      .map(([k, v]) => [k, String(v).trim()]),
  );
}

/** One JSON request through `call()` (same ApiError handling as the typed client). */
function send<T>(method: string, path: string, opts: { query?: Record<string, QueryValue>; json?: unknown } = {}): Promise<T> {
  const search = new URLSearchParams(cleanQuery(opts.query)).toString();
  const url = `/api/v1${path}${search ? `?${search}` : ''}`;
  const init: RequestInit = { method, credentials: 'same-origin' };
  if (opts.json !== undefined) {
    init.headers = { 'Content-Type': 'application/json' };
    init.body = JSON.stringify(opts.json);
  }
  return call(() => fetch(url, init) as unknown as Promise<ClientResponse<T, 200, 'json'>>) as Promise<T>;
}

const id = (value: string) => encodeURIComponent(value);

// ---------- Clients ----------

export const listClients = (query: ClientQuery = {}) => send<Page<Client>>('GET', '/clients', { query: { ...query } });
export const getClient = (clientId: string) => send<Client>('GET', `/clients/${id(clientId)}`);
export const createClient = (json: ClientInput) => send<Client>('POST', '/clients', { json });
export const updateClient = (clientId: string, json: ClientInput) => send<Client>('PATCH', `/clients/${id(clientId)}`, { json });
export const deleteClient = (clientId: string) => send<void>('DELETE', `/clients/${id(clientId)}`);
export const restoreClient = (clientId: string) => send<Client>('POST', `/clients/${id(clientId)}/restore`);

// ---------- Catalog ----------

export const listCatalog = (query: CatalogQuery = {}) => send<Page<CatalogItem>>('GET', '/catalog', { query: { ...query } });
export const createCatalogItem = (json: CatalogInput) => send<CatalogItem>('POST', '/catalog', { json });
export const updateCatalogItem = (itemId: string, json: CatalogInput) => send<CatalogItem>('PATCH', `/catalog/${id(itemId)}`, { json });

// ---------- Projects ----------

export const listProjects = (query: ProjectQuery = {}) => send<Page<Project>>('GET', '/projects', { query: { ...query } });
export const getProject = (projectId: string) => send<Project>('GET', `/projects/${id(projectId)}`);
export const createProject = (json: ProjectInput) => send<Project>('POST', '/projects', { json });
export const updateProject = (projectId: string, json: ProjectInput) => send<Project>('PATCH', `/projects/${id(projectId)}`, { json });
export const deleteProject = (projectId: string) => send<void>('DELETE', `/projects/${id(projectId)}`);

// ---------- Timer ----------

export const getTimer = () => send<Timer>('GET', '/timer');
export const startTimer = (json: TimerStartInput) => send<Timer>('POST', '/timer/start', { json });
export const pauseTimer = () => send<Timer>('POST', '/timer/pause');
export const resumeTimer = () => send<Timer>('POST', '/timer/resume');
export const stopTimer = () => send<{ timer: Timer; entry: TimeEntry }>('POST', '/timer/stop');

// ---------- Time entries ----------

export const listTimeEntries = (query: TimeEntryQuery = {}) => send<Page<TimeEntry>>('GET', '/time-entries', { query: { ...query } });
export const createTimeEntry = (json: TimeEntryInput) => send<TimeEntry>('POST', '/time-entries', { json });
export const updateTimeEntry = (entryId: string, json: Partial<TimeEntryInput>) =>
  send<TimeEntry>('PATCH', `/time-entries/${id(entryId)}`, { json });
export const deleteTimeEntry = (entryId: string) => send<void>('DELETE', `/time-entries/${id(entryId)}`);
export const submitTimeEntry = (entryId: string) => send<TimeEntry>('POST', `/time-entries/${id(entryId)}/submit`);
export const approveTimeEntry = (entryId: string) => send<TimeEntry>('POST', `/time-entries/${id(entryId)}/approve`);
export const rejectTimeEntry = (entryId: string, reason: string) =>
  send<TimeEntry>('POST', `/time-entries/${id(entryId)}/reject`, { json: { reason } });
export const getTimesheet = (query: { week: string; userId?: string }) => send<Timesheet>('GET', '/timesheet', { query: { ...query } });

// ---------- Time settings ----------

export const getTimeSettings = () => send<TimeSettings>('GET', '/company/time-settings');
export const updateTimeSettings = (json: Partial<TimeSettings>) => send<TimeSettings>('PATCH', '/company/time-settings', { json });
