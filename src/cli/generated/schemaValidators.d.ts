// Types of the validator scripts/compile-schemas.mjs generates (ajv standalone, draft-07).
export interface SchemaError {
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
}
export declare const validateRcFile: ((data: unknown) => boolean) & { errors?: SchemaError[] | null };
