/**
 * The name an erased person keeps in every record, and that retention gives a person who left
 * long ago. It names no institution and carries no number: a seat held by one person would
 * identify them through the institution, and a counter would tell the order of erasures and need
 * two erasures at once to agree on it. Every erased person reads the same, so a record cannot
 * single one out; where a record has its own institution column (attendance, minutes, action
 * items), the seat stays there as the committee's record of which institution took part. Stored
 * in German, the committee's record language, like every other record text.
 */
export const ERASED_PSEUDONYM = 'ehemalige Person';
