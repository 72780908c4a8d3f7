# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_errcode_global_optspecs
    string join \n vendor= lang= color= json cards no-pager catalog= show-paths h/help V/version
end

function __fish_errcode_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_errcode_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_errcode_using_subcommand
    set -l cmd (__fish_errcode_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c errcode -n "__fish_errcode_needs_command" -l vendor -d 'Only this vendor\'s entries (repeatable) [default: every vendor, or the config file\'s vendors]' -r -f -a "(__fish_errcode_values vendors)"
complete -c errcode -n "__fish_errcode_needs_command" -l lang -d 'Languages to show [default: ERRCODE_LANG, else the config file\'s, else both]; any case, and as spelt elsewhere: English, en_US; zh-CN, zh_CN, cn, zh-Hans, zh-TW, Chinese, 中文; all' -r -f -a "en\t''
zh\t''
both\t''"
complete -c errcode -n "__fish_errcode_needs_command" -l color -d 'When to use colour [default: auto, or the config file\'s] (auto: only on a terminal, honouring NO_COLOR and CLICOLOR_FORCE)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c errcode -n "__fish_errcode_needs_command" -l catalog -d 'Also load catalogs from this .toml file or directory (repeatable; see ERRCODE_CATALOG_PATH)' -r -F
complete -c errcode -n "__fish_errcode_needs_command" -l json -d 'Print JSON: one object (scan: one per matching line, or per file with --count; formats in the README)'
complete -c errcode -n "__fish_errcode_needs_command" -l cards -d 'Show every match as a card, with its fix (five or more matches are a table otherwise)'
complete -c errcode -n "__fish_errcode_needs_command" -l no-pager -d 'Never send output through a pager (on a terminal, output longer than the screen goes through ERRCODE_PAGER, PAGER or `less -FRX`)'
complete -c errcode -n "__fish_errcode_needs_command" -l show-paths -d 'Print where errcode reads its configuration file, catalogs and cache from, and exit'
complete -c errcode -n "__fish_errcode_needs_command" -s h -l help -d 'Print help'
complete -c errcode -n "__fish_errcode_needs_command" -s V -l version -d 'Print version'
complete -c errcode -n "__fish_errcode_needs_command" -f -a "lookup" -d 'Explain codes, HTTP statuses or messages (reads standard input when no QUERY, or `-`, is given)'
complete -c errcode -n "__fish_errcode_needs_command" -f -a "status" -d 'List every entry with an HTTP status (429) or status class (4xx), grouped by vendor'
complete -c errcode -n "__fish_errcode_needs_command" -f -a "grep" -d 'Search codes, messages, meanings and fixes (both languages) with a regular expression'
complete -c errcode -n "__fish_errcode_needs_command" -f -a "scan" -d 'Find, explain and count gateway errors in logs: each line carrying one, as grep prints lines'
complete -c errcode -n "__fish_errcode_needs_command" -f -a "list" -d 'List every entry of the loaded catalogs'
complete -c errcode -n "__fish_errcode_needs_command" -f -a "catalogs" -d 'Show the loaded catalogs, where each came from, and their entry counts'
complete -c errcode -n "__fish_errcode_needs_command" -f -a "vendors" -d 'List the loaded vendors, one line each: id, name, and how many catalogs and entries they have'
complete -c errcode -n "__fish_errcode_needs_command" -f -a "family" -d 'List the problem families (the same problem across vendors), or show one with its checklist and members'
complete -c errcode -n "__fish_errcode_needs_command" -f -a "catalog" -d 'Catalog tools: `patterns` (the regexes errcode matches text with), `export` (every entry as a record, for a log engine), `check FILE...` (check catalog files)'
complete -c errcode -n "__fish_errcode_needs_command" -f -a "completions" -d 'Print a shell completion script'
complete -c errcode -n "__fish_errcode_needs_command" -f -a "__complete" -d 'The values the completion scripts offer, one per line, from every loaded catalog (the user\'s too): hidden, for the scripts only (named as cobra\'s, so that no code or message word is taken)'
complete -c errcode -n "__fish_errcode_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c errcode -n "__fish_errcode_using_subcommand lookup" -l vendor -d 'Only this vendor\'s entries (repeatable) [default: every vendor, or the config file\'s vendors]' -r -f -a "(__fish_errcode_values vendors)"
complete -c errcode -n "__fish_errcode_using_subcommand lookup" -l lang -d 'Languages to show [default: ERRCODE_LANG, else the config file\'s, else both]; any case, and as spelt elsewhere: English, en_US; zh-CN, zh_CN, cn, zh-Hans, zh-TW, Chinese, 中文; all' -r -f -a "en\t''
zh\t''
both\t''"
complete -c errcode -n "__fish_errcode_using_subcommand lookup" -l color -d 'When to use colour [default: auto, or the config file\'s] (auto: only on a terminal, honouring NO_COLOR and CLICOLOR_FORCE)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c errcode -n "__fish_errcode_using_subcommand lookup" -l catalog -d 'Also load catalogs from this .toml file or directory (repeatable; see ERRCODE_CATALOG_PATH)' -r -F
complete -c errcode -n "__fish_errcode_using_subcommand lookup" -l json -d 'Print JSON: one object (scan: one per matching line, or per file with --count; formats in the README)'
complete -c errcode -n "__fish_errcode_using_subcommand lookup" -l cards -d 'Show every match as a card, with its fix (five or more matches are a table otherwise)'
complete -c errcode -n "__fish_errcode_using_subcommand lookup" -l no-pager -d 'Never send output through a pager (on a terminal, output longer than the screen goes through ERRCODE_PAGER, PAGER or `less -FRX`)'
complete -c errcode -n "__fish_errcode_using_subcommand lookup" -s h -l help -d 'Print help'
complete -c errcode -n "__fish_errcode_using_subcommand status" -l vendor -d 'Only this vendor\'s entries (repeatable) [default: every vendor, or the config file\'s vendors]' -r -f -a "(__fish_errcode_values vendors)"
complete -c errcode -n "__fish_errcode_using_subcommand status" -l lang -d 'Languages to show [default: ERRCODE_LANG, else the config file\'s, else both]; any case, and as spelt elsewhere: English, en_US; zh-CN, zh_CN, cn, zh-Hans, zh-TW, Chinese, 中文; all' -r -f -a "en\t''
zh\t''
both\t''"
complete -c errcode -n "__fish_errcode_using_subcommand status" -l color -d 'When to use colour [default: auto, or the config file\'s] (auto: only on a terminal, honouring NO_COLOR and CLICOLOR_FORCE)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c errcode -n "__fish_errcode_using_subcommand status" -l catalog -d 'Also load catalogs from this .toml file or directory (repeatable; see ERRCODE_CATALOG_PATH)' -r -F
complete -c errcode -n "__fish_errcode_using_subcommand status" -l json -d 'Print JSON: one object (scan: one per matching line, or per file with --count; formats in the README)'
complete -c errcode -n "__fish_errcode_using_subcommand status" -l cards -d 'Show every match as a card, with its fix (five or more matches are a table otherwise)'
complete -c errcode -n "__fish_errcode_using_subcommand status" -l no-pager -d 'Never send output through a pager (on a terminal, output longer than the screen goes through ERRCODE_PAGER, PAGER or `less -FRX`)'
complete -c errcode -n "__fish_errcode_using_subcommand status" -s h -l help -d 'Print help'
complete -c errcode -n "__fish_errcode_using_subcommand grep" -l vendor -d 'Only this vendor\'s entries (repeatable) [default: every vendor, or the config file\'s vendors]' -r -f -a "(__fish_errcode_values vendors)"
complete -c errcode -n "__fish_errcode_using_subcommand grep" -l lang -d 'Languages to show [default: ERRCODE_LANG, else the config file\'s, else both]; any case, and as spelt elsewhere: English, en_US; zh-CN, zh_CN, cn, zh-Hans, zh-TW, Chinese, 中文; all' -r -f -a "en\t''
zh\t''
both\t''"
complete -c errcode -n "__fish_errcode_using_subcommand grep" -l color -d 'When to use colour [default: auto, or the config file\'s] (auto: only on a terminal, honouring NO_COLOR and CLICOLOR_FORCE)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c errcode -n "__fish_errcode_using_subcommand grep" -l catalog -d 'Also load catalogs from this .toml file or directory (repeatable; see ERRCODE_CATALOG_PATH)' -r -F
complete -c errcode -n "__fish_errcode_using_subcommand grep" -s i -l ignore-case -d 'Ignore case'
complete -c errcode -n "__fish_errcode_using_subcommand grep" -s F -l fixed-strings -d 'Take PATTERN as a literal string, not a regex'
complete -c errcode -n "__fish_errcode_using_subcommand grep" -l json -d 'Print JSON: one object (scan: one per matching line, or per file with --count; formats in the README)'
complete -c errcode -n "__fish_errcode_using_subcommand grep" -l cards -d 'Show every match as a card, with its fix (five or more matches are a table otherwise)'
complete -c errcode -n "__fish_errcode_using_subcommand grep" -l no-pager -d 'Never send output through a pager (on a terminal, output longer than the screen goes through ERRCODE_PAGER, PAGER or `less -FRX`)'
complete -c errcode -n "__fish_errcode_using_subcommand grep" -s h -l help -d 'Print help'
complete -c errcode -n "__fish_errcode_using_subcommand scan" -s j -l threads -d 'Threads that search a large input (0: one per CPU, up to 8; 1: no threads)' -r
complete -c errcode -n "__fish_errcode_using_subcommand scan" -l vendor -d 'Only this vendor\'s entries (repeatable) [default: every vendor, or the config file\'s vendors]' -r -f -a "(__fish_errcode_values vendors)"
complete -c errcode -n "__fish_errcode_using_subcommand scan" -l lang -d 'Languages to show [default: ERRCODE_LANG, else the config file\'s, else both]; any case, and as spelt elsewhere: English, en_US; zh-CN, zh_CN, cn, zh-Hans, zh-TW, Chinese, 中文; all' -r -f -a "en\t''
zh\t''
both\t''"
complete -c errcode -n "__fish_errcode_using_subcommand scan" -l color -d 'When to use colour [default: auto, or the config file\'s] (auto: only on a terminal, honouring NO_COLOR and CLICOLOR_FORCE)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c errcode -n "__fish_errcode_using_subcommand scan" -l catalog -d 'Also load catalogs from this .toml file or directory (repeatable; see ERRCODE_CATALOG_PATH)' -r -F
complete -c errcode -n "__fish_errcode_using_subcommand scan" -s r -l recursive -d 'Scan the files below directories'
complete -c errcode -n "__fish_errcode_using_subcommand scan" -s c -l count -d 'Print the number of matching lines per input instead of the lines'
complete -c errcode -n "__fish_errcode_using_subcommand scan" -l summary -d 'Print counts per error over all input (most frequent first), with totals per vendor and status'
complete -c errcode -n "__fish_errcode_using_subcommand scan" -l binary -d 'Also scan files that look binary (a NUL byte in their first 8 KiB) found below directories'
complete -c errcode -n "__fish_errcode_using_subcommand scan" -s z -l search-zip -d 'Read gzip, bzip2, xz and zstd input decompressed (without it, compressed input is refused)'
complete -c errcode -n "__fish_errcode_using_subcommand scan" -l json -d 'Print JSON: one object (scan: one per matching line, or per file with --count; formats in the README)'
complete -c errcode -n "__fish_errcode_using_subcommand scan" -l cards -d 'Show every match as a card, with its fix (five or more matches are a table otherwise)'
complete -c errcode -n "__fish_errcode_using_subcommand scan" -l no-pager -d 'Never send output through a pager (on a terminal, output longer than the screen goes through ERRCODE_PAGER, PAGER or `less -FRX`)'
complete -c errcode -n "__fish_errcode_using_subcommand scan" -s h -l help -d 'Print help'
complete -c errcode -n "__fish_errcode_using_subcommand list" -l vendor -d 'Only this vendor\'s entries (repeatable) [default: every vendor, or the config file\'s vendors]' -r -f -a "(__fish_errcode_values vendors)"
complete -c errcode -n "__fish_errcode_using_subcommand list" -l lang -d 'Languages to show [default: ERRCODE_LANG, else the config file\'s, else both]; any case, and as spelt elsewhere: English, en_US; zh-CN, zh_CN, cn, zh-Hans, zh-TW, Chinese, 中文; all' -r -f -a "en\t''
zh\t''
both\t''"
complete -c errcode -n "__fish_errcode_using_subcommand list" -l color -d 'When to use colour [default: auto, or the config file\'s] (auto: only on a terminal, honouring NO_COLOR and CLICOLOR_FORCE)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c errcode -n "__fish_errcode_using_subcommand list" -l catalog -d 'Also load catalogs from this .toml file or directory (repeatable; see ERRCODE_CATALOG_PATH)' -r -F
complete -c errcode -n "__fish_errcode_using_subcommand list" -l json -d 'Print JSON: one object (scan: one per matching line, or per file with --count; formats in the README)'
complete -c errcode -n "__fish_errcode_using_subcommand list" -l cards -d 'Show every match as a card, with its fix (five or more matches are a table otherwise)'
complete -c errcode -n "__fish_errcode_using_subcommand list" -l no-pager -d 'Never send output through a pager (on a terminal, output longer than the screen goes through ERRCODE_PAGER, PAGER or `less -FRX`)'
complete -c errcode -n "__fish_errcode_using_subcommand list" -s h -l help -d 'Print help'
complete -c errcode -n "__fish_errcode_using_subcommand catalogs" -l vendor -d 'Only this vendor\'s entries (repeatable) [default: every vendor, or the config file\'s vendors]' -r -f -a "(__fish_errcode_values vendors)"
complete -c errcode -n "__fish_errcode_using_subcommand catalogs" -l lang -d 'Languages to show [default: ERRCODE_LANG, else the config file\'s, else both]; any case, and as spelt elsewhere: English, en_US; zh-CN, zh_CN, cn, zh-Hans, zh-TW, Chinese, 中文; all' -r -f -a "en\t''
zh\t''
both\t''"
complete -c errcode -n "__fish_errcode_using_subcommand catalogs" -l color -d 'When to use colour [default: auto, or the config file\'s] (auto: only on a terminal, honouring NO_COLOR and CLICOLOR_FORCE)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c errcode -n "__fish_errcode_using_subcommand catalogs" -l catalog -d 'Also load catalogs from this .toml file or directory (repeatable; see ERRCODE_CATALOG_PATH)' -r -F
complete -c errcode -n "__fish_errcode_using_subcommand catalogs" -l json -d 'Print JSON: one object (scan: one per matching line, or per file with --count; formats in the README)'
complete -c errcode -n "__fish_errcode_using_subcommand catalogs" -l cards -d 'Show every match as a card, with its fix (five or more matches are a table otherwise)'
complete -c errcode -n "__fish_errcode_using_subcommand catalogs" -l no-pager -d 'Never send output through a pager (on a terminal, output longer than the screen goes through ERRCODE_PAGER, PAGER or `less -FRX`)'
complete -c errcode -n "__fish_errcode_using_subcommand catalogs" -s h -l help -d 'Print help'
complete -c errcode -n "__fish_errcode_using_subcommand vendors" -l vendor -d 'Only this vendor\'s entries (repeatable) [default: every vendor, or the config file\'s vendors]' -r -f -a "(__fish_errcode_values vendors)"
complete -c errcode -n "__fish_errcode_using_subcommand vendors" -l lang -d 'Languages to show [default: ERRCODE_LANG, else the config file\'s, else both]; any case, and as spelt elsewhere: English, en_US; zh-CN, zh_CN, cn, zh-Hans, zh-TW, Chinese, 中文; all' -r -f -a "en\t''
zh\t''
both\t''"
complete -c errcode -n "__fish_errcode_using_subcommand vendors" -l color -d 'When to use colour [default: auto, or the config file\'s] (auto: only on a terminal, honouring NO_COLOR and CLICOLOR_FORCE)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c errcode -n "__fish_errcode_using_subcommand vendors" -l catalog -d 'Also load catalogs from this .toml file or directory (repeatable; see ERRCODE_CATALOG_PATH)' -r -F
complete -c errcode -n "__fish_errcode_using_subcommand vendors" -l json -d 'Print JSON: one object (scan: one per matching line, or per file with --count; formats in the README)'
complete -c errcode -n "__fish_errcode_using_subcommand vendors" -l cards -d 'Show every match as a card, with its fix (five or more matches are a table otherwise)'
complete -c errcode -n "__fish_errcode_using_subcommand vendors" -l no-pager -d 'Never send output through a pager (on a terminal, output longer than the screen goes through ERRCODE_PAGER, PAGER or `less -FRX`)'
complete -c errcode -n "__fish_errcode_using_subcommand vendors" -s h -l help -d 'Print help'
complete -c errcode -n "__fish_errcode_using_subcommand family" -l vendor -d 'Only this vendor\'s entries (repeatable) [default: every vendor, or the config file\'s vendors]' -r -f -a "(__fish_errcode_values vendors)"
complete -c errcode -n "__fish_errcode_using_subcommand family" -l lang -d 'Languages to show [default: ERRCODE_LANG, else the config file\'s, else both]; any case, and as spelt elsewhere: English, en_US; zh-CN, zh_CN, cn, zh-Hans, zh-TW, Chinese, 中文; all' -r -f -a "en\t''
zh\t''
both\t''"
complete -c errcode -n "__fish_errcode_using_subcommand family" -l color -d 'When to use colour [default: auto, or the config file\'s] (auto: only on a terminal, honouring NO_COLOR and CLICOLOR_FORCE)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c errcode -n "__fish_errcode_using_subcommand family" -l catalog -d 'Also load catalogs from this .toml file or directory (repeatable; see ERRCODE_CATALOG_PATH)' -r -F
complete -c errcode -n "__fish_errcode_using_subcommand family" -l json -d 'Print JSON: one object (scan: one per matching line, or per file with --count; formats in the README)'
complete -c errcode -n "__fish_errcode_using_subcommand family" -l cards -d 'Show every match as a card, with its fix (five or more matches are a table otherwise)'
complete -c errcode -n "__fish_errcode_using_subcommand family" -l no-pager -d 'Never send output through a pager (on a terminal, output longer than the screen goes through ERRCODE_PAGER, PAGER or `less -FRX`)'
complete -c errcode -n "__fish_errcode_using_subcommand family" -s h -l help -d 'Print help'
complete -c errcode -n "__fish_errcode_using_subcommand catalog; and not __fish_seen_subcommand_from patterns export check help" -l vendor -d 'Only this vendor\'s entries (repeatable) [default: every vendor, or the config file\'s vendors]' -r -f -a "(__fish_errcode_values vendors)"
complete -c errcode -n "__fish_errcode_using_subcommand catalog; and not __fish_seen_subcommand_from patterns export check help" -l lang -d 'Languages to show [default: ERRCODE_LANG, else the config file\'s, else both]; any case, and as spelt elsewhere: English, en_US; zh-CN, zh_CN, cn, zh-Hans, zh-TW, Chinese, 中文; all' -r -f -a "en\t''
zh\t''
both\t''"
complete -c errcode -n "__fish_errcode_using_subcommand catalog; and not __fish_seen_subcommand_from patterns export check help" -l color -d 'When to use colour [default: auto, or the config file\'s] (auto: only on a terminal, honouring NO_COLOR and CLICOLOR_FORCE)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c errcode -n "__fish_errcode_using_subcommand catalog; and not __fish_seen_subcommand_from patterns export check help" -l catalog -d 'Also load catalogs from this .toml file or directory (repeatable; see ERRCODE_CATALOG_PATH)' -r -F
complete -c errcode -n "__fish_errcode_using_subcommand catalog; and not __fish_seen_subcommand_from patterns export check help" -l json -d 'Print JSON: one object (scan: one per matching line, or per file with --count; formats in the README)'
complete -c errcode -n "__fish_errcode_using_subcommand catalog; and not __fish_seen_subcommand_from patterns export check help" -l cards -d 'Show every match as a card, with its fix (five or more matches are a table otherwise)'
complete -c errcode -n "__fish_errcode_using_subcommand catalog; and not __fish_seen_subcommand_from patterns export check help" -l no-pager -d 'Never send output through a pager (on a terminal, output longer than the screen goes through ERRCODE_PAGER, PAGER or `less -FRX`)'
complete -c errcode -n "__fish_errcode_using_subcommand catalog; and not __fish_seen_subcommand_from patterns export check help" -s h -l help -d 'Print help'
complete -c errcode -n "__fish_errcode_using_subcommand catalog; and not __fish_seen_subcommand_from patterns export check help" -f -a "patterns" -d 'Print every code and message regex, one per line, for grep -E, ripgrep or a log system; with --json, each with the entries it finds'
complete -c errcode -n "__fish_errcode_using_subcommand catalog; and not __fish_seen_subcommand_from patterns export check help" -f -a "export" -d 'Print every entry for a log engine or a spreadsheet: one record each (catalog, vendor, id, code, status, message, meaning, fix, family, sources, schema_version)'
complete -c errcode -n "__fish_errcode_using_subcommand catalog; and not __fish_seen_subcommand_from patterns export check help" -f -a "check" -d 'Check catalog files (or directories of them) as errcode would load them, without loading any other: each error as file:line:column, exit status 2 if any'
complete -c errcode -n "__fish_errcode_using_subcommand catalog; and not __fish_seen_subcommand_from patterns export check help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c errcode -n "__fish_errcode_using_subcommand catalog; and __fish_seen_subcommand_from patterns" -l dialect -d 'The regex syntax to write: grep (grep -E, ripgrep), re2 (ClickHouse, Loki, Go), pcre (grep -P, Hyperscan), rust (Vector); the last three name the placeholders\' groups' -r -f -a "grep\t'grep -E and ripgrep: unnamed groups (the default)'
re2\t'RE2 (ClickHouse, Loki and Go, Vector\'s RE2-like rules): groups named `(?P<name>...)` after the template\'s placeholders, for extraction'
pcre\t'PCRE (grep -P, Hyperscan, nginx, most languages): groups named `(?<name>...)`'
rust\t'Rust\'s regex crate (Vector\'s VRL `parse_regex`): groups named `(?P<name>...)`'"
complete -c errcode -n "__fish_errcode_using_subcommand catalog; and __fish_seen_subcommand_from patterns" -l vendor -d 'Only this vendor\'s entries (repeatable) [default: every vendor, or the config file\'s vendors]' -r -f -a "(__fish_errcode_values vendors)"
complete -c errcode -n "__fish_errcode_using_subcommand catalog; and __fish_seen_subcommand_from patterns" -l lang -d 'Languages to show [default: ERRCODE_LANG, else the config file\'s, else both]; any case, and as spelt elsewhere: English, en_US; zh-CN, zh_CN, cn, zh-Hans, zh-TW, Chinese, 中文; all' -r -f -a "en\t''
zh\t''
both\t''"
complete -c errcode -n "__fish_errcode_using_subcommand catalog; and __fish_seen_subcommand_from patterns" -l color -d 'When to use colour [default: auto, or the config file\'s] (auto: only on a terminal, honouring NO_COLOR and CLICOLOR_FORCE)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c errcode -n "__fish_errcode_using_subcommand catalog; and __fish_seen_subcommand_from patterns" -l catalog -d 'Also load catalogs from this .toml file or directory (repeatable; see ERRCODE_CATALOG_PATH)' -r -F
complete -c errcode -n "__fish_errcode_using_subcommand catalog; and __fish_seen_subcommand_from patterns" -l json -d 'Print JSON: one object (scan: one per matching line, or per file with --count; formats in the README)'
complete -c errcode -n "__fish_errcode_using_subcommand catalog; and __fish_seen_subcommand_from patterns" -l cards -d 'Show every match as a card, with its fix (five or more matches are a table otherwise)'
complete -c errcode -n "__fish_errcode_using_subcommand catalog; and __fish_seen_subcommand_from patterns" -l no-pager -d 'Never send output through a pager (on a terminal, output longer than the screen goes through ERRCODE_PAGER, PAGER or `less -FRX`)'
complete -c errcode -n "__fish_errcode_using_subcommand catalog; and __fish_seen_subcommand_from patterns" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c errcode -n "__fish_errcode_using_subcommand catalog; and __fish_seen_subcommand_from export" -l format -d 'json: one object; ndjson: one object per line; csv: a header, then a line per entry' -r -f -a "json\t'One JSON object: `{"schema_version", "entries": [...]}`'
ndjson\t'One JSON object per line, each with `schema_version`'
csv\t'A header line, then one line per entry; meaning and fix in a column per language'"
complete -c errcode -n "__fish_errcode_using_subcommand catalog; and __fish_seen_subcommand_from export" -l vendor -d 'Only this vendor\'s entries (repeatable) [default: every vendor, or the config file\'s vendors]' -r -f -a "(__fish_errcode_values vendors)"
complete -c errcode -n "__fish_errcode_using_subcommand catalog; and __fish_seen_subcommand_from export" -l lang -d 'Languages to show [default: ERRCODE_LANG, else the config file\'s, else both]; any case, and as spelt elsewhere: English, en_US; zh-CN, zh_CN, cn, zh-Hans, zh-TW, Chinese, 中文; all' -r -f -a "en\t''
zh\t''
both\t''"
complete -c errcode -n "__fish_errcode_using_subcommand catalog; and __fish_seen_subcommand_from export" -l color -d 'When to use colour [default: auto, or the config file\'s] (auto: only on a terminal, honouring NO_COLOR and CLICOLOR_FORCE)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c errcode -n "__fish_errcode_using_subcommand catalog; and __fish_seen_subcommand_from export" -l catalog -d 'Also load catalogs from this .toml file or directory (repeatable; see ERRCODE_CATALOG_PATH)' -r -F
complete -c errcode -n "__fish_errcode_using_subcommand catalog; and __fish_seen_subcommand_from export" -l json -d 'Print JSON: one object (scan: one per matching line, or per file with --count; formats in the README)'
complete -c errcode -n "__fish_errcode_using_subcommand catalog; and __fish_seen_subcommand_from export" -l cards -d 'Show every match as a card, with its fix (five or more matches are a table otherwise)'
complete -c errcode -n "__fish_errcode_using_subcommand catalog; and __fish_seen_subcommand_from export" -l no-pager -d 'Never send output through a pager (on a terminal, output longer than the screen goes through ERRCODE_PAGER, PAGER or `less -FRX`)'
complete -c errcode -n "__fish_errcode_using_subcommand catalog; and __fish_seen_subcommand_from export" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c errcode -n "__fish_errcode_using_subcommand catalog; and __fish_seen_subcommand_from check" -l vendor -d 'Only this vendor\'s entries (repeatable) [default: every vendor, or the config file\'s vendors]' -r -f -a "(__fish_errcode_values vendors)"
complete -c errcode -n "__fish_errcode_using_subcommand catalog; and __fish_seen_subcommand_from check" -l lang -d 'Languages to show [default: ERRCODE_LANG, else the config file\'s, else both]; any case, and as spelt elsewhere: English, en_US; zh-CN, zh_CN, cn, zh-Hans, zh-TW, Chinese, 中文; all' -r -f -a "en\t''
zh\t''
both\t''"
complete -c errcode -n "__fish_errcode_using_subcommand catalog; and __fish_seen_subcommand_from check" -l color -d 'When to use colour [default: auto, or the config file\'s] (auto: only on a terminal, honouring NO_COLOR and CLICOLOR_FORCE)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c errcode -n "__fish_errcode_using_subcommand catalog; and __fish_seen_subcommand_from check" -l catalog -d 'Also load catalogs from this .toml file or directory (repeatable; see ERRCODE_CATALOG_PATH)' -r -F
complete -c errcode -n "__fish_errcode_using_subcommand catalog; and __fish_seen_subcommand_from check" -l json -d 'Print JSON: one object (scan: one per matching line, or per file with --count; formats in the README)'
complete -c errcode -n "__fish_errcode_using_subcommand catalog; and __fish_seen_subcommand_from check" -l cards -d 'Show every match as a card, with its fix (five or more matches are a table otherwise)'
complete -c errcode -n "__fish_errcode_using_subcommand catalog; and __fish_seen_subcommand_from check" -l no-pager -d 'Never send output through a pager (on a terminal, output longer than the screen goes through ERRCODE_PAGER, PAGER or `less -FRX`)'
complete -c errcode -n "__fish_errcode_using_subcommand catalog; and __fish_seen_subcommand_from check" -s h -l help -d 'Print help'
complete -c errcode -n "__fish_errcode_using_subcommand catalog; and __fish_seen_subcommand_from help" -f -a "patterns" -d 'Print every code and message regex, one per line, for grep -E, ripgrep or a log system; with --json, each with the entries it finds'
complete -c errcode -n "__fish_errcode_using_subcommand catalog; and __fish_seen_subcommand_from help" -f -a "export" -d 'Print every entry for a log engine or a spreadsheet: one record each (catalog, vendor, id, code, status, message, meaning, fix, family, sources, schema_version)'
complete -c errcode -n "__fish_errcode_using_subcommand catalog; and __fish_seen_subcommand_from help" -f -a "check" -d 'Check catalog files (or directories of them) as errcode would load them, without loading any other: each error as file:line:column, exit status 2 if any'
complete -c errcode -n "__fish_errcode_using_subcommand catalog; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c errcode -n "__fish_errcode_using_subcommand completions" -l vendor -d 'Only this vendor\'s entries (repeatable) [default: every vendor, or the config file\'s vendors]' -r -f -a "(__fish_errcode_values vendors)"
complete -c errcode -n "__fish_errcode_using_subcommand completions" -l lang -d 'Languages to show [default: ERRCODE_LANG, else the config file\'s, else both]; any case, and as spelt elsewhere: English, en_US; zh-CN, zh_CN, cn, zh-Hans, zh-TW, Chinese, 中文; all' -r -f -a "en\t''
zh\t''
both\t''"
complete -c errcode -n "__fish_errcode_using_subcommand completions" -l color -d 'When to use colour [default: auto, or the config file\'s] (auto: only on a terminal, honouring NO_COLOR and CLICOLOR_FORCE)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c errcode -n "__fish_errcode_using_subcommand completions" -l catalog -d 'Also load catalogs from this .toml file or directory (repeatable; see ERRCODE_CATALOG_PATH)' -r -F
complete -c errcode -n "__fish_errcode_using_subcommand completions" -l json -d 'Print JSON: one object (scan: one per matching line, or per file with --count; formats in the README)'
complete -c errcode -n "__fish_errcode_using_subcommand completions" -l cards -d 'Show every match as a card, with its fix (five or more matches are a table otherwise)'
complete -c errcode -n "__fish_errcode_using_subcommand completions" -l no-pager -d 'Never send output through a pager (on a terminal, output longer than the screen goes through ERRCODE_PAGER, PAGER or `less -FRX`)'
complete -c errcode -n "__fish_errcode_using_subcommand completions" -s h -l help -d 'Print help'
complete -c errcode -n "__fish_errcode_using_subcommand __complete" -l vendor -d 'Only this vendor\'s entries (repeatable) [default: every vendor, or the config file\'s vendors]' -r -f -a "(__fish_errcode_values vendors)"
complete -c errcode -n "__fish_errcode_using_subcommand __complete" -l lang -d 'Languages to show [default: ERRCODE_LANG, else the config file\'s, else both]; any case, and as spelt elsewhere: English, en_US; zh-CN, zh_CN, cn, zh-Hans, zh-TW, Chinese, 中文; all' -r -f -a "en\t''
zh\t''
both\t''"
complete -c errcode -n "__fish_errcode_using_subcommand __complete" -l color -d 'When to use colour [default: auto, or the config file\'s] (auto: only on a terminal, honouring NO_COLOR and CLICOLOR_FORCE)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c errcode -n "__fish_errcode_using_subcommand __complete" -l catalog -d 'Also load catalogs from this .toml file or directory (repeatable; see ERRCODE_CATALOG_PATH)' -r -F
complete -c errcode -n "__fish_errcode_using_subcommand __complete" -l json -d 'Print JSON: one object (scan: one per matching line, or per file with --count; formats in the README)'
complete -c errcode -n "__fish_errcode_using_subcommand __complete" -l cards -d 'Show every match as a card, with its fix (five or more matches are a table otherwise)'
complete -c errcode -n "__fish_errcode_using_subcommand __complete" -l no-pager -d 'Never send output through a pager (on a terminal, output longer than the screen goes through ERRCODE_PAGER, PAGER or `less -FRX`)'
complete -c errcode -n "__fish_errcode_using_subcommand __complete" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c errcode -n "__fish_errcode_using_subcommand help; and not __fish_seen_subcommand_from lookup status grep scan list catalogs vendors family catalog completions __complete help" -f -a "lookup" -d 'Explain codes, HTTP statuses or messages (reads standard input when no QUERY, or `-`, is given)'
complete -c errcode -n "__fish_errcode_using_subcommand help; and not __fish_seen_subcommand_from lookup status grep scan list catalogs vendors family catalog completions __complete help" -f -a "status" -d 'List every entry with an HTTP status (429) or status class (4xx), grouped by vendor'
complete -c errcode -n "__fish_errcode_using_subcommand help; and not __fish_seen_subcommand_from lookup status grep scan list catalogs vendors family catalog completions __complete help" -f -a "grep" -d 'Search codes, messages, meanings and fixes (both languages) with a regular expression'
complete -c errcode -n "__fish_errcode_using_subcommand help; and not __fish_seen_subcommand_from lookup status grep scan list catalogs vendors family catalog completions __complete help" -f -a "scan" -d 'Find, explain and count gateway errors in logs: each line carrying one, as grep prints lines'
complete -c errcode -n "__fish_errcode_using_subcommand help; and not __fish_seen_subcommand_from lookup status grep scan list catalogs vendors family catalog completions __complete help" -f -a "list" -d 'List every entry of the loaded catalogs'
complete -c errcode -n "__fish_errcode_using_subcommand help; and not __fish_seen_subcommand_from lookup status grep scan list catalogs vendors family catalog completions __complete help" -f -a "catalogs" -d 'Show the loaded catalogs, where each came from, and their entry counts'
complete -c errcode -n "__fish_errcode_using_subcommand help; and not __fish_seen_subcommand_from lookup status grep scan list catalogs vendors family catalog completions __complete help" -f -a "vendors" -d 'List the loaded vendors, one line each: id, name, and how many catalogs and entries they have'
complete -c errcode -n "__fish_errcode_using_subcommand help; and not __fish_seen_subcommand_from lookup status grep scan list catalogs vendors family catalog completions __complete help" -f -a "family" -d 'List the problem families (the same problem across vendors), or show one with its checklist and members'
complete -c errcode -n "__fish_errcode_using_subcommand help; and not __fish_seen_subcommand_from lookup status grep scan list catalogs vendors family catalog completions __complete help" -f -a "catalog" -d 'Catalog tools: `patterns` (the regexes errcode matches text with), `export` (every entry as a record, for a log engine), `check FILE...` (check catalog files)'
complete -c errcode -n "__fish_errcode_using_subcommand help; and not __fish_seen_subcommand_from lookup status grep scan list catalogs vendors family catalog completions __complete help" -f -a "completions" -d 'Print a shell completion script'
complete -c errcode -n "__fish_errcode_using_subcommand help; and not __fish_seen_subcommand_from lookup status grep scan list catalogs vendors family catalog completions __complete help" -f -a "__complete" -d 'The values the completion scripts offer, one per line, from every loaded catalog (the user\'s too): hidden, for the scripts only (named as cobra\'s, so that no code or message word is taken)'
complete -c errcode -n "__fish_errcode_using_subcommand help; and not __fish_seen_subcommand_from lookup status grep scan list catalogs vendors family catalog completions __complete help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c errcode -n "__fish_errcode_using_subcommand help; and __fish_seen_subcommand_from catalog" -f -a "patterns" -d 'Print every code and message regex, one per line, for grep -E, ripgrep or a log system; with --json, each with the entries it finds'
complete -c errcode -n "__fish_errcode_using_subcommand help; and __fish_seen_subcommand_from catalog" -f -a "export" -d 'Print every entry for a log engine or a spreadsheet: one record each (catalog, vendor, id, code, status, message, meaning, fix, family, sources, schema_version)'
complete -c errcode -n "__fish_errcode_using_subcommand help; and __fish_seen_subcommand_from catalog" -f -a "check" -d 'Check catalog files (or directories of them) as errcode would load them, without loading any other: each error as file:line:column, exit status 2 if any'

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
