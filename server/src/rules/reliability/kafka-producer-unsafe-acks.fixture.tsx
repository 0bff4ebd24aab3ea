import { Kafka, type Producer } from 'kafkajs';

const kafka = new Kafka({ clientId: 'checkout', brokers: ['kafka:9092'] });

// ruleid: kafka-producer-unsafe-acks
export const producer: Producer = kafka.producer({ retry: { retries: 0 } });
// ok: kafka-producer-unsafe-acks
export const safeProducer: Producer = kafka.producer({ idempotent: true, retry: { retries: 8 } });

export async function publish(orderId: string): Promise<void> {
  await producer.send({
    topic: 'orders',
    messages: [{ key: orderId, value: JSON.stringify({ orderId }) }],
    // ruleid: kafka-producer-unsafe-acks
    acks: 0,
  });
  // ruleid: kafka-producer-unsafe-acks
  await producer.send({ topic: 'clicks', messages: [{ value: orderId }], 'acks': 0 });
  // ok: kafka-producer-unsafe-acks
  await safeProducer.send({ topic: 'payments', messages: [{ value: orderId }], acks: -1 });
  // ok: kafka-producer-unsafe-acks
  await safeProducer.send({ topic: 'audit', messages: [{ value: orderId }] });
  // ok: kafka-producer-unsafe-acks
  const backoff = { retries: 0, factor: 2 };
  // ok: kafka-producer-unsafe-acks
  console.log(backoff, { attempts: 0, acks: 1 });
}
