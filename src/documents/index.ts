/**
 * Documents: Word (docxtemplater + pizzip), PDF (pdf-lib + fontkit, DejaVu
 * fonts), .eml drafts. Pure JavaScript, no Office and no DOM: the pane (or a
 * Web Worker) and Node run the same code. nodeFonts.ts is Node only and is
 * not exported here.
 */
export * from "./docx";
export * from "./eml";
export * from "./generate";
export * from "./pdf";
export * from "./userTemplate";
export { escapeXml, templateSelector } from "./ooxml";
export * from "./courtFile";
