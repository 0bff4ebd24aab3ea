// ajv's standalone code for the `.dfx.yaml` schema: the validator as plain JavaScript, generated at build time so a
// bundle validates a policy without compiling the schema first (the compile cost about 90 ms of every CLI run, one
// policy file or a hundred). scripts/build.mjs puts it in place of server/src/policy/precompiled.ts; run from source
// (the tests), precompiled.ts is empty and schema.ts compiles the schema with the same options.
import Ajv from 'ajv';
import standaloneCode from 'ajv/dist/standalone/index.js';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** The options schema.ts compiles with; the standalone code must be made with the same ones (a test compares them). */
const POLICY_AJV_OPTIONS = { allErrors: true, strict: false };

/** An ES module exporting `precompiled`, the validate function of schemas/dfx-policy.schema.json. */
export function policyValidatorSource(root) {
  const schema = JSON.parse(fs.readFileSync(path.join(root, 'schemas/dfx-policy.schema.json'), 'utf8'));
  const ajv = new Ajv({ ...POLICY_AJV_OPTIONS, code: { source: true, esm: true } });
  ajv.addSchema(schema, 'policy');
  return standaloneCode(ajv, { precompiled: 'policy' });
}
