// Tidy checks of package.json against the code it describes: settings, commands, activation, languages, views, icons.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { LANGUAGES } from '../../server/src/engine/languages';
import { COMMANDS } from '../../server/src/protocol/commands';
import { DEFAULT_SETTINGS } from '../../server/src/protocol/settings';

const ROOT = path.resolve(__dirname, '../..');
const LEVELS = ['off', 'hint', 'info', 'warning', 'error'];

interface JsonSchema {
  type?: string;
  default?: unknown;
  description?: string;
  markdownDescription?: string;
  enum?: unknown[];
  scope?: string;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  additionalProperties?: JsonSchema | boolean;
}
interface View {
  id: string;
  name: string;
  icon?: string;
}
interface Manifest {
  main: string;
  icon: string;
  activationEvents: string[];
  capabilities: { untrustedWorkspaces: { supported: boolean | 'limited'; description?: string }; virtualWorkspaces: boolean };
  contributes: {
    configuration: { title: string; properties: Record<string, JsonSchema> };
    commands: { command: string; title: string; category?: string; icon?: string }[];
    menus: Record<string, { command: string; when?: string }[]>;
    languages: { id: string; aliases: string[]; filenames?: string[]; filenamePatterns?: string[]; configuration: string }[];
    grammars: { language: string; scopeName: string; path: string }[];
    viewsContainers: Record<string, { id: string; title: string; icon: string }[]>;
    views: Record<string, View[]>;
    viewsWelcome: { view: string; contents: string }[];
    walkthroughs?: { id: string; steps: { id: string; description: string }[] }[];
  };
}

const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as Manifest;
const contributes = pkg.contributes;
const commandIds = Object.values(COMMANDS) as string[];

/** The JSON type package.json must declare for a default value. */
function jsonTypes(value: unknown): string[] {
  if (Array.isArray(value)) return ['array'];
  if (typeof value === 'number') return Number.isInteger(value) ? ['integer', 'number'] : ['number'];
  if (value === null) return ['null'];
  return [typeof value];
}

function assertFile(rel: string, what: string): void {
  assert.ok(fs.existsSync(path.join(ROOT, rel)), `${what} ${rel} does not exist`);
}

describe('package.json manifest', () => {
  describe('configuration', () => {
    const props = contributes.configuration.properties;

    it('contributes exactly the keys of Settings', () => {
      // genai4dfx.ai.* are AiSettings, checked by test/ai/settings.test.ts.
      assert.deepEqual(Object.keys(props).filter((k) => !k.startsWith('genai4dfx.ai.')).sort(), Object.keys(DEFAULT_SETTINGS).map((k) => `genai4dfx.${k}`).sort());
      assert.equal(contributes.configuration.title, 'genai4dfx');
    });

    it('uses the defaults and types of DEFAULT_SETTINGS, with a description for each', () => {
      for (const [key, value] of Object.entries(DEFAULT_SETTINGS)) {
        const schema = props[`genai4dfx.${key}`];
        assert.ok(schema, key);
        assert.deepEqual(schema.default, value, `default of genai4dfx.${key}`);
        assert.ok(schema.type && jsonTypes(value).includes(schema.type), `type of genai4dfx.${key}: ${schema.type}`);
        assert.ok(schema.description || schema.markdownDescription, `genai4dfx.${key} has no description`);
        assert.ok(schema.scope === 'resource' || schema.scope === 'window', `genai4dfx.${key} has scope ${schema.scope}`);
        if (schema.enum) assert.ok(schema.enum.includes(value), `genai4dfx.${key}: default not in enum`);
      }
    });

    it('restricts rule levels to off|hint|info|warning|error', () => {
      const rules = props['genai4dfx.rules'];
      assert.ok(rules && typeof rules.additionalProperties === 'object');
      assert.deepEqual(rules.additionalProperties.enum, LEVELS);
      for (const [pillar, schema] of Object.entries(rules.properties ?? {})) assert.deepEqual(schema.enum, LEVELS, pillar);
    });

    it('types the exclude list as strings', () => {
      assert.equal(props['genai4dfx.exclude']?.items?.type, 'string');
    });
  });

  describe('commands', () => {
    it('contributes exactly COMMANDS', () => {
      const contributed = contributes.commands.map((c) => c.command);
      assert.equal(new Set(contributed).size, contributed.length, 'duplicate command');
      assert.deepEqual([...contributed].sort(), [...commandIds].sort());
    });

    it('gives every command a title and the DFX category', () => {
      for (const c of contributes.commands) {
        assert.ok(c.title.trim(), `${c.command} has no title`);
        assert.equal(c.category, '%command.category%', c.command);
      }
    });

    it('has menus and welcome links that name contributed commands only', () => {
      for (const [menu, entries] of Object.entries(contributes.menus)) {
        for (const e of entries) assert.ok(commandIds.includes(e.command), `${menu} names ${e.command}`);
      }
      // Texts are %keys% of package.nls.json: check the English text (the zh-cn one has the same links, checked below).
      const en = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.nls.json'), 'utf8')) as Record<string, string>;
      const zh = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.nls.zh-cn.json'), 'utf8')) as Record<string, string>;
      const links = (t: string): string[] => [...t.matchAll(/\(command:([\w.]+)\)/g)].map((m) => m[1] ?? '');
      const text = (t: string): string => t.replace(/^%(.+)%$/, (_, k: string) => en[k] ?? t);
      let checked = 0;
      for (const w of contributes.viewsWelcome) {
        for (const id of links(text(w.contents))) {
          checked++;
          assert.ok(commandIds.includes(id), `welcome of ${w.view} links ${id}`);
        }
      }
      const views = Object.values(contributes.views).flat().map((v) => `${v.id}.focus`);
      for (const w of contributes.walkthroughs ?? []) {
        for (const step of w.steps) {
          for (const id of links(text(step.description))) {
            checked++;
            assert.ok(commandIds.includes(id) || views.includes(id) || id.startsWith('workbench.'), `walkthrough step ${step.id} links ${id}`);
          }
        }
      }
      assert.ok(checked >= 8, `only ${checked} command links found: are the %keys% resolved?`);
      for (const [k, v] of Object.entries(en)) assert.deepEqual(links(zh[k] ?? ''), links(v), `${k}: the zh-cn text must keep the same command links`);
    });
  });

  describe('activation and languages', () => {
    it('activates on every editor language the server analyses', () => {
      for (const l of LANGUAGES) {
        for (const id of l.editorIds) assert.ok(pkg.activationEvents.includes(`onLanguage:${id}`), `no onLanguage:${id}`);
      }
      assert.ok(pkg.activationEvents.includes('workspaceContains:**/.dfx.yaml'));
    });

    it('contributes the dfx-policy language with its configuration and a YAML-based grammar', () => {
      const policy = contributes.languages.find((l) => l.id === 'dfx-policy');
      assert.ok(policy, 'no dfx-policy language');
      assert.ok(policy.aliases.includes('DFX Policy'));
      assert.deepEqual(policy.filenames, ['.dfx.yaml']);
      assert.deepEqual(policy.filenamePatterns, ['*.dfx.yaml']);
      assertFile(policy.configuration, 'language configuration');
      const config = JSON.parse(fs.readFileSync(path.join(ROOT, policy.configuration), 'utf8')) as { comments: { lineComment: string } };
      assert.equal(config.comments.lineComment, '#');
      const grammar = contributes.grammars.find((g) => g.language === 'dfx-policy');
      assert.ok(grammar, 'no dfx-policy grammar');
      assertFile(grammar.path, 'grammar');
      const tm = JSON.parse(fs.readFileSync(path.join(ROOT, grammar.path), 'utf8')) as { scopeName: string; patterns: { include: string }[] };
      assert.equal(tm.scopeName, grammar.scopeName);
      assert.deepEqual(tm.patterns, [{ include: 'source.yaml' }]);
    });
  });

  describe('views and icons', () => {
    it('puts every view in a contributed container whose icon exists', () => {
      const containers = Object.values(contributes.viewsContainers).flat();
      for (const c of containers) assertFile(c.icon, `icon of view container ${c.id}`);
      for (const [container, views] of Object.entries(contributes.views)) {
        assert.ok(containers.some((c) => c.id === container), `views in unknown container ${container}`);
        for (const v of views) if (v.icon) assertFile(v.icon, `icon of view ${v.id}`);
      }
      const viewIds = Object.values(contributes.views).flat().map((v) => v.id);
      assert.deepEqual(viewIds.sort(), ['genai4dfx.findings', 'genai4dfx.rules', 'genai4dfx.runs']);
      for (const w of contributes.viewsWelcome) assert.ok(viewIds.includes(w.view), `welcome for unknown view ${w.view}`);
    });

    it('has a 128x128 PNG extension icon', () => {
      assertFile(pkg.icon, 'extension icon');
      const png = fs.readFileSync(path.join(ROOT, pkg.icon));
      assert.equal(png.subarray(1, 4).toString('ascii'), 'PNG');
      assert.equal(png.subarray(12, 16).toString('ascii'), 'IHDR');
      assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [128, 128]);
    });

    it('writes command icons as codicon references', () => {
      for (const c of contributes.commands) if (c.icon) assert.match(c.icon, /^\$\([a-z-]+\)$/, c.command);
    });
  });

  it('runs the client bundle and declares limited support for untrusted workspaces', () => {
    assert.equal(pkg.main, './dist/client.js');
    assertFile('client/src/extension.ts', 'client entry point');
    assert.equal(pkg.capabilities.untrustedWorkspaces.supported, 'limited');
    assert.ok(pkg.capabilities.untrustedWorkspaces.description);
    assert.equal(pkg.capabilities.virtualWorkspaces, false);
  });
});
