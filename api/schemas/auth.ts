/** Auth payloads. The web forms import these too, so client and server validate alike. */
import { z } from 'zod';
import { PASSWORD_MAX_LENGTH, passwordProblem } from '../../domain/password';

/** A new password: the policy's checks that need no email (the handler adds the email check). */
export const newPassword = (required: string) => z.string({ error: required }).superRefine((pw, ctx) => {
  const problem = passwordProblem(pw);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

const email = z.string({ error: 'Enter your email.' }).trim().email('Enter a valid email address.').max(254);
const token = z.string({ error: 'The link is incomplete.' }).min(10, 'The link is incomplete.').max(200);

export const SignupBody = z.object({
  email,
  password: newPassword('Choose a password.'),
  companyName: z.string({ error: 'Enter your company name.' }).trim().min(1, 'Enter your company name.').max(120, 'Keep the company name under 120 characters.'),
  /**
   * A hint: the signer-up's own zone (the web app sends the browser's), which the company starts in.
   * One the server does not know is ignored rather than refused — nobody typed it, and signing up
   * must not fail over it; the zone can be changed in settings.
   */
  timeZone: z.string().max(64).optional(),
}).meta({ id: 'SignupBody' });

export const LoginBody = z.object({
  email: z.string({ error: 'Enter your email.' }).trim().min(1, 'Enter your email.').max(254),
  password: z.string({ error: 'Enter your password.' }).min(1, 'Enter your password.').max(PASSWORD_MAX_LENGTH),
}).meta({ id: 'LoginBody' });

export const CodeBody = z.object({
  code: z.string({ error: 'Enter the code.' }).trim().min(6, 'Enter the 6-digit code or a recovery code.').max(32),
}).meta({ id: 'CodeBody' });

export const TokenBody = z.object({ token }).meta({ id: 'TokenBody' });
export const EmailBody = z.object({ email }).meta({ id: 'EmailBody' });
export const ResetConfirmBody = z.object({ token, password: newPassword('Choose a new password.') }).meta({ id: 'ResetConfirmBody' });

export const UserRef = z.object({ id: z.string(), email: z.string() });
export const CompanyRef = z.object({ id: z.string(), name: z.string() });

export const AuthResult = z.object({ user: UserRef, company: CompanyRef.nullable() }).meta({ id: 'AuthResult' });
export const LoginResult = z.union([
  AuthResult.extend({ status: z.literal('ok') }),
  z.object({ status: z.literal('totp_required') }),
]).meta({ id: 'LoginResult' });
export const SignupResult = AuthResult.extend({
  onboarding: z.object({ workflowId: z.string() }),
}).meta({ id: 'SignupResult' });
