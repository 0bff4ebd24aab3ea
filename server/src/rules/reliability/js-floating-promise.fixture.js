import { promises as fs } from 'node:fs';


async function audit(event, order) {
  await fs.appendFile('/var/log/orders.log', `${event} ${order.id}\n`);
}

const notify = async (order) => {
  await fetch('http://mailer:8080/send', { method: 'POST', body: JSON.stringify(order), signal: AbortSignal.timeout(2000) });
};

async function report(event) {
  try {
    await fetch(`http://metrics:8080/${event}`, { signal: AbortSignal.timeout(1000) });
  } catch (err) {
    console.warn('metrics unavailable', err);
  }
}

export function onEach(items, emit) {
  for (const item of items) {
    // ok: js-floating-promise
    emit(item);
  }
}

class MemoryStore {
  items = new Map();

  persist(order) {
    this.items.set(order.id, order);
  }

  snapshot(order) {
    // ok: js-floating-promise
    this.persist(order);
    // ok: js-floating-promise
    report('snapshot');
  }
}

export class OrderService {
  async persist(order) {
    await fs.writeFile(`/data/${order.id}.json`, JSON.stringify(order));
  }

  async place(order) {
    // ruleid: js-floating-promise
    this.persist(order);
    // ruleid: js-floating-promise
    audit('placed', order);
    // ruleid: js-floating-promise
    notify(order).then(() => console.log('mailed', order.id));
    // ruleid: js-floating-promise
    fetch(`http://warehouse:8080/reserve/${order.id}`, { signal: AbortSignal.timeout(2000) });
    // ruleid: js-floating-promise
    Promise.all([audit('a', order), audit('b', order)]);
    // ok: js-floating-promise
    await this.persist(order);
    // ok: js-floating-promise
    void audit('placed', order);
    // ok: js-floating-promise
    notify(order).catch((err) => console.error('mail failed', err));
    // ok: js-floating-promise
    audit('x', order).then(() => undefined, (err) => console.error(err));
    // ok: js-floating-promise
    console.log('placed', order.id);
    // ok: js-floating-promise
    this.validate(order);
    return order;
  }

  validate(order) {
    if (order.total < 0) throw new Error('negative total');
  }
}
