import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PROJECT_ROOT } from './processes';

/**
 * The playground emulates one signed-in person per run. To act as another member of the demo
 * committee, a second run gets a copy of the project's configuration in which that person is
 * the current user (and the previous current user one of the others), with a personal chat of
 * their own. Returns the folder to start that playground in.
 */
export async function playgroundConfigAs(userId: string, folder: string): Promise<string> {
  const text = await readFile(path.join(PROJECT_ROOT, '.m365agentsplayground.yml'), 'utf8');
  const lines = text.split('\n');
  const currentAt = lines.indexOf('currentUser:');
  const usersAt = lines.indexOf('users:');
  const afterUsers = lines.findIndex((line, index) => index > usersAt && /^\S/.test(line));
  const current = lines.slice(currentAt + 1, usersAt).map((line) => line.replace(/^ {2}/, ''));
  const users: string[][] = [];
  for (const line of lines.slice(usersAt + 1, afterUsers)) {
    if (line.startsWith('  - ')) users.push([line.slice(4)]);
    else users.at(-1)?.push(line.replace(/^ {4}/, ''));
  }
  const chosen = users.find((user) => user[0] === `id: ${userId}`);
  if (!chosen) throw new Error(`${userId} is not a user of the playground configuration`);
  const others = [current, ...users.filter((user) => user !== chosen)];
  const rewritten = [
    ...lines.slice(0, currentAt),
    'currentUser:',
    ...chosen.map((line) => `  ${line}`),
    'users:',
    ...others.flatMap((user) => user.map((line, index) => (index === 0 ? `  - ${line}` : `    ${line}`))),
    ...lines.slice(afterUsers),
  ].join('\n');
  await writeFile(
    path.join(folder, '.m365agentsplayground.yml'),
    rewritten.replace(/^( {2}id: a:gremium-personal-).*$/m, `$1${userId.replace(/^29:/, '')}`),
  );
  return folder;
}
