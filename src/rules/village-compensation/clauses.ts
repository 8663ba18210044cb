/** The plan's clause behind village-collective compensation: 研究制定《…补偿办法》,解决村集体经济调整退出后的困难和问题. */
export const COMPENSATION_CLAUSE = "《实施方案》三(三)3";
/** The clause above with the one that gives the method to 区经管站 (制定并组织实施《…补偿办法》). */
export const COMPENSATION_METHOD_CLAUSE = "《实施方案》三(三)3, 四(十五)";
