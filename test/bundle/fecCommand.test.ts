/**
 * `npm run fec`: the built command dist/fec.js, spawned as a user runs it, on
 * the FEC fixtures. Run after `npm run build`.
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";

const root = join(__dirname, "..", "..");
const fixture = (name: string) => join(root, "test", "fixtures", "fec", name);

function fec(...args: string[]) {
  const run = spawnSync(process.execPath, [join(root, "dist", "fec.js"), ...args], { encoding: "utf8" });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe("dist/fec.js", () => {
  test("--json prints exactly one JSON object: encours, clients and the import report", () => {
    const run = fec(fixture("utf8-tab-18.txt"), "--au", "2024-12-31", "--json");
    expect(run.status).toBe(0);
    expect(run.stderr).toBe("");
    const summary = JSON.parse(run.stdout);
    expect(summary.encours).toBe(2000);
    expect(summary.clients).toBe(5);
    expect(summary.comptesCrediteurs).toBe(1);
    expect(summary.echeancesSupposees).toBe(true);
    expect(summary.conditions).toBe("30 jours");
    expect(summary.rapport.lignesLues).toBe(19);
    expect(summary.rapport.avis.map((a: { code: string }) => a.code)).toEqual(
      expect.arrayContaining(["compte_418", "compte_419", "lettrage_non_solde", "solde_crediteur", "apres_date"]),
    );
  });

  test("split parts given together, other terms", () => {
    const run = fec(fixture("split-part1.txt"), fixture("split-part2.txt"), "--au", "2024-12-31", "--json", "--conditions", "45 jours fin de mois");
    const summary = JSON.parse(run.stdout);
    expect(summary.encours).toBe(2000);
    expect(summary.conditions).toBe("45 jours fin de mois");
    expect(summary.rapport.fichiers).toHaveLength(2);
  });

  test("Latin-9 with Montant + Sens: euros to the cent", () => {
    const summary = JSON.parse(fec(fixture("latin9-montant-sens.txt"), "--au", "2024-12-31", "--json").stdout);
    expect(summary.encours).toBe(800);
    expect(summary.clients).toBe(2);
  });

  test("without --json, a French summary", () => {
    const run = fec(fixture("utf8-tab-18.txt"), "--au", "2024-12-31");
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("Encours clients au 2024-12-31 : 2\u202f000,00\u00a0€");
    expect(run.stdout).toContain("1 créditeur, jamais relancés");
  });

  test("errors go to stderr with a non-zero exit and nothing on stdout", () => {
    const missing = fec(fixture("absent.txt"), "--au", "2024-12-31", "--json");
    expect(missing.status).toBe(1);
    expect(missing.stdout).toBe("");
    expect(missing.stderr).toContain("fichier introuvable");
    const noDate = fec(fixture("utf8-tab-18.txt"), "--json");
    expect(noDate.status).toBe(2);
    expect(noDate.stderr).toContain("--au");
    const notFec = fec(join(root, "package.json"), "--au", "2024-12-31", "--json");
    expect(notFec.status).toBe(1);
    expect(notFec.stderr).toContain("en-tête");
  });
});
