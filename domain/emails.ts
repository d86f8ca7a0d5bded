/** The text of every email the platform sends. Pure: links are built from the app URL passed in. */
export interface EmailContent {
  subject: string;
  text: string;
}

export const VERIFY_EMAIL_HOURS = 48;
export const PASSWORD_RESET_MINUTES = 60;
export const INVITATION_DAYS = 7;

export function verifyEmail(appUrl: string, token: string): EmailContent {
  return {
    subject: 'Confirm your email for EZ360PM',
    text: `Welcome to EZ360PM.\n\nConfirm your email address by opening this link:\n${appUrl}/verify-email?token=${token}\n\n` +
      `The link works once and expires in ${VERIFY_EMAIL_HOURS} hours. If you did not sign up, ignore this email.\n`,
  };
}

export function passwordReset(appUrl: string, token: string): EmailContent {
  return {
    subject: 'Reset your EZ360PM password',
    text: `Someone asked to reset the password for this email address.\n\nChoose a new password here:\n${appUrl}/reset-password?token=${token}\n\n` +
      `The link works once and expires in ${PASSWORD_RESET_MINUTES} minutes. If it was not you, ignore this email; your password is unchanged.\n`,
  };
}

export function invitation(appUrl: string, token: string, input: { companyName: string; inviter: string; role: string }): EmailContent {
  return {
    subject: `${input.inviter} invited you to ${input.companyName} on EZ360PM`,
    text: `${input.inviter} invited you to join ${input.companyName} on EZ360PM as ${input.role}.\n\nAccept the invitation here:\n` +
      `${appUrl}/invitations/${token}\n\nThe invitation expires in ${INVITATION_DAYS} days.\n`,
  };
}

/**
 * A 5xx SMTP reply is permanent (RFC 5321 §4.2.1): no such mailbox, relaying refused, rejected as
 * spam. Sending again cannot help, so the email is given up on at once and staff are alerted.
 * 4xx replies and connection failures are transient and retried.
 */
export function isPermanentSmtpFailure(responseCode: number | undefined): boolean {
  return responseCode !== undefined && responseCode >= 500 && responseCode < 600;
}

/** One intent, one workflow: the id under which an email is delivered. */
export function emailWorkflowId(intentKey: string): string {
  return `email-${intentKey}`;
}

export interface DocumentEmailInput {
  kind: 'invoice' | 'estimate';
  number: string;
  companyName: string;
  clientName: string;
  /** Already formatted, e.g. "$1,234.56". */
  amount: string;
  dueDate: string;
  portalUrl: string;
}

/** The email that delivers a document, with its PDF attached. */
export function documentEmail(d: DocumentEmailInput): EmailContent {
  const what = d.kind === 'invoice' ? 'Invoice' : 'Estimate';
  const ask = d.kind === 'invoice'
    ? `The amount due is ${d.amount}, due ${d.dueDate}.\n\nView and pay it online:\n${d.portalUrl}\n`
    : `The estimated total is ${d.amount}, valid until ${d.dueDate}.\n\nView it, accept it or ask for changes online:\n${d.portalUrl}\n`;
  return {
    subject: `${what} ${d.number} from ${d.companyName}`,
    text: `Hello ${d.clientName},\n\n${d.companyName} sent you ${what.toLowerCase()} ${d.number}; the PDF is attached.\n\n${ask}\nThank you,\n${d.companyName}\n`,
  };
}

/** One reminder step; days are relative to the due date (negative = before it). */
export function reminderEmail(d: DocumentEmailInput & { offsetDays: number }): EmailContent {
  const when = d.offsetDays < 0 ? `is due on ${d.dueDate}` : d.offsetDays === 0 ? 'is due today' : `was due on ${d.dueDate} and is ${d.offsetDays} days overdue`;
  return {
    subject: `${d.offsetDays > 0 ? 'Overdue: ' : 'Reminder: '}invoice ${d.number} from ${d.companyName}`,
    text: `Hello ${d.clientName},\n\nA friendly reminder that invoice ${d.number} for ${d.amount} ${when}.\n\nView and pay it online:\n${d.portalUrl}\n\n` +
      `If you have already paid, thank you, and please ignore this email.\n\n${d.companyName}\n`,
  };
}

export interface ReceiptEmailInput {
  number: string;
  companyName: string;
  clientName: string;
  /** Already formatted, like the amounts below. */
  received: string;
  receivedOn: string;
  method: string;
  reference: string;
  /** What is still owed; null once the invoice is paid in full. */
  balance: string | null;
  /** The part of the payment kept as the client's credit, when there is one. */
  credit: string | null;
  portalUrl: string;
}

/** The client's receipt for a payment recorded against an invoice. */
export function receiptEmail(r: ReceiptEmailInput): EmailContent {
  const ref = r.reference ? ` (${r.reference})` : '';
  const credit = r.credit ? `${r.credit} of it is kept as credit on your account for future invoices.\n` : '';
  const left = r.balance === null ? `Invoice ${r.number} is now paid in full.\n` : `Balance remaining on invoice ${r.number}: ${r.balance}.\n`;
  return {
    subject: `Receipt: payment for invoice ${r.number} from ${r.companyName}`,
    text: `Hello ${r.clientName},\n\nThank you — ${r.companyName} received your payment of ${r.received} on ${r.receivedOn} by ${r.method.toLowerCase()}${ref} ` +
      `for invoice ${r.number}.\n\n${left}${credit}\nView the invoice online:\n${r.portalUrl}\n\n${r.companyName}\n`,
  };
}

/** Intent keys of document emails: each send, reminder step and receipt mails once, whatever retries. */
export const documentEmailKey = {
  send: (kind: string, documentId: string, revision: number) => `${kind}-${documentId}-send-r${revision}`,
  reminder: (documentId: string, step: number) => `invoice-${documentId}-reminder-${step}`,
  receipt: (documentId: string, paymentId: string) => `invoice-${documentId}-receipt-${paymentId}`,
};
