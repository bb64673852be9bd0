const fs = require("fs");
const path = require("path");
const webpack = require("webpack");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const { GriffelCSSExtractionPlugin } = require("@griffel/webpack-extraction-plugin");
const MiniCssExtractPlugin = require("mini-css-extract-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { CONTENT_SECURITY_POLICY, policiesKept, policyForPath } = require("./scripts/csp");
const { LicenceNoticesPlugin } = require("./scripts/licenceNotices");
const { DEVELOPMENT_URL, declaredSets, manifestFor } = require("./scripts/manifest");
const { supportPage } = require("./scripts/supportPage");
const { themeCss } = require("./scripts/theme");
const { config } = require("./package.json");

const port = Number(process.env.PORT || 3000);

/**
 * Settings functions.json needs that the JSDoc generator cannot write (custom-functions-metadata emits
 * allowCustomDataForDataTypeAny, never allowErrorForDataTypeAny; Microsoft's docs say the latter needs
 * hand-written metadata: learn.microsoft.com/office/dev/add-ins/excel/custom-functions-errors).
 * - allowErrorForDataTypeAny: Excel passes a cell holding an error (#N/A from another formula) to an `any`
 *   argument instead of giving the whole call that error, so one bad row errs alone and the rest compute.
 * - allowCustomDataForDataTypeAny: a rich value (linked data type, entity, image) arrives as an object with
 *   a `type`, which the functions can recognise and refuse by name.
 */
const FUNCTIONS_METADATA = { allowErrorForDataTypeAny: true, allowCustomDataForDataTypeAny: true };

/** The generated functions.json with those settings, as the build writes it. */
function withMetadataSettings(generatedJson) {
  return JSON.stringify({ ...FUNCTIONS_METADATA, ...JSON.parse(generatedJson), ...FUNCTIONS_METADATA }, null, 4);
}

/** Whether the pane's page needs a module (so a chunk it goes in is not one for the preview alone). */
function usedByThePane(module, chunkGraph) {
  return [...chunkGraph.getModuleChunksIterable(module)].some((chunk) =>
    [...chunk.groupsIterable].some((group) => group.name === "taskpane"),
  );
}

/** Rewrites the functions.json that CustomFunctionsMetadataPlugin emits, once it has emitted it. */
class FunctionsMetadataSettingsPlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("FunctionsMetadataSettings", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "FunctionsMetadataSettings", stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONS },
        () => {
          const asset = compilation.getAsset("functions.json");
          if (!asset) return;
          const json = withMetadataSettings(asset.source.source().toString());
          compilation.updateAsset("functions.json", new compiler.webpack.sources.RawSource(json));
        },
      );
    });
  }
}

/** https with Office's trusted localhost certificate, for sideloading; the preview needs none. */
async function httpsServer(env) {
  if (!env.https) return "http";
  // Optional: installed where Excel desktop is (Windows, macOS).
  const devCerts = require("office-addin-dev-certs");
  return { type: "https", options: await devCerts.getHttpsServerOptions() };
}

/**
 * Where the production add-in is served: package.json's config.baseUrl, or `--env baseUrl=…` for one build.
 * Every URL in the built manifest.xml starts with it. Development builds keep https://localhost:3000.
 */
const baseUrlFor = (env, options) =>
  options.mode === "production" ? (env.baseUrl ?? config.baseUrl) : DEVELOPMENT_URL;

/**
 * Whether the build has the browser preview: a development build always; a production build, for hosting, only with
 * `--env preview=on` (the bench's does, to measure it). The preview is for trying the add-in without Excel.
 */
function withPreview(env, options) {
  const setting = env.preview ?? (options.mode === "production" ? "off" : "on");
  if (setting !== "on" && setting !== "off") throw new Error(`--env preview must be on or off; got ${String(setting)}`);
  return setting === "on";
}

/** A page's Content-Security-Policy, or "" with `--env csp=off`, which leaves the pages' policies out (README). */
const policyFor = (env, page) => (policiesKept(env) ? CONTENT_SECURITY_POLICY[page] : "");

module.exports = async (env, options) => ({
  devtool: options.mode === "production" ? false : "source-map",
  entry: {
    functions: "./src/functions/functions.ts",
    taskpane: "./src/taskpane/taskpane.tsx",
    ...(withPreview(env, options) && { preview: "./src/preview/preview.tsx" }),
  },
  output: {
    path: path.resolve(__dirname, "dist"),
    filename: "[name].js",
    clean: true,
  },
  resolve: {
    extensions: [".ts", ".tsx", ".js"],
    // The pane is written against React's API (and Fluent UI needs it) but runs on Preact's compatibility
    // layer: the same hooks, portals and createRoot in about a sixth of React's download (README, Performance).
    alias: {
      react$: "preact/compat",
      "react/jsx-runtime$": "preact/compat/jsx-runtime",
      "react/jsx-dev-runtime$": "preact/compat/jsx-dev-runtime",
      "react-dom$": "preact/compat",
      "react-dom/client$": "preact/compat/client",
    },
  },
  module: {
    // Loaders run from the last rule to the first: TypeScript, then Griffel's ahead-of-time styles, then their
    // extraction into one style sheet, so the scripts carry class names and the CSS is parsed as CSS.
    rules: [
      {
        // Fluent UI's own components ship with their styles already compiled ahead of time.
        test: /\.(js|mjs|tsx?)$/,
        include: [path.resolve(__dirname, "src"), /[\\/]node_modules[\\/]@fluentui[\\/]/],
        use: { loader: GriffelCSSExtractionPlugin.loader },
      },
      {
        test: /\.tsx?$/,
        exclude: /node_modules/,
        // Evaluates makeStyles' arguments at build time, in Node: without the pane's Preact aliases.
        use: { loader: "@griffel/webpack-loader", options: { inheritResolveOptions: ["modules"] } },
      },
      { test: /\.css$/, use: [MiniCssExtractPlugin.loader, "css-loader"] },
      {
        test: /\.tsx?$/,
        exclude: /node_modules/,
        use: {
          loader: "ts-loader",
          options: { compilerOptions: { module: "esnext", sourceMap: options.mode !== "production" } },
        },
      },
    ],
  },
  plugins: [
    // Griffel's styles as one style sheet (griffel.css), loaded by both pages; Griffel orders its own rules.
    new MiniCssExtractPlugin({ ignoreOrder: true }),
    new GriffelCSSExtractionPlugin(),
    // Writes functions.json from the JSDoc in functions.ts and adds the CustomFunctions.associate calls.
    new CustomFunctionsMetadataPlugin({ output: "functions.json", input: "./src/functions/functions.ts" }),
    new FunctionsMetadataSettingsPlugin(),
    // THIRD-PARTY-NOTICES.txt: every bundled package's licence, from its own files (scripts/licenceNotices.js).
    new LicenceNoticesPlugin(),
    new webpack.DefinePlugin({
      // The pane checks at start-up that Excel supports the requirement sets the manifest declares.
      REQUIRED_SETS: JSON.stringify(declaredSets(fs.readFileSync(path.resolve(__dirname, "manifest.xml"), "utf8"))),
      // The preview calculates PB formulas with what Excel gets: functions.json and the associate list.
      PB_FUNCTIONS_METADATA: webpack.DefinePlugin.runtimeValue(() => {
        const { metadataJson, associate } =
          CustomFunctionsMetadataPlugin.generateResults["./src/functions/functions.ts"];
        return JSON.stringify({ metadataJson: withMetadataSettings(metadataJson), associate });
      }, true),
    }),
    // V8's explicit compile hint (Chromium 136 on; Edge's WebView2, which Excel on Windows uses): the scripts a
    // page starts with are compiled whole while they stream in, on another thread, instead of function by
    // function on the main thread as each is first called. Other engines read it as a comment. Added after
    // minification, which drops comments, so it stays the first line.
    new webpack.BannerPlugin({
      banner: "//# allFunctionsCalledOnLoad",
      raw: true,
      test: /\.js$/,
      entryOnly: true,
      stage: webpack.Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_SIZE + 1,
    }),
    new HtmlWebpackPlugin({
      filename: "taskpane.html",
      template: "./src/taskpane/taskpane.html",
      // Shared runtime: the pane and the functions run in one page.
      chunks: ["taskpane", "functions"],
      templateParameters: {
        contentSecurityPolicy: policyFor(env, "pane"),
        themeCss: themeCss(),
        // Outside Excel the page points to the preview, when the build has it.
        withPreview: withPreview(env, options),
      },
    }),
    // The pane beside an in-memory workbook, for trying the add-in without Excel.
    ...(withPreview(env, options)
      ? [
          new HtmlWebpackPlugin({
            filename: "preview.html",
            template: "./src/preview/preview.html",
            chunks: ["preview"],
            templateParameters: { contentSecurityPolicy: policyFor(env, "preview"), themeCss: themeCss() },
          }),
        ]
      : []),
    new CopyWebpackPlugin({
      patterns: [
        { from: "assets/*.png", to: "assets/[name][ext]" },
        {
          from: "manifest.xml",
          to: "manifest.xml",
          transform: (content) => manifestFor(content.toString(), baseUrlFor(env, options)),
        },
        // The manifest's SupportUrl.
        { from: "docs/support.md", to: "support.html", transform: (content) => supportPage(content.toString()) },
      ],
    }),
  ],
  optimization: {
    // Shared runtime: the pane's page runs the functions too, so both entries share one webpack runtime (one
    // module registry: the engine is loaded and initialised once) and every module they have in common sits in
    // one chunk, downloaded once.
    runtimeChunk: "single",
    splitChunks: {
      chunks: "all",
      // Named chunks, so the bench's list of a page's scripts says what each download is.
      cacheGroups: {
        // Nothing else is split off: the functions' own code stays in functions.js (with its associate calls),
        // even though the browser preview also calls it.
        default: false,
        defaultVendors: false,
        // The engine and its two libraries: all the functions need besides their own file.
        engine: {
          test: /[\\/](src[\\/]engine|node_modules[\\/](decimal\.js|zod))[\\/]/,
          name: "engine",
          enforce: true,
          priority: 30,
        },
        preact: {
          test: /[\\/]node_modules[\\/]preact[\\/]/,
          name: "preact",
          enforce: true,
          priority: 20,
        },
        // Fluent UI and what it brings (Griffel, Tabster, Floating UI…), and the pane's own code, as far as the
        // pane uses them: the browser preview loads the same files, plus its own for what only it uses.
        fluent: {
          test: (module, { chunkGraph }) =>
            /[\\/]node_modules[\\/]/.test(module.resource ?? "") && usedByThePane(module, chunkGraph),
          name: "fluent-ui",
          enforce: true,
          priority: 10,
        },
        // What later chunks share (Fluent's combobox and fields, for the plan-book and plan-editor chunks, say):
        // in a chunk of its own, named for the chunks that need it, so no sizeable download repeats another.
        shared: {
          // Scripts only: Griffel's extraction keeps every style rule in one sheet, in its order.
          type: /^javascript/,
          chunks: "async",
          minChunks: 2,
          minSize: 20_000,
          name: (module, chunks) =>
            chunks
              .map((chunk) => chunk.name)
              .sort()
              .join("+"),
          priority: 5,
        },
        pane: {
          test: (module, { chunkGraph }) =>
            /[\\/]src[\\/](taskpane|workbook)[\\/]/.test(module.resource ?? "") && usedByThePane(module, chunkGraph),
          name: "pane",
          enforce: true,
          priority: 10,
        },
      },
    },
  },
  performance: { hints: false },
  devServer: {
    // Only this computer can reach the dev server.
    host: "localhost",
    port,
    server: await httpsServer(env),
    // Each page's policy as a header too; Excel fetches functions.json and functions.js from another origin.
    headers: (request) => {
      const policy = policiesKept(env) ? policyForPath(request.path) : undefined;
      return { "Access-Control-Allow-Origin": "*", ...(policy && { "Content-Security-Policy": policy }) };
    },
    static: { directory: path.resolve(__dirname, "dist") },
    client: { overlay: false },
  },
});

// The same settings for the tests that register the functions from generated metadata.
module.exports.withMetadataSettings = withMetadataSettings;
