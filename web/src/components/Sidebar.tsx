import { A } from '@solidjs/router';
import { For } from 'solid-js';
import Icon, { type IconName } from './Icon';
import Logo from './Logo';

interface ComingSoonItem {
  label: string;
  icon: IconName;
}

const comingSoon: ComingSoonItem[] = [
  { label: 'Clients', icon: 'clients' },
  { label: 'Projects', icon: 'projects' },
  { label: 'Time', icon: 'time' },
  { label: 'Invoices', icon: 'invoices' },
  { label: 'Accounting', icon: 'accounting' },
];

interface SidebarProps {
  /** Only meaningful on narrow screens, where the nav collapses into a menu. */
  menuOpen: boolean;
  onToggleMenu: () => void;
}

export default function Sidebar(props: SidebarProps) {
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
      </nav>
    </aside>
  );
}
