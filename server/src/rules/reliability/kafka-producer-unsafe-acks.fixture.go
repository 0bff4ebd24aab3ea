package events

import (
	"github.com/IBM/sarama"
	"github.com/segmentio/kafka-go"
)

func NewSaramaProducer(brokers []string) (sarama.SyncProducer, error) {
	config := sarama.NewConfig()
	// ruleid: kafka-producer-unsafe-acks
	config.Producer.RequiredAcks = sarama.NoResponse
	// ruleid: kafka-producer-unsafe-acks
	config.Producer.Retry.Max = 0
	// ok: kafka-producer-unsafe-acks
	config.Producer.Return.Successes = true
	return sarama.NewSyncProducer(brokers, config)
}

func NewSafeSarama(brokers []string) (sarama.SyncProducer, error) {
	config := sarama.NewConfig()
	// ok: kafka-producer-unsafe-acks
	config.Producer.RequiredAcks = sarama.WaitForAll
	// ok: kafka-producer-unsafe-acks
	config.Producer.Retry.Max = 5
	return sarama.NewSyncProducer(brokers, config)
}

func NewWriters(brokers []string) []*kafka.Writer {
	return []*kafka.Writer{
		// ruleid: kafka-producer-unsafe-acks
		&kafka.Writer{Addr: kafka.TCP(brokers...), Topic: "orders"},
		{
			Addr:  kafka.TCP(brokers...),
			Topic: "clicks",
			// ruleid: kafka-producer-unsafe-acks
			RequiredAcks: kafka.RequireNone,
		},
		// ok: kafka-producer-unsafe-acks
		&kafka.Writer{Addr: kafka.TCP(brokers...), Topic: "payments", RequiredAcks: kafka.RequireAll},
	}
}
