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
    /// `auto` colours standard output only on a terminal whose `TERM` is not `dumb`, with `NO_COLOR` unset
    /// or empty and `CLICOLOR` not `0` (read by anstyle-query, as clap reads them); a non-empty
    /// `CLICOLOR_FORCE` other than `0` forces colour on even when piped, and `NO_COLOR` wins over it.
    pub fn resolve(self) -> bool {
        match self {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                if anstyle_query::no_color() {
                    return false;
                }
                // (anstyle-query counts `CLICOLOR_FORCE=0` as forcing; the convention says it does not.)
                if std::env::var_os("CLICOLOR_FORCE").is_some_and(|v| !v.is_empty() && v != "0") {
                    return true;
                }
                anstyle_query::clicolor() != Some(false)
                    && anstyle_query::term_supports_color()
                    && std::io::stdout().is_terminal()
            }
        }
    }
}

/// How one role of errcode's output looks. Each role is described once, below; painted text and table
/// cells are both styled from the description.
#[derive(Debug, Clone, Copy)]
struct Role {
    color: Option<Color>,
    bold: bool,
    dimmed: bool,
    italic: bool,
}

#[derive(Debug, Clone, Copy)]
enum Color {
    Cyan,
    Yellow,
    Red,
    Magenta,
    Green,
}

impl Role {
    const PLAIN: Role = Role {
        color: None,
        bold: false,
        dimmed: false,
        italic: false,
    };

    const fn colored(color: Color) -> Role {
        Role {
            color: Some(color),
            ..Role::PLAIN
        }
    }

    const fn bold(self) -> Role {
        Role { bold: true, ..self }
    }

    fn ansi(self) -> Ansi {
        let mut style = Ansi::new();
        if self.bold {
            style = style.bold();
        }
        if self.dimmed {
            style = style.dimmed();
        }
        if self.italic {
            style = style.italic();
        }
        match self.color {
            Some(Color::Cyan) => style.cyan(),
            Some(Color::Yellow) => style.yellow(),
            Some(Color::Red) => style.red(),
            Some(Color::Magenta) => style.magenta(),
            Some(Color::Green) => style.green(),
            None => style,
        }
    }

    fn cell_color(self) -> Option<comfy_table::Color> {
        self.color.map(|color| match color {
            Color::Cyan => comfy_table::Color::Cyan,
            Color::Yellow => comfy_table::Color::Yellow,
            Color::Red => comfy_table::Color::Red,
            Color::Magenta => comfy_table::Color::Magenta,
            Color::Green => comfy_table::Color::Green,
        })
    }
}

const CODE: Role = Role::colored(Color::Cyan).bold();
const HEADING: Role = Role::PLAIN.bold();
const LABEL: Role = Role {
    dimmed: true,
    ..Role::PLAIN
};
const VENDOR: Role = Role::colored(Color::Magenta);
/// A value the query filled into a placeholder.
const CAPTURE: Role = Role::colored(Color::Green);
/// What matched, in a scanned line; the bars of a summary.
const FOUND: Role = Role::colored(Color::Red).bold();
/// A file name before a scanned line, as ripgrep shows it.
const PATH: Role = Role::colored(Color::Magenta);
const LINE_NUMBER: Role = Role::colored(Color::Green);
/// Marks and remarks that are errcode's, not the vendor's.
const ASIDE: Role = Role {
    dimmed: true,
    italic: true,
    ..Role::PLAIN
};

/// Client errors yellow, server errors red, anything else plain bold.
fn status_role(status: u16) -> Role {
    match status {
        400..=499 => Role::colored(Color::Yellow).bold(),
        500..=599 => Role::colored(Color::Red).bold(),
        _ => HEADING,
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

    fn paint(&self, text: &str, role: Role) -> String {
        if self.enabled {
            text.style(role.ansi()).to_string()
        } else {
            text.to_string()
        }
    }

    pub fn code(&self, text: &str) -> String {
        self.paint(text, CODE)
    }

    pub fn status(&self, status: u16, text: &str) -> String {
        self.paint(text, status_role(status))
    }

    pub fn heading(&self, text: &str) -> String {
        self.paint(text, HEADING)
    }

    pub fn label(&self, text: &str) -> String {
        self.paint(text, LABEL)
    }

    pub fn vendor(&self, text: &str) -> String {
        self.paint(text, VENDOR)
    }

    pub fn capture(&self, text: &str) -> String {
        self.paint(text, CAPTURE)
    }

    pub fn found(&self, text: &str) -> String {
        self.paint(text, FOUND)
    }

    pub fn path(&self, text: &str) -> String {
        self.paint(text, PATH)
    }

    pub fn line_number(&self, text: &str) -> String {
        self.paint(text, LINE_NUMBER)
    }

    pub fn aside(&self, text: &str) -> String {
        self.paint(text, ASIDE)
    }

    /// Whether colour is on: tables style their cells through comfy-table, which needs to know.
    pub fn enabled(&self) -> bool {
        self.enabled
    }

    // Table cells in the same roles. comfy-table styles a whole cell; styling its content with escapes
    // instead would make it parse every cell for them to measure widths, which costs more than the rest of
    // a status lookup. (Its cells take a colour and bold, all the roles below use.)
    fn cell(&self, text: &str, role: Role) -> comfy_table::Cell {
        let mut cell = comfy_table::Cell::new(text);
        if self.enabled {
            if let Some(color) = role.cell_color() {
                cell = cell.fg(color);
            }
            if role.bold {
                cell = cell.add_attribute(comfy_table::Attribute::Bold);
            }
        }
        cell
    }

    pub fn code_cell(&self, text: &str) -> comfy_table::Cell {
        self.cell(text, CODE)
    }

    pub fn status_cell(&self, status: u16, text: &str) -> comfy_table::Cell {
        self.cell(text, status_role(status))
    }

    pub fn heading_cell(&self, text: &str) -> comfy_table::Cell {
        self.cell(text, HEADING)
    }

    pub fn vendor_cell(&self, text: &str) -> comfy_table::Cell {
        self.cell(text, VENDOR)
    }

    pub fn found_cell(&self, text: &str) -> comfy_table::Cell {
        self.cell(text, FOUND)
    }
}
