// Every package the build puts in a page is under a licence that allows shipping it: the preview's formula
// libraries (fast-formula-parser and its chevrotain, @formulajs/formulajs) and charts included, HyperFormula
// (GPL-3.0 or commercial) never. The packages are read from the development build the browser tests share,
// whose scripts name each module by its path; the production build's own text is checked in build.test.ts.
import { readdirSync, readFileSync } from "fs";
import { join } from "path";
import { sharedBuild } from "./support/browser";

jest.setTimeout(300_000);

/** Licences that allow shipping the code in a proprietary add-in, with their notices. */
const PERMISSIVE = new Set(["MIT", "ISC", "Apache-2.0", "BSD-2-Clause", "BSD-3-Clause", "0BSD"]);

/** The package a bundled module comes from, from its path: the innermost node_modules folder. */
function packageOf(modulePath: string): string {
  const inner = modulePath.split("node_modules/").pop()!;
  const [scope, name] = inner.split("/");
  return scope.startsWith("@") ? `${scope}/${name}` : scope;
}

function licenceOf(modulePath: string): string {
  const folder = modulePath.slice(0, modulePath.lastIndexOf("node_modules/")) + `node_modules/${packageOf(modulePath)}`;
  const manifest = JSON.parse(readFileSync(join(folder, "package.json"), "utf8")) as {
    license?: string;
    licenses?: { type: string }[];
  };
  return manifest.license ?? manifest.licenses?.map((licence) => licence.type).join(" OR ") ?? "none";
}

describe("the packages the build ships", () => {
  it("are all under permissive licences, and HyperFormula is not among them", async () => {
    const build = await sharedBuild();
    const modules = new Set(
      readdirSync(build)
        .filter((file) => file.endsWith(".js"))
        // A module's id is its path, or for a style sheet Griffel extracted, "path!=!loader!…": the path counts.
        .flatMap((file) => [...readFileSync(join(build, file), "utf8").matchAll(/"\.\/(node_modules\/[^"!]+)/g)])
        .map((match) => match[1]),
    );
    const licences = new Map([...modules].map((path) => [packageOf(path), licenceOf(path)]));
    expect([...licences.keys()]).toEqual(
      expect.arrayContaining(["fast-formula-parser", "chevrotain", "@formulajs/formulajs", "@fluentui/react-charts"]),
    );
    expect([...licences.keys()].filter((name) => /hyperformula/i.test(name))).toEqual([]);
    expect([...licences].filter(([, licence]) => !PERMISSIVE.has(licence))).toEqual([]);
  });
});
