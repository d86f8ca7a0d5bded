/**
 * One project file's upload, id `upload-<fileId>`, started by the API when it hands out the upload
 * form. It waits until the form has expired and a post begun just before then has had time to
 * finish, and then settles the file if no one has: ready when the object arrived within limits (the
 * browser uploaded but never confirmed), rejected when it is too large (deleted) or absent. A file
 * the browser confirmed meanwhile is left as it is; the upload's inbox is emptied either way.
 */
import { proxyActivities, sleep } from '@temporalio/workflow';
import type { UploadActivities, UploadFacts, UploadOutcome } from '../activities/uploads';

export interface UploadSettleInput extends UploadFacts {
  /** How long to wait first: the form's lifetime and a margin (an input, so tests take seconds). */
  settleAfterMs: number;
}

const { settleExpiredUpload } = proxyActivities<UploadActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '5 seconds', maximumInterval: '5 minutes' },
});

export async function uploadSettle(input: UploadSettleInput): Promise<UploadOutcome | 'gone'> {
  const { settleAfterMs, ...facts } = input;
  await sleep(settleAfterMs);
  return settleExpiredUpload(facts);
}
