import { MemoryBoardStore, MemoryVoteStore } from '@clapboard/server';
import { voteStoreContract } from './voteStoreContract.ts';

voteStoreContract('memory', async () => ({ boards: new MemoryBoardStore(), votes: new MemoryVoteStore() }));
