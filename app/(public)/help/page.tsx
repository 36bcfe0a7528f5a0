import type { Metadata } from "next";
import { PainAdvice } from "@/components/safety/pain-advice";

export const metadata: Metadata = {
  title: "When to get help",
  description:
    "Warning signs with hip or lower-back pain that need a doctor or an emergency call, and what this app is.",
};

// The same page for everyone, signed in or not: general information, never advice about one person.
// Written for this app from the sources listed at the end; keep every sign traceable to one of them.
type Tier = { id: string; heading: string; action: string; signs: string[]; tone: string };

const tiers: Tier[] = [
  {
    id: "emergency",
    heading: "Call the emergency number",
    action:
      "Call now (999 in the UK, 112 across Europe, 911 in North America), or go straight to an emergency department. Do not wait to see if it settles.",
    signs: [
      "Numbness, tingling or a changed feeling in the groin, between the inner thighs, or around the back passage or genitals (the “saddle” area), for example when wiping after the toilet.",
      "New trouble passing urine or stools, not feeling when your bladder is full, or leaking; or new problems with sexual function, such as lost feeling in the genitals or trouble with an erection.",
      "Weakness in a leg that is getting worse, or pain, numbness or weakness in both legs at once.",
      "Sudden breathlessness or chest pain, especially in the weeks after an operation: it can mean a blood clot has reached the lungs.",
    ],
    tone: "border-red-300 bg-red-50",
  },
  {
    id: "urgent",
    heading: "Get urgent help today",
    action:
      "Get seen today: an emergency department, an urgent appointment with your doctor, or your urgent-care phone line (such as NHS 111 in England). If you cannot get there safely, call the emergency number.",
    signs: [
      "After a fall, you cannot put weight on the leg, or the leg looks shorter or turned outwards. Try not to walk on it: the hip may be broken, and a broken hip needs a hospital, usually by ambulance.",
      "A hip or another joint that has become very painful, hot and swollen within hours or days, or back pain, together with a fever or feeling hot and shivery.",
      "Back pain after a major accident, such as a car crash or a fall from a height, or after even a small fall if you have osteoporosis (thin, fragile bones).",
      "A swollen, aching or warm calf or leg in the weeks after an operation: it can be a blood clot in a deep vein.",
    ],
    tone: "border-amber-300 bg-amber-50",
  },
  {
    id: "soon",
    heading: "See your doctor soon",
    action:
      "Book an appointment with your doctor in the next few days, and tell your physiotherapist. Do not wait for your next planned visit.",
    signs: [
      "You have had cancer, or you are losing weight without trying, and your back or hip pain is new or different.",
      "Pain that is there all the time, or wakes you at night, and does not ease with rest or a change of position.",
      "Feeling generally unwell alongside the pain, for example tired, feverish or off your food.",
    ],
    tone: "border-sky-300 bg-sky-50",
  },
];

type Source = { citation: string; url: string };

const sources: Source[] = [
  {
    citation:
      "Finucane LM, Downie A, Mercer C, Greenhalgh SM, Boissonnault WG, Pool-Goudzwaard AL, Beneciuk JM, Leech RL, Selfe J. International framework for red flags for potential serious spinal pathologies. Journal of Orthopaedic & Sports Physical Therapy. 2020;50(7):350-372. Led by the International Federation of Orthopaedic Manipulative Physical Therapists (IFOMPT).",
    url: "https://doi.org/10.2519/jospt.2020.9971",
  },
  {
    citation:
      "National Institute for Health and Care Excellence (NICE). Low back pain and sciatica in over 16s: assessment and management. NICE guideline NG59. Published 30 November 2016, last updated 11 December 2020.",
    url: "https://www.nice.org.uk/guidance/ng59",
  },
  {
    citation:
      "National Institute for Health and Care Excellence (NICE). Hip fracture: management. Clinical guideline CG124. First published June 2011.",
    url: "https://www.nice.org.uk/guidance/cg124",
  },
  {
    citation: "NHS. Hip fracture: symptoms and when to get medical help.",
    url: "https://www.nhs.uk/conditions/hip-fracture/",
  },
  {
    citation: "NHS. Septic arthritis. Page last reviewed 23 March 2023.",
    url: "https://www.nhs.uk/conditions/septic-arthritis/",
  },
  {
    citation: "NHS inform (Scotland). Deep vein thrombosis: symptoms, and when to phone 999.",
    url: "https://www.nhsinform.scot/illnesses-and-conditions/blood-and-lymph/deep-vein-thrombosis",
  },
];

export default function HelpPage() {
  return (
    <article className="max-w-2xl space-y-8">
      <header className="space-y-3">
        <h1 className="text-2xl font-bold">When to get help</h1>
        <p className="text-slate-800">
          Most hip and back pain, even when it hurts a lot, is not a sign of anything serious. A few signs
          are, and they are listed below from the most urgent down. This page is the same for everyone: it
          gives general information, not advice about you. If you are unsure, ask your doctor or
          physiotherapist, or your urgent-care phone line.
        </p>
      </header>

      {tiers.map((tier) => (
        <section
          key={tier.id}
          aria-labelledby={`tier-${tier.id}`}
          className={`space-y-3 rounded-xl border-2 p-4 ${tier.tone}`}
        >
          <h2 id={`tier-${tier.id}`} className="text-xl font-bold text-slate-950">
            {tier.heading}
          </h2>
          <p className="font-semibold text-slate-900">{tier.action}</p>
          <ul className="list-disc space-y-2 pl-5 text-slate-900">
            {tier.signs.map((sign) => (
              <li key={sign}>{sign}</li>
            ))}
          </ul>
        </section>
      ))}

      <section aria-labelledby="exercising-heading" className="space-y-3">
        <h2 id="exercising-heading" className="text-xl font-bold">
          While you do your exercises
        </h2>
        <PainAdvice linkToHelp={false} />
      </section>

      <section aria-labelledby="about-app-heading" className="space-y-2">
        <h2 id="about-app-heading" className="text-xl font-bold">
          What this app is, and what it is not
        </h2>
        <p>
          It records what you report (your exercise sessions and pain ratings) and shows them to the
          physiotherapist who treats you, if you have linked your record to theirs. It points out some
          patterns to them by rules stated on their screens, such as pain well above your usual level, to
          support their own judgement; it does not diagnose, and it never changes your exercise plan by
          itself.
        </p>
        <p>
          Nobody watches what you enter as you enter it, and a physiotherapist may not see it for days. It is
          not an emergency service: for any of the signs above, use the phone numbers on this page, not the
          app.
        </p>
      </section>

      <section aria-labelledby="sources-heading" className="space-y-2">
        <h2 id="sources-heading" className="text-xl font-bold">
          Sources
        </h2>
        <p className="text-sm text-slate-700">
          The signs above are written for this app in plain words from these publications. The spinal signs
          follow the IFOMPT red-flag framework and NICE NG59; the hip and after-surgery signs follow the NICE
          and NHS pages listed.
        </p>
        <ol className="list-decimal space-y-2 pl-5 text-sm text-slate-800">
          {sources.map((source) => (
            <li key={source.url}>
              {source.citation}{" "}
              <a href={source.url} className="break-words">
                {source.url.replace(/^https:\/\//, "")}
              </a>
            </li>
          ))}
        </ol>
      </section>
    </article>
  );
}
