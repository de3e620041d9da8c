import { renderActionItemCard, actionNoticeBanner } from '../../src/cards/action-item-card';
import { renderActionListCard } from '../../src/cards/action-list-card';
import type { AdaptiveCardJson } from '../../src/cards/card-template';
import type { Translator } from '../../src/i18n/translator';
import { largestActionItemView, largestActionListView, sampleActionItemView } from './action-card-fixtures';

/** The action item templates in their richest variants, for the template checks. */
export function actionCardSamples(i18n: Translator): Array<{ template: string; name: string; card: AdaptiveCardJson }> {
  const locale = i18n.locale;
  const largest = largestActionItemView();
  const list = largestActionListView();
  return [
    {
      template: 'action-item',
      name: `action item, responsible person (${locale})`,
      card: renderActionItemCard(
        sampleActionItemView(),
        i18n,
        actionNoticeBanner('created', sampleActionItemView(), i18n),
        '2027-02-20',
      ),
    },
    {
      template: 'action-item',
      name: `action item, read only and done (${locale})`,
      card: renderActionItemCard(sampleActionItemView({ canChange: false, status: 'done', proposal: undefined }), i18n),
    },
    {
      template: 'action-item',
      name: `action item, the longest texts, the secretariat deciding (${locale})`,
      card: renderActionItemCard(
        largest,
        i18n,
        { style: 'attention', title: 'T'.repeat(300), text: 'B'.repeat(1000) },
        '2027-02-20',
      ),
    },
    {
      template: 'action-list',
      name: `action list, none (${locale})`,
      card: renderActionListCard({ ...list, lines: [], total: 0, page: 1, pageCount: 1, institutions: [] }, i18n),
    },
    {
      template: 'action-list',
      name: `action list, a full page of the longest items (${locale})`,
      card: renderActionListCard(list, i18n, {
        banner: { style: 'attention', title: 'T'.repeat(300), text: 'B'.repeat(1000) },
      }),
    },
    {
      template: 'action-list',
      name: `overdue digest, a full page of the longest items (${locale})`,
      card: renderActionListCard(list, i18n, {
        digest: true,
        banner: { style: 'attention', title: 'T'.repeat(100), text: 'B'.repeat(300) },
      }),
    },
  ];
}
