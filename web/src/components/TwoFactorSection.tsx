import { createSignal, Match, Switch } from 'solid-js';
import { createForm } from '../form';
import { disableTotp, regenerateRecoveryCodes, startTotpSetup, type TotpSetup } from '../identityApi';
import { useSession } from '../session';
import FormShell from './FormShell';
import PasswordConfirmedForm from './PasswordConfirmedForm';
import RecoveryCodesList from './RecoveryCodesList';
import SubmitButton from './SubmitButton';
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
            <PasswordConfirmedForm
              idPrefix="recovery"
              title="Regenerate recovery codes"
              intro="Replaces your current recovery codes with 10 new ones."
              buttonClass="btn btn-secondary"
              text="Regenerate recovery codes"
              working="Regenerating…"
              action={regenerateRecoveryCodes}
              onDone={(result) => setCodes(result.recoveryCodes)}
            />
            <PasswordConfirmedForm
              idPrefix="totp-off"
              title="Turn off two-factor authentication"
              intro="Your company may require it for your role; then it cannot be turned off."
              buttonClass="btn btn-danger"
              text="Turn off"
              working="Turning off…"
              action={disableTotp}
              onDone={() => session.reload()}
            />
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
          <FormShell form={begin}>
            <SubmitButton pending={begin.pending()} working="Preparing…">
              Set up two-factor authentication
            </SubmitButton>
          </FormShell>
        </Match>
      </Switch>
    </section>
  );
}
