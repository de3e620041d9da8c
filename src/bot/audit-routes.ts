import { auditTrail, type AuditTrailRefusal } from '../app/audit/audit-trail';
import type { AppDependencies } from '../app/dependencies';
import type { Actor } from '../app/identify-actor';
import { renderAuditCard } from '../cards/audit-card';
import type { AdaptiveCardJson } from '../cards/card-template';
import { escapeMarkdown } from '../cards/escape-markdown';
import type { Translator } from '../i18n/translator';
import { cardField } from './card-data';
import { notice } from './notices';

/**
 * The audit trail card: from the typed command (`protokollierung 2027/1`, its argument a string)
 * or from the card's paging buttons (data `{ query, page }`, untrusted and checked by the use case).
 */
export async function auditCardFor(
  deps: AppDependencies,
  actor: Actor,
  i18n: Translator,
  argumentOrData: unknown,
): Promise<AdaptiveCardJson> {
  const byCommand = typeof argumentOrData === 'string';
  const query = byCommand ? argumentOrData : cardField(argumentOrData, 'query');
  const page = byCommand ? 1 : cardField(argumentOrData, 'page');
  const result = await auditTrail(deps, actor, query, page);
  return result.ok ? renderAuditCard(result.value, i18n) : refusal(result.error, i18n);
}

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
