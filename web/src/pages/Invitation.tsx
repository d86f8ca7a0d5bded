import { A, useNavigate, useParams } from '@solidjs/router';
import { createSignal, Match, onMount, Show, Switch } from 'solid-js';
import { errorMessage } from '../action';
import { ApiError } from '../api';
import AuthLayout from '../components/AuthLayout';
import FormField from '../components/FormField';
import FormShell from '../components/FormShell';
import { LoadError, Loading } from '../components/PageStatus';
import SubmitButton from '../components/SubmitButton';
import { formatDate } from '../format';
import { createForm } from '../form';
import { acceptInvitation, getInvitation, getMe, type Me, type PublicInvitation } from '../identityApi';

interface Loaded {
  invitation: PublicInvitation;
  /** null when not logged in. */
  me: Me | null;
}

/** /invitations/:token — join a company from an emailed invitation. */
export default function Invitation() {
  const params = useParams();
  const navigate = useNavigate();
  const token = () => params.token ?? '';
  const [loaded, setLoaded] = createSignal<Loaded>();
  const [loadError, setLoadError] = createSignal<string>();

  const load = async () => {
    setLoadError(undefined);
    try {
      const [invitation, me] = await Promise.all([
        getInvitation(token()),
        getMe().catch((err: unknown) => {
          if (err instanceof ApiError && err.status === 401) return null;
          throw err;
        }),
      ]);
      setLoaded({ invitation, me });
    } catch (err) {
      setLoadError(
        err instanceof ApiError && (err.status === 404 || err.status === 400)
          ? 'This invitation is no longer valid. It may have expired, been used or been revoked. Ask for a new one.'
          : errorMessage(err, 'Could not load the invitation.'),
      );
    }
  };
  onMount(load);

  const accept = createForm({
    fields: [] as const,
    idPrefix: 'accept',
    submit: async () => {
      await acceptInvitation(token(), {});
      navigate('/', { replace: true });
    },
  });

  const join = createForm({
    fields: ['name', 'password'] as const,
    idPrefix: 'join',
    submit: async (v) => {
      const name = v.name.trim();
      await acceptInvitation(token(), name ? { password: v.password, name } : { password: v.password });
      navigate('/', { replace: true });
    },
  });

  const loginHref = () => `/login?next=/invitations/${encodeURIComponent(token())}`;
  const title = () => {
    const inv = loaded()?.invitation;
    return inv ? `Join ${inv.companyName} as ${inv.role}` : 'Invitation';
  };

  return (
    <AuthLayout title={title()}>
      <Switch fallback={<Loading label="Loading invitation…" />}>
        <Match when={loaded()}>
          {(data) => (
            <>
              <p class="auth-subtitle invitation-details">
                This invitation is for <strong class="invitation-email">{data().invitation.email}</strong> and expires on{' '}
                {formatDate(data().invitation.expiresAt)}.
              </p>
              <Switch>
                <Match when={data().me}>
                  {(me) => (
                    <>
                      <Show when={me().user.email.toLowerCase() !== data().invitation.email.toLowerCase()}>
                        <p class="notice notice-warning">
                          You are logged in as {me().user.email}. Only {data().invitation.email} can accept this invitation.
                        </p>
                      </Show>
                      <FormShell form={accept} class="form">
                        <SubmitButton pending={accept.pending()} working="Joining…" class="btn btn-primary btn-block">
                          Accept invitation
                        </SubmitButton>
                      </FormShell>
                    </>
                  )}
                </Match>
                <Match when={data().invitation.accountExists}>
                  <p class="invitation-login-note">
                    You already have an EZ360PM account. Log in as {data().invitation.email} to accept.
                  </p>
                  <A href={loginHref()} class="btn btn-primary btn-block">
                    Log in to accept
                  </A>
                </Match>
                <Match when={true}>
                  <p class="muted invitation-signup-note">Choose a password to create your account.</p>
                  <FormShell form={join} class="form">
                    <FormField {...join.field('name')} label="Name" autocomplete="name" hint="Optional" maxLength={120} />
                    <FormField
                      {...join.field('password')}
                      label="Password"
                      type="password"
                      autocomplete="new-password"
                      hint="At least 10 characters"
                      required
                    />
                    <SubmitButton pending={join.pending()} working="Creating account…" class="btn btn-primary btn-block">
                      Accept and create account
                    </SubmitButton>
                  </FormShell>
                </Match>
              </Switch>
            </>
          )}
        </Match>
        <Match when={loadError()}>
          {(message) => (
            <>
              <LoadError message={message()} onRetry={load} />
              <p class="auth-footer-inline">
                <A href="/">Go to EZ360PM</A>
              </p>
            </>
          )}
        </Match>
      </Switch>
    </AuthLayout>
  );
}
