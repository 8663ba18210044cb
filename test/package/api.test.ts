// The API reports (etc/*.api.md) are what the published declarations say: a changed signature of any entry fails
// here until `npm run api` rewrites the report, so the change shows as a diff in review.
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { apiReports, reportFolder } from "../../scripts/api-report.js";
import { packed } from "./support.js";

describe("API reports of the packed package (API Extractor)", () => {
  const reports = () => apiReports(packed().unpacked);

  it("every entry's report equals the committed etc/<entry>.api.md (else: npm run build && npm run api)", () => {
    const all = reports();
    expect(all.map((report) => report.entry.specifier)).toContain("exitfund");
    for (const { entry, text, problems } of all) {
      expect(problems, entry.specifier).toEqual([]);
      const committed = join(reportFolder, `${entry.report}.api.md`);
      expect(existsSync(committed), `etc/${entry.report}.api.md is missing: run npm run api`).toBe(true);
      expect(text, `etc/${entry.report}.api.md is out of date: run npm run api and review the diff`).toBe(
        readFileSync(committed, "utf8"),
      );
    }
    const known = new Set(all.map(({ entry }) => `${entry.report}.api.md`));
    // No stale report of an entry that is gone (etc/ also holds other things, e.g. etc/mutation/).
    expect(readdirSync(reportFolder).filter((file) => file.endsWith(".api.md") && !known.has(file))).toEqual([]);
  });
});
