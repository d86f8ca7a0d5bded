import { useLocation, useNavigate, type RouteSectionProps } from '@solidjs/router';
import { createEffect, createSignal, Match, on, onMount, Show, Switch } from 'solid-js';
import { errorMessage } from '../action';
import { ApiError } from '../api';
import { getMe, logout, switchCompany, type Me, type Permission } from '../identityApi';
import { SessionContext, type Session } from '../session';
import NoCompanyPanel from './NoCompanyPanel';
import { Loading } from './PageStatus';
import Sidebar from './Sidebar';
import TopBar from './TopBar';
import TotpRequiredBanner from './TotpRequiredBanner';
import VerifyEmailPanel from './VerifyEmailPanel';

/** Where a user must go while their company requires 2FA for their role. */
const SECURITY_PATH = '/settings/security';
/** Pages about the user rather than a company: usable without one. */
const ACCOUNT_PATHS = ['/settings/profile', SECURITY_PATH];

/**
 * Layout for every signed-in page: loads the session from /me (redirecting to
 * /login on 401), then renders sidebar + top bar around the routed page.
 * Gates: an unverified email shows the "Verify your email" panel instead of
 * the page; a required-but-missing 2FA sends the user to the security page.
 */
export default function AppShell(props: RouteSectionProps) {
  const navigate = useNavigate();
  const location = useLocation();
  const [me, setMe] = createSignal<Me>();
  const [loadError, setLoadError] = createSignal<string>();
  const [menuOpen, setMenuOpen] = createSignal(false);
  const [loggingOut, setLoggingOut] = createSignal(false);
  const [switching, setSwitching] = createSignal(false);
  const [topbarError, setTopbarError] = createSignal<string>();

  const toLogin = () => navigate('/login', { replace: true });

  const loadSession = async () => {
    setLoadError(undefined);
    try {
      setMe(await getMe());
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) toLogin();
      else setLoadError(err instanceof Error ? err.message : 'Could not load your account.');
    }
  };
  onMount(loadSession);

  const session: Session = {
    me: () => {
      const current = me();
      if (!current) throw new Error('session read before /me loaded');
      return current;
    },
    can: (permission: Permission) => me()?.permissions.includes(permission) ?? false,
    reload: async () => {
      try {
        setMe(await getMe());
        return true;
      } catch (err) {
        if (err instanceof ApiError && err.status === 401) toLogin();
        return false;
      }
    },
    update: (next: Me) => setMe(next),
  };

  // Close the mobile menu whenever the route changes.
  createEffect(on(() => location.pathname, () => setMenuOpen(false), { defer: true }));

  const needsTotpRedirect = () => {
    const current = me();
    return (
      !!current &&
      !current.requirements.emailVerification &&
      current.requirements.totpEnrollment &&
      location.pathname !== SECURITY_PATH
    );
  };
  createEffect(() => {
    if (needsTotpRedirect()) navigate(SECURITY_PATH, { replace: true });
  });

  const handleLogout = async () => {
    if (loggingOut()) return;
    setLoggingOut(true);
    setTopbarError(undefined);
    try {
      await logout();
    } catch (err) {
      // A 401 means the session is already gone — treat as logged out.
      if (!(err instanceof ApiError && err.status === 401)) {
        setTopbarError('Could not log out. Please try again.');
        setLoggingOut(false);
        return;
      }
    }
    setLoggingOut(false);
    toLogin();
  };

  const handleSwitchCompany = async (companyId: string) => {
    if (switching()) return;
    setSwitching(true);
    setTopbarError(undefined);
    try {
      await switchCompany(companyId);
      // The session id changed; read the new state the way every page load does.
      const next = await getMe();
      navigate('/');
      setMe(next);
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) toLogin();
      else setTopbarError(`Could not switch company. ${errorMessage(err)}`);
    } finally {
      setSwitching(false);
    }
  };

  return (
    <Switch
      fallback={
        <div class="app-status" role="status">
          <span class="spinner" aria-hidden="true" />
          Loading your workspace…
        </div>
      }
    >
      <Match when={me()}>
        {(current) => (
          <SessionContext.Provider value={session}>
            <a
              class="skip-link"
              href="#main"
              on:click={(e) => {
                // Native listener so it runs before the router's delegated link handling.
                e.preventDefault();
                document.getElementById('main')?.focus();
              }}
            >
              Skip to content
            </a>
            <div class="app-shell">
              <Sidebar menuOpen={menuOpen()} onToggleMenu={() => setMenuOpen(!menuOpen())} />
              <div class="app-main">
                <TopBar
                  companyId={current().company?.id ?? ''}
                  companyName={current().company?.name ?? 'No company'}
                  companies={current().companies}
                  switching={switching()}
                  onSwitchCompany={handleSwitchCompany}
                  email={current().user.email}
                  loggingOut={loggingOut()}
                  error={topbarError()}
                  onLogout={handleLogout}
                  showTimer={
                    !!current().company &&
                    !current().requirements.emailVerification &&
                    !current().requirements.totpEnrollment
                  }
                />
                <main id="main" class="app-content" tabIndex={-1}>
                  <Show
                    when={!current().requirements.emailVerification}
                    fallback={<VerifyEmailPanel email={current().user.email} onCheckAgain={() => void session.reload()} />}
                  >
                    <Show when={current().requirements.totpEnrollment}>
                      <TotpRequiredBanner />
                    </Show>
                    <Switch>
                      <Match when={needsTotpRedirect()}>
                        <Loading />
                      </Match>
                      <Match when={!current().company && !ACCOUNT_PATHS.includes(location.pathname)}>
                        <NoCompanyPanel />
                      </Match>
                      <Match when={true}>
                        {/* Keyed on the company so every page reloads its data after a switch. */}
                        <Show when={current().company?.id ?? 'none'} keyed>
                          {(_companyId) => props.children}
                        </Show>
                      </Match>
                    </Switch>
                  </Show>
                </main>
              </div>
            </div>
          </SessionContext.Provider>
        )}
      </Match>
      <Match when={loadError()}>
        <div class="app-status app-status-error" role="alert">
          <p>{loadError()}</p>
          <button type="button" class="btn btn-primary" onClick={loadSession}>
            Try again
          </button>
        </div>
      </Match>
    </Switch>
  );
}
