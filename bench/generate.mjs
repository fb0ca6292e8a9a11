// Deterministic synthetic case files for the benchmark: the same rows and seed give the same bytes.
// Usage: node bench/generate.mjs <rows> <file> [--seed N] [--crlf] [--bom] [--clean]
// --clean: every record valid and every date ISO (YYYY-MM-DD, some with a time), the file the
// benchmark's fastest DuckDB query (bench/rubric-fast.sql) is exact on; the rest as without it.
import { closeSync, openSync, writeSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { seeded } from "../test/helpers/seeded.mjs";

const FORCES = [
  ["ASP", "Avon and Somerset"], ["BDF", "Bedfordshire"], ["CAM", "Cambridgeshire"], ["CHS", "Cheshire"],
  ["CLP", "City of London"], ["CLE", "Cleveland"], ["CUM", "Cumbria"], ["DER", "Derbyshire"],
  ["DCP", "Devon and Cornwall"], ["DOR", "Dorset"], ["DUR", "Durham"], ["DYP", "Dyfed-Powys"],
  ["ESX", "Essex"], ["GLO", "Gloucestershire"], ["GMP", "Greater Manchester"], ["GWE", "Gwent"],
  ["HAM", "Hampshire"], ["HRT", "Hertfordshire"], ["HUM", "Humberside"], ["KNT", "Kent"],
  ["LAN", "Lancashire"], ["LEI", "Leicestershire"], ["LIN", "Lincolnshire"], ["MER", "Merseyside"],
  ["MPS", "Metropolitan Police"], ["NFK", "Norfolk"], ["NWP", "North Wales"], ["NYP", "North Yorkshire"],
  ["NTH", "Northamptonshire"], ["NTU", "Northumbria"], ["NOT", "Nottinghamshire"], ["SWP", "South Wales"],
  ["SYP", "South Yorkshire"], ["STF", "Staffordshire"], ["SFK", "Suffolk"], ["SRY", "Surrey"],
  ["SXP", "Sussex"], ["TVP", "Thames Valley"], ["WAR", "Warwickshire"], ["WMC", "West Mercia"],
  ["WMP", "West Midlands"], ["WYP", "West Yorkshire"], ["WIL", "Wiltshire"],
];

const HEADER = [
  "case_id", "force", "reported_on", "child_age", "concern", "child_role", "child_views_recorded",
  "child_disbelieved", "child_arrested", "arrest_minor", "suspect_age", "risk_assessed_on",
  "risk_assessment_quality", "risk_level", "social_care_referred_on", "strategy_discussion_on",
  "agencies_consulted", "interviewed_on", "suspect_arrested_on", "outcome_code", "outcome_on",
  "inspector_grade", "notes",
];

const NOTES = [
  "Strategy meeting postponed twice",
  "Reported by the school, DSL present",
  "Child told a grandparent \"it happens when mum is at work\"",
  "Mother declined, child seen alone",
  "Referral faxed, no reply; chased by phone",
  "Images shared in a group chat, reported by a parent",
  "Missing overnight, found in another force area",
  "Interview delayed: intermediary unavailable",
  "Neighbour heard shouting, officers attended",
  "Health visitor concerns about weight loss",
];

const DAY = 86_400_000;
const FIRST_DAY = Date.UTC(2013, 0, 1) / DAY;
const pad2 = (n) => (n < 10 ? `0${n}` : String(n));

/** Every rubric field in the forms real exports use; about 0.3% of rows carry a typical mistake, none when `clean` (ISO dates only then). */
export function* caseRows(count, seed = 20150303, { clean = false } = {}) {
  const rand = seeded(seed);
  const int = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));
  const chance = (p) => rand() < p;
  const pick = (items) => items[Math.floor(rand() * items.length)];
  const ukForm = chance(0.5);
  const date = (day, uk = ukForm, time = chance(0.15)) => {
    const d = new Date(day * DAY);
    const [y, m, dd] = [d.getUTCFullYear(), pad2(d.getUTCMonth() + 1), pad2(d.getUTCDate())];
    const clock = time ? ` ${pad2(int(7, 22))}:${pad2(int(0, 59))}` : "";
    return uk && !clean ? `${dd}/${m}/${y}${clock}` : `${y}-${m}-${dd}${time ? clock.replace(" ", "T") : ""}`;
  };
  const after = (day, typical, slow) => day + (chance(0.8) ? int(0, typical) : int(typical, slow));
  const bool = (p, forms) => (chance(p) ? forms[0] : forms[1]);
  const BOOLS = [["yes", "no"], ["Y", "N"], ["true", "false"], ["1", "0"]];
  let forms = BOOLS[0];
  const recent = new Array(64).fill("NFK-0000001");
  for (let n = 0; n < count; n++) {
    const [prefix, force] = FORCES[Math.floor(rand() ** 1.4 * FORCES.length)];
    if (n % 5000 === 0) forms = pick(BOOLS);
    const uk = chance(0.3);
    const reported = FIRST_DAY + int(0, 3 * 365);
    const concerns = [pick(["sexual_abuse", "physical_abuse", "neglect", "emotional_abuse", "cse", "online_abuse", "domestic_abuse", "missing"])];
    if (chance(0.25)) concerns.push(pick(["emotional_abuse", "missing", "domestic_abuse", "other"]));
    const sexual = concerns.some((c) => c === "sexual_abuse" || c === "cse" || c === "online_abuse");
    const age = int(0, 17);
    const role = chance(0.03) ? "" : pick(["victim", "victim", "victim", "victim", "Victim", "witness", "suspect", "victim_and_suspect", "victim-and-suspect", "unknown"]);
    const arrested = chance(0.06);
    const referred = chance(0.9) ? after(reported, 1, 8) : undefined;
    const strategy = chance(sexual ? 0.85 : 0.5) ? after(referred ?? reported, 2, 10) : undefined;
    const agencies = ["social_care"];
    if (chance(0.6)) agencies.push("health");
    if (chance(0.4)) agencies.push("education");
    if (chance(0.05)) agencies.push(pick(["youth_justice", "probation", "other"]));
    if (chance(0.1)) agencies.shift();
    const interviewed = chance(sexual ? 0.6 : 0.15) ? after(reported, 10, 40) : undefined;
    const suspectArrested = chance(0.35) ? after(reported, 5, 40) : undefined;
    const outcome = chance(0.45) ? int(1, 22) : undefined;
    let note = "";
    if (chance(0.35)) {
      note = pick(NOTES);
      if (chance(0.2)) note += `, ${pick(NOTES).toLowerCase()}`;
      if (chance(0.1)) note += `\n${pick(NOTES)}`;
      note = `"${note.replace(/"/g, '""')}"`;
    }
    const row = [
      `${prefix}-${String(n + 1).padStart(7, "0")}`,
      force,
      date(reported, uk),
      String(age),
      concerns.join(";"),
      role,
      chance(0.1) ? "" : bool(age < 3 ? 0.2 : 0.75, forms),
      chance(0.92) ? "" : bool(0.4, forms),
      arrested ? forms[0] : chance(0.5) ? forms[1] : "",
      arrested ? bool(0.3, forms) : "",
      chance(0.85) ? String(int(12, 60)) : "",
      chance(0.93) ? date(after(reported, 1, 6), uk) : "",
      chance(0.9) ? pick(["good", "good", "adequate", "poor", "Good"]) : "",
      pick(["standard", "medium", "medium", "high"]),
      referred === undefined ? "" : date(referred, uk, false),
      strategy === undefined ? "" : date(strategy, uk),
      agencies.join(";"),
      interviewed === undefined ? "" : date(interviewed, uk),
      suspectArrested === undefined ? "" : date(suspectArrested, uk),
      outcome === undefined ? "" : String(outcome),
      outcome === undefined ? "" : date(after(reported, 60, 300), uk, false),
      chance(0.2) ? pick(["good", "adequate", "inadequate", "requires_improvement", "Requires Improvement"]) : "",
      note,
    ];
    if (chance(0.003) && !clean) spoil(row, rand, recent);
    recent[n % recent.length] = row[0];
    yield row.join(",");
  }
}

/** The mistakes auditors meet in real exports: a bad date, a US date, an adult's age, a force's own word, a comma list, a repeated reference. */
function spoil(row, rand, recent) {
  switch (Math.floor(rand() * 6)) {
    case 0: row[2] = "2015-02-30"; break;
    case 1: row[17] = "07/25/2015"; break;
    case 2: row[3] = "25"; break;
    case 3: row[5] = "offender"; break;
    case 4: row[16] = '"social_care,health"'; break;
    default: row[0] = recent[Math.floor(rand() * recent.length)];
  }
}

export function writeCaseFile(path, rows, { seed, crlf = false, bom = false, clean = false } = {}) {
  const eol = crlf ? "\r\n" : "\n";
  const fd = openSync(path, "w");
  try {
    writeSync(fd, `${bom ? "\uFEFF" : ""}${HEADER.join(",")}${eol}`);
    let batch = [];
    for (const row of caseRows(rows, seed, { clean })) {
      batch.push(row);
      if (batch.length === 10_000) {
        writeSync(fd, batch.join(eol) + eol);
        batch = [];
      }
    }
    if (batch.length) writeSync(fd, batch.join(eol) + eol);
  } finally {
    closeSync(fd);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const [rows, path] = process.argv.slice(2);
  const seedAt = process.argv.indexOf("--seed");
  if (!rows || !path) {
    console.error("usage: node bench/generate.mjs <rows> <file> [--seed N] [--crlf] [--bom] [--clean]");
    process.exit(2);
  }
  writeCaseFile(path, Number(rows), {
    seed: seedAt > 0 ? Number(process.argv[seedAt + 1]) : undefined,
    crlf: process.argv.includes("--crlf"),
    bom: process.argv.includes("--bom"),
    clean: process.argv.includes("--clean"),
  });
}
