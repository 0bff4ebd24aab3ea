// Region re-analysis (Engine.analyzeTree with `incremental`): after an edit, the rules marked `local` re-run only on
// the changed top-level declarations and keep their other findings. That is only right if each local rule really
// depends on nothing outside its declaration, so this test edits every rule fixture and example at random (seeded)
// and after each edit compares the incremental findings with a full analysis of the same tree.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Engine, IncrementalState } from '../../server/src/engine/analyzer';
import { DEFAULT_ANALYZE_OPTIONS, topLevelRegion } from '../../server/src/engine/analyzer';
import { isQueryRule } from '../../server/src/engine/define-rule';
import { SourceDocument } from '../../server/src/engine/document';
import { languageForPath } from '../../server/src/engine/languages';
import type { Finding } from '../../server/src/engine/types';
import { RULES } from '../../server/src/rules/index';
import { ROOT, sharedEngine } from '../helpers/engine';
import { JUNK, rng } from '../helpers/random';

const seed = Number(process.env.REGION_SEED ?? 20261125);
const editsPerFile = Number(process.env.REGION_EDITS ?? 12);

/** Analysable files under a folder; under the rules, only fixtures (not the rules' own sources). */
function files(dir: string, fixturesOnly: boolean, out: string[] = []): string[] {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) files(p, fixturesOnly, out);
    else if (languageForPath(p) && (!fixturesOnly || e.name.includes('.fixture.'))) out.push(p);
  }
  return out;
}

function key(f: Finding): string {
  const fix = f.fix ? ` fix ${f.fix.changes.map((c) => `${c.start}-${c.end}:${c.newText}`).join('|')}` : '';
  return `${f.ruleId}@${f.span.start}-${f.span.end} ${f.span.startPos.line}:${f.span.startPos.character}-${f.span.endPos.line}:${f.span.endPos.character} ${f.severity} ${f.message}${fix}`;
}

describe('engine: region re-analysis after edits', function () {
  this.timeout(240_000);
  let engine: Engine;
  before(async () => {
    engine = await sharedEngine();
  });

  it('some rules are local, and each local rule has a query', () => {
    const local = RULES.filter((d) => isQueryRule(d.spec) && d.spec.local);
    assert.ok(local.length >= 1, `only ${local.length} local rules`);
  });

  it('the region is whole top-level declarations around the change', () => {
    const text = 'package a\n\nfunc f() {\n\tx()\n}\n\nfunc g() {\n\ty()\n}\n';
    const tree = engine.parse('go', text);
    try {
      const at = text.indexOf('y()');
      const r = topLevelRegion(tree, at, at + 1);
      assert.equal(text.slice(r.start, r.end), 'func g() {\n\ty()\n}');
    } finally {
      tree.delete();
    }
  });

  it(`agrees with a full analysis after ${editsPerFile} random edits per file (seed ${seed})`, () => {
    const r = rng(seed);
    const all = [...files(path.join(ROOT, 'server/src/rules'), true), ...files(path.join(ROOT, 'examples'), false)];
    let regionRuns = 0;
    let compared = 0;
    for (const file of all) {
      const language = languageForPath(file);
      if (!language) continue;
      let text = fs.readFileSync(file, 'utf8');
      const doc = new SourceDocument(file, language, 1, text, (l, t, old) => engine.parse(l, t, old));
      let state: IncrementalState | undefined;
      const opts = { ...DEFAULT_ANALYZE_OPTIONS, editing: true };
      try {
        for (let i = 0; i <= editsPerFile; i++) {
          if (i > 0) {
            // An edit inside a line, a deleted span, a pasted piece of the file itself, or a whole top-level
            // declaration deleted or renamed (what other declarations' findings may depend on).
            const lines = text.split('\n');
            const offset = (l: number, c: number): number => lines.slice(0, l).reduce((n, s) => n + s.length + 1, 0) + c;
            const pos = (o: number): { line: number; character: number } => {
              const before = text.slice(0, o).split('\n');
              return { line: before.length - 1, character: (before[before.length - 1] ?? '').length };
            };
            const op = r.next();
            let start: number;
            let end: number;
            let insert: string;
            const root = doc.tree?.rootNode;
            const top = root && root.childCount ? root.child(r.int(root.childCount)) : null;
            if (op < 0.25 && top) {
              start = top.startIndex;
              end = top.endIndex;
              insert = r.next() < 0.5 ? '' : text.slice(start, end).replace(/\b([A-Za-z_]\w{2,})\b/, '$1X');
            } else {
              const line = r.int(lines.length);
              const ch = r.int((lines[line]?.length ?? 0) + 1);
              start = offset(line, ch);
              end = start;
              const from = r.int(text.length);
              if (op < 0.45) end = Math.min(text.length, start + 1 + r.int(30));
              insert = op < 0.45 ? '' : op < 0.75 ? r.pick(JUNK) : text.slice(from, from + 1 + r.int(160));
            }
            const range = { start: pos(start), end: pos(end) };
            text = text.slice(0, start) + insert + text.slice(end);
            doc.update([{ range, text: insert }], i + 1);
          }
          assert.equal(doc.text, text);
          const changed = doc.takeChanges();
          const tree = doc.tree;
          if (!tree) {
            state = undefined;
            continue;
          }
          const inc = engine.analyzeTree(file, language, text, tree, opts, undefined, { key: 'k', changed, ...(state ? { previous: state } : {}) });
          state = inc.state;
          if (!inc.region) continue;
          regionRuns++;
          // Against a full analysis of the same tree: an incremental parse of broken code may recover differently
          // from a fresh parse, which is not what this test is about.
          const fresh = engine.analyzeTree(file, language, text, tree, opts);
          const a = inc.findings.map(key);
          const b = fresh.findings.map(key);
          compared++;
          const only = (x: string[], y: string[]): string[] => x.filter((k) => !y.includes(k));
          assert.deepEqual(a, b, `${path.relative(ROOT, file)} after edit ${i} (seed ${seed}): region ${inc.region.start}-${inc.region.end}\n`
            + `only incremental: ${only(a, b).join('\n')}\nonly fresh: ${only(b, a).join('\n')}`);
        }
      } finally {
        doc.dispose();
      }
    }
    assert.ok(regionRuns > all.length, `only ${regionRuns} region runs over ${all.length} files`);
    console.log(`      ${compared} region analyses compared over ${all.length} files`);
  });
});
