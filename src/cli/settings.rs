//! Flags and environment resolved into one `Settings`: every later stage takes it and never looks at
//! either again.

use std::path::PathBuf;

use std::io::IsTerminal as _;

use super::args::GlobalArgs;
use super::pager::Pager;
use crate::catalog::{CatalogPaths, Vendor};
use crate::error::{Error, Result};
use crate::render::{Lang, Look};
use crate::style::Palette;

/// Everything decided from flags and environment; later stages never look at either again.
pub(super) struct Settings {
    pub vendors: Vec<Vendor>,
    pub look: Look,
    pub json: bool,
    pub catalog_paths: CatalogPaths,
    /// Where long output goes on a terminal: `None` when piped, with `--no-pager`, or with the pager `cat`.
    pub pager: Option<Pager>,
}

pub(super) fn resolve(args: &GlobalArgs, env: &dyn Fn(&str) -> Option<String>) -> Result<Settings> {
    // `--lang` beats ERRCODE_LANG; an empty ERRCODE_LANG is as good as unset.
    let lang = match (
        args.lang,
        env("ERRCODE_LANG").filter(|v| !v.trim().is_empty()),
    ) {
        (Some(lang), _) => lang,
        (None, None) => Lang::Both,
        (None, Some(value)) => Lang::from_name(&value).ok_or_else(|| {
            Error::Usage(format!(
                "ERRCODE_LANG={value:?} is not a language errcode knows: use en, zh or both"
            ))
        })?,
    };
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
        // An empty ERRCODE_PAGER or PAGER is as good as unset.
        let setting = env("ERRCODE_PAGER")
            .filter(|p| !p.trim().is_empty())
            .or_else(|| env("PAGER").filter(|p| !p.trim().is_empty()));
        // The screen's last line is the shell's prompt.
        Pager::from_setting(setting.as_deref(), height.saturating_sub(1))
    };
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
            palette: Palette::new(args.color.resolve()),
            width,
            cards: args.cards,
        },
        json: args.json,
        catalog_paths: CatalogPaths {
            config_dir,
            explicit,
            cache_dir,
        },
        pager,
    })
}
