/**
 * `quality.ocr-low-confidence`: the text came from OCR and some pages were recognised
 * with low confidence (a faint scan, a page covered by a seal), so what was found —
 * and what was reported missing — may be wrong on those pages. The OCR reader leaves
 * one `OCR_LOW_CONFIDENCE` warning per such page.
 */
import type { Detector } from "../types.js";

export const qualityOcrLowConfidence: Detector = {
  name: "quality.ocr-low-confidence",
  mode: "defect",
  description: "扫描件文字识别置信度低的页面",
  detect: (doc) => {
    const pages = doc.warnings.filter((w) => w.code === "OCR_LOW_CONFIDENCE");
    if (!pages.length) return null;
    return { span: null, detail: pages.map((w) => w.message).join("；") };
  },
};
