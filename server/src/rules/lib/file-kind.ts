// What kind of source file this is, beyond tests (see isTestPath in syntax.ts).

/** A Go program excluded from builds and run by hand or by go generate (`//go:build ignore`): a code generator, not a service. */
export function isGeneratorScript(text: string): boolean {
  return /^\/\/(go:build| \+build) ignore\b/m.test(text);
}
