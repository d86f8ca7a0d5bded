/**
 * Finds the Temporal CLI: TEMPORAL_CLI_PATH, else `temporal` on PATH, else the
 * cached build under ~/.cache/ez360pm/, else builds it once there with
 * `go install` (v1.5.1: later tags carry a replace directive that
 * `go install` refuses). The build goes to a temporary GOBIN and is renamed
 * into place, so concurrent first runs cannot leave a half-written binary.
 */
import { spawn, spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';

export const TEMPORAL_CLI_MODULE = 'github.com/temporalio/cli/cmd/temporal@v1.5.1';

export function cacheDir(): string {
  return join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'ez360pm');
}

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function onPath(name: string): string | null {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir && executable(join(dir, name))) return join(dir, name);
  }
  return null;
}

export class TemporalCliMissing extends Error {}

export async function findTemporalCli(opts: { build?: boolean; say?: (line: string) => void } = {}): Promise<string> {
  const say = opts.say ?? ((line: string) => process.stderr.write(line + '\n'));
  const explicit = process.env.TEMPORAL_CLI_PATH;
  if (explicit) {
    if (executable(explicit)) return explicit;
    throw new TemporalCliMissing(`TEMPORAL_CLI_PATH=${explicit} is not an executable file.`);
  }
  const found = onPath('temporal');
  if (found) return found;
  const cached = join(cacheDir(), 'temporal');
  if (executable(cached)) return cached;
  if (opts.build === false) throw new TemporalCliMissing(`The Temporal CLI is not built yet; run \`npm run temporal-cli\`.`);
  await buildTemporalCli(cached, say);
  return cached;
}

async function buildTemporalCli(target: string, say: (line: string) => void): Promise<void> {
  const go = onPath('go') ?? (existsSync('/usr/local/go/bin/go') ? '/usr/local/go/bin/go' : null);
  if (!go || spawnSync(go, ['version']).status !== 0) {
    throw new TemporalCliMissing([
      'The Temporal CLI was not found and Go is not installed to build it. Provide it one of three ways:',
      '  1. set TEMPORAL_CLI_PATH to a `temporal` binary;',
      '  2. put `temporal` on your PATH (https://docs.temporal.io/cli);',
      `  3. install Go 1.25+ and run \`npm run temporal-cli\` to build ${TEMPORAL_CLI_MODULE} into ${cacheDir()}.`,
    ].join('\n'));
  }
  mkdirSync(cacheDir(), { recursive: true });
  const gobin = mkdtempSync(join(cacheDir(), 'build-'));
  say(`Building the Temporal CLI from source (${TEMPORAL_CLI_MODULE}) into ${cacheDir()}.`);
  say('This happens once; it usually takes 3–6 minutes on 2 cores. Later runs reuse the binary.');
  const started = Date.now();
  const ticker = setInterval(() => say(`  …still building (${Math.round((Date.now() - started) / 1000)} s)`), 20_000);
  try {
    await new Promise<void>((resolve, reject) => {
      const child = spawn(go, ['install', '-v', TEMPORAL_CLI_MODULE], {
        env: { ...process.env, GOBIN: gobin, GOFLAGS: '-mod=mod' },
        stdio: ['ignore', 'inherit', 'pipe'],
      });
      let count = 0;
      let reported = 0;
      let tail = '';
      child.stderr.on('data', (chunk: Buffer) => {
        const text = chunk.toString();
        tail = (tail + text).slice(-4000);
        // `go install -v` names each package as it compiles: report a count, not a flood.
        count += text.split('\n').filter((l) => l && !l.startsWith('go: downloading')).length;
        if (count - reported >= 100) {
          reported = count;
          say(`  compiled ${count} packages…`);
        }
      });
      child.on('error', reject);
      child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`go install failed (exit ${code}):\n${tail}`))));
    });
    renameSync(join(gobin, 'temporal'), target);
    say(`Temporal CLI ready in ${Math.round((Date.now() - started) / 1000)} s: ${target}`);
  } finally {
    clearInterval(ticker);
    rmSync(gobin, { recursive: true, force: true });
  }
}
