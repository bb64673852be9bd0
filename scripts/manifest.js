// manifest.xml as the build uses it: the requirement sets it declares (the pane checks them at start-up) and the
// copy for a given host. The repository's manifest.xml names https://localhost:3000, where `npm start` and
// office-addin-debugging sideload it; a build for another host rewrites every URL from one setting.
const { URL } = require("node:url");

const DEVELOPMENT_URL = "https://localhost:3000";

/** The sets in OfficeApp/Requirements/Sets: [{name, version}], a Set without MinVersion taking DefaultMinVersion. */
function declaredSets(xml) {
  const base = xml.replace(/<VersionOverrides[\s\S]*<\/VersionOverrides>/, "");
  const requirements = /<Requirements>([\s\S]*?)<\/Requirements>/.exec(base);
  if (!requirements) return [];
  const defaultVersion = /<Sets[^>]*\sDefaultMinVersion="([^"]+)"/.exec(requirements[1])?.[1] ?? "1.1";
  return [...requirements[1].matchAll(/<Set\s([^>]*?)\/?>/g)].map(([, attributes]) => ({
    name: /\bName="([^"]+)"/.exec(attributes)[1],
    version: /\bMinVersion="([^"]+)"/.exec(attributes)?.[1] ?? defaultVersion,
  }));
}

/**
 * Checks a base URL for the add-in's files: https, no query or fragment, no trailing slash; a path is allowed
 * (https://apps.council.gov.uk/personal-budgets). Office loads add-ins only over https.
 */
function checkBaseUrl(baseUrl) {
  let url;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new Error(`The add-in's base URL "${baseUrl}" is not a URL; expected e.g. https://apps.council.gov.uk`);
  }
  if (url.protocol !== "https:" || url.search || url.hash || baseUrl.endsWith("/") || url.username) {
    throw new Error(
      `The add-in's base URL "${baseUrl}" must be https, with no trailing slash, query or fragment ` +
        `(e.g. https://apps.council.gov.uk/personal-budgets).`,
    );
  }
  return url;
}

/** manifest.xml with every URL under `baseUrl` and its AppDomain the base URL's origin. */
function manifestFor(xml, baseUrl) {
  const url = checkBaseUrl(baseUrl);
  return xml
    .replace(/<AppDomain>https:\/\/localhost:3000<\/AppDomain>/g, `<AppDomain>${url.origin}</AppDomain>`)
    .split(DEVELOPMENT_URL)
    .join(baseUrl);
}

module.exports = { DEVELOPMENT_URL, declaredSets, checkBaseUrl, manifestFor };
