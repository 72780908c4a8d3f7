//! Colour, decided once from `--color` and the environment, applied through named roles so the renderer
//! never picks raw colours.

use std::io::IsTerminal;

use owo_colors::{OwoColorize, Style as Ansi};

/// `--color`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

impl ColorChoice {
    /// `auto` colours only a terminal, and only when `NO_COLOR` is unset or empty and `TERM` is not `dumb`;
    /// a non-empty `CLICOLOR_FORCE` other than `0` forces colour on even when piped.
    pub fn resolve(self, env: impl Fn(&str) -> Option<String>) -> bool {
        match self {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                let set = |name: &str| env(name).is_some_and(|v| !v.is_empty());
                if set("NO_COLOR") {
                    return false;
                }
                if env("CLICOLOR_FORCE").is_some_and(|v| !v.is_empty() && v != "0") {
                    return true;
                }
                env("TERM").is_none_or(|t| t != "dumb") && std::io::stdout().is_terminal()
            }
        }
    }
}

/// The roles text plays in errcode's output.
#[derive(Debug, Clone, Copy)]
pub struct Palette {
    enabled: bool,
}

impl Palette {
    pub fn new(enabled: bool) -> Palette {
        Palette { enabled }
    }

    fn paint(&self, text: &str, style: Ansi) -> String {
        if self.enabled {
            text.style(style).to_string()
        } else {
            text.to_string()
        }
    }

    pub fn code(&self, text: &str) -> String {
        self.paint(text, Ansi::new().bold().cyan())
    }

    /// Client errors yellow, server errors red, anything else plain bold.
    pub fn status(&self, status: u16, text: &str) -> String {
        let style = match status {
            400..=499 => Ansi::new().bold().yellow(),
            500..=599 => Ansi::new().bold().red(),
            _ => Ansi::new().bold(),
        };
        self.paint(text, style)
    }

    pub fn heading(&self, text: &str) -> String {
        self.paint(text, Ansi::new().bold())
    }

    pub fn label(&self, text: &str) -> String {
        self.paint(text, Ansi::new().dimmed())
    }

    pub fn vendor(&self, text: &str) -> String {
        self.paint(text, Ansi::new().magenta())
    }

    /// A value the query filled into a placeholder.
    pub fn capture(&self, text: &str) -> String {
        self.paint(text, Ansi::new().green())
    }

    /// What matched, in a scanned line; the bars of a summary.
    pub fn found(&self, text: &str) -> String {
        self.paint(text, Ansi::new().bold().red())
    }

    /// A file name before a scanned line, as ripgrep shows it.
    pub fn path(&self, text: &str) -> String {
        self.paint(text, Ansi::new().magenta())
    }

    pub fn line_number(&self, text: &str) -> String {
        self.paint(text, Ansi::new().green())
    }

    /// Whether colour is on: tables style their cells through comfy-table, which needs to know.
    pub fn enabled(&self) -> bool {
        self.enabled
    }

    fn cell(&self, text: &str, color: Option<comfy_table::Color>, bold: bool) -> comfy_table::Cell {
        let mut cell = comfy_table::Cell::new(text);
        if self.enabled {
            if let Some(color) = color {
                cell = cell.fg(color);
            }
            if bold {
                cell = cell.add_attribute(comfy_table::Attribute::Bold);
            }
        }
        cell
    }

    // Table cells in the same roles. comfy-table styles a whole cell; styling its content with escapes
    // instead would make it parse every cell for them to measure widths, which costs more than the rest of
    // a status lookup.

    pub fn code_cell(&self, text: &str) -> comfy_table::Cell {
        self.cell(text, Some(comfy_table::Color::Cyan), true)
    }

    pub fn status_cell(&self, status: u16, text: &str) -> comfy_table::Cell {
        let color = match status {
            400..=499 => Some(comfy_table::Color::Yellow),
            500..=599 => Some(comfy_table::Color::Red),
            _ => None,
        };
        self.cell(text, color, true)
    }

    pub fn heading_cell(&self, text: &str) -> comfy_table::Cell {
        self.cell(text, None, true)
    }

    pub fn vendor_cell(&self, text: &str) -> comfy_table::Cell {
        self.cell(text, Some(comfy_table::Color::Magenta), false)
    }

    pub fn found_cell(&self, text: &str) -> comfy_table::Cell {
        self.cell(text, Some(comfy_table::Color::Red), true)
    }

    /// Marks and remarks that are errcode's, not the vendor's.
    pub fn aside(&self, text: &str) -> String {
        self.paint(text, Ansi::new().dimmed().italic())
    }
}
