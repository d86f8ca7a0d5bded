/** Banner on the security page while the company's 2FA policy blocks everything else. */
export default function TotpRequiredBanner() {
  return (
    <div class="notice notice-warning totp-required-banner" role="status">
      Your company requires two-factor authentication for your role. Set it up to continue.
    </div>
  );
}
