import { InProcessFanoutHub } from '@clapboard/server';
import { fanoutContract } from './fanoutContract.ts';

fanoutContract('in-process hub', async (count) => {
  const hub = new InProcessFanoutHub();
  return { instances: Array.from({ length: count }, () => hub.connect()) };
});
