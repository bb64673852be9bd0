/* global require, module, __dirname, process */
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { DefinePlugin } = require("webpack");

const port = Number(process.env.PORT || 3000);

/** https with Office's trusted localhost certificate, for sideloading; the preview needs none. */
async function httpsServer(env) {
  if (!env.https) return "http";
  // eslint-disable-next-line import/no-extraneous-dependencies -- optional, installed where Excel desktop is
  const devCerts = require("office-addin-dev-certs");
  return { type: "https", options: await devCerts.getHttpsServerOptions() };
}

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
    // The preview calculates PB formulas with what Excel gets: functions.json and the associate list.
    new DefinePlugin({
      PB_FUNCTIONS_METADATA: DefinePlugin.runtimeValue(() => {
        const { metadataJson, associate } =
          CustomFunctionsMetadataPlugin.generateResults["./src/functions/functions.ts"];
        return JSON.stringify({ metadataJson, associate });
      }, true),
    }),
    new HtmlWebpackPlugin({
      filename: "taskpane.html",
      template: "./src/taskpane/taskpane.html",
      // Shared runtime: the pane and the functions run in one page.
      chunks: ["taskpane", "functions"],
    }),
    // The pane beside an in-memory workbook, for trying the add-in without Excel.
    new HtmlWebpackPlugin({ filename: "preview.html", template: "./src/preview/preview.html", chunks: ["preview"] }),
    new CopyWebpackPlugin({
      patterns: [
        { from: "assets/*.png", to: "assets/[name][ext]" },
        { from: "manifest.xml", to: "manifest.xml" },
      ],
    }),
  ],
  performance: { hints: false },
  devServer: {
    port,
    server: await httpsServer(env),
    headers: { "Access-Control-Allow-Origin": "*" },
    static: { directory: path.resolve(__dirname, "dist") },
    client: { overlay: false },
  },
});
