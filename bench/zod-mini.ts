// What zod/mini would save in the browser core, measured on today's core (README, "Use in a browser"): the core
// bundled as a web app bundles it (esbuild, minified, gzip -9) with zod classic, against the same core with zod
// left out and, in its place, the zod features its schemas use (src/schemas/*.ts) written with zod/mini — with
// and without z.toJSONSchema at run time.
// Run: npm run build && npx tsx bench/zod-mini.ts
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { build, type Plugin } from "esbuild";

const root = join(import.meta.dirname, "..");

/** Every zod feature the schemas use, with zod/mini: string, number, boolean, literal, enum, union, discriminated
 * union, strict object, array, record, null, optional, pipe + transform, refine, superRefine, int/gte/length/regex
 * checks, meta, custom errors, safeParse with reportInput; `json` adds toJSONSchema. */
const miniFeatures = (json: boolean) => `import * as z from "zod/mini";
const err = { error: (issue) => "bad " + String(issue.input) };
const text = z.string(err).check(z.refine((t) => t.trim() === t, err), z.meta({ description: "t" }));
const date = z.string(err).check(z.refine((t) => /\\d/.test(t), err), z.meta({ format: "date", pattern: "x" }));
const money = z.pipe(z.union([z.string(), z.number()], err), z.transform((input, ctx) => {
  if (input === "") { ctx.issues.push({ code: "custom", message: "m", input }); return z.NEVER; }
  return String(input);
})).check(z.meta({ pattern: "p", examples: ["1"] }));
const count = z.number(err).check(z.int(err), z.gte(0, err));
const item = z.strictObject({ id: text, q: z.optional(money), d: z.optional(date), n: z.nullable(z.null()) });
const list = z.array(item).check(z.maxLength(100, { error: "too many" }), z.minLength(1));
const a = z.pipe(
  z.strictObject({ kind: z.literal("a"), id: text, items: list, c: count, b: z.boolean(err), e: z.optional(z.enum(["a", "b"], err)) },
    { error: () => "obj" }).check(z.superRefine((value, ctx) => {
      if (value.id === "") ctx.addIssue({ code: "custom", path: ["id"], message: "m", input: value.id });
    })),
  z.transform((value) => ({ ...value, extra: 1 })),
);
const b = z.strictObject({ kind: z.literal("b"), rec: z.record(z.string(), money), date, lim: z.string().check(z.regex(/x/)) });
const Case = z.discriminatedUnion("kind", [a, b]);
globalThis.parse = (v) => Case.safeParse(v, { reportInput: true });
${json ? 'globalThis.schema = (s) => z.toJSONSchema(s, { io: "input", unrepresentable: "any" });' : ""}
`;

const zodOut: Plugin = {
  name: "zod-out",
  setup(plugins) {
    plugins.onResolve({ filter: /^zod$/ }, (args) => ({ path: args.path, external: true }));
  },
};

async function size(contents: string, plugins: Plugin[] = []): Promise<{ minified: number; gzip: number }> {
  const result = await build({
    stdin: { contents, resolveDir: root, sourcefile: "app.js" },
    bundle: true,
    minify: true,
    platform: "browser",
    format: "esm",
    write: false,
    logLevel: "silent",
    plugins,
  });
  const code = result.outputFiles[0]?.text ?? "";
  return { minified: Buffer.byteLength(code), gzip: gzipSync(Buffer.from(code), { level: 9 }).length };
}

const core = `import * as exitfund from "./dist/index.js";\nglobalThis.exitfund = exitfund;\n`;
const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`;
const show = (label: string, m: { minified: number; gzip: number }) =>
  console.log(`${label.padEnd(58)} ${kb(m.minified).padStart(9)} min ${kb(m.gzip).padStart(8)} gzip`);

const classic = await size(core);
show("whole core, zod classic (as shipped)", classic);
const withJson = await size(`${core}${miniFeatures(true)}`, [zodOut]);
show("whole core, zod/mini, jsonSchema() at run time", withJson);
const withoutJson = await size(`${core}${miniFeatures(false)}`, [zodOut]);
show("whole core, zod/mini, jsonSchema() generated at build time", withoutJson);
console.log(
  `ratios (mini / classic, gzip): ${(withJson.gzip / classic.gzip).toFixed(2)} and ${(withoutJson.gzip / classic.gzip).toFixed(2)}; the goal is 70 KB (the prebuilt JSON Schemas add about 3 KB gzip to the second)`,
);
