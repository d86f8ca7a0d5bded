import { A, useLocation } from '@solidjs/router';
import { For, Show } from 'solid-js';
import type { Permission } from '../identityApi';
import { useSession } from '../session';
import Icon, { type IconName } from './Icon';
import Logo from './Logo';

interface ComingSoonItem {
  label: string;
  icon: IconName;
}

interface WorkLink {
  href: string;
  label: string;
  icon: IconName;
  /** Other paths that belong to this entry (the catalog lives under Projects). */
  also?: string[];
  /** Shown only with this permission. */
  permission?: Permission;
}

/** The daily-work pages: every member of a company sees them (read-only where their role says so). */
const workLinks: WorkLink[] = [
  { href: '/clients', label: 'Clients', icon: 'clients' },
  { href: '/vendors', label: 'Vendors', icon: 'vendors', permission: 'clients.view' },
  { href: '/projects', label: 'Projects', icon: 'projects', also: ['/catalog'] },
  { href: '/time', label: 'Time', icon: 'time' },
  { href: '/invoices', label: 'Invoices', icon: 'invoices', permission: 'documents.view' },
  { href: '/recurring', label: 'Recurring', icon: 'recurring', permission: 'documents.view' },
  { href: '/estimates', label: 'Estimates', icon: 'invoices', permission: 'documents.view' },
  { href: '/accounting', label: 'Accounting', icon: 'accounting', permission: 'accounting.view' },
];

const comingSoon: ComingSoonItem[] = [];

/** Settings pages other than Members (which has its own nav entry). */
const SETTINGS_PATHS = ['/settings/profile', '/settings/security', '/settings/company'];

interface SidebarProps {
  /** Only meaningful on narrow screens, where the nav collapses into a menu. */
  menuOpen: boolean;
  onToggleMenu: () => void;
}

export default function Sidebar(props: SidebarProps) {
  const session = useSession();
  const location = useLocation();
  const under = (paths: readonly string[]) => paths.some((p) => location.pathname === p || location.pathname.startsWith(`${p}/`));
  const inSettings = () => under(SETTINGS_PATHS);

  return (
    <aside class="sidebar" classList={{ 'is-open': props.menuOpen }}>
      <div class="sidebar-header">
        <A href="/" class="brand" activeClass="brand-active" inactiveClass="brand-inactive">
          <Logo />
          <span class="brand-name">EZ360PM</span>
        </A>
        <button
          type="button"
          class="menu-toggle"
          aria-controls="primary-nav"
          aria-expanded={props.menuOpen ? 'true' : 'false'}
          onClick={() => props.onToggleMenu()}
        >
          <Icon name={props.menuOpen ? 'close' : 'menu'} size={20} />
          <span>Menu</span>
        </button>
      </div>
      <nav id="primary-nav" class="sidebar-nav" aria-label="Main">
        <ul>
          <li>
            <A href="/" end class="nav-item" activeClass="is-active" inactiveClass="is-inactive">
              <Icon name="dashboard" />
              <span class="nav-label">Dashboard</span>
            </A>
          </li>
          <Show when={session.me().company}>
            <For each={workLinks.filter((link) => !link.permission || session.can(link.permission))}>
              {(link) => (
                <li>
                  <A
                    href={link.href}
                    class="nav-item"
                    activeClass="nav-match"
                    inactiveClass="nav-nomatch"
                    classList={{ 'is-active': under([link.href, ...(link.also ?? [])]) }}
                  >
                    <Icon name={link.icon} />
                    <span class="nav-label">{link.label}</span>
                  </A>
                </li>
              )}
            </For>
          </Show>
          <For each={comingSoon}>
            {(item) => (
              <li>
                <span class="nav-item is-disabled" aria-disabled="true" title={`${item.label} — coming soon`}>
                  <Icon name={item.icon} />
                  <span class="nav-label">{item.label}</span>
                  <span class="nav-soon">Soon</span>
                </span>
              </li>
            )}
          </For>
        </ul>
        <ul class="nav-secondary">
          <Show when={session.can('members.view')}>
            <li>
              <A href="/settings/members" class="nav-item" activeClass="is-active" inactiveClass="is-inactive">
                <Icon name="members" />
                <span class="nav-label">Members</span>
              </A>
            </li>
          </Show>
          <Show when={session.can('audit.view')}>
            <li>
              <A href="/audit" class="nav-item" activeClass="is-active" inactiveClass="is-inactive">
                <Icon name="audit" />
                <span class="nav-label">Audit log</span>
              </A>
            </li>
          </Show>
          <li>
            {/* Active for every settings page except Members, which has its own entry. */}
            <A
              href="/settings/profile"
              class="nav-item"
              activeClass="nav-match"
              inactiveClass="nav-nomatch"
              classList={{ 'is-active': inSettings() }}
            >
              <Icon name="settings" />
              <span class="nav-label">Settings</span>
            </A>
          </li>
        </ul>
      </nav>
    </aside>
  );
}
