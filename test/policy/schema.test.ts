// The committed JSON Schema is generated from server/src/policy/types.ts and must match it; package.json contributes it.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { GENERATE_SCHEMA_COMMAND, policySchemaText, SCHEMA_FILE } from '../../scripts/gen-policy-schema';
import { POLICY_SCHEMA, propertiesOf, schemaAt } from '../../server/src/policy/schema';
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
