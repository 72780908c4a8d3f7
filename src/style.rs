//! Colour, decided once from `--color` and the environment, applied through named roles so the renderer
//! never picks raw colours.

use std::borrow::Cow;
use std::fmt::Write as _;
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

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
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

    /// The role as a table cell paints it.
    fn cell_paint(self) -> CellPaint {
        CellPaint {
            color: self.color,
            bold: self.bold,
        }
    }
}

impl Color {
    /// The 256-colour index of the bright colour (what comfy-table, which drew the tables first, wrote).
    fn index(self) -> u8 {
        match self {
            Color::Red => 9,
            Color::Green => 10,
            Color::Yellow => 11,
            Color::Magenta => 13,
            Color::Cyan => 14,
        }
    }
}

/// How a table cell is painted: a colour and bold, around the whole padded line, closed by one reset.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CellPaint {
    color: Option<Color>,
    bold: bool,
}

impl CellPaint {
    pub const NONE: CellPaint = CellPaint {
        color: None,
        bold: false,
    };

    /// What starts the paint, appended to `out`.
    pub fn open(self, out: &mut String) {
        if let Some(color) = self.color {
            let _ = write!(out, "\x1b[38;5;{}m", color.index());
        }
        if self.bold {
            out.push_str("\x1b[1m");
        }
    }

    /// What ends it.
    pub fn close(self, out: &mut String) {
        if self.bold {
            out.push_str("\x1b[0m");
        } else if self.color.is_some() {
            out.push_str("\x1b[39m");
        }
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

    /// The text in its role's colours; without colour, the text itself (nothing copied: a scan paints
    /// several pieces of every line it reports).
    fn paint<'t>(&self, text: &'t str, role: Role) -> Cow<'t, str> {
        if self.enabled {
            Cow::Owned(text.style(role.ansi()).to_string())
        } else {
            Cow::Borrowed(text)
        }
    }

    pub fn code<'t>(&self, text: &'t str) -> Cow<'t, str> {
        self.paint(text, CODE)
    }

    pub fn status<'t>(&self, status: u16, text: &'t str) -> Cow<'t, str> {
        self.paint(text, status_role(status))
    }

    pub fn heading<'t>(&self, text: &'t str) -> Cow<'t, str> {
        self.paint(text, HEADING)
    }

    pub fn label<'t>(&self, text: &'t str) -> Cow<'t, str> {
        self.paint(text, LABEL)
    }

    pub fn vendor<'t>(&self, text: &'t str) -> Cow<'t, str> {
        self.paint(text, VENDOR)
    }

    pub fn capture<'t>(&self, text: &'t str) -> Cow<'t, str> {
        self.paint(text, CAPTURE)
    }

    pub fn found<'t>(&self, text: &'t str) -> Cow<'t, str> {
        self.paint(text, FOUND)
    }

    pub fn path<'t>(&self, text: &'t str) -> Cow<'t, str> {
        self.paint(text, PATH)
    }

    pub fn line_number<'t>(&self, text: &'t str) -> Cow<'t, str> {
        self.paint(text, LINE_NUMBER)
    }

    pub fn aside<'t>(&self, text: &'t str) -> Cow<'t, str> {
        self.paint(text, ASIDE)
    }

    // Table cells in the same roles, painted whole (padding included) as the table draws them.
    fn cell(&self, role: Role) -> CellPaint {
        if self.enabled {
            role.cell_paint()
        } else {
            CellPaint::NONE
        }
    }

    pub fn code_cell(&self) -> CellPaint {
        self.cell(CODE)
    }

    pub fn status_cell(&self, status: u16) -> CellPaint {
        self.cell(status_role(status))
    }

    pub fn heading_cell(&self) -> CellPaint {
        self.cell(HEADING)
    }

    pub fn vendor_cell(&self) -> CellPaint {
        self.cell(VENDOR)
    }

    pub fn found_cell(&self) -> CellPaint {
        self.cell(FOUND)
    }
}
