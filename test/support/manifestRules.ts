// What Microsoft's manifest schema enforces, checked offline (office-addin-manifest's validator calls a web
// service). Sources:
// - element order: "How to find the proper order of manifest elements"
//   (https://learn.microsoft.com/office/dev/add-ins/develop/manifest-element-ordering) and the XSDs it describes
//   (OfficeAppManifestV1_1.xsd, TaskPaneAppVersionOverridesV1_0.xsd, OfficeAppBasicTypesV1_0.xsd: each
//   xs:sequence lists the children in the order they must appear);
// - Version: OfficeAppManifestV1_1.xsd simpleType Version, ([0-9]{1,5})(\.[0-9]{1,5}){0,3}; this add-in uses all
//   four parts;
// - Permissions: the TaskPaneApp enumeration in OfficeAppManifestV1_1.xsd;
// - resid and resource ids: OfficeAppBasicTypesV1_0.xsd ReferenceId, 1–32 characters
//   (https://learn.microsoft.com/javascript/api/manifest/icon: "no more than 32 characters");
// - ShortString 1–125, LongString 1–250, URL 1–2048 characters: OfficeAppBasicTypesV1_0.xsd;
// - icons: IconUrl 32 × 32 and HighResolutionIconUrl 64 × 64 for a task pane add-in
//   (https://learn.microsoft.com/javascript/api/manifest/iconurl, …/highresolutioniconurl); an <Icon> has images
//   of 16, 32 and 80 pixels, others from 20, 24, 40, 48, 64 (https://learn.microsoft.com/javascript/api/manifest/image).
import { XMLParser } from "fast-xml-parser";
import { existsSync, readFileSync } from "fs";

export interface ManifestElement {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: readonly ManifestElement[];
  readonly text: string;
}

type Parsed = Record<string, unknown> & { ":@"?: Record<string, string> };

/** The manifest as a tree, namespace prefixes dropped (bt:Image is Image, xsi:type is type), children in order. */
export function parseManifest(xml: string): ManifestElement {
  const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: "",
    removeNSPrefix: true,
    parseTagValue: false,
  });
  const build = (node: Parsed): ManifestElement | undefined => {
    const name = Object.keys(node).find((key) => key !== ":@" && key !== "#text");
    if (!name) return undefined;
    const content = node[name] as Parsed[];
    return {
      name,
      attributes: node[":@"] ?? {},
      children: content.map(build).filter((child): child is ManifestElement => child !== undefined),
      text: content
        .map((child) => (typeof child["#text"] === "string" ? child["#text"] : ""))
        .join("")
        .trim(),
    };
  };
  const root = (parser.parse(xml) as Parsed[]).map(build).find((element) => element?.name === "OfficeApp");
  if (!root) throw new Error("manifest has no OfficeApp element");
  return root;
}

/**
 * The children each element may have, in the order they must appear; names on one rank may come in any order.
 * An element whose name (or name[type]) is not here is not checked.
 */
const ORDER: Record<string, readonly (string | readonly string[])[]> = {
  OfficeApp: [
    "Id",
    "AlternateId",
    "Version",
    "ProviderName",
    "DefaultLocale",
    "DisplayName",
    "Description",
    "IconUrl",
    "HighResolutionIconUrl",
    "SupportUrl",
    "AppDomains",
    "Hosts",
    "Requirements",
    "DefaultSettings",
    "Permissions",
    "Dictionary",
    "VersionOverrides",
    "ExtendedOverrides",
  ],
  AppDomains: ["AppDomain"],
  Hosts: ["Host"],
  Requirements: ["Sets", "Methods"],
  Sets: ["Set"],
  DefaultSettings: ["SourceLocation"],
  VersionOverrides: ["Description", "Requirements", "Hosts", "Resources", "WebApplicationInfo", "EquivalentAddins"],
  Host: ["Runtimes", "AllFormFactors", "DesktopFormFactor"],
  Runtimes: ["Runtime"],
  AllFormFactors: ["ExtensionPoint"],
  "ExtensionPoint[CustomFunctions]": ["Script", "Page", "Metadata", "Namespace"],
  Script: ["SourceLocation"],
  Page: ["SourceLocation"],
  Metadata: ["SourceLocation"],
  DesktopFormFactor: ["GetStarted", "FunctionFile", "ExtensionPoint"],
  GetStarted: ["Title", "Description", "LearnMoreUrl"],
  "ExtensionPoint[PrimaryCommandSurface]": ["OfficeTab", "CustomTab"],
  "ExtensionPoint[ContextMenu]": ["OfficeMenu"],
  OfficeTab: ["Group"],
  CustomTab: [["Group", "OfficeGroup"], "Label", ["InsertAfter", "InsertBefore"]],
  OfficeMenu: ["Control"],
  Group: ["OverriddenByRibbonApi", "Label", "Icon", "Control"],
  Control: ["OverriddenByRibbonApi", "Label", "Supertip", "Icon", "Action", "Enabled", "Items"],
  Items: ["Item"],
  Item: ["OverriddenByRibbonApi", "Label", "Supertip", "Icon", "Action", "Enabled"],
  Supertip: ["Title", "Description"],
  Icon: ["Image"],
  Action: ["TaskpaneId", "SourceLocation", "Title", "FunctionName"],
  Resources: ["Images", "Urls", "ShortStrings", "LongStrings"],
  Images: ["Image"],
  Urls: ["Url"],
  ShortStrings: ["String"],
  LongStrings: ["String"],
};

const PERMISSIONS = ["Restricted", "ReadDocument", "ReadAllDocument", "WriteDocument", "ReadWriteDocument"];
const ICON_SIZES = [16, 20, 24, 32, 40, 48, 64, 80];
const REQUIRED_ICON_SIZES = [16, 32, 80];

function* walk(
  element: ManifestElement,
  parents: readonly ManifestElement[] = [],
): Generator<[ManifestElement, readonly ManifestElement[]]> {
  yield [element, parents];
  for (const child of element.children) yield* walk(child, [...parents, element]);
}

const orderKey = (element: ManifestElement) =>
  ORDER[`${element.name}[${element.attributes.type}]`] ? `${element.name}[${element.attributes.type}]` : element.name;

function orderProblems(root: ManifestElement): string[] {
  const problems: string[] = [];
  for (const [element] of walk(root)) {
    const key = orderKey(element);
    const order = ORDER[key];
    if (!order) continue;
    const rank = (name: string) =>
      order.findIndex((entry) => (typeof entry === "string" ? entry === name : entry.includes(name)));
    let previous: ManifestElement | undefined;
    for (const child of element.children) {
      if (rank(child.name) < 0) {
        problems.push(`${key}: <${child.name}> is not a valid child`);
        continue;
      }
      if (previous && rank(child.name) < rank(previous.name)) {
        problems.push(`${key}: <${child.name}> must come before <${previous.name}>`);
      }
      previous = child;
    }
  }
  return problems;
}

/** Width and height of a PNG, from its IHDR chunk (bytes 16–23, after the 8-byte signature and the chunk header). */
export function pngSize(path: string): { width: number; height: number } | undefined {
  const bytes = readFileSync(path);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (bytes.length < 24 || !bytes.subarray(0, 8).equals(signature) || bytes.toString("ascii", 12, 16) !== "IHDR") {
    return undefined;
  }
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/**
 * Every way the manifest breaks the rules above. `fileFor` maps a URL the manifest names to the file that will be
 * served there (or undefined when the URL is not the add-in's).
 */
export function manifestProblems(xml: string, fileFor: (url: string) => string | undefined): string[] {
  const root = parseManifest(xml);
  const problems = orderProblems(root);
  const all = [...walk(root)];
  const named = (name: string) => all.filter(([element]) => element.name === name).map(([element]) => element);
  const under = (name: string, parent: string) =>
    all.filter(([element, parents]) => element.name === name && parents.at(-1)?.name === parent).map(([e]) => e);

  const version = named("Version")[0]?.text ?? "";
  if (!/^\d{1,5}(\.\d{1,5}){3}$/.test(version)) {
    problems.push(`Version "${version}" must be four numbers of at most 5 digits each, e.g. 1.0.0.0`);
  }
  const permissions = under("Permissions", "OfficeApp")[0]?.text ?? "";
  if (!PERMISSIONS.includes(permissions)) {
    problems.push(`Permissions "${permissions}" must be one of ${PERMISSIONS.join(", ")}`);
  }

  const length = (what: string, value: string | undefined, max: number) => {
    if (value === undefined) return;
    if (value.length < 1 || value.length > max) {
      problems.push(`${what} "${value.slice(0, 40)}" is ${value.length} characters; expected 1 to ${max}`);
    }
  };
  for (const [element] of all) {
    length(`resid`, element.attributes.resid, 32);
    if (["Image", "Url", "String"].includes(element.name) && element.attributes.id !== undefined) {
      length(`Resource id`, element.attributes.id, 32);
    }
    if (["Group", "Control", "OfficeTab", "CustomTab", "Item"].includes(element.name)) {
      length(`${element.name} id`, element.attributes.id, 125);
    }
    if (element.attributes.DefaultValue?.startsWith("http")) {
      length(`${element.name} URL`, element.attributes.DefaultValue, 2048);
    }
  }
  length("ProviderName", named("ProviderName")[0]?.text, 125);
  for (const element of under("DisplayName", "OfficeApp")) length("DisplayName", element.attributes.DefaultValue, 125);
  for (const element of under("Description", "OfficeApp")) length("Description", element.attributes.DefaultValue, 250);
  for (const element of under("String", "ShortStrings")) {
    length(`ShortString ${element.attributes.id}`, element.attributes.DefaultValue, 125);
    for (const override of element.children)
      length(`ShortString ${element.attributes.id}`, override.attributes.Value, 125);
  }
  for (const element of under("String", "LongStrings")) {
    length(`LongString ${element.attributes.id}`, element.attributes.DefaultValue, 250);
    for (const override of element.children)
      length(`LongString ${element.attributes.id}`, override.attributes.Value, 250);
  }

  const imageUrl = new Map(
    under("Image", "Images").map((image) => [image.attributes.id, image.attributes.DefaultValue]),
  );
  const checkIcon = (what: string, url: string | undefined, size: number) => {
    const file = url === undefined ? undefined : fileFor(url);
    if (!file) return problems.push(`${what}: ${url} is not one of the add-in's files`);
    if (!existsSync(file)) return problems.push(`${what}: ${url} names ${file}, which does not exist`);
    const actual = pngSize(file);
    if (!actual) return problems.push(`${what}: ${file} is not a PNG (the only format this check can measure)`);
    if (actual.width !== size || actual.height !== size) {
      problems.push(`${what}: ${file} is ${actual.width}×${actual.height} pixels; expected ${size}×${size}`);
    }
  };
  for (const element of under("IconUrl", "OfficeApp")) checkIcon("IconUrl", element.attributes.DefaultValue, 32);
  for (const element of under("HighResolutionIconUrl", "OfficeApp")) {
    checkIcon("HighResolutionIconUrl", element.attributes.DefaultValue, 64);
  }
  for (const icon of named("Icon")) {
    const sizes = icon.children.map((image) => Number(image.attributes.size));
    for (const missing of REQUIRED_ICON_SIZES.filter((size) => !sizes.includes(size))) {
      problems.push(
        `Icon ${icon.children.map((image) => image.attributes.resid).join(", ")} has no ${missing}-pixel image`,
      );
    }
    for (const image of icon.children) {
      const size = Number(image.attributes.size);
      if (!ICON_SIZES.includes(size))
        problems.push(
          `Image ${image.attributes.resid}: size ${image.attributes.size} is not one of ${ICON_SIZES.join(", ")}`,
        );
      else checkIcon(`Image ${image.attributes.resid} (size ${size})`, imageUrl.get(image.attributes.resid), size);
    }
  }
  return problems;
}
