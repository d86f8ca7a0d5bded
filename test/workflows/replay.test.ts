/**
 * Replays every recorded workflow history against the current workflow code.
 * A change that would break running workflows (non-determinism) fails here.
 * Record or refresh histories with `npm run record:histories`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { Worker } from '@temporalio/worker';
import { describe, expect, inject, it } from 'vitest';
import * as workflows from '../../workflows/index';

const dir = new URL('./histories/', import.meta.url);
const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
const histories = files.map((file) => {
  const history = historyFromJSON(JSON.parse(readFileSync(new URL(file, dir), 'utf8')));
  const type = history.events?.[0]?.workflowExecutionStartedEventAttributes?.workflowType?.name ?? '';
  return { file, type, history };
});

// While recording, the histories are being rewritten by the workflow tests.
describe.skipIf(process.env.RECORD_HISTORIES)('replay', () => {
it('has a recorded history for every workflow the worker runs', () => {
  const recorded = new Set(histories.map((h) => h.type));
  const missing = Object.keys(workflows).filter((name) => !recorded.has(name));
  expect(missing, 'record them with `npm run record:histories`').toEqual([]);
});

it('replays every recorded history without a determinism error', async () => {
  const results = Worker.runReplayHistories(
    { workflowBundle: { codePath: inject('workflowBundlePath') } },
    histories.map((h) => ({ workflowId: h.file, history: h.history })),
  );
  const failures: string[] = [];
  for await (const result of results) {
    if (result.error) failures.push(`${result.workflowId}: ${result.error.message}`);
  }
  expect(failures).toEqual([]);
  expect(histories.length).toBeGreaterThan(0);
});
});
