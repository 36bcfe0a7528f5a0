import { describe, expect, it } from "vitest";
import { settingsSchema } from "@/lib/validation/settings";

const zoneOf = (timeZone: string) => settingsSchema.safeParse({ name: "Ada", timeZone });

describe("settingsSchema time zone", () => {
  it("accepts every zone of the list the page offers, and UTC", () => {
    for (const zone of [...Intl.supportedValuesOf("timeZone"), "UTC"]) {
      expect(zoneOf(zone).success, zone).toBe(true);
    }
  });

  it("stores a zone as the list spells it", () => {
    expect(zoneOf(" europe/paris ").data?.timeZone).toBe("Europe/Paris");
  });

  it.each(["+05:00", "EST", "GMT", "Mars/Olympus", "Europe/London/../x", "x".repeat(65)])(
    "refuses %s with one message",
    (zone) => {
      const result = zoneOf(zone);
      expect(result.success).toBe(false);
      expect(result.error?.issues.map((issue) => issue.message)).toEqual([
        "Choose a time zone from the list, like Europe/London.",
      ]);
    },
  );

  it("asks for a zone when none is given", () => {
    expect(zoneOf("  ").error?.issues.map((issue) => issue.message)).toEqual(["Choose your time zone."]);
  });
});
