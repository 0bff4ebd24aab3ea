// Localization of what the server and the CLI say. The client's display language reaches the server as the LSP
// `locale` (the CLI takes --lang or LANG); for a language we ship (zh-cn) the server loads two files from l10n/:
// bundle.l10n.<lang>.json (the same bundle VS Code loads for the client: keys are the English strings) and
// rules.<lang>.json (each rule's title and message template). Anything without a translation stays English.
import * as l10n from '@vscode/l10n';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** A rule's title and message in another language; `{{capture}}` placeholders as in the English template. */
export interface RuleText {
  title?: string;
  message?: string;
}

/** The languages we ship translations for, keyed by the normalised locale. */
export const SHIPPED_LOCALES = ['zh-cn'] as const;

let ruleTexts: Readonly<Record<string, RuleText>> = {};
let current = 'en';

/** `zh-CN`, `zh_CN.UTF-8`, `zh-Hans`, `zh` → `zh-cn`; anything we do not ship → `en`. */
export function normalizeLocale(locale: string | undefined): string {
  const l = (locale ?? '').toLowerCase().replace(/_/g, '-').replace(/\..*$/, '');
  if (l === 'zh' || l.startsWith('zh-cn') || l.startsWith('zh-hans') || l.startsWith('zh-sg')) return 'zh-cn';
  return 'en';
}

/** The folder with the bundles: l10n/ beside dist/ (in the repository and in the installed extension). */
export function defaultL10nDir(): string {
  for (const dir of [path.join(__dirname, '..', 'l10n'), path.join(__dirname, '..', '..', 'l10n')]) {
    if (fs.existsSync(dir)) return dir;
  }
  return path.join(__dirname, '..', 'l10n');
}

/**
 * Switch the process to `locale` (once, at start-up: the server at initialize, the CLI before it prints). Returns the
 * locale in force; a missing or broken bundle leaves English in force and says why in `error`.
 */
export function setLocale(locale: string | undefined, dir = defaultL10nDir()): { locale: string; error?: string } {
  const lang = normalizeLocale(locale);
  if (lang === 'en') {
    ruleTexts = {};
    current = 'en';
    l10n.config({ contents: {} });
    return { locale: 'en' };
  }
  try {
    const bundle = JSON.parse(fs.readFileSync(path.join(dir, `bundle.l10n.${lang}.json`), 'utf8')) as Record<string, string>;
    const rules = JSON.parse(fs.readFileSync(path.join(dir, `rules.${lang}.json`), 'utf8')) as Record<string, RuleText>;
    l10n.config({ contents: bundle });
    ruleTexts = rules;
    current = lang;
    return { locale: lang };
  } catch (e) {
    l10n.config({ contents: {} });
    ruleTexts = {};
    current = 'en';
    return { locale: 'en', error: `no ${lang} translation loaded (${(e as Error).message}); messages stay in English` };
  }
}

/** The locale in force. */
export function currentLocale(): string {
  return current;
}

/** Translate a message (English text is the key); `{0}`-style arguments as in vscode.l10n.t. */
export function t(message: string, ...args: Array<string | number | boolean>): string {
  return l10n.t(message, ...args);
}

/** The translated title and message template of a rule, when the locale in force has them. */
export function ruleText(ruleId: string): RuleText | undefined {
  return ruleTexts[ruleId];
}
