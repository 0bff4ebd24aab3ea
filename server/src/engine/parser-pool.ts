import * as fs from 'node:fs';
import * as path from 'node:path';
import { Language, Parser, type Tree } from 'web-tree-sitter';
import { LANGUAGES, type LanguageId } from './languages';

/** Thrown when a parse runs past its time budget; the caller reports it instead of hanging. */
export class ParseTimeoutError extends Error {
  constructor(readonly budgetMs: number) {
    super(`parsing took longer than the ${budgetMs} ms budget`);
  }
}

/**
 * Loads web-tree-sitter and every grammar once, and hands out one parser per language.
 * Parsing is synchronous and single-threaded, so one parser per language is enough.
 */
export class ParserPool {
  private readonly parsers = new Map<LanguageId, Parser>();

  private constructor(readonly languages: ReadonlyMap<LanguageId, Language>, readonly grammarDir: string) {
    for (const [id, lang] of languages) {
      const p = new Parser();
      p.setLanguage(lang);
      this.parsers.set(id, p);
    }
  }

  /** Initialise tree-sitter and load all grammars from `grammarDir` (default: the nearest `grammars/` folder holding them). */
  static async create(grammarDir = findGrammarDir()): Promise<ParserPool> {
    const runtime = path.join(grammarDir, 'web-tree-sitter.wasm');
    await Parser.init({ locateFile: (name: string) => (name.endsWith('.wasm') && fs.existsSync(runtime) ? runtime : name) });
    const languages = new Map<LanguageId, Language>();
    for (const l of LANGUAGES) {
      const file = path.join(grammarDir, l.grammar);
      try {
        languages.set(l.id, await Language.load(fs.readFileSync(file)));
      } catch (e) {
        throw new Error(`cannot load the ${l.id} grammar from ${file}: ${(e as Error).message}. Run \`npm run build\` to copy the grammars.`);
      }
    }
    return new ParserPool(languages, grammarDir);
  }

  /** The loaded grammar of a language. */
  language(id: LanguageId): Language {
    const l = this.languages.get(id);
    if (!l) throw new Error(`grammar for ${id} is not loaded`);
    return l;
  }

  /**
   * Parse `text`, reusing `oldTree` (already `edit`ed) for an incremental parse.
   * Throws ParseTimeoutError when the parse runs past `budgetMs`, so pathological input cannot hang the caller.
   */
  parse(id: LanguageId, text: string, oldTree?: Tree | null, budgetMs = 2000): Tree {
    const parser = this.parsers.get(id);
    if (!parser) throw new Error(`no parser for ${id}`);
    const deadline = performance.now() + budgetMs;
    let timedOut = false;
    const tree = parser.parse(text, oldTree ?? null, {
      progressCallback: () => {
        if (performance.now() > deadline) timedOut = true;
        return timedOut;
      },
    });
    if (!tree) {
      parser.reset();
      if (timedOut) throw new ParseTimeoutError(budgetMs);
      throw new Error('the parser returned no tree');
    }
    return tree;
  }
}

/** Walk up from this module to the first `grammars/` folder that holds the Go grammar (dist/ and server/src/engine/ both work). */
export function findGrammarDir(start = __dirname): string {
  let dir = start;
  for (;;) {
    const candidate = path.join(dir, 'grammars');
    if (fs.existsSync(path.join(candidate, 'tree-sitter-go.wasm'))) return candidate;
    const up = path.dirname(dir);
    if (up === dir) throw new Error(`no grammars/ folder with the tree-sitter grammars above ${start}; run \`npm run build\``);
    dir = up;
  }
}
