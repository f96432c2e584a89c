import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { getSettingsMap, readBoardSteps, readCurrentStep, type BoardStep, type CurrentStep } from '@clapboard/shared';

export interface BoardStepsState {
  steps: readonly BoardStep[];
  current: CurrentStep | null;
}

const read = (controlDoc: Y.Doc): BoardStepsState => ({ steps: readBoardSteps(controlDoc), current: readCurrentStep(controlDoc) });

/** The board's step list and current step from its control document, kept current. */
export function useBoardSteps(controlDoc: Y.Doc): BoardStepsState {
  const [state, setState] = useState(() => read(controlDoc));
  useEffect(() => {
    const settings = getSettingsMap(controlDoc);
    const update = () => setState(read(controlDoc));
    update();
    settings.observeDeep(update);
    return () => settings.unobserveDeep(update);
  }, [controlDoc]);
  return state;
}
