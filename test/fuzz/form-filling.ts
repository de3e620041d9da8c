import fc from 'fast-check';
import { plainWords } from './text-noise';

/** An input of a card as the card defines it: what a person can enter there. */
export interface CardInput {
  readonly id: string;
  readonly type: string;
  readonly value?: unknown;
  readonly isRequired?: boolean;
  readonly isMultiSelect?: boolean;
  readonly choices?: ReadonlyArray<{ readonly value?: unknown }>;
  readonly min?: unknown;
  readonly max?: unknown;
  readonly maxLength?: unknown;
  /** A text input's pattern: number fields are text inputs that take digits only. */
  readonly regex?: unknown;
  readonly valueOn?: unknown;
  readonly valueOff?: unknown;
  /** A text input's kind: an e-mail field is filled with an address. */
  readonly style?: unknown;
}

/** Every input a card shows, with its definition. */
export function cardInputs(card: unknown): CardInput[] {
  const inputs: CardInput[] = [];
  JSON.stringify(card, (_key, value: unknown) => {
    const candidate = value as { type?: unknown; id?: unknown } | null;
    if (
      candidate &&
      typeof candidate.type === 'string' &&
      candidate.type.startsWith('Input.') &&
      typeof candidate.id === 'string'
    ) {
      inputs.push(candidate as CardInput);
    }
    return value;
  });
  return inputs;
}

/** The values a card sends as it is shown, untouched. */
export function shownValues(inputs: readonly CardInput[]): Record<string, unknown> {
  return Object.fromEntries(inputs.map((input) => [input.id, input.value ?? '']));
}

const isoDate = (date: Date) => date.toISOString().slice(0, 10);

/** A number field: a text input whose pattern takes digits only, as a person fills it in with digits. */
function takesDigits(input: CardInput): boolean {
  return input.type === 'Input.Text' && typeof input.regex === 'string' && input.regex.includes('\\d');
}

/**
 * One input filled in as a person would: a choice among those offered, a date between the
 * card's limits, a number in range, text within its length; a value already shown is mostly kept.
 * `today` is the day the world's clock shows, for dates without a lower limit.
 */
function filled(input: CardInput, today: string): fc.Arbitrary<unknown> {
  const shown = input.value ?? '';
  const keep = (arbitrary: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> =>
    shown === '' ? arbitrary : fc.oneof({ weight: 3, arbitrary: fc.constant(shown) }, { weight: 1, arbitrary });
  switch (input.type) {
    case 'Input.ChoiceSet': {
      const values = (input.choices ?? []).map((choice) => String(choice.value ?? '')).filter((value) => value !== '');
      if (values.length === 0) return fc.constant(shown);
      if (input.isMultiSelect) return keep(fc.subarray(values, { minLength: 1 }).map((chosen) => chosen.join(',')));
      return keep(fc.constantFrom(...values));
    }
    case 'Input.Date': {
      const from = typeof input.min === 'string' && input.min !== '' ? input.min : today;
      const start = new Date(`${from}T00:00:00Z`);
      const end =
        typeof input.max === 'string' && input.max !== ''
          ? new Date(`${input.max}T00:00:00Z`)
          : new Date(start.getTime() + 120 * 86_400_000);
      return keep(fc.date({ min: start, max: end, noInvalidDate: true }).map(isoDate));
    }
    case 'Input.Time':
      return keep(fc.constantFrom('09:00', '10:30', '14:00', '16:45'));
    case 'Input.Number': {
      const min = typeof input.min === 'number' ? input.min : 0;
      const max = typeof input.max === 'number' ? input.max : min + 100;
      return keep(fc.integer({ min, max }));
    }
    case 'Input.Toggle':
      return fc.constantFrom(input.valueOn ?? 'true', input.valueOff ?? 'false');
    default: {
      if (takesDigits(input)) return keep(fc.integer({ min: 1, max: 60 }).map(String));
      // An e-mail field gets an address, as a person types one: names and domains of the region.
      if (input.style === 'Email')
        return keep(
          fc
            .tuple(
              fc.constantFrom('petra', 'k.schulz', 'info', 'anna-lena.meyer', 'geschaeftsstelle'),
              fc.constantFrom('lk-leipzig.de', 'stadt.example', 'jobcenter-nordsachsen.de', 'müller-amt.de'),
            )
            .map(([local, domain]) => `${local}@${domain}`),
        );
      const max = typeof input.maxLength === 'number' ? input.maxLength : 200;
      const text = plainWords(1, 6).map((words) => words.slice(0, max).trim() || 'Text');
      return shown === '' && !input.isRequired ? fc.oneof(fc.constant(''), text) : keep(text);
    }
  }
}

/** A card's form filled in as a person would fill it (see `filled`). */
export function filledForm(inputs: readonly CardInput[], today: string): fc.Arbitrary<Record<string, unknown>> {
  return fc.record(Object.fromEntries(inputs.map((input) => [input.id, filled(input, today)])));
}

/**
 * The plainest filling: what is shown, else the first choice, the earliest date, the lowest
 * number, and a word in a required text field (with `everyText`, in every empty text field:
 * some forms need a text the card does not mark as required, others refuse a word where a link
 * belongs, so both are tried).
 */
export function plainlyFilled(inputs: readonly CardInput[], today: string, everyText = false): Record<string, unknown> {
  return Object.fromEntries(
    inputs.map((input) => {
      const shown = input.value ?? '';
      if (shown !== '' || input.type === 'Input.Toggle') return [input.id, shown];
      switch (input.type) {
        case 'Input.ChoiceSet':
          return [input.id, String(input.choices?.[0]?.value ?? '')];
        case 'Input.Date':
          return [input.id, typeof input.min === 'string' && input.min !== '' ? input.min : today];
        case 'Input.Time':
          return [input.id, '10:00'];
        case 'Input.Number':
          return [input.id, typeof input.min === 'number' ? input.min : 1];
        default:
          if (takesDigits(input)) return [input.id, input.isRequired || everyText ? '15' : ''];
          if (input.style === 'Email') return [input.id, input.isRequired || everyText ? 'beispiel@example.org' : ''];
          return [input.id, input.isRequired || everyText ? 'Beispiel' : ''];
      }
    }),
  );
}
