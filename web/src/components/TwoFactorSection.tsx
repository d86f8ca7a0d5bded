import { createSignal, Match, Switch } from 'solid-js';
import { createForm } from '../form';
import { disableTotp, regenerateRecoveryCodes, startTotpSetup, type TotpSetup } from '../identityApi';
import { useSession } from '../session';
import FormError from './FormError';
import FormField from './FormField';
import RecoveryCodesList from './RecoveryCodesList';
import TotpSetupPanel from './TotpSetupPanel';

/** Two-factor authentication: enrol (QR + code → recovery codes), regenerate codes, turn off. */
export default function TwoFactorSection() {
  const session = useSession();
  const [setup, setSetup] = createSignal<TotpSetup>();
  const [codes, setCodes] = createSignal<string[]>();
  let status: HTMLParagraphElement | undefined;

  const enabled = () => session.me().user.totpEnabled;

  const begin = createForm({
    fields: [] as const,
    idPrefix: 'totp-setup',
    submit: async () => {
      setSetup(await startTotpSetup());
    },
  });

  const regenerate = createForm({
    fields: ['password'] as const,
    idPrefix: 'recovery',
    submit: async (v) => {
      const result = await regenerateRecoveryCodes(v.password);
      regenerate.reset();
      setCodes(result.recoveryCodes);
    },
  });

  const turnOff = createForm({
    fields: ['password'] as const,
    idPrefix: 'totp-off',
    submit: async (v) => {
      await disableTotp(v.password);
      turnOff.reset();
      await session.reload();
    },
  });

  const onEnabled = (recoveryCodes: string[]) => {
    setSetup(undefined);
    setCodes(recoveryCodes);
    // Refresh /me in the background: totpEnabled and the 2FA requirement change.
    void session.reload();
  };

  const onSaved = () => {
    setCodes(undefined);
    status?.focus();
  };

  return (
    <section class="card settings-section two-factor" aria-labelledby="two-factor-title">
      <h2 id="two-factor-title">Two-factor authentication</h2>
      <Switch>
        <Match when={codes()}>{(list) => <RecoveryCodesList codes={list()} onDone={onSaved} />}</Match>
        <Match when={enabled()}>
          <p ref={status} tabIndex={-1} class="totp-status totp-on">
            <span class="badge status-complete">On</span> Two-factor authentication is on.
          </p>
          <div class="subsections">
            <div class="subsection">
              <h3 id="regenerate-title">Regenerate recovery codes</h3>
              <p class="muted small">Replaces your current recovery codes with 10 new ones.</p>
              <FormError message={regenerate.general()} />
              <form
                class="form form-narrow"
                onSubmit={regenerate.onSubmit}
                noValidate
                aria-labelledby="regenerate-title"
                aria-busy={regenerate.pending() ? 'true' : 'false'}
              >
                <FormField
                  {...regenerate.field('password')}
                  label="Password"
                  type="password"
                  autocomplete="current-password"
                  required
                />
                <div class="button-row">
                  <button type="submit" class="btn btn-secondary" disabled={regenerate.pending()}>
                    {regenerate.pending() ? 'Regenerating…' : 'Regenerate recovery codes'}
                  </button>
                </div>
              </form>
            </div>
            <div class="subsection">
              <h3 id="totp-off-title">Turn off two-factor authentication</h3>
              <p class="muted small">Your company may require it for your role; then it cannot be turned off.</p>
              <FormError message={turnOff.general()} />
              <form
                class="form form-narrow"
                onSubmit={turnOff.onSubmit}
                noValidate
                aria-labelledby="totp-off-title"
                aria-busy={turnOff.pending() ? 'true' : 'false'}
              >
                <FormField
                  {...turnOff.field('password')}
                  label="Password"
                  type="password"
                  autocomplete="current-password"
                  required
                />
                <div class="button-row">
                  <button type="submit" class="btn btn-danger" disabled={turnOff.pending()}>
                    {turnOff.pending() ? 'Turning off…' : 'Turn off'}
                  </button>
                </div>
              </form>
            </div>
          </div>
        </Match>
        <Match when={setup()}>
          {(current) => <TotpSetupPanel setup={current()} onEnabled={onEnabled} onCancel={() => setSetup(undefined)} />}
        </Match>
        <Match when={true}>
          <p ref={status} tabIndex={-1} class="totp-status totp-off">
            <span class="badge">Off</span> Two-factor authentication is off.
          </p>
          <p class="card-intro">
            Add a second step to logging in: a code from an authenticator app on your phone, so a stolen password is not
            enough.
          </p>
          <FormError message={begin.general()} />
          <form onSubmit={begin.onSubmit} noValidate aria-busy={begin.pending() ? 'true' : 'false'}>
            <button type="submit" class="btn btn-primary" disabled={begin.pending()}>
              {begin.pending() ? 'Preparing…' : 'Set up two-factor authentication'}
            </button>
          </form>
        </Match>
      </Switch>
    </section>
  );
}
