/**
 * Three bundles for one shared runtime:
 *  - functions.js: the RECOUVRE.* formulas and the engine, nothing else. It
 *    is what Excel must load before the formulas register, so it never pulls
 *    in React or Office.js (the size is reported by `npm run bench`).
 *  - commands.js: ribbon handlers.
 *  - taskpane.js: the React pane.
 * taskpane.html loads all three: with <Runtimes lifetime="long"> it is the
 * page Excel keeps alive for the functions, the ribbon and the pane alike.
 * A fourth, fec.js (`npm run fec`), is a Node command built by its own
 * configuration (target node): Excel never loads it.
 */
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { LocalizedFunctionsPlugin } = require("./tools/localizedFunctions");
const webpack = require("webpack");

const DEV_URL = "https://localhost:3000/";

async function devServerHttps() {
  try {
    const devCerts = require("office-addin-dev-certs");
    return { type: "https", options: await devCerts.getHttpsServerOptions() };
  } catch (error) {
    console.warn(`Certificats de développement indisponibles (${error.message}) : serveur en HTTP.`);
    return { type: "http" };
  }
}

// The official rate tables: values only in the bundles, sources and dates checked by the tests.
const RATES_RULE = { test: /src[\\/]core[\\/]rates[\\/]data[\\/][^\\/]+\.json$/, use: path.resolve(__dirname, "tools/ratesTableLoader.js") };
const TS_RULE = {
  test: /\.tsx?$/,
  exclude: /node_modules/,
  use: { loader: "ts-loader", options: { transpileOnly: true, configFile: "tsconfig.build.json" } },
};

/** dist/fec.js: the FEC import as a Node command (src/cli/fec.ts), never loaded by Excel. */
const fecCommand = (dev) => ({
  name: "fec",
  target: "node",
  devtool: dev ? "source-map" : false,
  entry: { fec: "./src/cli/fec.ts" },
  output: { path: path.resolve(__dirname, "dist"), filename: "[name].js", clean: false },
  resolve: { extensions: [".ts", ".js"] },
  module: { rules: [TS_RULE, RATES_RULE] },
  // Readable and as fast as the source: a command needs no minifying.
  optimization: { minimize: false },
  performance: { hints: false },
});

module.exports = async (env, argv) => {
  const dev = argv.mode === "development";
  const serving = process.argv.some((arg) => arg === "serve");
  const addIn = {
    devtool: dev ? "source-map" : false,
    entry: {
      functions: "./src/functions/functions.ts",
      commands: "./src/commands/commands.ts",
      taskpane: "./src/taskpane/index.tsx",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      // fec.js is the other configuration's output, in the same folder.
      clean: { keep: /^fec\.js/ },
      // functions.js must run where only a CustomFunctions global exists.
      globalObject: "globalThis",
    },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: {
      rules: [
        TS_RULE,
        RATES_RULE,
        { test: /\.(png|svg)$/, type: "asset/resource", generator: { filename: "assets/[name][ext]" } },
        // PDF fonts: fetched by the pane on first use, never inlined into a bundle.
        { test: /\.ttf$/, type: "asset/resource", generator: { filename: "assets/fonts/[name][ext]" } },
      ],
    },
    optimization: {
      splitChunks: false,
      runtimeChunk: false,
      // Terser would paste each function used once into its caller as a
      // function expression, a new closure on every call. The engine then
      // recompiles the hot loops of the formulas at each call instead of
      // keeping their optimized code: measured by `npm run bench`, it costs
      // PENALITE over 100,000 rows two to three times its time.
      minimizeOptions: { javascript: { compress: { passes: 2, inline: false, reduce_vars: false } } },
    },
    performance: { hints: false },
    plugins: [
      // Microsoft 365 sending (Entra ID app registration, see README): configuration, never secrets.
      new webpack.DefinePlugin({
        __RECOUVRE_MSAL_CLIENT_ID__: JSON.stringify(process.env.RECOUVRE_MSAL_CLIENT_ID || ""),
        __RECOUVRE_MSAL_AUTHORITY__: JSON.stringify(process.env.RECOUVRE_MSAL_AUTHORITY || ""),
      }),
      // functions.json in French (the JSDoc of functions.ts), functions-en.json beside it for an English Excel, both compact.
      new CustomFunctionsMetadataPlugin({ output: "functions.json", input: "./src/functions/functions.ts" }),
      new LocalizedFunctionsPlugin({
        source: "functions.json",
        output: "functions-en.json",
        english: path.resolve(__dirname, "src/functions/functions.en.json"),
      }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["functions", "commands", "taskpane"],
        chunksSortMode: "manual",
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) => (dev ? content : content.toString().replace(new RegExp(DEV_URL, "g"), process.env.RECOUVRE_URL || DEV_URL)),
          },
        ],
      }),
    ],
    devServer: serving
      ? {
          static: { directory: path.join(__dirname, "dist") },
          headers: { "Access-Control-Allow-Origin": "*" },
          server: await devServerHttps(),
          port: Number(process.env.npm_package_config_dev_server_port || 3000),
          hot: false,
        }
      : undefined,
  };
  // The dev server serves the add-in only.
  return serving ? addIn : [addIn, fecCommand(dev)];
};
