// Generates schemas/dfx-policy.schema.json (the JSON Schema of `.dfx.yaml`) from the TypeScript types in
// server/src/policy/types.ts, so the schema cannot drift from the code. Run: npx tsx scripts/gen-policy-schema.ts
// test/policy/schema.test.ts regenerates it in memory and fails when the committed file differs. The server validates
// with the committed file; package.json contributes it through `yamlValidation` for the Red Hat YAML extension.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createGenerator } from 'ts-json-schema-generator';

/** Where the committed schema lives. */
export const SCHEMA_FILE = path.resolve(__dirname, '../schemas/dfx-policy.schema.json');
/** The command that regenerates it, for messages. */
export const GENERATE_SCHEMA_COMMAND = 'npx tsx scripts/gen-policy-schema.ts';

/** The schema text as it must be committed. */
export function policySchemaText(): string {
  const root = path.resolve(__dirname, '..');
  const generator = createGenerator({
    path: path.join(root, 'server/src/policy/types.ts'),
    tsconfig: path.join(root, 'tsconfig.json'),
    type: 'Policy',
    skipTypeCheck: true,
    additionalProperties: false,
    jsDoc: 'extended',
    sortProps: true,
  });
  const schema = generator.createSchema('Policy');
  const out = {
    $schema: schema.$schema,
    $id: 'https://github.com/genai4dfx/genai4dfx/blob/main/schemas/dfx-policy.schema.json',
    title: 'genai4dfx DFX policy (.dfx.yaml), version 1',
    $comment: `Generated from server/src/policy/types.ts by ${GENERATE_SCHEMA_COMMAND}; do not edit.`,
    ...schema,
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(__filename)) {
  fs.writeFileSync(SCHEMA_FILE, policySchemaText());
  process.stdout.write(`wrote ${path.relative(process.cwd(), SCHEMA_FILE)}\n`);
}
