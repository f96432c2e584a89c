import { z } from 'zod';
import { coordinate } from '../model/records/common.ts';
import { ObjectIdSchema } from '../ids.ts';
import { TemplateIdSchema, TemplateSchema, type Template } from './schema.ts';

/**
 * The templates HTTP API (docs/protocol.md, "Templates"): the list of
 * shipped templates, and adding one, or an imported file, to a board.
 */

declare module '../origins.ts' {
  interface ServerWriteReasons {
    /** A template's frames, notes and steps, written into a new or existing board. */
    template: true;
  }
}

/** One entry of `GET /api/templates`: what a picker shows. */
export const TemplateSummarySchema = z.object({
  id: TemplateIdSchema,
  version: z.number().int().positive(),
  name: z.string(),
  description: z.string(),
});
export type TemplateSummary = z.infer<typeof TemplateSummarySchema>;

export const TemplateListSchema = z.array(TemplateSummarySchema);

export function templateSummary(template: Template): TemplateSummary {
  return { id: template.id, version: template.version, name: template.name, description: template.description };
}

/**
 * Body of `POST /api/boards/:id/templates` (facilitator): a shipped
 * template by id, or a whole template (an imported file), and the board
 * point its middle should go to.
 */
export const AddTemplateRequestSchema = z
  .object({
    templateId: TemplateIdSchema.optional(),
    template: TemplateSchema.optional(),
    at: z.object({ x: coordinate, y: coordinate }).strict(),
  })
  .strict()
  .refine((body) => (body.templateId === undefined) !== (body.template === undefined), 'send either templateId or template, not both and not neither');
export type AddTemplateRequest = z.input<typeof AddTemplateRequestSchema>;

/** `201` answer: the new frames' ids, in the template's order. */
export const AddTemplateResponseSchema = z.object({ frameIds: z.array(ObjectIdSchema) });
export type AddTemplateResponse = z.infer<typeof AddTemplateResponseSchema>;
