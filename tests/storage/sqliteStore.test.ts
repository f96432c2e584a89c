import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SqliteBoardStore } from '@clapboard/server';
import { boardStoreContract } from './boardStoreContract.ts';

boardStoreContract('sqlite', async () => {
  const filename = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'clapboard-store-')), 'test.sqlite');
  return {
    store: new SqliteBoardStore({ filename }),
    reopen: async () => new SqliteBoardStore({ filename }),
  };
});
