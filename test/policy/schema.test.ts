// The committed JSON Schema is generated from server/src/policy/types.ts and must match it; package.json contributes it;
// the validator a build compiles from it ahead of time agrees with the one compiled at run time.
import type { ValidateFunction } from 'ajv';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import YAML from 'yaml';
import { GENERATE_SCHEMA_COMMAND, policySchemaText, SCHEMA_FILE } from '../../scripts/gen-policy-schema';
import { POLICY_SCHEMA, policyValidator, propertiesOf, schemaAt } from '../../server/src/policy/schema';
import { ROOT } from '../helpers/engine';

describe('policy JSON Schema', function () {
  this.timeout(60_000);

  it(`schemas/dfx-policy.schema.json is up to date with types.ts (${GENERATE_SCHEMA_COMMAND})`, () => {
    assert.equal(fs.readFileSync(SCHEMA_FILE, 'utf8'), policySchemaText(), `the schema is stale: run ${GENERATE_SCHEMA_COMMAND}`);
  });

  it('documents every key a user can write (hover and completion show it)', () => {
    const undocumented: string[] = [];
    const visit = (p: (string | number)[], depth: number): void => {
      const s = schemaAt(p);
      if (!s || depth > 6) return;
      for (const [k, r] of propertiesOf(s)) {
        if (!r.description) undocumented.push([...p, k].join('.'));
        visit([...p, k], depth + 1);
      }
      if (s.schema.type === 'array') visit([...p, 0], depth + 1);
    };
    visit([], 0);
    assert.deepEqual(undocumented, []);
  });

  it('is contributed to the Red Hat YAML extension for .dfx.yaml files and shipped in the package', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { contributes: { yamlValidation: { fileMatch: string[]; url: string }[] } };
    const v = pkg.contributes.yamlValidation.find((x) => x.fileMatch.includes('.dfx.yaml'));
    assert.ok(v);
    assert.equal(path.resolve(ROOT, v.url), SCHEMA_FILE);
    assert.match(fs.readFileSync(path.join(ROOT, '.vscodeignore'), 'utf8'), /^!schemas\/\*\.json$/m);
    assert.equal((POLICY_SCHEMA as { $ref?: string }).$ref, '#/definitions/Policy');
  });
});

describe('docs/policy.md', () => {
  const doc = fs.readFileSync(path.join(ROOT, 'docs/policy.md'), 'utf8');
  it('shows the shop example as it is', () => {
    assert.ok(doc.includes(fs.readFileSync(path.join(ROOT, 'examples/shop/.dfx.yaml'), 'utf8')), 'docs/policy.md must embed examples/shop/.dfx.yaml verbatim');
  });
  it('has the section→rule mapping table as the code has it', async () => {
    const { mappingTable } = await import('../../server/src/policy/mapping');
    assert.ok(doc.includes(mappingTable()), 'update the table in docs/policy.md from mappingTable()');
  });
});

describe('policy validator compiled at build time', function () {
  this.timeout(60_000);

  it('reports exactly what the validator compiled at run time reports, on the example policy and every one-value mutation of it', async () => {
    const { policyValidatorSource } = await import('../../scripts/policy-validator.mjs');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dfx-validator-'));
    try {
      const file = path.join(dir, 'validator.mjs');
      fs.writeFileSync(file, policyValidatorSource(ROOT));
      const { precompiled } = (await import(pathToFileURL(file).href)) as { precompiled: ValidateFunction };
      // From source there is no precompiled validator: this is the schema compiled at run time, with schema.ts's options.
      const runtime = policyValidator();
      const base = YAML.parse(fs.readFileSync(path.join(ROOT, 'examples/shop/.dfx.yaml'), 'utf8')) as unknown;
      // Every value replaced by each kind of wrong value, and every object given an unknown key.
      const variants: unknown[] = [base];
      const visit = (v: unknown, set: (x: unknown) => unknown): void => {
        for (const x of [42, -1, 'text', '', true, null, [], {}, [1], { zz: 1 }]) variants.push(set(x));
        if (Array.isArray(v)) v.forEach((c, i) => visit(c, (x) => set(v.map((o, j) => (j === i ? x : o)))));
        else if (v && typeof v === 'object') {
          variants.push(set({ ...v, notAKey: 1 }));
          for (const k of Object.keys(v)) visit((v as Record<string, unknown>)[k], (x) => set({ ...v, [k]: x }));
        }
      };
      visit(base, (x) => x);
      assert.ok(variants.length > 500, `${variants.length} variants`);
      let invalid = 0;
      for (const doc of variants) {
        const ok = runtime(doc);
        assert.equal(precompiled(doc), ok, JSON.stringify(doc));
        assert.deepEqual(precompiled.errors ?? null, runtime.errors ?? null);
        if (!ok) invalid++;
      }
      assert.ok(invalid > variants.length / 2, `${invalid} of ${variants.length} invalid`);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
