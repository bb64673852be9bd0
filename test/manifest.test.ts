// The manifest checked offline (office-addin-manifest's validator needs Microsoft's web service):
// well-formed, a shared runtime, the PB namespace, every resource id and URL resolving, and what Microsoft's
// schema enforces (test/support/manifestRules.ts names the sources), each rule shown to fail on a mutated copy.
import { XMLValidator } from "fast-xml-parser";
import { readFileSync } from "fs";
import { DEVELOPMENT_URL } from "./support/manifest";
import { ManifestElement, manifestProblems, parseManifest } from "./support/manifestRules";

const xml = readFileSync("manifest.xml", "utf8");
const manifest = parseManifest(xml);

/** The first element down a path of names, e.g. at(manifest, "VersionOverrides", "Hosts", "Host"). */
function at(element: ManifestElement, ...names: string[]): ManifestElement {
  return names.reduce((parent, name) => {
    const child = parent.children.find((candidate) => candidate.name === name);
    if (!child) throw new Error(`<${parent.name}> has no <${name}>`);
    return child;
  }, element);
}
const host = at(manifest, "VersionOverrides", "Hosts", "Host");
const resource = (kind: "Images" | "Urls" | "ShortStrings" | "LongStrings", id: string) =>
  at(manifest, "VersionOverrides", "Resources", kind).children.find((entry) => entry.attributes.id === id)?.attributes
    .DefaultValue;

describe("manifest.xml", () => {
  it("is well-formed XML", () => {
    expect(XMLValidator.validate(xml)).toBe(true);
  });

  it("is the Personal Budgets task-pane add-in for Excel with a GUID id", () => {
    expect(manifest.attributes.type).toBe("TaskPaneApp");
    expect(at(manifest, "Id").text).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(at(manifest, "DisplayName").attributes.DefaultValue).toBe("Personal Budgets");
    expect(at(manifest, "Hosts", "Host").attributes.Name).toBe("Workbook");
    expect(host.attributes.type).toBe("Workbook");
  });

  it("runs the pane and the functions in one shared runtime", () => {
    expect(at(manifest, "Requirements", "Sets").children.map((set) => set.attributes)).toContainEqual({
      Name: "SharedRuntime",
      MinVersion: "1.1",
    });
    expect(at(host, "Runtimes", "Runtime").attributes).toEqual({ resid: "Taskpane.Url", lifetime: "long" });
    const customFunctions = at(host, "AllFormFactors", "ExtensionPoint");
    expect(customFunctions.attributes.type).toBe("CustomFunctions");
    expect(at(customFunctions, "Page", "SourceLocation").attributes.resid).toBe("Taskpane.Url");
    expect(at(host, "DesktopFormFactor", "FunctionFile").attributes.resid).toBe("Taskpane.Url");
    expect(resource("ShortStrings", at(customFunctions, "Namespace").attributes.resid)).toBe("PB");
    expect(resource("Urls", at(customFunctions, "Script", "SourceLocation").attributes.resid)).toBe(
      `${DEVELOPMENT_URL}/functions.js`,
    );
    expect(resource("Urls", at(customFunctions, "Metadata", "SourceLocation").attributes.resid)).toBe(
      `${DEVELOPMENT_URL}/functions.json`,
    );
  });

  it("defines every resource id it uses, and every URL is https", () => {
    const used = [...xml.matchAll(/resid="([^"]+)"/g)].map((match) => match[1]);
    const defined = [...xml.matchAll(/<bt:(?:Image|Url|String) id="([^"]+)"/g)].map((match) => match[1]);
    expect(used.filter((id) => !defined.includes(id))).toEqual([]);
    const urls = [...xml.matchAll(/DefaultValue="(https?:[^"]+)"/g)].map((match) => match[1]);
    expect(urls.length).toBeGreaterThan(5);
    expect(urls.filter((url) => !url.startsWith("https://"))).toEqual([]);
  });

  it("sends people who need help to the support page, not the pane", () => {
    expect(at(manifest, "SupportUrl").attributes.DefaultValue).toBe(`${DEVELOPMENT_URL}/support.html`);
  });
});

/** The file a URL of the repository's manifest will be served from: the build copies assets/ as it is. */
const sourceFile = (url: string) =>
  url.startsWith(`${DEVELOPMENT_URL}/assets/`) ? url.slice(DEVELOPMENT_URL.length + 1) : undefined;

/** manifest.xml with one piece of text replaced (which must be there, or the test would prove nothing). */
function mutated(from: string | RegExp, to: string): string {
  expect(xml).toMatch(from);
  return xml.replace(from, to);
}
const problems = (text: string) => manifestProblems(text, sourceFile);
const block = (name: string) => new RegExp(`\\n\\s*<${name}>[\\s\\S]*?</${name}>`);

describe("manifest.xml against Microsoft's schema", () => {
  it("breaks none of the rules", () => {
    expect(problems(xml)).toEqual([]);
  });

  it("keeps OfficeApp's children in the schema's order: Requirements after Hosts", () => {
    const requirements = block("Requirements").exec(xml)![0];
    const moved = mutated(block("Requirements"), "").replace("\n  <Hosts>", `${requirements}\n  <Hosts>`);
    expect(problems(moved)).toEqual(["OfficeApp: <Hosts> must come before <Requirements>"]);
  });

  it("keeps VersionOverrides' children in order: Runtimes before AllFormFactors, Title before Description", () => {
    const runtimes = block("Runtimes").exec(xml)![0];
    const moved = mutated(block("Runtimes"), "").replace("</AllFormFactors>", `</AllFormFactors>${runtimes}`);
    expect(problems(moved)).toEqual(["Host: <Runtimes> must come before <AllFormFactors>"]);
    const supertip = mutated(
      /(<Title resid="ShowPane.Label" \/>)(\s*)(<Description resid="ShowPane.Tooltip" \/>)/,
      "$3$2$1",
    );
    expect(problems(supertip)).toEqual(["Supertip: <Title> must come before <Description>"]);
  });

  it("allows only the schema's children where it lists them", () => {
    const extra = mutated("<Supertip>", '<Tooltip resid="ShowPane.Tooltip" />\n<Supertip>');
    expect(problems(extra)).toEqual(["Control: <Tooltip> is not a valid child"]);
  });

  it("has a Version of four numbers of at most five digits", () => {
    for (const version of ["0.1.0", "0.1.0.123456", "0.1.0.0.0", "0.1.0.a"]) {
      expect(problems(mutated("<Version>0.1.0.0</Version>", `<Version>${version}</Version>`))).toEqual([
        `Version "${version}" must be four numbers of at most 5 digits each, e.g. 1.0.0.0`,
      ]);
    }
    expect(problems(mutated("<Version>0.1.0.0</Version>", "<Version>99999.0.0.12345</Version>"))).toEqual([]);
  });

  it("asks for one of the task-pane Permissions values", () => {
    expect(problems(mutated("<Permissions>ReadWriteDocument<", "<Permissions>ReadWriteMailbox<"))).toEqual([
      'Permissions "ReadWriteMailbox" must be one of Restricted, ReadDocument, ReadAllDocument, WriteDocument, ' +
        "ReadWriteDocument",
    ]);
  });

  it("keeps every resid and resource id to 32 characters", () => {
    // "Functions.Metadata.Url" is 22 characters; ".Definitio" makes 32, ".Definition" 33.
    const renamed = (id: string) => xml.split('"Functions.Metadata.Url"').join(`"${id}"`);
    expect(problems(renamed("Functions.Metadata.Url.Definitio"))).toEqual([]);
    expect(problems(renamed("Functions.Metadata.Url.Definition"))).toEqual([
      'resid "Functions.Metadata.Url.Definition" is 33 characters; expected 1 to 32',
      'Resource id "Functions.Metadata.Url.Definition" is 33 characters; expected 1 to 32',
    ]);
  });

  it("keeps short strings to 125 characters and long ones to 250", () => {
    const title = (text: string) => mutated('DefaultValue="Personal Budgets is ready"', `DefaultValue="${text}"`);
    expect(problems(title("x".repeat(125)))).toEqual([]);
    expect(problems(title("x".repeat(126)))).toEqual([
      `ShortString GetStarted.Title "${"x".repeat(40)}" is 126 characters; expected 1 to 125`,
    ]);
    const tooltip = mutated(/(<bt:String id="ShowPane.Tooltip" DefaultValue=")[^"]*/, `$1${"y".repeat(251)}`);
    expect(problems(tooltip)).toEqual([
      `LongString ShowPane.Tooltip "${"y".repeat(40)}" is 251 characters; expected 1 to 250`,
    ]);
    const description = mutated(/(<Description DefaultValue=")[^"]*/, `$1${"z".repeat(251)}`);
    expect(problems(description)).toEqual([`Description "${"z".repeat(40)}" is 251 characters; expected 1 to 250`]);
  });

  it("declares each icon at its file's pixel size", () => {
    expect(problems(mutated('assets/icon-32.png" />\n  <HighRes', 'assets/icon-64.png" />\n  <HighRes'))).toEqual([
      "IconUrl: assets/icon-64.png is 64×64 pixels; expected 32×32",
    ]);
    expect(
      problems(
        mutated(
          '<HighResolutionIconUrl DefaultValue="https://localhost:3000/assets/icon-64.png"',
          '<HighResolutionIconUrl DefaultValue="https://localhost:3000/assets/icon-80.png"',
        ),
      ),
    ).toEqual(["HighResolutionIconUrl: assets/icon-80.png is 80×80 pixels; expected 64×64"]);
    // Both the group's and the button's 32-pixel image name Icon.32x32.
    expect(
      problems(
        mutated(
          'id="Icon.32x32" DefaultValue="https://localhost:3000/assets/icon-32.png"',
          'id="Icon.32x32" DefaultValue="https://localhost:3000/assets/icon-16.png"',
        ),
      ),
    ).toEqual([
      "Image Icon.32x32 (size 32): assets/icon-16.png is 16×16 pixels; expected 32×32",
      "Image Icon.32x32 (size 32): assets/icon-16.png is 16×16 pixels; expected 32×32",
    ]);
    expect(problems(mutated('assets/icon-32.png" />\n  <HighRes', 'assets/icon-33.png" />\n  <HighRes'))).toEqual([
      "IconUrl: https://localhost:3000/assets/icon-33.png names assets/icon-33.png, which does not exist",
    ]);
  });

  it("gives every Icon its 16, 32 and 80 pixel images, and only sizes Office knows", () => {
    const without80 = xml.replace(/\s*<bt:Image size="80" resid="Icon.80x80" \/>/g, "");
    expect(problems(without80)).toEqual([
      "Icon Icon.16x16, Icon.32x32 has no 80-pixel image",
      "Icon Icon.16x16, Icon.32x32 has no 80-pixel image",
    ]);
    expect(
      problems(mutated('<bt:Image size="80" resid="Icon.80x80" />', '<bt:Image size="81" resid="Icon.80x80" />')),
    ).toEqual([
      "Icon Icon.16x16, Icon.32x32, Icon.80x80 has no 80-pixel image",
      "Image Icon.80x80: size 81 is not one of 16, 20, 24, 32, 40, 48, 64, 80",
    ]);
  });
});
