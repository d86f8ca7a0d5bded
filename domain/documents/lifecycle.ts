/**
 * Shared between the invoice lifecycle workflow and its callers: the workflow
 * id (the business key) and the state the workflow reports.
 */
import type { ReminderStep } from '../reminders';

/** `invoice-<id>` for invoices, `estimate-<id>` for estimates: one lifecycle per document. */
export function lifecycleWorkflowId(kind: 'invoice' | 'estimate', documentId: string): string {
  return `${kind}-${documentId}`;
}

export interface LifecycleState {
  /** False until the send step has run; Updates wait for it. */
  ready: boolean;
  kind: 'invoice' | 'estimate';
  number: string;
  revision: number;
  status: string;
  totalCents: number;
  balanceCents: number;
  plan: ReminderStep[];
  /** Steps done: mailed, or passed over while reminders were off. Each step is done once. */
  remindersDone: number[];
  remindersEnabled: boolean;
}

export function isSettled(status: string): boolean {
  return status === 'paid' || status === 'void';
}
