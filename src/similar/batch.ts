/**
 * Collects fingerprints while a batch streams (results in input order, plus
 * reference documents), then runs the similarity step once every result is
 * in. Holds only the fingerprints (a few KB per document), never the results.
 */
import type { AnalysisResult, SimilarEntry } from "../model/document.js";
import { findSimilar, type SimilarityDoc, type SimilarityOptions } from "./index.js";

export class SimilarityCollector {
  private docs: SimilarityDoc[] = [];
  /** Batch index → index in `docs`, or -1 (an error result, or no fingerprint). */
  private slots: number[] = [];

  /** A reference document: compared against, never reported. */
  addReference(r: AnalysisResult): boolean {
    if (r.status !== "ok" || !r.fingerprint) return false;
    this.docs.push({ path: r.source.path, title: r.title, sha256: r.source.sha256, fingerprint: r.fingerprint, reference: true });
    return true;
  }

  /** The next batch result, in input order. */
  add(r: AnalysisResult): void {
    if (r.status !== "ok" || !r.fingerprint) {
      this.slots.push(-1);
      return;
    }
    this.slots.push(this.docs.length);
    this.docs.push({ path: r.source.path, title: r.title, sha256: r.source.sha256, fingerprint: r.fingerprint });
  }

  get size(): number {
    return this.slots.length;
  }

  get references(): number {
    return this.docs.filter((d) => d.reference).length;
  }

  /** Per batch index: the entries (`[]` when nothing is shared), or undefined for a result without a fingerprint. */
  compute(options: SimilarityOptions = {}): Array<SimilarEntry[] | undefined> {
    const per = this.docs.length > 1 ? findSimilar(this.docs, options) : this.docs.map(() => []);
    return this.slots.map((s) => (s < 0 ? undefined : per[s]));
  }
}

/** The result without its internal fingerprint (what every report and the JSONL show). */
export function withoutFingerprint(r: AnalysisResult): AnalysisResult {
  if (r.fingerprint === undefined) return r;
  const { fingerprint: _fp, ...rest } = r;
  return rest;
}
