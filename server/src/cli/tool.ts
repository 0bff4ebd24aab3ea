import { version } from '../../../package.json';

/** Who produced a report: the name, version and home of the tool, as JSON and SARIF output carry them. */
export const TOOL = {
  name: 'genai4dfx',
  version,
  informationUri: 'https://github.com/genai4dfx/genai4dfx',
} as const;
