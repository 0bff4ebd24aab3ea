import type { RuleDefinition } from '../engine/define-rule';
import { PERFORMANCE } from './performance/index';
import { RELIABILITY } from './reliability/index';
import { SECURITY } from './security/index';
import { TESTABILITY } from './testability/index';

/** The built-in rule catalogue, sorted by id. Each pillar keeps its own index (rules/<pillar>/index.ts). */
export const RULES: readonly RuleDefinition[] = [...PERFORMANCE, ...RELIABILITY, ...SECURITY, ...TESTABILITY].sort((a, b) => (a.meta.id < b.meta.id ? -1 : a.meta.id > b.meta.id ? 1 : 0));
