import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

type Json = Record<string, unknown>;
type SchemaProperty = {
  readonly type?: string;
  readonly schema?: string;
  readonly items?: { readonly type?: string; readonly schema?: string };
};

const SCHEMA_DIR = path.join(__dirname, 'oparl-schema', 'schema');

/**
 * The official OParl 1.1 schemas, compiled as their README says: Ajv in non-strict mode (they
 * carry OParl's own keywords), their `url` format, and `unicodeRegExp: false` for their escaped
 * `type` patterns. By schema name (`Meeting`), with each one's property definitions, which name
 * the schema of every embedded object (`"schema": "Location.json"`).
 */
export class OparlSchemas {
  private readonly validators = new Map<string, ValidateFunction>();
  private readonly properties = new Map<string, Readonly<Record<string, SchemaProperty>>>();

  constructor() {
    const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
    addFormats(ajv, ['date', 'date-time']);
    ajv.addFormat('url', (value: string) => {
      try {
        const url = new URL(value);
        return url.protocol === 'http:' || url.protocol === 'https:';
      } catch {
        return false;
      }
    });
    for (const file of readdirSync(SCHEMA_DIR).filter((name) => name.endsWith('.json'))) {
      const schema = JSON.parse(readFileSync(path.join(SCHEMA_DIR, file), 'utf8')) as Json;
      const name = file.replace(/\.json$/, '');
      this.validators.set(name, ajv.compile(schema));
      this.properties.set(name, schema.properties as Record<string, SchemaProperty>);
    }
  }

  /** The schema name of an object: the last part of its `type`. */
  static nameOf(object: Json): string {
    return String(object.type).replace(/^https:\/\/schema\.oparl\.org\/1\.1\//, '');
  }

  /** Validates the object against its type's schema, not looking into the objects it embeds. */
  validateAlone(object: Json, where: string): void {
    const name = OparlSchemas.nameOf(object);
    const validate = this.validators.get(name);
    assert.ok(validate, `${where}: no schema for type ${String(object.type)}`);
    assert.ok(validate(object), `${where}: not a valid ${name}: ${JSON.stringify(validate.errors)}`);
  }

  /**
   * Validates the object and every object it embeds against their schemas; answers the embedded
   * objects (with the property they are in), so a walker can check them like any other.
   */
  validate(object: Json, where: string): Array<{ readonly object: Json; readonly property: string }> {
    this.validateAlone(object, where);
    const name = OparlSchemas.nameOf(object);
    const embedded: Array<{ object: Json; property: string }> = [];
    for (const [property, definition] of Object.entries(this.properties.get(name) ?? {})) {
      const value = object[property];
      if (value === undefined) continue;
      const schema =
        definition.type === 'object'
          ? definition.schema
          : definition.type === 'array' && definition.items?.type === 'object'
            ? definition.items.schema
            : undefined;
      if (!schema) continue;
      for (const inner of Array.isArray(value) ? (value as Json[]) : [value as Json]) {
        assert.equal(
          OparlSchemas.nameOf(inner),
          schema.replace(/\.json$/, ''),
          `${where}.${property}: embeds the wrong type`,
        );
        embedded.push({ object: inner, property });
        embedded.push(...this.validate(inner, `${where}.${property}`));
      }
    }
    return embedded;
  }
}

/** Everything a walk of the interface met. */
export interface Walk {
  /** Every object by id, as fetched on its own or found in a list. */
  readonly objects: Map<string, Json>;
  /** Every embedded object, as embedded (with the property it is in). */
  readonly embedded: Array<{ readonly object: Json; readonly property: string }>;
  /** Every list page by URL. */
  readonly pages: Map<string, Json>;
  /** Every file's bytes by URL (`accessUrl`, `downloadUrl`), with its content type. */
  readonly files: Map<string, { readonly bytes: Buffer; readonly contentType: string }>;
  /** Every answer's body as text (JSON as received), to search for what must not be there. */
  readonly texts: string[];
  /** Every response, by URL, for its headers. */
  readonly responses: Map<string, Response>;
}

/**
 * Walks the interface from its entry point: fetches every URL of the interface that any answer
 * names (object ids, list links, references, file addresses), each once, and asserts that each
 * answers 200: nothing it names is missing. JSON answers are validated against the schemas,
 * embedded objects included.
 */
export async function walkInterface(base: string, schemas: OparlSchemas): Promise<Walk> {
  const walk: Walk = {
    objects: new Map(),
    embedded: [],
    pages: new Map(),
    files: new Map(),
    texts: [],
    responses: new Map(),
  };
  const queue = [`${base}/system`];
  const seen = new Set<string>();
  const note = (value: unknown): void => {
    if (typeof value === 'string') {
      if (value.startsWith(`${base}/`) && !seen.has(value)) queue.push(value);
    } else if (Array.isArray(value)) value.forEach(note);
    else if (value && typeof value === 'object') Object.values(value).forEach(note);
  };
  const record = (object: Json, where: string): void => {
    walk.embedded.push(...schemas.validate(object, where));
    walk.objects.set(String(object.id), object);
  };
  while (queue.length > 0) {
    const url = queue.shift()!;
    if (seen.has(url)) continue;
    seen.add(url);
    const response = await fetch(url);
    walk.responses.set(url, response);
    assert.equal(response.status, 200, `${url} answers ${response.status}`);
    const contentType = response.headers.get('content-type') ?? '';
    if (/\/(access|download)$/.test(new URL(url).pathname)) {
      walk.files.set(url, { bytes: Buffer.from(await response.arrayBuffer()), contentType });
      continue;
    }
    assert.equal(contentType, 'application/json; charset=utf-8', url);
    const text = await response.text();
    walk.texts.push(text);
    const body = JSON.parse(text) as Json;
    if (Array.isArray(body.data)) {
      walk.pages.set(url, body);
      (body.data as Json[]).forEach((object, index) => record(object, `${url} data[${index}]`));
    } else record(body, url);
    note(body);
  }
  return walk;
}
