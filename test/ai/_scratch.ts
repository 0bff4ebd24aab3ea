import * as fs from 'node:fs';
import * as path from 'node:path';
import { sharedEngine } from '../helpers/engine';
import { copyFixture, runAndApply } from './helpers';
(async () => {
  const engine = await sharedEngine();
  const cases: [string, string, string][] = JSON.parse(process.argv[2]!);
  for (const [sub, file, needle] of cases) {
    const { dir, cleanup } = copyFixture(sub);
    try {
      const r = await runAndApply(engine, path.join(dir, file), needle, 'tests');
      for (const e of r.edits) { console.log(`== ${path.relative(dir, e.path)} :: ${r.summary}`); console.log(fs.readFileSync(e.path, 'utf8')); }
    } catch (e) { console.log(`!! ${file} ${needle}: ${(e as Error).message}`); }
    cleanup();
  }
})();
