// The JSON import format, the same shape as data/centres/donetska.json:
//   { "note"?: string, "units": [ {unit row}, ... ], "centres": [ {centre row}, ... ] }
// Row fields are listed in docs/centres-import.md; rows are numbered from 1 within each list.
import type { AdminUnit, Centre, Directory } from '../core/model.js';
import { err, type Result } from '../core/result.js';
import type { Located } from './checks.js';
import { finish } from './finish.js';
import { fileError, type RowError, type Section } from './row-error.js';
import { idOf, validateRow } from './rows.js';
import { centreRowSchema, directoryFileSchema, unitRowSchema } from './schema.js';

/** Where JSON.parse stopped, as "line L, column C" (V8 reports an offset or, newer, line and column). */
function syntaxPlace(text: string, message: string): string {
  const lineCol = /line (\d+) column (\d+)/.exec(message);
  if (lineCol) return `line ${lineCol[1]}, column ${lineCol[2]}`;
  const position = /position (\d+)/.exec(message);
  if (!position) return 'somewhere';
  const before = text.slice(0, Number(position[1])).split('\n');
  return `line ${before.length}, column ${(before.at(-1)?.length ?? 0) + 1}`;
}

export function parseDirectoryJson(file: string, input: string): Result<Directory, RowError[]> {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    return err([fileError(file, `is not valid JSON (${syntaxPlace(text, message)}): ${message}`)]);
  }
  const top = directoryFileSchema.safeParse(data);
  if (!top.success) {
    return err(
      top.error.issues.map((issue) =>
        issue.code === 'unrecognized_keys'
          ? fileError(
              file,
              `unknown top-level field(s) ${issue.keys.join(', ')}: expected note, units, centres`,
            )
          : fileError(file, `${issue.path.length > 0 ? `${issue.path.join('.')}: ` : ''}${issue.message}`),
      ),
    );
  }
  const errors: RowError[] = [];
  const broken = { units: new Set<string>(), centres: new Set<string>() };
  const read = <T>(
    section: Section,
    rows: unknown[],
    schema: typeof unitRowSchema | typeof centreRowSchema,
  ) => {
    const out: Located<T>[] = [];
    rows.forEach((raw, index) => {
      const at = { file, section, row: index + 1, id: idOf(raw) };
      const row = validateRow(schema, raw, at);
      if (row.ok) out.push({ at, value: row.value as T });
      else {
        errors.push(...row.error);
        if (at.id) broken[section].add(at.id);
      }
    });
    return out;
  };
  const units = read<AdminUnit>('units', top.data.units, unitRowSchema);
  const centres = read<Centre>('centres', top.data.centres, centreRowSchema);
  return finish(file, units, centres, errors, broken);
}
