import { schemaNames } from "../rules/jsonSchema.js";

// The commands' help in Chinese (their English help is beside each command). `…` marks a code, a field or a
// name that stays as it is; test/node/help.test.ts checks every option is here and no other English word is.

/** Each command's help in Chinese, by command (`rules-template` and `rules-diff` for the subcommands). */
export const HELP_ZH = {
  compute: `用法：exitfund compute <案件> [--rules <文件|编号>] [--programme <模块>] [--format json|ndjson|csv|xlsx|table] [--out <文件>] [--explain] [--case <编号>]... [--lang zh|en] [--skip-invalid] [--progress] [--threads <数目>]

按规则集（默认 \`tongzhou-2016\`）计算 <案件> 中的每个案件。<案件> 可以是 \`.json\` 文件（数组，或
{ "\`cases\`": [...] }）、\`.ndjson\`（每行一个案件）、\`.csv\` 或 \`.xlsx\`（\`docs/files.md\` 所列的平铺格式，即
「exitfund template <类别>」写出的样式），或用 - 表示标准输入（\`JSON\`、\`NDJSON\`、\`CSV\` 或 \`XLSX\`，按内容识别）。
表格可以在表头上方有标题行，可以有序号、备注列，下方可以有合计/小计行和签字行（均跳过并提示）；金额可写作
1,234.50、¥1250 或 １２３，各项取值均可用中文名称（是/否、整体退出、砖混结构）。

  --format json       输出 { \`ruleSet\`, \`results\`（按输入顺序）, \`totals\` { \`municipal\`, \`district\`, \`total\`,
                      \`byTownship\` }, \`errors\` }；标准输出不是终端时的默认格式
  --format ndjson     每行一个结果，最后一行为 { "\`ruleSet\`", "\`totals\`", "\`errors\`" }
  --format csv        每个结果一行（\`UTF-8\` 带 \`BOM\`，金额为精确小数）；合计写到标准错误
  --format xlsx       工作簿（结果、按乡镇合计并附人民币大写；加 --explain 时附计算过程）；须给出 --out
                      （或把标准输出重定向到文件）
  --format table      便于阅读的表格；在终端上的默认格式
                      不给 --format 时，按 --out 的扩展名（\`.json\`、\`.ndjson\`、\`.csv\`、\`.xlsx\`）选择
  --out <文件>        写到 <文件>，而不是标准输出
  --rules <编号|文件> 内置规则集编号或规则集文件（默认 \`tongzhou-2016\`）
  --programme <模块>  一个 \`ES\` 模块，其默认导出（或名为 \`programme\` 的导出）是用 \`exitfund/rules\` 搭建的方案：
                      本区的扩展（见 \`docs/extending.md\`）；--rules 给出与之配套的规则集
  --explain           在 \`json\`、\`ndjson\`、\`xlsx\` 中附上每个结果的计算过程；在表格中逐案写出说明
  --case <编号>       只说明这个案件（可重复：--case A --case B），隐含 --explain：表格只写这些案件的说明，
                      \`json\`/\`ndjson\`/\`xlsx\` 只附它们的计算过程；编号不存在时报错
  --lang zh|en        表格和说明的语言（默认随系统区域设置）
  --skip-invalid      计算有效的案件，并列出无效的案件（有案件被跳过时退出状态为 1）
  --threads <数目>    流式处理大型 \`.ndjson\` 时的工作线程数（默认 1；双核机器可用 2）；输出逐字节相同，
                      内存占用更高
  --progress          即使标准错误不是终端，也报告进度（在终端上，流式批量运行超过一秒时自动出现进度条）
  --map <文件>        映射文件（\`.json\` 或 \`.xlsx\`），把表格自有的表头和取值名称对应到标准格式，用于其他系统
                      导出的表格（见 \`docs/files.md\`「映射」）
  -h, --help          显示本帮助

\`.ndjson\` 文件配合 --format ndjson、csv 或 json 时以有限内存流式处理：第一遍检查每一行，第二遍逐个计算并立即写出
（见 \`docs/files.md\`「流式处理」）；转移支付仍会与其所列的退出企业交叉核对。
输入有误时：每个问题都按文件、工作表、行、列（或行号，或序号与字段路径）列在标准错误上，不写出任何结果。
退出状态：0 已计算；1 有案件被跳过；2 输入有误。

示例：
  exitfund compute 案件.xlsx --out 结果.xlsx
  exitfund compute 全区.ndjson --format csv --out 结果.csv
  cat 案件.json | exitfund compute - --explain > 结果.json
  exitfund compute 台湖镇.xlsx --format xlsx > 结果.xlsx
  exitfund compute 案件.json --case E-2016-0009 --lang zh`,
  verify: `用法：exitfund verify <申报> [--format json|table|xlsx] [--out <文件>] [--rules <文件|编号>] [--programme <模块>] [--map <文件>] [--explain] [--lang zh|en]

区住房城乡建设委的腾地经费核定表：逐项核定各乡镇的地上物腾退申报（土地腾退类案件）——申报与核定的
结构类型、数量和金额，以及发现的问题；并给出区财政局向各乡镇足额拨付的合计。

  <申报>              土地腾退类案件：\`.json\`（数组，或 { "\`cases\`": [...] }）、\`.ndjson\`、\`.csv\` 或 \`.xlsx\`
                      （模板，或乡镇自己的表格：读取每个数据表；标题、序号、合计和填表人行跳过并提示），
                      或用 - 表示标准输入（以上任一格式，按内容识别）
  --map <文件>        映射文件（\`.json\` 或 \`.xlsx\`），把表格自有的表头和取值名称对应到腾退申报格式
                      （见 \`docs/files.md\`「映射」）
  --format json       计算文档（结果、合计、错误）；标准输出不是终端时的默认格式
  --format table      每份申报一张表，附合计及核定合计的大写；在终端上的默认格式
  --format xlsx       工作簿（--out，或把标准输出重定向到文件）：先是汇总表，然后每份申报一张可打印的核定表
  --out <文件>        写到 <文件>，而不是标准输出
  --rules <编号|文件> 内置规则集（\`tongzhou-2016\`）或规则集 \`JSON\` 文件（默认 \`tongzhou-2016\`）
  --programme <模块>  默认导出为方案（\`exitfund/rules\`）的 \`ES\` 模块：本区的扩展（见 \`docs/extending.md\`）；
                      此时 --rules 给出为这些扩展赋值的规则集
  --explain           在 \`JSON\` 中附上每个结果的计算过程
  --lang zh|en        表格的语言（默认随系统区域设置）；工作簿始终为中文
  -h, --help          显示本帮助

退出状态：0 各项核定无误；1 有需要处理的发现；2 输入或用法有误。

示例：
  exitfund verify examples/verify/declarations.json --format xlsx --out 核定表.xlsx
  exitfund verify 台湖镇申报.xlsx --format xlsx > 核定表.xlsx`,
  audit: `用法：exitfund audit <案件> --ledger <文件> [--ledger-map <文件>] [--map <文件>] [--tolerance <金额>] [--rules <文件|编号>] [--programme <模块>] [--format json|table|xlsx] [--out <文件>] [--explain] [--case <编号>]... [--lang zh|en]

以案件为依据审计拨付台账：每个案件按规则集重新计算，并按支付方与台账中为其拨付的各行比对
（《实施方案》四(十七)：审计局对退出资金的使用情况进行监督）。

  <案件>              案件：\`.json\`（数组，或 { "\`cases\`": [...] }）、\`.ndjson\`、\`.csv\`、\`.xlsx\`，或用 - 表示
                      标准输入（以上任一格式，按内容识别）
  --ledger <文件>     拨付台账：每行 { \`caseId\`, \`payer\`（\`municipal\`|\`district\`）, \`amount\`, \`paidOn\`, \`voucher\`? }，
                      可为 \`.json\`（数组，或 { "\`ledger\`": [...] }）、\`.csv\` 或 \`.xlsx\`（或 -）；财务系统导出的表
                      可直接读取：项目编号、资金来源（市级资金、区级资金）、借方金额（减贷方金额）、日期
                      （2016/7/1、2016年7月1日）、凭证字号；标题行、合计行和 "411,840.07" 这样的金额都能读取
                      （见 \`docs/files.md\`）
  --ledger-map <文件> 映射文件（\`.json\` 或 \`.xlsx\`），当导出表的表头和取值名称不是常见写法时，把它们对应到台账
                      字段：{ "\`columns\`": { "项目代号": "\`caseId\`", … }, "\`values\`": { "\`payer\`": { "上级资金": "\`municipal\`" } } }
  --map <文件>        对 <案件> 的表格作同样的映射
  --tolerance <金额>  金额差异不超过此数时不算不一致（默认 0）；已付未欠、重复支付、支付方错误和未知案件始终报告
  --rules <编号|文件> 内置规则集或规则集 \`JSON\` 文件（默认 \`tongzhou-2016\`）
  --programme <模块>  默认导出为方案（\`exitfund/rules\`）的 \`ES\` 模块：本区的扩展（见 \`docs/extending.md\`）；
                      此时 --rules 给出为这些扩展赋值的规则集
  --format json       { \`ruleSet\`, \`tolerance\`, \`discrepancies\`, \`totals\`, \`counts\`, \`reconciliation\` }；标准输出
                      不是终端时的默认格式
  --format table      不一致之处及合计；在终端上的默认格式
  --format xlsx       工作簿（--out，或把标准输出重定向到文件）：不一致之处、每个案件的对账，以及每个不一致
                      案件的计算过程
  --out <文件>        写到 <文件>，而不是标准输出
  --explain           在不一致之处之后，逐条用文字说明，并附其案件的说明：每个数字的算式、参数和条件
                      （表格；\`json\` 增加 "\`explanations\`": [{ \`caseId\`, \`discrepancies\`, \`text\` }]）
  --case <编号>       只说明这个案件（可重复），无论是否不一致；隐含 --explain；编号不存在时报错，并给出最接近的编号
  --lang zh|en        说明的语言（默认随系统区域设置）
  -h, --help          显示本帮助

不一致的类型：少付（\`underpaid\`）、多付（\`overpaid\`）、未付（\`unpaid\`）、已付未欠（\`paid-not-owed\`）、
重复支付（\`duplicate-payment\`）、支付方错误（\`wrong-payer\`）、未知案件（\`unknown-case\`）；差额 = 已付 − 应付。
同一案件、同一支付方有多行时，最早的一行为支付，其后各行为重复支付（应付为 0），因此 Σ 差额 = Σ 已付 − Σ 应付。
退出状态：0 台账相符；1 发现不一致；2 输入或用法有误（列出所有问题）。

示例：
  exitfund audit examples/tongzhou-2016/cases.json --ledger examples/tongzhou-2016/ledger.json --format table`,
  budget: `用法：exitfund budget <案件> [--by <维度>] [--cap <金额> --payer <支付方> [--full-kinds <类别>]] [--verbose] [--rules <文件|编号>] [--programme <模块>] [--format json|table|xlsx] [--out <文件>] [--lang zh|en]

应付金额的预算汇总（《实施方案》四(十四)：区财政局负责区级退出资金的筹措与核算）；给出上限时，按比例
分配到分。

  <案件>              案件：\`.json\`（数组，或 { "\`cases\`": [...] }）、\`.ndjson\`、\`.csv\` 或 \`.xlsx\`（读取每个
                      数据表；见 \`docs/files.md\`），或用 - 表示标准输入的 \`JSON\`
  --by <维度>         按 \`township\`（乡镇）、\`payer\`（支付方）、\`track\`（路径）、\`year\`（年度）中的任意几项分组，
                      以逗号分隔（默认 \`township\`）。\`payer\` 把每个案件分为市级和区级两部分（为零的部分省略）；
                      \`track\` 对企业为其奖励路径，对其他案件为案件类别；\`year\` 取 \`exitCompletedOn\`、\`declaredOn\`、
                      \`clearedOn\` 的年份，或转移支付的 \`fiscalYear\`
  --cap <金额>        --payer 可用的资金：上限与应付二者中的较小者，分给该支付方应付的案件
  --payer <支付方>    先足额支付 --full-kinds 所列类别，其余案件按比例分享剩余部分（最大余数法，余数相同
                      时给排在前面的案件；多得一分的案件计数，并列在 \`remainder\` 下）；按每个 --by 分组列出
                      （应付、分配、缺口）。上限低于足额类别合计时，由这些类别按比例分配全部上限，其他类别为零，
                      并给出警告，说明足额支付所需金额（\`allocation.warnings\`：\`cap-below-full-kinds\`；退出码 0）
  --full-kinds <类别> 在上限内足额（全额）支付的案件类别，以逗号分隔，如
                      \`structure-clearance,village-compensation\`；都不足额：--full-kinds ""；默认为规则集规定
                      足额支付的类别（\`clearance.paidInFull\`：腾地经费，《实施方案》四(十四)3）
  --verbose           配合 --cap：列出每个案件的份额，以及哪些案件多得一分
  --rules <编号|文件> 内置规则集或规则集 \`JSON\` 文件（默认 \`tongzhou-2016\`）
  --programme <模块>  默认导出为方案（\`exitfund/rules\`）的 \`ES\` 模块：本区的扩展（见 \`docs/extending.md\`）；
                      此时 --rules 给出为这些扩展赋值的规则集
  --format json       { \`ruleSet\`, \`groups\`: [{ \`key\`, \`amount\` }], \`total\`, \`allocation\`?: { \`cap\`, \`payer\`, \`owed\`,
                      \`allocated\`, \`fullKinds\`, \`groups\`: [{ \`key\`, \`owed\`, \`allocated\`, \`shortfall\` }], \`shares\`,
                      \`remainder\`, \`warnings\`? } }；标准输出不是终端时的默认格式
  --format table      各分组的金额（元和万元）及合计，以及分配情况；在终端上的默认格式
  --format xlsx       可打印的工作簿（--out，或把标准输出重定向到文件）：分组汇总，以及按分组、按案件的分配
  --out <文件>        写到 <文件>，而不是标准输出
  --lang zh|en        表格和提示的语言（默认随系统区域设置）
  -h, --help          显示本帮助

退出状态：0 完成；2 输入或用法有误（列出所有问题）。

示例：
  exitfund budget examples/tongzhou-2016/cases.json --by township,payer --cap 5000000 --payer district`,
  compare: `用法：exitfund compare <案件> --rules <甲> (--against <乙> | --scale <参数>=<系数>[,…]) [--order <参数,…>] [--programme <模块>] [--format json|table|xlsx] [--out <文件>] [--lang zh|en]

假设分析：分别按规则集甲和规则集乙计算每个案件，按案件、乡镇、支付方和类别列出变化（乙 − 甲），
并把总变化归因到每个不同的参数。

  <案件>              案件：\`.json\`（数组，或 { "\`cases\`": [...] }）、\`.ndjson\`、\`.csv\` 或 \`.xlsx\`（读取每个
                      数据表；见 \`docs/files.md\`），或用 - 表示标准输入的 \`JSON\`
  --rules <甲>        出发的规则集：内置编号或规则集 \`JSON\` 文件
  --against <乙>      用来比较的规则集（例如一个 "\`extends\`": "\`tongzhou-2016\`" 并提高某一标准的文件）
  --scale <调整>      不必重抄整张表的假设：乙为甲（或 --against 给出的乙）中这些参数的金额乘以系数，以逗号
                      分隔：clearance.rates=+10%、reward.small.cap.whole=1.2、village.perMu=-5%（系数可写
                      1.1、110%、+10% 或 -5%；可为一个参数，或其表中的一个键；作用于每个日期的取值；分档标准
                      调整费率和金额，不调整起点）。调整后的取值标为示例值，乙另有编号（\`<编号>+scale\`）
  --order <参数>      归因顺序：先按所给顺序取这些不同的参数（或 \`rounding\` 取整），以逗号分隔；其余参数
                      随后按字母顺序（取整最后）
  --programme <模块>  默认导出为方案（\`exitfund/rules\`）的 \`ES\` 模块：两个规则集都按它加载（见 \`docs/extending.md\`）
  --map <文件>        映射文件（\`.json\` 或 \`.xlsx\`），把表格自有的表头和取值名称对应到标准格式（见 \`docs/files.md\`「映射」）
  --format json       { \`ruleSets\`, \`cases\`, \`totals\` { \`a\`, \`b\`, \`delta\`, \`byTownship\`, \`byKind\` }, \`attribution\` }；
                      标准输出不是终端时的默认格式
  --format table      有变化的案件、合计和归因；在终端上的默认格式
  --format xlsx       可打印的中文工作簿：对比汇总（按支付方、乡镇和类别）、参数归因、变化明细
  --out <文件>        写到 <文件>，而不是标准输出
  --lang zh|en        表格的语言（默认随系统区域设置）
  -h, --help          显示本帮助

归因方法：从甲出发，按字母顺序（取整最后）或 --order 所给顺序，每次从乙取一个不同的参数；该参数的贡献
为这一步之后的合计减去之前的合计。各部分之和恰好等于总变化；参数之间相互影响（上限、起点、路径门槛）时，
顺序会影响结果，\`attribution.order\` 写明所用的顺序。
退出状态：0 完成；2 输入或用法有误（列出所有问题）。

示例：
  exitfund compare examples/tongzhou-2016/cases.json --rules tongzhou-2016 --against 标准提高10%.json --format table
  exitfund compare examples/tongzhou-2016/cases.json --rules tongzhou-2016 --scale clearance.rates=+10% --format xlsx --out 测算.xlsx`,
  report: `用法：exitfund report <案件> [--ledger <文件>] [--cap <金额> [--payer <支付方>]] [--rules <文件|编号>] [--programme <模块>] [--case-limit <数目>] [--lang zh|en] --out <报告.html>

报告：给区财政局领导看的单个自包含网页（见 \`docs/report.md\`）：按支付方、乡镇、类别和年度的资金汇总
（表格与柱状图）、按奖励路径的构成、腾地申报的核定（按乡镇列出申报与核定、按类型列出发现）、台账审计
（加 --ledger）、上限内的分配（加 --cap）、规则集（示例值单列在前）、每项合计的数字与大写，以及可检索的
每个案件及其说明（中文，可切换英文）。网页不加载任何外部内容（严格的内容安全策略，图表为内嵌矢量图），
可离线打开，可在 A4 纸上打印（每节一页、重复表头、页码）。

  <案件>              案件：\`.json\`（数组，或 { "\`cases\`": [...] }）、\`.ndjson\`、\`.csv\` 或 \`.xlsx\`，或用 - 表示
                      标准输入的 \`JSON\`
  --ledger <文件>     拨付台账（\`.json\`、\`.csv\` 或 \`.xlsx\`，与 exitfund audit 相同）：增加审计一节
  --cap <金额>        --payer 可用的资金：增加 exitfund budget --cap 的分配一节
  --payer <支付方>    --cap 限定的是谁的预算：\`district\`（区级，默认）或 \`municipal\`（市级）
  --rules <编号|文件> 内置规则集或规则集 \`JSON\` 文件（默认 \`tongzhou-2016\`）
  --programme <模块>  默认导出为方案（\`exitfund/rules\`）的 \`ES\` 模块：本区的扩展（见 \`docs/extending.md\`）；
                      此时 --rules 给出为这些扩展赋值的规则集
  --case-limit <数目> 最多列出这么多案件及其说明（默认 5000）；网页注明还有多少未列出——各项合计仍计入每个案件
  --out <文件>        要写出的网页（\`.html\`）；不给时，若标准输出不是终端则写到标准输出
  --lang zh|en        网页打开时的语言（网页上的开关可切换）：除非 --lang en，否则为中文
  -h, --help          显示本帮助

退出状态：0 已写出；2 输入或用法有误（列出所有问题，不写出任何文件）；74 无法写出。

示例：
  exitfund report examples/tongzhou-2016/cases.json --ledger examples/tongzhou-2016/ledger.json --cap 800000000 --out 报告.html`,
  demo: `用法：exitfund demo [--out-dir <文件夹>] [--rules <文件|编号>] [--xlsx] [--lang zh|en]

计算合成的示例区 \`examples/tongzhou-2016/\`（2,776 个企业退出、300 份腾地申报、120 个村集体补偿、
每个乡镇一笔转移支付，以及一份预置了差错的拨付台账），并打印：
  - 按乡镇和支付方的合计（元和万元），总计附大写；
  - 腾地申报的核定：按代码列出发现，申报与核定对比；
  - 台账审计：按类型列出不一致，应付、已付及差额。
把 \`results.json\`（计算文档，不含计算过程）、\`verification.json\`、\`audit.json\` 和 \`report.html\`（即 exitfund report
的网页：合计、图表、核定、审计、每个案件；见 \`docs/report.md\`）写到 --out-dir（默认为工作目录下的 \`out/\`）。

  --out-dir <文件夹>  写出文件的文件夹（默认 \`out/\`）
  --rules <编号|文件> 内置规则集编号或规则集 \`JSON\` 文件（默认 \`tongzhou-2016\`）
  --xlsx              另外写出 \`results.xlsx\` 和 \`verification.xlsx\`（住建委的全部 300 份申报的核定工作簿）；
                      生成工作簿需要多花几秒
  --lang zh|en        提示的语言（默认随系统区域设置）
  -h, --help          显示本帮助

数据均为虚构，规则集中的示例值只是占位数字，并非官方数字。
退出状态：0 完成；2 用法有误，或示例区无法按该规则集计算。

示例：
  exitfund demo
  exitfund demo --out-dir /tmp/demo --xlsx`,
  rules: `用法：exitfund rules [--rules <文件|编号>] [--programme <模块>] [--format json|table|md] [--out <文件>] [--lang zh|en]

打印解析后的规则集（默认 \`tongzhou-2016\`）：--format json 严格按规则集格式输出（每个参数附状态、出处和
各日期的取值；已展开继承）；--format table 每个参数一行，列出最新取值、生效日期和状态；--format md 输出
规则集目录（示例值单列在前，按领域列出参数、规则及其引用的条款，以及出处）。加 --programme 时，对照方案的
参数和规则检查规则集（见 \`docs/extending.md\`）。
示例值只是占位数字，绝非官方数字。

  --rules <编号|文件> 内置规则集编号或规则集文件（\`.json\` 或参数工作簿 \`.xlsx\`）
  --programme <模块>  默认导出为方案（\`exitfund/rules\`）的 \`ES\` 模块（见 \`docs/extending.md\`）
  --format <格式>     \`json\`、\`table\`（在终端上的默认格式）或 \`md\`
  --out <文件>        写到 <文件>，而不是标准输出
  --lang zh|en        表格的语言（默认随系统区域设置）
  -h, --help          显示本帮助

示例：
  exitfund rules --format json > tongzhou-2016.json
  exitfund rules --rules 本区规则.json`,
  "rules-template": `用法：exitfund rules template [--rules <文件|编号>] [--programme <模块>] [--format xlsx|json] --out <文件>

把规则集（默认 \`tongzhou-2016\`；加 --rules 时为该规则集，已展开继承）写成供财务人员填写的参数工作簿
（见 \`docs/concepts.md\`「用电子表格提供参数」）：规则集表（编号、版本、名称、英文名称、生效日期、取整）；参数表，
每个取值一行（参数名、中文名称、表格键、取值、单位、起始日期、状态、出处、条款、附注、同义词；状态和出处为
下拉选择）；来源表；条款表（每条规则引用的条款）；以及中文说明表。填好的工作簿可用于任何接受 --rules 文件
的地方（--rules 参数.xlsx）：每个问题都按工作表、行和列指出。请先修改编号：从文件读取的规则集不能使用内置
编号。--format json 把同一规则集写成 \`JSON\`。

  --rules <编号|文件> 作为起点的规则集（默认 \`tongzhou-2016\`）
  --programme <模块>  默认导出为方案（\`exitfund/rules\`）的 \`ES\` 模块（见 \`docs/extending.md\`）
  --format <格式>     \`xlsx\`（默认）或 \`json\`
  --out <文件>        要写出的文件
  -h, --help          显示本帮助

示例：
  exitfund rules template --format xlsx --out 参数.xlsx
  exitfund compare 案件.xlsx --rules tongzhou-2016 --against 参数.xlsx`,
  "rules-diff": `用法：exitfund rules diff <甲> <乙> [--programme <模块>] [--format json|table|xlsx] [--out <文件>] [--lang zh|en]

列出规则集甲与规则集乙（各为内置编号或规则集 \`JSON\` 文件，展开继承后比较）的全部差异：新增或删除的参数；
每个日期的取值（按起始日期对应）的数值、状态、出处和条款；参数本身的状态、出处、条款和附注；出处；以及
取整方式。小数按数值比较（"360" = "360.00"）。

  --programme <模块>  默认导出为方案（\`exitfund/rules\`）的 \`ES\` 模块：两个规则集都按它加载（本区为其扩展
                      参数赋值的规则集）
  --format json       { \`a\`, \`b\`, \`identical\`, \`rounding\`?, \`sources\`: [...], \`parameters\`: [...] }；标准输出
                      不是终端时的默认格式
  --format table      每处差异一行；在终端上的默认格式
  --format xlsx       可打印的中文工作簿：规则差异表，每处差异一行，取值用文字表述
  --out <文件>        写到 <文件>，而不是标准输出
  --lang zh|en        表格的语言（默认随系统区域设置）
  -h, --help          显示本帮助

退出状态：0 完成（无论两个规则集是否不同：见 "\`identical\`"）；2 输入或用法有误。

示例：
  exitfund rules diff tongzhou-2016 标准提高10%.json --format table`,
  template: `用法：exitfund template <类别> [--format csv|xlsx] [--out <文件>] [--rules <文件|编号>] [--programme <模块>]

为 <类别>（${schemaNames()
    .filter((name) => name !== "rules")
    .map((name) => `\`${name}\``)
    .join("、")}）写出一张待填写的空白表：表头为英文和中文（"\`energySavedTce\` / 节能量（吨标煤）"），
附一个示例（一个有效的案件；含明细的类别——地上物、租约、退出企业——每条明细一行，案件本身的列重复填写），
以 A 列“示例”和以“示例-”开头的编号（\`示例-E-2016-0001\`）标出：填写前请删除示例行，否则整个文件不予计算。
\`exitfund compute\` 可读回填好的表（\`docs/files.md\` 列出每一列、其单位及可接受的写法）。

  --format csv        默认：\`UTF-8\` 带 \`BOM\`，\`Excel\` 可正确显示中文表头
  --format xlsx       每个枚举列有下拉选择，编号、金额和数量为文本格式（\`Excel\` 保留精确小数），日期为日期格式，
                      表头行冻结，并附说明表描述每一列；须给出 --out（或把标准输出重定向到文件）。
                      不给 --format 时，按 --out 的扩展名选择
  --out <文件>        写到 <文件>，而不是标准输出
  --rules <编号|文件> 腾退申报下拉列表所列结构类型取自的规则集（默认 \`tongzhou-2016\`）
  --programme <模块>  方案模块（见 \`docs/extending.md\`）：模板包含其扩展增加的列
  -h, --help          显示本帮助

示例：
  exitfund template enterprise-exit --format xlsx --out 企业.xlsx
  exitfund template structure-clearance > 腾退申报.csv`,
  serve: `用法：exitfund serve [--host 127.0.0.1] [--port 8080] [--rules <文件|编号>] [--programme <模块>] [--cors <来源,…>] [--token-file <文件>] [--max-body <字节数>] [--timeout <毫秒>] [--concurrency <数目>] [--lang zh|en]

通过 \`HTTP\` 提供 \`JSON\` 接口，供预算工具（\`Excel\` 的 \`Power Query\`、\`Python\`、住建委的系统）调用：每个 \`POST\`
接收命令行读取的案件文档（数组，或 { "\`cases\`": [...] }，并在旁边给出命令的选项），返回该命令
以 --format json 打印的文档，逐字节相同。

  \`POST /compute /verify /audit /budget /compare /explain\`     \`GET /rules /rules/{id} /schemas /schemas/{name}\`
  \`GET /openapi.json\`（\`OpenAPI 3.1\`）   \`GET /health\`

  --host <地址>        监听地址（默认 127.0.0.1：仅本机）；其他地址而未给 --token-file 时打印警告
  --port <端口>        端口（默认 8080；0 表示任选一个空闲端口，打印在标准错误上）
  --rules <文件|编号>  每个请求的默认规则集（默认 \`tongzhou-2016\`）；请求可以指明它或某个内置规则集，或直接给出规则集
  --programme <模块>   默认导出为方案（\`exitfund/rules\`）的 \`ES\` 模块：本区的扩展（见 \`docs/extending.md\`）；
                       请求永远不会加载代码
  --cors <来源>        允许哪些来源的浏览器网页调用，须完全一致，以逗号分隔（https://budget.example.gov.cn）；默认不允许
  --token-file <文件>  除 \`/health\` 外，每个路由都需要 \`Authorization: Bearer <文件中的令牌>\`（至少 16 个字符；
                       该文件应只有你本人可读）
  --max-body <字节数>  读取的最大请求体（默认 16777216，即 16 MB）：超过时返回 413
  --timeout <毫秒>     单个请求的最长时间（默认 30000）：超过时返回 503
  --concurrency <数目> 同时处理的请求数（默认 4）：更多的请求返回 503 并附 \`Retry-After\`
  --lang zh|en         启动、请求日志和停止提示的语言（默认随系统区域设置）
  -h, --help           显示本帮助

错误为 \`JSON\` { \`code\`, \`message\`, \`zh\` }：400 不是 \`JSON\`（包括某个键重复给出），401 令牌有误，403 主机或来源
不允许，404 无此路由，405 方法错误（附 \`Allow\`），413 过大，415 不是 \`application/json\`，422 输入无效（\`issues\`：
每个问题，与命令行所列相同），503 繁忙或过慢（附 \`Retry-After\`）。每个请求在标准错误上记一行（方法、路径、
状态、毫秒数；从不记录请求体）。\`SIGINT\`/\`SIGTERM\`：停止接受新请求，处理完正在进行的请求后退出，退出状态 130/143。
见 \`docs/serve.md\`。

示例：
  exitfund serve
  curl -s -H 'Content-Type: application/json' --data-binary @案件.json http://127.0.0.1:8080/compute`,
  test: `用法：exitfund test <测试文件…> [--update] [--yes] [--lang zh|en]

运行测试文件：本区希望其规则集和方案重现的算例。每个参数是一个测试文件（\`.json\`，或同样结构的
\`.yaml\`/\`.yml\`）、一个文件夹（其下每个 \`.json\`、\`.yaml\` 和 \`.yml\` 文件）或一个通配模式（"fixtures/**/*.yaml"）。
测试文件的结构为
  { "\`rules\`"?: <文件|编号>, "\`programme\`"?: <模块>,
    "\`tests\`": [ { "\`name\`": "…", "\`case\`": { …一个案件… },
                 "\`expect\`": { "\`amounts\`"?: { "\`municipal\`"?, "\`district\`"?, "\`total\`"? }, "\`track\`"?, "\`eligible\`"?,
                             "\`findings\`"?: [代码] } } ] }
其中 \`rules\` 和 \`programme\` 相对于测试文件（默认为内置的 \`tongzhou-2016\` 和默认方案）。只检查 \`expect\` 中给出的
字段；金额按精确小数比较，发现按代码列表比较（不计顺序）。即使有测试失败，每个测试也都会运行；每个失败
的测试逐字段（以字段的中文名称）列出期望值与实际值；最后一行统计通过、失败和出错的数目。

  --update            用计算结果改写每个失败测试的 \`expect\`（只改它已检查的字段；一个都未检查时改全部四项），
                      在终端上会先询问；\`JSON\` 仍为 \`JSON\`，其余每个字节保持不变，\`YAML\` 仍为 \`YAML\`，保留注释；
                      每个文件要么整体替换，要么完全不变
  --yes               确认 --update，不再询问（标准输入不是终端时必须给出）
  --lang zh|en        报告的语言（默认随系统区域设置）
  -h, --help          显示本帮助

退出状态：0 全部通过（或已改写）；1 有测试失败；2 测试文件格式有误、无法读取，或某个测试的案件无效
（每个问题按「文件 › 测试 › 字段」列在标准错误上）。

示例：
  exitfund test examples/tongzhou-2016/fixtures
  exitfund test 本区/fixtures/bonuses.yaml --update`,
  schema: `用法：exitfund schema <${schemaNames()
    .map((name) => `\`${name}\``)
    .join("|")}> [--out <文件>] [--programme <模块>]

打印某类案件、台账行或规则集的 \`JSON Schema\`（\`draft 2020-12\`）：每个字段及其中文名称、可接受的取值，以及
哪些字段必填。以 "\`$schema\`" 指向它的案件文件，编辑器即可校验。

  --out <文件>        写到 <文件>，而不是标准输出
  --programme <模块>  默认导出为方案（\`exitfund/rules\`）的 \`ES\` 模块：包括其案件类别及其扩展增加的字段
                      （见 \`docs/extending.md\`）
  -h, --help          显示本帮助

示例：
  exitfund schema enterprise-exit > enterprise-exit.schema.json`,
} as const;
