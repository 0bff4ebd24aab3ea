// The offline "add retries" generator: wrap the call under the cursor in the language's idiomatic retry, with the
// policy's defaults, reusing the project's retry library when it has one, else a small inlined helper.
import type { Node } from 'web-tree-sitter';
import type { LanguageId } from '../engine/languages';
import type { TextChange } from '../engine/types';
import { parseDuration } from '../policy/units';
import type { Policy } from '../policy/types';

/** Retry settings in numbers, from `reliability.retry` and `reliability.timeouts` of the policy. */
export interface RetrySpec {
  maxAttempts: number;
  initialDelayMs: number;
  maxDelayMs: number;
  multiplier: number;
  perAttemptTimeoutMs: number;
}

/** Documented defaults when the policy says nothing: 3 attempts, 200 ms doubling to 5 s, full jitter, 10 s per attempt. */
export const DEFAULT_RETRY_SPEC: RetrySpec = { maxAttempts: 3, initialDelayMs: 200, maxDelayMs: 5000, multiplier: 2, perAttemptTimeoutMs: 10_000 };

const ms = (t: string | undefined, d: number): number => {
  const p = t === undefined ? undefined : parseDuration(t);
  return p?.ok && p.value > 0 ? p.value : d;
};

/** The retry spec of a policy (or the defaults). */
export function retrySpec(policy: Policy | undefined): RetrySpec {
  const r = policy?.reliability?.retry;
  const t = policy?.reliability?.timeouts;
  const d = DEFAULT_RETRY_SPEC;
  return {
    maxAttempts: r?.maxAttempts && r.maxAttempts >= 1 ? Math.min(10, Math.floor(r.maxAttempts)) : d.maxAttempts,
    initialDelayMs: ms(r?.initialDelay, d.initialDelayMs),
    maxDelayMs: ms(r?.maxDelay, d.maxDelayMs),
    multiplier: r?.multiplier && r.multiplier >= 1 ? r.multiplier : d.multiplier,
    perAttemptTimeoutMs: ms(r?.perAttemptTimeout ?? t?.http ?? t?.default, d.perAttemptTimeoutMs),
  };
}

/** The changes that add retries around `call`, or an error message when the offline generator cannot. */
export function planRetries(call: Node, language: LanguageId, text: string, spec: RetrySpec, library: string | undefined): TextChange[] | string {
  if (isAlreadyWrapped(call)) return 'this call is already inside a retry';
  if (language === 'python') return python(call, text, spec, library);
  if (language === 'java') return java(call, text, spec, library);
  if (language === 'go') return go(call, text, spec, library);
  return js(call, text, spec, library, language !== 'javascript');
}

function isAlreadyWrapped(call: Node): boolean {
  for (let n = call.parent; n; n = n.parent) if (/withRetry|with_retry|pRetry|Retrying|retry\.execute|retryPolicy\.execute|backoff\.Retry/.test(n.type === 'call_expression' || n.type === 'call' || n.type === 'method_invocation' ? (n.childForFieldName('function') ?? n.childForFieldName('name'))?.text ?? '' : '')) return true;
  return false;
}

const end = (text: string): TextChange => ({ start: text.length, end: text.length, newText: '' });

function js(call: Node, text: string, s: RetrySpec, library: string | undefined, ts: boolean): TextChange[] {
  const changes: TextChange[] = [];
  const c = call.text;
  if (library === 'p-retry') {
    if (!/from\s+['"]p-retry['"]|require\(['"]p-retry['"]\)/.test(text)) changes.push({ start: 0, end: 0, newText: "import pRetry from 'p-retry';\n" });
    changes.push({ start: call.startIndex, end: call.endIndex, newText: `pRetry(() => ${c}, { retries: ${s.maxAttempts - 1}, factor: ${s.multiplier}, minTimeout: ${s.initialDelayMs}, maxTimeout: ${s.maxDelayMs}, randomize: true })` });
    return changes;
  }
  if (library === 'cockatiel') return cockatiel(call, text, s, ts);
  changes.push({ start: call.startIndex, end: call.endIndex, newText: `withRetry(() => ${c})` });
  if (!/function withRetry\b/.test(text)) {
    const T = ts ? '<T>' : '';
    const ty = (t: string): string => (ts ? `: ${t}` : '');
    const helper = `
/**
 * Retries \`call\` with exponential backoff and full jitter: ${s.maxAttempts} attempts, ${s.initialDelayMs} ms doubling up to ${s.maxDelayMs} ms,
 * ${s.perAttemptTimeoutMs} ms per attempt. Only retryable failures are retried: network errors, timeouts, HTTP 429 and 5xx.
 * (Added by genai4dfx from the policy's reliability.retry defaults.)
 */
async function withRetry${T}(call${ty(`() => Promise<T>`)})${ty('Promise<T>')} {
  const retryable = (status${ty('number')})${ty('boolean')} => status === 429 || status >= 500;
  for (let attempt = 1; ; attempt++) {
    let timer${ty('ReturnType<typeof setTimeout> | undefined')};
    try {
      const timeout = new Promise${ts ? '<never>' : ''}((_, reject) => {
        timer = setTimeout(() => reject(Object.assign(new Error('attempt timed out after ${s.perAttemptTimeoutMs} ms'), { name: 'TimeoutError' })), ${s.perAttemptTimeoutMs});
      });
      const result = await Promise.race([call(), timeout]);
      const status = ${ts ? '(result as { status?: unknown } | null)' : 'result'}?.status;
      if (attempt < ${s.maxAttempts} && typeof status === 'number' && retryable(status)) throw Object.assign(new Error(\`HTTP \${status}\`), { status, retryableResult: true });
      return result;
    } catch (e) {
      const err = e${ts ? ' as { name?: string; code?: string; status?: number; response?: { status?: number }; retryableResult?: boolean }' : ''};
      const status = err?.status ?? err?.response?.status;
      const transient = err?.name === 'TimeoutError' || err?.name === 'AbortError' || /^(ECONNRESET|ECONNREFUSED|ETIMEDOUT|EAI_AGAIN|UND_ERR)/.test(err?.code ?? '') || (e instanceof TypeError && /fetch failed/.test(e.message)) || (typeof status === 'number' && retryable(status));
      if (attempt >= ${s.maxAttempts} || !transient) throw e;
    } finally {
      clearTimeout(timer);
    }
    const ceiling = Math.min(${s.maxDelayMs}, ${s.initialDelayMs} * ${s.multiplier} ** (attempt - 1));
    await new Promise((resolve) => setTimeout(resolve, Math.random() * ceiling));
  }
}
`;
    changes.push({ ...end(text), newText: (text.endsWith('\n') ? '' : '\n') + helper });
  }
  return changes;
}

function python(call: Node, text: string, s: RetrySpec, library: string | undefined): TextChange[] {
  const changes: TextChange[] = [];
  const secs = (n: number): string => String(n / 1000);
  if (library === 'tenacity') {
    if (!/^\s*import tenacity\b/m.test(text)) changes.push({ start: importEnd(text, 'python'), end: importEnd(text, 'python'), newText: 'import tenacity\n' });
    changes.push({
      start: call.startIndex,
      end: call.endIndex,
      newText: `tenacity.Retrying(stop=tenacity.stop_after_attempt(${s.maxAttempts}), wait=tenacity.wait_random_exponential(multiplier=${secs(s.initialDelayMs)}, max=${secs(s.maxDelayMs)}), retry=tenacity.retry_if_exception(_retryable), reraise=True)(lambda: ${call.text})`,
    });
  } else {
    changes.push({ start: call.startIndex, end: call.endIndex, newText: `_with_retry(lambda: ${call.text})` });
  }
  if (!/def _retryable\b/.test(text)) {
    if (!/^\s*import random\b/m.test(text) && library !== 'tenacity') changes.push({ start: importEnd(text, 'python'), end: importEnd(text, 'python'), newText: 'import random\nimport time\n' });
    const helper = `

def _retryable(exc):
    """Transient failures only: timeouts, dropped connections, HTTP 429 and 5xx (added by genai4dfx)."""
    if isinstance(exc, (TimeoutError, ConnectionError)):
        return True
    response = getattr(exc, "response", None)
    status = getattr(response, "status_code", None) or getattr(exc, "status", None)
    return isinstance(status, int) and (status == 429 or status >= 500) or type(exc).__name__ in ("Timeout", "ConnectTimeout", "ReadTimeout", "ConnectionError")
${library === 'tenacity' ? '' : `

def _with_retry(call):
    """Call \`call\` up to ${s.maxAttempts} times with exponential backoff and full jitter (${s.initialDelayMs} ms doubling up to ${s.maxDelayMs} ms).

    Only transient failures are retried. Give the call its own timeout (e.g. requests' timeout=${secs(s.perAttemptTimeoutMs)}): a
    retry cannot interrupt an attempt that hangs. Added by genai4dfx from the policy's reliability.retry defaults.
    """
    for attempt in range(1, ${s.maxAttempts + 1}):
        try:
            result = call()
        except Exception as exc:
            if attempt == ${s.maxAttempts} or not _retryable(exc):
                raise
        else:
            status = getattr(result, "status_code", None)
            if attempt == ${s.maxAttempts} or not (isinstance(status, int) and (status == 429 or status >= 500)):
                return result
        time.sleep(random.uniform(0, min(${secs(s.maxDelayMs)}, ${secs(s.initialDelayMs)} * ${s.multiplier} ** (attempt - 1))))
`}`;
    changes.push({ ...end(text), newText: (text.endsWith('\n') ? '' : '\n') + helper });
  }
  return changes;
}

function importEnd(text: string, language: 'python'): number {
  let at = 0;
  let offset = 0;
  for (const l of text.split('\n')) {
    if (language === 'python' && /^(import\s|from\s+\S+\s+import\s)/.test(l)) at = offset + l.length + 1;
    offset += l.length + 1;
  }
  return Math.min(at, text.length);
}

function java(call: Node, text: string, s: RetrySpec, library: string | undefined): TextChange[] | string {
  let cls: Node | null = call.parent;
  while (cls && cls.type !== 'class_body') cls = cls.parent;
  if (!cls) return 'the call is not inside a class';
  const changes: TextChange[] = [{ start: call.startIndex, end: call.endIndex, newText: `withRetry(() -> ${call.text})` }];
  // The helper throws what the enclosing method declares (precise rethrow keeps the types), so callers compile unchanged.
  let method: Node | null = call.parent;
  while (method && !/^(method_declaration|constructor_declaration|lambda_expression)$/.test(method.type)) method = method.parent;
  const throwsClause = method?.children.find((c) => c?.type === 'throws')?.text.replace(/^throws\s+/, '').trim();
  const throws = throwsClause ? ` throws ${throwsClause}` : '';
  if (library === 'resilience4j') return resilience4j(call, cls, text, s, changes, throwsClause);
  if (!/\bwithRetry\s*\(\s*RetryCall/.test(text)) {
    const helper = `
    /** A call {@link #withRetry} may repeat. */
    @FunctionalInterface
    private interface RetryCall<T> {
        T call()${throws};
    }

    /**
     * Calls {@code call} up to ${s.maxAttempts} times with exponential backoff and full jitter (${s.initialDelayMs} ms doubling up to
     * ${s.maxDelayMs} ms), retrying only transient failures (I/O errors and timeouts). Give each attempt its own timeout
     * (HttpRequest.timeout(Duration.ofMillis(${s.perAttemptTimeoutMs}))). Added by genai4dfx from the policy's retry defaults.
     */
    private static <T> T withRetry(RetryCall<T> call)${throws} {
        for (int attempt = 1; ; attempt++) {
            try {
                return call.call();
            } catch (Exception e) {
                boolean transientFailure = e instanceof java.io.IOException || e instanceof java.util.concurrent.TimeoutException;
                if (attempt >= ${s.maxAttempts} || !transientFailure) {
                    throw e;
                }
                long ceiling = Math.min(${s.maxDelayMs}L, (long) (${s.initialDelayMs}L * Math.pow(${s.multiplier}, attempt - 1)));
                try {
                    Thread.sleep(java.util.concurrent.ThreadLocalRandom.current().nextLong(ceiling + 1));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }
`;
    const close = cls.endIndex - 1;
    changes.push({ start: close, end: close, newText: helper });
  }
  return changes;
}

function go(call: Node, text: string, s: RetrySpec, library: string | undefined): TextChange[] | string {
  // `resp, err := <call>` / `resp, err = <call>` for calls returning (*http.Response, error), or `err := <call>`.
  const list = call.parent;
  const stmt = list?.parent;
  if (list?.type !== 'expression_list' || !stmt || !/short_var_declaration|assignment_statement/.test(stmt.type)) return 'offline retries for Go wrap `x, err := call(...)` or `err := call(...)`; use the AI variant for other shapes';
  const lhs = stmt.childForFieldName('left')?.namedChildren ?? [];
  const fn = call.childForFieldName('function')?.text ?? '';
  let newText: string;
  if (lhs.length === 1) newText = `retry(func() error { return ${call.text} })`;
  else if (lhs.length === 2 && /(^|\.)(Get|Post|Head|PostForm|Do)$/.test(fn)) newText = `retryValue(func() (*http.Response, error) { return ${call.text} })`;
  else return 'offline retries for Go know the result type of HTTP calls (Get, Post, Head, PostForm, Do) and of calls returning only an error; use the AI variant here';
  if (library === 'backoff/v4') return goBackoff(call, text, s, lhs.length === 1);
  const changes: TextChange[] = [{ start: call.startIndex, end: call.endIndex, newText }];
  if (!/func retryValue\[/.test(text)) {
    changes.push(...goImports(text, ['errors', 'math', 'math/rand', 'net', 'net/http', 'time']));
    const helper = `
// retryValue calls call up to ${s.maxAttempts} times with exponential backoff and full jitter (${s.initialDelayMs}ms doubling up to
// ${s.maxDelayMs}ms), retrying only transient failures: network errors and timeouts, and HTTP 429 and 5xx responses.
// Give each attempt its own timeout (an http.Client with Timeout: ${s.perAttemptTimeoutMs} * time.Millisecond). Added by genai4dfx
// from the policy's reliability.retry defaults.
func retryValue[T any](call func() (T, error)) (T, error) {
	for attempt := 1; ; attempt++ {
		v, err := call()
		transient := false
		var netErr net.Error
		if errors.As(err, &netErr) {
			transient = true
		}
		if resp, ok := any(v).(*http.Response); ok && err == nil && resp != nil && (resp.StatusCode == 429 || resp.StatusCode >= 500) {
			transient = true
			if attempt < ${s.maxAttempts} {
				resp.Body.Close()
			}
		}
		if !transient || attempt >= ${s.maxAttempts} {
			return v, err
		}
		ceiling := time.Duration(float64(${s.initialDelayMs}*time.Millisecond) * math.Pow(${s.multiplier}, float64(attempt-1)))
		if ceiling > ${s.maxDelayMs}*time.Millisecond {
			ceiling = ${s.maxDelayMs} * time.Millisecond
		}
		time.Sleep(time.Duration(rand.Int63n(int64(ceiling) + 1)))
	}
}

// retry is retryValue for calls that return only an error.
func retry(call func() error) error {
	_, err := retryValue(func() (struct{}, error) { return struct{}{}, call() })
	return err
}
`;
    changes.push({ ...end(text), newText: (text.endsWith('\n') ? '' : '\n') + helper });
  }
  return changes;
}

/** The changes that import `paths` a Go file does not import yet: into its import block, else as import lines. */
function goImports(text: string, paths: readonly string[]): TextChange[] {
  const missing = paths.filter((p) => !new RegExp(`^\\s*(\\w+\\s+)?"${p.replace('/', '\\/')}"`, 'm').test(text));
  if (!missing.length) return [];
  const block = /^import\s*\(\n/m.exec(text);
  if (block) {
    const at = block.index + block[0].length;
    return [{ start: at, end: at, newText: missing.map((p) => `\t"${p}"\n`).join('') }];
  }
  const single = [...text.matchAll(/^import[ \t]+(\w+[ \t]+)?"[^"]+"[ \t]*$/gm)].at(-1);
  const pkg = /^package\s+\w+.*$/m.exec(text);
  const at = single ? single.index + single[0].length : pkg ? pkg.index + pkg[0].length : 0;
  return [{ start: at, end: at, newText: `${single ? '' : '\n'}${missing.map((p) => `\nimport "${p}"`).join('')}` }];
}

/** The top-level import statements of a file (JS/TS `import_statement`, Java `import_declaration`). */
function lastImportEnd(call: Node, type: string): number | undefined {
  let root: Node = call;
  while (root.parent) root = root.parent;
  const imports = root.namedChildren.filter((n) => n?.type === type);
  return imports.at(-1)?.endIndex;
}

/** cockatiel: a module-level policy (retry with exponential backoff and jitter, wrapped around an aggressive timeout). */
function cockatiel(call: Node, text: string, s: RetrySpec, ts: boolean): TextChange[] {
  const changes: TextChange[] = [];
  const names = ['ExponentialBackoff', 'TaskCancelledError', 'TimeoutStrategy', 'handleWhen', 'retry', 'timeout', 'wrap'];
  const existing = /import\s*\{([^}]*)\}\s*from\s*['"]cockatiel['"]/.exec(text);
  const hasPolicy = /\bconst retryPolicy\b/.test(text);
  if (existing) {
    const have = new Set(existing[1]!.split(',').map((n) => n.trim().split(/\s+as\s+/)[0]!.trim()).filter(Boolean));
    const missing = names.filter((n) => !have.has(n));
    if (missing.length && !hasPolicy) {
      const before = existing[1]!.trimEnd();
      const at = existing.index + existing[0].indexOf('{') + 1 + before.length;
      changes.push({ start: at, end: at, newText: `${before.trim() && !before.endsWith(',') ? ',' : ''} ${missing.join(', ')}` });
    }
  }
  const policy = `// Retries for outbound calls (added by genai4dfx from the policy's reliability.retry defaults): ${s.maxAttempts} attempts in all
// (cockatiel counts the ${s.maxAttempts - 1} retries), exponential backoff with jitter from ${s.initialDelayMs} ms up to ${s.maxDelayMs} ms, ${s.perAttemptTimeoutMs} ms per
// attempt, and only transient failures (timeouts, dropped connections, HTTP 429 and 5xx) are retried.
const retryPolicy = wrap(
  retry(handleWhen(isTransientError).orWhenResult(isTransientResult), {
    maxAttempts: ${s.maxAttempts - 1},
    backoff: new ExponentialBackoff({ initialDelay: ${s.initialDelayMs}, maxDelay: ${s.maxDelayMs}, exponent: ${s.multiplier} }),
  }),
  timeout(${s.perAttemptTimeoutMs}, TimeoutStrategy.Aggressive),
);
`;
  if (!hasPolicy) {
    const importLine = existing ? '' : `import { ${names.join(', ')} } from 'cockatiel';\n`;
    const after = lastImportEnd(call, 'import_statement');
    if (after === undefined) changes.push({ start: 0, end: 0, newText: `${importLine}\n${policy}\n` });
    else changes.push({ start: after, end: after, newText: `\n${importLine}\n${policy}` });
  }
  changes.push({ start: call.startIndex, end: call.endIndex, newText: `retryPolicy.execute(() => ${call.text})` });
  if (!/function isTransientError\b/.test(text)) {
    const ty = (t: string): string => (ts ? `: ${t}` : '');
    const helper = `
/** A failure worth another attempt: a per-attempt timeout, a dropped connection, HTTP 429 or 5xx (added by genai4dfx). */
function isTransientError(e${ty('unknown')})${ty('boolean')} {
  const err = e${ts ? ' as { name?: string; code?: string; status?: number; response?: { status?: number } } | null' : ''};
  const status = err?.status ?? err?.response?.status;
  return e instanceof TaskCancelledError || err?.name === 'TimeoutError' || err?.name === 'AbortError' || /^(ECONNRESET|ECONNREFUSED|ETIMEDOUT|EAI_AGAIN|UND_ERR)/.test(err?.code ?? '') || (e instanceof TypeError && /fetch failed/.test(e.message)) || (typeof status === 'number' && (status === 429 || status >= 500));
}

/** A response worth another attempt: HTTP 429 or 5xx. */
function isTransientResult(result${ty('unknown')})${ty('boolean')} {
  const status = ${ts ? '(result as { status?: unknown } | null)' : 'result'}?.status;
  return typeof status === 'number' && (status === 429 || status >= 500);
}
`;
    changes.push({ ...end(text), newText: (text.endsWith('\n') ? '' : '\n') + helper });
  }
  return changes;
}

/**
 * resilience4j: a `Retry` built from the policy (exponential random backoff, only I/O failures and timeouts), and a
 * `withRetry` that runs the call through `executeCallable` and rethrows what the enclosing method declares, so callers
 * compile unchanged. resilience4j's Retry has no per-attempt timeout (that is its TimeLimiter): the comment says where.
 */
function resilience4j(call: Node, cls: Node, text: string, s: RetrySpec, changes: TextChange[], throwsClause: string | undefined): TextChange[] {
  const declared = (throwsClause ?? '').split(',').map((t) => t.trim()).filter(Boolean);
  if (!/\bwithRetry\s*\(\s*RetryCall/.test(text)) {
    const imports = ['io.github.resilience4j.core.IntervalFunction', 'io.github.resilience4j.retry.Retry', 'io.github.resilience4j.retry.RetryConfig'].filter((i) => !new RegExp(`^\\s*import\\s+${i.replace(/\./g, '\\.')}\\s*;`, 'm').test(text));
    if (imports.length) {
      const after = lastImportEnd(call, 'import_declaration') ?? lastImportEnd(call, 'package_declaration');
      const lines = imports.map((i) => `import ${i};`).join('\n');
      changes.push(after === undefined ? { start: 0, end: 0, newText: `${lines}\n\n` } : { start: after, end: after, newText: `\n${lines}` });
    }
    const name = cls.parent?.childForFieldName('name')?.text ?? 'outbound';
    const throws = declared.length ? ` throws ${declared.join(', ')}` : '';
    const broad = declared.some((t) => /^(java\.lang\.)?(Exception|Throwable)$/.test(t));
    const body = broad
      ? '        return RETRY.executeCallable(call::call);'
      : `        try {
            return RETRY.executeCallable(call::call);
        }${declared.map((t) => ` catch (${t} e) {\n            throw e;\n        }`).join('')} catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }`;
    const helper = `
    /**
     * Retries for outbound calls with resilience4j (added by genai4dfx from the policy's reliability.retry defaults):
     * ${s.maxAttempts} attempts, exponential backoff with jitter from ${s.initialDelayMs} ms (x${s.multiplier}) up to ${s.maxDelayMs} ms, only I/O failures and
     * timeouts. Give each attempt its own timeout (HttpRequest.timeout(Duration.ofMillis(${s.perAttemptTimeoutMs})) or a TimeLimiter).
     */
    private static final Retry RETRY = Retry.of("${name}", RetryConfig.custom()
            .maxAttempts(${s.maxAttempts})
            .intervalFunction(IntervalFunction.ofExponentialRandomBackoff(${s.initialDelayMs}L, ${Number.isInteger(s.multiplier) ? `${s.multiplier}.0` : s.multiplier}, 0.5, ${s.maxDelayMs}L))
            .retryExceptions(java.io.IOException.class, java.util.concurrent.TimeoutException.class)
            .build());

    /** A call {@link #withRetry} may repeat. */
    @FunctionalInterface
    private interface RetryCall<T> {
        T call()${throws};
    }

    /** Runs {@code call} through {@link #RETRY}, rethrowing what the caller declares. */
    private static <T> T withRetry(RetryCall<T> call)${throws} {
${body}
    }
`;
    const close = cls.endIndex - 1;
    changes.push({ start: close, end: close, newText: helper });
  }
  return changes;
}

/**
 * github.com/cenkalti/backoff/v4: `backoff.Retry` (or `backoff.RetryWithData` for an HTTP call's response) with an
 * ExponentialBackOff configured from the policy and bounded by `backoff.WithMaxRetries`; failures that are not
 * transient are made `backoff.Permanent` so they are not retried.
 */
function goBackoff(call: Node, text: string, s: RetrySpec, errorOnly: boolean): TextChange[] {
  const changes: TextChange[] = [];
  changes.push({
    start: call.startIndex,
    end: call.endIndex,
    newText: errorOnly
      ? `backoff.Retry(func() error { return transientErr(${call.text}) }, newRetryBackOff())`
      : `backoff.RetryWithData(func() (*http.Response, error) { return transientHTTP(${call.text}) }, newRetryBackOff())`,
  });
  if (!/func newRetryBackOff\(/.test(text)) {
    changes.push(...goImports(text, ['errors', 'fmt', 'net', 'net/http', 'time', 'github.com/cenkalti/backoff/v4']));
    const helper = `
// newRetryBackOff is the policy's reliability.retry defaults for cenkalti/backoff (added by genai4dfx): ${s.maxAttempts} attempts
// (${s.maxAttempts - 1} retries), exponential backoff with jitter from ${s.initialDelayMs}ms (x${s.multiplier}) up to ${s.maxDelayMs}ms. Give each attempt
// its own timeout (an http.Client with Timeout: ${s.perAttemptTimeoutMs} * time.Millisecond, or a context deadline).
func newRetryBackOff() backoff.BackOff {
	b := backoff.NewExponentialBackOff()
	b.InitialInterval = ${s.initialDelayMs} * time.Millisecond
	b.MaxInterval = ${s.maxDelayMs} * time.Millisecond
	b.Multiplier = ${s.multiplier}
	b.RandomizationFactor = 0.5
	b.MaxElapsedTime = 0
	return backoff.WithMaxRetries(b, ${s.maxAttempts - 1})
}

// transientErr lets backoff retry only network errors and timeouts; anything else is permanent.
func transientErr(err error) error {
	var netErr net.Error
	if err != nil && !errors.As(err, &netErr) {
		return backoff.Permanent(err)
	}
	return err
}

// transientHTTP is transientErr for an HTTP call, and also retries HTTP 429 and 5xx responses.
func transientHTTP(resp *http.Response, err error) (*http.Response, error) {
	if err != nil {
		return resp, transientErr(err)
	}
	if resp.StatusCode == 429 || resp.StatusCode >= 500 {
		resp.Body.Close()
		return nil, fmt.Errorf("transient HTTP status %d", resp.StatusCode)
	}
	return resp, nil
}
`;
    changes.push({ ...end(text), newText: (text.endsWith('\n') ? '' : '\n') + helper });
  }
  return changes;
}
