
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'errcode' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'errcode'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'errcode' {
            [CompletionResult]::new('--vendor', '--vendor', [CompletionResultType]::ParameterName, 'Only this vendor''s entries (repeatable) [default: every vendor, or the config file''s vendors]')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Languages to show [default: ERRCODE_LANG, else the config file''s, else both]; any case, and as spelt elsewhere: English, en_US; zh-CN, zh_CN, cn, zh-Hans, zh-TW, Chinese, 中文; all')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [default: auto, or the config file''s] (auto: only on a terminal, honouring NO_COLOR and CLICOLOR_FORCE)')
            [CompletionResult]::new('--catalog', '--catalog', [CompletionResultType]::ParameterName, 'Also load catalogs from this .toml file or directory (repeatable; see ERRCODE_CATALOG_PATH)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON: one object (scan: one per matching line, or per file with --count; formats in the README)')
            [CompletionResult]::new('--cards', '--cards', [CompletionResultType]::ParameterName, 'Show every match as a card, with its fix (five or more matches are a table otherwise)')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Never send output through a pager (on a terminal, output longer than the screen goes through ERRCODE_PAGER, PAGER or `less -FRX`)')
            [CompletionResult]::new('--show-paths', '--show-paths', [CompletionResultType]::ParameterName, 'Print where errcode reads its configuration file, catalogs and cache from, and exit')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('lookup', 'lookup', [CompletionResultType]::ParameterValue, 'Explain codes, HTTP statuses or messages (reads standard input when no QUERY, or `-`, is given)')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'List every entry with an HTTP status (429) or status class (4xx), grouped by vendor')
            [CompletionResult]::new('grep', 'grep', [CompletionResultType]::ParameterValue, 'Search codes, messages, meanings and fixes (both languages) with a regular expression')
            [CompletionResult]::new('scan', 'scan', [CompletionResultType]::ParameterValue, 'Find, explain and count gateway errors in logs: each line carrying one, as grep prints lines')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List every entry of the loaded catalogs')
            [CompletionResult]::new('catalogs', 'catalogs', [CompletionResultType]::ParameterValue, 'Show the loaded catalogs, where each came from, and their entry counts')
            [CompletionResult]::new('vendors', 'vendors', [CompletionResultType]::ParameterValue, 'List the loaded vendors, one line each: id, name, and how many catalogs and entries they have')
            [CompletionResult]::new('family', 'family', [CompletionResultType]::ParameterValue, 'List the problem families (the same problem across vendors), or show one with its checklist and members')
            [CompletionResult]::new('catalog', 'catalog', [CompletionResultType]::ParameterValue, 'Catalog tools: `patterns` (the regexes errcode matches text with), `export` (every entry as a record, for a log engine), `check FILE...` (check catalog files)')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('__complete', '__complete', [CompletionResultType]::ParameterValue, 'The values the completion scripts offer, one per line, from every loaded catalog (the user''s too): hidden, for the scripts only (named as cobra''s, so that no code or message word is taken)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'errcode;lookup' {
            [CompletionResult]::new('--vendor', '--vendor', [CompletionResultType]::ParameterName, 'Only this vendor''s entries (repeatable) [default: every vendor, or the config file''s vendors]')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Languages to show [default: ERRCODE_LANG, else the config file''s, else both]; any case, and as spelt elsewhere: English, en_US; zh-CN, zh_CN, cn, zh-Hans, zh-TW, Chinese, 中文; all')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [default: auto, or the config file''s] (auto: only on a terminal, honouring NO_COLOR and CLICOLOR_FORCE)')
            [CompletionResult]::new('--catalog', '--catalog', [CompletionResultType]::ParameterName, 'Also load catalogs from this .toml file or directory (repeatable; see ERRCODE_CATALOG_PATH)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON: one object (scan: one per matching line, or per file with --count; formats in the README)')
            [CompletionResult]::new('--cards', '--cards', [CompletionResultType]::ParameterName, 'Show every match as a card, with its fix (five or more matches are a table otherwise)')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Never send output through a pager (on a terminal, output longer than the screen goes through ERRCODE_PAGER, PAGER or `less -FRX`)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'errcode;status' {
            [CompletionResult]::new('--vendor', '--vendor', [CompletionResultType]::ParameterName, 'Only this vendor''s entries (repeatable) [default: every vendor, or the config file''s vendors]')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Languages to show [default: ERRCODE_LANG, else the config file''s, else both]; any case, and as spelt elsewhere: English, en_US; zh-CN, zh_CN, cn, zh-Hans, zh-TW, Chinese, 中文; all')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [default: auto, or the config file''s] (auto: only on a terminal, honouring NO_COLOR and CLICOLOR_FORCE)')
            [CompletionResult]::new('--catalog', '--catalog', [CompletionResultType]::ParameterName, 'Also load catalogs from this .toml file or directory (repeatable; see ERRCODE_CATALOG_PATH)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON: one object (scan: one per matching line, or per file with --count; formats in the README)')
            [CompletionResult]::new('--cards', '--cards', [CompletionResultType]::ParameterName, 'Show every match as a card, with its fix (five or more matches are a table otherwise)')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Never send output through a pager (on a terminal, output longer than the screen goes through ERRCODE_PAGER, PAGER or `less -FRX`)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'errcode;grep' {
            [CompletionResult]::new('--vendor', '--vendor', [CompletionResultType]::ParameterName, 'Only this vendor''s entries (repeatable) [default: every vendor, or the config file''s vendors]')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Languages to show [default: ERRCODE_LANG, else the config file''s, else both]; any case, and as spelt elsewhere: English, en_US; zh-CN, zh_CN, cn, zh-Hans, zh-TW, Chinese, 中文; all')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [default: auto, or the config file''s] (auto: only on a terminal, honouring NO_COLOR and CLICOLOR_FORCE)')
            [CompletionResult]::new('--catalog', '--catalog', [CompletionResultType]::ParameterName, 'Also load catalogs from this .toml file or directory (repeatable; see ERRCODE_CATALOG_PATH)')
            [CompletionResult]::new('-i', '-i', [CompletionResultType]::ParameterName, 'Ignore case')
            [CompletionResult]::new('--ignore-case', '--ignore-case', [CompletionResultType]::ParameterName, 'Ignore case')
            [CompletionResult]::new('-F', '-F ', [CompletionResultType]::ParameterName, 'Take PATTERN as a literal string, not a regex')
            [CompletionResult]::new('--fixed-strings', '--fixed-strings', [CompletionResultType]::ParameterName, 'Take PATTERN as a literal string, not a regex')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON: one object (scan: one per matching line, or per file with --count; formats in the README)')
            [CompletionResult]::new('--cards', '--cards', [CompletionResultType]::ParameterName, 'Show every match as a card, with its fix (five or more matches are a table otherwise)')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Never send output through a pager (on a terminal, output longer than the screen goes through ERRCODE_PAGER, PAGER or `less -FRX`)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'errcode;scan' {
            [CompletionResult]::new('-j', '-j', [CompletionResultType]::ParameterName, 'Threads that search a large input (0: one per CPU, up to 8; 1: no threads)')
            [CompletionResult]::new('--threads', '--threads', [CompletionResultType]::ParameterName, 'Threads that search a large input (0: one per CPU, up to 8; 1: no threads)')
            [CompletionResult]::new('--vendor', '--vendor', [CompletionResultType]::ParameterName, 'Only this vendor''s entries (repeatable) [default: every vendor, or the config file''s vendors]')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Languages to show [default: ERRCODE_LANG, else the config file''s, else both]; any case, and as spelt elsewhere: English, en_US; zh-CN, zh_CN, cn, zh-Hans, zh-TW, Chinese, 中文; all')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [default: auto, or the config file''s] (auto: only on a terminal, honouring NO_COLOR and CLICOLOR_FORCE)')
            [CompletionResult]::new('--catalog', '--catalog', [CompletionResultType]::ParameterName, 'Also load catalogs from this .toml file or directory (repeatable; see ERRCODE_CATALOG_PATH)')
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'Scan the files below directories')
            [CompletionResult]::new('--recursive', '--recursive', [CompletionResultType]::ParameterName, 'Scan the files below directories')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Print the number of matching lines per input instead of the lines')
            [CompletionResult]::new('--count', '--count', [CompletionResultType]::ParameterName, 'Print the number of matching lines per input instead of the lines')
            [CompletionResult]::new('--summary', '--summary', [CompletionResultType]::ParameterName, 'Print counts per error over all input (most frequent first), with totals per vendor and status')
            [CompletionResult]::new('--binary', '--binary', [CompletionResultType]::ParameterName, 'Also scan files that look binary (a NUL byte in their first 8 KiB) found below directories')
            [CompletionResult]::new('-z', '-z', [CompletionResultType]::ParameterName, 'Read gzip, bzip2, xz and zstd input decompressed (without it, compressed input is refused)')
            [CompletionResult]::new('--search-zip', '--search-zip', [CompletionResultType]::ParameterName, 'Read gzip, bzip2, xz and zstd input decompressed (without it, compressed input is refused)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON: one object (scan: one per matching line, or per file with --count; formats in the README)')
            [CompletionResult]::new('--cards', '--cards', [CompletionResultType]::ParameterName, 'Show every match as a card, with its fix (five or more matches are a table otherwise)')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Never send output through a pager (on a terminal, output longer than the screen goes through ERRCODE_PAGER, PAGER or `less -FRX`)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'errcode;list' {
            [CompletionResult]::new('--vendor', '--vendor', [CompletionResultType]::ParameterName, 'Only this vendor''s entries (repeatable) [default: every vendor, or the config file''s vendors]')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Languages to show [default: ERRCODE_LANG, else the config file''s, else both]; any case, and as spelt elsewhere: English, en_US; zh-CN, zh_CN, cn, zh-Hans, zh-TW, Chinese, 中文; all')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [default: auto, or the config file''s] (auto: only on a terminal, honouring NO_COLOR and CLICOLOR_FORCE)')
            [CompletionResult]::new('--catalog', '--catalog', [CompletionResultType]::ParameterName, 'Also load catalogs from this .toml file or directory (repeatable; see ERRCODE_CATALOG_PATH)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON: one object (scan: one per matching line, or per file with --count; formats in the README)')
            [CompletionResult]::new('--cards', '--cards', [CompletionResultType]::ParameterName, 'Show every match as a card, with its fix (five or more matches are a table otherwise)')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Never send output through a pager (on a terminal, output longer than the screen goes through ERRCODE_PAGER, PAGER or `less -FRX`)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'errcode;catalogs' {
            [CompletionResult]::new('--vendor', '--vendor', [CompletionResultType]::ParameterName, 'Only this vendor''s entries (repeatable) [default: every vendor, or the config file''s vendors]')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Languages to show [default: ERRCODE_LANG, else the config file''s, else both]; any case, and as spelt elsewhere: English, en_US; zh-CN, zh_CN, cn, zh-Hans, zh-TW, Chinese, 中文; all')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [default: auto, or the config file''s] (auto: only on a terminal, honouring NO_COLOR and CLICOLOR_FORCE)')
            [CompletionResult]::new('--catalog', '--catalog', [CompletionResultType]::ParameterName, 'Also load catalogs from this .toml file or directory (repeatable; see ERRCODE_CATALOG_PATH)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON: one object (scan: one per matching line, or per file with --count; formats in the README)')
            [CompletionResult]::new('--cards', '--cards', [CompletionResultType]::ParameterName, 'Show every match as a card, with its fix (five or more matches are a table otherwise)')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Never send output through a pager (on a terminal, output longer than the screen goes through ERRCODE_PAGER, PAGER or `less -FRX`)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'errcode;vendors' {
            [CompletionResult]::new('--vendor', '--vendor', [CompletionResultType]::ParameterName, 'Only this vendor''s entries (repeatable) [default: every vendor, or the config file''s vendors]')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Languages to show [default: ERRCODE_LANG, else the config file''s, else both]; any case, and as spelt elsewhere: English, en_US; zh-CN, zh_CN, cn, zh-Hans, zh-TW, Chinese, 中文; all')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [default: auto, or the config file''s] (auto: only on a terminal, honouring NO_COLOR and CLICOLOR_FORCE)')
            [CompletionResult]::new('--catalog', '--catalog', [CompletionResultType]::ParameterName, 'Also load catalogs from this .toml file or directory (repeatable; see ERRCODE_CATALOG_PATH)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON: one object (scan: one per matching line, or per file with --count; formats in the README)')
            [CompletionResult]::new('--cards', '--cards', [CompletionResultType]::ParameterName, 'Show every match as a card, with its fix (five or more matches are a table otherwise)')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Never send output through a pager (on a terminal, output longer than the screen goes through ERRCODE_PAGER, PAGER or `less -FRX`)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'errcode;family' {
            [CompletionResult]::new('--vendor', '--vendor', [CompletionResultType]::ParameterName, 'Only this vendor''s entries (repeatable) [default: every vendor, or the config file''s vendors]')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Languages to show [default: ERRCODE_LANG, else the config file''s, else both]; any case, and as spelt elsewhere: English, en_US; zh-CN, zh_CN, cn, zh-Hans, zh-TW, Chinese, 中文; all')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [default: auto, or the config file''s] (auto: only on a terminal, honouring NO_COLOR and CLICOLOR_FORCE)')
            [CompletionResult]::new('--catalog', '--catalog', [CompletionResultType]::ParameterName, 'Also load catalogs from this .toml file or directory (repeatable; see ERRCODE_CATALOG_PATH)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON: one object (scan: one per matching line, or per file with --count; formats in the README)')
            [CompletionResult]::new('--cards', '--cards', [CompletionResultType]::ParameterName, 'Show every match as a card, with its fix (five or more matches are a table otherwise)')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Never send output through a pager (on a terminal, output longer than the screen goes through ERRCODE_PAGER, PAGER or `less -FRX`)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'errcode;catalog' {
            [CompletionResult]::new('--vendor', '--vendor', [CompletionResultType]::ParameterName, 'Only this vendor''s entries (repeatable) [default: every vendor, or the config file''s vendors]')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Languages to show [default: ERRCODE_LANG, else the config file''s, else both]; any case, and as spelt elsewhere: English, en_US; zh-CN, zh_CN, cn, zh-Hans, zh-TW, Chinese, 中文; all')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [default: auto, or the config file''s] (auto: only on a terminal, honouring NO_COLOR and CLICOLOR_FORCE)')
            [CompletionResult]::new('--catalog', '--catalog', [CompletionResultType]::ParameterName, 'Also load catalogs from this .toml file or directory (repeatable; see ERRCODE_CATALOG_PATH)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON: one object (scan: one per matching line, or per file with --count; formats in the README)')
            [CompletionResult]::new('--cards', '--cards', [CompletionResultType]::ParameterName, 'Show every match as a card, with its fix (five or more matches are a table otherwise)')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Never send output through a pager (on a terminal, output longer than the screen goes through ERRCODE_PAGER, PAGER or `less -FRX`)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('patterns', 'patterns', [CompletionResultType]::ParameterValue, 'Print every code and message regex, one per line, for grep -E, ripgrep or a log system; with --json, each with the entries it finds')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Print every entry for a log engine or a spreadsheet: one record each (catalog, vendor, id, code, status, message, meaning, fix, family, sources, schema_version)')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Check catalog files (or directories of them) as errcode would load them, without loading any other: each error as file:line:column, exit status 2 if any')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'errcode;catalog;patterns' {
            [CompletionResult]::new('--dialect', '--dialect', [CompletionResultType]::ParameterName, 'The regex syntax to write: grep (grep -E, ripgrep), re2 (ClickHouse, Loki, Go), pcre (grep -P, Hyperscan), rust (Vector); the last three name the placeholders'' groups')
            [CompletionResult]::new('--vendor', '--vendor', [CompletionResultType]::ParameterName, 'Only this vendor''s entries (repeatable) [default: every vendor, or the config file''s vendors]')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Languages to show [default: ERRCODE_LANG, else the config file''s, else both]; any case, and as spelt elsewhere: English, en_US; zh-CN, zh_CN, cn, zh-Hans, zh-TW, Chinese, 中文; all')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [default: auto, or the config file''s] (auto: only on a terminal, honouring NO_COLOR and CLICOLOR_FORCE)')
            [CompletionResult]::new('--catalog', '--catalog', [CompletionResultType]::ParameterName, 'Also load catalogs from this .toml file or directory (repeatable; see ERRCODE_CATALOG_PATH)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON: one object (scan: one per matching line, or per file with --count; formats in the README)')
            [CompletionResult]::new('--cards', '--cards', [CompletionResultType]::ParameterName, 'Show every match as a card, with its fix (five or more matches are a table otherwise)')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Never send output through a pager (on a terminal, output longer than the screen goes through ERRCODE_PAGER, PAGER or `less -FRX`)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'errcode;catalog;export' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'json: one object; ndjson: one object per line; csv: a header, then a line per entry')
            [CompletionResult]::new('--vendor', '--vendor', [CompletionResultType]::ParameterName, 'Only this vendor''s entries (repeatable) [default: every vendor, or the config file''s vendors]')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Languages to show [default: ERRCODE_LANG, else the config file''s, else both]; any case, and as spelt elsewhere: English, en_US; zh-CN, zh_CN, cn, zh-Hans, zh-TW, Chinese, 中文; all')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [default: auto, or the config file''s] (auto: only on a terminal, honouring NO_COLOR and CLICOLOR_FORCE)')
            [CompletionResult]::new('--catalog', '--catalog', [CompletionResultType]::ParameterName, 'Also load catalogs from this .toml file or directory (repeatable; see ERRCODE_CATALOG_PATH)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON: one object (scan: one per matching line, or per file with --count; formats in the README)')
            [CompletionResult]::new('--cards', '--cards', [CompletionResultType]::ParameterName, 'Show every match as a card, with its fix (five or more matches are a table otherwise)')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Never send output through a pager (on a terminal, output longer than the screen goes through ERRCODE_PAGER, PAGER or `less -FRX`)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'errcode;catalog;check' {
            [CompletionResult]::new('--vendor', '--vendor', [CompletionResultType]::ParameterName, 'Only this vendor''s entries (repeatable) [default: every vendor, or the config file''s vendors]')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Languages to show [default: ERRCODE_LANG, else the config file''s, else both]; any case, and as spelt elsewhere: English, en_US; zh-CN, zh_CN, cn, zh-Hans, zh-TW, Chinese, 中文; all')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [default: auto, or the config file''s] (auto: only on a terminal, honouring NO_COLOR and CLICOLOR_FORCE)')
            [CompletionResult]::new('--catalog', '--catalog', [CompletionResultType]::ParameterName, 'Also load catalogs from this .toml file or directory (repeatable; see ERRCODE_CATALOG_PATH)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON: one object (scan: one per matching line, or per file with --count; formats in the README)')
            [CompletionResult]::new('--cards', '--cards', [CompletionResultType]::ParameterName, 'Show every match as a card, with its fix (five or more matches are a table otherwise)')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Never send output through a pager (on a terminal, output longer than the screen goes through ERRCODE_PAGER, PAGER or `less -FRX`)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'errcode;catalog;help' {
            [CompletionResult]::new('patterns', 'patterns', [CompletionResultType]::ParameterValue, 'Print every code and message regex, one per line, for grep -E, ripgrep or a log system; with --json, each with the entries it finds')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Print every entry for a log engine or a spreadsheet: one record each (catalog, vendor, id, code, status, message, meaning, fix, family, sources, schema_version)')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Check catalog files (or directories of them) as errcode would load them, without loading any other: each error as file:line:column, exit status 2 if any')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'errcode;catalog;help;patterns' {
            break
        }
        'errcode;catalog;help;export' {
            break
        }
        'errcode;catalog;help;check' {
            break
        }
        'errcode;catalog;help;help' {
            break
        }
        'errcode;completions' {
            [CompletionResult]::new('--vendor', '--vendor', [CompletionResultType]::ParameterName, 'Only this vendor''s entries (repeatable) [default: every vendor, or the config file''s vendors]')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Languages to show [default: ERRCODE_LANG, else the config file''s, else both]; any case, and as spelt elsewhere: English, en_US; zh-CN, zh_CN, cn, zh-Hans, zh-TW, Chinese, 中文; all')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [default: auto, or the config file''s] (auto: only on a terminal, honouring NO_COLOR and CLICOLOR_FORCE)')
            [CompletionResult]::new('--catalog', '--catalog', [CompletionResultType]::ParameterName, 'Also load catalogs from this .toml file or directory (repeatable; see ERRCODE_CATALOG_PATH)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON: one object (scan: one per matching line, or per file with --count; formats in the README)')
            [CompletionResult]::new('--cards', '--cards', [CompletionResultType]::ParameterName, 'Show every match as a card, with its fix (five or more matches are a table otherwise)')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Never send output through a pager (on a terminal, output longer than the screen goes through ERRCODE_PAGER, PAGER or `less -FRX`)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'errcode;__complete' {
            [CompletionResult]::new('--vendor', '--vendor', [CompletionResultType]::ParameterName, 'Only this vendor''s entries (repeatable) [default: every vendor, or the config file''s vendors]')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Languages to show [default: ERRCODE_LANG, else the config file''s, else both]; any case, and as spelt elsewhere: English, en_US; zh-CN, zh_CN, cn, zh-Hans, zh-TW, Chinese, 中文; all')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [default: auto, or the config file''s] (auto: only on a terminal, honouring NO_COLOR and CLICOLOR_FORCE)')
            [CompletionResult]::new('--catalog', '--catalog', [CompletionResultType]::ParameterName, 'Also load catalogs from this .toml file or directory (repeatable; see ERRCODE_CATALOG_PATH)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON: one object (scan: one per matching line, or per file with --count; formats in the README)')
            [CompletionResult]::new('--cards', '--cards', [CompletionResultType]::ParameterName, 'Show every match as a card, with its fix (five or more matches are a table otherwise)')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Never send output through a pager (on a terminal, output longer than the screen goes through ERRCODE_PAGER, PAGER or `less -FRX`)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'errcode;help' {
            [CompletionResult]::new('lookup', 'lookup', [CompletionResultType]::ParameterValue, 'Explain codes, HTTP statuses or messages (reads standard input when no QUERY, or `-`, is given)')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'List every entry with an HTTP status (429) or status class (4xx), grouped by vendor')
            [CompletionResult]::new('grep', 'grep', [CompletionResultType]::ParameterValue, 'Search codes, messages, meanings and fixes (both languages) with a regular expression')
            [CompletionResult]::new('scan', 'scan', [CompletionResultType]::ParameterValue, 'Find, explain and count gateway errors in logs: each line carrying one, as grep prints lines')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List every entry of the loaded catalogs')
            [CompletionResult]::new('catalogs', 'catalogs', [CompletionResultType]::ParameterValue, 'Show the loaded catalogs, where each came from, and their entry counts')
            [CompletionResult]::new('vendors', 'vendors', [CompletionResultType]::ParameterValue, 'List the loaded vendors, one line each: id, name, and how many catalogs and entries they have')
            [CompletionResult]::new('family', 'family', [CompletionResultType]::ParameterValue, 'List the problem families (the same problem across vendors), or show one with its checklist and members')
            [CompletionResult]::new('catalog', 'catalog', [CompletionResultType]::ParameterValue, 'Catalog tools: `patterns` (the regexes errcode matches text with), `export` (every entry as a record, for a log engine), `check FILE...` (check catalog files)')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('__complete', '__complete', [CompletionResultType]::ParameterValue, 'The values the completion scripts offer, one per line, from every loaded catalog (the user''s too): hidden, for the scripts only (named as cobra''s, so that no code or message word is taken)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'errcode;help;lookup' {
            break
        }
        'errcode;help;status' {
            break
        }
        'errcode;help;grep' {
            break
        }
        'errcode;help;scan' {
            break
        }
        'errcode;help;list' {
            break
        }
        'errcode;help;catalogs' {
            break
        }
        'errcode;help;vendors' {
            break
        }
        'errcode;help;family' {
            break
        }
        'errcode;help;catalog' {
            [CompletionResult]::new('patterns', 'patterns', [CompletionResultType]::ParameterValue, 'Print every code and message regex, one per line, for grep -E, ripgrep or a log system; with --json, each with the entries it finds')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Print every entry for a log engine or a spreadsheet: one record each (catalog, vendor, id, code, status, message, meaning, fix, family, sources, schema_version)')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Check catalog files (or directories of them) as errcode would load them, without loading any other: each error as file:line:column, exit status 2 if any')
            break
        }
        'errcode;help;catalog;patterns' {
            break
        }
        'errcode;help;catalog;export' {
            break
        }
        'errcode;help;catalog;check' {
            break
        }
        'errcode;help;completions' {
            break
        }
        'errcode;help;__complete' {
            break
        }
        'errcode;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
