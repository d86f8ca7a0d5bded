import nodemailer from 'nodemailer';
import type { Mailer } from '../../activities/email';
import type { Settings } from '../../domain/settings';

export function createMailer(settings: Pick<Settings, 'SMTP_URL' | 'MAIL_FROM'>): Mailer {
  return { transport: nodemailer.createTransport(settings.SMTP_URL), from: settings.MAIL_FROM };
}
