// The build's own reading of manifest.xml (scripts/manifest.js), typed for the tests.
import { SetVersion } from "./apiSets";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const manifest = require("../../scripts/manifest.js") as {
  DEVELOPMENT_URL: string;
  declaredSets: (xml: string) => SetVersion[];
  checkBaseUrl: (baseUrl: string) => URL;
  manifestFor: (xml: string, baseUrl: string) => string;
};

export const { DEVELOPMENT_URL, declaredSets, checkBaseUrl, manifestFor } = manifest;
