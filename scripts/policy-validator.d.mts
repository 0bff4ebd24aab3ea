// Types of scripts/policy-validator.mjs, for the test that loads it.
export declare const POLICY_AJV_OPTIONS: { allErrors: boolean; strict: boolean };
export declare function policyValidatorSource(root: string): string;
