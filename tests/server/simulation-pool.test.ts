// The simulation pool (server/simulation-pool.ts): snippets the server did not ship run in worker
// threads with a wall-clock timeout and a heap limit. Hostile snippets are stopped or refused in the
// worker while a live room served by the same process keeps answering acknowledgements; a stopped
// worker is replaced. Latency bounds are generous (a busy 2-core machine), but far below the time a
// hostile snippet would hold the main thread if it ran there.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simulate } from '../../shared/engine/index.ts';
import { SimulationPool, closeSharedPool, simulateInPool } from '../../server/simulation-pool.ts';
import { TestClient, startServer, type TestServer } from './socket-helpers.ts';

/** How long a runaway snippet may run in a worker; a main thread running it would be blocked as long. */
const TIMEOUT_MS = 3000;
/** The slowest acknowledgement accepted while workers are busy or being killed. */
const ACK_BOUND_MS = TIMEOUT_MS / 2;

describe('simulation pool', () => {
  let pool: SimulationPool;
  let server: TestServer;
  let host: TestClient;
  let room: { code: string; hostToken: string };

  beforeAll(async () => {
    pool = new SimulationPool({ threads: 1, timeoutMs: TIMEOUT_MS, maxHeapMb: 96, maxResultChars: 2_000_000 });
    // The host pings every 20 ms: more than the per-socket event limit allows by default.
    server = await startServer({ limits: { eventsPerSocket: 100_000 } });
    host = new TestClient(server.url);
    const res = await host.ask('room:create', { rounds: 3, secondsPerRound: 10 });
    expect(res.ok).toBe(true);
    room = { code: res.code, hostToken: res.hostToken };
  }, 30_000);

  afterAll(async () => {
    host?.socket.close();
    await server?.close();
    await pool?.close();
    await closeSharedPool();
  });

  /**
   * Runs `work` while the host asks the room for its view every 20 ms; returns the work's answer and
   * the slowest acknowledgement seen meanwhile.
   */
  async function whileRoomIsLive<T>(work: () => Promise<T>): Promise<{ answer: T; slowestAckMs: number; acks: number }> {
    let done = false;
    let slowest = 0;
    let acks = 0;
    const pinger = (async () => {
      while (!done) {
        const start = performance.now();
        const res = await host.ask('host:resume', room);
        if (!res.ok) throw new Error(`host:resume refused: ${JSON.stringify(res)}`);
        slowest = Math.max(slowest, performance.now() - start);
        acks++;
        await new Promise((r) => setTimeout(r, 20));
      }
    })();
    const answer = await work();
    done = true;
    await pinger;
    return { answer, slowestAckMs: slowest, acks };
  }

  it('simulates a snippet in a worker exactly as in-process', async () => {
    const source = "setTimeout(() => console.log('timeout'), 0);\nPromise.resolve().then(() => console.log('then'));\nconsole.log('sync');";
    const answer = await pool.simulate(source);
    expect(answer).toEqual({ ok: true, result: simulate(source) });
  }, 30_000);

  it('passes the engine refusal through with its kind and place', async () => {
    const answer = await pool.simulate('console.log(1;\n');
    expect(answer).toMatchObject({ ok: false, code: 'REFUSED', kind: 'syntax', line: 1 });
    expect((answer as { message: string }).message).toMatch(/\(1:\d+\)$/);
  }, 30_000);

  it('stops a loop the step budget would not stop in time, while the room keeps answering', async () => {
    const { answer, slowestAckMs, acks } = await whileRoomIsLive(() => pool.simulate('let n = 0;\nwhile (true) { n++; }', { stepBudget: 1e15 }));
    expect(answer).toEqual({ ok: false, code: 'TIMEOUT', message: `The simulation took longer than ${TIMEOUT_MS} ms and was stopped; simulate a smaller snippet` });
    expect(acks).toBeGreaterThan(5);
    expect(slowestAckMs).toBeLessThan(ACK_BOUND_MS);
  }, 60_000);

  it('stops a memory bomb at the heap limit, while the room keeps answering', async () => {
    const bomb = 'const a = [];\nwhile (true) a.push(new Array(1e5).fill(7));';
    const { answer, slowestAckMs } = await whileRoomIsLive(() => pool.simulate(bomb, { stepBudget: 1e15 }));
    expect(answer).toMatchObject({ ok: false, code: 'OUT_OF_MEMORY' });
    expect((answer as { message: string }).message).toMatch(/more than 96 MB/);
    expect(slowestAckMs).toBeLessThan(ACK_BOUND_MS);
  }, 60_000);

  it('refuses deep recursion and huge output in the worker', async () => {
    const { answer, slowestAckMs } = await whileRoomIsLive(async () => [
      await pool.simulate('function down(n) { return down(n + 1) + 1; }\ndown(0);'),
      await pool.simulate('for (let i = 0; i < 100000; i++) console.log("line " + i);'),
    ]);
    expect(answer[0]).toMatchObject({ ok: false, code: 'REFUSED', kind: 'budget', line: 1 });
    expect(answer[0].ok ? '' : answer[0].message).toMatch(/^Runaway recursion/);
    // Either the engine's own limits refuse it or the result is too large to send back.
    expect(answer[1].ok).toBe(false);
    expect(answer[1].ok ? '' : answer[1].code).toMatch(/^(REFUSED|TOO_LARGE)$/);
    expect(slowestAckMs).toBeLessThan(ACK_BOUND_MS);
  }, 60_000);

  it('replaces a stopped worker: the next snippet is simulated', async () => {
    const stopped = await pool.simulate('for (;;) {}', { stepBudget: 1e15 });
    expect(stopped).toMatchObject({ ok: false, code: 'TIMEOUT' });
    const next = await pool.simulate("console.log('after');");
    expect(next).toMatchObject({ ok: true, result: { output: ['after'] } });
    expect(pool.workerCount).toBe(1);
  }, 60_000);

  it('simulateInPool: the process-wide pool with the same typed answers', async () => {
    const answer = await simulateInPool("process.nextTick(() => console.log('tick'));\nconsole.log('main');", { module: 'commonjs' });
    expect(answer.ok && answer.result.output).toEqual(['main', 'tick']);
  }, 30_000);

  it('refuses new snippets after close', async () => {
    const closing = new SimulationPool({ threads: 1 });
    await closing.close();
    expect(await closing.simulate('console.log(1)')).toEqual({ ok: false, code: 'POOL_CLOSED', message: 'The simulation pool is shut down' });
  });
});
