import * as fs from 'node:fs';
import { Engine } from './server/src/engine/analyzer';
import type { LanguageId } from './server/src/engine/languages';
import type { Node } from 'web-tree-sitter';
(async () => {
  const e = await Engine.create({ grammarDir: __dirname + '/grammars' });
  const [lang, file] = process.argv.slice(2) as [LanguageId, string];
  const t = e.parse(lang, fs.readFileSync(file, 'utf8'));
  const p = (n: Node, d: number, f: string): void => {
    console.log(`${'  '.repeat(d)}${f ? f + ': ' : ''}${n.type}${n.childCount ? '' : ' ' + JSON.stringify(n.text)}`);
    for (let i = 0; i < n.childCount; i++) { const c = n.child(i)!; if (c.isNamed || c.childCount || /^(&&|\|\||and|or|async|default|case)$/.test(c.type)) p(c, d + 1, n.fieldNameForChild(i) ?? ''); }
  };
  p(t.rootNode, 0, '');
})();
