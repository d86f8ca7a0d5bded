import { createSignal } from 'solid-js';
import FormField from '../components/FormField';
import FormShell from '../components/FormShell';
import { SuccessNote } from '../components/PageStatus';
import SettingsPage from '../components/SettingsPage';
import SubmitButton from '../components/SubmitButton';
import { createForm } from '../form';
import { changePassword, updateProfile } from '../identityApi';
import { useSession } from '../session';

/** /settings/profile — your name and password. */
export default function ProfileSettings() {
  const session = useSession();
  const [profileSaved, setProfileSaved] = createSignal<string>();
  const [passwordChanged, setPasswordChanged] = createSignal<string>();

  const profile = createForm({
    fields: ['name'] as const,
    idPrefix: 'profile',
    initial: { name: session.me().user.name ?? '' },
    submit: async (v) => {
      setProfileSaved(undefined);
      const user = await updateProfile({ name: v.name.trim() });
      const current = session.me();
      session.update({ ...current, user: { ...current.user, ...user } });
      profile.set('name', user.name ?? '');
      setProfileSaved('Profile saved.');
    },
  });

  const password = createForm({
    fields: ['currentPassword', 'newPassword'] as const,
    idPrefix: 'password',
    submit: async (v) => {
      setPasswordChanged(undefined);
      await changePassword({ currentPassword: v.currentPassword, newPassword: v.newPassword });
      password.reset();
      setPasswordChanged('Password changed.');
    },
  });

  return (
    <SettingsPage title="Profile" subtitle="How you appear to your teammates, and how you log in.">
      <section class="card settings-section" aria-labelledby="profile-title">
        <h2 id="profile-title">Your profile</h2>
        <p class="card-intro">
          Logged in as <strong>{session.me().user.email}</strong>.
        </p>
        <FormShell form={profile} class="form form-narrow" labelledBy="profile-title">
          <FormField {...profile.field('name')} label="Name" autocomplete="name" maxLength={120} />
          <div class="button-row">
            <SubmitButton pending={profile.pending()} working="Saving…">
              Save profile
            </SubmitButton>
          </div>
          <SuccessNote message={profileSaved()} />
        </FormShell>
      </section>

      <section class="card settings-section" aria-labelledby="password-title">
        <h2 id="password-title">Change password</h2>
        <p class="card-intro">Changing your password logs you out on every other device.</p>
        <FormShell form={password} class="form form-narrow" labelledBy="password-title">
          <FormField
            {...password.field('currentPassword')}
            label="Current password"
            type="password"
            autocomplete="current-password"
            required
          />
          <FormField
            {...password.field('newPassword')}
            label="New password"
            type="password"
            autocomplete="new-password"
            hint="At least 10 characters"
            required
          />
          <div class="button-row">
            <SubmitButton pending={password.pending()} working="Changing…">
              Change password
            </SubmitButton>
          </div>
          <SuccessNote message={passwordChanged()} />
        </FormShell>
      </section>
    </SettingsPage>
  );
}
