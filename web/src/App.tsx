import { Route, Router } from '@solidjs/router';
import AppShell from './components/AppShell';
import AccountingJournal from './pages/AccountingJournal';
import AccountingPeriods from './pages/AccountingPeriods';
import AccountingReports from './pages/AccountingReports';
import AuditLog from './pages/AuditLog';
import Catalog from './pages/Catalog';
import ChartOfAccounts from './pages/ChartOfAccounts';
import ClientPage from './pages/ClientPage';
import Clients from './pages/Clients';
import CompanySettings from './pages/CompanySettings';
import Dashboard from './pages/Dashboard';
import DocumentPage from './pages/DocumentPage';
import { Estimates, Invoices } from './pages/Documents';
import ForgotPassword from './pages/ForgotPassword';
import Invitation from './pages/Invitation';
import Login from './pages/Login';
import MembersSettings from './pages/MembersSettings';
import NotFound from './pages/NotFound';
import Portal from './pages/Portal';
import ProfileSettings from './pages/ProfileSettings';
import ProjectPage from './pages/ProjectPage';
import Projects from './pages/Projects';
import { NewRecurring, RecurringDetail, RecurringList } from './pages/Recurring';
import ResetPassword from './pages/ResetPassword';
import SecuritySettings from './pages/SecuritySettings';
import Signup from './pages/Signup';
import Time from './pages/Time';
import Vendors from './pages/Vendors';
import VerifyEmail from './pages/VerifyEmail';

export default function App() {
  return (
    <Router>
      <Route path="/signup" component={Signup} />
      <Route path="/login" component={Login} />
      <Route path="/forgot-password" component={ForgotPassword} />
      <Route path="/reset-password" component={ResetPassword} />
      <Route path="/verify-email" component={VerifyEmail} />
      <Route path="/invitations/:token" component={Invitation} />
      {/* What a client opens from an emailed link: no session, no sidebar, the company's colours. */}
      <Route path="/portal/:token" component={Portal} />
      {/* Everything below requires a session; AppShell loads /me and redirects on 401. */}
      <Route path="/" component={AppShell}>
        <Route path="/" component={Dashboard} />
        <Route path="/settings/profile" component={ProfileSettings} />
        <Route path="/settings/security" component={SecuritySettings} />
        <Route path="/settings/company" component={CompanySettings} />
        <Route path="/settings/members" component={MembersSettings} />
        <Route path="/audit" component={AuditLog} />
        <Route path="/clients" component={Clients} />
        <Route path="/clients/new" component={ClientPage} />
        <Route path="/clients/:id" component={ClientPage} />
        <Route path="/vendors" component={Vendors} />
        <Route path="/projects" component={Projects} />
        <Route path="/projects/new" component={ProjectPage} />
        <Route path="/projects/:id" component={ProjectPage} />
        <Route path="/catalog" component={Catalog} />
        <Route path="/time" component={Time} />
        <Route path="/invoices" component={Invoices} />
        <Route path="/estimates" component={Estimates} />
        <Route path="/documents/:id" component={DocumentPage} />
        <Route path="/accounting" component={AccountingReports} />
        <Route path="/accounting/accounts" component={ChartOfAccounts} />
        <Route path="/accounting/journal" component={AccountingJournal} />
        <Route path="/accounting/periods" component={AccountingPeriods} />
        <Route path="/recurring" component={RecurringList} />
        <Route path="/recurring/new" component={NewRecurring} />
        <Route path="/recurring/:id" component={RecurringDetail} />
      </Route>
      <Route path="*404" component={NotFound} />
    </Router>
  );
}
