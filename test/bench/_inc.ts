import { Engine, DEFAULT_ANALYZE_OPTIONS, type IncrementalState } from '../../server/src/engine/analyzer';
import { SourceDocument } from '../../server/src/engine/document';
import { generatedGo, generatedTs } from './corpus';
(async () => {
  const engine = await Engine.create({ grammarDir: '/work/main/grammars' });
  for (const [lang, text0] of [['go', generatedGo(2000)], ['typescript', generatedTs(2000)]] as const) {
    const doc = new SourceDocument('/x/big', lang, 1, text0, (l, t, o) => engine.parse(l, t, o));
    let state: IncrementalState | undefined;
    const opts = { ...DEFAULT_ANALYZE_OPTIONS, editing: true };
    const T: number[] = []; const P: number[] = []; let regions = 0;
    for (let i = 0; i < 200; i++) {
      const line = 40 + ((i * 37) % 1900);
      const t0 = performance.now();
      if (i % 2 === 0) doc.update([{ range: { start: { line, character: 2 }, end: { line, character: 2 } }, text: 'x' }], i + 2);
      else { const l = 40 + (((i - 1) * 37) % 1900); doc.update([{ range: { start: { line: l, character: 2 }, end: { line: l, character: 3 } }, text: '' }], i + 2); }
      const t1 = performance.now();
      const a = engine.analyzeTree('/x/big.' + lang, lang, doc.text, doc.tree!, opts, undefined, { key: 'k', changed: doc.takeChanges(), ...(state ? { previous: state } : {}) });
      state = a.state; if (a.region) regions++;
      T.push(performance.now() - t1); P.push(t1 - t0);
    }
    const q = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * p)]!.toFixed(2);
    console.log(lang, 'analyze p50', q(T, 0.5), 'p99', q(T, 0.99), 'update+parse p50', q(P, 0.5), 'regions', regions);
  }
})();
