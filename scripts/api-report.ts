// The API reports (etc/<entry>.api.md): every public signature of every entry, as API Extractor reads the
// published declarations. Committed, and compared in CI (test/package/api.test.ts), so a changed signature shows
// as a diff in review. `npm run api` rewrites them from dist/ (after `npm run build`).
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Extractor, ExtractorConfig, ExtractorLogLevel } from "@microsoft/api-extractor";

export const reportFolder = join(import.meta.dirname, "..", "etc");

export interface ApiEntry {
  /** The import specifier: `exitfund`, `exitfund/node`. */
  readonly specifier: string;
  /** The report's file name without `.api.md`: `exitfund`, `exitfund-node`. */
  readonly report: string;
  /** The ESM declarations of the entry, relative to the package folder. */
  readonly types: string;
}

/** Every entry of a package's `exports` with ESM declarations of its own (`exitfund/browser` shares the root's). */
export function apiEntries(packageFolder: string): ApiEntry[] {
  const manifest = JSON.parse(readFileSync(join(packageFolder, "package.json"), "utf8")) as {
    name: string;
    exports: { readonly [subpath: string]: unknown };
  };
  const seen = new Set<string>();
  const entries: ApiEntry[] = [];
  for (const [subpath, target] of Object.entries(manifest.exports)) {
    const types = (target as { import?: { types?: unknown } } | null)?.import?.types;
    if (typeof types !== "string" || seen.has(types)) continue;
    seen.add(types);
    const name = subpath === "." ? "" : subpath.slice(2);
    entries.push({
      specifier: name === "" ? manifest.name : `${manifest.name}/${name}`,
      report: name === "" ? manifest.name : `${manifest.name}-${name.replaceAll("/", "-")}`,
      types,
    });
  }
  return entries;
}

export interface ApiReport {
  readonly entry: ApiEntry;
  /** The report as the declarations give it now. */
  readonly text: string;
  /** Problems API Extractor found beyond the report itself (an unresolved type, a bad declaration). */
  readonly problems: readonly string[];
}

/**
 * Writes the report of each entry of the package in `packageFolder` into a temporary folder and returns it;
 * with `update`, also into etc/.
 */
export function apiReports(packageFolder: string, { update = false } = {}): ApiReport[] {
  const temp = mkdtempSync(join(tmpdir(), "exitfund-api-"));
  try {
    return apiEntries(packageFolder).map((entry) => {
      const config = ExtractorConfig.prepare({
        configObject: {
          projectFolder: packageFolder,
          newlineKind: "lf",
          mainEntryPointFilePath: join(packageFolder, entry.types),
          compiler: {
            overrideTsconfig: {
              compilerOptions: {
                module: "node16",
                moduleResolution: "node16",
                target: "es2022",
                lib: ["es2023"],
                strict: true,
                types: ["node"],
              },
            },
          },
          apiReport: {
            enabled: true,
            reportFileName: entry.report,
            reportFolder: update ? reportFolder : temp,
            reportTempFolder: temp,
            includeForgottenExports: false,
          },
          docModel: { enabled: false },
          dtsRollup: { enabled: false },
          tsdocMetadata: { enabled: false },
          messages: {
            compilerMessageReporting: { default: { logLevel: ExtractorLogLevel.Warning } },
            extractorMessageReporting: {
              default: { logLevel: ExtractorLogLevel.Warning },
              // Release tags (@public/@beta) are not used: the whole exported surface is the API.
              "ae-missing-release-tag": { logLevel: ExtractorLogLevel.None },
              "ae-undocumented": { logLevel: ExtractorLogLevel.None },
              "ae-unresolved-link": { logLevel: ExtractorLogLevel.None }, // links are checked by TypeDoc
              // A type used in a signature but not exported by name stays visible in the report.
              "ae-forgotten-export": { logLevel: ExtractorLogLevel.None, addToApiReportFile: true },
            },
            // TSDoc syntax is TypeDoc's business (npm run docs); the report is about signatures.
            tsdocMessageReporting: { default: { logLevel: ExtractorLogLevel.None } },
          },
        },
        configObjectFullPath: undefined,
        packageJsonFullPath: join(packageFolder, "package.json"),
      });
      const problems: string[] = [];
      Extractor.invoke(config, {
        localBuild: true, // write the report where it is asked to go; the caller compares
        messageCallback(message) {
          const serious =
            message.logLevel === ExtractorLogLevel.Error || message.logLevel === ExtractorLogLevel.Warning;
          // console-* messages are API Extractor's own notes ("the report was created/changed"): the caller compares.
          if (serious && !message.messageId.startsWith("console-"))
            problems.push(message.formatMessageWithLocation(packageFolder));
          message.handled = true;
        },
      });
      const text = readFileSync(join(temp, `${entry.report}.api.md`), "utf8");
      return { entry, text, problems };
    });
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}

if (process.argv[1] === import.meta.filename) {
  const reports = apiReports(join(import.meta.dirname, ".."), { update: true });
  for (const { entry, problems } of reports) {
    process.stdout.write(`etc/${entry.report}.api.md (${entry.specifier})\n`);
    for (const problem of problems) process.stdout.write(`  ${problem}\n`);
  }
  if (reports.some((report) => report.problems.length > 0)) process.exitCode = 1;
}
