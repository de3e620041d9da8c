import { translator } from '../i18n/translator';

/** Text from the locale files is plain; in HTML it must stay text. */
function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

/**
 * The page a minutes link answers once a newer version was sent out (see `minutesFile`): a
 * plain, self-contained HTML page in German first and English second, since one address is
 * opened in whatever browser the link was forwarded to. It names no committee, session or
 * version: it tells its reader only where to ask.
 */
export function renderSupersededPage(): string {
  const de = translator('de');
  const en = translator('en');
  const section = (lang: string, title: string, text: string) =>
    `<section lang="${lang}"><h1>${escapeHtml(title)}</h1><p>${escapeHtml(text)}</p></section>`;
  return [
    '<!doctype html>',
    '<html lang="de"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(de.t('links.supersededTitle'))}</title>`,
    '<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;line-height:1.5}',
    'section+section{margin-top:2rem;color:#444}</style>',
    '</head><body>',
    section('de', de.t('links.supersededTitle'), de.t('links.supersededText')),
    section('en', en.t('links.supersededTitle'), en.t('links.supersededText')),
    '</body></html>',
    '',
  ].join('\n');
}
