import {
  FIELD_KINDS,
  VERB_REGISTRY,
  type FieldKind,
  type FieldRule,
  type Payload,
  type PayloadSchema,
  type Verb,
} from '../domain/verb-registry';

/** A field the card sent that does not fit its kind: a tampered card, or a client sending something else. */
export interface PayloadMisfit {
  readonly field: string;
  readonly kind: FieldKind;
}

/** A card's data as its verb reads it, and the fields among them that did not fit their kind. */
export interface ReadPayload<V extends Verb> {
  readonly payload: Payload<V>;
  readonly misfits: readonly PayloadMisfit[];
}

/**
 * The one reader of card data. Card data arrives as untrusted JSON: any shape, from any client.
 * This reads exactly the fields the verb's registry entry names (src/domain/verb-registry.ts),
 * and checks each against its kind; anything that is no record of fields counts as a card
 * without data. Fields the verb does not name (the `verb` the data carries, a client's own
 * additions) are left behind. A field that does not fit its kind is passed on as it came and
 * reported: the use case answers it with its own precise refusal (see FIELD_KINDS).
 */
export function readPayload<V extends Verb>(verb: V, data: unknown): ReadPayload<V> {
  const schema: PayloadSchema = VERB_REGISTRY[verb].payload;
  const payload: Record<string, unknown> = Object.fromEntries(
    Object.keys(schema)
      .filter((name) => !name.includes('*'))
      .map((name) => [name, undefined]),
  );
  const misfits: PayloadMisfit[] = [];
  for (const [field, value] of Object.entries(recordOf(data))) {
    const kind = kindOf(schema, field);
    if (!kind || value === undefined) continue;
    if (!fits(FIELD_KINDS[kind], value)) misfits.push({ field, kind });
    payload[field] = value;
  }
  return { payload: payload as Payload<V>, misfits };
}

/**
 * The committee a card names (every card Gremium draws carries it in every action's data, see
 * `withCommittee`): the value as it came, still untrusted, for the committee resolution to check;
 * `null` when the card names none (drawn before cards named their committee). A value that is no
 * id at all is passed on as it came, to be refused there.
 */
export function readCardCommittee(data: unknown): unknown {
  const fields = recordOf(data);
  if (!Object.hasOwn(fields, 'committeeId') || fields.committeeId === undefined) return null;
  const value = fields.committeeId;
  return fitsKind('id', value) ? value : { misfit: true };
}

/** The data of a verb's card with no fields at all: what a typed command brings to a card's route. */
export function emptyPayload<V extends Verb>(verb: V): Payload<V> {
  return readPayload(verb, {}).payload;
}

function recordOf(data: unknown): Readonly<Record<string, unknown>> {
  return typeof data === 'object' && data !== null && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
}

/** The kind of a field by its name, or by the family (`presence-*`) it belongs to. */
function kindOf(schema: PayloadSchema, field: string): FieldKind | undefined {
  if (Object.hasOwn(schema, field) && !field.includes('*')) return schema[field];
  for (const [name, kind] of Object.entries(schema)) {
    const star = name.indexOf('*');
    if (star < 0) continue;
    const [before, after] = [name.slice(0, star), name.slice(star + 1)];
    if (field.length > before.length + after.length && field.startsWith(before) && field.endsWith(after)) return kind;
  }
  return undefined;
}

/** Whether a value fits a kind of field: its JSON type, its length, its only values. */
export function fitsKind(kind: FieldKind, value: unknown): boolean {
  return fits(FIELD_KINDS[kind], value);
}

function fits(rule: FieldRule, value: unknown): boolean {
  const type = typeof value;
  if (type !== 'string' && type !== 'number' && type !== 'boolean') return false;
  if (!rule.types.includes(type)) return false;
  if (type === 'number' && !Number.isFinite(value)) return false;
  if (type === 'string' && rule.maxLength !== undefined && (value as string).length > rule.maxLength) return false;
  return rule.oneOf === undefined || rule.oneOf.includes(value as string | boolean);
}
