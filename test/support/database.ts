/** Names shared by the global setup and the per-file harness. */
export const TEMPLATE_DATABASE = 'ez360pm_test_template';
export const TEST_APP_ROLE_PASSWORD = 'ez360pm-app-test-password';

export function testDatabaseUrl(adminUrl: string, name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
