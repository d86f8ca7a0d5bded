// The benchmark's baseline: the smallest real workflow, one activity that does nothing.
import { proxyActivities } from '@temporalio/workflow';

const { benchNoopActivity } = proxyActivities<{ benchNoopActivity(): Promise<void> }>({ startToCloseTimeout: '1 minute' });

export async function benchNoop(): Promise<void> {
  await benchNoopActivity();
}
