import { createSignal, Match, onMount, Show, Switch } from 'solid-js';
import { errorMessage } from '../action';
import CheckboxField from '../components/CheckboxField';
import FormField from '../components/FormField';
import FormShell from '../components/FormShell';
import InvoicingSettingsSection from '../components/InvoicingSettingsSection';
import NoAccess from '../components/NoAccess';
import { LoadError, Loading, SuccessNote } from '../components/PageStatus';
import SeatsSummary from '../components/SeatsSummary';
import SettingsPage from '../components/SettingsPage';
import SubmitButton from '../components/SubmitButton';
import TimeSettingsSection from '../components/TimeSettingsSection';
import { formatDate } from '../format';
import { createForm } from '../form';
import { getCompany, updateCompany, type CompanyDetails } from '../identityApi';
import { useSession } from '../session';

const TOTP_POLICY_LABEL = 'Require two-factor authentication for owners, admins and managers';

/** /settings/company — name, plan, seats and the 2FA policy (edit needs company.settings). */
export default function CompanySettings() {
  const session = useSession();
  const canEdit = () => session.can('company.settings');
  const [company, setCompany] = createSignal<CompanyDetails>();
  const [loadError, setLoadError] = createSignal<string>();
  const [saved, setSaved] = createSignal<string>();

  const form = createForm({
    fields: ['name', 'requireTotpForManagers'] as const,
    idPrefix: 'company',
    submit: async (v) => {
      setSaved(undefined);
      const next = await updateCompany({ name: v.name.trim(), requireTotpForManagers: v.requireTotpForManagers === 'true' });
      fill(next);
      setSaved('Company saved.');
      // The name is in the top bar, and the policy may now apply to you.
      await session.reload();
    },
  });

  const fill = (details: CompanyDetails) => {
    setCompany(details);
    form.reset({ name: details.name, requireTotpForManagers: details.requireTotpForManagers ? 'true' : '' });
  };

  const load = async () => {
    setLoadError(undefined);
    try {
      fill(await getCompany());
    } catch (err) {
      setLoadError(errorMessage(err, 'Could not load the company.'));
    }
  };
  onMount(() => {
    if (session.can('company.view')) void load();
  });

  return (
    <Show when={session.can('company.view')} fallback={<NoAccess title="Company" />}>
      <SettingsPage title="Company" subtitle="Your company's name, plan, security policy, invoices and time tracking.">
        <Switch fallback={<Loading />}>
          <Match when={company()}>
            {(details) => (
              <>
                <section class="card settings-section" aria-labelledby="plan-title">
                  <h2 id="plan-title">Plan and seats</h2>
                  <dl class="details-list">
                    <div>
                      <dt>Plan</dt>
                      <dd>
                        <span class="plan-name">{details().plan.name}</span>{' '}
                        <span class={`badge plan-status plan-status-${details().plan.status}`}>{details().plan.status}</span>
                      </dd>
                    </div>
                    <Show when={details().plan.trialEndsAt}>
                      {(ends) => (
                        <div>
                          <dt>Trial ends</dt>
                          <dd class="trial-ends">{formatDate(ends())}</dd>
                        </div>
                      )}
                    </Show>
                    <div>
                      <dt>Seats</dt>
                      <dd>
                        <SeatsSummary seats={details().seats} />
                      </dd>
                    </div>
                  </dl>
                </section>

                <section class="card settings-section" aria-labelledby="company-form-title">
                  <h2 id="company-form-title">Company settings</h2>
                  <Show when={!canEdit()}>
                    <p class="card-intro">Only owners and admins can change these settings.</p>
                  </Show>
                  <FormShell form={form} class="form form-narrow" labelledBy="company-form-title">
                    <FormField
                      {...form.field('name')}
                      label="Company name"
                      autocomplete="organization"
                      maxLength={120}
                      required
                      disabled={!canEdit()}
                    />
                    <CheckboxField
                      id="company-requireTotpForManagers"
                      name="requireTotpForManagers"
                      label={TOTP_POLICY_LABEL}
                      hint="People in these roles must set up two-factor authentication before they can use company data."
                      checked={form.values.requireTotpForManagers === 'true'}
                      onChange={(checked) => form.set('requireTotpForManagers', checked ? 'true' : '')}
                      error={form.field('requireTotpForManagers').error}
                      disabled={!canEdit()}
                    />
                    <Show when={canEdit()}>
                      <div class="button-row">
                        <SubmitButton pending={form.pending()} working="Saving…">
                          Save company
                        </SubmitButton>
                      </div>
                    </Show>
                    <SuccessNote message={saved()} />
                  </FormShell>
                </section>

                <InvoicingSettingsSection />
                <TimeSettingsSection />
              </>
            )}
          </Match>
          <Match when={loadError()}>{(message) => <LoadError message={message()} onRetry={load} />}</Match>
        </Switch>
      </SettingsPage>
    </Show>
  );
}
