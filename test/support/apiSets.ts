// Which Office requirement sets a body of TypeScript needs, read with the type checker: every property access,
// call, `new`, object-literal property and load("a/b") path that resolves to a declaration in Microsoft's typings
// (@types/office-js, office-runtime, custom-functions-runtime) is looked up by its JSDoc tag `[Api set: ExcelApi
// 1.7]`; a member without a tag takes its declaring type's (so an inherited member takes its base's).
import { readdirSync } from "fs";
import { join, relative } from "path";
import ts from "typescript";

/** One requirement set at a version ("Preview" for APIs not yet in any set). */
export interface SetVersion {
  readonly name: string;
  readonly version: string;
}

/** A use of an Office API and what it needs: any one of `needs` suffices (e.g. "SharedRuntime 1.1, Mailbox 1.10"). */
export interface ApiUse {
  /** file:line */
  readonly at: string;
  /** e.g. Excel.Worksheet.getRangeByIndexes */
  readonly member: string;
  readonly needs: readonly SetVersion[];
  /** The isSetSupported checks around the use, e.g. an `if` on isSetSupported("ExcelApi", "1.12"). */
  readonly guards: readonly SetVersion[];
}

const TYPINGS = /[\\/]node_modules[\\/]@types[\\/](office-js|office-runtime|custom-functions-runtime)[\\/]/;

/** Compares "1.10" with "1.9" as versions; "Preview" is above every number. */
export function compareVersions(a: string, b: string): number {
  if (a === b) return 0;
  if (a === "Preview") return 1;
  if (b === "Preview") return -1;
  const [x, y] = [a, b].map((version) => version.split(".").map(Number));
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const difference = (x[i] ?? 0) - (y[i] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}

/** What a use needs once it is known whether the member is written and which arguments a call passes. */
export interface UseContext {
  readonly write: boolean;
  /** Parameter names of the resolved signature that the call passes an argument for (even `undefined`). */
  readonly passed: readonly string[];
  /** All parameter names of the resolved signature. */
  readonly parameters: readonly string[];
}

/**
 * Reads one `[Api set: …]` tag. Forms found in the typings:
 * - "ExcelApi 1.7"; alternatives for other hosts: "SharedRuntime 1.1, Mailbox 1.10" (any one suffices);
 * - by access: "ExcelApi 1.1 for get, 1.8 for set", "1.1 for reading visibility; 1.2 for setting it";
 * - by parameter: "1.1 for adding a single row; …; 1.15 for adding `alwaysInsert` parameter" — a version that names
 *   a parameter applies when the call passes that argument; one that names none (e.g. "1.7 for Array") always
 *   applies, to be safe; "ExcelApi Preview for null `destinationRange`" is a version Office cannot declare.
 */
export function parseApiSetTag(tag: string, use: UseContext): SetVersion[] {
  const segments: { name: string; version: string; qualifier: string }[] = [];
  let name = "";
  for (const part of tag.split(/[,;]\s*|\s+\/\s+/)) {
    const match = /^\s*(?:([A-Za-z]+)\s+)?(\d+\.\d+|Preview)\b\.?\s*(.*)$/.exec(part);
    if (!match) continue; // e.g. the "Integer" of "for String,Integer,Double"
    name = match[1] ?? name;
    if (name) segments.push({ name, version: match[2], qualifier: match[3].trim() });
  }
  if (segments.length === 0) return [];
  if (segments.every((segment) => segment.qualifier === "")) {
    const names = new Set(segments.map((segment) => segment.name));
    if (names.size === segments.length) return segments.map(({ name, version }) => ({ name, version }));
  }
  const access = segments.filter((segment) => /\b(get|getting|read|reading|set|setting)\b/i.test(segment.qualifier));
  if (access.length > 0) {
    const wanted = access.find((segment) => /\bset(ting)?\b/i.test(segment.qualifier) === use.write) ?? access[0];
    return [{ name: wanted.name, version: wanted.version }];
  }
  const applying = segments.filter((segment, index) => {
    if (index === 0 || segment.qualifier === "") return true;
    const named = use.parameters.filter((parameter) => new RegExp(`\\b${parameter}\\b`).test(segment.qualifier));
    return named.length === 0 || named.some((parameter) => use.passed.includes(parameter));
  });
  const highest = applying.reduce((top, segment) =>
    segment.name === top.name && compareVersions(segment.version, top.version) > 0 ? segment : top,
  );
  return [{ name: highest.name, version: highest.version }];
}

/** The `[Api set: …]` tag in a declaration's own JSDoc (its @remarks), not in a @param's text. */
function apiSetTag(declaration: ts.Node): string | undefined {
  const holder = ts.isVariableDeclaration(declaration) ? declaration.parent.parent : declaration;
  const text = holder.getSourceFile().text;
  const comments = ts.getLeadingCommentRanges(text, holder.pos) ?? [];
  const doc =
    comments.length > 0 ? text.slice(comments[comments.length - 1].pos, comments[comments.length - 1].end) : "";
  const beforeParams = doc.split(/^\s*\*\s*@param\b/m)[0];
  return /\[Api set:\s*([^\]]+)\]/.exec(beforeParams)?.[1].trim();
}

function qualifiedName(declaration: ts.Node): string {
  const names: string[] = [];
  for (let node: ts.Node | undefined = declaration; node && !ts.isSourceFile(node); node = node.parent) {
    const name = (node as ts.NamedDeclaration).name;
    if (name && (ts.isIdentifier(name) || ts.isStringLiteral(name))) names.unshift(name.text);
  }
  return names.join(".");
}

/** The tag of a declaration, else of the type or namespace that declares it. */
function tagOf(declaration: ts.Node): string | undefined {
  for (let node: ts.Node | undefined = declaration; node && !ts.isSourceFile(node); node = node.parent) {
    if (ts.isModuleBlock(node)) return undefined; // a namespace carries no set
    const tag = apiSetTag(node);
    if (tag) return tag;
  }
  return undefined;
}

/** Versions of isSetSupported("Name", "1.x") calls in the conditions that must hold for `node` to run. */
function guardsAround(node: ts.Node): SetVersion[] {
  const checks = (condition: ts.Node): SetVersion[] => {
    const found: SetVersion[] = [];
    const visit = (child: ts.Node) => {
      if (
        ts.isCallExpression(child) &&
        /\bisSetSupported$/.test(child.expression.getText()) &&
        child.arguments.length >= 1 &&
        ts.isStringLiteral(child.arguments[0])
      ) {
        const version = child.arguments[1];
        found.push({
          name: child.arguments[0].text,
          version: version && ts.isStringLiteral(version) ? version.text : "1.1",
        });
      }
      // A negated check guards the other branch; keep to plain and-ed checks.
      if (!(ts.isPrefixUnaryExpression(child) && child.operator === ts.SyntaxKind.ExclamationToken)) {
        ts.forEachChild(child, visit);
      }
    };
    visit(condition);
    return found;
  };
  const guards: SetVersion[] = [];
  for (let child = node, parent = node.parent; parent; child = parent, parent = parent.parent) {
    if (ts.isIfStatement(parent) && parent.thenStatement === child) guards.push(...checks(parent.expression));
    if (ts.isConditionalExpression(parent) && parent.whenTrue === child) guards.push(...checks(parent.condition));
    if (
      ts.isBinaryExpression(parent) &&
      parent.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken &&
      parent.right === child
    ) {
      guards.push(...checks(parent.left));
    }
  }
  return guards;
}

function isWritten(node: ts.Node): boolean {
  const parent = node.parent;
  return (
    ts.isBinaryExpression(parent) &&
    parent.left === node &&
    parent.operatorToken.kind >= ts.SyntaxKind.FirstAssignment &&
    parent.operatorToken.kind <= ts.SyntaxKind.LastAssignment
  );
}

/** The program for the project's compiler options over the given files. */
export function projectProgram(files: readonly string[], root = process.cwd()): ts.Program {
  const config = ts.readConfigFile(join(root, "tsconfig.json"), (path) => ts.sys.readFile(path));
  const options = ts.parseJsonConfigFileContent(config.config, ts.sys, root).options;
  return ts.createProgram(files, { ...options, typeRoots: [join(root, "node_modules/@types")], noEmit: true });
}

/** Every use of an Office API in `files` (which must be in `program`). */
export function officeApiUses(program: ts.Program, files: readonly string[], root = process.cwd()): ApiUse[] {
  const checker = program.getTypeChecker();
  const uses: ApiUse[] = [];

  const record = (at: ts.Node, symbols: readonly (ts.Symbol | undefined)[], context: UseContext, pick?: ts.Node) => {
    for (const symbol of symbols) {
      const declarations = pick ? [pick] : (symbol?.declarations ?? []);
      for (const declaration of declarations.filter((d) => TYPINGS.test(d.getSourceFile().fileName))) {
        const tag = tagOf(declaration);
        const source = at.getSourceFile();
        const line = source.getLineAndCharacterOfPosition(at.getStart()).line + 1;
        uses.push({
          at: `${relative(root, source.fileName)}:${line}`,
          member: qualifiedName(declaration),
          needs: tag ? parseApiSetTag(tag, context) : [],
          guards: guardsAround(at),
        });
        if (pick) return;
      }
    }
  };

  /** A property of a type, looking through unions (`A | B`) and arrays' elements. */
  const propertiesOf = (type: ts.Type, name: string): ts.Symbol[] =>
    (type.isUnion() ? type.types : [type]).flatMap((part) => {
      const property = checker.getPropertyOfType(checker.getApparentType(part), name);
      return property ? [property] : [];
    });
  const elementOf = (type: ts.Type): ts.Type => type.getNumberIndexType() ?? type;

  const callContext = (call: ts.CallExpression | ts.NewExpression): { context: UseContext; declaration?: ts.Node } => {
    const signature = checker.getResolvedSignature(call);
    const parameters = signature?.getParameters().map((parameter) => parameter.name) ?? [];
    const passed = parameters.slice(0, call.arguments?.length ?? 0);
    return { context: { write: false, parameters, passed }, declaration: signature?.getDeclaration() };
  };

  const visit = (node: ts.Node) => {
    if (ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node)) {
      const name = ts.isPropertyAccessExpression(node) ? node.name : node.argumentExpression;
      const symbol = checker.getSymbolAtLocation(name);
      const symbols =
        symbol || !ts.isPropertyAccessExpression(node)
          ? [symbol]
          : propertiesOf(checker.getTypeAtLocation(node.expression), node.name.text);
      const call = node.parent;
      if ((ts.isCallExpression(call) || ts.isNewExpression(call)) && call.expression === node) {
        const { context, declaration } = callContext(call);
        record(
          node,
          symbols,
          context,
          declaration && TYPINGS.test(declaration.getSourceFile().fileName) ? declaration : undefined,
        );
        // load("items/name, values") names properties by string: each one is a use too.
        if (ts.isPropertyAccessExpression(node) && node.name.text === "load" && symbols.length > 0) {
          const strings = call.arguments?.flatMap((argument) =>
            ts.isStringLiteralLike(argument)
              ? [argument.text]
              : ts.isArrayLiteralExpression(argument)
                ? argument.elements.filter(ts.isStringLiteralLike).map((element) => element.text)
                : [],
          );
          for (const path of (strings ?? []).flatMap((text) => text.split(",")).map((text) => text.trim())) {
            let types = [checker.getTypeAtLocation(node.expression)];
            for (const segment of path.split("/").filter(Boolean)) {
              const found = types.flatMap((type) => propertiesOf(type, segment));
              record(call.arguments![0], found, { write: false, parameters: [], passed: [] });
              types = found.map((property) => elementOf(checker.getTypeOfSymbol(property)));
            }
          }
        }
      } else {
        record(node, symbols, { write: isWritten(node), parameters: [], passed: [] });
      }
    } else if (ts.isObjectLiteralExpression(node)) {
      // An object literal typed by Office (e.g. a RangeUpdateData) sets each property it names.
      const contextual = checker.getContextualType(node);
      if (contextual) {
        for (const property of node.properties) {
          if (!property.name || !(ts.isIdentifier(property.name) || ts.isStringLiteral(property.name))) continue;
          record(property, propertiesOf(contextual, property.name.text), { write: true, parameters: [], passed: [] });
        }
      }
    }
    ts.forEachChild(node, visit);
  };

  for (const file of files) {
    const source = program.getSourceFile(file);
    if (!source) throw new Error(`${file} is not in the program`);
    visit(source);
  }
  return uses;
}

const covers = (available: readonly SetVersion[], need: SetVersion) =>
  available.some((set) => set.name === need.name && compareVersions(set.version, need.version) >= 0);

/** Uses whose every alternative is neither declared nor guarded, as "file:line Member needs Set x.y". */
export function undeclaredUses(uses: readonly ApiUse[], declared: readonly SetVersion[]): string[] {
  return uses
    .filter((use) => use.needs.length > 0)
    .filter((use) => !use.needs.some((need) => covers(declared, need) || covers(use.guards, need)))
    .map(
      (use) => `${use.at} ${use.member} needs ${use.needs.map((need) => `${need.name} ${need.version}`).join(" or ")}`,
    );
}

/** The highest version needed of each set, over uses that are not guarded. */
export function setsInUse(uses: readonly ApiUse[]): SetVersion[] {
  const highest = new Map<string, string>();
  for (const use of uses) {
    if (use.needs.length !== 1 || covers(use.guards, use.needs[0])) continue;
    const { name, version } = use.needs[0];
    if (!highest.has(name) || compareVersions(version, highest.get(name)!) > 0) highest.set(name, version);
  }
  return [...highest].map(([name, version]) => ({ name, version })).sort((a, b) => a.name.localeCompare(b.name));
}

/** Every .ts/.tsx file under a folder. */
export function sourceFilesUnder(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sourceFilesUnder(join(folder, entry.name))
      : /\.tsx?$/.test(entry.name) && !entry.name.endsWith(".d.ts")
        ? [join(folder, entry.name)]
        : [],
  );
}
