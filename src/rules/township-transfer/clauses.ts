/** 区财政局: 适当核减乡镇有关经济指标,并研究制定对有关乡镇进行财政转移支付的办法. */
export const TRANSFER_CLAUSE = "《实施方案》四(十四)4";
/** The reported basis of the transfer: 以退出企业上年度税收形成的财力为标准 (coverage 1). */
export const REPORTED_BASIS_CLAUSE = "《实施方案》四(十四)4; 京华时报 (S1)";
/** Tax targets: 区财政局 reduces them, 国税/地税 supply the basis. */
export const TAX_TARGET_CLAUSE = "《实施方案》四(十四)4, 四(二十)2";
/** Economic (output) targets: 区统计局 supplies the data, 区发展改革委 adjusts the targets. */
export const OUTPUT_TARGET_CLAUSE = "《实施方案》四(十四)4, 四(十九)3, 四(六)5";
