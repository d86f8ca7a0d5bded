/**
 * Local-disk storage with the same flow as S3: the upload form posts to the
 * API's own /api/v1/storage/upload with an HMAC-signed policy (key, type,
 * size limit, expiry), and downloads are HMAC-signed, expiring URLs.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, normalize, sep } from 'node:path';
import type { Storage } from './types';

export interface LocalPolicy {
  key: string;
  contentType: string;
  maxBytes: number;
  /** Epoch seconds. */
  expires: number;
}

/** `baseUrl` is read whenever a link is made, so it follows the app's URL if that is settled late (tests on a random port). */
export function createLocalStorage(cfg: { dir: string; baseUrl: () => string; secret: string }) {
  const sign = (payload: string) => createHmac('sha256', `ez360pm:local-storage:${cfg.secret}`).update(payload).digest('base64url');
  const verify = (payload: string, signature: string) => {
    const want = Buffer.from(sign(payload));
    const got = Buffer.from(signature);
    return want.length === got.length && timingSafeEqual(want, got);
  };
  /** Keys are ours, but a path must never leave the storage directory. */
  const pathOf = (key: string) => {
    const p = normalize(join(cfg.dir, key));
    if (!p.startsWith(normalize(cfg.dir) + sep)) throw new Error('key escapes the storage directory');
    return p;
  };
  const now = () => Math.floor(Date.now() / 1000);

  const storage: Storage & {
    readPolicy(policy: string, signature: string): LocalPolicy | null;
    readSigned(key: string, expires: string, signature: string): Promise<{ data: Buffer; contentType: string } | null>;
  } = {
    kind: 'local',
    async presignUpload(key, { contentType, maxBytes, expiresSeconds }) {
      const policy = Buffer.from(JSON.stringify({ key, contentType, maxBytes, expires: now() + expiresSeconds } satisfies LocalPolicy)).toString('base64url');
      return { url: `${cfg.baseUrl()}/api/v1/storage/upload`, fields: { key, 'Content-Type': contentType, policy, signature: sign(policy) } };
    },
    async head(key) {
      try {
        const s = await stat(pathOf(key));
        const meta = await readFile(`${pathOf(key)}.type`, 'utf8').catch(() => null);
        return { size: s.size, contentType: meta };
      } catch {
        return null;
      }
    },
    async downloadUrl(key, { filename, expiresSeconds }) {
      const expires = String(now() + expiresSeconds);
      const q = new URLSearchParams({ key, filename, expires, signature: sign(`${key}\n${expires}`) });
      return `${cfg.baseUrl()}/api/v1/storage/download?${q}`;
    },
    async put(key, data, contentType) {
      await mkdir(dirname(pathOf(key)), { recursive: true });
      await writeFile(pathOf(key), data);
      await writeFile(`${pathOf(key)}.type`, contentType);
    },
    async get(key) {
      return readFile(pathOf(key)).catch(() => null);
    },
    async delete(key) {
      await rm(pathOf(key), { force: true });
      await rm(`${pathOf(key)}.type`, { force: true });
    },
    async move(from, to) {
      await mkdir(dirname(pathOf(to)), { recursive: true });
      // The type first: the data's rename is the move, so one interrupted between the two is redone whole.
      await rename(`${pathOf(from)}.type`, `${pathOf(to)}.type`).catch(() => {});
      await rename(pathOf(from), pathOf(to));
    },
    async check() {
      await mkdir(cfg.dir, { recursive: true });
    },
    readPolicy(policy, signature) {
      if (!verify(policy, signature)) return null;
      const p = JSON.parse(Buffer.from(policy, 'base64url').toString('utf8')) as LocalPolicy;
      return p.expires >= now() ? p : null;
    },
    async readSigned(key, expires, signature) {
      if (!verify(`${key}\n${expires}`, signature) || Number(expires) < now()) return null;
      const data = await readFile(pathOf(key)).catch(() => null);
      if (!data) return null;
      return { data, contentType: (await readFile(`${pathOf(key)}.type`, 'utf8').catch(() => null)) ?? 'application/octet-stream' };
    },
  };
  return storage;
}

export type LocalStorage = ReturnType<typeof createLocalStorage>;
