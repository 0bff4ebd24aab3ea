package com.shop.events;

import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;

public class OrderEvents {
    static KafkaProducer<String, String> create(String brokers) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        // ruleid: kafka-producer-unsafe-acks
        props.put(ProducerConfig.ACKS_CONFIG, "0");
        // ruleid: kafka-producer-unsafe-acks
        props.put(ProducerConfig.RETRIES_CONFIG, 0);
        // ruleid: kafka-producer-unsafe-acks
        props.setProperty("acks", "0");
        // ok: kafka-producer-unsafe-acks
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        // ok: kafka-producer-unsafe-acks
        props.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        // ok: kafka-producer-unsafe-acks
        props.put("retries", 5);
        return new KafkaProducer<>(props);
    }
}
