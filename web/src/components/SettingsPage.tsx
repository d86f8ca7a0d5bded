import { A } from '@solidjs/router';
import { For, Show, type JSX } from 'solid-js';
import type { Permission } from '../identityApi';
import { useSession } from '../session';

interface Tab {
  href: string;
  label: string;
  needs?: Permission;
}

const tabs: Tab[] = [
  { href: '/settings/profile', label: 'Profile' },
  { href: '/settings/security', label: 'Security' },
  { href: '/settings/company', label: 'Company', needs: 'company.view' },
];

/** Page frame for /settings/*: title, subtitle and the settings tabs (Members has its own sidebar entry). */
export default function SettingsPage(props: { title: string; subtitle?: string; tabs?: boolean; children: JSX.Element }) {
  const session = useSession();
  return (
    <div class="page">
      <header class="page-header">
        <h1>{props.title}</h1>
        <Show when={props.subtitle}>
          <p class="page-subtitle">{props.subtitle}</p>
        </Show>
      </header>
      <Show when={props.tabs !== false}>
        <nav class="settings-nav" aria-label="Settings">
          <ul>
            <For each={tabs.filter((t) => !t.needs || session.can(t.needs))}>
              {(tab) => (
                <li>
                  <A href={tab.href} end class="settings-tab" activeClass="is-active" inactiveClass="is-inactive">
                    {tab.label}
                  </A>
                </li>
              )}
            </For>
          </ul>
        </nav>
      </Show>
      <div class="settings-body">{props.children}</div>
    </div>
  );
}
