import { z } from 'zod';

const Check = z.enum(['ok', 'down']);

export const Health = z.object({
  status: z.enum(['ok', 'degraded', 'down']),
  checks: z.object({ database: Check, temporal: Check, storage: Check }),
}).meta({ id: 'Health' });

export const Version = z.object({
  environment: z.string(),
  version: z.string(),
  commit: z.string(),
  buildDate: z.string(),
}).meta({ id: 'Version' });
