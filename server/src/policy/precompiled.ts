// The policy schema's validator compiled ahead of time. A build (scripts/build.mjs) replaces this module with ajv's
// standalone code for schemas/dfx-policy.schema.json (scripts/policy-validator.mjs), so a bundle never compiles the
// schema at run time; from source (the tests) it is undefined and schema.ts compiles the schema instead.
import type { ValidateFunction } from 'ajv';

export const precompiled: ValidateFunction | undefined = undefined;
