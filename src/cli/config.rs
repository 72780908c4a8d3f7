//! The user's configuration file, `$XDG_CONFIG_HOME/errcode/config.toml` (default
//! `~/.config/errcode/config.toml`): defaults set once for `--lang`, `--color`, the pager and `--vendor`.
//! Read as raw serde values, then checked into `Config`; every error names the file, line and column.
//! Flags and environment variables beat it (`settings` applies the order).

use std::path::Path;

use serde::Deserialize;
use toml::Spanned;

use crate::error::{Error, Result};
use crate::render::Lang;
use crate::style::ColorChoice;

/// The file as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    lang: Option<Spanned<String>>,
    color: Option<Spanned<String>>,
    pager: Option<String>,
    vendors: Option<Vec<Spanned<String>>>,
}

/// The file, checked.
#[derive(Debug, Default)]
pub(super) struct Config {
    pub lang: Option<Lang>,
    pub color: Option<ColorChoice>,
    /// A pager command (`cat` or empty: no pager).
    pub pager: Option<String>,
    /// Vendor ids as written, with where each stands: `--vendor`'s own parser checks them.
    pub vendors: Vec<(String, usize)>,
}

/// The keys a configuration file may have, for `--show-paths` and the error for an unknown key.
const KEYS: [&str; 4] = ["lang", "color", "pager", "vendors"];

/// The configuration at `path` and its text: `None` when there is no such file.
pub(super) fn load(path: &Path) -> Result<Option<(Config, String)>> {
    let text = match std::fs::read(path) {
        Ok(bytes) => String::from_utf8(bytes).map_err(|err| {
            let valid = err.utf8_error().valid_up_to();
            located(
                path,
                &String::from_utf8_lossy(err.as_bytes()),
                valid,
                "file is not valid UTF-8",
            )
        })?,
        // No file there (the folder may be missing, or a file itself).
        Err(err)
            if matches!(
                err.kind(),
                std::io::ErrorKind::NotFound | std::io::ErrorKind::NotADirectory
            ) =>
        {
            return Ok(None);
        }
        Err(source) => {
            return Err(Error::Read {
                path: path.to_path_buf(),
                source,
            });
        }
    };
    let config = parse(path, &text)?;
    Ok(Some((config, text)))
}

fn parse(path: &Path, text: &str) -> Result<Config> {
    let raw: RawConfig = toml::from_str(text).map_err(|err| {
        let offset = err.span().map_or(0, |span| span.start);
        let mut message = err.message().trim().replace('\n', " ");
        if let Some(rest) = message.strip_prefix("unknown field ") {
            let key = rest.split('`').nth(1).unwrap_or_default();
            message = format!("unknown key `{key}`; the keys are {}", KEYS.join(", "));
        }
        located(path, text, offset, &message)
    })?;
    let lang = match raw.lang {
        Some(value) => Some(Lang::from_name(value.get_ref()).ok_or_else(|| {
            located(
                path,
                text,
                value.span().start,
                &format!(
                    "lang: {:?} is not a language errcode knows: use en, zh or both",
                    value.get_ref()
                ),
            )
        })?),
        None => None,
    };
    let color = match raw.color {
        Some(value) => Some(
            <ColorChoice as clap::ValueEnum>::from_str(value.get_ref().trim(), true).map_err(
                |_| {
                    located(
                        path,
                        text,
                        value.span().start,
                        &format!("color: {:?} is not auto, always or never", value.get_ref()),
                    )
                },
            )?,
        ),
        None => None,
    };
    let vendors = (raw.vendors.unwrap_or_default().into_iter())
        .map(|v| {
            let at = v.span().start;
            (v.into_inner(), at)
        })
        .collect();
    Ok(Config {
        lang,
        color,
        pager: raw.pager,
        vendors,
    })
}

/// An error at byte `offset` of the configuration file.
pub(super) fn located(path: &Path, text: &str, offset: usize, message: &str) -> Error {
    let offset = offset.min(text.len());
    let offset = (0..=offset)
        .rev()
        .find(|&at| text.is_char_boundary(at))
        .unwrap_or(0);
    let before = &text[..offset];
    let line_start = before.rfind('\n').map_or(0, |at| at + 1);
    Error::Catalog {
        path: path.display().to_string(),
        line: before.matches('\n').count() + 1,
        column: before[line_start..].chars().count() + 1,
        message: message.to_string(),
    }
}
