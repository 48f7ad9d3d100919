/**
 * Token → offset alignment. jieba returns strings, not positions; evidence
 * needs spans into the normalized text. Tokens are found left to right from a
 * cursor (like spaCy's jieba realignment): whitespace the segmenter dropped is
 * skipped, and a token that cannot be found (a backend that normalised it)
 * gets an empty span at the cursor instead of throwing.
 */
import type { Span } from "../model/document.js";

/** `[start, end)` UTF-16 spans of `tokens` in `text`, one per token, in order. */
export function alignTokens(text: string, tokens: readonly string[], from = 0): Span[] {
  const spans: Span[] = [];
  let cursor = from;
  for (const token of tokens) {
    if (!token) {
      spans.push([cursor, cursor]);
      continue;
    }
    if (text.startsWith(token, cursor)) {
      spans.push([cursor, cursor + token.length]);
      cursor += token.length;
      continue;
    }
    const at = text.indexOf(token, cursor);
    // Accept a jump only over whitespace; anything else means the token is not from this text.
    if (at >= 0 && /^\s*$/.test(text.slice(cursor, at))) {
      spans.push([at, at + token.length]);
      cursor = at + token.length;
    } else {
      spans.push([cursor, cursor]);
    }
  }
  return spans;
}
