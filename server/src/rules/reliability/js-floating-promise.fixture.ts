import { promises as fs } from 'node:fs';

interface Order { id: string; total: number }

async function audit(event: string, order: Order): Promise<void> {
  await fs.appendFile('/var/log/orders.log', `${event} ${order.id}\n`);
}

const notify = async (order: Order): Promise<void> => {
  await fetch('http://mailer:8080/send', { method: 'POST', body: JSON.stringify(order), signal: AbortSignal.timeout(2000) });
};

async function report(event: string): Promise<void> {
  try {
    await fetch(`http://metrics:8080/${event}`, { signal: AbortSignal.timeout(1000) });
  } catch (err) {
    console.warn('metrics unavailable', err);
  }
}

export function onEach(items: Order[], emit: (o: Order) => void): void {
  for (const item of items) {
    // ok: js-floating-promise
    emit(item);
  }
}

class MemoryStore {
  private items = new Map<string, Order>();

  persist(order: Order): void {
    this.items.set(order.id, order);
  }

  snapshot(order: Order): void {
    // ok: js-floating-promise
    this.persist(order);
    // ok: js-floating-promise
    report('snapshot');
  }
}

export class OrderService {
  private async persist(order: Order): Promise<void> {
    await fs.writeFile(`/data/${order.id}.json`, JSON.stringify(order));
  }

  async place(order: Order): Promise<Order> {
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

  private validate(order: Order): void {
    if (order.total < 0) throw new Error('negative total');
  }
}
