import { isVerb, VERB_LIST, type Verb } from '../domain/verb-registry';

export { isVerb, type Verb };

/** The constant's name for a verb: `topic.decideForm` is `topicDecideForm`. */
type ConstantName<V extends string> = V extends `${infer Noun}.${infer Action}`
  ? `${Noun}${Capitalize<Action>}`
  : never;

/** Every registered card verb under its constant's name. */
export type VerbConstants = { readonly [V in Verb as ConstantName<V>]: V };

/**
 * The verbs of every card action, built from the verb registry (src/domain/verb-registry.ts).
 * Templates receive them as data and the bot's routes are built from the same registry, so a
 * card can never carry a verb that no route answers.
 */
export const VERBS: VerbConstants = Object.freeze(
  Object.fromEntries(VERB_LIST.map((verb) => [constantName(verb), verb])),
) as VerbConstants;

function constantName(verb: Verb): string {
  return verb.replace(/\.(.)/, (_dot, initial: string) => initial.toUpperCase());
}
