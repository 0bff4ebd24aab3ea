/** The languages the engine parses. `typescript` and `tsx` are separate grammars; `yaml` covers Kubernetes manifests and `.dfx.yaml`. */
export type LanguageId = 'go' | 'typescript' | 'tsx' | 'javascript' | 'python' | 'java' | 'yaml';

/** Static facts about one language: its grammar file, file extensions, the editor's language ids and its line-comment token. */
export interface LanguageInfo {
  readonly id: LanguageId;
  /** File name of the grammar under grammars/. */
  readonly grammar: string;
  /** npm package the grammar is copied from by the build. */
  readonly grammarPackage: string;
  readonly extensions: readonly string[];
  /** VS Code language ids that map to this grammar. */
  readonly editorIds: readonly string[];
  readonly lineComment: string;
}

/** Every supported language, in a stable order. */
export const LANGUAGES: readonly LanguageInfo[] = [
  { id: 'go', grammar: 'tree-sitter-go.wasm', grammarPackage: 'tree-sitter-go', extensions: ['.go'], editorIds: ['go'], lineComment: '//' },
  { id: 'typescript', grammar: 'tree-sitter-typescript.wasm', grammarPackage: 'tree-sitter-typescript', extensions: ['.ts', '.mts', '.cts'], editorIds: ['typescript'], lineComment: '//' },
  { id: 'tsx', grammar: 'tree-sitter-tsx.wasm', grammarPackage: 'tree-sitter-typescript', extensions: ['.tsx'], editorIds: ['typescriptreact'], lineComment: '//' },
  { id: 'javascript', grammar: 'tree-sitter-javascript.wasm', grammarPackage: 'tree-sitter-javascript', extensions: ['.js', '.mjs', '.cjs', '.jsx'], editorIds: ['javascript', 'javascriptreact'], lineComment: '//' },
  { id: 'python', grammar: 'tree-sitter-python.wasm', grammarPackage: 'tree-sitter-python', extensions: ['.py', '.pyi'], editorIds: ['python'], lineComment: '#' },
  { id: 'java', grammar: 'tree-sitter-java.wasm', grammarPackage: 'tree-sitter-java', extensions: ['.java'], editorIds: ['java'], lineComment: '//' },
  { id: 'yaml', grammar: 'tree-sitter-yaml.wasm', grammarPackage: '@tree-sitter-grammars/tree-sitter-yaml', extensions: ['.yaml', '.yml'], editorIds: ['yaml', 'dfx-policy'], lineComment: '#' },
];

const byId = new Map(LANGUAGES.map((l) => [l.id, l]));

/** Facts for a language id. */
export function languageInfo(id: LanguageId): LanguageInfo {
  const info = byId.get(id);
  if (!info) throw new Error(`unknown language ${id}`);
  return info;
}

/** The language of a file path (by extension), or undefined when the engine does not analyse it. */
export function languageForPath(path: string): LanguageId | undefined {
  const lower = path.toLowerCase();
  for (const l of LANGUAGES) if (l.extensions.some((e) => lower.endsWith(e))) return l.id;
  return undefined;
}

/** The language of an editor document: the editor's language id first, the file extension second. */
export function languageForDocument(editorLanguageId: string, uri: string): LanguageId | undefined {
  for (const l of LANGUAGES) if (l.editorIds.includes(editorLanguageId)) return l.id;
  return languageForPath(uri);
}

/** True for `.dfx.yaml` and `*.dfx.yaml`: the policy file, never a Kubernetes manifest. */
export function isPolicyPath(path: string): boolean {
  return /(^|[\\/])([^\\/]*\.)?dfx\.ya?ml$/i.test(path) || /(^|[\\/])\.dfx\.ya?ml$/i.test(path);
}
