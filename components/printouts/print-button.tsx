"use client";

import { buttonClasses } from "@/components/ui/button";

/** Opens the browser's print dialog, where "Save as PDF" is one of the printers. */
export function PrintButton() {
  return (
    <button type="button" onClick={() => window.print()} className={buttonClasses("primary")}>
      Print or save as PDF
    </button>
  );
}
