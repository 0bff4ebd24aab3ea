// The JSON Schema of `.dfx.yaml` (schemas/dfx-policy.schema.json, generated from types.ts and committed) and a small
// navigator over it: validation uses it through ajv, completion and hover read keys, enums and descriptions from it.
import Ajv, { type ValidateFunction } from 'ajv';
import schemaJson from '../../../schemas/dfx-policy.schema.json';
import { t } from '../l10n';
import { precompiled } from './precompiled';

/** The subset of JSON Schema the generator emits. */
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  required?: string[];
  anyOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  description?: string;
  pattern?: string;
  minimum?: number;
  $ref?: string;
  definitions?: Record<string, JsonSchema>;
}

/** The committed policy schema. */
export const POLICY_SCHEMA = schemaJson as unknown as JsonSchema;

let validator: ValidateFunction | undefined;

/**
 * The ajv validator: a bundle's is compiled at build time (precompiled.ts); from source it is compiled on first use,
 * once per process, with the options of scripts/policy-validator.mjs.
 */
export function policyValidator(): ValidateFunction {
  validator ??= precompiled ?? new Ajv({ allErrors: true, strict: false }).compile(POLICY_SCHEMA);
  return validator;
}

/** A schema node with its `$ref` followed; `name` is the definition it came from (e.g. DurationText). */
export interface ResolvedSchema {
  schema: JsonSchema;
  name?: string;
  /** The description nearest to the use: the property's own, else the definition's. */
  description?: string;
}

/** Follow `$ref`s (keeping the first description found on the way). */
export function resolveSchema(s: JsonSchema | undefined): ResolvedSchema | undefined {
  let cur = s;
  let name: string | undefined;
  let description = s?.description;
  for (let i = 0; cur?.$ref && i < 10; i++) {
    const def = /^#\/definitions\/(.+)$/.exec(cur.$ref)?.[1];
    name = def;
    cur = def ? POLICY_SCHEMA.definitions?.[decodeURIComponent(def)] : undefined;
    description ??= cur?.description;
  }
  if (!cur) return undefined;
  return { schema: cur, ...(name ? { name } : {}), ...(description ? { description } : {}) };
}

/** The object-like branch of an `anyOf` (for walking into keys), else the schema itself. */
function objectBranch(r: ResolvedSchema): ResolvedSchema {
  if (!r.schema.anyOf) return r;
  for (const b of r.schema.anyOf) {
    const rb = resolveSchema(b);
    if (rb && (rb.schema.properties || rb.schema.type === 'object' || rb.schema.type === 'array')) return { ...rb, description: r.description ?? rb.description };
  }
  return r;
}

/** The schema of one child: a property, an additional property or a sequence item. */
export function childSchema(parent: ResolvedSchema, key: string | number): ResolvedSchema | undefined {
  const p = objectBranch(parent);
  if (typeof key === 'number' || p.schema.type === 'array') return p.schema.items ? resolveSchema(p.schema.items) : undefined;
  const prop = p.schema.properties?.[key];
  if (prop) return resolveSchema(prop);
  const extra = p.schema.additionalProperties;
  return typeof extra === 'object' ? resolveSchema(extra) : undefined;
}

/** The schema at a path of keys from the root, or undefined when the path leaves the schema. */
export function schemaAt(path: readonly (string | number)[]): ResolvedSchema | undefined {
  let cur = resolveSchema(POLICY_SCHEMA);
  for (const k of path) {
    if (!cur) return undefined;
    cur = childSchema(cur, k);
  }
  return cur;
}

/** The keys an object schema names, with their resolved schemas (empty for maps and scalars). */
export function propertiesOf(r: ResolvedSchema): [string, ResolvedSchema][] {
  const p = objectBranch(r);
  return Object.entries(p.schema.properties ?? {}).flatMap(([k, s]) => {
    const rs = resolveSchema(s);
    return rs ? [[k, rs] as [string, ResolvedSchema]] : [];
  });
}

/** The literal values a schema allows (enum / const, through anyOf), for completion and messages. */
export function enumValues(r: ResolvedSchema): unknown[] {
  const out: unknown[] = [];
  const visit = (s: JsonSchema | undefined, depth: number): void => {
    const rs = resolveSchema(s);
    if (!rs || depth > 5) return;
    if (rs.schema.enum) out.push(...rs.schema.enum);
    if (rs.schema.const !== undefined) out.push(rs.schema.const);
    if (rs.schema.type === 'boolean') out.push(true, false);
    for (const b of rs.schema.anyOf ?? []) visit(b, depth + 1);
  };
  visit(r.schema, 0);
  return [...new Set(out)];
}

/** A short human description of what a schema accepts: "a duration such as 200ms", "one of a, b", "a list". */
export function describeSchema(r: ResolvedSchema): string {
  switch (r.name) {
    case 'DurationText':
      return t('a duration such as 200ms, 1.5s or 2m');
    case 'PercentText':
      return t('a percentage such as 0.1% or 99.9%');
    case 'RateText':
      return t('a rate such as 100rps or 6000rpm');
  }
  const values = enumValues(r);
  if (values.length && r.schema.type !== 'boolean') return t('one of {0}', values.map((v) => String(v)).join(', '));
  const type = r.schema.anyOf ? r.schema.anyOf.map((b) => describeSchema(resolveSchema(b) ?? { schema: b })).join(t(' or ')) : r.schema.type;
  switch (type) {
    case 'object':
      return t('a mapping (key: value)');
    case 'array':
      return t('a list');
    case 'string':
      return t('a string');
    case 'number':
      return t('a number');
    case 'integer':
      return t('a whole number');
    case 'boolean':
      return t('true or false');
    default:
      return String(type ?? t('a value'));
  }
}
