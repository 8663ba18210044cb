// Writes docs/cli.md from the commands' own help texts (test/contract/docs.test.ts checks it is current).
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { cliReference } from "../src/node/run.js";

writeFileSync(join(import.meta.dirname, "../docs/cli.md"), cliReference());
