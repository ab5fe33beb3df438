const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Escapes text for HTML and SVG element content and quoted attribute values: the five
 * characters that can end text or an attribute (& < > " '). Every string that reaches
 * a report from a workspace, a file name or the command line goes through here, so a
 * series named `<img src=x onerror=alert(1)>` shows as text, never as markup.
 * @example escapeHtml('<b>"R&D"</b>') // '&lt;b&gt;&quot;R&amp;D&quot;&lt;/b&gt;'
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}
