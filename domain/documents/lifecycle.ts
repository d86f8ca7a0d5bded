/**
 * Shared between the invoice lifecycle workflow and its callers: the workflow
 * id (the business key) and the state the workflow reports.
 */
import type { ReminderStep } from '../reminders';

/**
 * `invoice-<id>`: one lifecycle per invoice. `estimate-<id>-r<revision>`: one per sending of an
 * estimate, since a sent estimate may be revised and sent again.
 */
export function lifecycleWorkflowId(kind: 'invoice' | 'estimate', documentId: string, revision = 1): string {
  return kind === 'invoice' ? `invoice-${documentId}` : `estimate-${documentId}-r${revision}`;
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
  /** Estimates: when this revision expires unanswered (the start of the day after it is valid until). */
  expiresAt?: number;
}

export function isSettled(status: string): boolean {
  return status === 'paid' || status === 'void';
}
