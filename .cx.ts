import * as fs from 'node:fs';
import { Engine } from './server/src/engine/analyzer';
import { languageForPath } from './server/src/engine/languages';
import { cyclomaticComplexity, FUNCTION_TYPES } from './server/src/rules/lib/complexity';
(async () => {
  const e = await Engine.create({ grammarDir: __dirname + '/grammars' });
  const f = process.argv[2]!;
  const t = e.parse(languageForPath(f)!, fs.readFileSync(f, 'utf8'));
  for (const n of t.rootNode.descendantsOfType([...FUNCTION_TYPES])) console.log(n.startPosition.row + 1, n.type, cyclomaticComplexity(n));
})();
