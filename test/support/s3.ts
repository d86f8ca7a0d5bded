/**
 * A real S3-compatible server for the suite (s3rver: S3's REST API over local
 * files). It accepts browser POST uploads but, unlike S3, ignores their size
 * policy — which is why the app checks sizes itself before accepting a file.
 */
// @ts-expect-error s3rver ships no type declarations
import S3rver from 's3rver';

export const TEST_BUCKET = 'ez360pm-test';

export interface S3Server {
  endpoint: string;
  stop(): Promise<void>;
}

export async function startS3(directory: string): Promise<S3Server> {
  const server = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory, configureBuckets: [{ name: TEST_BUCKET }] });
  const { port } = (await server.run()) as { port: number };
  return { endpoint: `http://127.0.0.1:${port}`, stop: () => server.close() };
}
