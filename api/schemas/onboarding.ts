import { z } from 'zod';

export const OnboardingView = z.object({
  status: z.enum(['pending', 'running', 'complete', 'failed']),
  workflowId: z.string(),
  temporalUiUrl: z.string().nullable(),
  steps: z.array(z.object({ key: z.string(), label: z.string(), done: z.boolean() })),
}).meta({ id: 'Onboarding' });
