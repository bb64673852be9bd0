// support.html, made at build time from docs/support.md (the manifest's SupportUrl). The page is short and its
// markdown plain, so a few rules do instead of a markdown library: headings, paragraphs, "- " lists, **bold**,
// `code` and [links](https://…, mailto:, #anchor or page.html). Text is escaped first, so nothing in the markdown becomes markup by accident.
const { CONTENT_SECURITY_POLICY } = require("./csp");

const escape = (text) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

function inline(text) {
  return escape(text)
    .replace(/`([^`]+)`/g, "<code>$1</code>")
    .replace(/\*\*([^*]+)\*\*/g, "<strong>$1</strong>")
    .replace(/\[([^\]]+)\]\(((?:https:\/\/|mailto:|#|[\w-]+\.html)[^)\s]*)\)/g, '<a href="$2">$1</a>');
}

/** The markdown subset above as HTML; anything else is a paragraph of text. */
function markdownToHtml(markdown) {
  const html = [];
  const blocks = markdown
    .replace(/\r\n/g, "\n")
    .trim()
    .split(/\n\s*\n/);
  for (const block of blocks) {
    const lines = block.split("\n");
    const heading = /^(#{1,3}) (.*)$/.exec(lines[0]);
    if (heading && lines.length === 1) {
      const level = heading[1].length;
      html.push(`<h${level}>${inline(heading[2])}</h${level}>`);
    } else if (lines.every((line) => /^(- | {2})/.test(line))) {
      const items = block.split(/\n(?=- )/).map((item) => item.replace(/^- /, "").replace(/\n\s+/g, " "));
      html.push(`<ul>\n${items.map((item) => `  <li>${inline(item)}</li>`).join("\n")}\n</ul>`);
    } else {
      html.push(`<p>${inline(lines.join(" "))}</p>`);
    }
  }
  return html.join("\n");
}

/** The whole page: the add-in's look, its own strict policy, no script. */
function supportPage(markdown) {
  const title = /^# (.*)$/m.exec(markdown)?.[1] ?? "Personal Budgets: help";
  return `<!doctype html>
<html lang="en-GB">
  <head>
    <meta charset="UTF-8" />
    <meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY.support}" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <link rel="icon" type="image/png" href="assets/icon-32.png" />
    <title>${escape(title)}</title>
    <style>
      body { font-family: "Segoe UI", system-ui, sans-serif; color: #242424; max-width: 46rem; margin: 2rem auto;
        padding: 0 1rem; line-height: 1.5; }
      code { font-family: Consolas, monospace; background: #f5f5f5; padding: 0 0.2em; }
    </style>
  </head>
  <body>
${markdownToHtml(markdown)}
  </body>
</html>
`;
}

module.exports = { markdownToHtml, supportPage };
