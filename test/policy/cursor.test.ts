// Where the cursor is in a half-typed policy, from the text alone (completion cannot wait for the YAML to parse).
import * as assert from 'node:assert/strict';
import { cursorContext } from '../../server/src/policy/cursor';

/** The context at the `|` in `text` (the last one: a block scalar indicator may come before it). */
function ctx(text: string): ReturnType<typeof cursorContext> {
  const i = text.lastIndexOf('|');
  return cursorContext(text.slice(0, i) + text.slice(i + 1), i);
}

describe('policy cursor context', () => {
  it('finds the mapping a key is typed in, by indentation', () => {
    assert.deepEqual(ctx('version: 1\nreliability:\n  retry:\n    ma|').path, ['reliability', 'retry']);
    assert.equal(ctx('version: 1\nreliability:\n  retry:\n    ma|').kind, 'key');
    assert.equal(ctx('version: 1\nreliability:\n  retry:\n    ma|').prefix, 'ma');
    assert.deepEqual(ctx('reliability:\n  retry:\n    maxAttempts: 3\n  ti|').path, ['reliability']);
    assert.deepEqual(ctx('reliability:\n  retry: {}\nse|').path, []);
  });

  it('counts list items and walks into them', () => {
    const t = 'slos:\n  - name: a\n    latency: { p95: 1s }\n  - name: b\n    er|';
    assert.deepEqual(ctx(t).path, ['slos', 1]);
    assert.deepEqual(ctx('chaos:\n  experiments:\n    - name: x\n      target:\n        na|').path, ['chaos', 'experiments', 0, 'target']);
    const item = ctx('slos:\n  - name: a\n  - |');
    assert.equal(item.kind, 'item');
    assert.deepEqual(item.path, ['slos', 1]);
  });

  it('knows a value position and a flow list item', () => {
    const v = ctx('reliability:\n  retry:\n    backoff: ex|');
    assert.equal(v.kind, 'value');
    assert.deepEqual(v.path, ['reliability', 'retry', 'backoff']);
    assert.equal(v.prefix, 'ex');
    const f = ctx('chaos:\n  experiments:\n    - name: x\n      hypothesis:\n        slos: [a, b|');
    assert.equal(f.kind, 'item');
    assert.deepEqual(f.path, ['chaos', 'experiments', 0, 'hypothesis', 'slos', 0]);
    assert.equal(f.prefix, 'b');
  });

  it('skips comments, blank lines and block scalars, and survives broken text', () => {
    const t = 'perf:\n  scenarios:\n    - name: s\n      body: |\n        key: not a key\n\n      # a comment\n      me|';
    assert.deepEqual(ctx(t).path, ['perf', 'scenarios', 0]);
    assert.deepEqual(ctx('slos: [\n  - {{{\nrul|').path, []);
    assert.doesNotThrow(() => cursorContext('\t- - : :\n"unterminated: x\n', 12));
  });
});
