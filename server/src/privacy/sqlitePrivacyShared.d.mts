export type StoredCounts = Record<string, Record<string, number>>;
export interface MonitoringState {
  released: number;
  pending: number;
  releasedCounts: StoredCounts;
  pendingCounts: StoredCounts;
}
export declare const PRIVACY_SQL: Readonly<
  Record<
    | 'selectRetention'
    | 'setRetention'
    | 'selectDue'
    | 'selectUndated'
    | 'tablesKeyedByBoard'
    | 'deleteBoardRow'
    | 'selectMonitoring'
    | 'upsertMonitoring'
    | 'selectContacts'
    | 'upsertContacts'
    | 'boardExists',
    string
  >
>;
export declare function emptyCounts(): StoredCounts;
export declare function serializeCounts(counts: StoredCounts): string;
/** One response added; a completed group of `groupSize` is released into the reported counts. */
export declare function addResponse(state: MonitoringState, answers: Record<string, string>, groupSize: number): MonitoringState;
export declare function serializeContacts(contacts: string[]): string;
