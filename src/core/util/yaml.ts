// The yaml package, behind functions only, so the desktop bundle can load it as a lazy chunk
// (scripts/lazyChunks.mjs): a post-mortem without front matter, the common case for plain Markdown
// ones, and a workspace without `.postmortemrc.yaml` never load it.
import { LineCounter } from 'yaml';

export { isMap, isScalar, isSeq, parseDocument, stringify } from 'yaml';

/** A `LineCounter` to pass to `parseDocument`: classes cannot cross a lazy chunk's boundary. */
export function newLineCounter(): LineCounter {
  return new LineCounter();
}
