import { once } from 'node:events';
import { setTimeout as delay } from 'node:timers/promises';
import { describe, expect, it, vi } from 'vitest';
import { Queue, Worker } from '../src/worker';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('worker', () => {
  it('processes the queue', async () => {
    const q = new Queue();
    const w = new Worker(q).start();
    q.push({ id: 1 });
    // ruleid: sleep-in-test
    await sleep(500);
    expect(w.processed).toBe(1);
  });

  it('expires cache entries', async () => {
    const c = new Map<string, number>();
    c.set('k', 1);
    // ruleid: sleep-in-test
    await new Promise((r) => setTimeout(r, 100));
    expect(c.size).toBe(1);
  });

  it('retries after a delay', async function () {
    // ruleid: sleep-in-test
    await delay(250);
    expect(true).toBe(true);
  });

  it('processes the queue (event)', async () => {
    const q = new Queue();
    const w = new Worker(q).start();
    q.push({ id: 1 });
    // ok: sleep-in-test
    await once(w, 'processed');
    await vi.waitFor(() => expect(w.processed).toBe(1), { timeout: 5000 });
  });

  it('polls with a bound', async () => {
    const w = new Worker(new Queue()).start();
    const deadline = Date.now() + 5000;
    while (w.processed < 1 && Date.now() < deadline) {
      // ok: sleep-in-test
      await sleep(10);
    }
  });

  it('times out a slow upstream', async () => {
    const fetchSlow = vi.fn(async () => {
      // ok: sleep-in-test
      await sleep(200);
      return 'late';
    });
    // ok: sleep-in-test
    await sleep(0);
    expect(fetchSlow).not.toHaveBeenCalled();
  });
});
