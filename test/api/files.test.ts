/**
 * Private project files, end to end: presign, upload straight to storage the
 * way a browser posts a form, confirm, download through the permission-checked
 * redirect. Against a real S3-compatible server, and against local disk.
 */
import { writeFileSync } from 'node:fs';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uploadInboxKey, uploadSettleAfterMs, uploadWorkflowId } from '../../domain/files';
import type { UploadOutcome } from '../../activities/uploads';
import { signUpCompany } from '../support/company';
import { JSON_BODY_MAX_BYTES } from '../../api/middleware/body-limits';
import { json, startTestEnv, type TestEnv } from '../support/harness';

async function company(env: TestEnv, email: string) {
  const { cookie, companyId, userId } = await signUpCompany(env, email);
  const project = await json(await env.request('/api/v1/projects', { method: 'POST', cookie, json: { name: 'Files', billingType: 'hourly' } }));
  return { cookie, companyId, userId, projectId: project.id as string };
}

/** Post the file to the presigned form exactly as a browser's FormData would. */
async function postForm(env: TestEnv, upload: { url: string; fields: Record<string, string> }, bytes: Uint8Array, type: string) {
  const form = new FormData();
  for (const [k, v] of Object.entries(upload.fields)) form.append(k, v);
  form.append('file', new Blob([bytes], { type }), 'upload.bin');
  // Local-disk forms point at the API itself: send those in-process.
  if (upload.url.startsWith(env.settings.APP_URL)) return env.app.request(upload.url.slice(env.settings.APP_URL.length), { method: 'POST', body: form });
  return fetch(upload.url, { method: 'POST', body: form });
}

async function fetchDownload(env: TestEnv, location: string) {
  if (location.startsWith(env.settings.APP_URL)) return env.app.request(location.slice(env.settings.APP_URL.length));
  return fetch(location);
}

for (const storage of ['s3', 'local'] as const) {
  describe(`project files on ${storage} storage`, () => {
    let env: TestEnv;
    let a: Awaited<ReturnType<typeof company>>;
    let b: Awaited<ReturnType<typeof company>>;
    beforeAll(async () => {
      env = await startTestEnv({ worker: true, storage, env: { EMAIL_VERIFICATION_REQUIRED: 'false', FILE_MAX_MB: '1' } });
      a = await company(env, `a-${storage}@example.com`);
      b = await company(env, `b-${storage}@example.com`);
    });
    afterAll(async () => { await env?.close(); });

    const presign = (who: typeof a, body: unknown, projectId = who.projectId) =>
      env.request(`/api/v1/projects/${projectId}/files`, { method: 'POST', cookie: who.cookie, json: body });

    it('round-trips a file through the presigned upload and the checked download', async () => {
      const bytes = new TextEncoder().encode('%PDF-1.4 statement of work');
      const started = await presign(a, { filename: '../../Statement of Work.pdf', contentType: 'application/pdf', size: bytes.length });
      expect(started.status).toBe(201);
      const { file, upload } = await json(started);
      expect(file.status).toBe('pending');
      expect((await env.request(`/api/v1/projects/${a.projectId}/files/${file.id}/complete`, { method: 'POST', cookie: a.cookie })).status).toBe(409);

      const posted = await postForm(env, upload, bytes, 'application/pdf');
      expect(posted.status).toBeLessThan(300);
      const done = await env.request(`/api/v1/projects/${a.projectId}/files/${file.id}/complete`, { method: 'POST', cookie: a.cookie });
      expect(await json(done)).toMatchObject({ status: 'ready', sizeBytes: bytes.length, filename: '../../Statement of Work.pdf' });
      expect((await json(await env.request(`/api/v1/projects/${a.projectId}/files`, { cookie: a.cookie }))).items).toHaveLength(1);

      const redirect = await env.request(`/api/v1/projects/${a.projectId}/files/${file.id}/download`, { cookie: a.cookie });
      expect(redirect.status).toBe(302);
      const got = await fetchDownload(env, redirect.headers.get('location')!);
      expect(got.status).toBe(200);
      expect(new Uint8Array(await got.arrayBuffer())).toEqual(bytes);

      // Another company's member gets nothing: not the file, not the list, not an upload form.
      expect((await env.request(`/api/v1/projects/${a.projectId}/files/${file.id}/download`, { cookie: b.cookie })).status).toBe(404);
      expect((await env.request(`/api/v1/projects/${a.projectId}/files`, { cookie: b.cookie })).status).toBe(404);
      expect((await presign(b, { filename: 'x.pdf', contentType: 'application/pdf', size: 10 }, a.projectId)).status).toBe(404);
      // Nor does anyone without a session.
      expect((await env.request(`/api/v1/projects/${a.projectId}/files/${file.id}/download`)).status).toBe(401);
    });

    it('refuses a file over the limit up front, and one that turns out larger than declared', async () => {
      const big = await presign(a, { filename: 'huge.zip', contentType: 'application/zip', size: 2 * 1024 * 1024 });
      expect(big.status).toBe(400);
      expect((await json(big)).error.fields.size).toMatch(/at most 1 MB/);
      expect((await presign(a, { filename: 'run.exe', contentType: 'application/x-msdownload', size: 10 })).status).toBe(400);

      const { file, upload } = await json(await presign(a, { filename: 'small.txt', contentType: 'text/plain', size: 10 }));
      const posted = await postForm(env, upload, new Uint8Array(5000).fill(65), 'text/plain');
      const done = await env.request(`/api/v1/projects/${a.projectId}/files/${file.id}/complete`, { method: 'POST', cookie: a.cookie });
      if (storage === 'local') {
        // Our local store enforces the form's limit as it receives the file.
        expect(posted.status).toBe(400);
        expect(done.status).toBe(409);
      } else {
        // s3rver stores it (it ignores the size policy; S3 would not), so the app refuses it on completion and deletes it.
        expect(posted.status).toBeLessThan(300);
        expect(done.status).toBe(422);
        expect((await json(done)).error.code).toBe('FILE_TOO_LARGE');
      }
      // Either way nothing oversized is listed or downloadable.
      expect((await json(await env.request(`/api/v1/projects/${a.projectId}/files`, { cookie: a.cookie }))).items.map((f: { id: string }) => f.id)).not.toContain(file.id);
      expect((await env.request(`/api/v1/projects/${a.projectId}/files/${file.id}/download`, { cookie: a.cookie })).status).toBe(404);
    });

    /**
     * The file's upload-settle workflow, started with the form, waits out the form's lifetime; here it is
     * checked, then run again at once under the same id with the same facts (an input), to see what it does.
     */
    async function settleNow(file: { id: string; declaredBytes?: number }, size: number): Promise<UploadOutcome | 'gone'> {
      const handle = env.temporal.workflow.getHandle(uploadWorkflowId(file.id));
      const started = await handle.describe();
      expect(started.status.name).toBe('RUNNING');
      const [event] = (await handle.fetchHistory()).events!;
      const input = env.temporal.options.loadedDataConverter.payloadConverter.fromPayload<{ settleAfterMs: number; maxBytes: number }>(event!.workflowExecutionStartedEventAttributes!.input!.payloads![0]!);
      expect(input).toMatchObject({ settleAfterMs: uploadSettleAfterMs(env.settings.PRESIGN_EXPIRE_SECONDS, size), maxBytes: size });
      await handle.terminate('test: settle now');
      const again = await env.temporal.workflow.start('uploadSettle', {
        workflowId: uploadWorkflowId(file.id), taskQueue: env.settings.TEMPORAL_TASK_QUEUE, args: [{ ...input, settleAfterMs: 50 }],
      });
      const outcome = await again.result() as UploadOutcome | 'gone';
      if (process.env.RECORD_HISTORIES && storage === 's3' && outcome === 'ready') {
        writeFileSync(new URL('../workflows/histories/upload-settle.json', import.meta.url), historyToJSON(await again.fetchHistory()));
      }
      return outcome;
    }
    const downloaded = async (fileId: string) => {
      const redirect = await env.request(`/api/v1/projects/${a.projectId}/files/${fileId}/download`, { cookie: a.cookie });
      return new Uint8Array(await (await fetchDownload(env, redirect.headers.get('location')!)).arrayBuffer());
    };
    const listed = async () => (await json(await env.request(`/api/v1/projects/${a.projectId}/files`, { cookie: a.cookie }))).items.map((f: { id: string }) => f.id);
    const uploads = async (fileId: string) => (await env.owner.db.execute<{ actor: string }>(sql`select actor_user_id as actor from audit_events where action = 'file.uploaded' and object_id = ${fileId}`)).map((r) => r.actor);

    it('settles an upload no one confirmed once its form has expired: ready when it arrived, rejected when nothing did', async () => {
      const bytes = new TextEncoder().encode('notes from the kickoff');
      // Uploaded, but the browser never said so (the tab closed): ready, audited as the uploader's.
      const arrived = (await json(await presign(a, { filename: 'kickoff.txt', contentType: 'text/plain', size: bytes.length }))) as { file: { id: string }; upload: { url: string; fields: Record<string, string> } };
      expect((await postForm(env, arrived.upload, bytes, 'text/plain')).status).toBeLessThan(300);
      expect(await listed()).not.toContain(arrived.file.id);
      expect(await settleNow(arrived.file, bytes.length)).toBe('ready');
      expect(await listed()).toContain(arrived.file.id);
      expect(await uploads(arrived.file.id)).toEqual([a.userId]);

      // Never uploaded: rejected for good; a late confirmation is told so.
      const never = (await json(await presign(a, { filename: 'never.txt', contentType: 'text/plain', size: 10 }))) as { file: { id: string } };
      expect(await settleNow(never.file, 10)).toBe('expired');
      const late = await env.request(`/api/v1/projects/${a.projectId}/files/${never.file.id}/complete`, { method: 'POST', cookie: a.cookie });
      expect([late.status, (await json(late)).error.code]).toEqual([409, 'UPLOAD_EXPIRED']);
      expect(await listed()).not.toContain(never.file.id);

      // Confirmed by the browser first: left as it is, and uploaded once.
      const confirmed = (await json(await presign(a, { filename: 'brief.txt', contentType: 'text/plain', size: bytes.length }))) as { file: { id: string }; upload: { url: string; fields: Record<string, string> } };
      await postForm(env, confirmed.upload, bytes, 'text/plain');
      // Confirmed twice at once (a double click): they take turns, and the file is uploaded once.
      const completes = await Promise.all([1, 2].map(() => env.request(`/api/v1/projects/${a.projectId}/files/${confirmed.file.id}/complete`, { method: 'POST', cookie: a.cookie })));
      expect(completes.map((r) => r.status)).toEqual([200, 200]);
      // The form is still valid, but posting it again cannot change the confirmed file: it lands in the upload's inbox…
      const swapped = new TextEncoder().encode('NOTES FROM THE KICKOFF');
      expect(swapped.length).toBe(bytes.length);
      expect((await postForm(env, confirmed.upload, swapped, 'text/plain')).status).toBeLessThan(300);
      expect((await env.request(`/api/v1/projects/${a.projectId}/files/${confirmed.file.id}/complete`, { method: 'POST', cookie: a.cookie })).status).toBe(200);
      expect(await downloaded(confirmed.file.id)).toEqual(bytes);
      const inbox = uploadInboxKey(a.companyId, confirmed.file.id);
      expect(await env.deps.storage.head(inbox)).not.toBeNull();
      expect(await settleNow(confirmed.file, bytes.length)).toBe('ready');
      expect(await uploads(confirmed.file.id)).toHaveLength(1);
      // …which is emptied once the form has expired.
      expect(await env.deps.storage.head(inbox)).toBeNull();
      expect(await downloaded(confirmed.file.id)).toEqual(bytes);
    });

    it("keeps a deleted project's files readable but unchangeable until it is restored", async () => {
      const project = (await json(await env.request('/api/v1/projects', { method: 'POST', cookie: a.cookie, json: { name: 'Archive', billingType: 'hourly' } }))).id as string;
      const bytes = new TextEncoder().encode('minutes');
      const { file, upload } = await json(await presign(a, { filename: 'minutes.txt', contentType: 'text/plain', size: bytes.length }, project));
      await postForm(env, upload, bytes, 'text/plain');
      expect((await env.request(`/api/v1/projects/${project}/files/${file.id}/complete`, { method: 'POST', cookie: a.cookie })).status).toBe(200);
      expect((await env.request(`/api/v1/projects/${project}`, { method: 'DELETE', cookie: a.cookie })).status).toBe(204);
      const files = await env.request(`/api/v1/projects/${project}/files`, { cookie: a.cookie });
      expect([files.status, (await json(files)).items.map((f: { id: string }) => f.id)]).toEqual([200, [file.id]]);
      expect((await env.request(`/api/v1/projects/${project}/files/${file.id}/download`, { cookie: a.cookie })).status).toBe(302);
      expect((await env.request(`/api/v1/projects/${project}/files/${file.id}`, { method: 'DELETE', cookie: a.cookie })).status).toBe(404);
      expect((await presign(a, { filename: 'more.txt', contentType: 'text/plain', size: 3 }, project)).status).toBe(404);
      // Another company sees none of it.
      expect((await env.request(`/api/v1/projects/${project}/files`, { cookie: b.cookie })).status).toBe(404);
    });

    if (storage === 'local') {
      it('reads no more of an upload than the largest file allows, before any signature is checked, with no session', async () => {
        // A body with no declared length, counted as the server pulls it: 64 KiB chunks, up to 64 MiB on offer.
        let pulled = 0;
        const chunk = new Uint8Array(64 * 1024).fill(65);
        const body = new ReadableStream<Uint8Array>({
          pull(controller) {
            if (pulled >= 64 * 1024 * 1024) return controller.close();
            pulled += chunk.length;
            controller.enqueue(chunk);
          },
        });
        const res = await env.app.request('/api/v1/storage/upload', {
          method: 'POST', body, duplex: 'half', headers: { 'content-type': 'multipart/form-data; boundary=----x' },
        } as RequestInit);
        expect([res.status, (await json(res)).error.code]).toEqual([413, 'PAYLOAD_TOO_LARGE']);
        expect(pulled).toBeLessThan(4 * 1024 * 1024); // FILE_MAX_MB is 1 here
        // A JSON body is capped too, by its declared length.
        const huge = await env.app.request('/api/v1/auth/login', {
          method: 'POST', headers: { 'content-type': 'application/json', origin: env.settings.APP_URL }, body: JSON.stringify({ email: 'x'.repeat(JSON_BODY_MAX_BYTES + 1), password: 'x' }),
        });
        expect(huge.status).toBe(413);
      });
    }
  });
}
