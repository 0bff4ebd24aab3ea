// A validator for SARIF 2.1.0 logs, from the schema that @microsoft/jest-sarif ships: the OASIS schema at its
// 2.1.0-rtm.5 revision (the same 52 definitions as the final 2.1.0 schema; it differs from the oasis-tcs/sarif-spec
// copy only in a typo in the `language` pattern and in naming suppression's `status` as the spec text does).
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { ROOT } from '../helpers/engine';

export const SARIF_SCHEMA_PACKAGE = '@microsoft/jest-sarif';
export const SARIF_SCHEMA_FILE = path.join(ROOT, 'node_modules', SARIF_SCHEMA_PACKAGE, 'lib/schemas/sarif-2.1.0-rtm.5.json');

let compiled: ValidateFunction | undefined;

/** Compile the schema once. Throws with what to do when the package is not installed. */
export function sarifValidator(): ValidateFunction {
  if (compiled) return compiled;
  if (!fs.existsSync(SARIF_SCHEMA_FILE)) {
    throw new Error(`the SARIF 2.1.0 schema is missing: ${SARIF_SCHEMA_FILE}; add ${SARIF_SCHEMA_PACKAGE} to devDependencies and run npm ci`);
  }
  const schema = JSON.parse(fs.readFileSync(SARIF_SCHEMA_FILE, 'utf8')) as { $schema: string; id: string; [k: string]: unknown };
  // The schema is draft-04, which Ajv 8 does not load; its keywords mean the same in draft-07 once `id` is `$id`
  // (it uses no boolean exclusiveMinimum/Maximum, the one incompatible change).
  const { $schema: _draft, id, ...rest } = schema;
  // `unicodeRegExp: false`: the rtm.5 `language` pattern has a stray `]`, legal only outside unicode mode.
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  compiled = ajv.compile({ ...rest, $id: id });
  return compiled;
}

/** Validation errors as readable lines ('' when valid). */
export function sarifErrors(log: unknown): string {
  const validate = sarifValidator();
  if (validate(log)) return '';
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`).join('\n');
}
