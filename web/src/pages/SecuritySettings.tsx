import SessionsSection from '../components/SessionsSection';
import SettingsPage from '../components/SettingsPage';
import TwoFactorSection from '../components/TwoFactorSection';

/** /settings/security — two-factor authentication and sessions. */
export default function SecuritySettings() {
  return (
    <SettingsPage title="Security" subtitle="Two-factor authentication and the devices you are logged in on.">
      <TwoFactorSection />
      <SessionsSection />
    </SettingsPage>
  );
}
