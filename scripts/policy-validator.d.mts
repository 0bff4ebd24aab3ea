// Types of scripts/policy-validator.mjs, for the test that loads it.
export declare function policyValidatorSource(root: string): string;
