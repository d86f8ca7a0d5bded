import { A } from '@solidjs/router';
import { Show, type JSX } from 'solid-js';
import '../accounting.css';
import { errorMessage } from '../action';
import { useSession } from '../session';
import NoAccess from './NoAccess';

const LINKS = [
  { href: '/accounting', label: 'Reports', end: true },
  { href: '/accounting/accounts', label: 'Chart of accounts', end: false },
  { href: '/accounting/journal', label: 'Journal', end: false },
  { href: '/accounting/periods', label: 'Periods', end: false },
] as const;

/**
 * The accounting area's frame: title, the area's own navigation, and the two
 * reasons a page may be closed — the role (managers and up read, admins
 * change) and the plan (Professional and up), each said plainly.
 */
export default function AccountingFrame(props: { title: string; subtitle: string; planProblem?: string | undefined; children: JSX.Element }) {
  const session = useSession();
  return (
    <Show when={session.can('accounting.view')} fallback={<NoAccess title={props.title} />}>
      <div class="page page-wide">
        <header class="page-header">
          <h1>{props.title}</h1>
          <p class="page-subtitle">{props.subtitle}</p>
        </header>
        <nav class="tabs accounting-nav" aria-label="Accounting">
          {LINKS.map((l) => (
            <A href={l.href} end={l.end} class="tab" activeClass="is-active" inactiveClass="">
              {l.label}
            </A>
          ))}
        </nav>
        <Show when={props.planProblem} fallback={<div class="stack">{props.children}</div>}>
          {(message) => (
            <div class="card plan-locked" role="alert">
              <h2>Accounting is not on your plan</h2>
              <p>{message()}</p>
              <p class="muted">Your invoices and payments are still posted to the books; upgrade to see and manage them.</p>
            </div>
          )}
        </Show>
      </div>
    </Show>
  );
}

/** The plan gate's message when an error is the API saying the plan lacks accounting. */
export function planProblemOf(err: unknown): string | undefined {
  const e = err as { code?: string; message?: string } | undefined;
  return e?.code === 'PLAN_UPGRADE_REQUIRED' ? e.message : undefined;
}

/** A failed read of the books: the plan's refusal closes the page (`onPlan`); anything else is an error to retry (`onError`). */
export function loadFailed(err: unknown, onPlan: (message: string) => void, onError: (message: string) => void, fallback: string): void {
  const locked = planProblemOf(err);
  if (locked) onPlan(locked);
  else onError(errorMessage(err, fallback));
}
