/**
 * Starts `temporal server start-dev` as a child process and waits until its
 * frontend answers. `dbFile: null` keeps history in memory (tests); a path
 * keeps it across restarts (npm start).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { Connection } from '@temporalio/client';
import { SEARCH_ATTRIBUTES } from '../../workflows/search-attributes';

export interface TemporalDevServer {
  address: string;
  uiUrl: string | null;
  process: ChildProcess;
  stop(): Promise<void>;
}

export async function startTemporalDevServer(opts: {
  /** `uiPort: null` runs headless (tests). */
  cliPath: string; port: number; uiPort: number | null; dbFile: string | null; namespace?: string;
}): Promise<TemporalDevServer> {
  const args = [
    'server', 'start-dev', '--ip', '127.0.0.1', '--port', String(opts.port),
    ...(opts.uiPort === null ? ['--headless'] : ['--ui-port', String(opts.uiPort)]),
    '--namespace', opts.namespace ?? 'default', '--log-level', 'error',
    ...(opts.dbFile ? ['--db-filename', opts.dbFile] : []),
    ...SEARCH_ATTRIBUTES.flatMap((k) => ['--search-attribute', `${k.name}=Keyword`]),
  ];
  const child = spawn(opts.cliPath, args, { stdio: ['ignore', 'ignore', 'pipe'], detached: false });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => { stderr = (stderr + d.toString()).slice(-4000); });
  const address = `127.0.0.1:${opts.port}`;
  const stop = () => stopChild(child);
  try {
    await waitForTemporal(address, child, () => stderr);
  } catch (err) {
    await stop();
    throw err;
  }
  return { address, uiUrl: opts.uiPort === null ? null : `http://localhost:${opts.uiPort}`, process: child, stop };
}

export async function waitForTemporal(address: string, child?: ChildProcess, stderr?: () => string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child && child.exitCode !== null) throw new Error(`Temporal dev server exited (code ${child.exitCode}): ${stderr?.() ?? ''}`);
    try {
      const connection = await Connection.connect({ address, connectTimeout: 1000 });
      try {
        await connection.workflowService.getSystemInfo({});
        return;
      } finally {
        await connection.close();
      }
    } catch (err) {
      if (Date.now() > deadline) throw new Error(`Temporal at ${address} did not become ready: ${String(err)}`);
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}

/** SIGTERM, then SIGKILL if it lingers. Resolves once the process is gone. */
export function stopChild(child: ChildProcess, graceMs = 5000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
