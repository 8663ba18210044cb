import { UsageError, type CliIo } from "../io.js";
// STUB until the verification sheet lands.
export const VERIFY_HELP = "exitfund verify <declarations> [--format json|table|xlsx] [--out <file>]";
export async function runVerify(_args: string[], _io: CliIo): Promise<number> {
  throw new UsageError("verify is not yet available");
}
