import { resolve } from 'node:path';
import type { Settings } from '../../domain/settings';
import { createLocalStorage } from './local';
import { createS3Storage } from './s3';
import type { Storage } from './types';

/** S3 when a bucket is configured, else local disk under DATA_DIR/files. */
export function createStorage(settings: Settings): Storage {
  if (settings.S3_BUCKET) {
    return createS3Storage({
      endpoint: settings.S3_ENDPOINT, region: settings.S3_REGION, bucket: settings.S3_BUCKET,
      accessKeyId: settings.S3_ACCESS_KEY_ID, secretAccessKey: settings.S3_SECRET_ACCESS_KEY, forcePathStyle: settings.S3_FORCE_PATH_STYLE,
    });
  }
  return createLocalStorage({ dir: resolve(settings.DATA_DIR, 'files'), baseUrl: () => settings.APP_URL, secret: settings.APP_SECRET_KEY });
}
