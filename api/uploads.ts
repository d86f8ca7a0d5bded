/** How the API starts a file's upload-settle workflow (workflows/upload-settle.ts). */
import { uploadSettleAfterMs, uploadWorkflowId } from '../domain/files';
import type { UploadFacts } from '../activities/uploads';
import type { uploadSettle } from '../workflows/upload-settle';
import { COMPANY_ID } from '../workflows/search-attributes';
import type { ApiDeps } from './env';
import { bounded } from './temporal-calls';

/**
 * Started before the pending file is written (the caller's transaction rolls back if this fails), so
 * no pending file is left without the process that settles it. A file that then fails to be written
 * is simply not found when the workflow looks.
 */
export async function startUploadSettle({ temporal, settings }: ApiDeps, facts: UploadFacts): Promise<void> {
  await bounded(temporal, () => temporal.workflow.start<typeof uploadSettle>('uploadSettle', {
    workflowId: uploadWorkflowId(facts.fileId),
    taskQueue: settings.TEMPORAL_TASK_QUEUE,
    args: [{ ...facts, settleAfterMs: uploadSettleAfterMs(settings.PRESIGN_EXPIRE_SECONDS, facts.maxBytes) }],
    typedSearchAttributes: [{ key: COMPANY_ID, value: facts.companyId }],
    workflowIdConflictPolicy: 'USE_EXISTING',
  }));
}
