/** 乡镇核实申报 · the township confirms the structures and declares the fee. */
export const CLAUSE_DECLARE = "《实施方案》四(三十二)10";
/** 住建委核定 · the housing commission verifies what the townships declared. */
export const CLAUSE_VERIFY = "《实施方案》四(十一)4";
/** 财政局足额拨付 · the finance bureau pays in full, by the verified quantities and the 测算标准, to the township. */
export const CLAUSE_PAY = "《实施方案》四(十四)3";
/** The fee of an item: verified quantities (四(十一)4) priced by the 测算标准 (四(十四)3). */
export const CLAUSE_FEE = "《实施方案》四(十一)4, 四(十四)3";
