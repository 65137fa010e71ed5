// Parsing and the supported-language gate. acorn turns the snippet into an ESTree AST; then one walk
// refuses, with the construct's name and line:column, everything the interpreter does not model, so
// the engine never answers wrongly for code it does not understand.
import { parse as acornParse, type Node, type Program } from 'acorn';
import { SimulationError, errorAt } from './errors.ts';
import type { ModuleKind } from './types.ts';

/** Largest snippet accepted, in characters. Classroom snippets are a screenful. */
export const MAX_SOURCE_LENGTH = 20_000;

/** Node types the interpreter evaluates. */
const SUPPORTED = new Set([
  'Program', 'ExpressionStatement', 'BlockStatement', 'EmptyStatement', 'DebuggerStatement',
  'ReturnStatement', 'LabeledStatement', 'BreakStatement', 'ContinueStatement', 'IfStatement',
  'SwitchStatement', 'SwitchCase', 'ThrowStatement', 'TryStatement', 'CatchClause', 'WhileStatement',
  'DoWhileStatement', 'ForStatement', 'ForInStatement', 'ForOfStatement', 'FunctionDeclaration',
  'VariableDeclaration', 'VariableDeclarator', 'ClassDeclaration', 'ClassExpression', 'ClassBody',
  'MethodDefinition', 'PropertyDefinition', 'Identifier', 'Literal', 'ThisExpression',
  'ArrayExpression', 'ObjectExpression', 'Property', 'FunctionExpression', 'ArrowFunctionExpression',
  'UnaryExpression', 'UpdateExpression', 'BinaryExpression', 'AssignmentExpression',
  'LogicalExpression', 'MemberExpression', 'ConditionalExpression', 'CallExpression', 'NewExpression',
  'SequenceExpression', 'TemplateLiteral', 'TemplateElement', 'SpreadElement', 'RestElement',
  'ObjectPattern', 'ArrayPattern', 'AssignmentPattern', 'AwaitExpression', 'YieldExpression',
  'ChainExpression', 'Super', 'ImportDeclaration', 'ImportDefaultSpecifier', 'ImportSpecifier',
  'ImportNamespaceSpecifier', 'MetaProperty', 'ParenthesizedExpression', 'StaticBlock', 'TaggedTemplateExpression',
]);

/** Friendly names for constructs we refuse. */
const REFUSED: Record<string, string> = {
  WithStatement: 'the with statement',
  ImportExpression: 'dynamic import()',
  ExportNamedDeclaration: 'export declarations',
  ExportDefaultDeclaration: 'export declarations',
  ExportAllDeclaration: 'export declarations',
  PrivateIdentifier: 'private class members (#name)',
};

/** Parses and validates a snippet; throws SimulationError for syntax errors and unsupported constructs. */
export function parseSnippet(source: string, module: ModuleKind): Program {
  if (typeof source !== 'string') throw new SimulationError('size', 'The snippet must be a string');
  if (source.length > MAX_SOURCE_LENGTH) {
    throw new SimulationError('size', `The snippet is ${source.length} characters long; the limit is ${MAX_SOURCE_LENGTH}`);
  }
  let program: Program;
  try {
    program = acornParse(source, {
      ecmaVersion: 2024,
      sourceType: module === 'module' ? 'module' : 'script',
      locations: true,
      allowHashBang: true,
      // A CommonJS file is the body of a function: a top-level `return` is legal there.
      allowReturnOutsideFunction: module !== 'module',
    });
  } catch (err) {
    const e = err as SyntaxError & { loc?: { line: number; column: number } };
    if (e instanceof SyntaxError && e.loc) {
      const message = e.message.replace(/\s*\(\d+:\d+\)$/, '');
      throw new SimulationError('syntax', `SyntaxError: ${message}`, e.loc.line, e.loc.column + 1);
    }
    throw err;
  }
  validate(program, module);
  return program;
}

function validate(root: Node, module: ModuleKind): void {
  const visit = (node: Node, parent: Node | null, inAsyncGenerator: boolean): void => {
    const type = node.type;
    if (!SUPPORTED.has(type)) {
      const name = REFUSED[type] ?? `${type}`;
      throw errorAt('unsupported', `Unsupported: ${name} is not supported by the simulator`, node);
    }
    const n = node as any;
    switch (type) {
      case 'Literal':
        if (typeof n.bigint === 'string') break;
        break;
      case 'MetaProperty':
        if (n.meta.name === 'new' && n.property.name === 'target') break;
        if (!(n.meta.name === 'import' && n.property.name === 'meta')) {
          throw errorAt('unsupported', `Unsupported: ${n.meta.name}.${n.property.name} is not supported`, node);
        }
        if (!(parent && parent.type === 'MemberExpression' && !(parent as any).computed &&
          ['filename', 'dirname', 'url'].includes((parent as any).property.name))) {
          throw errorAt('unsupported', 'Unsupported: only import.meta.filename, import.meta.dirname and import.meta.url are supported', node);
        }
        break;
      // ImportDeclaration: the host's module table refuses unknown modules when the module is linked.
      case 'YieldExpression':
        if (n.delegate && inAsyncGenerator) {
          throw errorAt('unsupported', 'Unsupported: yield* inside an async generator is not supported', node);
        }
        break;
      case 'VariableDeclaration':
        if (n.kind === 'using' || n.kind === 'await using') {
          throw errorAt('unsupported', `Unsupported: ${n.kind} declarations are not supported`, node);
        }
        break;
      case 'LabeledStatement':
        if (n.body.type === 'LabeledStatement' && parent?.type !== 'LabeledStatement') mergeLabels(n);
        break;
      case 'PropertyDefinition':
        if (n.key.type === 'PrivateIdentifier') {
          throw errorAt('unsupported', 'Unsupported: private class members (#name) are not supported', node);
        }
        break;
    }
    let childAsyncGen = inAsyncGenerator;
    if (type === 'FunctionDeclaration' || type === 'FunctionExpression' || type === 'ArrowFunctionExpression') {
      childAsyncGen = !!(n.async && n.generator);
    }
    for (const key in n) {
      if (key === 'loc' || key === 'start' || key === 'end' || key === 'type' || key === 'range') continue;
      const value = n[key];
      if (Array.isArray(value)) {
        for (const child of value) if (child && typeof child.type === 'string') visit(child, node, childAsyncGen);
      } else if (value && typeof value === 'object' && typeof value.type === 'string') {
        visit(value, node, childAsyncGen);
      }
    }
  };
  void module;
  visit(root, null, false);
}

/**
 * Several labels on one statement (`a: b: for (...) { continue a; }`) all name that statement. The
 * interpreter gives each loop one label, so every break/continue naming an outer label of the chain is
 * renamed to the innermost one (labels never reach into nested functions, and a label cannot be
 * redeclared inside its own statement, so the renaming cannot capture anything else).
 */
function mergeLabels(outer: any): void {
  const aliases = new Set<string>();
  let inner = outer;
  while (inner.body.type === 'LabeledStatement') {
    aliases.add(inner.label.name);
    inner = inner.body;
  }
  const canonical = inner.label.name;
  const rename = (node: any): void => {
    if (!node || typeof node.type !== 'string') return;
    if (node.type === 'FunctionDeclaration' || node.type === 'FunctionExpression' || node.type === 'ArrowFunctionExpression' ||
      node.type === 'ClassDeclaration' || node.type === 'ClassExpression') return;
    if ((node.type === 'BreakStatement' || node.type === 'ContinueStatement') && node.label && aliases.has(node.label.name)) {
      node.label = { ...node.label, name: canonical };
      return;
    }
    for (const key in node) {
      if (key === 'loc' || key === 'start' || key === 'end' || key === 'type') continue;
      const v = node[key];
      if (Array.isArray(v)) for (const c of v) rename(c);
      else if (v && typeof v === 'object') rename(v);
    }
  };
  rename(inner.body);
}
