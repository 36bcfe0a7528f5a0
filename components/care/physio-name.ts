import { formerPhysio } from "@/lib/erasure/placeholders";

/**
 * How a patient sees the physiotherapist who wrote or set something: "Your physiotherapist Sam
 * Okafor", or for one who closed their account "A former physiotherapist" (never "Your
 * physiotherapist Former physiotherapist"). `start` is for the start of a sentence.
 */
export function yourPhysio(name: string, start = true): string {
  if (name === formerPhysio.name) return start ? "A former physiotherapist" : "a former physiotherapist";
  return `${start ? "Your" : "your"} physiotherapist ${name}`;
}
