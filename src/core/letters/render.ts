/**
 * A letter merged for reading: HTML (the e-mail body and the pane's
 * preview) and plain text (the e-mail's text part).
 *
 * Every piece of text that reaches the HTML goes through escapeHtml, the
 * merged values included: a client named `<script>` or `"=HYPERLINK(…)"`
 * comes out as that text, whole, never as markup.
 */
import { paragraphText, resolveBlocks, type Channel, type MergedBlock, type MergedRun } from "./blocks";
import type { LetterModel } from "./model";
import type { LetterTemplate } from "./wording";

const HTML_ESCAPES: Readonly<Record<string, string>> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char]);
}

function runHtml(run: MergedRun): string {
  let html = escapeHtml(run.text).replace(/\r?\n/g, "<br>");
  if (run.underline) html = `<u>${html}</u>`;
  if (run.italic) html = `<em>${html}</em>`;
  if (run.bold) html = `<strong>${html}</strong>`;
  return html;
}

const P_STYLES: Readonly<Record<string, string>> = {
  normal: "margin:0 0 10px 0",
  sender: "margin:0",
  recipient: "margin:0 0 0 50%",
  date: "margin:0 0 10px 0;text-align:right",
  mention: "margin:0 0 4px 0",
  subject: "margin:0 0 4px 0",
  title: "margin:12px 0;text-align:center;font-size:15px;letter-spacing:1px",
  signature: "margin:0",
  small: "margin:0 0 6px 0;font-size:11px;color:#555",
};

const CELL = "border:1px solid #999;padding:4px 6px";

function blocksHtml(blocks: readonly MergedBlock[]): string {
  const out: string[] = [];
  for (const block of blocks) {
    if (block.type === "p") {
      const top = block.spaceBefore ? `;margin-top:${Math.round(block.spaceBefore * 1.33)}px` : "";
      out.push(`<p style="${P_STYLES[block.style]}${top}">${block.runs.map(runHtml).join("")}</p>`);
    } else if (block.type === "table") {
      const head = block.columns.map((c) => `<th style="${CELL};background:#eee;text-align:${c.align}">${escapeHtml(c.header)}</th>`).join("");
      const rows = block.rows
        .map((row) => `<tr>${row.map((cell, i) => `<td style="${CELL};text-align:${block.columns[i].align}">${escapeHtml(cell)}</td>`).join("")}</tr>`)
        .join("");
      const foot = block.footer
        ? `<tfoot><tr>${block.footer.map((cell, i) => `<td style="${CELL};font-weight:bold;text-align:${block.columns[i].align}">${escapeHtml(cell)}</td>`).join("")}</tr></tfoot>`
        : "";
      out.push(`<table style="border-collapse:collapse;margin:0 0 10px 0;font-size:13px"><thead><tr>${head}</tr></thead><tbody>${rows}</tbody>${foot}</table>`);
    } else {
      const rows = block.rows
        .map((row) => {
          const weight = row.bold ? "font-weight:bold;" : "";
          return `<tr><td style="${weight}padding:2px 12px 2px 0">${escapeHtml(row.label)}</td><td style="${weight}padding:2px 0;text-align:right">${escapeHtml(row.value)}</td></tr>`;
        })
        .join("");
      out.push(`<table style="border-collapse:collapse;margin:0 0 10px auto;font-size:13px"><tbody>${rows}</tbody></table>`);
    }
  }
  return out.join("\n");
}

function blocksText(blocks: readonly MergedBlock[]): string {
  const out: string[] = [];
  let group: string[] = [];
  const flush = () => {
    if (group.length) out.push(group.join("\n"));
    group = [];
  };
  for (const block of blocks) {
    if (block.type === "p") {
      const text = paragraphText(block);
      // Short lines of a block (address, signature) stay together; paragraphs are separated by a blank line.
      if (block.style === "sender" || block.style === "recipient" || block.style === "signature" || block.style === "subject") {
        if (block.spaceBefore) flush();
        group.push(text);
      } else {
        flush();
        out.push(text);
      }
    } else if (block.type === "table") {
      flush();
      out.push(block.rows.map((row) => `- ${row.map((cell, i) => `${block.columns[i].header} : ${cell}`).join(" ; ")}`).join("\n") + (block.footer ? `\n${block.footer.filter((cell) => cell !== "").join(" : ")}` : ""));
    } else {
      flush();
      out.push(block.rows.map((row) => `${row.label} : ${row.value}`).join("\n"));
    }
  }
  flush();
  return out.join("\n\n");
}

function templateOf(model: LetterModel, template?: LetterTemplate): LetterTemplate {
  const chosen = template ?? model.builtIn;
  if (!chosen) throw new Error(`pas de modèle intégré pour l'étape « ${model.stepLabel} »`);
  return chosen;
}

/** The merged blocks of a letter (for the PDF and the preview). */
export function mergedLetter(model: LetterModel, channel: Channel = "courrier", template?: LetterTemplate): MergedBlock[] {
  return resolveBlocks(templateOf(model, template).blocks, model.fields, channel);
}

/** HTML fragment of the printed letter, for the pane's preview. */
export function letterPreviewHtml(model: LetterModel, template?: LetterTemplate): string {
  return `<div style="font-family:Arial,sans-serif;font-size:13px;line-height:1.4">${blocksHtml(mergedLetter(model, "courrier", template))}</div>`;
}

export interface EmailContent {
  readonly subject: string;
  /** A whole HTML document, UTF-8. */
  readonly html: string;
  readonly text: string;
}

/** The letter as an e-mail: subject, HTML body and plain-text body. */
export function renderEmail(model: LetterModel, template?: LetterTemplate): EmailContent {
  const blocks = mergedLetter(model, "email", template);
  const subject = model.fields.objet as string;
  const html =
    `<!DOCTYPE html>\n<html lang="fr"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>\n` +
    `<body style="font-family:Arial,Helvetica,sans-serif;font-size:14px;line-height:1.45;color:#111">\n${blocksHtml(blocks)}\n</body></html>\n`;
  return { subject, html, text: `${blocksText(blocks)}\n` };
}
