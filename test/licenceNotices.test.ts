// THIRD-PARTY-NOTICES.txt as scripts/licenceNotices.js writes it, from packages laid out as node_modules lays them
// out; test/build.test.ts checks the real build's file against what webpack bundled.
import { mkdirSync, writeFileSync } from "fs";
import { join, sep } from "path";
import { scratchFolder } from "./support/runFolder";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { licenceNotices, packageOf } = require("../scripts/licenceNotices.js") as {
  licenceNotices: (files: Iterable<string>) => string;
  packageOf: (file: string) => { name: string; folder: string } | null;
};

/** A package folder with its package.json and files; returns the folder. */
function writePackage(folder: string, manifest: object, files: Record<string, string> = {}): string {
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, "package.json"), JSON.stringify(manifest));
  for (const [file, text] of Object.entries(files)) writeFileSync(join(folder, file), text);
  return folder;
}

const RULE = "=".repeat(100);

describe("the package a bundled file comes from", () => {
  it("is the innermost node_modules folder's, scoped or not", () => {
    const root = join(sep, "app", "node_modules");
    expect(packageOf(join(root, "decimal.js", "decimal.mjs"))).toEqual({
      name: "decimal.js",
      folder: join(root, "decimal.js"),
    });
    expect(packageOf(join(root, "@fluentui", "react-icons", "lib", "index.js"))?.name).toBe("@fluentui/react-icons");
    expect(packageOf(join(root, "d3-scale", "node_modules", "d3-time", "src", "day.js"))).toEqual({
      name: "d3-time",
      folder: join(root, "d3-scale", "node_modules", "d3-time"),
    });
    expect(packageOf(join(sep, "app", "src", "engine", "budget.ts"))).toBeNull();
  });
});

describe("THIRD-PARTY-NOTICES.txt", () => {
  const modules = join(scratchFolder("notices"), "node_modules");
  const apache = writePackage(
    join(modules, "chevrotain"),
    { name: "chevrotain", version: "7.1.2", license: "Apache-2.0", repository: "https://example.org/chevrotain" },
    { LICENSE: "Apache License\nVersion 2.0, January 2004\n", NOTICE: "Chevrotain\nCopyright 2021 SAP SE\n" },
  );
  const mit = writePackage(
    join(modules, "@scope", "tiny"),
    { name: "@scope/tiny", version: "1.0.0", license: "MIT" },
    { "LICENSE.md": "MIT License\n\nCopyright (c) 2024 Ann Author\n\nPermission is hereby granted, free of charge…" },
  );
  const nested = writePackage(
    join(apache, "node_modules", "regexp-to-ast"),
    { name: "regexp-to-ast", version: "0.5.0", licenses: [{ type: "MIT" }] },
    { "LICENSE-MIT.txt": "The MIT License…" },
  );
  const noFile = writePackage(join(modules, "icons"), {
    name: "icons",
    version: "2.0.344",
    license: "MIT",
    repository: { type: "git", url: "https://example.org/icons.git" },
  });
  const authored = writePackage(join(modules, "authored"), {
    name: "authored",
    version: "1.2.3",
    license: "MIT",
    author: "Ann Author <ann@example.org> (https://ann.dev)",
  });
  const noFileNoText = writePackage(join(modules, "odd"), { name: "odd", version: "0.1.0", license: "WTFPL" });
  const unrelated = writePackage(join(modules, "plain"), { name: "plain", version: "3.0.0", license: "ISC" });
  writeFileSync(join(unrelated, "README.md"), "Not a licence");

  it("lists each package once, by name and version, with every licence and notice file it ships", () => {
    const text = licenceNotices([
      join(mit, "index.js"),
      join(apache, "lib", "a.js"),
      join(apache, "lib", "b.js"),
      join(nested, "lib", "ast.js"),
      join(mit, "other.js"),
      join(sep, "app", "src", "engine", "budget.ts"),
    ]);
    const entries = text.split(`${RULE}\n`).slice(1);
    expect(entries.map((entry) => entry.split("\n")[0])).toEqual([
      "@scope/tiny 1.0.0 — MIT",
      "chevrotain 7.1.2 — Apache-2.0",
      "regexp-to-ast 0.5.0 — MIT",
    ]);
    expect(entries[1]).toBe(
      "chevrotain 7.1.2 — Apache-2.0\nSource: https://example.org/chevrotain\n\n" +
        "Apache License\nVersion 2.0, January 2004\n\n" +
        "Chevrotain\nCopyright 2021 SAP SE\n\n",
    );
    expect(entries[0]).toContain("Copyright (c) 2024 Ann Author\n\nPermission is hereby granted");
    expect(entries[2]).toContain("The MIT License…");
  });

  it("gives the standard text of the licence a package declares when it ships no licence file", () => {
    const [entry] = licenceNotices([join(noFile, "lib", "index.js")])
      .split(`${RULE}\n`)
      .slice(1);
    expect(entry).toMatch(/^icons 2\.0\.344 — MIT\nSource: https:\/\/example\.org\/icons\.git\n\n/);
    expect(entry).toContain(
      "The package ships no licence file; its package.json declares MIT, whose standard text follows.\n\n" +
        "MIT License\n\nCopyright (c) the authors of icons (https://example.org/icons.git)\n\n" +
        "Permission is hereby granted, free of charge, to any person obtaining a copy of this software",
    );
    expect(entry).toContain("The above copyright notice and this permission notice shall be included in all copies");
    // Whose copyright it is, as far as package.json says: its author's name.
    expect(licenceNotices([join(authored, "x.js")])).toContain("\nCopyright (c) Ann Author\n\nPermission is hereby");
  });

  it("stops at a package that ships no licence file under a licence whose text it cannot give", () => {
    expect(() => licenceNotices([join(noFileNoText, "index.js")])).toThrow(
      "odd ships no licence file and declares WTFPL, whose text THIRD-PARTY-NOTICES.txt cannot give: " +
        "add it to STANDARD_TEXT in scripts/licenceNotices.js",
    );
    // A README is not a licence file: a package with only that ships none.
    expect(() => licenceNotices([join(unrelated, "index.js")])).toThrow("plain ships no licence file and declares ISC");
  });
});
