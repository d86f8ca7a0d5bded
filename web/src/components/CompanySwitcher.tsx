import { For, Show } from 'solid-js';
import type { CompanyMembership } from '../identityApi';

interface CompanySwitcherProps {
  companies: readonly CompanyMembership[];
  activeId: string;
  activeName: string;
  switching: boolean;
  /** Resolves once the switch succeeded or failed (the select then shows the active company). */
  onSwitch: (companyId: string) => Promise<void>;
}

/**
 * The active company in the top bar. With two or more memberships it is a
 * `<select>` (#company-switcher); `.company-name` always holds the active name.
 */
export default function CompanySwitcher(props: CompanySwitcherProps) {
  let select: HTMLSelectElement | undefined;

  return (
    <div class="topbar-company">
      <Show
        when={props.companies.length >= 2}
        fallback={
          <>
            <span class="topbar-caption">Company</span>
            <span class="company-name">{props.activeName}</span>
          </>
        }
      >
        <label class="topbar-caption" for="company-switcher">
          Company
        </label>
        {/* Kept for scripts and tests; the select shows the same name. */}
        <span class="company-name sr-only" aria-hidden="true">
          {props.activeName}
        </span>
        <select
          ref={select}
          id="company-switcher"
          class="company-switcher"
          value={props.activeId}
          disabled={props.switching}
          aria-busy={props.switching ? 'true' : 'false'}
          onChange={async (e) => {
            const id = e.currentTarget.value;
            if (id === props.activeId) return;
            await props.onSwitch(id);
            if (select) select.value = props.activeId;
          }}
        >
          <For each={props.companies}>
            {(company) => (
              <option value={company.id} selected={company.id === props.activeId}>
                {company.name}
              </option>
            )}
          </For>
        </select>
      </Show>
    </div>
  );
}
