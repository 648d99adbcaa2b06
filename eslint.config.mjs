import js from "@eslint/js";
import tseslint from "typescript-eslint";
import { layerRules } from "./tools/eslintLayers.mjs";

export default tseslint.config(
  { ignores: ["dist/**", "dist-demo/**", "node_modules/**", "coverage/**", "test-output/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { console: "readonly", process: "readonly", globalThis: "readonly" },
    },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["src/core/**/*.ts"],
    rules: {
      // The engine is pure: no host, no clock, no randomness.
      "no-restricted-globals": ["error", "Office", "Excel", "CustomFunctions", "window", "document", "localStorage"],
      "no-restricted-syntax": ["error", { selector: "NewExpression[callee.name='Date']", message: "core ne lit pas l'horloge : passez la date en paramètre." }],
    },
  },
  // Layer boundaries (README, « Architecture »): one block per folder and depth under src/.
  ...layerRules,
  {
    files: ["**/*.js", "**/*.mjs", "**/*.cjs"],
    languageOptions: { globals: { require: "readonly", module: "writable", __dirname: "readonly", process: "readonly", console: "readonly" } },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
);
