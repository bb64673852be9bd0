const fs = require("fs");
const path = require("path");
const webpack = require("webpack");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { CONTENT_SECURITY_POLICY, policyForPath } = require("./scripts/csp");
const { DEVELOPMENT_URL, declaredSets, manifestFor } = require("./scripts/manifest");
const { supportPage } = require("./scripts/supportPage");
const { config } = require("./package.json");

const port = Number(process.env.PORT || 3000);

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

module.exports = async (env, options) => ({
  devtool: options.mode === "production" ? false : "source-map",
  entry: {
    functions: "./src/functions/functions.ts",
    taskpane: "./src/taskpane/taskpane.tsx",
    preview: "./src/preview/preview.tsx",
  },
  output: {
    path: path.resolve(__dirname, "dist"),
    filename: "[name].js",
    clean: true,
  },
  resolve: { extensions: [".ts", ".tsx", ".js"] },
  module: {
    rules: [
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
    // Writes functions.json from the JSDoc in functions.ts and adds the CustomFunctions.associate calls.
    new CustomFunctionsMetadataPlugin({ output: "functions.json", input: "./src/functions/functions.ts" }),
    // The pane checks at start-up that Excel supports the requirement sets the manifest declares.
    new webpack.DefinePlugin({
      REQUIRED_SETS: JSON.stringify(declaredSets(fs.readFileSync(path.resolve(__dirname, "manifest.xml"), "utf8"))),
    }),
    new HtmlWebpackPlugin({
      filename: "taskpane.html",
      template: "./src/taskpane/taskpane.html",
      // Shared runtime: the pane and the functions run in one page.
      chunks: ["taskpane", "functions"],
      templateParameters: { contentSecurityPolicy: CONTENT_SECURITY_POLICY.pane },
    }),
    // The pane beside an in-memory workbook, for trying the add-in without Excel.
    new HtmlWebpackPlugin({
      filename: "preview.html",
      template: "./src/preview/preview.html",
      chunks: ["preview"],
      templateParameters: { contentSecurityPolicy: CONTENT_SECURITY_POLICY.preview },
    }),
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
  performance: { hints: false },
  devServer: {
    // Only this computer can reach the dev server.
    host: "localhost",
    port,
    server: await httpsServer(env),
    // Each page's policy as a header too; Excel fetches functions.json and functions.js from another origin.
    headers: (request) => {
      const policy = policyForPath(request.path);
      return { "Access-Control-Allow-Origin": "*", ...(policy && { "Content-Security-Policy": policy }) };
    },
    static: { directory: path.resolve(__dirname, "dist") },
    client: { overlay: false },
  },
});
