import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { SESSION_STATES } from '../../src/domain/sessions/session-state';

const ROOT = path.resolve(__dirname, '../..');
/** The one file that may list session states: every rule about them is a predicate there. */
const RULES_FILE = 'src/domain/sessions/session-state.ts';
const STATES: ReadonlySet<string> = new Set(SESSION_STATES);

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(relative);
    return entry.name.endsWith('.ts') ? [relative] : [];
  });
}

const isStateLiteral = (node: ts.Node): boolean => ts.isStringLiteralLike(node) && STATES.has(node.text);

/** `state` or `….state`: what a comparison with a session state is about. */
const isStateOperand = (node: ts.Node): boolean =>
  (ts.isIdentifier(node) && node.text === 'state') ||
  ((ts.isPropertyAccessExpression(node) || ts.isPropertyAccessChain(node)) && node.name.text === 'state');

const EQUALITY = new Set([
  ts.SyntaxKind.EqualsEqualsEqualsToken,
  ts.SyntaxKind.ExclamationEqualsEqualsToken,
  ts.SyntaxKind.EqualsEqualsToken,
  ts.SyntaxKind.ExclamationEqualsToken,
]);

function isStateComparison(node: ts.Node): boolean {
  if (!ts.isBinaryExpression(node) || !EQUALITY.has(node.operatorToken.kind)) return false;
  return (
    (isStateOperand(node.left) && isStateLiteral(node.right)) ||
    (isStateOperand(node.right) && isStateLiteral(node.left))
  );
}

/** The comparisons of a state with a literal inside an `||`/`&&` chain (through parentheses). */
function stateComparisonsIn(node: ts.Expression): number {
  if (ts.isParenthesizedExpression(node)) return stateComparisonsIn(node.expression);
  if (
    ts.isBinaryExpression(node) &&
    (node.operatorToken.kind === ts.SyntaxKind.BarBarToken ||
      node.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken)
  )
    return stateComparisonsIn(node.left) + stateComparisonsIn(node.right);
  return isStateComparison(node) ? 1 : 0;
}

const isLogicalChain = (node: ts.Node): node is ts.BinaryExpression =>
  ts.isBinaryExpression(node) &&
  (node.operatorToken.kind === ts.SyntaxKind.BarBarToken ||
    node.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken);

/**
 * Where a piece of source decides by a set of session states itself instead of asking a rule of
 * session-state.ts: an array of two or more state literals, a chain comparing a state with two
 * or more of them, or a switch on a state with two or more of them as cases.
 */
function stateListsIn(fileName: string, text: string): string[] {
  const file = ts.createSourceFile(fileName, text, ts.ScriptTarget.ES2022, true);
  const found: string[] = [];
  const at = (node: ts.Node) => `${fileName}:${file.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
  const visit = (node: ts.Node): void => {
    if (ts.isArrayLiteralExpression(node) && node.elements.filter(isStateLiteral).length >= 2) {
      found.push(`${at(node)} lists session states: ${node.getText()}`);
    } else if (isLogicalChain(node) && !isLogicalChain(node.parent) && stateComparisonsIn(node) >= 2) {
      found.push(`${at(node)} compares a state with several states: ${node.getText()}`);
    } else if (ts.isSwitchStatement(node) && isStateOperand(node.expression)) {
      const cases = node.caseBlock.clauses.filter(
        (clause) => ts.isCaseClause(clause) && isStateLiteral(clause.expression),
      );
      if (cases.length >= 2) found.push(`${at(node)} switches over session states`);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

describe('architecture: the rules about session states live in session-state.ts', () => {
  it('no other source file lists or chains session states itself', () => {
    const found = sourceFiles('src')
      .filter((file) => file !== RULES_FILE)
      .flatMap((file) => stateListsIn(file, readFileSync(path.join(ROOT, file), 'utf8')));
    assert.deepEqual(found, [], `ask a predicate of ${RULES_FILE} instead`);
  });

  it('finds a list, a chain and a switch, and lets single comparisons and other lists be', () => {
    const source = [
      "const open: SessionState[] = ['planned', 'topicsOpen'];",
      "const live = session.state === 'planned' || (session.state === 'invited' && ok);",
      "switch (state) { case 'held': case 'closed': break; }",
      "const cancelled = session.state === 'cancelled';",
      "const statuses = ['scheduled', 'done', 'failed', 'cancelled'];",
      "type Status = 'open' | 'closed' | 'cancelled';",
      "const both = job.status === 'cancelled' || job.status === 'closed';",
    ].join('\n');
    assert.deepEqual(
      stateListsIn('example.ts', source).map((finding) => finding.split(' ')[0]),
      ['example.ts:1', 'example.ts:2', 'example.ts:3'],
    );
  });
});
