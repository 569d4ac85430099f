import { describe, expect, it } from "vitest";
import { commandLineSecrets } from "../../src/secrets/command-line.js";
import { detectLine, fileTraits } from "../../src/secrets/detect.js";

const PW = ["Xk9", "vQ2mLp7tRw"].join("");
const SH = fileTraits("deploy.sh");

describe("passwords given to commands", () => {
  it("finds the value for each tool's flag, with its span", () => {
    for (const [line, via] of [
      [`mysql -uroot -p${PW} -e "DROP DATABASE prod"`, "mysql -p"],
      [`/usr/bin/mysqldump -p'${PW}' prod`, "mysqldump -p"],
      [`docker exec db mariadb -p${PW}`, "mariadb -p"],
      [`sshpass -p ${PW} ssh prod`, "sshpass -p"],
      [`redis-cli -h cache -a ${PW} FLUSHALL`, "redis-cli -a"],
      [`curl -u admin:${PW} https://x`, "curl -u"],
      [`curl --user admin:${PW} https://x`, "curl --user"],
      [`docker login -u ci -p ${PW} registry`, "docker -p"],
      [`vault login --password ${PW}`, "--password"],
      [`az login --client-secret "${PW}"`, "--client-secret"],
      [`docker login -u ci -p -${PW} registry`, "docker -p"],
      [`mysql -uroot -p-${PW}`, "mysql -p"],
    ] as const) {
      const found = commandLineSecrets(line);
      expect(found, line).toHaveLength(1);
      expect(found[0]!.value.replace(/^-/, "")).toBe(PW);
      expect(found[0]!.via).toBe(via);
      expect(line.slice(found[0]!.start, found[0]!.end)).toContain(PW);
    }
  });

  it("leaves prompts, other meanings of -p and flags without a value alone", () => {
    for (const line of [
      "mysql -u root -p prod",
      "docker run -p 8080:80 nginx",
      "ssh -p 2222 host",
      "docker login --password-stdin registry",
      "tool --password --verbose",
      "tool --secret-name prod-db",
      "mysql --password prod",
    ])
      expect(commandLineSecrets(line), line).toEqual([]);
  });

  it("reports judged values as findings, but not references or placeholders", () => {
    expect(detectLine(`mysql -uroot -p${PW}`, SH).map((d) => [d.kind, d.value])).toEqual([
      ["command-line-password", PW],
    ]);
    for (const line of ["mysql -uroot -p$MYSQL_PASSWORD", "mysql -p<password>", "curl -u admin:changeme https://x"])
      expect(detectLine(line, SH), line).toEqual([]);
  });
});
