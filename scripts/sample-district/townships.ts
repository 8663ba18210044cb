/**
 * 通州区乡镇 · the townships of the sample district, with the number of planned exits each gets.
 *
 * @remarks
 * 2,776 firms were planned for 2016: 张家湾 629, 宋庄 517, 潞城 464, and seven townships had more than
 * 100 each (S3, policy.md §5.9). The split of the other 1,166 among the other eight townships is invented so
 * that exactly four more exceed 100. Regions (north/south of 京哈高速, the G1 expressway): the expressway
 * crosses the district's middle from 台湖/张家湾 towards 西集. The sample counts 宋庄, 潞城, 永顺, 梨园 (the
 * sub-centre's side), 台湖 (cleared with the north by end-2016, S16) and 张家湾 as north, so that 2,025 of the
 * exits are north — "京哈高速以北 … 工业大院 … 涉及企业2000多家" (N1) — and every other township as south,
 * one region per township: in reality 张家湾 and 西集 straddle the road.
 */
export interface Township {
  readonly name: string;
  readonly short: string;
  readonly region: "north" | "south";
  readonly enterprises: number;
  /** Synthetic villages (示例村01 …). */
  readonly villages: number;
  /** The impact ratio the sample aims for in the township-transfer case (lost capacity ÷ revenue). */
  readonly targetImpact: string;
}

export const TOWNSHIPS: readonly Township[] = [
  { name: "张家湾镇", short: "ZJW", region: "north", enterprises: 629, villages: 28, targetImpact: "0.082" },
  { name: "宋庄镇", short: "SZ", region: "north", enterprises: 517, villages: 26, targetImpact: "0.071" },
  { name: "潞城镇", short: "LC", region: "north", enterprises: 464, villages: 24, targetImpact: "0.064" },
  { name: "台湖镇", short: "TH", region: "north", enterprises: 232, villages: 20, targetImpact: "0.031" },
  { name: "马驹桥镇", short: "MJQ", region: "south", enterprises: 218, villages: 22, targetImpact: "0.018" },
  { name: "西集镇", short: "XJ", region: "south", enterprises: 186, villages: 20, targetImpact: "0.058" },
  { name: "永乐店镇", short: "YLD", region: "south", enterprises: 153, villages: 18, targetImpact: "0.062" },
  { name: "漷县镇", short: "HX", region: "south", enterprises: 98, villages: 18, targetImpact: "0.042" },
  { name: "于家务回族乡", short: "YJW", region: "south", enterprises: 96, villages: 12, targetImpact: "0.036" },
  { name: "梨园镇", short: "LY", region: "north", enterprises: 92, villages: 10, targetImpact: "0.02" },
  { name: "永顺镇", short: "YS", region: "north", enterprises: 91, villages: 8, targetImpact: "0.02" },
];

/** A synthetic village of a township: 示例村01 … */
export function villageName(index: number): string {
  return `示例村${String(index).padStart(2, "0")}`;
}
