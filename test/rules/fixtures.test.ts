// One harness for every rule's annotated fixtures (semgrep style): `ruleid:` lines must be flagged, `ok:` lines
// must not, no other line may be flagged, and a fixable rule's fixes must turn the fixture into its `.fixed` golden.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Engine } from '../../server/src/engine/analyzer';
import { DEFAULT_ANALYZE_OPTIONS } from '../../server/src/engine/analyzer';
import { applyChanges } from '../../server/src/engine/fixes';
import { languageForPath, languageInfo } from '../../server/src/engine/languages';
import type { RuleMeta } from '../../server/src/engine/types';
import { RULES } from '../../server/src/rules/index';
import { ROOT, sharedEngine } from '../helpers/engine';

const RULES_DIR = path.join(ROOT, 'server/src/rules');
const todo = { misses: 0, falseAlarms: 0 };

/** Fixture files of a rule: `<id>.fixture.<ext>` and `<id>.fixture.<n>.<ext>` next to the rule. */
export function fixturesOf(id: string, pillar: string): string[] {
  const dir = path.join(RULES_DIR, pillar);
  return fs.readdirSync(dir).filter((f) => f.startsWith(`${id}.fixture.`)).map((f) => path.join(dir, f));
}

interface Expectations {
  ruleid: Set<number>;
  ok: Set<number>;
  todoruleid: Set<number>;
  todook: Set<number>;
}

function readAnnotations(text: string, comment: string, id: string): Expectations {
  const lines = text.split('\n');
  const exp: Expectations = { ruleid: new Set(), ok: new Set(), todoruleid: new Set(), todook: new Set() };
  const re = new RegExp(`^\\s*${comment.replace(/[/#]/g, '\\$&')}\\s*(ruleid|ok|todoruleid|todook):\\s*([\\w, -]+)$`);
  for (let i = 0; i < lines.length; i++) {
    const m = re.exec(lines[i] ?? '');
    if (!m) continue;
    const ids = (m[2] ?? '').split(/[\s,]+/).filter(Boolean);
    if (!ids.includes(id)) continue;
    let target = i + 1;
    while (target < lines.length && re.test(lines[target] ?? '')) target++;
    exp[m[1] as keyof Expectations].add(target);
  }
  return exp;
}

/** Rule options a fixture sets on a comment line `<comment> fixture-options: {json}` (for rules that are silent by default). */
function fixtureOptions(text: string, comment: string): Record<string, unknown> | undefined {
  const m = new RegExp(`^\\s*${comment.replace(/[/#]/g, '\\$&')}\\s*fixture-options:\\s*(\\{.*\\})\\s*$`, 'm').exec(text);
  return m?.[1] ? (JSON.parse(m[1]) as Record<string, unknown>) : undefined;
}

function annotate(text: string, flagged: Set<number>, exp: Expectations): string {
  return text.split('\n').map((l, i) => {
    const want = exp.ruleid.has(i) ? 'want' : exp.ok.has(i) ? 'ok  ' : '    ';
    const got = flagged.has(i) ? 'GOT ' : '    ';
    return `${String(i + 1).padStart(4)} ${want} ${got}| ${l}`;
  }).join('\n');
}

describe('rule fixtures', function () {
  let engine: Engine;
  before(async () => {
    engine = await sharedEngine();
  });
  after(() => {
    if (todo.misses || todo.falseAlarms) console.log(`      known misses (todoruleid): ${todo.misses}, known false alarms (todook): ${todo.falseAlarms}`);
  });

  for (const rule of RULES) {
    const { id, pillar, fixable } = rule.meta;
    describe(id, () => {
      const files = fixturesOf(id, pillar);
      it('has fixtures with positives and near-miss negatives', () => {
        assert.ok(files.length > 0, `no ${id}.fixture.* next to the rule`);
      });
      for (const file of files) {
        it(`fixture ${path.basename(file)}`, () => {
          const language = languageForPath(file);
          assert.ok(language, `unknown fixture language: ${file}`);
          const text = fs.readFileSync(file, 'utf8');
          const exp = readAnnotations(text, languageInfo(language).lineComment, id);
          assert.ok(exp.ruleid.size > 0, `${path.basename(file)} has no "ruleid: ${id}" annotation`);
          assert.ok(exp.ok.size > 0, `${path.basename(file)} has no "ok: ${id}" annotation`);
          const userOptions = fixtureOptions(text, languageInfo(language).lineComment);
          const opts = { ...DEFAULT_ANALYZE_OPTIONS, level: (m: RuleMeta) => (m.id === id ? m.severity : 'off'), ...(userOptions ? { options: (m: RuleMeta) => (m.id === id ? userOptions : undefined) } : {}) };
          const result = engine.analyzeText(file, language, text, opts);
          assert.deepEqual(result.failures, [], 'the rule threw');
          const flagged = new Set(result.findings.filter((f) => f.ruleId === id).map((f) => f.span.startPos.line));
          const problems: string[] = [];
          for (const l of exp.ruleid) if (!flagged.has(l)) problems.push(`line ${l + 1}: expected a finding`);
          for (const l of flagged) {
            if (exp.ruleid.has(l) || exp.todook.has(l)) continue;
            problems.push(`line ${l + 1}: unexpected finding`);
          }
          for (const l of exp.todoruleid) {
            if (flagged.has(l)) problems.push(`line ${l + 1}: todoruleid now passes: make it ruleid`);
            else todo.misses++;
          }
          for (const l of exp.todook) {
            if (!flagged.has(l)) problems.push(`line ${l + 1}: todook now passes: make it ok`);
            else todo.falseAlarms++;
          }
          if (problems.length) throw new Error(`${problems.join('; ')}\n\n${annotate(text, flagged, exp)}`);
          for (const f of result.findings.filter((x) => x.ruleId === id)) assert.ok(f.message.trim().length > 0, 'empty message');

          const fixedPath = file.replace('.fixture.', '.fixed.');
          const fixes = result.findings.filter((f) => f.ruleId === id && f.fix).map((f) => f.fix!);
          if (!fixable) {
            assert.equal(fixes.length, 0, 'a rule that is not marked fixable produced a fix');
            assert.ok(!fs.existsSync(fixedPath), `${path.basename(fixedPath)} exists but the rule has no fix`);
            return;
          }
          const fixed = applyChanges(text, fixes.flatMap((f) => f.changes));
          if (process.env.UPDATE_FIXTURES) fs.writeFileSync(fixedPath, fixed);
          assert.ok(fs.existsSync(fixedPath), `${path.basename(fixedPath)} is missing (UPDATE_FIXTURES=1 npm test writes it)`);
          assert.equal(fixed, fs.readFileSync(fixedPath, 'utf8'), 'fixed output differs from the golden file');
          const after = engine.analyzeText(file, language, fixed, opts);
          const fixedAgain = after.findings.filter((f) => f.ruleId === id && f.fix);
          assert.equal(fixedAgain.length, 0, 'the fixed file still has fixable findings');
        });
      }
    });
  }
});
