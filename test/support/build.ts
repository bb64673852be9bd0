// Builds the add-in with webpack's own API into a fresh folder, failing on any webpack error.
import webpack from "webpack";
import { scratchFolder } from "./runFolder";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const webpackConfig = require("../../webpack.config.js") as (
  env: Record<string, string>,
  options: { mode: string },
) => Promise<webpack.Configuration>;

/** The files of each build's modules, by output folder, as webpack's stats name them ("./node_modules/…"). */
const builtModules = new Map<string, string[]>();

/** What a build bundled: each module's file, as webpack's stats name it (relative to the project). */
export function bundledModules(output: string): readonly string[] {
  return builtModules.get(output) ?? [];
}

type StatsModule = { name?: string; modules?: StatsModule[] };

/** A module's file from its stats name: "./a.js + 3 modules", "css ./loader.js!./a.css", "./a.ts!=!./loader!…". */
function fileOf(name: string): string {
  const plain = name.replace(/^css /, "").replace(/ \+ \d+ modules?$/, "");
  return plain.includes("!=!") ? plain.slice(0, plain.indexOf("!=!")) : plain.slice(plain.lastIndexOf("!") + 1);
}

/**
 * Builds into a fresh folder. `env` is what `webpack --env key=value` would pass (e.g. { baseUrl });
 * `entries` limits the build to some of its entry points (all by default).
 */
export async function buildAddIn(
  mode: "production" | "development",
  { env = {}, entries }: { env?: Record<string, string>; entries?: readonly string[] } = {},
): Promise<string> {
  const output = scratchFolder(mode);
  const config: webpack.Configuration = { ...(await webpackConfig(env, { mode })), mode, devtool: false };
  config.output = { ...config.output, path: output };
  if (entries) {
    const all = config.entry as Record<string, string>;
    config.entry = Object.fromEntries(entries.map((name) => [name, all[name]]));
  }
  const stats = await new Promise<webpack.Stats>((resolve, reject) =>
    webpack(config, (error?: Error | null, result?: webpack.Stats) =>
      error || !result ? reject(error ?? new Error("webpack gave no result")) : resolve(result),
    ),
  );
  const errors = stats.toJson({ all: false, errors: true }).errors ?? [];
  if (errors.length > 0) throw new Error(`webpack failed:\n${errors.map((error) => error.message).join("\n")}`);
  const { modules = [] } = stats.toJson({ all: false, modules: true, nestedModules: true, orphanModules: false });
  const files = (list: readonly StatsModule[]): string[] =>
    list.flatMap((module) => [...(module.name ? [fileOf(module.name)] : []), ...files(module.modules ?? [])]);
  builtModules.set(output, files(modules));
  return output;
}
