/** Auth payloads. The web forms import these too, so client and server validate alike. */
import { z } from 'zod';
import { PASSWORD_MAX_LENGTH, passwordProblem } from '../../domain/password';

export const SignupBody = z.object({
  email: z.string({ error: 'Enter your email.' }).trim().email('Enter a valid email address.').max(254),
  password: z.string({ error: 'Choose a password.' }).superRefine((pw, ctx) => {
    const problem = passwordProblem(pw);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  }),
  companyName: z.string({ error: 'Enter your company name.' }).trim().min(1, 'Enter your company name.').max(120, 'Keep the company name under 120 characters.'),
}).meta({ id: 'SignupBody' });

export const LoginBody = z.object({
  email: z.string({ error: 'Enter your email.' }).trim().min(1, 'Enter your email.').max(254),
  password: z.string({ error: 'Enter your password.' }).min(1, 'Enter your password.').max(PASSWORD_MAX_LENGTH),
}).meta({ id: 'LoginBody' });

export const UserRef = z.object({ id: z.string(), email: z.string() });
export const CompanyRef = z.object({ id: z.string(), name: z.string() });

export const AuthResult = z.object({ user: UserRef, company: CompanyRef }).meta({ id: 'AuthResult' });
export const SignupResult = AuthResult.extend({
  onboarding: z.object({ workflowId: z.string() }),
}).meta({ id: 'SignupResult' });

export const Me = z.object({
  user: UserRef,
  company: CompanyRef,
  role: z.enum(['owner', 'admin', 'manager', 'staff']),
}).meta({ id: 'Me' });
