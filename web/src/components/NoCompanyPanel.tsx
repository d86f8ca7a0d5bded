import { A } from '@solidjs/router';

/** Shown instead of company pages when the user belongs to no company (e.g. removed from their last one). */
export default function NoCompanyPanel() {
  return (
    <div class="page">
      <section class="card no-company-panel" aria-labelledby="no-company-title">
        <h1 id="no-company-title">You are not in a company</h1>
        <p class="card-intro">
          Your account is not a member of any company right now. Ask an owner or admin to invite you — the link in the
          invitation email brings you back here.
        </p>
        <p>
          You can still manage your <A href="/settings/profile">profile</A> and{' '}
          <A href="/settings/security">security settings</A>.
        </p>
      </section>
    </div>
  );
}
