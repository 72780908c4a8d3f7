//! Completion scripts: clap_complete's, extended per shell so that values complete too. The values come
//! from the binary (`errcode __complete codes|families|vendors`, with the `--catalog`s typed so far), as
//! tealdeer's and cargo's scripts ask `tldr --list` and `cargo --list`: a fixed list in the script would
//! miss the user's catalogs and go stale with the built-in ones. clap_complete's dynamic completion would
//! do the same from Rust, but is behind its unstable feature. Codes stay open: nothing here makes clap
//! reject a code it does not know.

use clap_complete::Shell;

use crate::catalog::Vendor;

/// `script`, clap_complete's for `shell`, with the values errcode lists completing (bash, zsh, fish; the
/// others as generated).
pub(super) fn with_values(shell: Shell, script: String) -> String {
    match shell {
        Shell::Bash => format!("{script}{BASH}"),
        Shell::Zsh => zsh(script),
        Shell::Fish => fish(script),
        _ => script,
    }
}

/// bash: a function run after the generated one, which overrides its answer where a value is completed,
/// and takes its place as `errcode`'s completion.
const BASH: &str = r#"
# Values that errcode itself lists, so that the codes and vendors of the user's catalogs complete too:
# codes after `lookup` or a query (and as the first word, once something is typed), family ids after
# `family`, vendor ids after `--vendor`, and files and directories for `scan`.
_errcode_values() {
    _errcode "$@"
    local cur="${COMP_WORDS[COMP_CWORD]}" prev="" command="" positionals=0 i word what="" line keep=""
    local -a catalogs=()
    for (( i = 1; i < COMP_CWORD; i++ )); do
        word="${COMP_WORDS[i]}"
        case "${word}" in
            --catalog|--vendor|--lang|--color|--format|--dialect|--threads|-j)
                # The value is the next word (bash splits `--catalog=PATH` into `--catalog`, `=`, `PATH`),
                # a path as typed: `~` is not expanded in COMP_WORDS.
                [[ ${COMP_WORDS[i+1]} == = ]] && (( i++ ))
                (( i++ ))
                [[ ${word} == --catalog ]] && catalogs+=(--catalog "${COMP_WORDS[i]/#\~/$HOME}")
                ;;
            --catalog=*) catalogs+=("${word}") ;;
            -*) ;;
            *) if [[ -z ${command} ]]; then command="${word}"; else (( positionals++ )); fi ;;
        esac
    done
    (( COMP_CWORD > 0 )) && prev="${COMP_WORDS[COMP_CWORD-1]}"
    [[ ${prev} == = ]] && (( COMP_CWORD > 1 )) && prev="${COMP_WORDS[COMP_CWORD-2]}"
    case "${prev}" in
        --vendor) what=vendors ;;
        --lang|--color|--catalog|--format|--dialect|--threads|-j) return 0 ;;
    esac
    if [[ -z ${what} && ${cur} != -* ]]; then
        case "${command}" in
            lookup) what=codes ;;
            family) (( positionals == 0 )) && what=families ;;
            scan)
                COMPREPLY=()
                while IFS= read -r line; do COMPREPLY+=("${line}"); done < <(compgen -f -- "${cur}")
                compopt -o filenames 2>/dev/null
                return 0
                ;;
            status|grep|list|catalogs|vendors|catalog|completions|help) ;;
            # The first word: codes join the commands the generated function offers.
            "") [[ -n ${cur} ]] && what=codes && keep=1 ;;
            *) what=codes ;;
        esac
    fi
    [[ -z ${what} ]] && return 0
    [[ -n ${keep} ]] || COMPREPLY=()
    while IFS= read -r line; do
        COMPREPLY+=("${line}")
    done < <(compgen -W "$("${COMP_WORDS[0]}" __complete "${what}" "${catalogs[@]}" 2>/dev/null)" -- "${cur}")
    return 0
}

if [[ "${BASH_VERSINFO[0]}" -eq 4 && "${BASH_VERSINFO[1]}" -ge 4 || "${BASH_VERSINFO[0]}" -gt 4 ]]; then
    complete -F _errcode_values -o nosort -o bashdefault -o default errcode
else
    complete -F _errcode_values -o bashdefault -o default errcode
fi
"#;

/// zsh: the functions that list errcode's values, and the generated argument specs pointed at them.
const ZSH: &str = r#"# Values that errcode itself lists, so that the codes and vendors of the user's catalogs complete too.
(( $+functions[_errcode_values] )) ||
_errcode_values() {
    local what=$1 i expl
    local -a catalogs values typed
    # The whole line up to the cursor: after a command, `words` starts at the command's name.
    typed=(${(z)LBUFFER})
    for (( i = 1; i < $#typed; i++ )); do
        case $typed[i] in
            (--catalog) catalogs+=(--catalog "${(Q)${typed[i+1]/#\~/$HOME}}") ;;
            (--catalog=*) catalogs+=("${(Q)${typed[i]/#--catalog=\~/--catalog=$HOME}}") ;;
        esac
    done
    values=(${(f)"$(errcode __complete $what $catalogs 2>/dev/null)"})
    _wanted $what expl $what compadd -a values
}
(( $+functions[_errcode_codes] )) ||
_errcode_codes() {
    _errcode_values codes
}
(( $+functions[_errcode_families] )) ||
_errcode_families() {
    _errcode_values families
}
(( $+functions[_errcode_vendors] )) ||
_errcode_vendors() {
    _errcode_values vendors
}
# The first word: a command, or (once something is typed) a code, as `errcode CODE` looks it up.
(( $+functions[_errcode_commands_or_codes] )) ||
_errcode_commands_or_codes() {
    _errcode_commands
    [[ -n $PREFIX ]] && _errcode_codes
    return 0
}

"#;

fn zsh(script: String) -> String {
    let vendors = format!(":ID:({})'", Vendor::known().join(" "));
    let mut out = String::new();
    for line in script.lines() {
        let line = if line.starts_with("'*::query -- ") {
            line.replace(":_default'", ":_errcode_codes'")
        } else if line.starts_with("'::name -- A family id") {
            line.replace(":_default'", ":_errcode_families'")
        } else if line == "\":: :_errcode_commands\" \\" {
            "\":: :_errcode_commands_or_codes\" \\".to_string()
        } else {
            line.replace(&vendors, ":ID:_errcode_vendors'")
        };
        if line == "if [ \"$funcstack[1]\" = \"_errcode\" ]; then" {
            out.push_str(ZSH);
        }
        out.push_str(&line);
        out.push('\n');
    }
    out
}

/// fish: a function that asks errcode, the generated vendor lists replaced by it, and lines for codes and
/// family ids (fish adds them to the generated ones).
const FISH: &str = r#"
# Values that errcode itself lists, so that the codes and vendors of the user's catalogs complete too.
function __fish_errcode_values
    set -l words (commandline -opc)
    set -l catalogs
    for i in (seq 2 (count $words))
        # (A path typed with `~` is not expanded in the command line's tokens.)
        if test "$words[$i]" = --catalog; and test $i -lt (count $words)
            set -a catalogs --catalog (string replace -r '^~' -- $HOME $words[(math $i + 1)])
        else if string match -q -- '--catalog=*' $words[$i]
            set -a catalogs (string replace -r '^--catalog=~' -- "--catalog=$HOME" $words[$i])
        end
    end
    $words[1] __complete $argv[1] $catalogs 2>/dev/null
end
complete -c errcode -n "__fish_errcode_using_subcommand lookup" -f -a "(__fish_errcode_values codes)"
complete -c errcode -n "__fish_errcode_needs_command; and test -n (commandline -ct)" -f -a "(__fish_errcode_values codes)"
complete -c errcode -n "__fish_errcode_using_subcommand family" -f -a "(__fish_errcode_values families)"
# (Before a command, the generated condition fails on the `--vendor` still without its value.)
complete -c errcode -n "test (commandline -opc)[-1] = --vendor" -f -a "(__fish_errcode_values vendors)"
"#;

fn fish(script: String) -> String {
    let generated: Vec<String> = (Vendor::known().iter())
        .map(|v| format!("{v}\\t''"))
        .collect();
    let generated = format!("-a \"{}\"", generated.join("\n"));
    let script = script.replace(&generated, "-a \"(__fish_errcode_values vendors)\"");
    format!("{script}{FISH}")
}
