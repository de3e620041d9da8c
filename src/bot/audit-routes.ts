import { auditTrail, type AuditTrailRefusal } from '../app/audit/audit-trail';
import { renderAuditCard } from '../cards/audit-card';
import type { AdaptiveCardJson } from '../cards/card-template';
import { escapeMarkdown } from '../cards/escape-markdown';
import type { Translator } from '../i18n/translator';
import { notice } from './notices';
import type { VerbTurn } from './route-turn';

/**
 * The audit trail card: from the typed command (`protokollierung 2027/1`, the text after its word)
 * or from the card's paging buttons (data `{ query, page }`, checked by the use case).
 */
async function trail(turn: VerbTurn<'audit.open'>): Promise<AdaptiveCardJson> {
  const byCommand = turn.argument !== undefined;
  const query = byCommand ? turn.argument : turn.payload.query;
  const page = byCommand ? 1 : turn.payload.page;
  const result = await auditTrail(turn.deps, turn.actor, query, page);
  return result.ok ? renderAuditCard(result.value, turn.i18n) : refusal(result.error, turn.i18n);
}

/** The audit trail, for the secretariat and in a 1:1 chat only. */
export const auditRoutes = { trail };

function refusal(error: AuditTrailRefusal, i18n: Translator): AdaptiveCardJson {
  switch (error.kind) {
    case 'notAllowed':
      return notice(i18n, 'attention', 'notices.notAllowedTitle', 'audit.errors.notAllowed');
    case 'noCommittee':
      return notice(i18n, 'attention', 'audit.errors.title', 'audit.errors.noCommittee');
    case 'queryRequired':
      return notice(i18n, 'default', 'audit.errors.title', 'audit.errors.queryRequired');
    case 'invalidQuery':
      return notice(i18n, 'attention', 'audit.errors.title', 'audit.errors.invalidQuery');
    case 'unknownSession':
      return notice(i18n, 'attention', 'audit.errors.title', 'audit.errors.unknownSession', {
        number: escapeMarkdown(error.number),
      });
    case 'unknownPerson':
      return notice(i18n, 'attention', 'audit.errors.title', 'audit.errors.unknownPerson', {
        name: escapeMarkdown(error.name),
      });
    case 'ambiguousPerson':
      return notice(
        i18n,
        'attention',
        'audit.errors.title',
        'audit.errors.ambiguousPerson',
        { name: escapeMarkdown(error.name) },
        error.candidates.map(escapeMarkdown),
      );
  }
}
