import { useParams } from '@solidjs/router';
import { createSignal, For, Match, onMount, Show, Switch, type JSX } from 'solid-js';
import { ApiError } from '../api';
import CheckboxField from '../components/CheckboxField';
import FormField from '../components/FormField';
import FormShell from '../components/FormShell';
import Logo from '../components/Logo';
import { Loading } from '../components/PageStatus';
import SignaturePad, { type SignaturePadHandle } from '../components/SignaturePad';
import SubmitButton from '../components/SubmitButton';
import TextAreaField from '../components/TextAreaField';
import { formatDay } from '../dates';
import { formatDateTime } from '../format';
import { createForm } from '../form';
import { invalidFields, renameFieldErrors } from '../formErrors';
import { formatCents } from '../money';
import {
  acceptPortal,
  declinePortal,
  getPortal,
  portalLogoUrl,
  portalPdfUrl,
  requestPortalChanges,
  type PortalSignature,
  type PortalView,
  type SignatureInput,
} from '../portalApi';
import { documentStatusLabel, taxLabel } from '../workLabels';

/** "#2b59c3" and the like, else the app's own blue (the colour only ever reaches a style property). */
function brandColor(value: string | null | undefined): string {
  return value && /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i.test(value) ? value : '#2b59c3';
}

/** White or near-black text, whichever reads better on the brand colour (WCAG relative luminance). */
function textOn(hex: string): string {
  const full = hex.length === 4 ? `#${[...hex.slice(1)].map((c) => c + c).join('')}` : hex;
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(full.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  const lum = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  return (1.05 / (lum + 0.05)) >= ((lum + 0.05) / 0.05) ? '#ffffff' : '#111827';
}

/** Basis points → "8.25%". */
const rate = (bps: number) => `${(bps / 100).toFixed(2).replace(/\.?0+$/, '')}%`;

/** /portal/:token — what the client sees: no account, the link is the key. */
export default function Portal() {
  const params = useParams<{ token: string }>();
  return (
    <Show when={params.token} keyed>
      {(token) => <PortalFor token={token} />}
    </Show>
  );
}

function PortalFor(props: { token: string }) {
  const [view, setView] = createSignal<PortalView>();
  const [error, setError] = createSignal<ApiError>();

  const load = async () => {
    setError(undefined);
    try {
      setView(await getPortal(props.token));
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, 'unknown', 'Something went wrong. Please try again.'));
    }
  };
  onMount(() => void load());

  return (
    <Switch fallback={<PortalFrame><Loading label="Loading your document…" /></PortalFrame>}>
      <Match when={error()}>{(err) => <PortalProblem error={err()} onRetry={() => void load()} />}</Match>
      <Match when={view()}>{(v) => <PortalDocument token={props.token} view={v()} onChange={setView} reload={load} />}</Match>
    </Switch>
  );
}

/** The page around a problem or the loading state: no company known yet, so the app's own mark. */
function PortalFrame(props: { children: JSX.Element }) {
  return (
    <div class="portal">
      <header class="portal-header">
        <div class="portal-header-inner">
          <span class="portal-company">
            <Logo size={26} /> EZ360PM
          </span>
        </div>
      </header>
      <main class="portal-main">{props.children}</main>
    </div>
  );
}

const PROBLEMS: Record<string, { title: string; text: string }> = {
  PORTAL_LINK_EXPIRED: {
    title: 'This link has expired',
    text: 'Links to documents stop working after a while, to keep them private. Ask the business that sent it to you for a new link.',
  },
  PORTAL_LINK_REVOKED: {
    title: 'This link is no longer active',
    text: 'The business that sent it has withdrawn this link, perhaps because a newer version was sent. Check your email for a more recent message, or ask them for a new link.',
  },
  PORTAL_LINK_INVALID: {
    title: 'This link is not valid',
    text: 'Check that you opened the whole link from the email (long links are sometimes cut in two), or ask the business that sent it for a new one.',
  },
};

function PortalProblem(props: { error: ApiError; onRetry: () => void }) {
  // A token of the wrong shape is refused as input (400) before it is looked up: to the client it is the same bad link.
  const known = () => PROBLEMS[props.error.code] ?? (props.error.status === 404 || props.error.status === 400 ? PROBLEMS.PORTAL_LINK_INVALID : undefined);
  return (
    <PortalFrame>
      <section class="card portal-problem" role="alert" data-code={props.error.code}>
        <Show
          when={known()}
          fallback={
            <>
              <h1>{props.error.status === 429 ? 'Please wait a moment' : 'We could not open this document'}</h1>
              <p>{props.error.message}</p>
              <div class="button-row">
                <button type="button" class="btn btn-primary" onClick={() => props.onRetry()}>
                  Try again
                </button>
              </div>
            </>
          }
        >
          {(p) => (
            <>
              <h1>{p().title}</h1>
              <p>{p().text}</p>
            </>
          )}
        </Show>
      </section>
    </PortalFrame>
  );
}

function PortalDocument(props: { token: string; view: PortalView; onChange: (v: PortalView) => void; reload: () => Promise<void> }) {
  const v = () => props.view;
  const d = () => v().document;
  const money = (cents: number) => formatCents(cents, d().currency);
  const brand = () => brandColor(v().company.brandColor);
  const what = () => (d().kind === 'invoice' ? 'Invoice' : 'Estimate');
  const isInvoice = () => d().kind === 'invoice';
  const [notice, setNotice] = createSignal<string>();

  const accepted = (signature: PortalSignature | null) => {
    props.onChange({ ...v(), document: { ...d(), status: 'accepted' }, signature: signature ?? v().signature, canRespond: false });
    setNotice(`Thank you — you accepted ${d().number}. ${v().company.name} has been told.`);
    void props.reload();
  };

  return (
    <div class="portal" style={{ '--brand': brand(), '--brand-text': textOn(brand()) }}>
      <header class="portal-header is-branded">
        <div class="portal-header-inner">
          <span class="portal-company">
            <Show when={v().company.hasLogo}>
              <img class="portal-logo" src={portalLogoUrl(props.token)} alt="" />
            </Show>
            {v().company.name}
          </span>
          <span class="portal-for">For {v().client.name}</span>
        </div>
      </header>
      <main class="portal-main">
        <div class="status-slot" role="status">
          <Show when={notice()}>
            <p class="form-success portal-notice">{notice()}</p>
          </Show>
        </div>
        <article class="card portal-document" aria-labelledby="portal-title">
          <header class="portal-document-header">
            <div>
              <h1 id="portal-title">
                {what()} <span class="portal-number">{d().number}</span>
              </h1>
              <p class="muted">
                From {v().company.name} to {v().client.name} · Issued {formatDay(d().issueDate)} · {isInvoice() ? 'Due' : 'Valid until'}{' '}
                {formatDay(d().dueDate)}
              </p>
            </div>
            <div class="portal-document-side">
              <span class={`badge document-status status-${d().status}`}>{documentStatusLabel(d().status)}</span>
              <a class="btn btn-secondary" href={portalPdfUrl(props.token)} target="_blank" rel="noopener">
                Download PDF
              </a>
            </div>
          </header>

          <Show when={d().coverText}>
            <p class="portal-cover">{d().coverText}</p>
          </Show>

          <div class="table-wrap">
            <table class="table portal-lines">
              <caption class="sr-only">Lines</caption>
              <thead>
                <tr>
                  <th scope="col">Description</th>
                  <th scope="col" class="num">Quantity</th>
                  <th scope="col" class="num">Unit price</th>
                  <th scope="col" class="num">Tax</th>
                  <th scope="col" class="num">Amount</th>
                </tr>
              </thead>
              <tbody>
                <For each={d().lines}>
                  {(line) => (
                    <tr class="portal-line">
                      <td>{line.description}</td>
                      <td class="num">{line.quantity}</td>
                      <td class="num">{money(line.unitPriceCents)}</td>
                      <td class="num">{line.taxable && line.taxRateBps > 0 ? rate(line.taxRateBps) : '—'}</td>
                      <td class="num">{money(line.netCents)}</td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </div>

          <dl class="document-totals portal-totals" aria-label="Totals">
            <div class="document-totals-row">
              <dt>Subtotal</dt>
              <dd>{money(d().subtotalCents)}</dd>
            </div>
            <Show when={d().discountCents > 0}>
              <div class="document-totals-row">
                <dt>Discount</dt>
                <dd>−{money(d().discountCents)}</dd>
              </div>
            </Show>
            <div class="document-totals-row portal-tax">
              <dt>{taxLabel(d().taxInclusive)}</dt>
              <dd>{money(d().taxCents)}</dd>
            </div>
            <div class="document-totals-row document-grand-total">
              <dt>Total</dt>
              <dd>{money(d().totalCents)}</dd>
            </div>
            <Show when={isInvoice() && d().status !== 'void'}>
              <div class="document-totals-row portal-balance">
                <dt>Balance due</dt>
                <dd>{money(d().balanceCents)}</dd>
              </div>
            </Show>
          </dl>

          <Show when={isInvoice() && d().status === 'paid'}>
            <p class="notice portal-paid">Paid in full — thank you.</p>
          </Show>
          <Show when={isInvoice() && d().status === 'void'}>
            <p class="notice portal-void">This invoice was cancelled; nothing is owed on it.</p>
          </Show>
          <Show when={!isInvoice() && d().status === 'expired'}>
            <p class="notice portal-expired">This estimate was valid until {formatDay(d().dueDate)}. Ask {v().company.name} for a new one.</p>
          </Show>

          <Show when={d().notes}>
            <section class="portal-text">
              <h2>Notes</h2>
              <p>{d().notes}</p>
            </section>
          </Show>
          <Show when={d().terms}>
            <section class="portal-text">
              <h2>Terms</h2>
              <p>{d().terms}</p>
            </section>
          </Show>
        </article>

        <Show when={v().signature}>{(s) => <SignatureCertificate signature={s()} number={d().number} />}</Show>

        <Show when={d().kind === 'estimate' && v().canRespond}>
          <EstimateResponse token={props.token} view={v()} onAccepted={accepted} onResponded={(message) => {
            setNotice(message);
            void props.reload();
          }} />
        </Show>
      </main>
      <footer class="portal-footer small muted">
        <Show when={[v().company.email, v().company.phone, ...v().company.addressLines].some(Boolean)}>
          <p class="portal-contact">
            Questions? {v().company.name}:{' '}
            {[v().company.email, v().company.phone, v().company.addressLines.join(', ')].filter(Boolean).join(' · ')}
          </p>
        </Show>
        <p>Sent with EZ360PM on behalf of {v().company.name}.</p>
      </footer>
    </div>
  );
}

/** Who signed, when, from where, and exactly what (the SHA-256 of the accepted revision). */
function SignatureCertificate(props: { signature: PortalSignature; number: string }) {
  const s = () => props.signature;
  return (
    <section class="card signature-certificate" aria-labelledby="certificate-title">
      <h2 id="certificate-title">Signature certificate</h2>
      <p class="small muted">A record of the acceptance of {props.number}.</p>
      <div class="certificate-signature">
        <Show when={s().kind === 'drawn' && s().image} fallback={<p class="signature-typed">{s().signerName}</p>}>
          {(image) => <img class="signature-image" src={image()} alt={`Signature of ${s().signerName}`} />}
        </Show>
      </div>
      <dl class="details-list certificate-details">
        <div>
          <dt>Signed by</dt>
          <dd class="certificate-name">{s().signerName}</dd>
        </div>
        <div>
          <dt>Signature</dt>
          <dd>{s().kind === 'drawn' ? 'Drawn by hand' : 'Typed name'}</dd>
        </div>
        <div>
          <dt>Signed at</dt>
          <dd class="certificate-time">
            <time datetime={s().signedAt}>{formatDateTime(s().signedAt)}</time> <span class="small muted">({s().signedAt})</span>
          </dd>
        </div>
        <div>
          <dt>IP address</dt>
          <dd class="certificate-ip">{s().ip ?? '—'}</dd>
        </div>
        <div>
          <dt>Browser</dt>
          <dd class="certificate-ua">{s().userAgent ?? '—'}</dd>
        </div>
        <div>
          <dt>Document revision</dt>
          <dd class="certificate-revision">{s().revision}</dd>
        </div>
        <div>
          <dt>SHA-256 of the accepted document</dt>
          <dd>
            <code class="certificate-sha">{s().snapshotSha256}</code>
          </dd>
        </div>
      </dl>
    </section>
  );
}

type Panel = 'accept' | 'decline' | 'changes';

/** Accept with a typed or drawn signature, decline with a reason, or ask for changes. */
function EstimateResponse(props: {
  token: string;
  view: PortalView;
  onAccepted: (signature: PortalSignature | null) => void;
  onResponded: (message: string) => void;
}) {
  const [panel, setPanel] = createSignal<Panel>('accept');
  const company = () => props.view.company.name;
  return (
    <section class="card portal-respond" aria-labelledby="respond-title">
      <h2 id="respond-title">Your answer</h2>
      <div class="tabs" role="tablist" aria-label="Respond to the estimate">
        <For each={[['accept', 'Accept'], ['changes', 'Request changes'], ['decline', 'Decline']] as const}>
          {([key, label]) => (
            <button
              type="button"
              role="tab"
              class="tab"
              classList={{ 'is-active': panel() === key }}
              aria-selected={panel() === key ? 'true' : 'false'}
              onClick={() => setPanel(key)}
            >
              {label}
            </button>
          )}
        </For>
      </div>
      <Switch>
        <Match when={panel() === 'accept'}>
          <AcceptForm token={props.token} number={props.view.document.number} revision={props.view.document.revision} onAccepted={props.onAccepted} />
        </Match>
        <Match when={panel() === 'changes'}>
          <MessageForm
            id="changes"
            label="What would you like changed?"
            button="Send request"
            working="Sending…"
            required
            maxLength={5000}
            submit={(text) => requestPortalChanges(props.token, text)}
            onDone={() => props.onResponded(`Your request was sent to ${company()}. They will be in touch.`)}
          />
        </Match>
        <Match when={panel() === 'decline'}>
          <MessageForm
            id="decline"
            label="Reason for declining"
            button="Decline estimate"
            working="Declining…"
            hint="Optional, but it helps them."
            maxLength={2000}
            danger
            submit={(text) => declinePortal(props.token, props.view.document.revision, text)}
            onDone={() => props.onResponded(`You declined ${props.view.document.number}. ${company()} has been told.`)}
          />
        </Match>
      </Switch>
    </section>
  );
}

function AcceptForm(props: { token: string; number: string; revision: number; onAccepted: (signature: PortalSignature | null) => void }) {
  const [mode, setMode] = createSignal<'typed' | 'drawn'>('typed');
  const [agreed, setAgreed] = createSignal(false);
  let pad: SignaturePadHandle | undefined;
  const form = createForm({
    fields: ['name', 'signature', 'agree'] as const,
    idPrefix: 'accept',
    submit: async (v) => {
      const name = v.name.trim();
      const problems: Record<string, string> = {};
      if (!name) problems.name = 'Type your full name.';
      if (mode() === 'drawn' && !pad?.toDataUrl()) problems.signature = 'Draw your signature in the box, or type your name instead.';
      if (!agreed()) problems.agree = 'Tick the box to confirm you accept.';
      if (Object.keys(problems).length) invalidFields(problems);
      const signature: SignatureInput = mode() === 'drawn' ? { kind: 'drawn', image: pad!.toDataUrl()! } : { kind: 'typed' };
      const out = await renameFieldErrors(acceptPortal(props.token, props.revision, name, signature), (n) => (n.startsWith('signature') ? 'signature' : n));
      props.onAccepted(out.signature);
    },
  });

  return (
    <FormShell form={form} class="form accept-form" label={`Accept ${props.number}`}>
      <FormField {...form.field('name')} label="Your full name" autocomplete="name" maxLength={200} />
      <fieldset class="fieldset signature-mode">
        <legend>Signature</legend>
        <div class="checkbox-list-inline" role="radiogroup">
          <label>
            <input type="radio" name="signature-mode" value="typed" checked={mode() === 'typed'} onChange={() => setMode('typed')} /> Use my typed name
          </label>
          <label>
            <input type="radio" name="signature-mode" value="drawn" checked={mode() === 'drawn'} onChange={() => setMode('drawn')} /> Draw my signature
          </label>
        </div>
        <Show
          when={mode() === 'drawn'}
          fallback={
            <p class="signature-typed signature-preview" aria-label="Typed signature preview">
              {form.values.name.trim() || 'Your name'}
            </p>
          }
        >
          <SignaturePad
            id="accept-signature"
            label="Draw your signature"
            hint="Use your mouse, finger or a pen."
            error={form.field('signature').error}
            ref={(h) => (pad = h)}
            onChange={() => form.set('signature', '')}
          />
        </Show>
      </fieldset>
      <CheckboxField
        id="accept-agree"
        name="agree"
        label={`I accept ${props.number} as shown above, and agree my signature is binding.`}
        checked={agreed()}
        error={form.field('agree').error}
        onChange={(checked) => {
          setAgreed(checked);
          form.set('agree', checked ? 'yes' : '');
        }}
      />
      <div class="button-row">
        <SubmitButton pending={form.pending()} working="Accepting…">
          Accept and sign
        </SubmitButton>
      </div>
    </FormShell>
  );
}

function MessageForm(props: {
  id: string;
  label: string;
  button: string;
  working: string;
  required?: boolean;
  hint?: string;
  maxLength: number;
  danger?: boolean;
  submit: (text: string) => Promise<unknown>;
  onDone: () => void;
}) {
  const form = createForm({
    fields: ['text'] as const,
    idPrefix: props.id,
    submit: async (v) => {
      if (props.required && !v.text.trim()) invalidFields({ text: 'Write a few words first.' });
      await renameFieldErrors(props.submit(v.text.trim()), () => 'text');
      form.reset();
      props.onDone();
    },
  });
  return (
    <FormShell form={form} class={`form ${props.id}-form`} label={props.label}>
      <TextAreaField {...form.field('text')} label={props.label} hint={props.hint} rows={4} maxLength={props.maxLength} />
      <div class="button-row">
        <SubmitButton pending={form.pending()} working={props.working} class={props.danger ? 'btn btn-danger' : 'btn btn-primary'}>
          {props.button}
        </SubmitButton>
      </div>
    </FormShell>
  );
}
