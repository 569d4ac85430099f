/**
 * Shell commands and recursive deletes written in program code: `subprocess.run(["rm", "-rf", d])`,
 * `os.system(f"rm -rf {d}")`, `execSync("rm -rf " + d)`, `system("rm -rf #{d}")`,
 * `exec.Command("rm", "-rf", d)`, and the libraries' own recursive deletes (`shutil.rmtree`,
 * `FileUtils.rm_rf`, `fs.rmSync(…, { recursive: true })`, `os.RemoveAll`). Each is turned into the shell
 * text it amounts to, so one classifier judges the target: a value computed at run time becomes `$V`,
 * quoted when the call passes it as one argument (no word splitting), unquoted inside a shell string.
 * One line at a time, bounded: a call whose arguments span lines is not read.
 */
/**
 * The shell text of an expression: literals as written (interpolations become `$V`), other values
 * `$V` (`$HOME` for the home directory), joined across `+`.
 */
export declare function shellTextOf(expression: string): string;
/** Shell commands that calls on this line of program code (in `language`: its file extension) run, as shell text (at most five). */
export declare function embeddedShellCommands(line: string, language: string): string[];
/** Recursive deletes through a language's file library: the call and the tree it deletes, as shell text. */
export declare function libraryDeletes(line: string): {
    call: string;
    target: string;
    fromEnvironment: boolean;
}[];
