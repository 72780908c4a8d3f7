//! The command line: clap's definition, resolution of flags and environment into one `Settings`, and the
//! flow from a parsed command to output and exit status.

use std::ffi::OsString;
use std::io::{self, IsTerminal, Read, Write};
use std::path::PathBuf;

use clap::builder::TypedValueParser as _;
use clap::{Args, CommandFactory, Parser, Subcommand};

use crate::catalog::{CatalogPaths, Catalogs, Vendor};
use crate::error::{Error, Result};
use crate::exit;
use crate::family;
use crate::matcher::{self, Matcher, Outcome};
use crate::render::{self, Lang, Look};
use crate::scan;
use crate::style::{ColorChoice, Palette};

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
    command: Option<Command>,

    #[command(flatten)]
    global: GlobalArgs,
}

#[derive(Debug, Args)]
struct GlobalArgs {
    /// Only this vendor's entries (repeatable)
    #[arg(long, value_name = "ID", global = true, value_parser = vendor_id())]
    vendor: Vec<Vendor>,

    /// Languages to show [default: both, or ERRCODE_LANG]
    #[arg(long, value_enum, global = true)]
    lang: Option<Lang>,

    /// When to use colour (auto: only on a terminal, honouring NO_COLOR and CLICOLOR_FORCE)
    #[arg(
        long,
        value_enum,
        value_name = "WHEN",
        default_value = "auto",
        global = true
    )]
    color: ColorChoice,

    /// Print JSON: one object (scan: one per matching line, or per file with --count; formats in the
    /// README)
    #[arg(long, global = true)]
    json: bool,

    /// Also load catalogs from this .toml file or directory (repeatable; see ERRCODE_CATALOG_PATH)
    #[arg(long, value_name = "PATH", global = true)]
    catalog: Vec<PathBuf>,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Explain codes, HTTP statuses or messages (reads standard input when no QUERY, or `-`, is given)
    Lookup {
        /// Codes (APIG.0303, MissingGroupId), statuses (429) or message text; unquoted words form one message
        #[arg(value_name = "QUERY")]
        query: Vec<OsString>,
    },
    /// List every entry with an HTTP status (429) or status class (4xx), grouped by vendor
    Status {
        /// Three digits (429) or a class (4xx, 5xx)
        #[arg(value_name = "STATUS")]
        status: String,
    },
    /// Search codes, messages, meanings and fixes (both languages) with a regular expression
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
    Scan {
        /// Files to scan (standard input when none, or for `-`)
        #[arg(value_name = "PATH")]
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
    List,
    /// Show the loaded catalogs, where each came from, and their entry counts
    Catalogs,
    /// List the problem families (the same problem across vendors), or show one with its checklist and members
    Family {
        /// A family id (signature-mismatch) or name; none lists them all
        #[arg(value_name = "FAMILY")]
        name: Option<String>,
    },
    /// Catalog tools: `errcode catalog patterns` prints the regexes errcode matches text with
    Catalog {
        #[command(subcommand)]
        action: CatalogAction,
    },
    /// Print a shell completion script
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
}

#[derive(Debug, Subcommand)]
enum CatalogAction {
    /// Print every code and message regex, one per line, for grep -E, ripgrep or a log system
    Patterns,
}

/// `--vendor`'s values: the ids of the vendors the catalogs know.
fn vendor_id() -> impl clap::builder::TypedValueParser<Value = Vendor> {
    clap::builder::PossibleValuesParser::new(Vendor::ALL.map(Vendor::id))
        .map(|id| Vendor::from_id(&id).expect("a possible value"))
}

/// Everything decided from flags and environment; later stages never look at either again.
struct Settings {
    vendors: Vec<Vendor>,
    look: Look,
    json: bool,
    catalog_paths: CatalogPaths,
}

/// Entry point for the binary: runs errcode and returns the exit status.
pub fn main() -> i32 {
    run(std::env::args_os(), |name| std::env::var(name).ok())
}

/// Runs errcode with these arguments and this environment lookup.
pub fn run(args: impl IntoIterator<Item = OsString>, env: impl Fn(&str) -> Option<String>) -> i32 {
    // clap answers --help and --version here, before any catalog is read.
    // One clap command serves both the rewrite and the parse: building it is most of clap's cost.
    let mut command = Cli::command();
    let args = with_default_subcommand(&command, args.into_iter().collect());
    let parsed = command
        .try_get_matches_from_mut(args)
        .and_then(|matches| <Cli as clap::FromArgMatches>::from_arg_matches(&matches));
    let cli = match parsed {
        Ok(cli) => cli,
        Err(err) if !err.use_stderr() => {
            // --help, --version.
            let _ = err.print();
            return exit::FOUND;
        }
        Err(err) => {
            // A usage error quotes what was typed, which may hold control characters: shown escaped.
            eprint!("{}", render::escape_lines(&err.render().to_string()));
            return exit::ERROR;
        }
    };
    match execute(cli, &env) {
        Ok(code) => code,
        Err(Error::Write(err)) if err.kind() == io::ErrorKind::BrokenPipe => exit::FOUND,
        Err(err) => {
            eprintln!("errcode: {}", render::escape(&err.to_string()));
            exit::ERROR
        }
    }
}

/// Inserts `lookup` before the first positional argument when it is not a command name, so that
/// `errcode --json APIG.0303` means `errcode --json lookup APIG.0303`.
///
/// clap's own ways were tried and rejected: a top-level positional with `args_conflicts_with_subcommands`
/// stops recognising commands after any flag (`errcode --json lookup X` looked up "lookup X"), and
/// `allow_external_subcommands` leaves the flags after the query unparsed.
fn with_default_subcommand(command: &clap::Command, mut args: Vec<OsString>) -> Vec<OsString> {
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
            return args;
        }
        break;
    }
    if i < args.len() {
        args.insert(i, OsString::from("lookup"));
    }
    args
}

/// The clap definition, for completions and tests.
pub fn command() -> clap::Command {
    Cli::command()
}

/// A completion script for `shell`, as committed under `completions/`.
pub fn completion_script(shell: clap_complete::Shell) -> String {
    let mut buffer = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "errcode", &mut buffer);
    String::from_utf8(buffer).expect("completion scripts are UTF-8")
}

fn execute(cli: Cli, env: &dyn Fn(&str) -> Option<String>) -> Result<i32> {
    if let Some(Command::Completions { shell }) = cli.command {
        write_stdout(&completion_script(shell))?;
        return Ok(exit::FOUND);
    }
    let settings = resolve(&cli.global, env)?;
    let (catalogs, warnings) = Catalogs::load(&settings.catalog_paths)?;
    // The catalogs serve until the process exits: freeing a large user catalog's entries one by one would
    // only delay the exit.
    let catalogs: &'static Catalogs = Box::leak(Box::new(catalogs));
    for warning in warnings {
        eprintln!("errcode: warning: {}", render::escape(&warning));
    }
    let matcher = if matches!(cli.command, Some(Command::Scan { .. })) {
        Matcher::for_bulk(catalogs, &settings.vendors)
    } else {
        Matcher::new(catalogs, &settings.vendors)
    };

    let outcomes = match cli.command {
        None => vec_or_stdin(&matcher, &[])?,
        Some(Command::Lookup { query }) => {
            // Arguments that are not UTF-8 are read lossily, as pasted text is.
            let query: Vec<String> = query
                .iter()
                .map(|q| q.to_string_lossy().into_owned())
                .collect();
            vec_or_stdin(&matcher, &query)?
        }
        Some(Command::Status { status }) => vec![matcher.status(&status)?],
        Some(Command::Grep {
            pattern,
            ignore_case,
            fixed_strings,
        }) => {
            let regex = matcher::grep_regex(&pattern, ignore_case, fixed_strings)?;
            vec![matcher.grep(&pattern, &regex)]
        }
        Some(Command::List) => vec![matcher.list()],
        Some(Command::Catalogs) => {
            let text = if settings.json {
                render::catalogs_json(catalogs)
            } else {
                render::catalogs_table(catalogs, &settings.look)
            };
            write_stdout(&text)?;
            return Ok(exit::FOUND);
        }
        Some(Command::Scan {
            paths,
            recursive,
            count,
            summary,
            threads,
        }) => {
            let options = scan::Options {
                mode: if count {
                    scan::Mode::Count
                } else if summary {
                    scan::Mode::Summary
                } else {
                    scan::Mode::Lines
                },
                json: settings.json,
                recursive,
                threads: match threads {
                    0 => std::thread::available_parallelism().map_or(1, |n| n.get().min(8)),
                    n => usize::from(n),
                },
            };
            let mut out = io::BufWriter::with_capacity(64 * 1024, io::stdout().lock());
            let status = scan::run(
                &matcher,
                &paths,
                options,
                &settings.look,
                &mut out,
                &mut io::stderr().lock(),
            )?;
            return Ok(if status.failed {
                exit::ERROR
            } else if status.matched {
                exit::FOUND
            } else {
                exit::NOT_FOUND
            });
        }
        Some(Command::Family { name: None }) => {
            let families = &family::builtin().families;
            let text = if settings.json {
                render::families_json(families)
            } else {
                render::families_table(families, catalogs, &settings.look)
            };
            write_stdout(&text)?;
            return Ok(exit::FOUND);
        }
        Some(Command::Family { name: Some(name) }) => {
            let families = family::builtin();
            let Some(family) = families.find(&name) else {
                let ids: Vec<&str> = families.families.iter().map(|f| f.id).collect();
                eprintln!(
                    "errcode: no family {:?}; families: {}",
                    render::escape(&name),
                    ids.join(", ")
                );
                return Ok(exit::NOT_FOUND);
            };
            let members = matcher.family_members(family);
            let text = if settings.json {
                render::family_json(family, &members)
            } else {
                render::family_human(family, &members, catalogs, &settings.look)
            };
            write_stdout(&text)?;
            return Ok(exit::FOUND);
        }
        Some(Command::Catalog {
            action: CatalogAction::Patterns,
        }) => {
            let mut text = matcher.patterns().join("\n");
            text.push('\n');
            write_stdout(&text)?;
            return Ok(exit::FOUND);
        }
        Some(Command::Completions { .. }) => unreachable!("answered before loading catalogs"),
    };

    let found = outcomes.iter().any(|o| !o.matches.is_empty());
    if settings.json {
        write_stdout(&render::json(&outcomes))?;
    } else {
        write_stdout(&render::human(&outcomes, catalogs, &settings.look))?;
        let missing = render::not_found(&outcomes);
        if !missing.is_empty() {
            eprint!("{missing}");
        }
    }
    Ok(if found { exit::FOUND } else { exit::NOT_FOUND })
}

fn resolve(args: &GlobalArgs, env: &dyn Fn(&str) -> Option<String>) -> Result<Settings> {
    // `--lang` beats ERRCODE_LANG; an empty ERRCODE_LANG is as good as unset.
    let lang = match (
        args.lang,
        env("ERRCODE_LANG").filter(|v| !v.trim().is_empty()),
    ) {
        (Some(lang), _) => lang,
        (None, None) => Lang::Both,
        (None, Some(value)) => {
            <Lang as clap::ValueEnum>::from_str(value.trim(), true).map_err(|_| {
                Error::Usage(format!(
                    "ERRCODE_LANG={value:?} is not a language errcode knows: use en, zh or both"
                ))
            })?
        }
    };
    let width = env("COLUMNS")
        .and_then(|c| c.trim().parse::<usize>().ok())
        .or_else(|| terminal_size::terminal_size().map(|(w, _)| usize::from(w.0)))
        .unwrap_or(100)
        // Narrower than this, no table or card can be laid out legibly.
        .clamp(40, 1000);
    let mut explicit: Vec<PathBuf> = env("ERRCODE_CATALOG_PATH")
        .map(|list| {
            std::env::split_paths(&list)
                .filter(|p| !p.as_os_str().is_empty())
                .collect()
        })
        .unwrap_or_default();
    explicit.extend(args.catalog.iter().cloned());
    let non_empty = |name: &str| env(name).filter(|v| !v.is_empty());
    // An XDG directory: the variable when absolute, else its default under HOME.
    let xdg = |variable: &str, default: &str| {
        non_empty(variable)
            .map(PathBuf::from)
            .filter(|p| p.is_absolute())
            .or_else(|| non_empty("HOME").map(|home| PathBuf::from(home).join(default)))
    };
    let config_dir =
        xdg("XDG_CONFIG_HOME", ".config").map(|dir| dir.join("errcode").join("catalogs"));
    let cache_dir = xdg("XDG_CACHE_HOME", ".cache").map(|dir| dir.join("errcode"));
    Ok(Settings {
        vendors: args.vendor.clone(),
        look: Look {
            lang,
            palette: Palette::new(args.color.resolve(env)),
            width,
        },
        json: args.json,
        catalog_paths: CatalogPaths {
            config_dir,
            explicit,
            cache_dir,
        },
    })
}

/// Standard input larger than this is refused rather than held in memory.
const MAX_STDIN: u64 = 16 * 1024 * 1024;

/// The queries from the arguments, or from standard input when there are none (or just `-`).
fn vec_or_stdin<'c>(matcher: &Matcher<'c>, query: &[String]) -> Result<Vec<Outcome<'c>>> {
    if !query.is_empty() && query != ["-"] {
        return Ok(matcher.lookup_all(query));
    }
    let stdin = io::stdin();
    if stdin.is_terminal() {
        return Err(Error::Usage(
            "no query: give a code, status or message (errcode lookup APIG.0303), or pipe text to standard input"
                .to_string(),
        ));
    }
    let mut bytes = Vec::new();
    stdin
        .lock()
        .take(MAX_STDIN + 1)
        .read_to_end(&mut bytes)
        .map_err(|source| Error::Read {
            path: PathBuf::from("<stdin>"),
            source,
        })?;
    if bytes.len() as u64 > MAX_STDIN {
        return Err(Error::Usage(format!(
            "standard input is larger than the {} MiB a lookup reads",
            MAX_STDIN / 1024 / 1024
        )));
    }
    let text = String::from_utf8_lossy(&bytes);
    if text.trim().is_empty() {
        return Err(Error::Usage(
            "standard input is empty: nothing to look up".to_string(),
        ));
    }
    Ok(vec![matcher.lookup(&text)])
}

fn write_stdout(text: &str) -> Result<()> {
    let mut stdout = io::stdout().lock();
    stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
        .map_err(Error::Write)
}
