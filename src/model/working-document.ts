import type { ExtractedFacts, SourceInfo, WorkingDocument } from "./document.js";

/**
 * A working document whose later-stage fields are still empty: the one place that
 * knows every field, so the pipeline and stage tests build documents the same way.
 */
export function newWorkingDocument(
  source: SourceInfo,
  normalized: Pick<WorkingDocument, "text"> & Partial<Pick<WorkingDocument, "script" | "repairs" | "restorations" | "spun" | "spinScore" | "blocks" | "warnings">>,
): WorkingDocument {
  return {
    source,
    script: "simplified",
    repairs: {},
    restorations: [],
    spun: false,
    spinScore: 0,
    blocks: [],
    warnings: [],
    ...normalized,
    sentences: [],
    keywords: [],
    title: null,
    titleSpan: null,
    reportType: null,
    sections: [],
    items: [],
    ...emptyFacts(),
    checklist: null,
  };
}

/** No facts yet (a fresh working document) or none at all (an error result); new arrays each call. */
export function emptyFacts(): ExtractedFacts {
  return { problems: [], causes: [], measures: [], counts: [], dates: [], people: [] };
}
