//! Flags, environment and the configuration file resolved into one `Settings`: every later stage takes it
//! and never looks at any of them again. Each setting is decided in one order: a flag, then the
//! environment, then the configuration file, then errcode's default.

use std::io::IsTerminal as _;
use std::path::{Path, PathBuf};

use super::args::{Cli, GlobalArgs};
use super::config::{self, Config};
use super::pager::Pager;
use crate::catalog::CatalogPaths;
use crate::error::{Error, Result};
use crate::render::{Lang, Look};
use crate::style::{ColorChoice, Palette};

/// Everything decided from flags, environment and configuration; later stages never look at them again.
pub(super) struct Settings {
    /// As given: which are loaded is known once the catalogs are (`commands::vendors`).
    pub vendors: Vec<String>,
    pub look: Look,
    pub json: bool,
    pub catalog_paths: CatalogPaths,
    /// Where long output goes on a terminal: `None` when piped, with `--no-pager`, or with the pager `cat`.
    pub pager: Option<Pager>,
}

/// Where errcode looks for its files, as `--show-paths` lists them.
pub(super) struct Paths {
    /// `$XDG_CONFIG_HOME/errcode/config.toml`.
    pub config_file: Option<PathBuf>,
    /// `$XDG_CONFIG_HOME/errcode/catalogs/`.
    pub catalog_dir: Option<PathBuf>,
    /// ERRCODE_CATALOG_PATH's paths, then `--catalog`'s, each with where it was named.
    pub explicit: Vec<(PathBuf, &'static str)>,
    /// `$XDG_CACHE_HOME/errcode/`.
    pub cache_dir: Option<PathBuf>,
}

pub(super) fn paths(args: &GlobalArgs, env: &dyn Fn(&str) -> Option<String>) -> Paths {
    let mut explicit: Vec<(PathBuf, &'static str)> = env("ERRCODE_CATALOG_PATH")
        .map(|list| {
            std::env::split_paths(&list)
                .filter(|p| !p.as_os_str().is_empty())
                .map(|p| (p, "ERRCODE_CATALOG_PATH"))
                .collect()
        })
        .unwrap_or_default();
    explicit.extend(args.catalog.iter().map(|p| (p.clone(), "--catalog")));
    let non_empty = |name: &str| env(name).filter(|v| !v.is_empty());
    // An XDG directory: the variable when absolute, else its default under HOME.
    let xdg = |variable: &str, default: &str| {
        non_empty(variable)
            .map(PathBuf::from)
            .filter(|p| p.is_absolute())
            .or_else(|| non_empty("HOME").map(|home| PathBuf::from(home).join(default)))
    };
    let config_home = xdg("XDG_CONFIG_HOME", ".config").map(|dir| dir.join("errcode"));
    Paths {
        config_file: config_home.as_ref().map(|dir| dir.join("config.toml")),
        catalog_dir: config_home.map(|dir| dir.join("catalogs")),
        explicit,
        cache_dir: xdg("XDG_CACHE_HOME", ".cache").map(|dir| dir.join("errcode")),
    }
}

pub(super) fn resolve(args: &GlobalArgs, env: &dyn Fn(&str) -> Option<String>) -> Result<Settings> {
    let paths = paths(args, env);
    let (config, config_text) = match &paths.config_file {
        Some(path) => config::load(path)?.unwrap_or_default(),
        None => Default::default(),
    };
    let config_path = paths.config_file.as_deref().unwrap_or(Path::new(""));
    // An empty variable is as good as unset.
    let set = |name: &str| env(name).filter(|v| !v.trim().is_empty());

    let lang = match (args.lang, set("ERRCODE_LANG"), config.lang) {
        (Some(lang), _, _) => lang,
        (None, Some(value), _) => Lang::from_name(&value).ok_or_else(|| {
            Error::Usage(format!(
                "ERRCODE_LANG={value:?} is not a language errcode knows: use en, zh or both"
            ))
        })?,
        (None, None, Some(lang)) => lang,
        (None, None, None) => Lang::Both,
    };

    // The environment's say on colour (NO_COLOR, CLICOLOR_FORCE, CLICOLOR=0) beats the configuration's.
    let color_from_env = if set("NO_COLOR").is_some() {
        Some(ColorChoice::Never)
    } else if set("CLICOLOR_FORCE").is_some_and(|v| v.trim() != "0") {
        Some(ColorChoice::Always)
    } else if set("CLICOLOR").is_some_and(|v| v.trim() == "0") {
        Some(ColorChoice::Never)
    } else {
        None
    };
    let color = args
        .color
        .or(color_from_env)
        .or(config.color)
        .unwrap_or(ColorChoice::Auto);

    let terminal = terminal_size::terminal_size();
    let width = env("COLUMNS")
        .and_then(|c| c.trim().parse::<usize>().ok())
        .or_else(|| terminal.map(|(w, _)| usize::from(w.0)))
        .unwrap_or(100)
        // Narrower than this, no table or card can be laid out legibly.
        .clamp(40, 1000);

    // A pager only for a terminal, and only when asked for by neither --no-pager nor the pager `cat`.
    let pager = if args.no_pager || !std::io::stdout().is_terminal() {
        None
    } else {
        let height = env("LINES")
            .and_then(|l| l.trim().parse::<usize>().ok())
            .or_else(|| terminal.map(|(_, h)| usize::from(h.0)))
            .unwrap_or(24);
        let setting = set("ERRCODE_PAGER")
            .or_else(|| set("PAGER"))
            // (An empty pager in the configuration file means none, as `cat` does.)
            .or(config.pager.clone().map(|p| {
                if p.trim().is_empty() {
                    "cat".to_string()
                } else {
                    p
                }
            }));
        // The screen's last line is the shell's prompt.
        Pager::from_setting(setting.as_deref(), height.saturating_sub(1))
    };

    let vendors = if args.vendor.is_empty() {
        config_vendors(&config, config_path, &config_text)?
    } else {
        args.vendor.clone()
    };

    Ok(Settings {
        vendors,
        look: Look {
            lang,
            palette: Palette::new(color.resolve()),
            width,
            cards: args.cards,
        },
        json: args.json,
        catalog_paths: CatalogPaths {
            config_dir: paths.catalog_dir,
            explicit: paths.explicit.into_iter().map(|(p, _)| p).collect(),
            cache_dir: paths.cache_dir,
        },
        pager,
    })
}

/// The configuration's `vendors`, read by `--vendor`'s own parser (so they mean and accept exactly what
/// the flag does), each error located at the vendor it is about.
fn config_vendors(config: &Config, path: &Path, text: &str) -> Result<Vec<String>> {
    let parse = |vendors: &[&str]| {
        let mut argv = vec!["errcode"];
        for vendor in vendors {
            argv.extend(["--vendor", vendor]);
        }
        <Cli as clap::Parser>::try_parse_from(argv).map(|cli| cli.global.vendor)
    };
    let all: Vec<&str> = config.vendors.iter().map(|(v, _)| v.as_str()).collect();
    if all.is_empty() {
        return Ok(Vec::new());
    }
    parse(&all).map_err(|_| {
        let (at, err) = (config.vendors.iter())
            .find_map(|(vendor, at)| parse(&[vendor]).err().map(|err| (*at, err)))
            .unwrap_or((0, clap::Error::new(clap::error::ErrorKind::InvalidValue)));
        let reason = super::one_line(&err.render().to_string());
        config::located(path, text, at, &format!("vendors: {reason}"))
    })
}
