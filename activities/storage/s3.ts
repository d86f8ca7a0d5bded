import { CopyObjectCommand, DeleteObjectCommand, GetObjectCommand, HeadBucketCommand, HeadObjectCommand, NoSuchKey, NotFound, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { Storage } from './types';

export interface S3Config {
  endpoint?: string;
  region: string;
  bucket: string;
  accessKeyId?: string;
  secretAccessKey?: string;
  forcePathStyle: boolean;
}

export function createS3Storage(cfg: S3Config): Storage {
  const client = new S3Client({
    region: cfg.region, endpoint: cfg.endpoint, forcePathStyle: cfg.forcePathStyle,
    ...(cfg.accessKeyId && cfg.secretAccessKey && { credentials: { accessKeyId: cfg.accessKeyId, secretAccessKey: cfg.secretAccessKey } }),
  });
  return {
    kind: 's3',
    async presignUpload(key, { contentType, maxBytes, expiresSeconds }) {
      const { url, fields } = await createPresignedPost(client, {
        Bucket: cfg.bucket, Key: key, Expires: expiresSeconds,
        Conditions: [['content-length-range', 1, maxBytes], ['eq', '$Content-Type', contentType]],
        Fields: { 'Content-Type': contentType },
      });
      return { url, fields };
    },
    async head(key) {
      try {
        const out = await client.send(new HeadObjectCommand({ Bucket: cfg.bucket, Key: key }));
        return { size: out.ContentLength ?? 0, contentType: out.ContentType ?? null };
      } catch (err) {
        if (err instanceof NotFound || (err as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404) return null;
        throw err;
      }
    },
    downloadUrl(key, { filename, expiresSeconds }) {
      const disposition = `attachment; filename*=UTF-8''${encodeURIComponent(filename)}`;
      return getSignedUrl(client, new GetObjectCommand({ Bucket: cfg.bucket, Key: key, ResponseContentDisposition: disposition }), { expiresIn: expiresSeconds });
    },
    async put(key, data, contentType) {
      await client.send(new PutObjectCommand({ Bucket: cfg.bucket, Key: key, Body: data, ContentType: contentType }));
    },
    async get(key) {
      try {
        const out = await client.send(new GetObjectCommand({ Bucket: cfg.bucket, Key: key }));
        return out.Body ? await out.Body.transformToByteArray() : null;
      } catch (err) {
        if (err instanceof NoSuchKey || (err as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404) return null;
        throw err;
      }
    },
    async delete(key) {
      await client.send(new DeleteObjectCommand({ Bucket: cfg.bucket, Key: key }));
    },
    async move(from, to) {
      // S3 has no rename: copy (type and all), then delete. The copy source is URL-encoded, key segment by segment.
      const source = `${cfg.bucket}/${from.split('/').map(encodeURIComponent).join('/')}`;
      await client.send(new CopyObjectCommand({ Bucket: cfg.bucket, Key: to, CopySource: source, MetadataDirective: 'COPY' }));
      await client.send(new DeleteObjectCommand({ Bucket: cfg.bucket, Key: from }));
    },
    async check() {
      await client.send(new HeadBucketCommand({ Bucket: cfg.bucket }));
    },
  };
}
