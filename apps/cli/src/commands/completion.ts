/**
 * `sellguard completion bash|zsh|fish`: a completion script made from the
 * program's own commands and options, so it never falls behind them.
 */
import type { Command } from 'commander';

interface Spec {
  name: string;
  options: string[];
  description: string;
}

function specs(program: Command): Spec[] {
  return program.commands
    .filter((c) => c.name() !== 'help')
    .map((c) => ({
      name: c.name(),
      description: c.description(),
      options: c.options.flatMap((o) => [o.short, o.long].filter((x): x is string => Boolean(x))).concat(['--help']),
    }));
}

const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

function bash(list: Spec[]): string {
  const cases = list.map((c) => `    ${c.name}) opts=${quote(c.options.join(' '))} ;;`).join('\n');
  return `# bash completion for sellguard
_sellguard() {
  local cur cmd opts
  cur="\${COMP_WORDS[COMP_CWORD]}"
  cmd="\${COMP_WORDS[1]}"
  if [ "$COMP_CWORD" -eq 1 ]; then
    COMPREPLY=( $(compgen -W ${quote(list.map((c) => c.name).join(' ') + ' --help --version')} -- "$cur") )
    return
  fi
  case "$cmd" in
${cases}
    *) opts="" ;;
  esac
  if [[ "$cur" == -* ]]; then
    COMPREPLY=( $(compgen -W "$opts" -- "$cur") )
  else
    COMPREPLY=( $(compgen -f -- "$cur") )
  fi
}
complete -o filenames -F _sellguard sellguard
`;
}

function zsh(list: Spec[]): string {
  const commands = list.map((c) => `    ${quote(`${c.name}:${c.description.replace(/:/g, '\\:')}`)}`).join('\n');
  const cases = list.map((c) => `    ${c.name}) _arguments ${c.options.map((o) => quote(`${o}[]`)).join(' ')} '*:file:_files' ;;`).join('\n');
  return `#compdef sellguard
# zsh completion for sellguard
_sellguard() {
  local -a commands
  commands=(
${commands}
  )
  if (( CURRENT == 2 )); then
    _describe 'command' commands
    return
  fi
  case "$words[2]" in
${cases}
  esac
}
compdef _sellguard sellguard
`;
}

function fish(list: Spec[]): string {
  const lines = ['# fish completion for sellguard', 'complete -c sellguard -f'];
  for (const c of list) {
    lines.push(`complete -c sellguard -n __fish_use_subcommand -a ${c.name} -d ${quote(c.description)}`);
    for (const o of c.options) {
      const flag = o.startsWith('--') ? `-l ${o.slice(2)}` : `-s ${o.slice(1)}`;
      lines.push(`complete -c sellguard -n '__fish_seen_subcommand_from ${c.name}' ${flag} -F`);
    }
  }
  return `${lines.join('\n')}\n`;
}

export function completionScript(shell: 'bash' | 'zsh' | 'fish', program: Command): string {
  const list = specs(program);
  return shell === 'bash' ? bash(list) : shell === 'zsh' ? zsh(list) : fish(list);
}
