import { A } from '@solidjs/router';
import Logo from '../components/Logo';

export default function NotFound() {
  return (
    <main class="not-found">
      <div class="not-found-card">
        <Logo size={36} />
        <p class="not-found-code">404</p>
        <h1>Page not found</h1>
        <p>The page you're looking for doesn't exist or has moved.</p>
        <A href="/" class="btn btn-primary">
          Back to home
        </A>
      </div>
    </main>
  );
}
