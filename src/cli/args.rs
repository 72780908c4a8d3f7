//! The command line as clap defines it: commands, flags, help texts, and the rewrite that makes
//! `errcode QUERY` mean `errcode lookup QUERY`. Completions and the man page are generated from it.

use std::ffi::OsString;
use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

use crate::catalog::Vendor;
use crate::render::Lang;
use crate::style::ColorChoice;

const EXAMPLES: &str = "\
Examples:
  errcode APIG.0303                        explain a code (same as `errcode lookup APIG.0303`)
  errcode lookup MissingGroupId            templates fill in: Alibaba's Missing%s
  errcode lookup 'There is no api match uri[/v1/orders]'
  errcode status 429                       every entry with HTTP 429 (also 4xx, 5xx)
  errcode grep -i 'x-date'                 regex over codes, messages, meanings and fixes
  pbpaste | errcode lookup                 read the query (or a whole paste) from standard input
  tail -f gw.log | errcode scan            report each log line that carries a gateway error
  errcode scan --summary -r logs/          count errors per code, vendor and status
  errcode family signature-mismatch        one problem across vendors, with a checklist
  errcode --vendor huawei --lang en --json lookup APIG.0201

Exit status: 0 found, 1 nothing found, 2 error.";

/// The environment variables errcode reads, for the man page's ENVIRONMENT section (and README).
pub const ENVIRONMENT: [(&str, &str); 13] = [
    (
        "ERRCODE_LANG",
        "Languages to show when --lang is not given: en, zh or both (spelt as --lang accepts).",
    ),
    (
        "ERRCODE_CATALOG_PATH",
        "More catalogs to load: a list of .toml files and directories, separated as in PATH.",
    ),
    (
        "ERRCODE_PAGER",
        "The pager for output longer than the screen, on a terminal (cat or empty: none). Default: PAGER, else less -FRX.",
    ),
    ("PAGER", "The pager, when ERRCODE_PAGER is not set."),
    (
        "NO_COLOR",
        "When set and not empty, --color auto uses no colour (https://no-color.org).",
    ),
    ("CLICOLOR", "0: --color auto uses no colour."),
    (
        "CLICOLOR_FORCE",
        "Set, not empty and not 0: --color auto colours even when not writing to a terminal (NO_COLOR wins).",
    ),
    ("TERM", "dumb: --color auto uses no colour."),
    (
        "COLUMNS",
        "The width to fit output to (default: the terminal's, else 100; at least 40).",
    ),
    (
        "LINES",
        "The screen's height, which decides whether output is paged (default: the terminal's).",
    ),
    (
        "XDG_CONFIG_HOME",
        "Where the configuration file and the user's catalogs are: $XDG_CONFIG_HOME/errcode/config.toml and catalogs/ (default ~/.config/errcode/).",
    ),
    (
        "XDG_CACHE_HOME",
        "Where large user catalogs are kept converted: $XDG_CACHE_HOME/errcode/ (default ~/.cache/errcode/).",
    ),
    (
        "HOME",
        "The base of the default configuration and cache directories.",
    ),
];

/// Explain cloud API-gateway error codes, statuses and messages (Huawei Cloud APIG, Alibaba Cloud, Tencent
/// Cloud and JD Cloud API Gateway), in English and Chinese, offline.
#[derive(Debug, Parser)]
#[command(
    name = "errcode",
    version,
    after_help = EXAMPLES,
    override_usage = "errcode [OPTIONS] [QUERY]...\n       errcode [OPTIONS] <COMMAND>",
    max_term_width = 100
)]
pub struct Cli {
    /// Without a command, the arguments are a lookup: `errcode QUERY...` is `errcode lookup QUERY...`
    #[command(subcommand)]
    pub command: Option<Command>,

    #[command(flatten)]
    pub global: GlobalArgs,

    /// Print where errcode reads its configuration file, catalogs and cache from, and exit
    #[arg(long)]
    pub show_paths: bool,
}

#[derive(Debug, Args)]
pub struct GlobalArgs {
    /// Only this vendor's entries (repeatable) [default: every vendor, or the config file's vendors]
    #[arg(long, value_name = "ID", global = true, value_parser = VendorId)]
    pub vendor: Vec<String>,

    /// Languages to show [default: ERRCODE_LANG, else the config file's, else both]; any case, and as spelt elsewhere: English,
    /// en_US; zh-CN, zh_CN, cn, zh-Hans, zh-TW, Chinese, 中文; all
    #[arg(long, global = true, value_parser = LangParser)]
    pub lang: Option<Lang>,

    /// When to use colour [default: auto, or the config file's] (auto: only on a terminal, honouring
    /// NO_COLOR and CLICOLOR_FORCE)
    #[arg(long, value_enum, value_name = "WHEN", global = true)]
    pub color: Option<ColorChoice>,

    /// Print JSON: one object (scan: one per matching line, or per file with --count; formats in the
    /// README)
    #[arg(long, global = true)]
    pub json: bool,

    /// Show every match as a card, with its fix (five or more matches are a table otherwise)
    #[arg(long, global = true)]
    pub cards: bool,

    /// Never send output through a pager (on a terminal, output longer than the screen goes through
    /// ERRCODE_PAGER, PAGER or `less -FRX`)
    #[arg(long, global = true)]
    pub no_pager: bool,

    /// Also load catalogs from this .toml file or directory (repeatable; see ERRCODE_CATALOG_PATH)
    #[arg(long, value_name = "PATH", global = true)]
    pub catalog: Vec<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Explain codes, HTTP statuses or messages (reads standard input when no QUERY, or `-`, is given)
    #[command(
        after_help = "Examples:\n  errcode lookup APIG.0303 InvalidApi.NotFound\n  errcode lookup Backend timeout\n  pbpaste | errcode lookup"
    )]
    Lookup {
        /// Codes (APIG.0303, MissingGroupId), statuses (429) or message text; unquoted words form one message
        #[arg(value_name = "QUERY")]
        query: Vec<OsString>,
    },
    /// List every entry with an HTTP status (429) or status class (4xx), grouped by vendor
    #[command(after_help = "Examples:\n  errcode status 429\n  errcode status 5xx --vendor huawei")]
    Status {
        /// Three digits (429) or a class (4xx, 5xx)
        #[arg(value_name = "STATUS")]
        status: String,
    },
    /// Search codes, messages, meanings and fixes (both languages) with a regular expression
    #[command(
        after_help = "Examples:\n  errcode grep -i 'x-date'\n  errcode grep -F '[uri]' --vendor tencent"
    )]
    Grep {
        /// A Rust regex (https://docs.rs/regex), or a literal string with -F
        #[arg(value_name = "PATTERN")]
        pattern: String,
        /// Ignore case
        #[arg(short = 'i', long)]
        ignore_case: bool,
        /// Take PATTERN as a literal string, not a regex
        #[arg(short = 'F', long)]
        fixed_strings: bool,
    },
    /// Find, explain and count gateway errors in logs: each line carrying one, as grep prints lines
    #[command(
        after_help = "Examples:\n  errcode scan gw.log\n  tail -f gw.log | errcode scan\n  errcode scan --summary -r logs/\n  errcode scan --json gw.log | jq .matches[0].code"
    )]
    Scan {
        /// Files to scan (standard input when none, or for `-`)
        #[arg(value_name = "PATH", value_hint = clap::ValueHint::AnyPath)]
        paths: Vec<PathBuf>,
        /// Scan the files below directories
        #[arg(short = 'r', long)]
        recursive: bool,
        /// Print the number of matching lines per input instead of the lines
        #[arg(short = 'c', long, conflicts_with = "summary")]
        count: bool,
        /// Print counts per error over all input (most frequent first), with totals per vendor and status
        #[arg(long)]
        summary: bool,
        /// Also scan files that look binary (a NUL byte in their first 8 KiB) found below directories
        #[arg(long)]
        binary: bool,
        /// Read gzip, bzip2, xz and zstd input decompressed (without it, compressed input is refused)
        #[arg(short = 'z', long)]
        search_zip: bool,
        /// Threads that search a large input (0: one per CPU, up to 8; 1: no threads)
        #[arg(
            short = 'j',
            long,
            value_name = "NUM",
            default_value_t = 0,
            value_parser = clap::value_parser!(u16).range(0..=256)
        )]
        threads: u16,
    },
    /// List every entry of the loaded catalogs
    #[command(
        after_help = "Examples:\n  errcode list --vendor jdcloud --lang en\n  errcode list --json"
    )]
    List,
    /// Show the loaded catalogs, where each came from, and their entry counts
    #[command(after_help = "Examples:\n  errcode catalogs\n  errcode catalogs --catalog acme.toml")]
    Catalogs,
    /// List the loaded vendors, one line each: id, name, and how many catalogs and entries they have
    #[command(
        after_help = "Examples:\n  errcode vendors\n  errcode vendors --lang zh --catalog acme.toml\n  errcode vendors --json"
    )]
    Vendors,
    /// List the problem families (the same problem across vendors), or show one with its checklist and members
    #[command(after_help = "Examples:\n  errcode family\n  errcode family signature-mismatch")]
    Family {
        /// A family id (signature-mismatch) or name; none lists them all
        #[arg(value_name = "FAMILY")]
        name: Option<String>,
    },
    /// Catalog tools: `patterns` (the regexes errcode matches text with), `export` (every entry as a
    /// record, for a log engine), `check FILE...` (check catalog files)
    #[command(
        after_help = "Examples:\n  errcode catalog patterns | head\n  errcode catalog export --format csv > entries.csv\n  errcode catalog check acme.toml"
    )]
    Catalog {
        #[command(subcommand)]
        action: CatalogAction,
    },
    /// Print a shell completion script
    #[command(
        after_help = "Examples:\n  errcode completions bash > ~/.local/share/bash-completion/completions/errcode\n  errcode completions zsh > ~/.zfunc/_errcode"
    )]
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// The values the completion scripts offer, one per line, from every loaded catalog (the user's too):
    /// hidden, for the scripts only (named as cobra's, so that no code or message word is taken)
    #[command(
        name = "__complete",
        hide = true,
        after_help = "Examples:\n  errcode __complete codes --catalog acme.toml\n  errcode __complete vendors"
    )]
    Complete {
        #[arg(value_enum)]
        what: CompletionValues,
    },
}

/// What `errcode __complete` lists.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum CompletionValues {
    /// The code of every entry that has a literal one (not templates such as `Missing{param}`).
    Codes,
    /// The problem families' ids.
    Families,
    /// The loaded vendors' ids.
    Vendors,
}

#[derive(Debug, Subcommand)]
pub enum CatalogAction {
    /// Print every code and message regex, one per line, for grep -E, ripgrep or a log system; with
    /// --json, each with the entries it finds
    #[command(
        after_help = "Examples:\n  rg -f <(errcode catalog patterns) app.log\n  errcode catalog patterns --json --dialect re2 > patterns.json"
    )]
    Patterns {
        /// The regex syntax to write: grep (grep -E, ripgrep), re2 (ClickHouse, Loki, Go), pcre (grep -P,
        /// Hyperscan), rust (Vector); the last three name the placeholders' groups
        #[arg(long, value_enum, default_value = "grep")]
        dialect: crate::render::Dialect,
    },
    /// Print every entry for a log engine or a spreadsheet: one record each (catalog, vendor, id, code,
    /// status, message, meaning, fix, family, sources, schema_version)
    #[command(
        after_help = "Examples:\n  errcode catalog export --format ndjson > entries.ndjson\n  errcode catalog export --format csv --vendor huawei > huawei.csv"
    )]
    Export {
        /// json: one object; ndjson: one object per line; csv: a header, then a line per entry
        #[arg(long, value_enum, default_value = "json")]
        format: crate::render::ExportFormat,
    },
    /// Check catalog files (or directories of them) as errcode would load them, without loading any
    /// other: each error as file:line:column, exit status 2 if any
    #[command(
        after_help = "Example:\n  errcode catalog check ~/.config/errcode/catalogs/acme.toml"
    )]
    Check {
        /// Catalog .toml files, or directories whose .toml files are checked
        #[arg(value_name = "FILE", required = true, value_hint = clap::ValueHint::AnyPath)]
        files: Vec<PathBuf>,
    },
}

/// `--lang`'s values: en, zh and both in help and completions, and the spellings `Lang::from_name` reads.
#[derive(Clone)]
struct LangParser;

impl clap::builder::TypedValueParser for LangParser {
    type Value = Lang;

    fn parse_ref(
        &self,
        command: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &std::ffi::OsStr,
    ) -> Result<Lang, clap::Error> {
        match value.to_str().and_then(Lang::from_name) {
            Some(lang) => Ok(lang),
            // clap's own error, listing the possible values.
            None => clap::builder::PossibleValuesParser::new(Lang::NAMES)
                .parse_ref(command, arg, value)
                .map(|_| unreachable!("not a possible value")),
        }
    }

    fn possible_values(
        &self,
    ) -> Option<Box<dyn Iterator<Item = clap::builder::PossibleValue> + '_>> {
        Some(Box::new(
            Lang::NAMES
                .into_iter()
                .map(clap::builder::PossibleValue::new),
        ))
    }
}

/// Whether the command line asks for `--version` (before any `--`): only then is the long version made.
pub(super) fn asks_long_version(args: &[OsString]) -> bool {
    args.iter()
        .skip(1)
        .take_while(|a| *a != "--")
        .any(|a| a == "--version")
}

/// `errcode --version`: the version, then each built-in catalog with the dates of the vendor documents it
/// was made from (`-V` prints the version alone).
pub(super) fn long_version() -> String {
    let catalogs = crate::catalog::Catalogs::builtin();
    let width = (catalogs.catalogs.iter())
        .map(|c| c.id.len())
        .max()
        .unwrap_or(0);
    let mut text = format!(
        "{}\nbuilt-in catalogs, with the dates of their sources:",
        env!("CARGO_PKG_VERSION")
    );
    for catalog in &catalogs.catalogs {
        let mut dates: Vec<&str> = (catalog.sources.iter())
            .filter_map(|s| s.date.as_deref())
            .collect();
        dates.sort_unstable_by(|a, b| b.cmp(a));
        dates.dedup();
        let undated = catalog.sources.iter().filter(|s| s.date.is_none()).count();
        let count = catalog.sources.len();
        let sources = if count == 1 { "source" } else { "sources" };
        let when = match (dates.is_empty(), undated) {
            (true, _) => format!("{count} {sources}, undated"),
            (false, 0) => format!("{count} {sources}: {}", dates.join(", ")),
            (false, undated) => format!(
                "{count} {sources}: {} and {undated} undated",
                dates.join(", ")
            ),
        };
        text.push_str(&format!("\n  {:width$}  {when}", catalog.id));
    }
    text
}

/// `--vendor`'s values: any vendor id (a user's catalog may declare its own; which are loaded is checked once
/// the catalogs are), with the built-in vendors offered to shell completion.
#[derive(Clone)]
struct VendorId;

impl clap::builder::TypedValueParser for VendorId {
    type Value = String;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &std::ffi::OsStr,
    ) -> Result<String, clap::Error> {
        let id = clap::builder::NonEmptyStringValueParser::new().parse_ref(cmd, arg, value)?;
        if Vendor::is_id(&id) {
            return Ok(id);
        }
        let mut err = clap::Error::new(clap::error::ErrorKind::InvalidValue).with_cmd(cmd);
        if let Some(arg) = arg {
            err.insert(
                clap::error::ContextKind::InvalidArg,
                clap::error::ContextValue::String(arg.to_string()),
            );
        }
        err.insert(
            clap::error::ContextKind::InvalidValue,
            clap::error::ContextValue::String(id),
        );
        Err(err)
    }

    fn possible_values(
        &self,
    ) -> Option<Box<dyn Iterator<Item = clap::builder::PossibleValue> + '_>> {
        Some(Box::new(
            Vendor::known()
                .iter()
                .map(clap::builder::PossibleValue::new),
        ))
    }
}

/// The command line after the rewrite, with the first word kept aside when it looks like a mistyped
/// command: whether it is one can only be told once the catalogs are loaded (it may be a code).
pub(super) struct Rewritten {
    pub args: Vec<OsString>,
    pub suspect: Option<Suspect>,
}

/// A first word that is not a command but looks like one (`stauts`, `version`): an error, with `hint`, unless
/// it turns out to be a code (or to begin a message) errcode knows.
#[derive(Debug)]
pub(super) struct Suspect {
    pub word: String,
    /// What to say after "unknown command 'WORD'; ".
    pub hint: String,
}

/// Words people type as commands out of other tools' habits, which errcode answers otherwise.
const HABIT_WORDS: [(&str, &str); 3] = [
    ("version", "did you mean '--version'?"),
    (
        "man",
        "the manual is `man errcode` (the pages are man/*.1 in the sources), or `errcode --help`",
    ),
    ("explain", "did you mean 'lookup'?"),
];

/// Inserts `lookup` before the first positional argument when it is not a command name, so that
/// `errcode --json APIG.0303` means `errcode --json lookup APIG.0303`; a first word close to a command name
/// (Damerau-Levenshtein distance 1, or 2 for words of five letters or more) is kept as a `Suspect`.
///
/// clap's own ways were tried and rejected: a top-level positional with `args_conflicts_with_subcommands`
/// stops recognising commands after any flag (`errcode --json lookup X` looked up "lookup X"), and
/// `allow_external_subcommands` leaves the flags after the query unparsed.
pub(super) fn with_default_subcommand(
    command: &clap::Command,
    mut args: Vec<OsString>,
) -> Rewritten {
    let takes_value: Vec<String> = command
        .get_arguments()
        .filter(|a| a.get_action().takes_values())
        .filter_map(|a| a.get_long().map(|long| format!("--{long}")))
        .collect();
    let is_command = |name: &str| {
        name == "help"
            || command
                .get_subcommands()
                .any(|c| c.get_name() == name || c.get_all_aliases().any(|a| a == name))
    };
    let mut i = 1;
    while i < args.len() {
        let Some(arg) = args[i].to_str() else { break };
        if arg == "--" {
            break;
        }
        if arg.starts_with("--") {
            i += if takes_value.iter().any(|t| t == arg) {
                2
            } else {
                1
            };
            continue;
        }
        if arg.starts_with('-') && arg != "-" {
            i += 1;
            continue;
        }
        if is_command(arg) {
            return Rewritten {
                args,
                suspect: None,
            };
        }
        break;
    }
    let mut suspect = None;
    if i < args.len() {
        suspect = args[i]
            .to_str()
            .and_then(|word| mistyped_command(command, word));
        args.insert(i, OsString::from("lookup"));
    }
    Rewritten { args, suspect }
}

/// `word` as a mistyped command: close to a command's name, or a word other tools use as a command.
fn mistyped_command(command: &clap::Command, word: &str) -> Option<Suspect> {
    // Codes and messages have digits, dots, underscores or spaces; a command name has none of them.
    if word.is_empty() || !word.bytes().all(|b| b.is_ascii_alphabetic() || b == b'-') {
        return None;
    }
    let lower = word.to_ascii_lowercase();
    if let Some((_, hint)) = HABIT_WORDS.iter().find(|(w, _)| *w == lower) {
        return Some(Suspect {
            word: word.to_string(),
            hint: (*hint).to_string(),
        });
    }
    // Short words have many neighbours (`can` and `scan`): only one edit away counts for them.
    let allowed = if lower.len() < 5 { 1 } else { 2 };
    let names = command
        .get_subcommands()
        .filter(|c| !c.is_hide_set())
        .map(clap::Command::get_name);
    let (distance, name) = names
        .map(|name| (strsim::damerau_levenshtein(&lower, name), name))
        .min_by_key(|(distance, _)| *distance)?;
    (distance <= allowed).then(|| Suspect {
        word: word.to_string(),
        hint: format!("did you mean '{name}'?"),
    })
}
