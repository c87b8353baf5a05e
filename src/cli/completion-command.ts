import type { Command, Option } from "commander";
import { BUNDLED_IDS, BUNDLED_TIMELINES } from "../load/files.js";
import { UsageError, type Io } from "./io.js";
import { emit } from "./emit.js";

/** The shells `modpol completion` writes a script for. */
export const SHELLS = ["bash", "zsh", "fish"] as const;

/** What completing an option's value offers: fixed choices, files, policy references, or anything. */
type ValueKind = { readonly choices: readonly string[] } | "file" | "policy" | "free" | "none";

/** One option of a subcommand, as the scripts need it. */
interface OptionSpec {
  readonly short?: string;
  readonly long?: string;
  readonly description: string;
  readonly value: ValueKind;
}

/** One subcommand: its name, what it is for, its options, and whether its arguments are files. */
interface CommandSpec {
  readonly name: string;
  readonly description: string;
  readonly options: readonly OptionSpec[];
  readonly files: boolean;
}

/** Options whose value is a policy reference (a bundled id or a file) or a file. */
const POLICY_OPTIONS = new Set(["--policy", "--from", "--to"]);
const FILE_OPTIONS = new Set(["--input", "--output"]);

function valueKind(o: Option): ValueKind {
  if (!o.required && !o.optional) return "none";
  if (o.argChoices) return { choices: o.argChoices };
  if (o.long && POLICY_OPTIONS.has(o.long)) return "policy";
  if (o.long && FILE_OPTIONS.has(o.long)) return "file";
  return "free";
}

/** The subcommands and options as commander knows them: the scripts never drift from the parser. */
export function commandSpecs(program: Command): CommandSpec[] {
  return program.commands.map((c) => ({
    name: c.name(),
    description: c.description(),
    options: [...c.options, ...helpOption()].map((o) => ({ ...(o.short ? { short: o.short } : {}), ...(o.long ? { long: o.long } : {}), description: o.description, value: valueKind(o) })),
    files: c.registeredArguments.length > 0 && c.name() !== "eval" && c.name() !== "diff",
  }));
}

function helpOption(): Option[] {
  return [{ short: "-h", long: "--help", description: "show help", required: false, optional: false } as Option];
}

const POLICY_WORDS = [...BUNDLED_IDS, ...BUNDLED_TIMELINES].join(" ");

/** bash: a function for `complete -F`, words offered by position and by the option before. */
function bash(cmds: readonly CommandSpec[]): string {
  const out: string[] = [
    "# modpol completion for bash. Load it with: source <(modpol completion bash)",
    "# or save it: modpol completion bash > ~/.local/share/bash-completion/completions/modpol",
    "_modpol() {",
    '  local cur="${COMP_WORDS[COMP_CWORD]}" prev="${COMP_WORDS[COMP_CWORD-1]}" cmd="${COMP_WORDS[1]}"',
    "  COMPREPLY=()",
    "  if [[ $COMP_CWORD -eq 1 ]]; then",
    `    COMPREPLY=($(compgen -W "${cmds.map((c) => c.name).join(" ")} help --help --version" -- "$cur"))`,
    "    return",
    "  fi",
    '  case "$cmd $prev" in',
  ];
  for (const c of cmds) {
    for (const o of c.options) {
      const flags = [o.short, o.long].filter(Boolean).map((f) => `"${c.name} ${f}"`).join("|");
      if (o.value === "none" || o.value === "free") continue;
      const words = o.value === "file" ? '$(compgen -f -- "$cur")' : o.value === "policy" ? `$(compgen -W "${POLICY_WORDS}" -- "$cur") $(compgen -f -- "$cur")` : `$(compgen -W "${o.value.choices.join(" ")}" -- "$cur")`;
      out.push(`    ${flags}) COMPREPLY=(${words}); return ;;`);
    }
  }
  out.push("  esac", '  local opts=""', '  case "$cmd" in');
  for (const c of cmds) out.push(`    ${c.name}) opts="${c.options.flatMap((o) => [o.short, o.long].filter(Boolean)).join(" ")}" ;;`);
  out.push(
    "  esac",
    '  if [[ $cur == -* ]]; then COMPREPLY=($(compgen -W "$opts" -- "$cur")); else COMPREPLY=($(compgen -f -- "$cur")); fi',
    "}",
    "complete -o filenames -F _modpol modpol",
    "",
  );
  return out.join("\n");
}

/** Text inside a zsh `_arguments` spec: brackets, colons and quotes would end it early. */
const zq = (s: string): string => s.replace(/[[\]:\\]/g, (c) => `\\${c}`).replace(/'/g, "'\\''");

/** zsh: a native `#compdef` function with `_arguments` per subcommand. */
function zsh(cmds: readonly CommandSpec[]): string {
  const out: string[] = [
    "#compdef modpol",
    "# modpol completion for zsh. Load it with: source <(modpol completion zsh)",
    "# or save it as _modpol in a folder of $fpath.",
    "_modpol() {",
    "  local -a commands",
    `  commands=(${cmds.map((c) => `'${zq(c.name)}:${zq(c.description)}'`).join(" ")})`,
    "  if (( CURRENT == 2 )); then",
    "    _describe 'command' commands",
    "    return",
    "  fi",
    "  local cmd=$words[2]",
    "  shift words",
    "  (( CURRENT-- ))",
    "  case $cmd in",
  ];
  for (const c of cmds) {
    const specs = c.options.flatMap((o) => {
      const action = o.value === "none" ? "" : o.value === "file" ? ":file:_files" : o.value === "policy" ? `:policy:{_alternative 'ids:bundled policy:(${POLICY_WORDS})' 'files:file:_files'}` : o.value === "free" ? ":value: " : `:value:(${o.value.choices.join(" ")})`;
      return [o.short, o.long].filter(Boolean).map((f) => `'${f}[${zq(o.description)}]${action}'`);
    });
    out.push(`    ${c.name}) _arguments -s ${[...specs, c.files ? "'*:file:_files'" : "'*:post: '"].join(" ")} ;;`);
  }
  out.push("  esac", "}", 'if [[ "${funcstack[1]}" == _modpol ]]; then _modpol "$@"; else compdef _modpol modpol; fi', "");
  return out.join("\n");
}

/** Text inside a fish double-quoted string. */
const fq = (s: string): string => s.replace(/["\\$]/g, (c) => `\\${c}`);

/** fish: `complete` lines, conditioned on the subcommand seen. */
function fish(cmds: readonly CommandSpec[]): string {
  const out: string[] = [
    "# modpol completion for fish. Load it with: modpol completion fish | source",
    "# or save it: modpol completion fish > ~/.config/fish/completions/modpol.fish",
    "complete -c modpol -f",
    ...cmds.map((c) => `complete -c modpol -n "__fish_use_subcommand" -a ${c.name} -d "${fq(c.description)}"`),
  ];
  for (const c of cmds) {
    const when = `-n "__fish_seen_subcommand_from ${c.name}"`;
    if (c.files) out.push(`complete -c modpol ${when} -F`);
    for (const o of c.options) {
      const names = `${o.short ? ` -s ${o.short.slice(1)}` : ""}${o.long ? ` -l ${o.long.slice(2)}` : ""}`;
      const value = o.value === "none" ? "" : o.value === "file" ? " -r -F" : o.value === "policy" ? ` -r -F -a "${POLICY_WORDS}"` : o.value === "free" ? " -x" : ` -x -a "${o.value.choices.join(" ")}"`;
      out.push(`complete -c modpol ${when}${names}${value} -d "${fq(o.description)}"`);
    }
  }
  return `${out.join("\n")}\n`;
}

/** The completion script of one shell for these subcommands. */
export function completionScript(shell: (typeof SHELLS)[number], cmds: readonly CommandSpec[]): string {
  return shell === "bash" ? bash(cmds) : shell === "zsh" ? zsh(cmds) : fish(cmds);
}

/** `modpol completion SHELL`: prints (or writes to --output) the shell's completion script. */
export async function runCompletion(shell: string, program: Command, o: { readonly output?: string }, io: Io): Promise<number> {
  if (!(SHELLS as readonly string[]).includes(shell)) throw new UsageError(`completion: '${shell}' is not one of ${SHELLS.join(", ")}`);
  await emit(completionScript(shell as (typeof SHELLS)[number], commandSpecs(program)), o.output, io);
  return 0;
}
