// Keeps the manifest localizable: every user-facing string in package.json becomes a %key% whose English text lives in
// package.nls.json and whose Chinese text lives in package.nls.zh-cn.json.
//
//   node scripts/nls.mjs          move new literal strings into package.nls.json, then list keys zh-cn still lacks
//   node scripts/nls.mjs --check  change nothing; exit 1 if a literal is left or a translation is missing
//
// test/engine/l10n.test.ts runs the same check, so a new command title cannot land untranslated.
import * as fs from 'node:fs';
import * as path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const check = process.argv.includes('--check');
const read = (f) => JSON.parse(fs.readFileSync(path.join(root, f), 'utf8'));
const pkg = read('package.json');
const en = read('package.nls.json');
const zh = read('package.nls.zh-cn.json');

/** The user-facing fields of a manifest, with the key each one gets. */
export function localizableFields(manifest) {
  const out = [];
  const add = (obj, field, key) => {
    if (obj && typeof obj[field] === 'string') out.push({ obj, field, key });
  };
  add(manifest, 'displayName', 'displayName');
  add(manifest, 'description', 'description');
  add(manifest.capabilities?.untrustedWorkspaces, 'description', 'capabilities.untrustedWorkspaces.description');
  const c = manifest.contributes ?? {};
  for (const cmd of c.commands ?? []) {
    const id = cmd.command.replace(/^genai4dfx\./, '');
    add(cmd, 'title', `command.${id}.title`);
    add(cmd, 'shortTitle', `command.${id}.shortTitle`);
    add(cmd, 'category', 'command.category');
  }
  const settings = (props, prefix) => {
    for (const [name, schema] of Object.entries(props ?? {})) {
      const k = `${prefix}${name.replace(/^genai4dfx\./, '')}`;
      add(schema, 'description', `config.${k}.description`);
      add(schema, 'markdownDescription', `config.${k}.markdownDescription`);
      add(schema, 'deprecationMessage', `config.${k}.deprecationMessage`);
      if (Array.isArray(schema.enumDescriptions)) {
        // The rule-level enum repeats across settings and shares one key per level; other enums get their own keys.
        const levels = JSON.stringify(schema.enum) === JSON.stringify(['off', 'hint', 'info', 'warning', 'error']);
        schema.enumDescriptions.forEach((_, i) =>
          add(schema.enumDescriptions, i, levels ? `config.level.${schema.enum[i]}.description` : `config.${k}.enum.${schema.enum?.[i] ?? i}`));
      }
      if (Array.isArray(schema.markdownEnumDescriptions)) {
        schema.markdownEnumDescriptions.forEach((_, i) => add(schema.markdownEnumDescriptions, i, `config.${k}.enum.${schema.enum?.[i] ?? i}`));
      }
      if (schema.properties) settings(schema.properties, `${k}.`);
      if (schema.additionalProperties && typeof schema.additionalProperties === 'object') settings({ '*': schema.additionalProperties }, `${k}.`);
      if (schema.items && typeof schema.items === 'object') settings({ items: schema.items }, `${k}.`);
    }
  };
  settings(c.configuration?.properties, '');
  for (const list of Object.values(c.viewsContainers ?? {})) for (const v of list) add(v, 'title', `viewsContainer.${v.id}.title`);
  for (const list of Object.values(c.views ?? {})) {
    for (const v of list) {
      add(v, 'name', `view.${v.id.replace(/^genai4dfx\./, '')}.name`);
      add(v, 'contextualTitle', `view.${v.id.replace(/^genai4dfx\./, '')}.contextualTitle`);
    }
  }
  const welcomeCount = {};
  for (const w of c.viewsWelcome ?? []) {
    const id = w.view.replace(/^genai4dfx\./, '');
    const n = (welcomeCount[id] = (welcomeCount[id] ?? 0) + 1);
    add(w, 'contents', `viewsWelcome.${id}.${n}`);
  }
  for (const w of c.walkthroughs ?? []) {
    add(w, 'title', `walkthrough.${w.id}.title`);
    add(w, 'description', `walkthrough.${w.id}.description`);
    for (const s of w.steps ?? []) {
      add(s, 'title', `walkthrough.${w.id}.${s.id}.title`);
      add(s, 'description', `walkthrough.${w.id}.${s.id}.description`);
      add(s.media, 'altText', `walkthrough.${w.id}.${s.id}.altText`);
    }
  }
  for (const s of c.snippets ?? []) add(s, 'description', `snippets.${path.basename(s.path)}.description`);
  return out;
}

const literal = [];
const missingZh = [];
const unknownKey = [];
for (const { obj, field, key } of localizableFields(pkg)) {
  const value = obj[field];
  const m = /^%(.+)%$/.exec(value);
  if (m) {
    if (!(m[1] in en)) unknownKey.push(m[1]);
    else if (!(m[1] in zh)) missingZh.push(m[1]);
    continue;
  }
  if (check) {
    literal.push(`${key}: ${JSON.stringify(value)}`);
    continue;
  }
  // Same text under the same key is shared (the level descriptions repeat); a clash gets a numbered key.
  let k = key;
  for (let i = 2; k in en && en[k] !== value; i++) k = `${key}.${i}`;
  en[k] = value;
  obj[field] = `%${k}%`;
  if (!(k in zh)) missingZh.push(k);
}
const sortKeys = (o) => Object.fromEntries(Object.entries(o).sort(([a], [b]) => a.localeCompare(b)));
if (!check) {
  fs.writeFileSync(path.join(root, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
  fs.writeFileSync(path.join(root, 'package.nls.json'), `${JSON.stringify(sortKeys(en), null, 2)}\n`);
}
const extra = Object.keys(zh).filter((k) => !(k in en));
const problems = [
  ...literal.map((l) => `not localized: ${l}`),
  ...unknownKey.map((k) => `%${k}% is not in package.nls.json`),
  ...[...new Set(missingZh)].map((k) => `package.nls.zh-cn.json lacks ${k} (${JSON.stringify(en[k])})`),
  ...extra.map((k) => `package.nls.zh-cn.json has ${k}, which package.nls.json does not`),
];
for (const p of problems) console.log(p);
if (check && problems.length) process.exit(1);
