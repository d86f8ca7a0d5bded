// The worker's workflow bundle: every workflow the app runs.
export { emailDelivery } from './email-delivery';
export { onboarding } from './onboarding';
export { timer } from './timer';
export { invoiceLifecycle } from './invoice-lifecycle';
export { recurringOccurrence } from './recurring-occurrence';
export { outboxSweep } from './outbox-sweep';
export { uploadSettle } from './upload-settle';
