// The manifest checked offline (office-addin-manifest's validator needs Microsoft's web service):
// well-formed, a shared runtime, the PB namespace, and every resource id and URL resolving.
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { readFileSync } from "fs";

const xml = readFileSync("manifest.xml", "utf8");
const manifest = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  removeNSPrefix: true,
  isArray: (name) => ["Image", "Url", "String", "Set"].includes(name),
}).parse(xml).OfficeApp;
const resources = manifest.VersionOverrides.Resources;
const host = manifest.VersionOverrides.Hosts.Host;
const resource = (kind: "Images" | "Urls" | "ShortStrings" | "LongStrings", id: string) =>
  (
    resources[kind][kind === "Images" ? "Image" : kind === "Urls" ? "Url" : "String"] as {
      "@id": string;
      "@DefaultValue": string;
    }[]
  ).find((entry) => entry["@id"] === id)?.["@DefaultValue"];

describe("manifest.xml", () => {
  it("is well-formed XML", () => {
    expect(XMLValidator.validate(xml)).toBe(true);
  });

  it("is the Personal Budgets task-pane add-in for Excel with a GUID id", () => {
    expect(manifest["@type"]).toBe("TaskPaneApp");
    expect(manifest.Id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(manifest.Version).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(manifest.DisplayName["@DefaultValue"]).toBe("Personal Budgets");
    expect(manifest.Description["@DefaultValue"].length).toBeLessThanOrEqual(250);
    expect(manifest.Hosts.Host["@Name"]).toBe("Workbook");
    expect(host["@type"]).toBe("Workbook");
  });

  it("runs the pane and the functions in one shared runtime", () => {
    expect(manifest.Requirements.Sets.Set).toContainEqual({ "@Name": "SharedRuntime", "@MinVersion": "1.1" });
    expect(host.Runtimes.Runtime).toEqual({ "@resid": "Taskpane.Url", "@lifetime": "long" });
    const customFunctions = host.AllFormFactors.ExtensionPoint;
    expect(customFunctions["@type"]).toBe("CustomFunctions");
    expect(customFunctions.Page.SourceLocation["@resid"]).toBe("Taskpane.Url");
    expect(host.DesktopFormFactor.FunctionFile["@resid"]).toBe("Taskpane.Url");
    expect(resource("ShortStrings", customFunctions.Namespace["@resid"])).toBe("PB");
    expect(resource("Urls", customFunctions.Script.SourceLocation["@resid"])).toBe(
      "https://localhost:3000/functions.js",
    );
    expect(resource("Urls", customFunctions.Metadata.SourceLocation["@resid"])).toBe(
      "https://localhost:3000/functions.json",
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

  it("keeps strings within Office's length limits", () => {
    for (const entry of resources.ShortStrings.String) expect(entry["@DefaultValue"].length).toBeLessThanOrEqual(125);
    for (const entry of resources.LongStrings.String) expect(entry["@DefaultValue"].length).toBeLessThanOrEqual(250);
  });
});
