import { describe, expect, it } from 'vitest';
import { parseSettings, SettingsError } from '../../domain/settings';

describe('settings', () => {
  it('has safe development defaults', () => {
    const s = parseSettings({});
    expect(s).toMatchObject({
      APP_ENV: 'development', PORT: 3000, APP_URL: 'http://localhost:3000', TEMPORAL_ADDRESS: 'localhost:7233',
      TEMPORAL_NAMESPACE: 'default', TEMPORAL_UI_URL: 'http://localhost:8233', COOKIE_SECURE: false, LOG_LEVEL: 'info',
    });
    expect(s.DATABASE_URL).toBeUndefined();
  });

  it('is secure by default in production and requires what production needs', () => {
    const base = { APP_ENV: 'production', DATABASE_URL: 'postgres://u@db/app', APP_URL: 'https://app.example.com', APP_SECRET_KEY: 'k'.repeat(32) };
    const s = parseSettings(base);
    expect(s.COOKIE_SECURE).toBe(true);
    expect(s.TEMPORAL_UI_URL).toBeNull();
    expect(() => parseSettings({ ...base, DATABASE_URL: undefined })).toThrow(/DATABASE_URL/);
    expect(() => parseSettings({ ...base, APP_URL: '' })).toThrow(/APP_URL/);
    expect(() => parseSettings({ ...base, APP_SECRET_KEY: undefined })).toThrow(/APP_SECRET_KEY/);
    expect(() => parseSettings({ ...base, APP_SECRET_KEY: 'short' })).toThrow(/APP_SECRET_KEY/);
    expect(s).toMatchObject({ EMAIL_VERIFICATION_REQUIRED: true, COMPANY_REQUIRE_TOTP_DEFAULT: true });
    expect(parseSettings({})).toMatchObject({ EMAIL_VERIFICATION_REQUIRED: false, COMPANY_REQUIRE_TOTP_DEFAULT: false });
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['APP_ENV', 'staging'],
    ['DATABASE_URL', 'not a url'],
    ['DATABASE_URL', 'mysql://u@db/app'],
    // The CSRF check compares the browser's Origin with APP_URL: anything but a bare origin would refuse every write.
    ['APP_URL', 'https://pm.example.com/'],
    ['APP_URL', 'https://pm.example.com/app'],
    ['APP_URL', 'localhost:3000'],
    ['SMTP_URL', 'http://mail.example.com'],
    ['TEMPORAL_ADDRESS', 'localhost'],
    ['COOKIE_SECURE', 'yes'],
    ['LOG_LEVEL', 'loud'],
  ])('a bad %s stops start-up with a message naming it', (variable, value) => {
    try {
      parseSettings({ [variable]: value });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(SettingsError);
      expect((err as SettingsError).variable).toBe(variable);
      expect((err as Error).message).toContain(`Invalid environment variable ${variable}`);
      expect((err as Error).message).toContain(JSON.stringify(value));
    }
  });

  it('treats empty strings as unset', () => {
    expect(parseSettings({ PORT: '' }).PORT).toBe(3000);
  });
});
