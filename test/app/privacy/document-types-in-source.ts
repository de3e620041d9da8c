import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/** Where a document type was found in the source, for the failure message. */
export interface FoundType {
  readonly type: string;
  readonly where: string;
}

/**
 * Every document `type` the source declares, writes or reads, found by parsing it (no type
 * checking): the `type` of an interface extending a `…Document` interface (a literal, a union of
 * literals, or `typeof CONSTANT`), the `type` of an object literal that also has a `committeeId`
 * (a document written without a declared interface), and the `type` (one, or a list) of a query
 * passed to `query`, `queryAcrossCommittees` or `queryByType` (a document read).
 */
export function documentTypesIn(files: ReadonlyArray<{ readonly name: string; readonly text: string }>): FoundType[] {
  const constants = new Map<string, string>();
  const sources = files.map((file) => ts.createSourceFile(file.name, file.text, ts.ScriptTarget.Latest, true));
  for (const source of sources) {
    source.forEachChild(function visit(node): void {
      if (
        ts.isVariableDeclaration(node) &&
        ts.isIdentifier(node.name) &&
        node.initializer &&
        ts.isStringLiteral(node.initializer)
      )
        constants.set(node.name.text, node.initializer.text);
      node.forEachChild(visit);
    });
  }
  const found: FoundType[] = [];
  for (const source of sources) {
    const at = (node: ts.Node) =>
      `${source.fileName}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
    const literalsOf = (type: ts.TypeNode | undefined): string[] => {
      if (!type) return [];
      if (ts.isLiteralTypeNode(type) && ts.isStringLiteral(type.literal)) return [type.literal.text];
      if (ts.isUnionTypeNode(type)) return type.types.flatMap(literalsOf);
      if (ts.isTypeQueryNode(type) && ts.isIdentifier(type.exprName))
        return constants.has(type.exprName.text)
          ? [constants.get(type.exprName.text)!]
          : [`unresolved ${type.exprName.text}`];
      return [];
    };
    const stringOf = (expression: ts.Expression | undefined): string | undefined => {
      if (!expression) return undefined;
      if (ts.isStringLiteral(expression) || ts.isNoSubstitutionTemplateLiteral(expression)) return expression.text;
      if (ts.isIdentifier(expression) && constants.has(expression.text)) return constants.get(expression.text);
      return undefined;
    };
    const typeProperty = (literal: ts.ObjectLiteralExpression) =>
      literal.properties.find(
        (property): property is ts.PropertyAssignment =>
          ts.isPropertyAssignment(property) && property.name.getText(source) === 'type',
      );
    source.forEachChild(function visit(node): void {
      if (ts.isInterfaceDeclaration(node)) {
        const extendsDocument = node.heritageClauses?.some((clause) =>
          clause.types.some((type) => /Document$/.test(type.expression.getText(source))),
        );
        const typeMember = node.members.find(
          (member): member is ts.PropertySignature =>
            ts.isPropertySignature(member) && member.name.getText(source) === 'type',
        );
        if (extendsDocument && typeMember)
          for (const type of literalsOf(typeMember.type)) found.push({ type, where: at(typeMember) });
      }
      if (ts.isObjectLiteralExpression(node)) {
        const type = typeProperty(node);
        const hasCommittee = node.properties.some((property) => property.name?.getText(source) === 'committeeId');
        const value = stringOf(type?.initializer);
        if (type && hasCommittee && value !== undefined) found.push({ type: value, where: at(type) });
      }
      if (ts.isCallExpression(node) && QUERY_CALLS.has(calledName(node.expression))) {
        for (const argument of node.arguments) {
          if (!ts.isObjectLiteralExpression(argument)) continue;
          const initializer = typeProperty(argument)?.initializer;
          const values =
            initializer && ts.isArrayLiteralExpression(initializer)
              ? initializer.elements.map((element) => stringOf(element))
              : [stringOf(initializer)];
          for (const value of values) if (value !== undefined) found.push({ type: value, where: at(argument) });
        }
      }
      node.forEachChild(visit);
    });
  }
  return found;
}

/** The calls whose object argument's `type` names the document types read: one, or a list. */
const QUERY_CALLS: ReadonlySet<string> = new Set(['query', 'queryAcrossCommittees', 'queryByType']);

/** `store.query` → `query`, `queryByType` → `queryByType`; '' for anything else called. */
function calledName(callee: ts.Expression): string {
  if (ts.isPropertyAccessExpression(callee)) return callee.name.text;
  return ts.isIdentifier(callee) ? callee.text : '';
}

/** The TypeScript files under a folder, with their text. */
export function sourceFiles(root: string): Array<{ readonly name: string; readonly text: string }> {
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts'))
    .map((file) => ({ name: path.join(path.basename(root), file), text: readFileSync(path.join(root, file), 'utf8') }));
}
