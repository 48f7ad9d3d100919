/**
 * Clusters of mutually copied documents for `stats`: documents joined by a
 * copy (containment ≥ threshold in either direction, not a rendering of the
 * same document), as connected components. Input is the `similar` field of
 * results, so a previous run's results.jsonl gives the same clusters.
 */
import type { SimilarEntry } from "../model/document.js";
import { copiedEntries } from "./apply.js";

export interface CopyCluster {
  /** Paths, sorted; reference documents included when a batch document copied from them. */
  documents: string[];
  /** Copy links inside the cluster. */
  links: number;
  /** The highest containment of any link. */
  maxContainment: number;
}

export class CopyClusterBuilder {
  private parent = new Map<string, string>();
  private links = new Map<string, { a: string; b: string; c: number }>();

  constructor(readonly threshold: number) {}

  private find(x: string): string {
    let p = this.parent.get(x) ?? x;
    if (p !== x) {
      p = this.find(p);
      this.parent.set(x, p);
    }
    return p;
  }

  add(path: string, entries: SimilarEntry[] | undefined): void {
    for (const e of entries ?? []) {
      if (copiedEntries([e], this.threshold).length === 0) continue;
      const [a, b] = path < e.path ? [path, e.path] : [e.path, path];
      const key = `${a}\u0000${b}`;
      const prev = this.links.get(key);
      if (!prev || prev.c < e.containment) this.links.set(key, { a, b, c: e.containment });
      for (const x of [a, b]) if (!this.parent.has(x)) this.parent.set(x, x);
      const ra = this.find(a);
      const rb = this.find(b);
      if (ra !== rb) this.parent.set(ra < rb ? rb : ra, ra < rb ? ra : rb);
    }
  }

  result(): CopyCluster[] {
    const groups = new Map<string, CopyCluster>();
    for (const x of this.parent.keys()) {
      const r = this.find(x);
      const g = groups.get(r) ?? { documents: [], links: 0, maxContainment: 0 };
      g.documents.push(x);
      groups.set(r, g);
    }
    for (const { a, c } of this.links.values()) {
      const g = groups.get(this.find(a))!;
      g.links++;
      g.maxContainment = Math.max(g.maxContainment, c);
    }
    return [...groups.values()]
      .map((g) => ({ ...g, documents: g.documents.sort() }))
      .sort((x, y) => y.documents.length - x.documents.length || (x.documents[0]! < y.documents[0]! ? -1 : 1));
  }
}
