import { Show } from 'solid-js';

interface TopBarProps {
  companyName: string;
  email: string;
  loggingOut: boolean;
  logoutError?: string | undefined;
  onLogout: () => void;
}

export default function TopBar(props: TopBarProps) {
  return (
    <header class="topbar">
      <div class="topbar-company">
        <span class="topbar-caption">Company</span>
        <span class="company-name">{props.companyName}</span>
      </div>
      <div class="topbar-user">
        <Show when={props.logoutError}>
          <span class="topbar-error" role="alert">
            {props.logoutError}
          </span>
        </Show>
        <span class="user-email" title={props.email}>
          {props.email}
        </span>
        <button type="button" class="btn btn-secondary btn-sm" onClick={() => props.onLogout()} disabled={props.loggingOut}>
          {props.loggingOut ? 'Logging out…' : 'Log out'}
        </button>
      </div>
    </header>
  );
}
