import { readdirSync } from "node:fs";
import js from "@eslint/js";
import tseslint from "typescript-eslint";

/**
 * The folders of `src/` each folder may not import, and why. The CLI sits on
 * top: no other folder imports it (added below for every folder, the report
 * included). Anything not listed is allowed.
 */
const BOUNDARIES = {
  rules: {
    forbids: ["engine", "report"],
    why: "a rule sees one case and its options; the engine runs rules, not the other way round",
  },
  stats: {
    forbids: ["engine"],
    why: "the statistics are plain arithmetic on counts; the engine calls them",
  },
  engine: {
    forbids: ["fast"],
    why: "the fast path is built on the engine; routing a run between them belongs above both",
  },
  fast: {
    forbids: ["engine/run"],
    why: "the reference pipeline is what the fast path is held equal to, not a part of it",
  },
};

/**
 * Folders only the listed folders may import: every other folder is refused them. Routing a run
 * sits above the engine and the fast path, and only the commands start runs.
 */
const IMPORTED_ONLY_BY = {
  run: {
    by: ["cli", "sample"],
    why: "routing a run between the fast and the reference path sits above both; only the commands start a run",
  },
};

const NO_CLI = "only the CLI touches the process, so nothing below it may import it";

/** A relative specifier into `src/<folder>`: from `src/` itself, or climbing out of a folder. */
const into = (folder, fromRoot) => `^${fromRoot ? "\\./" : "(\\.\\./)+"}${folder}(/|\\.js$|$)`;

const srcFolders = readdirSync(new URL("./src/", import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && entry.name !== "cli")
  .map((entry) => entry.name);

const boundaryConfigs = [
  { folder: null, files: ["src/*.ts"] },
  ...srcFolders.map((folder) => ({ folder, files: [`src/${folder}/**/*.ts`] })),
].map(({ folder, files }) => {
  const own = (folder && BOUNDARIES[folder]) || { forbids: [], why: "" };
  const where = folder ? `src/${folder}` : "src/";
  const guarded = Object.entries(IMPORTED_ONLY_BY).filter(([target, { by }]) => target !== folder && !by.includes(folder));
  const patterns = [
    { regex: into("cli", !folder), message: `${where} may not import src/cli: ${NO_CLI}.` },
    ...own.forbids.map((forbidden) => ({
      regex: into(forbidden, !folder),
      message: `${where} may not import src/${forbidden}: ${own.why}.`,
    })),
    ...guarded.map(([target, { by, why }]) => ({
      regex: into(target, !folder),
      message: `${where} may not import src/${target}, which only ${by.map((f) => `src/${f}`).join(" and ")} may: ${why}.`,
    })),
  ];
  return { files, rules: { "no-restricted-imports": ["error", { patterns }] } };
});

export default tseslint.config(
  { ignores: ["dist/**", "node_modules/**", "coverage/**", "test-artifacts/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { process: "readonly", console: "readonly", Buffer: "readonly", URL: "readonly", setTimeout: "readonly", clearTimeout: "readonly", setImmediate: "readonly" },
    },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  ...boundaryConfigs,
);
