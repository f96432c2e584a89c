import { AddTemplateResponseSchema, TemplateListSchema, type AddTemplateRequest, type TemplateSummary } from '@clapboard/shared';
import { boardApiRequest, type BoardApiResult } from './boardApiRequest.ts';

/**
 * `GET /api/templates`: the shipped templates, for the create page and the
 * board's template panel. Public, so no token; null when the server could
 * not be reached or answered something else.
 */
export async function fetchTemplateList(): Promise<TemplateSummary[] | null> {
  try {
    const response = await fetch('/api/templates', { cache: 'no-store' });
    if (!response.ok) return null;
    const parsed = TemplateListSchema.safeParse(await response.json());
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Adding templates to a board (docs/protocol.md, "Templates"): facilitators, with this link's token. */
export class TemplatesApi {
  constructor(
    private readonly boardId: string,
    private readonly token: string | null,
  ) {}

  /** Resolves with the new frames' ids once the server has stored them (its 201). */
  addTemplate(body: AddTemplateRequest): Promise<BoardApiResult<string[]>> {
    return boardApiRequest(this.boardId, this.token, 'POST', 'templates', body, AddTemplateResponseSchema).then((result) =>
      result.ok ? { ok: true, value: result.value!.frameIds } : result,
    );
  }
}
