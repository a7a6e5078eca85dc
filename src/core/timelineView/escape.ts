// Escaping for every document string that reaches HTML or SVG. Nothing from a post-mortem is ever
// inserted as markup: text goes through escapeHtml, attribute values too (both quote kinds escaped).

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
