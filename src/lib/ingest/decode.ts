/**
 * Bytes → text. Maintainers save CSV from Excel or LibreOffice, so we accept what those write:
 * UTF-8 (with or without BOM), UTF-16 with BOM ("Unicode Text"), and Windows-1258 (Excel "CSV" on a
 * Vietnamese Windows). Decoding tables are the platform's (TextDecoder, the WHATWG Encoding Standard's, the same
 * in Node and in the browser's check page); nothing here is a hand-made code page.
 */
import chardet from 'chardet';
import type { Diagnostic } from '../types.ts';

export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1258';

export interface DecodedText {
  text: string;
  encoding: TextEncoding;
  diagnostics: Diagnostic[];
}

// fatal: true makes the native decoder tell us the bytes are not UTF-8 instead of inserting U+FFFD.
const utf8Strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export function decodeBytes(bytes: Uint8Array, file: string): DecodedText {
  const b0 = bytes[0];
  const b1 = bytes[1];
  if (b0 === 0xef && b1 === 0xbb && bytes[2] === 0xbf) {
    const text = decodeUtf8(bytes.subarray(3));
    if (text !== undefined) return { text, encoding: 'utf-8-bom', diagnostics: [] };
    // A BOM followed by bytes that are not UTF-8: fall through to the Windows-1258 guess on the rest.
    return windows1258(bytes.subarray(3), file);
  }
  if (b0 === 0xff && b1 === 0xfe) {
    return { text: decodeAs(bytes.subarray(2), 'utf-16le'), encoding: 'utf-16le', diagnostics: [] };
  }
  if (b0 === 0xfe && b1 === 0xff) {
    return { text: decodeAs(bytes.subarray(2), 'utf-16be'), encoding: 'utf-16be', diagnostics: [] };
  }
  const utf16 = looksLikeUtf16(bytes);
  if (!utf16) {
    const text = decodeUtf8(bytes);
    if (text !== undefined) return { text, encoding: 'utf-8', diagnostics: [] };
  } else {
    // UTF-16 without a BOM is outside the contract but unambiguous enough (a CSV has no NUL bytes): read it, and say
    // so.
    const guess = chardet.detect(bytes.subarray(0, 4096));
    const encoding: TextEncoding =
      guess === 'UTF-16BE' || (guess !== 'UTF-16LE' && bytes[0] === 0) ? 'utf-16be' : 'utf-16le';
    return {
      text: decodeAs(bytes, encoding),
      encoding,
      diagnostics: [
        {
          severity: 'warning',
          file,
          message:
            `Tệp ${file} có vẻ được lưu dạng UTF-16 nhưng thiếu dấu BOM; đã đọc như ` +
            `${encoding.toUpperCase()}. Hãy kiểm tra chữ tiếng Việt, hoặc lưu lại dưới dạng "CSV UTF-8".`,
        },
      ],
    };
  }
  return windows1258(bytes, file);
}

function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    return utf8Strict.decode(bytes);
  } catch {
    return undefined;
  }
}

function windows1258(bytes: Uint8Array, file: string): DecodedText {
  return {
    // Windows-1258 writes tone marks as combining characters; the cell cleaner normalises to NFC afterwards.
    text: decodeAs(bytes, 'windows-1258'),
    encoding: 'windows-1258',
    diagnostics: [
      {
        severity: 'warning',
        file,
        message:
          `Tệp ${file} không phải UTF-8; đã đọc theo bảng mã Windows-1258 (tiếng Việt của Excel). Hãy ` +
          `kiểm tra chữ có dấu; nên lưu lại bằng "CSV UTF-8 (Comma delimited)" để tránh sai dấu.`,
      },
    ],
  };
}

/** NUL bytes never occur in a text CSV; in UTF-16 every ASCII character carries one. */
function looksLikeUtf16(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 512);
  let zeros = 0;
  for (let i = 0; i < n; i++) if (bytes[i] === 0) zeros++;
  return n >= 4 && zeros * 4 >= n;
}

/**
 * As iconv-lite decoded before (the build's output stays the same): the bytes Windows-1258 leaves undefined
 * (0x81, 0x8A, …, which TextDecoder maps to C1 controls) become U+FFFD, and an odd last byte of UTF-16 is dropped.
 */
function decodeAs(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be' | 'windows-1258'): string {
  if (encoding === 'windows-1258') return new TextDecoder(encoding).decode(bytes).replace(/[\u0080-\u009f]/g, '\uFFFD');
  // A leading U+FEFF is dropped, as iconv-lite's stripBOM did.
  return new TextDecoder(encoding).decode(bytes.subarray(0, bytes.byteLength & ~1));
}

/** A data file's bytes as text, with its size: what a loader hands on for each CSV file. */
export interface TextFile {
  text: string;
  bytes: number;
  encoding: TextEncoding;
  diagnostics: Diagnostic[];
}

export function decodeFile(bytes: Uint8Array, file: string): TextFile {
  const decoded = decodeBytes(bytes, file);
  return { text: decoded.text, bytes: bytes.byteLength, encoding: decoded.encoding, diagnostics: decoded.diagnostics };
}
