// The options of the security rules reach them: custom secret patterns for hard-coded-secret and the minimum TLS
// version for weak-tls-version (the policy fills these from security.secretPatterns and security.minTlsVersion).
import { strict as assert } from 'node:assert';
import type { Engine } from '../../server/src/engine/analyzer';
import { DEFAULT_ANALYZE_OPTIONS } from '../../server/src/engine/analyzer';
import type { LanguageId } from '../../server/src/engine/languages';
import { at, sharedEngine } from '../helpers/engine';

describe('security rule options', () => {
  let engine: Engine;
  before(async () => {
    engine = await sharedEngine();
  });

  function run(id: string, file: string, language: LanguageId, text: string, options?: Record<string, unknown>) {
    const result = engine.analyzeText(file, language, text, {
      ...DEFAULT_ANALYZE_OPTIONS,
      level: (m) => (m.id === id ? m.severity : 'off'),
      ...(options ? { options: (m: { id: string }) => (m.id === id ? options : undefined) } : {}),
    });
    assert.deepEqual(result.failures, []);
    return result.findings.filter((f) => f.ruleId === id);
  }

  it('hard-coded-secret: a custom name=regex pattern finds a token format it does not know', () => {
    const text = 'package billing\n\nvar client = NewClient("acme_0123456789abcdefghijklmn")\n';
    assert.equal(run('hard-coded-secret', 'billing.go', 'go', text).length, 0);
    const found = run('hard-coded-secret', 'billing.go', 'go', text, { patterns: ['acme-token=acme_[a-z0-9]{24}', 'broken'] });
    assert.equal(found.length, 1);
    assert.deepEqual(found[0]?.span.startPos, at(text, '"acme_'));
    assert.match(found[0]?.message ?? '', /acme-token/);
  });

  it('weak-tls-version: minVersion "1.3" also flags TLS 1.2, and the fix writes 1.3', () => {
    const text = 'package gw\n\nimport "crypto/tls"\n\nvar cfg = &tls.Config{MinVersion: tls.VersionTLS12}\n';
    assert.equal(run('weak-tls-version', 'gw.go', 'go', text).length, 0);
    const found = run('weak-tls-version', 'gw.go', 'go', text, { minVersion: '1.3' });
    assert.equal(found.length, 1);
    assert.equal(found[0]?.fix?.changes[0]?.newText, 'tls.VersionTLS13');
  });
});
