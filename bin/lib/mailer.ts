import nodemailer from 'nodemailer';
import type { Mailer } from '../../activities/email';
import type { Settings } from '../../domain/settings';

/**
 * Timeouts well inside the delivery step's own (1 minute): nodemailer's defaults wait up to 2 minutes
 * to connect and 10 for a reply, so a slow relay would outlast the step, Temporal would retry it, and
 * the first attempt, still running, could deliver too.
 */
const SMTP_TIMEOUTS = { connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 30_000 };

export function createMailer(settings: Pick<Settings, 'SMTP_URL' | 'MAIL_FROM'>): Mailer {
  return { transport: nodemailer.createTransport({ url: settings.SMTP_URL, ...SMTP_TIMEOUTS } as Parameters<typeof nodemailer.createTransport>[0]), from: settings.MAIL_FROM };
}
