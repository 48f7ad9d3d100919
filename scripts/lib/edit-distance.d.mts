/** Levenshtein distance over UTF-16 code units, O(n·m) time and O(m) memory. */
export declare function editDistance(a: string, b: string): number;
