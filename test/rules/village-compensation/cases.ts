import { VillageCompensationSchema, type VillageCompensation } from "../../../src/schemas/cases.js";
import { ruleSetWith } from "../../support/ruleSetWith.js";

/** Round test-only numbers: a 2-year cap, half the lost rent, 1,000 a mu for a compound and 500 for a breeding zone. */
export const rules = ruleSetWith({
  "village.rentCapYears": "2",
  "village.rentCompensationRate": "0.5",
  "village.perMu": { "industrial-compound": "1000", "breeding-zone": "500" },
});

export interface LeaseInput {
  readonly id?: string;
  readonly tenant?: string;
  readonly landAreaMu?: string;
  readonly annualRent?: string;
  readonly leaseEndsOn: string;
}

/** A village-compensation case as a user writes it: 10 mu of industrial compound cleared on 2016-06-30, no leases unless given. */
export function villageInput(
  overrides: { readonly [field: string]: unknown } = {},
  leases: readonly LeaseInput[] = [],
): { readonly [field: string]: unknown } {
  return {
    kind: "village-compensation",
    id: "V-1",
    township: "台湖镇",
    village: "东下营村",
    zoneType: "industrial-compound",
    clearedOn: "2016-06-30",
    landAreaMu: "10",
    leases: leases.map((lease, index) => ({
      id: `L${index + 1}`,
      tenant: `租户${index + 1}`,
      landAreaMu: "1",
      annualRent: "12000",
      ...lease,
    })),
    ...overrides,
  };
}

/** The same, parsed as the rules receive it. */
export function villageCase(
  overrides: { readonly [field: string]: unknown } = {},
  leases: readonly LeaseInput[] = [],
): VillageCompensation {
  return VillageCompensationSchema.parse(villageInput(overrides, leases));
}
