/**
 * The clauses the enterprise-reward rules cite. 《实施方案》 is the Tongzhou plan (S0, official);
 * 京华时报 (S1) is the press report of the district's 《通州区工业调整退出工作奖励暂行办法》, whose
 * own text is not public (policy research §1).
 */
export const CLAUSES = {
  /** Unlicensed operators are in scope to be cleared (二(二)1) and are 清理取缔 (四(四)1); S1 limits the small reward to lawful firms. */
  unlicensed: "《实施方案》二(二)1, 四(四)1; 京华时报 (S1): 小企业奖励限于合法经营企业",
  /** The exit standard, checked by the third-party acceptance (四(二)9) and the township's acceptance (四(三十二)8). */
  acceptance: "《实施方案》二(四)2, 四(二)9, 四(三十二)8",
  /** Exempt categories: third-party assessment, then the district leading group decides. */
  exempt: "《实施方案》二(二)1",
  /** Catalogue industries must exit whole. */
  wholeExit: "《实施方案》二(二)2",
  /** The municipal reward: 50万–300万 by energy saved and pollutants reduced, kept in force by the plan. */
  municipalStandard: "京华时报 (S1): 市级奖励50万元至300万元; 《实施方案》三(三)1",
  /** Who certifies the energy figure: 统计局 for above-scale firms, a third party for below-scale firms. */
  municipalRaw: "京华时报 (S1): 依据能源节约量和污染物减排量; 《实施方案》四(十九)2, 四(二)8",
  /** The municipal reward is for enterprises above designated size. */
  scale: "京华时报 (S1): 规模以上企业; 《实施方案》四(十九)2",
  /** 区经信委 applies to 市经信委 for the municipal reward money. */
  municipalApplication: "《实施方案》四(二)7; 京华时报 (S1)",
  /** The district pays 70 % of the municipal standard to firms it recommended that got no municipal reward. */
  districtSupplement: "京华时报 (S1): 区推荐但未获市级奖励的企业按市级标准的70%奖励; 《实施方案》三(三)2, 四(十四)2",
  /** No stacking: the district reward is only for firms without a municipal reward. */
  noStacking: "京华时报 (S1): 区级奖励限于未获市级奖励的企业",
  /** The small lawful-enterprise reward: tax, employees, land; 60万 whole exit, 15万 process exit. */
  smallReward: "京华时报 (S1): 小企业综合奖励, 整体退出最高60万元, 环节退出最高15万元; 《实施方案》三(三)2, 四(十四)2",
  /** The track decision as a whole. */
  track: "京华时报 (S1); 《实施方案》二(二), 二(四)2, 三(三)",
  /** Deadlines: catalogue industries and north of 京哈 by end-2016; the whole district by end-2017. */
  deadline: "《实施方案》二(三)1(3)(4), 二(三)2",
} as const;
