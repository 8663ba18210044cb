import type { TownshipTransfer } from "../../schemas/cases.js";
import type { Domain } from "../domain.js";
import { townshipTransferMessages } from "./messages.js";
import { townshipTransfer } from "./townshipTransfer.js";

/** 财政转移支付与核减指标 · the township-transfer domain (DESIGN §4.4); batch cross-checks live in `crossCheck.ts`. */
export const townshipTransferDomain: Domain<TownshipTransfer> = {
  kind: "township-transfer",
  compute: townshipTransfer,
  messages: townshipTransferMessages,
};
