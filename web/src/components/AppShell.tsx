import { useLocation, useNavigate, type RouteSectionProps } from '@solidjs/router';
import { createEffect, createSignal, Match, on, onMount, Switch } from 'solid-js';
import { ApiError, logout, me, type MeResponse } from '../api';
import { SessionContext } from '../session';
import Sidebar from './Sidebar';
import TopBar from './TopBar';

/**
 * Layout for every signed-in page: loads the session from /me (redirecting to
 * /login on 401), then renders sidebar + top bar around the routed page.
 */
export default function AppShell(props: RouteSectionProps) {
  const navigate = useNavigate();
  const location = useLocation();
  const [session, setSession] = createSignal<MeResponse>();
  const [loadError, setLoadError] = createSignal<string>();
  const [menuOpen, setMenuOpen] = createSignal(false);
  const [loggingOut, setLoggingOut] = createSignal(false);
  const [logoutError, setLogoutError] = createSignal<string>();

  const loadSession = async () => {
    setLoadError(undefined);
    try {
      setSession(await me());
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) {
        navigate('/login', { replace: true });
      } else {
        setLoadError(err instanceof Error ? err.message : 'Could not load your account.');
      }
    }
  };
  onMount(loadSession);

  // Close the mobile menu whenever the route changes.
  createEffect(on(() => location.pathname, () => setMenuOpen(false), { defer: true }));

  const handleLogout = async () => {
    if (loggingOut()) return;
    setLoggingOut(true);
    setLogoutError(undefined);
    try {
      await logout();
    } catch (err) {
      // A 401 means the session is already gone — treat as logged out.
      if (!(err instanceof ApiError && err.status === 401)) {
        setLogoutError('Could not log out. Please try again.');
        setLoggingOut(false);
        return;
      }
    }
    setLoggingOut(false);
    navigate('/login', { replace: true });
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
      <Match when={session()}>
        {(current) => (
          <SessionContext.Provider value={current}>
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
                  companyName={current().company.name}
                  email={current().user.email}
                  loggingOut={loggingOut()}
                  logoutError={logoutError()}
                  onLogout={handleLogout}
                />
                <main id="main" class="app-content" tabIndex={-1}>
                  {props.children}
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
