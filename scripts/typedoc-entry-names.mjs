// TypeDoc plugin: names each documented module after its import specifier (`index` → `exitfund`,
// `node` → `exitfund/node`), which is what a user types.
import { Converter, ReflectionKind } from "typedoc";

/** @param {import("typedoc").Application} app */
export function load(app) {
  app.converter.on(Converter.EVENT_RESOLVE_BEGIN, (context) => {
    for (const module of context.project.getReflectionsByKind(ReflectionKind.Module)) {
      const path = module.name.replace(/(^|\/)index$/, "");
      module.name = path === "" ? "exitfund" : `exitfund/${path}`;
    }
  });
}
