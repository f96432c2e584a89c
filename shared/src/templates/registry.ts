import { affinityMap } from './data/affinityMap.ts';
import { anonymousRound } from './data/anonymousRound.ts';
import { focusGroup } from './data/focusGroup.ts';
import { ideasBoard } from './data/ideasBoard.ts';
import { retrospective } from './data/retrospective.ts';
import { workshopPlan } from './data/workshopPlan.ts';
import { youSaidWeDid } from './data/youSaidWeDid.ts';
import { TemplateSchema, type Template, type TemplateData } from './schema.ts';

/**
 * The templates Clapboard ships, in the order a picker lists them: data
 * files (./data/), each built from what the seed documents describe. A
 * test parses every one; they are parsed again on each use rather than
 * cached in the module, which costs well under a millisecond and keeps the
 * module free of state (and the client bundle free of them unless used).
 */
export const SHIPPED_TEMPLATE_DATA: readonly TemplateData[] = [workshopPlan, ideasBoard, anonymousRound, focusGroup, affinityMap, retrospective, youSaidWeDid];

/** Every shipped template, validated. Throws if a data file breaks the schema, which the templates test catches first. */
export function shippedTemplates(): Template[] {
  return SHIPPED_TEMPLATE_DATA.map((data) => TemplateSchema.parse(data));
}

/** The shipped template with this id, validated, or null. */
export function findShippedTemplate(id: string): Template | null {
  const data = SHIPPED_TEMPLATE_DATA.find((template) => template.id === id);
  return data ? TemplateSchema.parse(data) : null;
}
