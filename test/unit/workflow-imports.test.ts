import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkFile, checkTree, valueImports } from '../../bin/lib/workflow-imports';

const root = '/repo';
const wf = join(root, 'workflows', 'x.ts');

describe('workflow import guard', () => {
  it('passes the real tree', () => {
    expect(checkTree(fileURLToPath(new URL('../..', import.meta.url)))).toEqual([]);
  });

  it.each([
    ["import { readFile } from 'node:fs';", 'node:fs'],
    ["import fs from 'fs';", 'fs'],
    ["import { connect } from '../db/client';", '../db/client'],
    ["import postgres from 'postgres';", 'postgres'],
    ["import { eq } from 'drizzle-orm';", 'drizzle-orm'],
    ["import Stripe from 'stripe';", 'stripe'],
    ["import { S3Client } from '@aws-sdk/client-s3';", '@aws-sdk/client-s3'],
    ["import { createOnboardingActivities } from '../activities/onboarding';", '../activities/onboarding'],
    ["import { type OnboardingActivities } from '../activities/onboarding';", '../activities/onboarding'],
    ["export { x } from '../api/app';", '../api/app'],
    ["const m = await import('node:crypto');", 'node:crypto'],
    ["const m = require('child_process');", 'child_process'],
  ])('refuses %s in workflows/', (source, specifier) => {
    expect(checkFile(root, wf, source).map((p) => p.specifier)).toEqual([specifier]);
  });

  it('allows the workflow SDK, domain, sibling workflows and type-only imports', () => {
    const source = [
      "import { proxyActivities } from '@temporalio/workflow';",
      "import { ONBOARDING_STEPS } from '../domain/onboarding';",
      "import { COMPANY_ID } from './search-attributes';",
      "import type { OnboardingActivities } from '../activities/onboarding';",
      "export type { Db } from '../db/client';",
    ].join('\n');
    expect(checkFile(root, wf, source)).toEqual([]);
  });

  it('keeps domain/ pure as well', () => {
    const file = join(root, 'domain', 'money.ts');
    expect(checkFile(root, file, "import { z } from 'zod';\nimport { x } from './rounding';")).toEqual([]);
    expect(checkFile(root, file, "import { randomUUID } from 'node:crypto';").map((p) => p.specifier)).toEqual(['node:crypto']);
    expect(checkFile(root, file, "import { Temporal } from '../workflows/x';").map((p) => p.specifier)).toEqual(['../workflows/x']);
  });

  it('reads multi-line and re-export forms', () => {
    expect(valueImports("import {\n  a,\n  b,\n} from 'x';\nexport * from 'y';")).toEqual(['x', 'y']);
  });
});
