// The layout is the architecture: the engine is pure TypeScript that calls nothing else, and
// functions.ts holds only thin JSDoc-annotated function declarations.
import { readdirSync, readFileSync } from "fs";
import { join } from "path";
import ts from "typescript";

const sourceFile = (path: string) =>
  ts.createSourceFile(path, readFileSync(path, "utf8"), ts.ScriptTarget.Latest, true);
const engineFiles = readdirSync("src/engine").map((name) => join("src/engine", name));

describe("architecture", () => {
  it("the engine imports only itself, decimal.js and zod (as zod/mini)", () => {
    const imports = engineFiles.flatMap((path) =>
      sourceFile(path)
        .statements.filter(ts.isImportDeclaration)
        .map((statement) => (statement.moduleSpecifier as ts.StringLiteral).text)
        .filter((specifier) => !specifier.startsWith("./") && !["decimal.js", "zod", "zod/mini"].includes(specifier))
        .map((specifier) => `${path}: ${specifier}`),
    );
    expect(imports).toEqual([]);
  });

  it("the engine never touches Office.js, Excel, custom-functions globals or the page", () => {
    const hostGlobals = new Set(["Office", "Excel", "CustomFunctions", "OfficeRuntime", "window", "document"]);
    const uses = engineFiles.flatMap((path) => {
      const found: string[] = [];
      const visit = (node: ts.Node) => {
        if (ts.isIdentifier(node) && hostGlobals.has(node.text)) found.push(`${path}: ${node.text}`);
        ts.forEachChild(node, visit);
      };
      visit(sourceFile(path));
      return found;
    });
    expect(uses).toEqual([]);
  });

  it("functions.ts is only imports and exported function declarations, each one return statement", () => {
    const statements = sourceFile("src/functions/functions.ts").statements;
    const offending = statements
      .filter((statement) => !ts.isImportDeclaration(statement))
      .filter(
        (statement) =>
          !ts.isFunctionDeclaration(statement) ||
          !statement.modifiers?.some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword) ||
          statement.body?.statements.length !== 1 ||
          !ts.isReturnStatement(statement.body.statements[0]),
      )
      .map((statement) => statement.getText().slice(0, 60));
    expect(offending).toEqual([]);
    expect(statements.filter(ts.isFunctionDeclaration)).toHaveLength(12);
  });

  const sourceFiles = (folder: string): string[] =>
    readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory()
        ? sourceFiles(join(folder, entry.name))
        : /\.tsx?$/.test(entry.name)
          ? [join(folder, entry.name)]
          : [],
    );
  const identifiersIn = (path: string): Set<string> => {
    const found = new Set<string>();
    const visit = (node: ts.Node) => {
      if (ts.isIdentifier(node)) found.add(node.text);
      ts.forEachChild(node, visit);
    };
    visit(sourceFile(path));
    return found;
  };

  it("only officeWorkbook.ts and the pane's entry page talk to Excel; the pane uses the Workbook interface", () => {
    const talkers = [
      ...sourceFiles("src/workbook"),
      ...sourceFiles("src/taskpane"),
      ...sourceFiles("src/preview"),
    ].filter((path) => {
      const names = identifiersIn(path);
      return names.has("Excel") || names.has("Office");
    });
    expect(talkers.filter((path) => !path.startsWith(join("src/workbook/office/")))).toEqual([
      join("src/taskpane/taskpane.tsx"),
    ]);
    expect(talkers).toContain(join("src/workbook/office/officeWorkbook.ts"));
  });

  it("the table schema and the plan book use only the engine and the Workbook port, never an implementation", () => {
    const shared = [
      ...sourceFiles("src/workbook/schema"),
      ...sourceFiles("src/workbook/plans"),
      "src/workbook/planBook.ts",
      "src/workbook/starter.ts",
    ];
    const reaching = shared.flatMap((path) =>
      sourceFile(path)
        .statements.filter(ts.isImportDeclaration)
        .map((statement) => (statement.moduleSpecifier as ts.StringLiteral).text)
        .filter((specifier) => /\/(office|memory)\//.test(specifier))
        .map((specifier) => `${path}: ${specifier}`),
    );
    expect(reaching).toEqual([]);
  });

  it("nothing in the add-in makes network calls or writes HTML from text", () => {
    const forbidden = new Set([
      "fetch",
      "XMLHttpRequest",
      "WebSocket",
      "EventSource",
      "sendBeacon",
      "innerHTML",
      "outerHTML",
      "insertAdjacentHTML",
      "dangerouslySetInnerHTML",
    ]);
    const uses = sourceFiles("src").flatMap((path) =>
      [...identifiersIn(path)].filter((name) => forbidden.has(name)).map((name) => `${path}: ${name}`),
    );
    expect(uses).toEqual([]);
  });
});
