import { Validator } from "@seriousme/openapi-schema-validator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { schemaNames } from "../../../src/rules/jsonSchema.js";
import { ROUTES, send, testServer } from "./support.js";

let server: Awaited<ReturnType<typeof testServer>>;
beforeAll(async () => {
  server = await testServer();
});
afterAll(async () => {
  await server.close();
});

type Json = { [key: string]: unknown };

describe("GET /openapi.json", () => {
  it("is a valid OpenAPI 3.1 document (@seriousme/openapi-schema-validator)", async () => {
    const reply = await send(server.url, { path: "/openapi.json" });
    expect(reply.status).toBe(200);
    const document = reply.json() as Json;
    expect(document.openapi).toBe("3.1.0");
    const result = await new Validator().validate(document);
    expect(result.errors).toBeUndefined();
    expect(result.valid).toBe(true);
  });

  it("the validator refuses a broken document (the check can fail)", async () => {
    const document = (await send(server.url, { path: "/openapi.json" })).json() as Json;
    const broken = { ...document, paths: { "/compute": { post: { responses: "none" } } } };
    expect((await new Validator().validate(broken)).valid).toBe(false);
  });

  it("describes every route, every request from its zod schema, and every case kind", async () => {
    const document = (await send(server.url, { path: "/openapi.json" })).json() as {
      paths: { [path: string]: Json };
      components: { schemas: { [name: string]: Json } };
    };
    expect(Object.keys(document.paths).sort()).toEqual([...ROUTES].sort());
    const schemas = document.components.schemas;
    const compute = schemas.ComputeRequest as { properties: Json; required: string[]; additionalProperties: boolean };
    expect(Object.keys(compute.properties)).toEqual(["cases", "rules", "explain", "skipInvalid", "note", "$schema"]);
    expect(compute.required).toEqual(["cases"]);
    expect(compute.additionalProperties).toBe(false);
    expect((schemas.AuditRequest as { required: string[] }).required).toEqual(["cases", "ledger"]);
    expect((schemas.BudgetRequest as { properties: Json }).properties.payer).toMatchObject({
      enum: ["municipal", "district"],
    });
    for (const name of schemaNames()) {
      const component = name === "ledger" ? "Ledger" : name === "rules" ? "Rules" : undefined;
      const key = component ?? name.replace(/(^|-)(\w)/g, (_, _d: string, c: string) => c.toUpperCase());
      expect(schemas[key], name).toMatchObject({ type: "object" });
    }
    // Every $ref points at a component that exists.
    const refs = JSON.stringify(document).match(/"\$ref":"#\/components\/schemas\/[^"]+"/g) ?? [];
    for (const ref of refs) expect(Object.keys(schemas)).toContain(ref.split("/").at(-1)?.replace(/"$/, ""));
  });
});
