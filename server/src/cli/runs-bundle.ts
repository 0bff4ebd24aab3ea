// The entry of dist/cli-runs.js, which `genai4dfx` loads for the run commands only (scripts/build.mjs). A bundle of
// its own has its own copy of the message catalogue: set its locale the way cli.ts sets the main bundle's.
import { setLocale } from '../l10n';

export { runsMain } from './runs';

setLocale(process.env.GENAI4DFX_LANG);
