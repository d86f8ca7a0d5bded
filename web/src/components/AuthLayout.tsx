import type { JSX } from 'solid-js';
import Logo from './Logo';

/** Centered card used by the signup and login pages. */
export default function AuthLayout(props: { title: string; subtitle?: string; children: JSX.Element; footer?: JSX.Element }) {
  return (
    <main class="auth-page">
      <div class="auth-card">
        <div class="auth-brand">
          <Logo size={32} />
          <span class="brand-name">EZ360PM</span>
        </div>
        <h1 class="auth-title">{props.title}</h1>
        {props.subtitle && <p class="auth-subtitle">{props.subtitle}</p>}
        {props.children}
        {props.footer && <p class="auth-footer">{props.footer}</p>}
      </div>
    </main>
  );
}
