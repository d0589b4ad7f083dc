/**
 * Wraps a schema builder so each set of arguments builds its schema once: a
 * zod schema is costly to build, and compiles its checks anew per instance,
 * while a webhook's channel and type only ever take a few dozen values.
 */
export function builtOnce<Args extends string[], Schema>(build: (...args: Args) => Schema): (...args: Args) => Schema {
  const built = new Map<string, Schema>();
  return (...args) => {
    const key = args.join('\u0000');
    let schema = built.get(key);
    if (schema === undefined) {
      schema = build(...args);
      built.set(key, schema);
    }
    return schema;
  };
}
