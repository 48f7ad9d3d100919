// The non-legacy pdf.js build ships no declarations of its own; its API is the
// legacy build's (same version, same sources, only the polyfills differ).
declare module "pdfjs-dist/build/pdf.mjs" {
  export * from "pdfjs-dist/legacy/build/pdf.mjs";
}
