import { defineRule, type RuleContext, type RuleMatch } from '../../engine/define-rule';
import { textHas } from '../lib/file-kind';

const ACKS = /^(acks|request\.required\.acks|(ProducerConfig\.)?ACKS_CONFIG|RequiredAcks)$/;
const RETRIES = /^(retries|message\.send\.max\.retries|(ProducerConfig\.)?RETRIES_CONFIG)$/;
const unquote = (s: string): string => s.replace(/^(['"`])(.*)\1$/s, '$2').trim();
const importsKafkaGo = textHas(/"github\.com\/segmentio\/kafka-go"/);

type Problem = 'acks' | 'retries' | 'default-acks' | undefined;

/** What is unsafe about this match: a zero acks, a zero retries, or a kafka-go Writer left at its acks=0 default. */
function problem(m: RuleMatch, ctx: RuleContext): Problem {
  const body = m.get('body');
  if (body) {
    if (m.text('pkg') !== 'kafka' || !importsKafkaGo(ctx.text)) return undefined;
    return body.namedChildren.some((c) => c.type === 'keyed_element' && /^\s*RequiredAcks\s*:/.test(c.text)) ? undefined : 'default-acks';
  }
  const key = unquote(m.text('key'));
  const value = unquote(m.text('value'));
  if (ctx.language === 'go' && m.node.type === 'assignment_statement') {
    if (/\.Producer\.RequiredAcks$/.test(key) && /^(sarama\.NoResponse|0)$/.test(value)) return 'acks';
    return /\.Producer\.Retry\.Max$/.test(key) && value === '0' ? 'retries' : undefined;
  }
  if (key === 'RequiredAcks') return importsKafkaGo(ctx.text) && /^(kafka\.RequireNone|0)$/.test(value) ? 'acks' : undefined;
  // Python keyword arguments count only on a producer: KafkaProducer(acks=0), AIOKafkaProducer(retries=0).
  if (m.node.type === 'keyword_argument' && !/Producer$/.test(m.node.parent?.parent?.childForFieldName('function')?.text ?? '')) return undefined;
  if (value !== '0') return undefined;
  if (ACKS.test(key)) return 'acks';
  if (!RETRIES.test(key)) return undefined;
  // `retries` is a common word: in a dict/object literal it counts only in a producer config (librdkafka-style dotted
  // keys beside it) or as kafkajs' `retry: { retries }` of a `.producer(...)`.
  const literal = m.node.parent;
  if (m.node.type !== 'pair' || !literal) return 'retries';
  const keys = literal.namedChildren.map((c) => unquote(c.childForFieldName('key')?.text ?? ''));
  if (keys.some((k) => /^[a-z]+\.[a-z.]+$/.test(k))) return 'retries';
  const outer = literal.parent?.type === 'pair' ? literal.parent : undefined;
  const call = outer?.parent?.parent?.parent;
  return outer?.childForFieldName('key')?.text === 'retry' && /\.producer$/.test(call?.childForFieldName('function')?.text ?? '') ? 'retries' : undefined;
}

const PAIR = `(pair key: (_) @key value: (_) @value) @match`;

/** A producer that does not wait for the broker, or never retries, loses messages without an error. */
export default defineRule({
  id: 'kafka-producer-unsafe-acks',
  pillar: 'reliability',
  severity: 'warning',
  languages: ['java', 'python', 'go', 'typescript', 'tsx', 'javascript'],
  title: 'Kafka producer with acks=0 or retries=0',
  // Every finding needs a Kafka client in the file; \`acks\` alone would also wake the rule for every "callbacks".
  triggers: ['kafka', 'Kafka', 'KAFKA', 'sarama'],
  query: {
    java: `(method_invocation name: (identifier) @method arguments: (argument_list . (_) @key . (_) @value .)
            (#any-of? @method "put" "setProperty")) @match`,
    python: `(keyword_argument name: (identifier) @key value: (_) @value (#any-of? @key "acks" "retries")) @match ${PAIR}`,
    go: `
      (assignment_statement left: (expression_list . (selector_expression) @key .) right: (expression_list . (_) @value .)) @match
      (keyed_element key: (literal_element (_) @key) value: (literal_element (_) @value)) @match
      (composite_literal type: (qualified_type package: (package_identifier) @pkg name: (type_identifier) @type)
        body: (literal_value) @body (#eq? @type "Writer")) @match`,
    typescript: PAIR,
    tsx: PAIR,
    javascript: PAIR,
  },
  filter: (m, ctx) => problem(m, ctx) !== undefined,
  message: (m, ctx) => {
    const p = problem(m, ctx);
    if (p === 'default-acks') return 'kafka.Writer without RequiredAcks defaults to RequireNone (acks=0): the writer never learns whether the broker stored a message, so broker failures and leader elections lose data silently; set RequiredAcks: kafka.RequireAll';
    if (p === 'retries') return 'producer retries set to 0: a leader election or a brief network error fails the send (and drops the message if nobody checks); keep the client\'s default retries, with enable.idempotence to avoid duplicates';
    return 'producer acks=0: the producer does not wait for the broker, so a broker failure, a full disk or a leader election loses messages with no error anywhere; use acks=all (or at least 1)';
  },
  description: `
A Kafka producer configured to fire and forget: \`acks=0\` (Java \`props.put(ProducerConfig.ACKS_CONFIG, "0")\`,
kafka-python/aiokafka \`KafkaProducer(acks=0)\`, confluent-kafka \`{"acks": 0}\`, kafkajs \`send({ acks: 0 })\`, sarama
\`RequiredAcks = sarama.NoResponse\`, kafka-go \`RequiredAcks: kafka.RequireNone\`), or retries turned off
(\`retries=0\`, sarama \`Producer.Retry.Max = 0\`, kafkajs \`retry: { retries: 0 }\`).

A kafka-go \`kafka.Writer{...}\` literal that does not set \`RequiredAcks\` is flagged too: its documented default is
\`RequireNone\`, i.e. acks=0 (only \`kafka.NewWriter\` turns a zero into \`RequireAll\`).

**Why it matters in production.** With acks=0 the send "succeeds" as soon as the bytes are in the socket buffer; a
broker restart, a full disk or a leader election loses whatever was in flight and nothing reports it. With no
retries, every routine leader election turns into failed sends. Either way events (orders, payments, audit records)
disappear without an error.

**How to fix.** Use \`acks=all\` with the client's default retries and idempotence:

\`\`\`java
props.put(ProducerConfig.ACKS_CONFIG, "all");
props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
\`\`\`

\`\`\`go
w := &kafka.Writer{Addr: kafka.TCP(brokers...), Topic: "orders", RequiredAcks: kafka.RequireAll}
\`\`\`

Metrics or logs that may be lost on purpose can keep acks=0: suppress the finding with a reason.

**Links.** [Kafka producer configs: acks](https://kafka.apache.org/documentation/#producerconfigs_acks),
[kafka-go Writer](https://pkg.go.dev/github.com/segmentio/kafka-go#Writer),
[sarama RequiredAcks](https://pkg.go.dev/github.com/IBM/sarama#RequiredAcks).
`,
});
