// Reads a statistics table back from what a person gets: the console page's HTML table (by its id,
// "t-centres") or a downloaded CSV file, as rows of text keyed by their first cell. No label in the
// test data contains a comma or a quote, so a line split is an honest CSV reader here.

const ENTITIES: Record<string, string> = {
  '&lt;': '<',
  '&gt;': '>',
  '&amp;': '&',
  '&#39;': "'",
  '&quot;': '"',
};
const textOf = (html: string) =>
  html
    .replace(/<[^>]+>/g, '')
    .replace(/&(lt|gt|amp|quot|#39);/g, (e) => ENTITIES[e] ?? e)
    .trim();

/** The rows of the page's table titled by `t-<id>`: label → the other cells' text. */
export function pageTableRows(html: string, id: string): Map<string, string[]> {
  const table = new RegExp(`<table[^>]*aria-labelledby="t-${id}"[^>]*>([\\s\\S]*?)</table>`).exec(html)?.[1];
  if (table === undefined) throw new Error(`no table t-${id} on the page`);
  const body = /<tbody>([\s\S]*)<\/tbody>/.exec(table)?.[1] ?? '';
  const rows = [...body.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((row) =>
    [...(row[1] ?? '').matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((cell) => textOf(cell[1] ?? '')),
  );
  return new Map(rows.map(([label = '', ...cells]) => [label, cells]));
}

/** The data rows of a CSV file (after its byte-order mark and header line). */
export function csvRows(content: string): Map<string, string[]> {
  const [, ...lines] = content
    .replace(/^\uFEFF/, '')
    .trimEnd()
    .split(/\r?\n/);
  return new Map(lines.map((line) => line.split(',')).map(([label = '', ...cells]) => [label, cells]));
}
