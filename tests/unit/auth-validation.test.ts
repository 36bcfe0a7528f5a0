import { readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isCommonPassword } from "@/lib/auth/password";
import {
  changePasswordSchema,
  newPasswordField,
  safeCallbackPath,
  signInSchema,
  signUpSchema,
} from "@/lib/validation/auth";

const commonPasswordLines = readFileSync(path.join(process.cwd(), "lib/auth/common-passwords.txt"), "utf8")
  .split("\n")
  .filter(Boolean);

const validSignUp = {
  name: "Ada Patient",
  email: "ada@example.com",
  password: "correct horse battery",
  role: "PATIENT",
  timezone: "Europe/London",
};

/** The messages a form would show, keyed by field path. */
function fieldErrors(result: {
  success: boolean;
  error?: { issues: { path: PropertyKey[]; message: string }[] };
}) {
  const errors: Record<string, string[]> = {};
  for (const issue of result.error?.issues ?? []) {
    const key = issue.path.join(".");
    errors[key] ??= [];
    errors[key].push(issue.message);
  }
  return errors;
}

const tooShort = "Use at least 8 characters.";
const tooLong = "Use at most 128 characters.";
const tooCommon = "This password is too common and easy to guess. Choose another.";
const invalidEmail = "Enter a valid e-mail address, like name@example.com.";

describe("e-mail addresses", () => {
  it("are trimmed and lower-cased on sign-up", () => {
    const result = signUpSchema.safeParse({ ...validSignUp, email: "  Ada.Lovelace@Example.COM \t" });
    expect(result.success && result.data.email).toBe("ada.lovelace@example.com");
  });

  it("are trimmed and lower-cased on sign-in, so the same account is found however it is typed", () => {
    const result = signInSchema.safeParse({ email: " ADA@EXAMPLE.COM ", password: "whatever" });
    expect(result.success && result.data.email).toBe("ada@example.com");
  });

  it.each(["not-an-email", "ada@", "@example.com", "ada example@example.com", "ada@@example.com"])(
    "refuses %j with a message that shows a valid example",
    (email) => {
      const result = signUpSchema.safeParse({ ...validSignUp, email });
      expect(fieldErrors(result).email).toEqual([invalidEmail]);
    },
  );

  it("asks for an e-mail address when it is empty or only spaces", () => {
    expect(fieldErrors(signInSchema.safeParse({ email: "   ", password: "x" })).email).toEqual([
      "Enter your e-mail address.",
    ]);
    expect(fieldErrors(signInSchema.safeParse({ password: "x" })).email).toEqual([
      "Enter your e-mail address.",
    ]);
  });

  it("refuses an address longer than 254 characters", () => {
    const email = `${"a".repeat(64)}@${"b".repeat(186)}.com`;
    expect(email.length).toBe(255);
    expect(fieldErrors(signUpSchema.safeParse({ ...validSignUp, email })).email).toContain(
      "That e-mail address is too long.",
    );
  });
});

describe("new passwords", () => {
  const parsePassword = (password: string) => signUpSchema.safeParse({ ...validSignUp, password });

  it("refuses exactly 7 characters", () => {
    expect(fieldErrors(parsePassword("abcdefg")).password).toEqual([tooShort]);
  });

  it("accepts exactly 8 characters", () => {
    expect(parsePassword("abcdefgh").success).toBe(true);
  });

  it("accepts exactly 128 characters", () => {
    expect(parsePassword("x".repeat(128)).success).toBe(true);
  });

  it("refuses 129 characters", () => {
    expect(fieldErrors(parsePassword("x".repeat(129))).password).toEqual([tooLong]);
  });

  it("counts an emoji as one character, so 8 emoji are enough", () => {
    const password = "🦴".repeat(8);
    expect(password.length).toBe(16);
    const result = parsePassword(password);
    expect(result.success && result.data.password).toBe(password);
  });

  it("counts an emoji as one character, so 7 emoji are too few even though they fill 14 UTF-16 units", () => {
    expect(fieldErrors(parsePassword("🦴".repeat(7))).password).toEqual([tooShort]);
  });

  it("accepts 128 emoji and returns every one of them, untruncated", () => {
    const password = "🦴".repeat(128);
    const result = newPasswordField.safeParse(password);
    expect(result.success && result.data).toBe(password);
  });

  it("refuses 129 emoji", () => {
    expect(newPasswordField.safeParse("🦴".repeat(129)).success).toBe(false);
  });

  it("keeps leading and trailing spaces exactly as typed", () => {
    const password = `  ${"a".repeat(124)}  `;
    const result = parsePassword(password);
    expect(result.success && result.data.password).toBe(password);
  });

  it("keeps a 128-character password with spaces at both ends unchanged, character for character", () => {
    const password = ` ${"é🦴".repeat(63)} `;
    expect([...password].length).toBe(128);
    const result = newPasswordField.safeParse(password);
    expect(result.success && result.data).toBe(password);
  });

  it.each(["Password1", "PASSWORD123", "QwErTy123", "IloveYou", "TrustNo1", "Letmein1"])(
    "refuses the common password %j whatever its capitalisation",
    (password) => {
      expect(commonPasswordLines).toContain(password.toLowerCase());
      expect(fieldErrors(parsePassword(password)).password).toEqual([tooCommon]);
    },
  );

  it("refuses a common password as the new password when changing it", () => {
    const result = changePasswordSchema.safeParse({
      currentPassword: "old secret phrase",
      newPassword: "Sunshine",
      confirmPassword: "Sunshine",
    });
    expect(fieldErrors(result).newPassword).toEqual([tooCommon]);
  });

  it("accepts any 8 to 128 characters that are not a common password, and returns them unchanged", () => {
    fc.assert(
      fc.property(
        fc
          .string({ unit: "binary", minLength: 8, maxLength: 128 })
          .filter((value) => !isCommonPassword(value)),
        (password) => {
          const result = newPasswordField.safeParse(password);
          expect(result.success).toBe(true);
          expect(result.data).toBe(password);
        },
      ),
    );
  });

  it("refuses anything shorter than 8 characters, whatever the characters", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 7 }), (password) => {
        const result = newPasswordField.safeParse(password);
        expect(result.success).toBe(false);
        expect(result.error?.issues.map((issue) => issue.message)).toContain(tooShort);
      }),
    );
  });
});

describe("the common-password list", () => {
  it("holds at least 3,000 different passwords", () => {
    expect(new Set(commonPasswordLines).size).toBeGreaterThanOrEqual(3000);
  });

  it("stores every entry in lower case without stray carriage returns, so case-insensitive matching can find it", () => {
    const unmatchable = commonPasswordLines.filter(
      (line) => line !== line.toLowerCase() || line.includes("\r"),
    );
    expect(unmatchable).toEqual([]);
  });
});

describe("sign-in", () => {
  it("checks the password exactly as typed: no trimming, no length rule", () => {
    const result = signInSchema.safeParse({ email: "ada@example.com", password: " short " });
    expect(result.success && result.data.password).toBe(" short ");
  });

  it("asks for a password when it is empty", () => {
    expect(fieldErrors(signInSchema.safeParse({ email: "ada@example.com", password: "" })).password).toEqual([
      "Enter your password.",
    ]);
  });
});

describe("sign-up", () => {
  it.each(["PATIENT", "PHYSIO"])("accepts the role %s", (role) => {
    const result = signUpSchema.safeParse({ ...validSignUp, role });
    expect(result.success && result.data.role).toBe(role);
  });

  it.each(["ADMIN", "patient", "", undefined])("refuses the role %j and says what to choose", (role) => {
    expect(fieldErrors(signUpSchema.safeParse({ ...validSignUp, role })).role).toEqual([
      "Choose whether you are a patient or a physiotherapist.",
    ]);
  });

  it.each(["Mars/Olympus_Mons", "Not a zone", "", "x".repeat(65), undefined, 42])(
    "falls back to UTC for the unknown time zone %j instead of refusing the form",
    (timezone) => {
      const result = signUpSchema.safeParse({ ...validSignUp, timezone });
      expect(result.success && result.data.timezone).toBe("UTC");
    },
  );

  it("keeps a real time zone, trimmed", () => {
    const result = signUpSchema.safeParse({ ...validSignUp, timezone: " Pacific/Auckland " });
    expect(result.success && result.data.timezone).toBe("Pacific/Auckland");
  });

  it("trims the name and asks for one when it is blank", () => {
    const result = signUpSchema.safeParse({ ...validSignUp, name: "  Ada  " });
    expect(result.success && result.data.name).toBe("Ada");
    expect(fieldErrors(signUpSchema.safeParse({ ...validSignUp, name: "   " })).name).toEqual([
      "Enter your name.",
    ]);
  });
});

describe("changing the password", () => {
  it("puts a mismatch between the two new passwords on the confirmation field", () => {
    const result = changePasswordSchema.safeParse({
      currentPassword: "old secret phrase",
      newPassword: "new secret phrase",
      confirmPassword: "new secret phrasE",
    });
    expect(fieldErrors(result)).toEqual({ confirmPassword: ["The two new passwords do not match."] });
  });

  it("accepts matching new passwords", () => {
    const result = changePasswordSchema.safeParse({
      currentPassword: "old secret phrase",
      newPassword: "new secret phrase",
      confirmPassword: "new secret phrase",
    });
    expect(result.success).toBe(true);
  });
});

describe("safeCallbackPath", () => {
  const origin = "https://app.example";

  it.each([
    "//evil.com",
    "/\\evil.com",
    "https://evil.com",
    "javascript:alert(1)",
    "evil.com",
    "",
    null,
    undefined,
  ])("sends the user to the fallback instead of %j", (value) => {
    expect(safeCallbackPath(value, "/home")).toBe("/home");
  });

  it.each(["/today?x=1", "/progress", "/exercises/glute-bridge#steps"])(
    "keeps the same-site path %j",
    (value) => {
      expect(safeCallbackPath(value, "/home")).toBe(value);
    },
  );

  it.each(["/\t/evil.com", "/\n/evil.com", "/\r\\evil.com"])(
    "does not let %j through, which a browser reads as //evil.com after dropping tabs and newlines",
    (value) => {
      const target = new URL(safeCallbackPath(value, "/home"), origin);
      expect(target.origin).toBe(origin);
    },
  );

  it("never returns a target that a browser would resolve to another site", () => {
    const attackerCharacters = fc.constantFrom(
      "/",
      "\\",
      "\t",
      "\n",
      "\r",
      " ",
      "e",
      ".",
      ":",
      "@",
      "%",
      "?",
      "#",
    );
    const attempt = fc.oneof(
      fc.string({ unit: attackerCharacters, maxLength: 12 }),
      fc.string({ unit: attackerCharacters, maxLength: 12 }).map((rest) => `/${rest}`),
    );
    fc.assert(
      fc.property(attempt, (value) => {
        const returned = safeCallbackPath(value, "/home");
        // A target the browser cannot parse goes nowhere; only a parsed one on another origin is a leak.
        const target = URL.canParse(returned, origin) ? new URL(returned, origin) : null;
        expect(target?.origin ?? origin).toBe(origin);
      }),
      { numRuns: 2000 },
    );
  });
});
