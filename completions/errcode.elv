
use builtin;
use str;

set edit:completion:arg-completer[errcode] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'errcode'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'errcode'= {
            cand --vendor 'Only this vendor''s entries (repeatable) [default: every vendor, or the config file''s vendors]'
            cand --lang 'Languages to show [default: ERRCODE_LANG, else the config file''s, else both]; any case, and as spelt elsewhere: English, en_US; zh-CN, zh_CN, cn, zh-Hans, zh-TW, Chinese, 中文; all'
            cand --color 'When to use colour [default: auto, or the config file''s] (auto: only on a terminal, honouring NO_COLOR and CLICOLOR_FORCE)'
            cand --catalog 'Also load catalogs from this .toml file or directory (repeatable; see ERRCODE_CATALOG_PATH)'
            cand --json 'Print JSON: one object (scan: one per matching line, or per file with --count; formats in the README)'
            cand --cards 'Show every match as a card, with its fix (five or more matches are a table otherwise)'
            cand --no-pager 'Never send output through a pager (on a terminal, output longer than the screen goes through ERRCODE_PAGER, PAGER or `less -FRX`)'
            cand --show-paths 'Print where errcode reads its configuration file, catalogs and cache from, and exit'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand lookup 'Explain codes, HTTP statuses or messages (reads standard input when no QUERY, or `-`, is given)'
            cand status 'List every entry with an HTTP status (429) or status class (4xx), grouped by vendor'
            cand grep 'Search codes, messages, meanings and fixes (both languages) with a regular expression'
            cand scan 'Find, explain and count gateway errors in logs: each line carrying one, as grep prints lines'
            cand list 'List every entry of the loaded catalogs'
            cand catalogs 'Show the loaded catalogs, where each came from, and their entry counts'
            cand vendors 'List the loaded vendors, one line each: id, name, and how many catalogs and entries they have'
            cand family 'List the problem families (the same problem across vendors), or show one with its checklist and members'
            cand catalog 'Catalog tools: `patterns` (the regexes errcode matches text with), `export` (every entry as a record, for a log engine), `check FILE...` (check catalog files)'
            cand completions 'Print a shell completion script'
            cand __complete 'The values the completion scripts offer, one per line, from every loaded catalog (the user''s too): hidden, for the scripts only (named as cobra''s, so that no code or message word is taken)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'errcode;lookup'= {
            cand --vendor 'Only this vendor''s entries (repeatable) [default: every vendor, or the config file''s vendors]'
            cand --lang 'Languages to show [default: ERRCODE_LANG, else the config file''s, else both]; any case, and as spelt elsewhere: English, en_US; zh-CN, zh_CN, cn, zh-Hans, zh-TW, Chinese, 中文; all'
            cand --color 'When to use colour [default: auto, or the config file''s] (auto: only on a terminal, honouring NO_COLOR and CLICOLOR_FORCE)'
            cand --catalog 'Also load catalogs from this .toml file or directory (repeatable; see ERRCODE_CATALOG_PATH)'
            cand --json 'Print JSON: one object (scan: one per matching line, or per file with --count; formats in the README)'
            cand --cards 'Show every match as a card, with its fix (five or more matches are a table otherwise)'
            cand --no-pager 'Never send output through a pager (on a terminal, output longer than the screen goes through ERRCODE_PAGER, PAGER or `less -FRX`)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'errcode;status'= {
            cand --vendor 'Only this vendor''s entries (repeatable) [default: every vendor, or the config file''s vendors]'
            cand --lang 'Languages to show [default: ERRCODE_LANG, else the config file''s, else both]; any case, and as spelt elsewhere: English, en_US; zh-CN, zh_CN, cn, zh-Hans, zh-TW, Chinese, 中文; all'
            cand --color 'When to use colour [default: auto, or the config file''s] (auto: only on a terminal, honouring NO_COLOR and CLICOLOR_FORCE)'
            cand --catalog 'Also load catalogs from this .toml file or directory (repeatable; see ERRCODE_CATALOG_PATH)'
            cand --json 'Print JSON: one object (scan: one per matching line, or per file with --count; formats in the README)'
            cand --cards 'Show every match as a card, with its fix (five or more matches are a table otherwise)'
            cand --no-pager 'Never send output through a pager (on a terminal, output longer than the screen goes through ERRCODE_PAGER, PAGER or `less -FRX`)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'errcode;grep'= {
            cand --vendor 'Only this vendor''s entries (repeatable) [default: every vendor, or the config file''s vendors]'
            cand --lang 'Languages to show [default: ERRCODE_LANG, else the config file''s, else both]; any case, and as spelt elsewhere: English, en_US; zh-CN, zh_CN, cn, zh-Hans, zh-TW, Chinese, 中文; all'
            cand --color 'When to use colour [default: auto, or the config file''s] (auto: only on a terminal, honouring NO_COLOR and CLICOLOR_FORCE)'
            cand --catalog 'Also load catalogs from this .toml file or directory (repeatable; see ERRCODE_CATALOG_PATH)'
            cand -i 'Ignore case'
            cand --ignore-case 'Ignore case'
            cand -F 'Take PATTERN as a literal string, not a regex'
            cand --fixed-strings 'Take PATTERN as a literal string, not a regex'
            cand --json 'Print JSON: one object (scan: one per matching line, or per file with --count; formats in the README)'
            cand --cards 'Show every match as a card, with its fix (five or more matches are a table otherwise)'
            cand --no-pager 'Never send output through a pager (on a terminal, output longer than the screen goes through ERRCODE_PAGER, PAGER or `less -FRX`)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'errcode;scan'= {
            cand -j 'Threads that search a large input (0: one per CPU, up to 8; 1: no threads)'
            cand --threads 'Threads that search a large input (0: one per CPU, up to 8; 1: no threads)'
            cand --vendor 'Only this vendor''s entries (repeatable) [default: every vendor, or the config file''s vendors]'
            cand --lang 'Languages to show [default: ERRCODE_LANG, else the config file''s, else both]; any case, and as spelt elsewhere: English, en_US; zh-CN, zh_CN, cn, zh-Hans, zh-TW, Chinese, 中文; all'
            cand --color 'When to use colour [default: auto, or the config file''s] (auto: only on a terminal, honouring NO_COLOR and CLICOLOR_FORCE)'
            cand --catalog 'Also load catalogs from this .toml file or directory (repeatable; see ERRCODE_CATALOG_PATH)'
            cand -r 'Scan the files below directories'
            cand --recursive 'Scan the files below directories'
            cand -c 'Print the number of matching lines per input instead of the lines'
            cand --count 'Print the number of matching lines per input instead of the lines'
            cand --summary 'Print counts per error over all input (most frequent first), with totals per vendor and status'
            cand --binary 'Also scan files that look binary (a NUL byte in their first 8 KiB) found below directories'
            cand -z 'Read gzip, bzip2, xz and zstd input decompressed (without it, compressed input is refused)'
            cand --search-zip 'Read gzip, bzip2, xz and zstd input decompressed (without it, compressed input is refused)'
            cand --json 'Print JSON: one object (scan: one per matching line, or per file with --count; formats in the README)'
            cand --cards 'Show every match as a card, with its fix (five or more matches are a table otherwise)'
            cand --no-pager 'Never send output through a pager (on a terminal, output longer than the screen goes through ERRCODE_PAGER, PAGER or `less -FRX`)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'errcode;list'= {
            cand --vendor 'Only this vendor''s entries (repeatable) [default: every vendor, or the config file''s vendors]'
            cand --lang 'Languages to show [default: ERRCODE_LANG, else the config file''s, else both]; any case, and as spelt elsewhere: English, en_US; zh-CN, zh_CN, cn, zh-Hans, zh-TW, Chinese, 中文; all'
            cand --color 'When to use colour [default: auto, or the config file''s] (auto: only on a terminal, honouring NO_COLOR and CLICOLOR_FORCE)'
            cand --catalog 'Also load catalogs from this .toml file or directory (repeatable; see ERRCODE_CATALOG_PATH)'
            cand --json 'Print JSON: one object (scan: one per matching line, or per file with --count; formats in the README)'
            cand --cards 'Show every match as a card, with its fix (five or more matches are a table otherwise)'
            cand --no-pager 'Never send output through a pager (on a terminal, output longer than the screen goes through ERRCODE_PAGER, PAGER or `less -FRX`)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'errcode;catalogs'= {
            cand --vendor 'Only this vendor''s entries (repeatable) [default: every vendor, or the config file''s vendors]'
            cand --lang 'Languages to show [default: ERRCODE_LANG, else the config file''s, else both]; any case, and as spelt elsewhere: English, en_US; zh-CN, zh_CN, cn, zh-Hans, zh-TW, Chinese, 中文; all'
            cand --color 'When to use colour [default: auto, or the config file''s] (auto: only on a terminal, honouring NO_COLOR and CLICOLOR_FORCE)'
            cand --catalog 'Also load catalogs from this .toml file or directory (repeatable; see ERRCODE_CATALOG_PATH)'
            cand --json 'Print JSON: one object (scan: one per matching line, or per file with --count; formats in the README)'
            cand --cards 'Show every match as a card, with its fix (five or more matches are a table otherwise)'
            cand --no-pager 'Never send output through a pager (on a terminal, output longer than the screen goes through ERRCODE_PAGER, PAGER or `less -FRX`)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'errcode;vendors'= {
            cand --vendor 'Only this vendor''s entries (repeatable) [default: every vendor, or the config file''s vendors]'
            cand --lang 'Languages to show [default: ERRCODE_LANG, else the config file''s, else both]; any case, and as spelt elsewhere: English, en_US; zh-CN, zh_CN, cn, zh-Hans, zh-TW, Chinese, 中文; all'
            cand --color 'When to use colour [default: auto, or the config file''s] (auto: only on a terminal, honouring NO_COLOR and CLICOLOR_FORCE)'
            cand --catalog 'Also load catalogs from this .toml file or directory (repeatable; see ERRCODE_CATALOG_PATH)'
            cand --json 'Print JSON: one object (scan: one per matching line, or per file with --count; formats in the README)'
            cand --cards 'Show every match as a card, with its fix (five or more matches are a table otherwise)'
            cand --no-pager 'Never send output through a pager (on a terminal, output longer than the screen goes through ERRCODE_PAGER, PAGER or `less -FRX`)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'errcode;family'= {
            cand --vendor 'Only this vendor''s entries (repeatable) [default: every vendor, or the config file''s vendors]'
            cand --lang 'Languages to show [default: ERRCODE_LANG, else the config file''s, else both]; any case, and as spelt elsewhere: English, en_US; zh-CN, zh_CN, cn, zh-Hans, zh-TW, Chinese, 中文; all'
            cand --color 'When to use colour [default: auto, or the config file''s] (auto: only on a terminal, honouring NO_COLOR and CLICOLOR_FORCE)'
            cand --catalog 'Also load catalogs from this .toml file or directory (repeatable; see ERRCODE_CATALOG_PATH)'
            cand --json 'Print JSON: one object (scan: one per matching line, or per file with --count; formats in the README)'
            cand --cards 'Show every match as a card, with its fix (five or more matches are a table otherwise)'
            cand --no-pager 'Never send output through a pager (on a terminal, output longer than the screen goes through ERRCODE_PAGER, PAGER or `less -FRX`)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'errcode;catalog'= {
            cand --vendor 'Only this vendor''s entries (repeatable) [default: every vendor, or the config file''s vendors]'
            cand --lang 'Languages to show [default: ERRCODE_LANG, else the config file''s, else both]; any case, and as spelt elsewhere: English, en_US; zh-CN, zh_CN, cn, zh-Hans, zh-TW, Chinese, 中文; all'
            cand --color 'When to use colour [default: auto, or the config file''s] (auto: only on a terminal, honouring NO_COLOR and CLICOLOR_FORCE)'
            cand --catalog 'Also load catalogs from this .toml file or directory (repeatable; see ERRCODE_CATALOG_PATH)'
            cand --json 'Print JSON: one object (scan: one per matching line, or per file with --count; formats in the README)'
            cand --cards 'Show every match as a card, with its fix (five or more matches are a table otherwise)'
            cand --no-pager 'Never send output through a pager (on a terminal, output longer than the screen goes through ERRCODE_PAGER, PAGER or `less -FRX`)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand patterns 'Print every code and message regex, one per line, for grep -E, ripgrep or a log system; with --json, each with the entries it finds'
            cand export 'Print every entry for a log engine or a spreadsheet: one record each (catalog, vendor, id, code, status, message, meaning, fix, family, sources, schema_version)'
            cand check 'Check catalog files (or directories of them) as errcode would load them, without loading any other: each error as file:line:column, exit status 2 if any'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'errcode;catalog;patterns'= {
            cand --dialect 'The regex syntax to write: grep (grep -E, ripgrep), re2 (ClickHouse, Loki, Go), pcre (grep -P, Hyperscan), rust (Vector); the last three name the placeholders'' groups'
            cand --vendor 'Only this vendor''s entries (repeatable) [default: every vendor, or the config file''s vendors]'
            cand --lang 'Languages to show [default: ERRCODE_LANG, else the config file''s, else both]; any case, and as spelt elsewhere: English, en_US; zh-CN, zh_CN, cn, zh-Hans, zh-TW, Chinese, 中文; all'
            cand --color 'When to use colour [default: auto, or the config file''s] (auto: only on a terminal, honouring NO_COLOR and CLICOLOR_FORCE)'
            cand --catalog 'Also load catalogs from this .toml file or directory (repeatable; see ERRCODE_CATALOG_PATH)'
            cand --json 'Print JSON: one object (scan: one per matching line, or per file with --count; formats in the README)'
            cand --cards 'Show every match as a card, with its fix (five or more matches are a table otherwise)'
            cand --no-pager 'Never send output through a pager (on a terminal, output longer than the screen goes through ERRCODE_PAGER, PAGER or `less -FRX`)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'errcode;catalog;export'= {
            cand --format 'json: one object; ndjson: one object per line; csv: a header, then a line per entry'
            cand --vendor 'Only this vendor''s entries (repeatable) [default: every vendor, or the config file''s vendors]'
            cand --lang 'Languages to show [default: ERRCODE_LANG, else the config file''s, else both]; any case, and as spelt elsewhere: English, en_US; zh-CN, zh_CN, cn, zh-Hans, zh-TW, Chinese, 中文; all'
            cand --color 'When to use colour [default: auto, or the config file''s] (auto: only on a terminal, honouring NO_COLOR and CLICOLOR_FORCE)'
            cand --catalog 'Also load catalogs from this .toml file or directory (repeatable; see ERRCODE_CATALOG_PATH)'
            cand --json 'Print JSON: one object (scan: one per matching line, or per file with --count; formats in the README)'
            cand --cards 'Show every match as a card, with its fix (five or more matches are a table otherwise)'
            cand --no-pager 'Never send output through a pager (on a terminal, output longer than the screen goes through ERRCODE_PAGER, PAGER or `less -FRX`)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'errcode;catalog;check'= {
            cand --vendor 'Only this vendor''s entries (repeatable) [default: every vendor, or the config file''s vendors]'
            cand --lang 'Languages to show [default: ERRCODE_LANG, else the config file''s, else both]; any case, and as spelt elsewhere: English, en_US; zh-CN, zh_CN, cn, zh-Hans, zh-TW, Chinese, 中文; all'
            cand --color 'When to use colour [default: auto, or the config file''s] (auto: only on a terminal, honouring NO_COLOR and CLICOLOR_FORCE)'
            cand --catalog 'Also load catalogs from this .toml file or directory (repeatable; see ERRCODE_CATALOG_PATH)'
            cand --json 'Print JSON: one object (scan: one per matching line, or per file with --count; formats in the README)'
            cand --cards 'Show every match as a card, with its fix (five or more matches are a table otherwise)'
            cand --no-pager 'Never send output through a pager (on a terminal, output longer than the screen goes through ERRCODE_PAGER, PAGER or `less -FRX`)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'errcode;catalog;help'= {
            cand patterns 'Print every code and message regex, one per line, for grep -E, ripgrep or a log system; with --json, each with the entries it finds'
            cand export 'Print every entry for a log engine or a spreadsheet: one record each (catalog, vendor, id, code, status, message, meaning, fix, family, sources, schema_version)'
            cand check 'Check catalog files (or directories of them) as errcode would load them, without loading any other: each error as file:line:column, exit status 2 if any'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'errcode;catalog;help;patterns'= {
        }
        &'errcode;catalog;help;export'= {
        }
        &'errcode;catalog;help;check'= {
        }
        &'errcode;catalog;help;help'= {
        }
        &'errcode;completions'= {
            cand --vendor 'Only this vendor''s entries (repeatable) [default: every vendor, or the config file''s vendors]'
            cand --lang 'Languages to show [default: ERRCODE_LANG, else the config file''s, else both]; any case, and as spelt elsewhere: English, en_US; zh-CN, zh_CN, cn, zh-Hans, zh-TW, Chinese, 中文; all'
            cand --color 'When to use colour [default: auto, or the config file''s] (auto: only on a terminal, honouring NO_COLOR and CLICOLOR_FORCE)'
            cand --catalog 'Also load catalogs from this .toml file or directory (repeatable; see ERRCODE_CATALOG_PATH)'
            cand --json 'Print JSON: one object (scan: one per matching line, or per file with --count; formats in the README)'
            cand --cards 'Show every match as a card, with its fix (five or more matches are a table otherwise)'
            cand --no-pager 'Never send output through a pager (on a terminal, output longer than the screen goes through ERRCODE_PAGER, PAGER or `less -FRX`)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'errcode;__complete'= {
            cand --vendor 'Only this vendor''s entries (repeatable) [default: every vendor, or the config file''s vendors]'
            cand --lang 'Languages to show [default: ERRCODE_LANG, else the config file''s, else both]; any case, and as spelt elsewhere: English, en_US; zh-CN, zh_CN, cn, zh-Hans, zh-TW, Chinese, 中文; all'
            cand --color 'When to use colour [default: auto, or the config file''s] (auto: only on a terminal, honouring NO_COLOR and CLICOLOR_FORCE)'
            cand --catalog 'Also load catalogs from this .toml file or directory (repeatable; see ERRCODE_CATALOG_PATH)'
            cand --json 'Print JSON: one object (scan: one per matching line, or per file with --count; formats in the README)'
            cand --cards 'Show every match as a card, with its fix (five or more matches are a table otherwise)'
            cand --no-pager 'Never send output through a pager (on a terminal, output longer than the screen goes through ERRCODE_PAGER, PAGER or `less -FRX`)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'errcode;help'= {
            cand lookup 'Explain codes, HTTP statuses or messages (reads standard input when no QUERY, or `-`, is given)'
            cand status 'List every entry with an HTTP status (429) or status class (4xx), grouped by vendor'
            cand grep 'Search codes, messages, meanings and fixes (both languages) with a regular expression'
            cand scan 'Find, explain and count gateway errors in logs: each line carrying one, as grep prints lines'
            cand list 'List every entry of the loaded catalogs'
            cand catalogs 'Show the loaded catalogs, where each came from, and their entry counts'
            cand vendors 'List the loaded vendors, one line each: id, name, and how many catalogs and entries they have'
            cand family 'List the problem families (the same problem across vendors), or show one with its checklist and members'
            cand catalog 'Catalog tools: `patterns` (the regexes errcode matches text with), `export` (every entry as a record, for a log engine), `check FILE...` (check catalog files)'
            cand completions 'Print a shell completion script'
            cand __complete 'The values the completion scripts offer, one per line, from every loaded catalog (the user''s too): hidden, for the scripts only (named as cobra''s, so that no code or message word is taken)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'errcode;help;lookup'= {
        }
        &'errcode;help;status'= {
        }
        &'errcode;help;grep'= {
        }
        &'errcode;help;scan'= {
        }
        &'errcode;help;list'= {
        }
        &'errcode;help;catalogs'= {
        }
        &'errcode;help;vendors'= {
        }
        &'errcode;help;family'= {
        }
        &'errcode;help;catalog'= {
            cand patterns 'Print every code and message regex, one per line, for grep -E, ripgrep or a log system; with --json, each with the entries it finds'
            cand export 'Print every entry for a log engine or a spreadsheet: one record each (catalog, vendor, id, code, status, message, meaning, fix, family, sources, schema_version)'
            cand check 'Check catalog files (or directories of them) as errcode would load them, without loading any other: each error as file:line:column, exit status 2 if any'
        }
        &'errcode;help;catalog;patterns'= {
        }
        &'errcode;help;catalog;export'= {
        }
        &'errcode;help;catalog;check'= {
        }
        &'errcode;help;completions'= {
        }
        &'errcode;help;__complete'= {
        }
        &'errcode;help;help'= {
        }
    ]
    $completions[$command]
}
