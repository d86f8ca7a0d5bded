/**
 * A worker in a process of its own that is killed (SIGKILL) right after one
 * activity has done its work: a real crash mid-step, with nothing cleaned up
 * and no chance to report back, for the chaos tests. Started by the harness's
 * `crashingWorker`, which passes what it needs as CRASHING_WORKER (JSON).
 */
import { NativeConnection, Runtime } from '@temporalio/worker';
import type { Activities } from '../../activities/index';
import { activityDeps, createWorker } from '../../bin/lib/worker';
import { connect } from '../../db/client';
import { parseSettings } from '../../domain/settings';

export interface CrashSpec {
  /** The activity after whose work the process dies. */
  activity: keyof Activities;
  /** Only when its input, as JSON, contains this (e.g. one email's intent key). */
  inputIncludes?: string;
}

const { env, bundlePath, crash } = JSON.parse(process.env.CRASHING_WORKER!) as { env: Record<string, string>; bundlePath: string; crash: CrashSpec };
Runtime.install({ logger: { log() {}, trace() {}, debug() {}, info() {}, warn() {}, error: (m: string) => console.error(m) } });
const settings = parseSettings(env);
const database = connect(settings.DATABASE_URL!, { max: 2 });
const worker = await createWorker({
  connection: await NativeConnection.connect({ address: settings.TEMPORAL_ADDRESS }),
  namespace: settings.TEMPORAL_NAMESPACE, taskQueue: settings.TEMPORAL_TASK_QUEUE, deps: activityDeps(settings, database.db),
  workflowBundle: { codePath: bundlePath },
  wrapActivities: (acts) => ({
    ...acts,
    [crash.activity]: async (input: unknown) => {
      const out = await (acts[crash.activity] as (i: unknown) => Promise<unknown>)(input);
      if (!crash.inputIncludes || JSON.stringify(input).includes(crash.inputIncludes)) process.kill(process.pid, 'SIGKILL');
      return out;
    },
  }),
});
process.send?.('ready');
await worker.run();
