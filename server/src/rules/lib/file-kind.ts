// What kind of source file this is, beyond tests (see isTestPath in syntax.ts).

/**
 * A fact about a whole file, computed once per text. Filters run once per match, and a regex over the whole file per
 * match added up: regex-compile-in-loop spent 14 µs a match on the bench corpus asking isGeneratorScript. Files are
 * analysed one at a time, so the last text is all there is to remember (comparing a string with itself is a pointer
 * compare; another text of the same length is compared in full, and is then a different text).
 */
export function perText<T>(compute: (text: string) => T): (text: string) => T {
  let last: string | undefined;
  let value: T;
  return (text) => {
    if (text !== last) {
      value = compute(text);
      last = text;
    }
    return value;
  };
}

/** True when a whole-file regex matches, remembered per text (perText). */
export const textHas = (re: RegExp): ((text: string) => boolean) => perText((text) => re.test(text));

/**
 * A Go program excluded from builds and run by hand or by go generate (`//go:build ignore`): a code generator, not a
 * service. Build constraints come before the package clause, so only the lines above it are read.
 */
export const isGeneratorScript = perText((text: string): boolean => {
  const pkg = text.search(/^package\b/m);
  return /^\/\/(go:build| \+build) ignore\b/m.test(pkg < 0 ? text : text.slice(0, pkg));
});
