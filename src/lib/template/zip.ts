/**
 * An .xlsx is a zip, and the zip writer under exceljs (JSZip) stamps every entry with the current time.
 * The builds must be reproducible, so the entry dates are set to one fixed value after writing. Only the
 * DOS time/date fields change: they are outside the compressed data and its CRC.
 */

/** 1980-01-01 00:00, the earliest date a zip can hold: DOS date (year−1980)<<9 | month<<5 | day, time 0. */
const DOS_DATE = (0 << 9) | (1 << 5) | 1;
const DOS_TIME = 0;

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_HEADER = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;

/** Returns a copy of the zip with every entry dated 1980-01-01 00:00. Throws on bytes that are not a zip. */
export function fixZipDates(zip: Uint8Array): Uint8Array {
  const out = new Uint8Array(zip);
  const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
  // The end record is the last 22 bytes plus a comment of at most 65 535 bytes: search backwards.
  let end = -1;
  for (let i = out.length - 22; i >= 0 && i >= out.length - 22 - 0xffff; i--) {
    if (view.getUint32(i, true) === END_OF_CENTRAL_DIRECTORY) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new Error('fixZipDates: not a zip (no end of central directory)');
  const entries = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  for (let n = 0; n < entries; n++) {
    if (view.getUint32(at, true) !== CENTRAL_HEADER) throw new Error(`fixZipDates: bad central header at ${at}`);
    view.setUint16(at + 12, DOS_TIME, true);
    view.setUint16(at + 14, DOS_DATE, true);
    const local = view.getUint32(at + 42, true);
    if (view.getUint32(local, true) !== LOCAL_HEADER) throw new Error(`fixZipDates: bad local header at ${local}`);
    view.setUint16(local + 10, DOS_TIME, true);
    view.setUint16(local + 12, DOS_DATE, true);
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return out;
}
