import type { z } from 'zod';
import { TemplateSchema, type Template } from './schema.ts';

/**
 * Largest template file read or sent, in bytes. A template at every limit
 * of the schema is under 200 KB of JSON; this leaves room for UTF-8 text in
 * scripts that take two or three bytes a character.
 */
export const MAX_TEMPLATE_FILE_BYTES = 512 * 1024;

/** What a saved template file is called: the id, and a suffix that says what it is. */
export function templateFileName(template: Pick<Template, 'id'>): string {
  return `${template.id}.clapboard-template.json`;
}

/** A template as a file: indented, so it can be read and edited by hand. */
export function templateToJson(template: Template): string {
  return `${JSON.stringify(template, null, 2)}\n`;
}

/** One thing wrong with a template file, said where it is: `frame 2, note 3, text`. */
export interface TemplateIssue {
  /** Empty for the file as a whole. */
  where: string;
  message: string;
}

export type TemplateFileResult = { ok: true; template: Template } | { ok: false; reason: 'not-json' } | { ok: false; reason: 'invalid'; issues: TemplateIssue[] };

/** Reads a template file's text: JSON first, then the schema, with every issue placed readably. */
export function parseTemplateJson(text: string): TemplateFileResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'not-json' };
  }
  const parsed = TemplateSchema.safeParse(value);
  if (parsed.success) return { ok: true, template: parsed.data };
  return { ok: false, reason: 'invalid', issues: describeTemplateIssues(parsed.error) };
}

/** Array names in a template, singular, for "frame 2" rather than "frames[1]". */
const ITEM_NAMES: Readonly<Record<string, string>> = { frames: 'frame', notes: 'note', steps: 'step' };

/** zod's issues as places a person can find in the file: 1-based, named, at most 20 of them. */
export function describeTemplateIssues(error: z.ZodError): TemplateIssue[] {
  return error.issues.slice(0, 20).map((issue) => {
    const parts: string[] = [];
    issue.path.forEach((segment, index) => {
      const previous = issue.path[index - 1];
      if (typeof segment === 'number' && typeof previous === 'string') {
        parts[parts.length - 1] = `${ITEM_NAMES[previous] ?? previous} ${segment + 1}`;
      } else {
        parts.push(String(segment));
      }
    });
    return { where: parts.join(', '), message: issue.message };
  });
}
