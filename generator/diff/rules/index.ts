/** Every rule, in walk order: keywords first, then the structures below them. */
import { allOf } from "./all-of.js";
import { annotations } from "./annotations.js";
import { bounds } from "./bounds.js";
import { conditions } from "./conditions.js";
import { constraints } from "./constraints.js";
import { openEnum, values } from "./enums.js";
import { additionalProperties, patternProperties } from "./extra-properties.js";
import { properties } from "./properties.js";
import type { Rule } from "./rule.js";
import { subschemas } from "./subschemas.js";
import { types } from "./types.js";
import { unions } from "./unions.js";

export const RULES: readonly Rule[] = [
  annotations,
  types,
  values,
  openEnum,
  bounds,
  constraints,
  additionalProperties,
  properties,
  patternProperties,
  subschemas,
  conditions,
  unions,
  allOf,
];
