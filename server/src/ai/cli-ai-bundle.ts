// The entry of dist/cli-ai.js, which `genai4dfx` loads for `genai4dfx ai` only (scripts/build.mjs). A bundle of its
// own has its own copy of the message catalogue: set its locale the way cli.ts sets the main bundle's.
import { setLocale } from '../l10n';

export { aiMain } from './cli-ai';

setLocale(process.env.GENAI4DFX_LANG);
