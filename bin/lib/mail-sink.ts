/**
 * A real SMTP server that keeps what it receives: the development mail
 * catcher (`npm start` serves a small page listing messages) and the SMTP
 * server the tests send to and read from. Mail for any address at
 * `bounce.test` is refused as a real server refuses an unknown mailbox
 * (550), so the undeliverable path can be tried by hand and in tests.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface CaughtMail {
  id: number;
  from: string;
  to: string[];
  /** The Reply-To header's address, if any. */
  replyTo: string | null;
  subject: string;
  text: string;
  attachments: { filename: string; contentType: string; size: number }[];
  receivedAt: string;
}

export interface MailSink {
  smtpPort: number;
  webUrl: string | null;
  messages: CaughtMail[];
  /** Resolves with the first message (already caught or still to come) that matches. */
  waitFor(match: (m: CaughtMail) => boolean, timeoutMs?: number): Promise<CaughtMail>;
  stop(): Promise<void>;
}

const KEEP = 500;
export const BOUNCE_DOMAIN = 'bounce.test';

export async function startMailSink(opts: { smtpPort: number; webPort?: number; host?: string; onMessage?: (m: CaughtMail) => void }): Promise<MailSink> {
  const host = opts.host ?? '127.0.0.1';
  const messages: CaughtMail[] = [];
  const waiters = new Set<{ match: (m: CaughtMail) => boolean; resolve: (m: CaughtMail) => void }>();
  let nextId = 1;

  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (address.address.toLowerCase().endsWith(`@${BOUNCE_DOMAIN}`)) {
        return callback(Object.assign(new Error(`<${address.address}>: no such mailbox here`), { responseCode: 550 }));
      }
      callback();
    },
    onData(stream, session, callback) {
      simpleParser(stream).then((parsed) => {
        const mail: CaughtMail = {
          id: nextId++,
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          replyTo: parsed.replyTo?.value[0]?.address ?? null,
          subject: parsed.subject ?? '',
          text: parsed.text ?? '',
          attachments: parsed.attachments.map((a) => ({ filename: a.filename ?? '', contentType: a.contentType, size: a.size })),
          receivedAt: new Date().toISOString(),
        };
        messages.unshift(mail);
        messages.length = Math.min(messages.length, KEEP);
        for (const w of waiters) if (w.match(mail)) { waiters.delete(w); w.resolve(mail); }
        opts.onMessage?.(mail);
        callback();
      }, callback);
    },
  });
  await new Promise<void>((resolve, reject) => {
    smtp.once('error', reject);
    smtp.listen(opts.smtpPort, host, () => resolve());
  });
  const smtpPort = ((smtp as unknown as { server: Server }).server.address() as AddressInfo).port;

  let web: Server | null = null;
  if (opts.webPort !== undefined) {
    web = createServer((req, res) => {
      if (req.url === '/messages.json') {
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(messages));
        return;
      }
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(renderInbox(messages));
    });
    await new Promise<void>((resolve, reject) => {
      web!.once('error', reject);
      web!.listen(opts.webPort, host, () => resolve());
    });
  }
  const webUrl = web ? `http://localhost:${(web.address() as AddressInfo).port}` : null;

  return {
    smtpPort, webUrl, messages,
    waitFor(match, timeoutMs = 10_000) {
      const found = messages.find(match);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const waiter = { match, resolve: (m: CaughtMail) => { clearTimeout(timer); resolve(m); } };
        const timer = setTimeout(() => { waiters.delete(waiter); reject(new Error('no matching email arrived')); }, timeoutMs);
        waiters.add(waiter);
      });
    },
    async stop() {
      await new Promise<void>((resolve) => smtp.close(() => resolve()));
      if (web) await new Promise<void>((resolve) => web!.close(() => resolve()));
    },
  };
}

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function renderInbox(messages: CaughtMail[]): string {
  const rows = messages.map((m) => `<article><h2>${escape(m.subject || '(no subject)')}</h2>
<p class="meta">${escape(m.receivedAt)} · from ${escape(m.from)} · to ${escape(m.to.join(', '))}</p>
<pre>${escape(m.text)}</pre></article>`).join('\n');
  return `<!doctype html><html><head><meta charset="utf-8"><title>EZ360PM mail catcher</title>
<meta http-equiv="refresh" content="5">
<style>body{font:14px system-ui,sans-serif;max-width:860px;margin:2rem auto;padding:0 1rem;color:#1f2937}
article{border:1px solid #e5e7eb;border-radius:8px;padding:1rem;margin:1rem 0}h2{margin:0;font-size:1.1rem}
.meta{color:#6b7280}pre{white-space:pre-wrap}</style></head><body>
<h1>Mail catcher</h1><p>Every email the app sends in development lands here (newest first, last ${KEEP}; refreshes every 5 s).</p>
${rows || '<p><em>No mail yet.</em></p>'}</body></html>`;
}
