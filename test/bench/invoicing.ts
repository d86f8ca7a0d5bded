/**
 * Invoicing benchmarks (docs/benchmarks.md), each a ratio to a baseline
 * measured in the same run on the same server:
 *  1. Invoice lifecycle throughput: N invoices each sent (PDF, email), reminded
 *     twice a second or two apart, paid in full and closed — completed
 *     lifecycles per second, vs N no-op single-activity workflows per second.
 *     With the CPU each process spent (API + worker in this process, the
 *     Temporal server, PostgreSQL and its backends, the SMTP sink).
 *  2. POST /api/v1/documents with 10 lines: p99 at a fixed arrival rate, vs
 *     GET /healthz at the same rate.
 */
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { Worker } from '@temporalio/worker';
import { startLifecycle } from '../../api/invoices';
import { lifecycleWorkflowId } from '../../domain/documents/lifecycle';
import { cpuMs, httpJson, percentiles, type Stack } from './stack';

const LIFECYCLES = Number(process.env.BENCH_LIFECYCLES ?? 100);
const RATE = Number(process.env.BENCH_RATE ?? 20);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);

type Call = (path: string, cookie: string, method?: string, body?: unknown) => Promise<any>; // eslint-disable-line @typescript-eslint/no-explicit-any

type Timed = Awaited<ReturnType<typeof timed>>;

/** Wall time and CPU of each process while `fn` runs. */
async function timed(stack: Stack, fn: () => Promise<void>) {
  const before = { self: process.cpuUsage(), temporal: cpuMs(stack.pids.temporal), postgres: cpuMs(stack.pids.postgres), mail: cpuMs(stack.pids.mail) };
  const t0 = performance.now();
  await fn();
  const wallMs = performance.now() - t0;
  const self = process.cpuUsage(before.self);
  return {
    wallMs,
    cpu: {
      apiAndWorker: (self.user + self.system) / 1000, temporal: cpuMs(stack.pids.temporal) - before.temporal,
      postgres: cpuMs(stack.pids.postgres) - before.postgres, mail: cpuMs(stack.pids.mail) - before.mail,
    },
  };
}

/** A worker for the no-op baseline on its own task queue, warmed up; `measure` times N at once. */
async function noopBaseline(stack: Stack) {
  const worker = await Worker.create({
    connection: stack.connection, taskQueue: 'bench-noop',
    workflowsPath: fileURLToPath(new URL('./noop-workflow.ts', import.meta.url)), activities: { async benchNoopActivity() {} },
  });
  const running = worker.run();
  const run = (n: number) => Promise.all(Array.from({ length: n }, () =>
    stack.temporal.workflow.execute('benchNoop', { workflowId: `noop-${randomUUID()}`, taskQueue: 'bench-noop', args: [] })));
  await run(10); // warm up
  return {
    measure: () => timed(stack, async () => { await run(LIFECYCLES); }),
    async stop() { worker.shutdown(); await running; },
  };
}

async function lifecycleThroughput(stack: Stack, call: Call, cookie: string, companyId: string) {
  const client = await call('/api/v1/clients', cookie, 'POST', { kind: 'business', name: 'Bench Client', email: 'ap@bench.example', paymentTermsDays: 30 });
  const lines = [{ description: 'Work', quantity: '1', unitPrice: '100.00', taxable: true, taxRate: '8.25' }];
  const invoices: { id: string; number: string }[] = [];
  for (let i = 0; i < LIFECYCLES; i++) invoices.push(await call('/api/v1/documents', cookie, 'POST', { kind: 'invoice', clientId: client.id, lines }));
  const one = async ({ id, number }: { id: string; number: string }) => {
    const now = Date.now();
    await startLifecycle({ temporal: stack.temporal, settings: stack.settings } as never, {
      kind: 'invoice', companyId, documentId: id, actorUserId: null,
      reminderPlan: [{ step: 1, offsetDays: 7, at: now + 1000 }, { step: 2, offsetDays: 14, at: now + 2000 }],
    });
    const handle = stack.temporal.workflow.getHandle(lifecycleWorkflowId('invoice', id));
    // Pay once both reminders have arrived, watching the SMTP server rather than querying the workflow (queries cost workflow tasks).
    while (stack.mail.messages.filter((m) => m.subject.startsWith(`Overdue: invoice ${number} `)).length < 2) await new Promise((r) => setTimeout(r, 250));
    await call(`/api/v1/documents/${id}/payments`, cookie, 'POST', { amount: '108.25', method: 'bank_transfer' });
    await handle.result();
  };
  return timed(stack, async () => { await Promise.all(invoices.map(one)); });
}

/** Fire `fn` RATE times a second for SECONDS (open loop: a slow answer does not slow the arrivals). */
async function atRate(fn: () => Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  const pending: Promise<void>[] = [];
  for (let i = 0; i < RATE * SECONDS; i++) {
    const t = performance.now();
    pending.push(fn().then(() => { out.push(performance.now() - t); }));
    await new Promise((r) => setTimeout(r, 1000 / RATE));
  }
  await Promise.all(pending);
  return out;
}

export async function invoicingReport(stack: Stack, call: Call, cookie: string, companyId: string): Promise<string> {
  // Rounds of baseline then lifecycle, each round's ratio from its own pair: the no-op baseline is
  // not CPU-bound here and its rate swings from run to run (docs/benchmarks.md), so one pair is a
  // coin toss. The median round is the result; every round is printed.
  const noop = await noopBaseline(stack);
  const rounds: { noop: Timed; life: Timed; noopRate: number; lifeRate: number; ratio: number }[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const base = await noop.measure();
    const life = await lifecycleThroughput(stack, call, cookie, companyId);
    const noopRate = LIFECYCLES / (base.wallMs / 1000);
    const lifeRate = LIFECYCLES / (life.wallMs / 1000);
    rounds.push({ noop: base, life, noopRate, lifeRate, ratio: lifeRate / noopRate });
  }
  await noop.stop();
  const median = [...rounds].sort((a, b) => a.ratio - b.ratio)[Math.floor(rounds.length / 2)]!;

  const client = await call('/api/v1/clients', cookie, 'POST', { kind: 'business', name: 'Rate Client', paymentTermsDays: 30 });
  const tenLines = Array.from({ length: 10 }, (_, i) => ({ description: `Line ${i + 1}`, quantity: '1.5', unitPrice: '99.99', taxable: i % 2 === 0, taxRate: '8.25' }));
  const health = percentiles(await atRate(() => httpJson(`${stack.base}/healthz`)));
  const create = percentiles(await atRate(() => call('/api/v1/documents', cookie, 'POST', { kind: 'invoice', clientId: client.id, lines: tenLines })));

  const f = (x: number) => x.toFixed(1).padStart(8);
  const cpu = (c: Timed['cpu']) => `API+worker ${Math.round(c.apiAndWorker)} ms, Temporal ${c.temporal} ms, PostgreSQL ${c.postgres} ms, SMTP sink ${c.mail} ms`;
  return [
    `invoice lifecycle throughput (${LIFECYCLES} at once; send, PDF, email, 2 reminders 1 s apart, payment, close; ${ROUNDS} rounds)`,
    ...rounds.flatMap((r, i) => [
      `  round ${i + 1}: no-op one-activity workflow ${f(r.noopRate)} /s   wall ${Math.round(r.noop.wallMs)} ms   CPU: ${cpu(r.noop.cpu)}`,
      `           invoice lifecycle           ${f(r.lifeRate)} /s   wall ${Math.round(r.life.wallMs)} ms   CPU: ${cpu(r.life.cpu)}`,
      `           ratio                       ${r.ratio.toFixed(2).padStart(8)}×`,
    ]),
    `  median round's ratio                  ${median.ratio.toFixed(2).padStart(8)}×   target ≥ 0.5: ${median.ratio >= 0.5 ? 'met' : 'MISSED'}`,
    '',
    `POST /api/v1/documents (10 lines) at ${RATE}/s for ${SECONDS} s     p50 ms   p99 ms`,
    `  GET /healthz (baseline)                        ${f(health.p50)} ${f(health.p99)}`,
    `  POST /api/v1/documents                         ${f(create.p50)} ${f(create.p99)}`,
    `  ratio (p99)                                    ${(create.p99 / health.p99).toFixed(2).padStart(8)}×`,
  ].join('\n');
}
