import { createSignal, Match, onMount, Show, Switch } from 'solid-js';
import { addressBody, addressValues, formFieldName } from '../address';
import { createAction, errorMessage } from '../action';
import { createForm } from '../form';
import { invalidFields, renameFieldErrors } from '../formErrors';
import { getInvoicingSettings, LOGO_URL, removeLogo, updateInvoicingSettings, uploadLogo, type InvoicingSettings } from '../invoicingApi';
import { useSession } from '../session';
import { CURRENCIES } from '../workApi';
import AddressFields from './AddressFields';
import FileField from './FileField';
import FormError from './FormError';
import FormField from './FormField';
import FormShell from './FormShell';
import { LoadError, Loading, SuccessNote } from './PageStatus';
import SelectField from './SelectField';
import SubmitButton from './SubmitButton';

const FIELDS = [
  'currency', 'timeZone', 'brandColor', 'email', 'phone', 'invoiceDueDays', 'estimateValidDays', 'reminderDays', 'line1', 'line2', 'city', 'state', 'postalCode', 'country',
] as const;
const CURRENCY_OPTIONS = CURRENCIES.map((c) => ({ value: c, label: c }));
/** Every zone the browser knows, and the current one even if it does not. */
const zoneOptions = (current: string) => [...new Set([current, ...Intl.supportedValuesOf('timeZone')])].sort().map((z) => ({ value: z, label: z.replace(/_/g, ' ') }));
type Values = Record<(typeof FIELDS)[number], string>;

/** "-3, 7 14" → [-3, 7, 14]; anything else is a field error. */
function parseDays(text: string): number[] {
  const parts = text.replace(/−/g, '-').split(/[\s,]+/).filter(Boolean);
  if (parts.some((p) => !/^-?\d+$/.test(p))) invalidFields({ reminderDays: 'Enter whole days separated by commas, like -3, 7, 14.' });
  return parts.map(Number);
}

function wholeDays(text: string, field: 'invoiceDueDays' | 'estimateValidDays'): number {
  if (!/^\d+$/.test(text.trim())) invalidFields({ [field]: 'Enter whole days, from 0 to 365.' });
  return Number(text.trim());
}

/**
 * Company settings → "Invoices": what every PDF prints (colour, logo, contact details, address),
 * the default days for new invoices and estimates, and the reminder schedule newly sent invoices
 * follow. Everyone may look; owners and admins change it.
 */
export default function InvoicingSettingsSection() {
  const session = useSession();
  const canEdit = () => session.can('company.settings');
  const [settings, setSettings] = createSignal<InvoicingSettings>();
  const [loadError, setLoadError] = createSignal<string>();
  const [saved, setSaved] = createSignal<string>();
  /** Bumped with each new logo, so the preview is fetched again. */
  const [logoVersion, setLogoVersion] = createSignal(0);

  const form = createForm({
    fields: FIELDS,
    idPrefix: 'invoicing',
    submit: async (v) => {
      setSaved(undefined);
      const body = {
        currency: v.currency as (typeof CURRENCIES)[number], timeZone: v.timeZone,
        brandColor: v.brandColor.trim(), email: v.email.trim(), phone: v.phone.trim(), address: addressBody(v),
        invoiceDueDays: wholeDays(v.invoiceDueDays, 'invoiceDueDays'), estimateValidDays: wholeDays(v.estimateValidDays, 'estimateValidDays'), reminderDays: parseDays(v.reminderDays),
      };
      fill(await renameFieldErrors(updateInvoicingSettings(body), formFieldName));
      setSaved('Invoice settings saved. New PDFs and newly sent invoices use them.');
    },
  });

  const fill = (next: InvoicingSettings) => {
    setSettings(next);
    const values: Values = {
      currency: next.currency, timeZone: next.timeZone, brandColor: next.brandColor, email: next.email ?? '', phone: next.phone ?? '', invoiceDueDays: String(next.invoiceDueDays), estimateValidDays: String(next.estimateValidDays),
      reminderDays: next.reminderDays.join(', '), ...addressValues(next.address),
    };
    form.reset(values);
  };

  const load = async () => {
    setLoadError(undefined);
    try {
      fill(await getInvoicingSettings());
    } catch (err) {
      setLoadError(errorMessage(err, 'Could not load the invoice settings.'));
    }
  };
  onMount(load);

  const logo = createAction(async (file: File | undefined) => {
    setSaved(undefined);
    const next = file ? await uploadLogo(file) : await removeLogo();
    setSettings(next);
    setLogoVersion((n) => n + 1);
    setSaved(file ? 'Logo saved.' : 'Logo removed.');
  });

  const swatch = () => (/^#[0-9a-fA-F]{6}$/.test(form.values.brandColor.trim()) ? form.values.brandColor.trim() : 'transparent');

  return (
    <section class="card settings-section" aria-labelledby="invoicing-settings-title">
      <h2 id="invoicing-settings-title">Invoices</h2>
      <p class="card-intro">
        Your currency and time zone, what every PDF prints, the days new invoices and estimates start with, and when clients are reminded. A sent invoice keeps the PDF it was sent with.
        <Show when={!canEdit()}> Only owners and admins can change these settings.</Show>
      </p>
      <Switch fallback={<Loading label="Loading invoice settings…" />}>
        <Match when={loadError()}>{(message) => <LoadError message={message()} onRetry={load} />}</Match>
        <Match when={settings()}>
          {(s) => (
            <>
              <div class="logo-setting">
                <Show when={s().hasLogo} fallback={<p class="muted">No logo yet: PDFs show the company name alone.</p>}>
                  <img class="logo-preview" src={`${LOGO_URL}?v=${logoVersion()}`} alt="The company logo" />
                </Show>
                <Show when={canEdit()}>
                  <FileField id="invoicing-logo" name="logo" label={s().hasLogo ? 'Replace the logo' : 'Logo'} accept="image/png,image/jpeg"
                    hint="PNG or JPEG, up to 512 KB." disabled={logo.pending()} onChange={(file) => file && void logo.run(file)} />
                  <Show when={s().hasLogo}>
                    <button type="button" class="btn btn-secondary btn-sm" disabled={logo.pending()} onClick={() => void logo.run(undefined)}>Remove logo</button>
                  </Show>
                </Show>
                <FormError message={logo.error()} />
              </div>
              <FormShell form={form} class="form invoicing-settings-form" labelledBy="invoicing-settings-title">
                <div class="form-grid">
                  <SelectField {...form.field('currency')} label="Currency" hint="New clients start in it; reports open in it." options={CURRENCY_OPTIONS} disabled={!canEdit()} />
                  <SelectField {...form.field('timeZone')} label="Time zone" hint="Whose today decides due, overdue and reminder days (reminders go at 09:00)." options={zoneOptions(s().timeZone)} disabled={!canEdit()} />
                  <div class="brand-color-field">
                    <FormField {...form.field('brandColor')} label="Brand colour" hint="Like #1F4E79: the PDF's header band and the portal's." maxLength={7} disabled={!canEdit()} />
                    <span class="brand-swatch" style={{ background: swatch() }} aria-hidden="true" />
                  </div>
                  <FormField {...form.field('email')} label="Billing email" type="email" hint="Printed on PDFs for clients to write to." maxLength={254} disabled={!canEdit()} />
                  <FormField {...form.field('phone')} label="Phone" type="tel" maxLength={50} disabled={!canEdit()} />
                  <FormField {...form.field('invoiceDueDays')} label="Invoices due after (days)" inputMode="numeric" hint="New clients start with these payment terms." maxLength={3} disabled={!canEdit()} />
                  <FormField {...form.field('estimateValidDays')} label="Estimates valid for (days)" inputMode="numeric" maxLength={3} disabled={!canEdit()} />
                  <FormField {...form.field('reminderDays')} label="Reminders (days from the due date)" hint="Negative is before it: -3, 7, 14, 21 reminds 3 days before, then 1, 2 and 3 weeks late."
                    maxLength={80} disabled={!canEdit()} />
                </div>
                <AddressFields field={(name) => form.field(name)} disabled={!canEdit()} />
                <Show when={canEdit()}>
                  <div class="button-row">
                    <SubmitButton pending={form.pending()} working="Saving…">Save invoice settings</SubmitButton>
                  </div>
                </Show>
              </FormShell>
              <SuccessNote message={saved()} />
            </>
          )}
        </Match>
      </Switch>
    </section>
  );
}
