import { ERASED_PSEUDONYM, erasePerson } from '../app/privacy/erase-person';
import { exportForPersonWithoutTeams, exportPersonalData } from '../app/privacy/export-personal-data';
import { mayUse } from '../domain/permissions';
import { openRoster } from '../app/roster/open-roster';
import { cardButton } from '../cards/card-button';
import type { AdaptiveCardJson } from '../cards/card-template';
import { renderConfirmCard } from '../cards/confirm-card';
import { escapeMarkdown } from '../cards/escape-markdown';
import { linkUrl } from '../cards/link-url';
import { renderDataOfPersonCard, renderMyDataCard, type MyDataFeed } from '../cards/my-data-card';
import { feedLinkOf, feedStatus, issueFeed } from '../app/feed/issue-feed-link';
import { VERBS } from '../cards/verbs';
import { conversationScopeOf } from './conversation-scope';
import { notice } from './notices';
import { rosterCard } from './roster-routes';
import type { RouteTurn, VerbTurn } from './route-turn';

/**
 * "My data": the acting person's export behind a secret link. Without a public address no link
 * could be made, so nothing is stored then and the card says why.
 */
async function myData(turn: RouteTurn, feed?: MyDataFeed): Promise<AdaptiveCardJson> {
  const { deps, actor, i18n, publicBaseUrl } = turn;
  const timeZone = actor.committee?.timeZone ?? 'Europe/Berlin';
  if (!publicBaseUrl) return renderMyDataCard(undefined, timeZone, i18n, { kind: 'noPublicAddress' });
  const link = await exportPersonalData(deps, actor);
  const download = link && { url: linkUrl(publicBaseUrl, link.path), expiresAt: link.expiresAt };
  const { tenantId, aadObjectId } = actor.identity;
  // The actor's committee and roster entry were read at the turn's start: the status needs them again.
  const subscription = feed ?? { kind: 'status', status: await feedStatus(deps, tenantId, aadObjectId, actor) };
  return renderMyDataCard(download, timeZone, i18n, subscription);
}

/**
 * "My data"'s button for the calendar subscription: a new address for the acting person, in
 * place of the one they had (which stops working), shown on the card that answers the click,
 * the only place it ever appears in Teams.
 */
async function renewFeed(turn: VerbTurn<'feed.renew'>): Promise<AdaptiveCardJson> {
  const { deps, actor, publicBaseUrl, i18n } = turn;
  const { tenantId, aadObjectId } = actor.identity;
  const unavailable = () => notice(i18n, 'attention', 'feed.myData.unavailableTitle', 'feed.myData.unavailable');
  if (!(await feedStatus(deps, tenantId, aadObjectId)).available) return unavailable();
  if (!publicBaseUrl) return myData(turn, { kind: 'noPublicAddress' });
  const issued = await issueFeed(deps, tenantId, aadObjectId);
  return issued ? myData(turn, { kind: 'issued', link: feedLinkOf(publicBaseUrl, issued) }) : unavailable();
}

/**
 * The roster person card's "erase": first a confirmation naming what will happen, then, with
 * `confirmed`, the erasure. Both steps carry the roster revision, so a card older than the
 * roster changes nothing.
 */
async function erase(turn: VerbTurn<'person.erase'>): Promise<AdaptiveCardJson> {
  const { i18n, payload: fields } = turn;
  if (fields.confirmed !== 'true' && fields.confirmed !== true) {
    const view = await openRoster(turn.deps, turn.actor);
    if (!view.ok) return notice(i18n, 'attention', 'notices.notAllowedTitle', 'roster.notAllowed');
    const person = view.value.people.find((candidate) => candidate.aadObjectId === fields.personId);
    if (!person || fields.revision !== view.value.revision) return outdated(turn);
    return renderConfirmCard({
      title: i18n.t('privacy.eraseTitle', { name: escapeMarkdown(person.displayName) }),
      text: i18n.t('privacy.eraseText', { pseudonym: escapeMarkdown(ERASED_PSEUDONYM) }),
      buttons: [
        cardButton(
          i18n.t('privacy.eraseConfirm'),
          VERBS.personErase,
          { revision: view.value.revision, personId: person.aadObjectId, confirmed: 'true' },
          'destructive',
        ),
        cardButton(i18n.t('privacy.eraseBack'), VERBS.rosterEditPerson, { personId: person.aadObjectId }),
      ],
    });
  }
  const result = await erasePerson(turn.deps, turn.actor, { revision: fields.revision, personId: fields.personId });
  if (result.ok)
    return rosterCard(turn, {
      style: 'good',
      title: '',
      text: i18n.t('privacy.erased', { pseudonym: escapeMarkdown(result.value.pseudonym) }),
    });
  switch (result.error.kind) {
    case 'notAllowed':
      return notice(i18n, 'attention', 'notices.notAllowedTitle', 'roster.notAllowed');
    case 'self':
      return notice(i18n, 'attention', 'privacy.eraseSelfTitle', 'privacy.eraseSelf');
    case 'outdated':
      return outdated(turn);
  }
}

function outdated(turn: RouteTurn<unknown>): Promise<AdaptiveCardJson> {
  return rosterCard(turn, {
    style: 'attention',
    title: turn.i18n.t('roster.banners.outdatedTitle'),
    text: turn.i18n.t('roster.banners.outdated'),
  });
}

/**
 * The roster person card's "access request" for a person without Teams: their export behind a
 * secret link, shown only in the secretariat's personal chat, never where others read along.
 */
async function exportForPerson(turn: VerbTurn<'person.export'>): Promise<AdaptiveCardJson> {
  const { deps, actor, i18n, publicBaseUrl } = turn;
  if (!mayUse('members', actor)) return notice(i18n, 'attention', 'notices.notAllowedTitle', 'roster.notAllowed');
  if (conversationScopeOf(turn.context) !== 'personal')
    return notice(i18n, 'default', 'withoutTeams.export.onlyPersonalTitle', 'withoutTeams.export.onlyPersonal');
  const timeZone = actor.committee?.timeZone ?? 'Europe/Berlin';
  if (!publicBaseUrl) return renderMyDataCard(undefined, timeZone, i18n);
  const result = await exportForPersonWithoutTeams(deps, actor, turn.payload.personId);
  if (result.ok)
    return renderDataOfPersonCard(
      result.value.name,
      { url: linkUrl(publicBaseUrl, result.value.link.path), expiresAt: result.value.link.expiresAt },
      timeZone,
      i18n,
    );
  switch (result.error.kind) {
    case 'notAllowed':
      return notice(i18n, 'attention', 'notices.notAllowedTitle', 'roster.notAllowed');
    case 'hasTeams':
      return notice(i18n, 'attention', 'roster.tamperedTitle', 'withoutTeams.export.hasTeams');
    case 'unknownPerson':
      return notice(i18n, 'attention', 'roster.tamperedTitle', 'roster.tampered');
    case 'noLink':
      return renderMyDataCard(undefined, timeZone, i18n);
  }
}

/**
 * A person's own data and calendar subscription, the secretariat's export for a person without
 * Teams, and its erasure of a person.
 */
export const privacyRoutes = { myData: (turn: RouteTurn) => myData(turn), renewFeed, erase, exportForPerson };
