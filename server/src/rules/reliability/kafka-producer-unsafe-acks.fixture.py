import json

from confluent_kafka import Producer
from kafka import KafkaProducer


def metrics_producer(brokers):
    # ruleid: kafka-producer-unsafe-acks
    return KafkaProducer(bootstrap_servers=brokers, acks=0)


def order_producer(brokers):
    conf = {
        "bootstrap.servers": brokers,
        # ruleid: kafka-producer-unsafe-acks
        "acks": "0",
        # ruleid: kafka-producer-unsafe-acks
        "retries": 0,
    }
    return Producer(conf)


def audit_producer(brokers):
    # ok: kafka-producer-unsafe-acks
    safe = KafkaProducer(bootstrap_servers=brokers, acks="all", retries=5)
    # ok: kafka-producer-unsafe-acks
    conf = {"bootstrap.servers": brokers, "acks": "all", "linger.ms": 0}
    # ok: kafka-producer-unsafe-acks
    json.dumps({"retries": 0, "status": "failed"}, indent=0)
    return safe, Producer(conf)
