import Table from "cli-table3";

type Options = ConstructorParameters<typeof Table>[0];

/** A cli-table3 table without colour codes (output is often piped or saved), CJK widths measured correctly. */
export function makeTable(options: Options = {}): InstanceType<typeof Table> {
  return new Table({ ...options, style: { head: [], border: [], ...(options?.style ?? {}) } });
}
