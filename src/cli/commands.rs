//! One function per command: each takes the resolved settings, asks the library, hands the result to a
//! printer and returns its exit status.

use std::io::{self, IsTerminal, Read};
use std::path::PathBuf;

use super::args::{CatalogAction, Cli, Command, CompletionValues, Suspect};
use super::output::{self, ScanPrinter};
use super::pager;
use super::settings::{self, Settings};
use crate::catalog::{Catalogs, Vendor};
use crate::error::{Error, Result};
use crate::exit;
use crate::family;
use crate::matcher::{self, Matcher, Outcome};
use crate::render;
use crate::scan;

/// Runs a parsed command line.
pub(super) fn execute(
    cli: Cli,
    suspect: Option<Suspect>,
    env: &dyn Fn(&str) -> Option<String>,
) -> Result<i32> {
    if let Some(Command::Completions { shell }) = cli.command {
        output::stdout(&super::completion_script(shell))?;
        return Ok(exit::OK);
    }
    if cli.show_paths {
        return show_paths(&settings::paths(&cli.global, env));
    }
    if let Some(Command::Catalog {
        action: CatalogAction::Check { files },
    }) = &cli.command
    {
        // Only the files named: a broken catalog elsewhere must not stop the check of another.
        return check_catalogs(files);
    }
    let settings = settings::resolve(&cli.global, env)?;
    let (catalogs, warnings) = Catalogs::load(&settings.catalog_paths)?;
    // The catalogs serve until the process exits: freeing a large user catalog's entries one by one would
    // only delay the exit.
    let catalogs: &'static Catalogs = Box::leak(Box::new(catalogs));
    for warning in warnings {
        output::warning(&warning);
    }
    let vendors = loaded_vendors(catalogs, &settings.vendors)?;
    let matcher = if matches!(cli.command, Some(Command::Scan { .. })) {
        Matcher::for_bulk(catalogs, &vendors)
    } else {
        Matcher::new(catalogs, &vendors)
    };
    let s = &settings;
    match cli.command {
        None => lookup(&matcher, &[], s),
        Some(Command::Lookup { query }) => {
            // Arguments that are not UTF-8 are read lossily, as pasted text is.
            let query: Vec<String> = (query.iter())
                .map(|q| q.to_string_lossy().into_owned())
                .collect();
            if let Some(suspect) = suspect {
                reject_mistyped_command(&matcher, &query, suspect)?;
            }
            lookup(&matcher, &query, s)
        }
        Some(Command::Status { status }) => {
            answer(vec![matcher.status(&status)?], &[], catalogs, s)
        }
        Some(Command::Grep {
            pattern,
            ignore_case,
            fixed_strings,
        }) => {
            let regex = matcher::grep_regex(&pattern, ignore_case, fixed_strings)?;
            answer(vec![matcher.grep(&pattern, &regex)], &[], catalogs, s)
        }
        Some(Command::List) => answer(vec![matcher.list()], &[], catalogs, s),
        Some(Command::Catalogs) => list_catalogs(catalogs, s),
        Some(Command::Vendors) => list_vendors(catalogs, &vendors, s),
        Some(Command::Complete { what }) => completion_values(catalogs, &vendors, what),
        Some(Command::Scan {
            paths,
            recursive,
            count,
            summary,
            binary,
            search_zip,
            threads,
        }) => {
            let flags = (recursive, count, summary, threads);
            scan(&matcher, &paths, flags, (binary, search_zip), s)
        }
        Some(Command::Family { name: None }) => families(catalogs, s),
        Some(Command::Family { name: Some(name) }) => {
            one_family(&matcher, name.as_str(), catalogs, s)
        }
        Some(Command::Catalog {
            action: CatalogAction::Patterns { dialect },
        }) => patterns(&matcher, dialect, s),
        Some(Command::Catalog {
            action: CatalogAction::Export { format },
        }) => {
            let list = matcher.list();
            pager::show(&render::export(&list.matches, format), s.pager.as_ref())?;
            Ok(exit::FOUND)
        }
        Some(Command::Completions { .. })
        | Some(Command::Catalog {
            action: CatalogAction::Check { .. },
        }) => unreachable!("answered before loading catalogs"),
    }
}

/// The vendors `--vendor` names, each one the loaded catalogs have.
fn loaded_vendors(catalogs: &Catalogs, ids: &[String]) -> Result<Vec<Vendor>> {
    let loaded = catalogs.vendors();
    let mut vendors = Vec::new();
    for id in ids {
        match loaded.iter().find(|v| v.id() == id) {
            Some(&vendor) => vendors.push(vendor),
            None => {
                let closest = (loaded.iter())
                    .map(|v| (strsim::damerau_levenshtein(id, v.id()), v.id()))
                    .filter(|&(distance, _)| distance <= 2)
                    .min();
                let names: Vec<&str> = loaded.iter().map(|v| v.id()).collect();
                let hint = closest.map_or(String::new(), |(_, v)| format!("did you mean `{v}`? "));
                return Err(Error::Usage(format!(
                    "unknown vendor `{}`; {hint}loaded vendors: {}",
                    render::escape(id),
                    names.join(", ")
                )));
            }
        }
    }
    Ok(vendors)
}

/// `errcode stauts 429`: a first word close to a command's name is an error, unless it is a code errcode
/// knows or the words it begins are a message errcode finds (`errcode Status code 401 ...` from a log).
fn reject_mistyped_command(
    matcher: &Matcher<'_>,
    query: &[String],
    suspect: Suspect,
) -> Result<()> {
    let word = matcher.lookup(&suspect.word);
    if word.kind == matcher::QueryKind::Code && !word.matches.is_empty() {
        return Ok(());
    }
    if query.len() > 1 && !matcher.lookup(&query.join(" ")).matches.is_empty() {
        return Ok(());
    }
    Err(Error::Usage(format!(
        "unknown command '{}'; {}",
        suspect.word, suspect.hint
    )))
}

/// `lookup`: the queries from the arguments, or from standard input. A code that matched nothing but is
/// close to one that does (a typo: `APIG.303`) gets that code's answer first, under "did you mean"; the
/// exit status stays 1, as nothing matched what was typed.
fn lookup(matcher: &Matcher<'_>, query: &[String], settings: &Settings) -> Result<i32> {
    let outcomes = queries_or_stdin(matcher, query)?;
    if let Some(family) = family_named(&outcomes) {
        return show_family(matcher, family, matcher.loaded(), settings);
    }
    if settings.json {
        return answer(outcomes, &[], matcher.loaded(), settings);
    }
    let guesses: Vec<Option<Outcome<'_>>> = outcomes
        .iter()
        .map(|o| {
            let typo = o.matches.is_empty() && o.kind == matcher::QueryKind::Code;
            closest_code(&o.query, &o.suggestions)
                .filter(|_| typo)
                .map(|code| matcher.lookup(code))
        })
        .collect();
    answer(outcomes, &guesses, matcher.loaded(), settings)
}

/// The family a lookup's one free-text query names (`signature mismatch`, `签名错误`), unless an entry
/// answers it better: one whose code or message the query holds, or whose meaning is the query.
fn family_named(outcomes: &[Outcome<'_>]) -> Option<&'static family::Family> {
    let [outcome] = outcomes else {
        return None;
    };
    // A one-word name (`throttling`, `signature-mismatch`) is read as a code: it names a family where no
    // entry has that code.
    let free_text = match outcome.kind {
        matcher::QueryKind::Message => true,
        matcher::QueryKind::Code => outcome.matches.is_empty(),
        matcher::QueryKind::Status | matcher::QueryKind::List => false,
    };
    if !free_text {
        return None;
    }
    let found = family::builtin().named(&outcome.query)?;
    let better = outcome.matches.iter().any(|m| {
        use matcher::MatchedBy::{Code, CodeTemplate, Message, MessageInQuery};
        matches!(m.matched_by, Code | CodeTemplate | Message | MessageInQuery)
            || family::same_name(&m.entry.meaning.en, &outcome.query)
            || family::same_name(&m.entry.meaning.zh, &outcome.query)
    });
    (!better).then_some(found)
}

/// Of the close codes the matcher suggests, the one the user most likely meant: the same but for a number's
/// leading zeros (`APIG.303`, `APIG.0303`), then the fewest edits, then the longest common beginning
/// (Jaro-Winkler). Only a code one edit away counts (two from 16 characters, three from 24): further, it
/// is a guess (`APIGW.0999` is not `APIG.9999`), and standard error lists the close codes anyway.
fn closest_code<'s>(query: &str, suggestions: &'s [String]) -> Option<&'s str> {
    let unpadded = matcher::unpadded_code;
    let query_unpadded = unpadded(query);
    let query = query.to_lowercase();
    suggestions
        .iter()
        .map(|code| {
            let lower = code.to_lowercase();
            let same_number = unpadded(code) == query_unpadded;
            let distance = strsim::damerau_levenshtein(&query, &lower);
            let likeness = strsim::jaro_winkler(&query, &lower);
            (code, (!same_number, distance, std::cmp::Reverse(likeness)))
        })
        .min_by(|(_, a), (_, b)| a.partial_cmp(b).unwrap_or(std::cmp::Ordering::Equal))
        .filter(|(_, (other_number, distance, _))| {
            !other_number || *distance <= (query.chars().count() / 8).max(1)
        })
        .map(|(code, _)| code.as_str())
}

/// Prints the outcomes of lookups, `status`, `grep` or `list` (with `guesses`: the answers for typo'd
/// codes, shown first): exit 0 when something matched.
fn answer(
    outcomes: Vec<Outcome<'_>>,
    guesses: &[Option<Outcome<'_>>],
    catalogs: &Catalogs,
    settings: &Settings,
) -> Result<i32> {
    let found = outcomes.iter().any(|o| !o.matches.is_empty());
    if settings.json {
        pager::show(&render::json(&outcomes), settings.pager.as_ref())?;
    } else {
        pager::show(
            &render::human_with_guesses(&outcomes, guesses, catalogs, &settings.look),
            settings.pager.as_ref(),
        )?;
        let missing = render::not_found(&outcomes);
        if !missing.is_empty() {
            output::stderr(&missing);
        }
    }
    Ok(if found { exit::FOUND } else { exit::NOT_FOUND })
}

/// `catalogs`: the loaded catalogs.
fn list_catalogs(catalogs: &Catalogs, settings: &Settings) -> Result<i32> {
    let text = if settings.json {
        render::catalogs_json(catalogs)
    } else {
        render::catalogs_table(catalogs, &settings.look)
    };
    pager::show(&text, settings.pager.as_ref())?;
    Ok(exit::FOUND)
}

/// `vendors`: each loaded vendor (those `--vendor` names, if any) with its catalogs and entries.
fn list_vendors(catalogs: &Catalogs, vendors: &[Vendor], settings: &Settings) -> Result<i32> {
    let text = if settings.json {
        render::vendors_json(catalogs, vendors)
    } else {
        render::vendors_lines(catalogs, vendors, &settings.look)
    };
    pager::show(&text, settings.pager.as_ref())?;
    Ok(exit::FOUND)
}

/// `__complete WHAT`: the values a completion script offers, one per line. The scripts call the binary
/// rather than carry fixed lists, so that the vendors and codes of the user's catalogs complete too.
fn completion_values(
    catalogs: &Catalogs,
    vendors: &[Vendor],
    what: CompletionValues,
) -> Result<i32> {
    let wanted = |vendor: Vendor| vendors.is_empty() || vendors.contains(&vendor);
    let values: Vec<String> = match what {
        CompletionValues::Codes => {
            let mut codes: Vec<String> = (catalogs.entries())
                .filter(|(c, _)| wanted(c.vendor))
                .filter_map(|(_, e)| e.code.as_ref()?.literal())
                .collect();
            codes.sort_unstable();
            codes.dedup();
            codes
        }
        CompletionValues::Families => (family::builtin().families.iter())
            .map(|f| f.id.to_string())
            .collect(),
        CompletionValues::Vendors => (catalogs.vendors().into_iter())
            .filter(|&v| wanted(v))
            .map(|v| v.id().to_string())
            .collect(),
    };
    // A value with white space or a control character would break the scripts' word lists.
    let lines: String = (values.iter())
        .filter(|v| !v.is_empty() && !v.chars().any(|c| c.is_whitespace() || c.is_control()))
        .map(|v| format!("{v}\n"))
        .collect();
    output::stdout(&lines)?;
    Ok(exit::OK)
}

/// `scan`, with its flags `(recursive, count, summary, threads)` and `(binary, search_zip)`.
fn scan(
    matcher: &Matcher<'_>,
    paths: &[PathBuf],
    (recursive, count, summary, threads): (bool, bool, bool, u16),
    (binary, search_zip): (bool, bool),
    settings: &Settings,
) -> Result<i32> {
    let mode = if count {
        scan::Mode::Count
    } else if summary {
        scan::Mode::Summary
    } else {
        scan::Mode::Lines
    };
    let options = scan::Options {
        mode,
        recursive,
        threads: match threads {
            0 => std::thread::available_parallelism().map_or(1, |n| n.get().min(8)),
            n => usize::from(n),
        },
        binary,
        search_zip,
    };
    let mut printer = ScanPrinter::new(mode, settings.json, &settings.look);
    let status = scan::run(matcher, paths, options, &mut printer)?;
    Ok(if status.failed {
        exit::ERROR
    } else if status.matched {
        exit::FOUND
    } else {
        exit::NOT_FOUND
    })
}

/// `family`: every problem family.
fn families(catalogs: &Catalogs, settings: &Settings) -> Result<i32> {
    let families = &family::builtin().families;
    let text = if settings.json {
        render::families_json(families)
    } else {
        render::families_table(families, catalogs, &settings.look)
    };
    pager::show(&text, settings.pager.as_ref())?;
    Ok(exit::FOUND)
}

/// `family NAME`: one family, with its checklist and members.
fn one_family(
    matcher: &Matcher<'_>,
    name: &str,
    catalogs: &Catalogs,
    settings: &Settings,
) -> Result<i32> {
    let families = family::builtin();
    let Some(family) = families.find(name) else {
        let ids: Vec<&str> = families.families.iter().map(|f| f.id).collect();
        output::stderr(&format!(
            "errcode: no family {:?}; families: {}\n",
            render::escape(name),
            ids.join(", ")
        ));
        return Ok(exit::NOT_FOUND);
    };
    show_family(matcher, family, catalogs, settings)
}

/// A family's explanation, checklist and loaded members.
fn show_family(
    matcher: &Matcher<'_>,
    family: &family::Family,
    catalogs: &Catalogs,
    settings: &Settings,
) -> Result<i32> {
    let members = matcher.family_members(family);
    let text = if settings.json {
        render::family_json(family, &members)
    } else {
        render::family_human(family, &members, catalogs, &settings.look)
    };
    pager::show(&text, settings.pager.as_ref())?;
    Ok(exit::FOUND)
}

/// `catalog patterns`: every code and message regex, in `dialect`; with `--json`, each with its entries.
fn patterns(matcher: &Matcher<'_>, dialect: render::Dialect, settings: &Settings) -> Result<i32> {
    let list = matcher.list();
    let text = if settings.json {
        render::patterns_json(&list.matches, dialect)
    } else {
        render::patterns_text(&list.matches, dialect)
    };
    pager::show(&text, settings.pager.as_ref())?;
    Ok(exit::FOUND)
}

/// `--show-paths`: where errcode reads its files from, and whether each is there. Reads none of them, so
/// it works whatever they hold.
fn show_paths(paths: &settings::Paths) -> Result<i32> {
    let state = |path: &std::path::Path| match std::fs::metadata(path) {
        Ok(meta) if meta.is_dir() && Some(path) == paths.cache_dir.as_deref() => {
            "(a directory)".to_string()
        }
        Ok(meta) if meta.is_dir() => {
            let count = (std::fs::read_dir(path).into_iter().flatten().flatten())
                .filter(|e| e.path().extension().is_some_and(|x| x == "toml"))
                .count();
            format!("(a directory, {count} .toml files)")
        }
        Ok(_) => "(a file)".to_string(),
        Err(_) => "(not there)".to_string(),
    };
    let shown = |path: &Option<PathBuf>| match path {
        Some(path) => format!(
            "{} {}",
            render::escape(&path.display().to_string()),
            state(path)
        ),
        None => "none (neither XDG_CONFIG_HOME nor HOME is set)".to_string(),
    };
    let mut text = format!(
        "config file:     {}\ncatalog folder:  {}\n",
        shown(&paths.config_file),
        shown(&paths.catalog_dir)
    );
    for (path, from) in &paths.explicit {
        text.push_str(&format!(
            "catalog path:    {} {} (from {from})\n",
            render::escape(&path.display().to_string()),
            state(path)
        ));
    }
    let cache = match &paths.cache_dir {
        Some(path) => format!(
            "{} {}",
            render::escape(&path.display().to_string()),
            state(path)
        ),
        None => "none (neither XDG_CACHE_HOME nor HOME is set)".to_string(),
    };
    text.push_str(&format!("cache folder:    {cache}\n"));
    output::stdout(&text)?;
    Ok(exit::OK)
}

/// `catalog check FILE...`: each file (or each `.toml` file of a directory) read and checked as the loader
/// does, and its id checked against the built-in catalogs' and the other files' (a clash needs
/// `override = true`). Every file is checked, whatever an earlier one held: `path: ok ...` on standard
/// output, each error on standard error, located (`path:line:column: what`); exit status 2 if any failed.
fn check_catalogs(paths: &[PathBuf]) -> Result<i32> {
    let mut files = Vec::new();
    let mut failed = false;
    for path in paths {
        match std::fs::read_dir(path) {
            Ok(dir) => {
                let mut found: Vec<PathBuf> = (dir.flatten())
                    .map(|e| e.path())
                    .filter(|p| p.extension().is_some_and(|x| x == "toml") && !p.is_dir())
                    .collect();
                found.sort();
                files.extend(found);
            }
            Err(_) => files.push(path.clone()),
        }
    }
    let builtin = Catalogs::builtin();
    let mut checked: Vec<(String, PathBuf)> = Vec::new();
    for file in files {
        match check_catalog(&file) {
            Ok(catalog) => {
                let earlier = (builtin.catalogs.iter())
                    .map(|c| (c.id.clone(), "a built-in catalog".to_string()))
                    .chain(
                        checked
                            .iter()
                            .map(|(id, p)| (id.clone(), p.display().to_string())),
                    )
                    .find(|(id, _)| *id == catalog.id);
                if let Some((_, origin)) = earlier.filter(|_| !catalog.replaces) {
                    failed = true;
                    output::error(&Error::Usage(format!(
                        "{}: catalog id `{}` is also that of {origin}; choose another id, or set `override = true` to replace it",
                        file.display(),
                        catalog.id
                    )));
                    continue;
                }
                output::stdout(&format!(
                    "{}: ok: catalog {} ({}), {} entries\n",
                    render::escape(&file.display().to_string()),
                    render::escape(&catalog.id),
                    catalog.vendor.id(),
                    catalog.entries.len()
                ))?;
                checked.push((catalog.id.clone(), file));
            }
            Err(err) => {
                failed = true;
                output::error(&err);
            }
        }
    }
    Ok(if failed { exit::ERROR } else { exit::OK })
}

/// One catalog file read and checked (a regular file of UTF-8 TOML that the catalog rules accept).
fn check_catalog(path: &std::path::Path) -> Result<crate::catalog::Catalog> {
    let read_error = |source| Error::Read {
        path: path.to_path_buf(),
        source,
    };
    if !std::fs::metadata(path).map_err(read_error)?.is_file() {
        return Err(Error::Usage(format!(
            "{}: not a regular file or directory; a catalog must be a .toml file",
            path.display()
        )));
    }
    let bytes = std::fs::read(path).map_err(read_error)?;
    let text = String::from_utf8(bytes).map_err(|err| {
        // Located as the loader locates it: the line and column of the first byte that is not UTF-8.
        let valid = &err.as_bytes()[..err.utf8_error().valid_up_to()];
        let line = valid.iter().filter(|&&b| b == b'\n').count() + 1;
        let start = valid.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
        let column = String::from_utf8_lossy(&valid[start..]).chars().count() + 1;
        Error::Catalog {
            path: path.display().to_string(),
            line,
            column,
            message: "file is not valid UTF-8".to_string(),
        }
    })?;
    crate::catalog::parse(&text, crate::catalog::Origin::File(path.to_path_buf()))
}

/// Standard input larger than this is refused rather than held in memory.
const MAX_STDIN: u64 = 16 * 1024 * 1024;

/// The queries from the arguments, or from standard input when there are none (or just `-`).
fn queries_or_stdin<'c>(matcher: &Matcher<'c>, query: &[String]) -> Result<Vec<Outcome<'c>>> {
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
