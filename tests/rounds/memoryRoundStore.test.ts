import { MemoryBoardStore, MemoryRoundStore } from '@clapboard/server';
import { roundStoreContract } from './roundStoreContract.ts';

roundStoreContract('memory', async () => ({ boards: new MemoryBoardStore(), rounds: new MemoryRoundStore() }));
