// Writes docs/cli.md (English) and docs/cli.zh.md (Chinese) from the commands' own help texts
// (test/contract/docs.test.ts checks they are current).
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { cliReference } from "../src/node/run.js";

writeFileSync(join(import.meta.dirname, "../docs/cli.md"), cliReference("en"));
writeFileSync(join(import.meta.dirname, "../docs/cli.zh.md"), cliReference("zh"));
