// The `.dfx.yaml` policy language, version 1: the TypeScript shape of a policy file as the user writes it.
// This file is the source of truth: the JSON Schema (policy/schema) is generated from / checked against it, and the
// runs, AI and rule code read policies through these types. Quantities stay strings as written ("200ms", "0.1%",
// "100rps"); policy/units.ts parses them, so a bad one can be reported at its position.

/**
 * A duration as written: "250ms", "1.5s", "2m", "1h", "1h30m".
 * @pattern ^\s*(\d+(\.\d+)?(ms|s|m|h|d))+\s*$
 */
export type DurationText = string;
/**
 * A percentage as written: "0.1%", "99.9%".
 * @pattern ^\s*\d+(\.\d+)?\s*%\s*$
 */
export type PercentText = string;
/**
 * A throughput as written: "100rps", "6000rpm".
 * @pattern ^\s*\d+(\.\d+)?\s*(rps|rpm|/s|/m)\s*$
 */
export type RateText = string;

export type Level = 'off' | 'hint' | 'info' | 'warning' | 'error';
export type PillarName = 'reliability' | 'performance' | 'testability' | 'security';
export type PolicyLanguage = 'go' | 'typescript' | 'javascript' | 'python' | 'java' | 'kubernetes';

/** The whole file. Every section is optional; `version: 1` is required. */
export interface Policy {
  /** The policy language version; always 1. */
  version: 1;
  /** Name of the service (or monorepo) this policy governs. */
  service?: string;
  /** Free text: what the service is and what the policy is for. */
  description?: string;
  /** Teams responsible for the service or parts of it (shown in findings and used by runs for notifications). */
  owners?: Owner[];
  /** Languages the policy governs; default: every language found. */
  languages?: PolicyLanguage[];
  /** Globs (relative to the policy's folder) analysed; default: everything. */
  include?: string[];
  /** Globs never analysed, on top of .gitignore. */
  exclude?: string[];
  /** Rule levels and options: by rule id or by pillar name. An id wins over its pillar. */
  rules?: RulesConfig;
  /** Per-path rule settings; later entries win. */
  overrides?: Override[];
  /** Service level objectives: referenced by name from chaos hypotheses and perf scenarios. */
  slos?: Slo[];
  /** Timeouts, retries, circuit breaking and Kubernetes availability requirements. */
  reliability?: ReliabilityPolicy;
  /** Pod Security Standard level, allowed image registries, secret detectors. */
  security?: SecurityPolicy;
  /** Complexity threshold, injection of clock and randomness, test frameworks. */
  testability?: TestabilityPolicy;
  /** Chaos experiments and the guardrails every chaos run must pass. */
  chaos?: ChaosPolicy;
  /** Load-test scenarios. */
  perf?: PerfPolicy;
}

export interface Owner {
  /** Team name. */
  team: string;
  /** Slack channel, e-mail or URL. */
  contact?: string;
  /** Globs this owner is responsible for; default: everything. */
  paths?: string[];
}

/** `rule-id: level` or `rule-id: { level, options }`; the keys may also be pillar names. */
export type RulesConfig = Record<string, Level | RuleSetting>;

export interface RuleSetting {
  /** off | hint | info | warning | error. */
  level?: Level;
  /** Rule-specific thresholds, e.g. `{ maxComplexity: 15 }`; each rule documents its own. */
  options?: Record<string, string | number | boolean | string[]>;
}

export interface Override {
  /** Globs relative to the policy's folder. */
  files: string[];
  /** Rule levels and options for the matching files: by rule id or pillar, as in the top-level `rules`. */
  rules: RulesConfig;
}

/** A service level objective: exactly one of latency / errorRate / throughput / availability. */
export interface Slo {
  /** Unique; referenced from chaos hypotheses and perf thresholds. */
  name: string;
  /** Free text: what the objective protects. */
  description?: string;
  /** What the objective is about: "POST /checkout", a service name, or a URL path. Default: the whole service. */
  endpoint?: string;
  /** Latency bounds per percentile, e.g. `{ p95: 200ms, p99: 500ms }`. */
  latency?: Partial<Record<LatencyPercentile, DurationText>>;
  /** Maximum share of failed requests, e.g. "0.1%". */
  errorRate?: PercentText;
  /** Minimum sustained throughput, e.g. "100rps". */
  throughput?: RateText;
  /** Minimum share of successful probes over the window, e.g. "99.9%". */
  availability?: PercentText;
  /** Window the objective is measured over, e.g. "30d" (informational for runs). */
  window?: DurationText;
}

export type LatencyPercentile = 'p50' | 'p90' | 'p95' | 'p99' | 'p999' | 'max' | 'avg';

export interface ReliabilityPolicy {
  /** Timeouts for outbound calls, by kind of call. */
  timeouts?: {
    /** Default timeout for outbound calls; what "add timeout" fixes insert. */
    default?: DurationText;
    /** HTTP clients (default: `default`). */
    http?: DurationText;
    /** gRPC calls (default: `default`). */
    grpc?: DurationText;
    /** Database queries and connections (default: `default`). */
    database?: DurationText;
    /** Cache clients such as Redis (default: `default`). */
    cache?: DurationText;
  };
  /** How outbound calls retry: what "add retries" fixes generate. */
  retry?: RetryPolicy;
  /** Whether outbound calls must retry (the "no retry" rules only fire when true). */
  requireRetries?: boolean;
  /** Circuit breaker defaults for outbound calls. */
  circuitBreaker?: {
    /** Share of failures that opens the breaker, e.g. "50%". */
    failureThreshold?: PercentText;
    /** Minimum calls in the window before the breaker can open. */
    minimumCalls?: number;
    /** How long the breaker stays open before a half-open trial. */
    openDuration?: DurationText;
  };
  /** What the Kubernetes reliability rules check manifests against. */
  kubernetes?: {
    /** Minimum replicas for Deployments/StatefulSets (k8s-single-replica uses it). Default 2. */
    minReplicas?: number;
    /** Probes every long-running container must have. Default both. */
    requireProbes?: Array<'liveness' | 'readiness' | 'startup'>;
    /** Require resource requests and limits on every container. Default true. */
    requireResources?: boolean;
    /** Defaults a "add resources" fix inserts. */
    defaultResources?: {
      /** What the scheduler reserves per container. */
      requests?: {
        /** CPU request, e.g. "100m". */
        cpu?: string;
        /** Memory request, e.g. "128Mi". */
        memory?: string;
      };
      /** The most a container may use. */
      limits?: {
        /** CPU limit, e.g. "500m". */
        cpu?: string;
        /** Memory limit, e.g. "256Mi". */
        memory?: string;
      };
    };
    /** Require a PodDisruptionBudget for multi-replica workloads. Default true. */
    requirePodDisruptionBudget?: boolean;
  };
}

export interface RetryPolicy {
  /**
   * Total attempts including the first.
   * @minimum 1
   */
  maxAttempts?: number;
  /** How the delay between attempts grows. */
  backoff?: 'exponential' | 'linear' | 'constant';
  /** Delay before the first retry. */
  initialDelay?: DurationText;
  /** Upper bound of the delay between attempts. */
  maxDelay?: DurationText;
  /** Multiplier per attempt for exponential backoff. Default 2. */
  multiplier?: number;
  /** Randomisation of the delay (AWS terms): full, equal or none. */
  jitter?: 'full' | 'equal' | 'none';
  /** What is retried: HTTP status codes and error classes. */
  retryOn?: Array<number | 'timeout' | 'connection-reset' | 'connection-refused' | '5xx' | '429'>;
  /** Per-attempt timeout; default reliability.timeouts.default. */
  perAttemptTimeout?: DurationText;
}

export type PodSecurityLevel = 'privileged' | 'baseline' | 'restricted';

export interface SecurityPolicy {
  /** Kubernetes Pod Security Standard the manifests must meet. */
  baseline?: PodSecurityLevel;
  /** Image registries (prefixes) workloads may pull from, e.g. "ghcr.io/acme/". */
  allowedRegistries?: string[];
  /** Extra secret detectors for the hard-coded secret rule. */
  secretPatterns?: Array<{
    /** Name shown in the finding, e.g. "acme-api-key". */
    name: string;
    /** JavaScript regular expression matching the secret. */
    regex: string;
  }>;
  /** Minimum TLS version outbound clients may allow. */
  minTlsVersion?: '1.2' | '1.3';
}

export interface TestabilityPolicy {
  /** Cyclomatic complexity above which a function is flagged. Default 15. */
  complexityThreshold?: number;
  /** Require the clock to be injected (direct-clock-call fires only when true). Default true. */
  clockInjection?: boolean;
  /** Require randomness to be injected. Default true. */
  randomnessInjection?: boolean;
  /** Test framework per language; "generate tests" writes for it. Default: detected. */
  frameworks?: {
    /** e.g. testing, testify, ginkgo. */
    go?: string;
    /** e.g. vitest, jest, mocha. */
    typescript?: string;
    /** e.g. vitest, jest, mocha. */
    javascript?: string;
    /** e.g. pytest, unittest. */
    python?: string;
    /** e.g. junit5, testng. */
    java?: string;
  };
  /** Require a health endpoint in HTTP services. Default true. */
  requireHealthEndpoint?: boolean;
}

export type ChaosEngine = 'chaos-mesh' | 'litmus';

export interface ChaosPolicy {
  /** Fault injection experiments, run with `genai4dfx chaos run NAME` or from the editor. */
  experiments?: ChaosExperiment[];
  /** Limits every chaos run must pass before anything is applied to a cluster. */
  guardrails?: Guardrails;
}

export interface ChaosExperiment {
  /** Unique; what `genai4dfx chaos run NAME` takes. */
  name: string;
  /** Free text: what the experiment checks. */
  description?: string;
  /** chaos-mesh or litmus. */
  engine: ChaosEngine;
  /**
   * Chaos Mesh: the CRD kind: PodChaos | NetworkChaos | StressChaos | IOChaos | HTTPChaos | TimeChaos | DNSChaos.
   * Litmus: the ChaosExperiment name, e.g. pod-delete, pod-network-latency, pod-cpu-hog.
   */
  kind: string;
  /** Chaos Mesh action within the kind: pod-kill, pod-failure, container-kill, delay, loss, duplicate, corrupt,
   * partition, bandwidth, cpu, memory, latency, fault, abort, delay, time-offset, error, random, ... Ignored for Litmus. */
  action?: string;
  /** Which pods the fault hits. */
  target: ChaosTarget;
  /** How long the fault lasts. Required: every fault ends. */
  duration: DurationText;
  /** Cron schedule; when set, Chaos Mesh runs it through a Schedule object. */
  schedule?: string;
  /** Engine-specific parameters (e.g. `latency: 200ms`, `loss: "25"`, `workers: 2`, `containerNames: [app]`). */
  parameters?: Record<string, string | number | boolean | string[]>;
  /** What must stay true while the fault is injected. */
  hypothesis?: SteadyStateHypothesis;
  /** Load scenario to run while the fault is injected (experiment under load). */
  underLoad?: string;
}

export interface ChaosTarget {
  /** Namespace of the target pods; must be allowed by the guardrails. */
  namespace: string;
  /** Label selector (all must match). */
  labels?: Record<string, string>;
  /** Chaos Mesh selector mode: one | all | fixed | fixed-percent | random-max-percent. */
  mode?: 'one' | 'all' | 'fixed' | 'fixed-percent' | 'random-max-percent';
  /** For fixed / *-percent modes: a count or a percentage as a string ("2", "50"). */
  value?: string;
  /** Litmus: the application kind (deployment, statefulset, ...). */
  kind?: string;
}

export interface SteadyStateHypothesis {
  /** SLO names that must hold during the experiment. */
  slos?: string[];
  /** Optional Prometheus probe. */
  prometheus?: {
    /** Prometheus base URL, e.g. http://prometheus.monitoring:9090 */
    url: string;
    /** PromQL whose (scalar) result is compared with `bound`. */
    query: string;
    /** Comparison the query result must satisfy, e.g. "< 0.01", ">= 0.99". */
    bound: string;
  };
  /** Stop the fault early when the hypothesis breaks (default true). */
  abortOnViolation?: boolean;
  /** How far beyond the SLO a metric may go before the run is stopped early, e.g. "10%". */
  tolerance?: PercentText;
}

export interface Guardrails {
  /** kubeconfig context names (globs) runs may use. Default: any not counted as production. */
  allowedContexts?: string[];
  /** Namespaces (globs) runs may target. Default: none, so chaos needs an explicit allow. */
  allowedNamespaces?: string[];
  /** Context globs that count as production, on top of the built-in names (prod, production, prd, live). */
  productionContexts?: string[];
  /** Whether production contexts may be used at all (then with typed confirmation). Default false. */
  allowProduction?: boolean;
  /** Longest fault allowed. */
  maxDuration?: DurationText;
  /** Most pods one run may hit: a count ("3") or a share of the matching pods ("25%"). */
  maxBlastRadius?: string | number;
  /** Ask before every run. Default true. */
  requireConfirmation?: boolean;
}

export type PerfEngine = 'k6' | 'k6-operator' | 'local';

export interface PerfPolicy {
  /** Load scenarios, run with `genai4dfx perf run NAME` or from the editor. */
  scenarios?: PerfScenario[];
}

export interface PerfScenario {
  /** Unique; what `genai4dfx perf run NAME` takes. */
  name: string;
  /** Free text: what the scenario measures. */
  description?: string;
  /** Default: local (the embedded load generator). */
  engine?: PerfEngine;
  /** A URL (http://localhost:8080/healthz) or, for in-cluster engines, a service: `service: cart.shop:8080/path`. */
  target: string;
  /** HTTP method. Default GET. */
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD' | 'OPTIONS';
  /** Request headers. */
  headers?: Record<string, string>;
  /** Request body. */
  body?: string;
  /** Constant load: virtual users (connections) for a duration. */
  vus?: number;
  /** How long the constant load runs. */
  duration?: DurationText;
  /** Open-model load: requests per second (local and k6 constant-arrival-rate). */
  rate?: RateText;
  /** Ramping load; overrides vus/duration. */
  stages?: Array<{
    /** How long this stage ramps. */
    duration: DurationText;
    /** Virtual users at the end of the stage. */
    target: number;
  }>;
  /** SLO names whose objectives become the thresholds. */
  slos?: string[];
  /** Explicit thresholds, overriding the SLO-derived ones: same keys as an SLO. */
  thresholds?: Pick<Slo, 'latency' | 'errorRate' | 'throughput'>;
  /** k6-operator: runner pods. Default 1. */
  parallelism?: number;
  /** k6-operator / k6: namespace for the TestRun. */
  namespace?: string;
}
