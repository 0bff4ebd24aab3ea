import * as yaml from 'js-yaml';
import { unserialize } from 'node-serialize';

export function session(cookie: string): unknown {
  // ruleid: unsafe-deserialization
  return unserialize(cookie);
}

export function pipeline(text: string): unknown {
  // ruleid: unsafe-deserialization
  return yaml.loadAll(text, undefined, { schema: yaml.DEFAULT_FULL_SCHEMA });
}

export function settings(raw: string): unknown {
  // ruleid: unsafe-deserialization
  return yaml.load(raw, { schema: yaml.DEFAULT_FULL_SCHEMA, json: true });
}

export function pipelineSafe(text: string): unknown {
  // ok: unsafe-deserialization
  return yaml.loadAll(text);
}

export function parse(text: string): unknown {
  // ok: unsafe-deserialization
  return JSON.parse(text);
}

export function settingsSafe(raw: string): unknown {
  // ok: unsafe-deserialization
  return yaml.load(raw, { schema: yaml.JSON_SCHEMA });
}
