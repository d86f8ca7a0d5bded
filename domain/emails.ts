/** The text of every email the platform sends. Pure: links are built from the app URL passed in. */
export interface EmailContent {
  subject: string;
  text: string;
}

export const VERIFY_EMAIL_HOURS = 48;
export const PASSWORD_RESET_MINUTES = 60;
export const INVITATION_DAYS = 7;

export function verifyEmail(appUrl: string, token: string): EmailContent {
  return {
    subject: 'Confirm your email for EZ360PM',
    text: `Welcome to EZ360PM.\n\nConfirm your email address by opening this link:\n${appUrl}/verify-email?token=${token}\n\n` +
      `The link works once and expires in ${VERIFY_EMAIL_HOURS} hours. If you did not sign up, ignore this email.\n`,
  };
}

export function passwordReset(appUrl: string, token: string): EmailContent {
  return {
    subject: 'Reset your EZ360PM password',
    text: `Someone asked to reset the password for this email address.\n\nChoose a new password here:\n${appUrl}/reset-password?token=${token}\n\n` +
      `The link works once and expires in ${PASSWORD_RESET_MINUTES} minutes. If it was not you, ignore this email; your password is unchanged.\n`,
  };
}

export function invitation(appUrl: string, token: string, input: { companyName: string; inviter: string; role: string }): EmailContent {
  return {
    subject: `${input.inviter} invited you to ${input.companyName} on EZ360PM`,
    text: `${input.inviter} invited you to join ${input.companyName} on EZ360PM as ${input.role}.\n\nAccept the invitation here:\n` +
      `${appUrl}/invitations/${token}\n\nThe invitation expires in ${INVITATION_DAYS} days.\n`,
  };
}

/** One intent, one workflow: the id under which an email is delivered. */
export function emailWorkflowId(intentKey: string): string {
  return `email-${intentKey}`;
}
