// Clients, catalog, projects, the timer and time entries (docs/work.md), through
// the typed client in api.ts: request and response types come from the server's
// own route definitions. Money goes out as dollar strings and comes back as integer
// cents; errors are `ApiError`.
import type { InferRequestType, InferResponseType } from 'hono/client';
import { ApiError, call, v1 } from './api';

// ---------- Shapes (inferred from the API) ----------

export type Page<T> = { items: T[]; nextCursor: string | null };

export type Client = InferResponseType<(typeof v1.clients)[':id']['$get'], 200>;
/** A row of the clients list: the client, and for managers and up what it owes. */
export type ClientListItem = InferResponseType<typeof v1.clients.$get, 200>['items'][number];
export type ClientCreateInput = InferRequestType<typeof v1.clients.$post>['json'];
export type ClientInput = InferRequestType<(typeof v1.clients)[':id']['$patch']>['json'];
export type ClientKind = ClientCreateInput['kind'];
export interface ClientQuery {
  q?: string;
  includeDeleted?: boolean;
  cursor?: string;
  limit?: number;
}

export type CatalogItem = InferResponseType<typeof v1.catalog.$get, 200>['items'][number];
export type CatalogCreateInput = InferRequestType<typeof v1.catalog.$post>['json'];
export type CatalogInput = InferRequestType<(typeof v1.catalog)[':id']['$patch']>['json'];
export type CatalogItemType = CatalogCreateInput['type'];
export interface CatalogQuery {
  q?: string;
  active?: boolean;
  cursor?: string;
  limit?: number;
}

export type Project = InferResponseType<(typeof v1.projects)[':id']['$get'], 200>;
export type ProjectService = Project['services'][number];
export type ProjectCreateInput = InferRequestType<typeof v1.projects.$post>['json'];
export type ProjectInput = InferRequestType<(typeof v1.projects)[':id']['$patch']>['json'];
export type ProjectServiceInput = NonNullable<ProjectCreateInput['services']>[number];
export type BillingType = ProjectCreateInput['billingType'];
export type ProjectStatus = NonNullable<ProjectCreateInput['status']>;
export interface ProjectQuery {
  q?: string;
  status?: ProjectStatus;
  clientId?: string;
  includeDeleted?: boolean;
  cursor?: string;
  limit?: number;
}

export type Timer = InferResponseType<typeof v1.timer.$get, 200>;
/** A running or paused timer: the fields the API sends only then are present. */
export type ActiveTimer = Timer & {
  state: 'running' | 'paused';
  project: { id: string; label: string };
  elapsedSeconds: number;
};
export function activeTimer(timer: Timer | undefined): ActiveTimer | undefined {
  return timer && timer.state !== 'idle' && timer.project && typeof timer.elapsedSeconds === 'number' ? (timer as ActiveTimer) : undefined;
}
export type TimerStartInput = InferRequestType<typeof v1.timer.start.$post>['json'];
/** A project service: its catalog item, or (for a custom one) its name. */
export type ServiceChoice = Pick<TimerStartInput, 'catalogItemId' | 'serviceName'>;

export type TimeEntry = InferResponseType<typeof v1['time-entries']['$get'], 200>['items'][number];
export type TimeEntryInput = InferRequestType<typeof v1['time-entries']['$post']>['json'];
export type TimeEntryStatus = NonNullable<InferRequestType<typeof v1['time-entries']['$get']>['query']['status']>;
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
export type Timesheet = InferResponseType<typeof v1.timesheet.$get, 200>;

export type TimeSettings = InferResponseType<(typeof v1.company)['time-settings']['$get'], 200>;
export type TimeSettingsInput = InferRequestType<(typeof v1.company)['time-settings']['$patch']>['json'];
export type RoundingIncrement = NonNullable<TimeSettingsInput['roundingIncrementMinutes']>;
export type RoundingMode = NonNullable<TimeSettingsInput['roundingMode']>;

export type Vendor = InferResponseType<typeof v1.vendors.$get, 200>['items'][number];
export type VendorCreateInput = InferRequestType<typeof v1.vendors.$post>['json'];
export type VendorInput = InferRequestType<(typeof v1.vendors)[':id']['$patch']>['json'];
export interface VendorQuery {
  q?: string;
  includeDeleted?: boolean;
  cursor?: string;
  limit?: number;
}

export type ClientContact = InferResponseType<(typeof v1.clients)[':id']['contacts']['$get'], 200>['items'][number];
export type ClientContactInput = InferRequestType<(typeof v1.clients)[':id']['contacts']['$post']>['json'];

export type TimelineItem = InferResponseType<(typeof v1.clients)[':id']['timeline']['$get'], 200>['items'][number];

export type ProjectFile = InferResponseType<(typeof v1.projects)[':id']['files']['$get'], 200>['items'][number];
export type FileUploadInput = InferRequestType<(typeof v1.projects)[':id']['files']['$post']>['json'];
export type FileUpload = InferResponseType<(typeof v1.projects)[':id']['files']['$post'], 201>['upload'];

/** Every CSV import (clients, projects, time) takes and answers the same shapes. */
export type CsvImportInput = InferRequestType<typeof v1.clients.import.$post>['json'];
export type CsvImportResult = InferResponseType<typeof v1.clients.import.$post, 200>;

export type DocumentKind = InferRequestType<typeof v1.documents.$post>['json']['kind'];
export type DocumentSummary = InferResponseType<typeof v1.documents.$get, 200>['items'][number];
export type Document = InferResponseType<(typeof v1.documents)[':id']['$get'], 200>;
export type DocumentLine = Document['lines'][number];
export type DocumentCreateInput = InferRequestType<typeof v1.documents.$post>['json'];
export type DocumentInput = InferRequestType<(typeof v1.documents)[':id']['$patch']>['json'];
export type DocumentLineInput = NonNullable<DocumentInput['lines']>[number];
export type DocumentDiscountInput = DocumentInput['discount'];
export interface DocumentQuery {
  kind: DocumentKind;
  status?: string;
  clientId?: string;
  cursor?: string;
  limit?: number;
}

export const CURRENCIES = ['USD', 'CAD', 'EUR', 'GBP', 'AUD'] as const;

type QueryValue = string | number | boolean | undefined | null;

/** Drop empty values and stringify the rest, for `?query`. */
function cleanQuery(query: Record<string, QueryValue>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(query)
      .filter(([, v]) => v !== undefined && v !== null && String(v).trim() !== '')
      .map(([k, v]) => [k, String(v).trim()]),
  );
}

// ---------- Clients ----------

export const listClients = (query: ClientQuery = {}) => call(() => v1.clients.$get({ query: cleanQuery({ ...query }) }));
export const getClient = (id: string) => call(() => v1.clients[':id'].$get({ param: { id } }));
export type ClientBalance = InferResponseType<(typeof v1.clients)[':id']['balance']['$get'], 200>;
/** What the client owes (open, overdue), has paid, and holds as credit. */
export const getClientBalance = (id: string) => call(() => v1.clients[':id'].balance.$get({ param: { id } }));
export const createClient = (json: ClientCreateInput) => call(() => v1.clients.$post({ json }));
export const updateClient = (id: string, json: ClientInput) => call(() => v1.clients[':id'].$patch({ param: { id }, json }));
export const deleteClient = (id: string) => call(() => v1.clients[':id'].$delete({ param: { id } }));
export const restoreClient = (id: string) => call(() => v1.clients[':id'].restore.$post({ param: { id } }));

/** What happened with a client (audit events and time), newest first. */
export const clientTimeline = (query: { id: string; cursor?: string; limit?: number }) =>
  call(() => v1.clients[':id'].timeline.$get({ param: { id: query.id }, query: cleanQuery({ cursor: query.cursor, limit: query.limit }) }));

// ---------- Client contacts ----------

export const listClientContacts = (clientId: string) => call(() => v1.clients[':id'].contacts.$get({ param: { id: clientId } }));
export const createClientContact = (clientId: string, json: ClientContactInput) =>
  call(() => v1.clients[':id'].contacts.$post({ param: { id: clientId }, json }));
export const updateClientContact = (clientId: string, contactId: string, json: Partial<ClientContactInput>) =>
  call(() => v1.clients[':id'].contacts[':contactId'].$patch({ param: { id: clientId, contactId }, json }));
export const deleteClientContact = (clientId: string, contactId: string) =>
  call(() => v1.clients[':id'].contacts[':contactId'].$delete({ param: { id: clientId, contactId } }));

// ---------- Vendors ----------

export const listVendors = (query: VendorQuery = {}) => call(() => v1.vendors.$get({ query: cleanQuery({ ...query }) }));
export const createVendor = (json: VendorCreateInput) => call(() => v1.vendors.$post({ json }));
export const updateVendor = (id: string, json: VendorInput) => call(() => v1.vendors[':id'].$patch({ param: { id }, json }));
export const deleteVendor = (id: string) => call(() => v1.vendors[':id'].$delete({ param: { id } }));
export const restoreVendor = (id: string) => call(() => v1.vendors[':id'].restore.$post({ param: { id } }));

// ---------- CSV ----------

/** Dry run (the default) reports every row's problems; `dryRun: false` imports all rows or none (422 IMPORT_HAS_ERRORS). */
export const importClients = (json: CsvImportInput) => call(() => v1.clients.import.$post({ json }));
export const importProjects = (json: CsvImportInput) => call(() => v1.projects.import.$post({ json }));
/** Time arrives as draft entries; rows for other people need time.approve. */
export const importTimeEntries = (json: CsvImportInput) => call(() => v1['time-entries'].import.$post({ json }));

/** Plain links (the browser downloads the CSV with the session cookie). */
export const CLIENTS_EXPORT_URL = '/api/v1/clients/export';
export const PROJECTS_EXPORT_URL = '/api/v1/projects/export';
export const timeEntriesExportUrl = (query: { from?: string; to?: string }) => {
  const params = new URLSearchParams(cleanQuery(query)).toString();
  return `/api/v1/time-entries/export${params ? `?${params}` : ''}`;
};

// ---------- Catalog ----------

export const listCatalog = (query: CatalogQuery = {}) => call(() => v1.catalog.$get({ query: cleanQuery({ ...query }) }));
export const createCatalogItem = (json: CatalogCreateInput) => call(() => v1.catalog.$post({ json }));
export const updateCatalogItem = (id: string, json: CatalogInput) => call(() => v1.catalog[':id'].$patch({ param: { id }, json }));

// ---------- Projects ----------

export const listProjects = (query: ProjectQuery = {}) => call(() => v1.projects.$get({ query: cleanQuery({ ...query }) }));
export const getProject = (id: string) => call(() => v1.projects[':id'].$get({ param: { id } }));
export const createProject = (json: ProjectCreateInput) => call(() => v1.projects.$post({ json }));
export const updateProject = (id: string, json: ProjectInput) => call(() => v1.projects[':id'].$patch({ param: { id }, json }));
export const deleteProject = (id: string) => call(() => v1.projects[':id'].$delete({ param: { id } }));
export const restoreProject = (id: string) => call(() => v1.projects[':id'].restore.$post({ param: { id } }));

// ---------- Project files ----------

export const listProjectFiles = (projectId: string) => call(() => v1.projects[':id'].files.$get({ param: { id: projectId } }));
/** Step 1 of an upload: a pending file and the form to post it to storage with. */
export const startFileUpload = (projectId: string, json: FileUploadInput) =>
  call(() => v1.projects[':id'].files.$post({ param: { id: projectId }, json }));
/** Step 3: the server checks the object arrived within limits (422 FILE_TOO_LARGE otherwise). */
export const completeFileUpload = (projectId: string, fileId: string) =>
  call(() => v1.projects[':id'].files[':fileId'].complete.$post({ param: { id: projectId, fileId } }));
export const deleteProjectFile = (projectId: string, fileId: string) =>
  call(() => v1.projects[':id'].files[':fileId'].$delete({ param: { id: projectId, fileId } }));
/** A plain link: the server answers with a redirect to a short-lived storage URL. */
export const projectFileDownloadUrl = (projectId: string, fileId: string) =>
  `/api/v1/projects/${encodeURIComponent(projectId)}/files/${encodeURIComponent(fileId)}/download`;

/**
 * Step 2: post the file straight to storage (S3, or the local-disk stand-in) with the
 * presigned form fields first and the file last. No cookies: it may be another origin.
 */
export async function uploadToStorage(upload: FileUpload, file: File): Promise<void> {
  const form = new FormData();
  for (const [name, value] of Object.entries(upload.fields)) form.append(name, value);
  form.append('file', file);
  let res: Response;
  try {
    res = await fetch(upload.url, { method: 'POST', body: form, credentials: 'omit' });
  } catch {
    throw new ApiError(0, 'network_error', 'Could not reach the file storage. Check your connection and try again.');
  }
  if (res.ok) return;
  // The local store answers our JSON errors; S3 answers XML (<Code>EntityTooLarge</Code>).
  const text = await res.text().catch(() => '');
  let message: string | undefined;
  try {
    message = (JSON.parse(text) as { error?: { message?: string } }).error?.message;
  } catch {
    if (/EntityTooLarge/.test(text)) message = 'The file is larger than the upload allows.';
  }
  throw new ApiError(res.status, 'upload_failed', message ?? `The file could not be stored (${res.status}). Please try again.`);
}

// ---------- Timer ----------

export const getTimer = () => call(() => v1.timer.$get());
export const startTimer = (json: TimerStartInput) => call(() => v1.timer.start.$post({ json }));
export const pauseTimer = () => call(() => v1.timer.pause.$post());
export const resumeTimer = () => call(() => v1.timer.resume.$post());
export const stopTimer = () => call(() => v1.timer.stop.$post());

// ---------- Time entries ----------

export const listTimeEntries = (query: TimeEntryQuery = {}) => call(() => v1['time-entries'].$get({ query: cleanQuery({ ...query }) }));
export const createTimeEntry = (json: TimeEntryInput) => call(() => v1['time-entries'].$post({ json }));
export const updateTimeEntry = (id: string, json: Partial<TimeEntryInput>) =>
  call(() => v1['time-entries'][':id'].$patch({ param: { id }, json }));
export const deleteTimeEntry = (id: string) => call(() => v1['time-entries'][':id'].$delete({ param: { id } }));
export const submitTimeEntry = (id: string) => call(() => v1['time-entries'][':id'].submit.$post({ param: { id } }));
export const approveTimeEntry = (id: string) => call(() => v1['time-entries'][':id'].approve.$post({ param: { id } }));
export const rejectTimeEntry = (id: string, reason: string) =>
  call(() => v1['time-entries'][':id'].reject.$post({ param: { id }, json: { reason } }));
export const getTimesheet = (query: { week: string; userId?: string }) => call(() => v1.timesheet.$get({ query: cleanQuery({ ...query }) }));

// ---------- Documents (estimates and invoices) ----------

export const listDocuments = (query: DocumentQuery) =>
  call(() => v1.documents.$get({ query: { ...cleanQuery({ ...query }), kind: query.kind } }));
export const getDocument = (id: string) => call(() => v1.documents[':id'].$get({ param: { id } }));
export const createDocument = (json: DocumentCreateInput) => call(() => v1.documents.$post({ json }));
export const updateDocument = (id: string, json: DocumentInput) => call(() => v1.documents[':id'].$patch({ param: { id }, json }));
export const deleteDocument = (id: string) => call(() => v1.documents[':id'].$delete({ param: { id } }));
/** Bill the client's approved, billable, unbilled time (or the given entries) on a draft invoice. */
export const billDocumentTime = (id: string, entryIds?: string[]) =>
  call(() => v1.documents[':id'].time.$post({ param: { id }, json: entryIds ? { entryIds } : {} }));

// ---------- Time settings ----------

export const getTimeSettings = () => call(() => v1.company['time-settings'].$get());
export const updateTimeSettings = (json: TimeSettingsInput) => call(() => v1.company['time-settings'].$patch({ json }));
