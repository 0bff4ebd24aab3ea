import type { Connection } from 'vscode-languageserver/node';
import { overrideLevels, type LevelResolver, type OptionsResolver } from '../engine/runner';
import { combine, type FilePolicy } from '../policy/apply';
import { DEFAULT_SETTINGS, normalizeSettings, type Settings } from '../protocol/settings';

/**
 * Settings pulled from the client per resource (`workspace/configuration`), cached until the client says they changed.
 * Never a global settings object: each document gets the settings of its own folder.
 */
export class SettingsCache {
  private readonly cache = new Map<string, Promise<Settings>>();
  private readonly resolved = new Map<string, Settings>();
  /** Bumped on every configuration change; part of each diagnostic result id. */
  generation = 0;

  constructor(private readonly connection: Connection, private readonly canPull: () => boolean) {}

  /** Settings for a document or folder URI. */
  get(uri: string): Promise<Settings> {
    let s = this.cache.get(uri);
    if (!s) {
      s = this.canPull()
        ? this.connection.workspace.getConfiguration({ scopeUri: uri, section: 'genai4dfx' }).then(normalizeSettings, () => normalizeSettings({}))
        : Promise.resolve({ ...DEFAULT_SETTINGS, rules: {}, exclude: [...DEFAULT_SETTINGS.exclude] });
      this.cache.set(uri, s);
      void s.then((v) => {
        if (this.cache.get(uri) === s) this.resolved.set(uri, v);
      });
    }
    return s;
  }

  /** The settings already pulled for a URI, for synchronous callers (the parse budget of a keystroke). */
  peek(uri: string): Settings | undefined {
    return this.resolved.get(uri);
  }

  forget(uri: string): void {
    this.cache.delete(uri);
    this.resolved.delete(uri);
  }

  /** Drop everything (configuration changed). */
  clear(): void {
    this.cache.clear();
    this.resolved.clear();
    this.generation++;
  }
}

/** A rule's level under some settings: the rule's own entry, then its pillar's, then its default severity. */
export function levelResolver(settings: Settings): LevelResolver {
  return settings.enable ? overrideLevels((key) => settings.rules[key]) : () => 'off';
}

/**
 * Levels and options for one file: the user's settings (`genai4dfx.rules`, a local override) over the governing
 * policy (the team's), over each rule's defaults. `enable: false` turns everything off.
 */
export function ruleResolvers(settings: Settings, policy: FilePolicy | undefined): { level: LevelResolver; options: OptionsResolver } {
  const c = combine((key) => settings.rules[key], policy);
  return settings.enable ? c : { level: () => 'off', options: c.options };
}
