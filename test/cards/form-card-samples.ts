import type { AdaptiveCardJson } from '../../src/cards/card-template';
import { renderCommandLineCard } from '../../src/cards/command-line-card';
import type { Translator } from '../../src/i18n/translator';

/**
 * The answer to a command typed with too long a text: a little too long (shown again to
 * shorten), and far too long (shown again up to what fits, said to be so otherwise).
 */
export function formCardSamples(i18n: Translator): Array<{ template: string; name: string; card: AdaptiveCardJson }> {
  return [
    {
      template: 'command-line',
      name: `command with a long text after its word (${i18n.locale})`,
      card: renderCommandLineCard({ command: 'audit', argument: 'Sabine Hoffmann '.repeat(25).trim(), max: 200 }, i18n),
    },
    {
      template: 'command-line',
      name: `command with a text far too long to show again (${i18n.locale})`,
      card: renderCommandLineCard({ command: 'planSessions', argument: '2027 '.repeat(4000), max: 40 }, i18n),
    },
  ];
}
