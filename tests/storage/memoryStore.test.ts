import { MemoryBoardStore } from '@clapboard/server';
import { boardStoreContract } from './boardStoreContract.ts';

boardStoreContract('memory', async () => ({ store: new MemoryBoardStore() }));
