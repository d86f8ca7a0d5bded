/**
 * Once per `npm test`: one Temporal dev server (in memory, headless), one
 * PostgreSQL (TEST_DATABASE_URL's server, else an embedded one in a temp
 * directory) and one workflow bundle, shared by every test file. Each file
 * makes its own database and task queue (see harness.ts). Everything started
 * here is stopped in teardown, and on any exit path of this process.
 */
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundleWorkflowCode } from '@temporalio/worker';
import type {} from 'vitest';
import type { TestProject } from 'vitest/node';
import { dropDatabase, ensureDatabase, startEmbeddedPostgres, type EmbeddedServer } from '../../bin/lib/postgres';
import { migrateDatabase } from '../../db/migrate';
import { TEST_APP_ROLE_PASSWORD, TEMPLATE_DATABASE, testDatabaseUrl } from './database';
import { findTemporalCli } from '../../bin/lib/temporal-cli';
import { startTemporalDevServer, type TemporalDevServer } from '../../bin/lib/temporal-server';
import { WORKFLOWS_PATH } from '../../bin/lib/worker';
import { freePort } from './ports';
import { startS3, type S3Server } from './s3';

declare module 'vitest' {
  export interface ProvidedContext {
    temporalAddress: string;
    pgAdminUrl: string;
    templateDatabase: string;
    workflowBundlePath: string;
    s3Endpoint: string;
  }
}

export default async function setup(project: TestProject) {
  const scratch = mkdtempSync(join(tmpdir(), 'ez360pm-test-'));
  // The embedded server runs as the postgres user when we are root; it must reach its directory.
  chmodSync(scratch, 0o755);
  let temporal: TemporalDevServer | undefined;
  let pg: EmbeddedServer | undefined;
  let s3: S3Server | undefined;
  const killOnExit = () => temporal?.process.kill('SIGKILL');
  process.once('exit', killOnExit);

  const teardown = async () => {
    process.off('exit', killOnExit);
    await temporal?.stop();
    await pg?.stop();
    await s3?.stop();
    rmSync(scratch, { recursive: true, force: true });
  };

  try {
    const [cli, bundle] = await Promise.all([
      findTemporalCli(),
      bundleWorkflowCode({ workflowsPath: WORKFLOWS_PATH, logger: quietLogger }),
    ]);
    const bundlePath = join(scratch, 'workflow-bundle.js');
    writeFileSync(bundlePath, bundle.code);

    temporal = await startTemporalDevServer({ cliPath: cli, port: await freePort(), uiPort: null, dbFile: null });
    let adminUrl = process.env.TEST_DATABASE_URL;
    if (!adminUrl) {
      pg = await startEmbeddedPostgres({ dir: join(scratch, 'pg'), port: await freePort(), persistent: false });
      adminUrl = pg.adminUrl;
    }
    // Migrated once; every test file's database is a copy.
    await dropDatabase(adminUrl, TEMPLATE_DATABASE);
    await ensureDatabase(adminUrl, TEMPLATE_DATABASE);
    await migrateDatabase(testDatabaseUrl(adminUrl, TEMPLATE_DATABASE), { appRolePassword: TEST_APP_ROLE_PASSWORD });
    project.provide('templateDatabase', TEMPLATE_DATABASE);
    s3 = await startS3(join(scratch, 's3'));
    project.provide('s3Endpoint', s3.endpoint);
    project.provide('temporalAddress', temporal.address);
    project.provide('pgAdminUrl', adminUrl);
    project.provide('workflowBundlePath', bundlePath);
  } catch (err) {
    await teardown();
    throw err;
  }
  return teardown;
}

const quietLogger = {
  log() {}, trace() {}, debug() {}, info() {},
  warn: (m: string) => console.warn(m),
  error: (m: string) => console.error(m),
};
