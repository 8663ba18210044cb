import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { UsageError } from "../../../src/node/io.js";
import { XLSX_ENGINE, loadEngine, newWorkbook, xlsxEngine } from "../../../src/node/xlsx/engine.js";

const root = join(import.meta.dirname, "../../..");

function missing(name: string): never {
  throw Object.assign(new Error(`Cannot find module '${name}'\nRequire stack:\n- /somewhere/engine.js`), {
    code: "MODULE_NOT_FOUND",
  });
}

describe("the XLSX engine", () => {
  it("a missing engine is a usage error (exit 2) naming the package to install, in English and Chinese", () => {
    let thrown: unknown;
    try {
      loadEngine(missing);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(UsageError);
    const error = thrown as UsageError;
    expect(error.code).toBe("xlsx-engine-missing");
    expect(error.message).toContain(`npm install ${XLSX_ENGINE}`);
    expect(error.zh).toContain(`npm install ${XLSX_ENGINE}`);
  });

  it("any other failure to load it is not disguised as a missing package", () => {
    expect(() => loadEngine(() => missing("some-dependency-of-the-engine"))).toThrow(/some-dependency/);
    expect(() =>
      loadEngine(() => {
        throw new SyntaxError("broken engine");
      }),
    ).toThrow(SyntaxError);
  });

  it("is loaded once, on first use, and builds workbooks", () => {
    expect(xlsxEngine()).toBe(xlsxEngine());
    expect(newWorkbook().addWorksheet("a").name).toBe("a");
  });

  // The built bin, as a user runs it: only a command that writes a workbook loads the engine.
  it.each([
    [["--version"], false],
    [["compute", "examples/tongzhou-2016/transfers.json"], false],
    [["template", "enterprise-exit", "--format", "xlsx"], true],
  ])("exitfund %j loads the engine: %s", (args, loads) => {
    const probe = `import { createRequire } from "node:module";
const require = createRequire(import.meta.url);
process.stdout.write = () => true;
process.on("exit", () => {
  const loaded = Object.keys(require.cache).some((path) => path.includes("/node_modules/${XLSX_ENGINE}/"));
  process.stderr.write("engine-loaded=" + loaded + "\\n");
});
process.argv = [process.argv[0], ${JSON.stringify(join(root, "dist/node/cli.js"))}, ...${JSON.stringify(args)}];
await import(${JSON.stringify(join(root, "dist/node/cli.js"))});
`;
    const ran = spawnSync(process.execPath, ["--input-type=module", "-e", probe], { cwd: root, encoding: "utf8" });
    expect(ran.stderr).toContain(`engine-loaded=${String(loads)}`);
    expect(ran.status).toBe(0);
  });
});
