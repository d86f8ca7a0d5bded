// Recurring invoice series (api/routes/recurring.ts, docs/workflows/recurring-invoices.md)
// through the typed client in api.ts: a series is saved with its lines and fired by a
// Temporal Schedule; pause, resume, skip the next date, end. Errors are `ApiError`.
import type { InferRequestType, InferResponseType } from 'hono/client';
import { call, v1 } from './api';

const series = v1['recurring-invoices'];
const one = series[':id'];

export type RecurringSeries = InferResponseType<typeof series.$get, 200>['items'][number];
export type RecurringSeriesDetail = InferResponseType<(typeof one)['$get'], 200>;
export type RecurringInvoice = RecurringSeriesDetail['invoices'][number];
export type RecurringInput = InferRequestType<typeof series.$post>['json'];
export type RecurringFrequency = RecurringInput['frequency'];
export type RecurringEdit = InferRequestType<(typeof one)['$put']>['json'];

export const listRecurring = () => call(() => series.$get());
export const getRecurring = (id: string) => call(() => one.$get({ param: { id } }));
export const createRecurring = (json: RecurringInput) => call(() => series.$post({ json }));
/** Changes what later occurrences copy; invoices already made keep theirs. */
export const updateRecurring = (id: string, json: RecurringEdit) => call(() => one.$put({ param: { id }, json }));
export const pauseRecurring = (id: string) => call(() => one.pause.$post({ param: { id } }));
export const resumeRecurring = (id: string) => call(() => one.resume.$post({ param: { id } }));
export const skipRecurring = (id: string) => call(() => one.skip.$post({ param: { id } }));
/** Ends the series and deletes its schedule; the invoices it made stay. */
export const endRecurring = (id: string) => call(() => one.$delete({ param: { id } }));

const FREQUENCY: Record<RecurringFrequency, string> = { monthly: 'Monthly', quarterly: 'Quarterly', yearly: 'Yearly' };
export const FREQUENCY_OPTIONS = (Object.entries(FREQUENCY) as [RecurringFrequency, string][]).map(([value, label]) => ({ value, label }));
export const frequencyLabel = (f: string) => FREQUENCY[f as RecurringFrequency] ?? f;

const STATUS: Record<string, string> = { active: 'Active', paused: 'Paused', ended: 'Ended' };
export const seriesStatusLabel = (s: string) => STATUS[s] ?? s;
