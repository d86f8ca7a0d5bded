import { Route, Router } from '@solidjs/router';
import AppShell from './components/AppShell';
import Dashboard from './pages/Dashboard';
import Login from './pages/Login';
import NotFound from './pages/NotFound';
import Signup from './pages/Signup';

export default function App() {
  return (
    <Router>
      <Route path="/signup" component={Signup} />
      <Route path="/login" component={Login} />
      {/* Everything below requires a session; AppShell loads /me and redirects on 401. */}
      <Route path="/" component={AppShell}>
        <Route path="/" component={Dashboard} />
      </Route>
      <Route path="*404" component={NotFound} />
    </Router>
  );
}
