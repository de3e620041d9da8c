import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as ACData from 'adaptivecards-templating';
import { withBannerBelow } from './banner-placement';
import { projectRoot } from './project-root';

/** An Adaptive Card as JSON, ready to be sent as an attachment or an invoke response. */
export type AdaptiveCardJson = Record<string, unknown> & { readonly type: 'AdaptiveCard' };

/** The card templates in `adaptiveCards/`; each has a typed data model and renderer beside it. */
export type CardTemplateName =
  | 'help'
  | 'setup'
  | 'committees'
  | 'committee'
  | 'notice'
  | 'delivery'
  | 'delivery-failures'
  | 'sessions'
  | 'session-edit'
  | 'invitation'
  | 'rsvps'
  | 'attendance'
  | 'roster'
  | 'roster-seat'
  | 'roster-person'
  | 'roster-without-teams'
  | 'call-for-topics'
  | 'topic-form'
  | 'topic-receipt'
  | 'working-groups'
  | 'working-group-form'
  | 'confirm'
  | 'topics'
  | 'topic-decision'
  | 'agenda'
  | 'agenda-item'
  | 'agenda-published'
  | 'agenda-deadline'
  | 'minutes'
  | 'minutes-item'
  | 'minutes-review'
  | 'minutes-results'
  | 'action-item'
  | 'action-list'
  | 'my-data'
  | 'audit'
  | 'status-report'
  | 'command-line';

const templates = new Map<CardTemplateName, unknown>();

/** Reads a template once per process; templates are part of the build, not user data. */
export function loadCardTemplate(name: CardTemplateName): unknown {
  let template = templates.get(name);
  if (!template) {
    template = JSON.parse(readFileSync(path.join(projectRoot(), 'adaptiveCards', `${name}.json`), 'utf8')) as unknown;
    templates.set(name, template);
  }
  return template;
}

/**
 * Expands a template with its data. Data is bound by the templating engine as values, never
 * parsed as card JSON, so user text cannot add elements or actions to a card. A tall card's
 * banner of a refusal or problem is repeated at its bottom (see `withBannerBelow`).
 */
export function expandCard<T extends object>(name: CardTemplateName, data: T): AdaptiveCardJson {
  let template = compiled.get(name);
  if (!template) {
    template = new ACData.Template(loadCardTemplate(name));
    compiled.set(name, template);
  }
  return withBannerBelow(template.expand({ $root: data }) as AdaptiveCardJson);
}

/**
 * Templates ready to expand, one per name. Preparing one costs far more than expanding it, and
 * expanding leaves it unchanged, so each is prepared once per process.
 */
const compiled = new Map<CardTemplateName, ACData.Template>();
