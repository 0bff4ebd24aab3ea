const PAYMENTS = process.env.PAYMENTS_URL ?? 'http://payments:8080';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export async function charge(order) {
  // ruleid: retry-loop-no-backoff
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      const res = await fetch(`${PAYMENTS}/charge`, { method: 'POST', body: JSON.stringify(order), signal: AbortSignal.timeout(5000) });
      if (res.ok) return await res.json();
    } catch (err) {
      console.warn('charge failed', err);
    }
  }
  throw new Error('payments unavailable');
}

export async function refund(order) {
  // ruleid: retry-loop-no-backoff
  while (true) {
    try {
      return await fetch(`${PAYMENTS}/refund/${order.id}`, { signal: AbortSignal.timeout(5000) });
    } catch {
      await sleep(1000);
    }
  }
}

export async function status(id) {
  let res;
  // ruleid: retry-loop-no-backoff
  do {
    res = await fetch(`${PAYMENTS}/status/${id}`, { signal: AbortSignal.timeout(5000) });
    if (res.status === 200) break;
  } while (true);
  return res;
}

export async function capture(order) {
  // ok: retry-loop-no-backoff
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      return await fetch(`${PAYMENTS}/capture/${order.id}`, { signal: AbortSignal.timeout(5000) });
    } catch {
      await sleep(2 ** attempt * 100 + Math.random() * 100);
    }
  }
  throw new Error('payments unavailable');
}

export async function notifyAll(ids) {
  // ok: retry-loop-no-backoff
  for (let i = 0; i < ids.length; i++) {
    try {
      await fetch(`${PAYMENTS}/notify/${ids[i]}`, { signal: AbortSignal.timeout(5000) });
    } catch {
      return;
    }
  }
  // ok: retry-loop-no-backoff
  for (const id of ids) {
    try {
      await fetch(`${PAYMENTS}/notify/${id}`, { signal: AbortSignal.timeout(5000) });
    } catch {
      break;
    }
  }
}
