// Escaping for every document string that reaches HTML, SVG, Markdown or a terminal. Nothing from a
// post-mortem is ever inserted as markup: text goes through these, attribute values too.

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '`': '&#96;',
};

/** Escapes text for use in HTML/SVG element content and quoted attribute values. */
export function escapeHtml(value: unknown): string {
  // Also drop characters XML 1.0 forbids, so an exported SVG stays well-formed.
  return (
    String(value ?? '')
      .replace(/[&<>"'`]/g, (c) => HTML_ESCAPES[c])
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
      // Lone surrogates (e.g. a YAML "\ud83d" escape) are not XML characters either; PNG export would throw on them.
      .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
  );
}

/**
 * JSON for embedding inside `<script type="application/json">`: `<`, `>`, `&` and the JS line
 * separators are written as unicode escapes so the text can never close the script element.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** Inline Markdown: characters that could start markup, links, HTML or table cells are escaped (one line). */
export function escapeMarkdown(text: string): string {
  return oneLine(text)
    .replace(/[\\`*[\]<>|~]/g, '\\$&')
    .replace(/(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu, '\\_')
    .replace(/&(?=#?[A-Za-z0-9]{1,10};)/g, '&amp;')
    .replace(/^([#+=-])/, '\\$1')
    .replace(/^(\d{1,9})([.)])(?=\s|$)/, '$1\\$2');
}

/** One line, no control characters: safe to put in any output format after escaping. */
export function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029]/g, '').replace(/\s+/g, ' ').trim();
}

/**
 * Text from a document for a terminal: control characters (ESC, BEL, backspace, C1 codes) could
 * retitle the terminal or rewrite what is shown, so they are written as visible escapes (`\x1b`).
 */
export function escapeTerminal(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, (c) => {
    const code = c.charCodeAt(0);
    return code > 0xff ? `\\u${code.toString(16)}` : `\\x${code.toString(16).padStart(2, '0')}`;
  });
}

/**
 * Control characters only (C0 except tab and newline, DEL, C1) as visible escapes: for Markdown and
 * text written to a pipe or file, where bidi controls may be the document's own right-to-left text.
 */
export function escapeControls(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}
