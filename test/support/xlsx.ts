import { constants, deflateRawSync } from "node:zlib";
import { crc32 } from "../../src/node/formats/zip.js";

/** One file of a zip to build: its name, its bytes, and optionally a size its directory entry claims instead. */
export interface ZipPart {
  readonly name: string;
  readonly data: string | Uint8Array;
  readonly claimedSize?: number;
  readonly stored?: boolean;
  /** Data already deflated (`data` is then ignored), with the size and CRC its directory gives. */
  readonly deflated?: { readonly bytes: Uint8Array; readonly size: number; readonly crc: number };
}

/**
 * A zip bomb's part: `prefix`, then `gigabytes` GB of spaces, then `suffix`, deflated in about 1 MB per GB
 * (one 64 MB block of spaces compressed once and repeated), in a fraction of a second.
 */
export function bombPart(name: string, prefix: string, suffix: string, gigabytes = 1): ZipPart {
  const flush = { finishFlush: constants.Z_SYNC_FLUSH, level: 9 };
  const block = deflateRawSync(Buffer.alloc(64 * 1024 * 1024, 0x20), flush);
  const blocks = Array.from({ length: 16 * gigabytes }, () => block);
  const bytes = Buffer.concat([
    deflateRawSync(Buffer.from(prefix), flush),
    ...blocks,
    deflateRawSync(Buffer.from(suffix)),
  ]);
  return {
    name,
    data: "",
    deflated: { bytes, size: prefix.length + suffix.length + gigabytes * 1024 * 1024 * 1024, crc: 0 },
  };
}

/** A zip (deflate, or stored) of some parts, as a workbook file holds them. */
export function zipOf(parts: readonly ZipPart[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const raw = typeof part.data === "string" ? Buffer.from(part.data, "utf8") : Buffer.from(part.data);
    const data = Buffer.from(part.deflated?.bytes ?? (part.stored === true ? raw : deflateRawSync(raw)));
    const name = Buffer.from(part.name, "utf8");
    const size = part.claimedSize ?? part.deflated?.size ?? raw.length;
    const crc = part.deflated?.crc ?? crc32(raw);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(part.stored === true ? 0 : 8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, data);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(part.stored === true ? 0 : 8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += 30 + name.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}

const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
export const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

/** One sheet of a raw workbook: its name, the XML inside `<sheetData>` (and after it), its state. */
export interface RawSheet {
  readonly name: string;
  readonly rows: string;
  readonly after?: string;
  readonly state?: "hidden" | "veryHidden";
  /** The whole worksheet part instead (namespaces, prefixes). */
  readonly xml?: string;
}

type RawOptions = { readonly strings?: readonly string[]; readonly styles?: string; readonly date1904?: boolean };

/** An `.xlsx` written by hand: exactly the XML given (shared strings, styles and the 1904 flag optional). */
export function rawWorkbook(sheets: readonly RawSheet[], options: RawOptions = {}): Uint8Array {
  return zipOf(rawWorkbookParts(sheets, options));
}

/** The zip parts of {@link rawWorkbook}. */
export function rawWorkbookParts(sheets: readonly RawSheet[], options: RawOptions = {}): ZipPart[] {
  const rels = sheets
    .map(
      (_, index) =>
        `<Relationship Id="rId${index + 1}" Type="${R}/worksheet" Target="worksheets/sheet${index + 1}.xml"/>`,
    )
    .join("");
  const extra = [
    ...(options.strings === undefined
      ? []
      : [`<Relationship Id="rIdS" Type="${R}/sharedStrings" Target="sharedStrings.xml"/>`]),
    ...(options.styles === undefined ? [] : [`<Relationship Id="rIdY" Type="${R}/styles" Target="styles.xml"/>`]),
  ].join("");
  const escape = (text: string) => text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll('"', "&quot;");
  const parts: ZipPart[] = [
    {
      name: "_rels/.rels",
      data: `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${R}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    },
    {
      name: "xl/workbook.xml",
      data: `<?xml version="1.0"?><workbook xmlns="${MAIN}" xmlns:r="${R}">${options.date1904 === true ? '<workbookPr date1904="1"/>' : ""}<sheets>${sheets
        .map(
          (sheet, index) =>
            `<sheet name="${escape(sheet.name)}" sheetId="${index + 1}"${sheet.state === undefined ? "" : ` state="${sheet.state}"`} r:id="rId${index + 1}"/>`,
        )
        .join("")}</sheets></workbook>`,
    },
    {
      name: "xl/_rels/workbook.xml.rels",
      data: `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}${extra}</Relationships>`,
    },
    ...sheets.map((sheet, index) => ({
      name: `xl/worksheets/sheet${index + 1}.xml`,
      data:
        sheet.xml ??
        `<?xml version="1.0"?><worksheet xmlns="${MAIN}"><sheetData>${sheet.rows}</sheetData>${sheet.after ?? ""}</worksheet>`,
    })),
  ];
  if (options.strings !== undefined)
    parts.push({
      name: "xl/sharedStrings.xml",
      data: `<?xml version="1.0"?><sst xmlns="${MAIN}" count="${options.strings.length}">${options.strings.map((text) => `<si><t xml:space="preserve">${escape(text)}</t></si>`).join("")}</sst>`,
    });
  if (options.styles !== undefined) parts.push({ name: "xl/styles.xml", data: options.styles });
  return parts;
}

/** A row of inline-string cells from column A: `row(2, ["E-1", "台湖镇"])`. */
export function inlineRow(number: number, values: readonly (string | number | undefined)[]): string {
  const cells = values
    .map((value, index) => {
      if (value === undefined) return "";
      const ref = `${columnName(index)}${number}`;
      return typeof value === "number"
        ? `<c r="${ref}"><v>${value}</v></c>`
        : `<c r="${ref}" t="inlineStr"><is><t>${value.replaceAll("&", "&amp;").replaceAll("<", "&lt;")}</t></is></c>`;
    })
    .join("");
  return `<row r="${number}">${cells}</row>`;
}

function columnName(index: number): string {
  let name = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}
