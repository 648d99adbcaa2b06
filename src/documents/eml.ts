/**
 * E-mail drafts as .eml files (RFC 5322 / MIME): From, To, Subject, Date,
 * MIME-Version and X-Unsent: 1 (Outlook opens the file as a draft, ready to
 * send), a multipart/alternative body with the plain text and the HTML in
 * UTF-8 quoted-printable, and an optional PDF attachment in base64.
 * Non-ASCII header text is written as RFC 2047 encoded-words.
 */

import { toBase64 } from "../core/base64";

const CRLF = "\r\n";
const encoder = new TextEncoder();

function wrap76(text: string): string {
  return text.replace(/(.{76})(?=.)/g, `$1${CRLF}`);
}

/** Quoted-printable (RFC 2045) of a UTF-8 text; line breaks become CRLF, lines stay within 76 characters. */
export function quotedPrintable(text: string): string {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  return lines
    .map((line) => {
      const bytes = encoder.encode(line);
      const atoms: string[] = [];
      bytes.forEach((byte, i) => {
        const last = i === bytes.length - 1;
        if ((byte >= 33 && byte <= 126 && byte !== 61) || ((byte === 32 || byte === 9) && !last)) atoms.push(String.fromCharCode(byte));
        else atoms.push(`=${byte.toString(16).toUpperCase().padStart(2, "0")}`);
      });
      // Soft breaks between atoms so that no =XX is cut and no line exceeds 76 characters (75 + "=").
      const out: string[] = [];
      let current = "";
      for (const atom of atoms) {
        if (current.length + atom.length > 75) {
          out.push(`${current}=`);
          current = "";
        }
        current += atom;
      }
      out.push(current);
      return out.join(CRLF);
    })
    .join(CRLF);
}

/** RFC 2047 encoded-words (UTF-8, base64) for a header text, only when it is not plain ASCII. */
export function encodeHeaderText(text: string): string {
  if (/^[\x20-\x7e]*$/.test(text)) return text;
  const words: string[] = [];
  let chunk = "";
  // Each encoded-word stays within 75 characters: at most 45 bytes of UTF-8, never cutting a character.
  for (const char of text) {
    if (encoder.encode(chunk + char).length > 45) {
      words.push(chunk);
      chunk = "";
    }
    chunk += char;
  }
  if (chunk) words.push(chunk);
  return words.map((word) => `=?UTF-8?B?${toBase64(encoder.encode(word))}?=`).join(`${CRLF} `);
}

/** A mailbox: "Name" <address>, the name encoded when needed. */
export function mailbox(address: string, name?: string): string {
  const clean = address.trim();
  if (!name) return clean;
  const plain = /^[\x20-\x7e]*$/.test(name);
  const display = plain ? `"${name.replace(/["\\]/g, "\\$&")}"` : encodeHeaderText(name);
  return `${display} <${clean}>`;
}

const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** RFC 5322 date in the machine's local time: "Mon, 18 May 2026 09:00:00 +0200". */
export function rfc5322Date(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  const offset = -date.getTimezoneOffset();
  const sign = offset >= 0 ? "+" : "-";
  const abs = Math.abs(offset);
  return (
    `${DAYS[date.getDay()]}, ${pad(date.getDate())} ${MONTHS[date.getMonth()]} ${date.getFullYear()} ` +
    `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())} ${sign}${pad(Math.floor(abs / 60))}${pad(abs % 60)}`
  );
}

export interface EmlAttachment {
  readonly fileName: string;
  readonly contentType: string;
  readonly data: Uint8Array;
}

export interface EmlInput {
  readonly from: { readonly address: string; readonly name?: string };
  /** One or more addresses. */
  readonly to: readonly string[];
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  readonly date: Date;
  /** Makes the Message-ID: e.g. the document reference. */
  readonly id?: string;
  readonly attachments?: readonly EmlAttachment[];
}

function boundary(seed: string, n: number): string {
  let hash = 2166136261;
  for (const char of seed) hash = Math.imul(hash ^ char.charCodeAt(0), 16777619) >>> 0;
  return `=_recouvre_${n}_${hash.toString(36)}`;
}

function asciiFileName(name: string): string {
  return name.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").replace(/[^A-Za-z0-9._-]+/g, "_");
}

/** The .eml text of a draft (CRLF line ends). */
export function buildEml(input: EmlInput): string {
  const seed = `${input.id ?? ""}${input.subject}`;
  const alternative = boundary(seed, 1);
  const mixed = boundary(seed, 2);
  const domain = input.from.address.split("@")[1] ?? "recouvre.local";
  const headers = [
    `From: ${mailbox(input.from.address, input.from.name)}`,
    `To: ${input.to.map((address) => address.trim()).filter((a) => a !== "").join(", ")}`,
    `Subject: ${encodeHeaderText(input.subject)}`,
    `Date: ${rfc5322Date(input.date)}`,
    ...(input.id ? [`Message-ID: <${asciiFileName(input.id)}@${domain}>`] : []),
    "MIME-Version: 1.0",
    "X-Unsent: 1",
  ];
  const alternativePart = [
    `--${alternative}`,
    "Content-Type: text/plain; charset=UTF-8",
    "Content-Transfer-Encoding: quoted-printable",
    "",
    quotedPrintable(input.text),
    `--${alternative}`,
    "Content-Type: text/html; charset=UTF-8",
    "Content-Transfer-Encoding: quoted-printable",
    "",
    quotedPrintable(input.html),
    `--${alternative}--`,
    "",
  ].join(CRLF);

  const attachments = input.attachments ?? [];
  if (attachments.length === 0) {
    return [...headers, `Content-Type: multipart/alternative; boundary="${alternative}"`, "", alternativePart].join(CRLF);
  }
  const parts = attachments.map((file) => {
    const ascii = asciiFileName(file.fileName);
    const encoded = `UTF-8''${encodeURIComponent(file.fileName)}`;
    return [
      `--${mixed}`,
      `Content-Type: ${file.contentType}; name="${ascii}"`,
      "Content-Transfer-Encoding: base64",
      `Content-Disposition: attachment; filename="${ascii}"; filename*=${encoded}`,
      "",
      wrap76(toBase64(file.data)),
    ].join(CRLF);
  });
  return [
    ...headers,
    `Content-Type: multipart/mixed; boundary="${mixed}"`,
    "",
    `--${mixed}`,
    `Content-Type: multipart/alternative; boundary="${alternative}"`,
    "",
    alternativePart,
    ...parts,
    `--${mixed}--`,
    "",
  ].join(CRLF);
}
