/**
 * The demonstration (`npm run demo`), built into dist-demo/, apart from dist/
 * (what Excel loads: manifest.xml never names this page, and the functions,
 * commands and taskpane bundles stay the same code). It adds:
 *  - demo.js: the fixed day, the sample workbook, the ribbon and workbook view
 *    (demo/page/, demo/sample/);
 *  - office.js: the Office double (demo/officeDouble/) in place of Office.js;
 *  - index.html: the page that loads them in Excel's order.
 * Microsoft 365 sending is left unconfigured whatever the environment says
 * (no client id): sending produces .eml drafts, and the page's
 * Content-Security-Policy lets it reach no other server.
 */
const path = require("path");
const fs = require("fs");
const webpack = require("webpack");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const addin = require("./webpack.config.js");

const DOUBLE_DIR = path.join(__dirname, "demo", "officeDouble");
/** Concatenated in this order, as test/e2e/harness.ts serves them. */
const DOUBLE_FILES = ["excel-enums.js", "engine.js", "office-double.js"];

module.exports = async (env, argv) => {
  // webpack.config.js builds the add-in and the `npm run fec` command: the demo takes the add-in's.
  const built = await addin(env, argv);
  const config = Array.isArray(built) ? built[0] : built;
  const kept = config.plugins.filter((plugin) => !(plugin instanceof HtmlWebpackPlugin || plugin instanceof CopyWebpackPlugin || plugin instanceof webpack.DefinePlugin));
  return {
    ...config,
    entry: { demo: "./demo/page/main.ts", ...config.entry },
    output: { ...config.output, path: path.resolve(__dirname, "dist-demo") },
    plugins: [
      ...kept,
      new webpack.DefinePlugin({ __RECOUVRE_MSAL_CLIENT_ID__: JSON.stringify(""), __RECOUVRE_MSAL_AUTHORITY__: JSON.stringify("") }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "demo/page/index.html", to: "index.html" },
          {
            from: "demo/officeDouble/office-double.js",
            to: "office.js",
            transform: () => DOUBLE_FILES.map((file) => `/* ---- ${file} ---- */\n${fs.readFileSync(path.join(DOUBLE_DIR, file), "utf8")}`).join("\n"),
          },
        ],
      }),
    ],
    devServer: undefined,
  };
};
