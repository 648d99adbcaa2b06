/**
 * The .eml drafts of one run as one download: a single draft stays one .eml
 * (it opens straight in the mail program); several go into one .zip, so the
 * browser does not ask ten times (issue 15).
 */
import PizZip from "pizzip";

export interface DraftFile {
  readonly filename: string;
  readonly content: string | Uint8Array;
}

export interface DraftDownload {
  readonly fileName: string;
  readonly mimeType: string;
  readonly bytes: Uint8Array;
}

const asBytes = (content: string | Uint8Array): Uint8Array => (typeof content === "string" ? new TextEncoder().encode(content) : content);

/** `day`: « 2026-03-02 », in the .zip's name. Undefined when there is no draft. */
export function draftsDownload(files: readonly DraftFile[], day: string): DraftDownload | undefined {
  if (files.length === 0) return undefined;
  if (files.length === 1) return { fileName: files[0].filename, mimeType: "message/rfc822", bytes: asBytes(files[0].content) };
  const zip = new PizZip();
  const used = new Set<string>();
  for (const file of files) {
    // Two drafts of one name would overwrite each other in the archive.
    let name = file.filename;
    for (let n = 2; used.has(name.toLowerCase()); n++) name = file.filename.replace(/(\.eml)?$/i, `-${n}$1`);
    used.add(name.toLowerCase());
    zip.file(name, asBytes(file.content), { binary: true });
  }
  const bytes = zip.generate({ type: "uint8array", compression: "DEFLATE", compressionOptions: { level: 6 } });
  return { fileName: `brouillons-relance-${day}.zip`, mimeType: "application/zip", bytes };
}
