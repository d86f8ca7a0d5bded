import type { Client } from '@temporalio/client';
import type { Storage } from '../activities/storage/types';
import type { Database } from '../db/client';
import type { Settings } from '../domain/settings';
import type { Logger } from './log';
import type { Auth } from './sessions';

/** What the API needs from the outside world; tests build it from real local services. */
export interface ApiDeps {
  settings: Settings;
  database: Database;
  temporal: Client;
  log: Logger;
  storage: Storage;
}

export interface AppEnv {
  Variables: {
    deps: ApiDeps;
    requestId: string;
    auth: Auth | null;
  };
}
