import { Show } from 'solid-js';
import type { CompanyMembership } from '../identityApi';
import CompanySwitcher from './CompanySwitcher';
import TimerControl from './TimerControl';

interface TopBarProps {
  companyId: string;
  companyName: string;
  companies: readonly CompanyMembership[];
  switching: boolean;
  onSwitchCompany: (companyId: string) => Promise<void>;
  email: string;
  loggingOut: boolean;
  /** Latest logout or company-switch error. */
  error?: string | undefined;
  onLogout: () => void;
  /** Show the timer (a company is active and no gate blocks company data). */
  showTimer: boolean;
}

export default function TopBar(props: TopBarProps) {
  return (
    <header class="topbar">
      <CompanySwitcher
        companies={props.companies}
        activeId={props.companyId}
        activeName={props.companyName}
        switching={props.switching}
        onSwitch={props.onSwitchCompany}
      />
      {/* Keyed on the company: a switch starts from that company's timer. */}
      <Show when={props.showTimer && props.companyId} keyed>
        {(_companyId) => <TimerControl />}
      </Show>
      <div class="topbar-user">
        <Show when={props.error}>
          <span class="topbar-error" role="alert">
            {props.error}
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
