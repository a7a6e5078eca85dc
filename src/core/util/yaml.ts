// The yaml package, behind functions only, so the desktop bundle can load it as a lazy chunk
// (scripts/lazyChunks.mjs): the first analysis of a post-mortem without front matter, the common case for
// plain Markdown ones, in a workspace without `.postmortemrc.yaml`, does not load it. (The other chunks are
// built on their own and carry their own copy.)
import { LineCounter } from 'yaml';

export { isMap, isScalar, isSeq, parseDocument, stringify } from 'yaml';

/** A `LineCounter` to pass to `parseDocument`: classes cannot cross a lazy chunk's boundary. */
export function newLineCounter(): LineCounter {
  return new LineCounter();
}
