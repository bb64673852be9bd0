// The build's licence notices: THIRD-PARTY-NOTICES.txt in dist/, naming every package bundled into the add-in's
// scripts with its version and licence, followed by the licence (and NOTICE) files the package ships. MIT, BSD and
// Apache-2.0 require the notice to go with copies of the code; the build writes it from each package's own files,
// so a package added to the bundle is in the notices of the next build (test/build.test.ts checks both lists agree).
const fs = require("fs");
const path = require("path");

/** A package's licence and notice files: LICENSE, LICENCE, LICENSE.md, COPYING, NOTICE… */
const LICENCE_FILE = /^(licen[cs]e|copying|notice)([-._][\w-]+)?(\.(md|txt|markdown))?$/i;
const RULE = "=".repeat(100);

/** The package a bundled file comes from: the innermost node_modules folder's package, with its folder. */
function packageOf(resource) {
  const parts = resource.split(/[\\/]/);
  const at = parts.lastIndexOf("node_modules");
  if (at < 0 || at + 1 >= parts.length) return null;
  const name = parts[at + 1].startsWith("@") ? `${parts[at + 1]}/${parts[at + 2]}` : parts[at + 1];
  return { name, folder: [...parts.slice(0, at + 1), ...name.split("/")].join(path.sep) };
}

/** Every file bundled into the compilation's chunks (the modules inside a concatenated module too). */
function bundledFiles(compilation) {
  const files = new Set();
  const visit = (module) => {
    if (module.modules) module.modules.forEach(visit);
    if (module.resource) files.add(module.resource.split("?")[0]);
  };
  for (const chunk of compilation.chunks) {
    for (const module of compilation.chunkGraph.getChunkModulesIterable(chunk)) visit(module);
  }
  return files;
}

/**
 * The standard text of a licence a package may declare without shipping its file (@fluentui/react-icons declares MIT
 * and ships none), as SPDX gives it, without the copyright line, which only the package can say.
 */
const STANDARD_TEXT = {
  MIT: [
    "Permission is hereby granted, free of charge, to any person obtaining a copy of this software and",
    'associated documentation files (the "Software"), to deal in the Software without restriction,',
    "including without limitation the rights to use, copy, modify, merge, publish, distribute,",
    "sublicense, and/or sell copies of the Software, and to permit persons to whom the Software is",
    "furnished to do so, subject to the following conditions:",
    "",
    "The above copyright notice and this permission notice shall be included in all copies or substantial",
    "portions of the Software.",
    "",
    'THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT',
    "NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND",
    "NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES",
    "OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN",
    "CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.",
  ].join("\n"),
};

/** A package's author as package.json gives it: "Name <email> (url)" or { name }. */
const authorOf = (manifest) =>
  typeof manifest.author === "string" ? manifest.author.replace(/\s*[<(].*$/, "") : manifest.author?.name;

/**
 * What stands for the licence file of a package that ships none: the standard text of the licence it declares, with
 * whose copyright it is as far as package.json says. A licence without a standard text here stops the build, so the
 * notices are never short of one.
 */
function standardNotice(name, manifest, licence, source) {
  const text = STANDARD_TEXT[licence];
  if (!text) {
    throw new Error(
      `${name} ships no licence file and declares ${licence}, whose text THIRD-PARTY-NOTICES.txt cannot give: ` +
        "add it to STANDARD_TEXT in scripts/licenceNotices.js",
    );
  }
  const holder = authorOf(manifest) ?? `the authors of ${name}${source ? ` (${source})` : ""}`;
  return [
    `The package ships no licence file; its package.json declares ${licence}, whose standard text follows.`,
    "",
    `${licence} License`,
    "",
    `Copyright (c) ${holder}`,
    "",
    text,
  ].join("\n");
}

/** One package's entry: "name version — licence", then its licence files as they are (or the standard text). */
function noticeOf({ name, folder }) {
  const manifest = JSON.parse(fs.readFileSync(path.join(folder, "package.json"), "utf8"));
  const licence =
    manifest.license ?? manifest.licenses?.map((entry) => entry.type).join(" OR ") ?? "no licence declared";
  const files = fs
    .readdirSync(folder)
    .filter((file) => LICENCE_FILE.test(file))
    .sort();
  const texts = files.map((file) => fs.readFileSync(path.join(folder, file), "utf8").trim());
  const source = typeof manifest.repository === "string" ? manifest.repository : manifest.repository?.url;
  return [
    RULE,
    `${name} ${manifest.version} — ${licence}`,
    ...(source ? [`Source: ${source}`] : []),
    "",
    texts.length > 0 ? texts.join("\n\n") : standardNotice(name, manifest, licence, source),
    "",
  ].join("\n");
}

/** The notices for these bundled files: one entry per package and version, in name order. */
function licenceNotices(files) {
  const packages = new Map();
  for (const file of files) {
    const found = packageOf(file);
    if (found && !packages.has(found.folder)) packages.set(found.folder, found);
  }
  const entries = [...packages.values()].sort(
    (a, b) => a.name.localeCompare(b.name) || a.folder.localeCompare(b.folder),
  );
  return [
    "Personal Budgets bundles the packages below into its scripts. Each is listed with its version and licence,",
    "followed by the licence and notice files it ships, as those licences require. Written by the build.",
    "",
    ...entries.map(noticeOf),
  ].join("\n");
}

/** Emits THIRD-PARTY-NOTICES.txt beside the scripts, from the modules webpack bundled into them. */
class LicenceNoticesPlugin {
  constructor(filename = "THIRD-PARTY-NOTICES.txt") {
    this.filename = filename;
  }

  apply(compiler) {
    compiler.hooks.thisCompilation.tap("LicenceNotices", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "LicenceNotices", stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONS },
        () => {
          try {
            const text = licenceNotices(bundledFiles(compilation));
            compilation.emitAsset(this.filename, new compiler.webpack.sources.RawSource(text));
          } catch (error) {
            // A build whose notices would be short of a licence fails, naming the package.
            compilation.errors.push(new compiler.webpack.WebpackError(`LicenceNotices: ${error.message}`));
          }
        },
      );
    });
  }
}

module.exports = { LicenceNoticesPlugin, licenceNotices, packageOf };
