export declare const ANONYMOUS_NOTE_SQL: Readonly<Record<'insert' | 'count' | 'select' | 'delete', string>>;
