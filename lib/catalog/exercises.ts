/**
 * REST_POSITION holds the one entry that is neither a stretch nor a strengthening exercise (the
 * supported hook-lying rest). The column is plain text, so the third value needs no migration.
 */
export const exerciseCategories = ["STRETCH", "STRENGTHEN", "REST_POSITION"] as const;
export type ExerciseCategory = (typeof exerciseCategories)[number];

export const startingPositions = [
  "LYING_ON_BACK",
  "LYING_ON_SIDE",
  "LYING_ON_STOMACH",
  "KNEELING",
  "STANDING",
  "ALL_FOURS",
] as const;
export type StartingPosition = (typeof startingPositions)[number];

export const categoryLabels: Record<ExerciseCategory, string> = {
  STRETCH: "Stretch",
  STRENGTHEN: "Strengthen",
  REST_POSITION: "Rest position",
};

export const startingPositionLabels: Record<StartingPosition, string> = {
  LYING_ON_BACK: "Lying on your back",
  LYING_ON_SIDE: "Lying on your side",
  LYING_ON_STOMACH: "Lying on your front",
  KNEELING: "Kneeling",
  STANDING: "Standing",
  ALL_FOURS: "On your hands and knees",
};

export type CatalogExercise = {
  /** kebab-case, unique */
  slug: string;
  name: string;
  category: ExerciseCategory;
  startingPosition: StartingPosition;
  /** One or two sentences: what it is for and where you should feel it. */
  summary: string;
  /** Plain names, with the anatomical name where helpful. */
  targetMuscles: string[];
  /** 3-6 imperative steps. */
  steps: string[];
  /** 1-3 cautions. */
  cautions: string[];
  /**
   * What a routine item starts with when a patient or physiotherapist adds the exercise; each item
   * then keeps its own dose. Stretches keep the 30 s hold per side of the source page (the usual
   * advice, e.g. ACSM: 10-30 s per hold, about 60 s per muscle in all). Strengthening exercises are
   * repetitions with a short hold at the hardest point (2 sets of 10, 3-5 s), a usual home-programme
   * starting dose: long isometric holds tire the muscle without training the movement, and none of
   * these exercises is meant as a sustained hold.
   */
  defaultDose: {
    sets: number;
    reps: number;
    holdSeconds: number;
    perSide: boolean;
  };
  /**
   * For an exercise done on each side: the side worked first (the leg that moves, or the side
   * that is stretched). The steps name this side first, and the guided session starts with it, so
   * the written steps and the player never disagree (tests/unit/session-lead-in.test.ts).
   */
  firstSide?: "left" | "right";
  /** Why this default: read by whoever changes it, not shown to patients. */
  doseReason: string;
  /** "/exercises/<slug>.svg" */
  illustration: string;
};

export const exerciseCatalog: readonly CatalogExercise[] = [
  {
    slug: "supported-hook-lying-rest",
    name: "Supported hook-lying rest",
    category: "REST_POSITION",
    startingPosition: "LYING_ON_BACK",
    summary:
      "A calm, supported resting position that takes load off your lower back and hips, useful before and between the other exercises. It is not a stretch: you should feel the muscles of your back, buttocks and thighs soften.",
    targetMuscles: [
      "Lower-back muscles (lumbar erector spinae), relaxing",
      "Hip flexors (iliopsoas), relaxing",
      "Breathing muscle (diaphragm)",
    ],
    steps: [
      "Lie face up on a firm, comfortable surface with your knees bent and the soles of your feet on the floor.",
      "Roll a small hand towel into a tube and tuck it under your right knee, letting that foot slide forward a little so the knee rests on the roll while staying softly bent.",
      "Rest your arms by your sides, breathe in slowly through your nose so your belly rises, then let the air out gently through your mouth.",
      "Each time you breathe out, let your lower back, buttocks and thighs sink heavily into the floor.",
      "Stay settled like this for about a minute of slow breathing; move the towel to your left knee if that side feels better.",
    ],
    cautions: [
      "If lying flat makes your back ache, put a thin pillow under your head or draw your feet a little closer to you.",
      "Stop and speak to your physiotherapist if pain spreads down your leg while you rest in this position.",
    ],
    defaultDose: { sets: 1, reps: 1, holdSeconds: 60, perSide: false },
    doseReason:
      "A rest position, not a stretch, so the 30 s stretch hold does not apply: one minute is about six slow breaths, enough for the muscles to settle without holding up the rest of the session.",
    illustration: "/exercises/supported-hook-lying-rest.svg",
  },
  {
    slug: "straight-leg-raise",
    name: "Straight-leg raise",
    category: "STRENGTHEN",
    startingPosition: "LYING_ON_BACK",
    summary:
      "Builds strength in the front of your thigh and hip so the leg is better supported for walking and stairs. You should feel the front of the thigh and hip working; a mild pull behind the thigh can happen, but this is mainly a strengthening exercise, not a stretch.",
    targetMuscles: [
      "Front of the thigh (quadriceps)",
      "Front of the hip (hip flexors: iliopsoas and rectus femoris)",
      "Deep tummy muscles (transversus abdominis), which keep the pelvis steady",
    ],
    steps: [
      "Lie on your back with your right leg stretched out straight and your left knee bent, that foot planted on the floor.",
      "Tighten the muscle on the front of your right thigh so the knee is straight without forcing it back, and point your toes towards the ceiling.",
      "Draw your lower tummy in gently so your lower back stays quiet against the floor.",
      "Raise the straight right leg slowly until your thigh is level with your bent left knee, and pause there for about 5 seconds.",
      "Lower the leg slowly with control and rest it for a moment before the next lift; after the set, work the left leg.",
    ],
    cautions: [
      "If your lower back starts to arch off the floor, lift the leg less high.",
      "Stop if you feel sharp pain in the groin or lower back, or pain shooting down the leg.",
    ],
    defaultDose: { sets: 2, reps: 10, holdSeconds: 5, perSide: true },
    firstSide: "right",
    doseReason:
      "Ten lifts with a 5 s pause at the top train the thigh to lift and lower the leg with control; a 30 s hold with a straight knee is too much for a painful hip or back at the start.",
    illustration: "/exercises/straight-leg-raise.svg",
  },
  {
    slug: "knee-to-chest-stretch",
    name: "Knee-to-chest stretch",
    category: "STRETCH",
    startingPosition: "LYING_ON_BACK",
    summary:
      "Eases stiffness in the buttock and lower back. You should feel a gentle stretch in the buttock and the back of the hip on the side you are hugging, not at the front of the hip.",
    targetMuscles: [
      "Buttock muscles (gluteus maximus)",
      "Back of the hip (deep hip rotators and posterior hip capsule)",
      "Lower-back muscles (lumbar erector spinae)",
    ],
    steps: [
      "Lie on your back with your knees bent up and both feet resting on the floor.",
      "Bring your right knee up and link your hands behind that thigh, just below the knee.",
      "Slowly draw the knee in towards your chest until you feel a comfortable stretch in your right buttock.",
      "Keep your head and shoulders relaxed on the floor and breathe slowly as you hold for 30 seconds.",
      "Lower the foot back to the floor with control, then do the same with your left leg.",
    ],
    cautions: [
      "Hold behind your thigh rather than over the kneecap, and if you feel pinching deep in the groin, let the knee drift slightly outwards or ease it away from your chest.",
      "Stop and tell your physiotherapist if pain spreads down your leg, or if you feel tingling or numbness in it.",
      "After a hip replacement, bending the hip this far may not be allowed yet, so ask your surgeon or physiotherapist first.",
    ],
    defaultDose: { sets: 1, reps: 3, holdSeconds: 30, perSide: true },
    firstSide: "right",
    doseReason:
      "A stretch: the source page's 30 s hold on each side, three times, about 90 s per side in all.",
    illustration: "/exercises/knee-to-chest-stretch.svg",
  },
  {
    slug: "low-lunge-hip-flexor-stretch",
    name: "Standing hip flexor stretch",
    category: "STRETCH",
    startingPosition: "STANDING",
    summary:
      "Lengthens the muscles at the front of the hip, which tend to tighten with long spells of sitting, from a short, supported stride rather than a deep lunge. You should feel the stretch at the front of the hip and the top of the thigh of your back leg.",
    targetMuscles: ["Hip flexors (iliopsoas)", "Front of the thigh (rectus femoris)"],
    steps: [
      "Stand tall with a sturdy chair or worktop in front of you or at your side, and hold it with one hand.",
      "Your left hip is stretched first: keep your left foot where it is and take a comfortable stride forward with your right foot, letting the left heel lift off the floor.",
      "Keep your body upright and both knees softly bent; there is no need to sink down towards the floor.",
      "Tuck your tailbone under, squeeze your left buttock and ease your hips a little forwards until you feel a stretch at the front of your left hip, then hold for 30 seconds.",
      "Step your feet back together, then stretch your right hip the same way, with your left foot in front.",
    ],
    cautions: [
      "Keep your upper body upright and do not arch your lower back, which moves the strain into your spine.",
      "Keep hold of your support throughout, and make the stride shorter if your balance feels unsteady or your knees complain.",
      "After a hip replacement, check with your surgeon or physiotherapist before stretching the hip backwards like this.",
    ],
    defaultDose: { sets: 1, reps: 3, holdSeconds: 30, perSide: true },
    firstSide: "left",
    doseReason:
      "A stretch: the source page's 30 s hold on each side, three times. Done from a short, supported stride, the 30 s are spent stretching, not holding a half-kneeling lunge on one leg.",
    illustration: "/exercises/low-lunge-hip-flexor-stretch.svg",
  },
  {
    slug: "figure-four-stretch",
    name: "Figure-four stretch",
    category: "STRETCH",
    startingPosition: "LYING_ON_BACK",
    summary:
      "Stretches the deep muscles of the buttock that turn the hip outwards. You should feel it deep in the buttock of the leg that is crossed over.",
    targetMuscles: ["Deep hip rotators (piriformis)", "Buttock muscles (gluteus maximus and gluteus medius)"],
    steps: [
      "Lie face up with your knees bent and feet on the floor about hip-width apart.",
      "Cross your right leg over so the outside of your right ankle sits just above your left knee, and let the right knee fall open.",
      "Put your right hand on the inside of your right knee and ease it gently away from you until you feel a stretch deep in the right buttock.",
      "Keep both sides of your pelvis resting evenly on the floor while you hold for 30 seconds.",
      "Uncross your legs slowly and repeat with your left ankle over your right knee.",
    ],
    cautions: [
      "Push only lightly: the stretch should stay mild and should never hurt your knee.",
      "After a hip replacement, ask your surgeon or physiotherapist before crossing your legs like this.",
      "Stop if you feel tingling or pain running down the back of your leg.",
    ],
    defaultDose: { sets: 1, reps: 3, holdSeconds: 30, perSide: true },
    firstSide: "right",
    doseReason:
      "A stretch: the source page's 30 s hold on each side, three times, about 90 s per side in all.",
    illustration: "/exercises/figure-four-stretch.svg",
  },
  {
    slug: "side-lying-outer-hip-stretch",
    name: "Side-lying outer hip stretch",
    category: "STRETCH",
    startingPosition: "LYING_ON_SIDE",
    summary:
      "Stretches the muscles on the outside of the hip, using the weight of the leg. You should feel a pulling along the outside of the top hip and upper thigh.",
    targetMuscles: [
      "Outer hip (tensor fasciae latae)",
      "Side of the buttock (gluteus medius)",
      "Outer thigh band (iliotibial band)",
    ],
    steps: [
      "To stretch your left hip first, lie on your right side on a firm bed with your back close to its edge, and rest your head on a pillow or your arm.",
      "Bend your bottom (right) knee a little to keep yourself steady.",
      "Straighten your top (left) leg and move it slightly behind the line of your body.",
      "Let that leg lower slowly over the edge of the bed towards the floor until you feel a stretch along the outside of your left hip, and let its weight do the work for 30 seconds.",
      "Lift the leg back onto the bed, roll over carefully, and repeat lying on your left side.",
    ],
    cautions: [
      "Keep your hips stacked; if your pelvis rolls backwards the stretch is lost and your lower back may twist.",
      "After a hip replacement, ask your surgeon or physiotherapist before taking the leg across or behind your body.",
      "Move slowly when getting on and off the bed, and skip this stretch if you cannot control the weight of your leg.",
    ],
    defaultDose: { sets: 1, reps: 3, holdSeconds: 30, perSide: true },
    firstSide: "left",
    doseReason:
      "A stretch: the source page's 30 s hold on each side, three times, about 90 s per side in all.",
    illustration: "/exercises/side-lying-outer-hip-stretch.svg",
  },
  {
    slug: "hip-flexor-stretch",
    name: "Hip flexor stretch",
    category: "STRETCH",
    startingPosition: "KNEELING",
    summary:
      "A steady kneeling stretch for the front of the hip. You should feel it at the front of the hip and the top of the thigh of the leg you are kneeling on.",
    targetMuscles: ["Hip flexors (iliopsoas)", "Front of the thigh (rectus femoris)"],
    steps: [
      "Go down onto your right knee on a cushion or folded towel and set your left foot on the floor ahead of you, with the left knee bent to a right angle.",
      "Rest your hands on your front knee or hold a chair beside you, and lift your chest so your back is straight.",
      "Tuck your tailbone under, then shift your hips slowly forwards until you feel a stretch at the front of your right hip and upper thigh.",
      "Stay there for 30 seconds while breathing easily.",
      "Ease your hips back, then change legs so that you kneel on your left knee.",
    ],
    cautions: [
      "Keep your lower back from arching and your front knee above your ankle.",
      "Pad the kneeling knee well, and ask your physiotherapist for a standing version if kneeling hurts.",
      "After a hip replacement, check with your surgeon or physiotherapist before doing this stretch.",
    ],
    defaultDose: { sets: 1, reps: 3, holdSeconds: 30, perSide: true },
    firstSide: "right",
    doseReason:
      "A stretch: the source page's 30 s hold on each side, three times, about 90 s per side in all.",
    illustration: "/exercises/hip-flexor-stretch.svg",
  },
  {
    slug: "prone-hip-extension",
    name: "Hip extension",
    category: "STRENGTHEN",
    startingPosition: "LYING_ON_STOMACH",
    summary:
      "Strengthens the muscles that drive the leg backwards when you walk and climb. You should feel your buttock and the back of your thigh working.",
    targetMuscles: ["Buttock muscles (gluteus maximus)", "Back of the thigh (hamstrings)"],
    steps: [
      "Lie face down with your legs long and your forehead resting on your folded hands; a pillow under your tummy can make this more comfortable.",
      "Draw your lower tummy in gently and squeeze your right buttock.",
      "Raise your straight right leg a few centimetres off the floor, keeping the knee straight and both hip bones on the floor.",
      "Keep the leg up for about 3 seconds, then lower it slowly.",
      "Repeat for the whole set before you work the left leg.",
    ],
    cautions: [
      "Lift only as high as you can without your lower back arching or your hip rolling up off the floor.",
      "Stop if you feel sharp pain in your lower back or pain spreading down your leg.",
    ],
    defaultDose: { sets: 2, reps: 10, holdSeconds: 3, perSide: true },
    firstSide: "right",
    doseReason:
      "Ten lifts with a 3 s pause train the buttock to drive the leg back, as it must in walking; a long hold lying face down strains the lower back more than it strengthens the hip.",
    illustration: "/exercises/prone-hip-extension.svg",
  },
  {
    slug: "standing-hip-abduction",
    name: "Hip abduction",
    category: "STRENGTHEN",
    startingPosition: "STANDING",
    summary:
      "Builds strength in the side of the hip, which keeps your pelvis level when you stand on one leg or walk. You should feel the outer hip working on both the moving leg and the standing leg.",
    targetMuscles: [
      "Side of the hip (gluteus medius and gluteus minimus)",
      "Outer hip (tensor fasciae latae)",
    ],
    steps: [
      "Stand tall with your feet hip-width apart, holding the back of a chair or a worktop with one hand.",
      "You lift your left leg first: shift your weight onto your right leg and keep a soft bend in that knee.",
      "With your toes facing forwards, slowly take your straight left leg out to the side, only as far as you can go without leaning; a short distance is plenty.",
      "Pause there for about 3 seconds, then bring it back down with control.",
      "After the set, turn around and repeat, this time lifting your right leg.",
    ],
    cautions: [
      "Keep your body upright and your hips level; if you lean away or hitch your hip, the leg is too high.",
      "Hold on to something sturdy whenever your balance feels unsteady.",
    ],
    defaultDose: { sets: 2, reps: 10, holdSeconds: 3, perSide: true },
    firstSide: "left",
    doseReason:
      "Ten controlled lifts with a 3 s pause; standing on one leg for 30 s at a time would turn a hip exercise into a balance test with a fall risk.",
    illustration: "/exercises/standing-hip-abduction.svg",
  },
  {
    slug: "glute-bridge",
    name: "Glute bridge",
    category: "STRENGTHEN",
    startingPosition: "LYING_ON_BACK",
    summary:
      "Strengthens the buttocks and the back of the thighs to support your hips and lower back. You should feel your buttocks doing most of the work.",
    targetMuscles: [
      "Buttock muscles (gluteus maximus)",
      "Back of the thigh (hamstrings)",
      "Deep tummy muscles (transversus abdominis)",
    ],
    steps: [
      "Lie on your back with your knees bent, feet hip-width apart on the floor, and arms resting beside you.",
      "Gently tighten your tummy and squeeze your buttocks together.",
      "Press through your heels to raise your hips until your shoulders, hips and knees make a straight line.",
      "Stay up for about 5 seconds while breathing steadily.",
      "Roll your spine slowly back down to the floor and rest for a breath before the next one.",
    ],
    cautions: [
      "Stop at the straight line: pushing the hips higher arches your lower back.",
      "If the back of your thigh cramps, move your feet a little closer to your buttocks.",
      "Stop if you feel sharp pain in your back or hips.",
    ],
    defaultDose: { sets: 2, reps: 10, holdSeconds: 5, perSide: false },
    doseReason:
      "Ten bridges with a 5 s hold at the top, a usual starting dose; longer holds bring on cramp in the back of the thigh before the buttocks have worked.",
    illustration: "/exercises/glute-bridge.svg",
  },
  {
    slug: "prone-leg-abduction",
    name: "Prone leg abduction",
    category: "STRENGTHEN",
    startingPosition: "LYING_ON_STOMACH",
    summary:
      "Works the side of the buttock that steadies your hip when you walk. You should feel the effort in the upper, outer part of the buttock on the moving leg.",
    targetMuscles: [
      "Side of the buttock (gluteus medius)",
      "Upper buttock (upper fibres of gluteus maximus)",
    ],
    steps: [
      "Lie on your front with both legs long and your forehead resting on your hands.",
      "Tighten your tummy a little and keep both hip bones pressed into the floor.",
      "Float your left leg just clear of the floor, then slide it slowly out to the side with the kneecap and toes still pointing down.",
      "Pause out to the side for about 3 seconds, then bring the leg back to the middle and lower it.",
      "Repeat for the whole set before you work the right leg.",
    ],
    cautions: [
      "Move the leg sideways rather than upwards, and keep your pelvis still on the floor.",
      "Stop if you feel pinching in the hip or pain in the lower back.",
    ],
    defaultDose: { sets: 2, reps: 10, holdSeconds: 3, perSide: true },
    firstSide: "left",
    doseReason:
      "Ten slides out and back with a 3 s pause train the side of the buttock through its range; the muscle is small and tires quickly in a long hold.",
    illustration: "/exercises/prone-leg-abduction.svg",
  },
  {
    slug: "side-lying-leg-raise",
    name: "Side-lying leg raise",
    category: "STRENGTHEN",
    startingPosition: "LYING_ON_SIDE",
    summary:
      "Strengthens the muscles on the side of the hip that keep your pelvis level. You should feel the effort in the outer hip and side of the buttock of the top leg.",
    targetMuscles: [
      "Side of the hip (gluteus medius and gluteus minimus)",
      "Outer hip (tensor fasciae latae)",
    ],
    steps: [
      "To work your left leg first, lie on your right side with your legs straight and stacked and your head resting on your lower arm; bend the bottom knee slightly if you need more balance.",
      "Place your top hand on the floor in front of your chest for support.",
      "With your toes facing forwards, slowly raise your straight top (left) leg towards the ceiling, keeping it level with or slightly behind your body.",
      "Stop before your top hip starts to roll back, and pause there for about 3 seconds.",
      "Lower the leg slowly; after the set, turn over and work the other leg.",
    ],
    cautions: [
      "Keep your hips stacked; if your top hip rolls backwards or your toes turn up, lower the leg.",
      "If the bottom hip is sore to lie on, put a folded towel under it, and stop if lying on it still hurts.",
      "After a hip replacement, check with your surgeon or physiotherapist before exercising on your side.",
    ],
    defaultDose: { sets: 2, reps: 10, holdSeconds: 3, perSide: true },
    firstSide: "left",
    doseReason:
      "Ten lifts with a 3 s pause; in a long hold the top hip usually rolls back and the wrong muscles take over.",
    illustration: "/exercises/side-lying-leg-raise.svg",
  },
  {
    slug: "quadruped-hip-extension",
    name: "Quadruped hip extension",
    category: "STRENGTHEN",
    startingPosition: "ALL_FOURS",
    summary:
      "Strengthens the buttock while your trunk muscles hold the spine still. You should feel the buttock of the lifting leg working, not your lower back.",
    targetMuscles: [
      "Buttock muscles (gluteus maximus)",
      "Back of the thigh (hamstrings)",
      "Trunk muscles that keep the spine steady (abdominals and back extensors)",
    ],
    steps: [
      "Get onto your hands and knees on a mat, lining your wrists up under your shoulders and your knees up under your hips.",
      "Make your back long and flat, and draw your belly button gently in.",
      "Slide your right leg back and raise it until the whole leg is level with your back, and no higher.",
      "Pause there for about 3 seconds without letting your hips tip.",
      "Return the knee to the mat; after the set, repeat with your left leg.",
    ],
    cautions: [
      "Lifting the leg above the level of your back makes your lower back arch, so keep it level.",
      "If your wrists hurt, lean on your fists or forearms instead, and pad your knees.",
    ],
    defaultDose: { sets: 2, reps: 10, holdSeconds: 3, perSide: true },
    firstSide: "right",
    doseReason:
      "Ten lifts with a 3 s pause; kneeling on all fours for long holds loads the wrists and lets the lower back sag.",
    illustration: "/exercises/quadruped-hip-extension.svg",
  },
  {
    slug: "clamshell",
    name: "Clamshell",
    category: "STRENGTHEN",
    startingPosition: "LYING_ON_SIDE",
    summary:
      "Strengthens the side and back of the hip, which helps control your pelvis and knee. You should feel the effort in the side of the buttock of the top leg.",
    targetMuscles: ["Side of the buttock (gluteus medius)", "Deep hip rotators (piriformis and obturators)"],
    steps: [
      "To work your left leg first, lie on your right side with your hips and knees bent, knees in front of you, and your feet together in line with your back.",
      "Rest your head on your lower arm or a pillow and place your top hand on your top hip.",
      "Keeping your heels touching, open your top (left) knee towards the ceiling like a shell, only as far as you can without your pelvis rolling back.",
      "Pause with the knee open for about 3 seconds.",
      "Close the knees slowly; after the set, turn over and work your right leg.",
    ],
    cautions: [
      "Keep your hips stacked one above the other; the movement is small and comes only from the hip.",
      "After a hip replacement, check with your surgeon or physiotherapist first, especially about side-lying positions.",
    ],
    defaultDose: { sets: 2, reps: 10, holdSeconds: 3, perSide: true },
    firstSide: "left",
    doseReason:
      "Ten openings with a 3 s pause, the usual way this exercise is given; the movement is small, so repetitions, not a long hold, make the work.",
    illustration: "/exercises/clamshell.svg",
  },
  {
    slug: "pelvic-tilt",
    name: "Pelvic tilt",
    category: "STRENGTHEN",
    startingPosition: "LYING_ON_BACK",
    summary:
      "Uses your tummy muscles to roll the pelvis backwards, gently moving the lower back, which can ease stiffness. You should feel your tummy tighten and the small of your back press softly into the floor.",
    targetMuscles: [
      "Tummy muscles that roll the pelvis backwards (rectus abdominis and the obliques)",
      "Lower-back muscles (lumbar erector spinae), gently lengthened",
    ],
    steps: [
      "Lie face up with your knees bent up, the soles of your feet on the floor hip-width apart, and your hands on your lower tummy.",
      "Breathe in gently and let your tummy relax.",
      "As you breathe out, tighten your tummy muscles to roll your pelvis backwards so the hollow of your back settles onto the floor.",
      "Keep the tilt for about 5 seconds while breathing normally.",
      "Let your back return to its natural curve and relax before the next one.",
    ],
    cautions: [
      "Keep the movement small and gentle, without lifting your buttocks or holding your breath.",
      "Stop if the movement brings on sharp pain or pain going down your leg.",
    ],
    defaultDose: { sets: 2, reps: 10, holdSeconds: 5, perSide: false },
    doseReason:
      "Ten gentle tilts with a 5 s hold; the aim is easy movement of the lower back, which a long held tilt (and the breath-holding it invites) does not give.",
    illustration: "/exercises/pelvic-tilt.svg",
  },
];

export const generalSafetyAdvice: string[] = [
  "Talk to your doctor or physiotherapist before you begin these exercises, especially if you have had recent surgery, an injury or a joint replacement.",
  "A mild, even pulling feeling during a stretch is normal, but stop and get advice if you feel sharp, shooting or increasing pain, or numbness or pins and needles.",
  "Get urgent medical help if back or hip pain comes with loss of bladder or bowel control, numbness around your genitals or inner buttocks (the saddle area), fever or feeling generally unwell, or if it started after a fall or injury.",
];

/** The side the guided session starts a per-side exercise with: the one its steps name first. */
export function firstSideOf(slug: string): "LEFT" | "RIGHT" {
  return exerciseCatalog.find((exercise) => exercise.slug === slug)?.firstSide === "right" ? "RIGHT" : "LEFT";
}
