//! Text tables: cells in columns, drawn in box characters, the columns narrowed and their texts wrapped to
//! fit the width. The look and the way widths are shared are comfy-table's (`UTF8_FULL_CONDENSED`, its
//! dynamic arrangement), which drew errcode's tables first; this small writer does the same for the few
//! shapes errcode draws, measuring each text once: comfy-table split and measured every cell several times,
//! which was more than half the time of `errcode status 429`.

use super::text::printable_ascii;
use crate::style::CellPaint;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// The width of `text` in columns: printable ASCII (most of what tables hold) by its length, without
/// looking each character up.
fn width(text: &str) -> usize {
    if text.bytes().all(printable_ascii) {
        text.len()
    } else {
        text.width()
    }
}

/// One cell: its text (lines split at `\n`) and how it is painted.
pub struct Cell {
    text: String,
    paint: CellPaint,
}

impl Cell {
    pub fn new(text: impl Into<String>) -> Self {
        Cell {
            text: text.into(),
            paint: CellPaint::NONE,
        }
    }

    pub fn painted(text: impl Into<String>, paint: CellPaint) -> Self {
        Cell {
            text: text.into(),
            paint,
        }
    }

    fn lines(&self) -> std::str::Split<'_, char> {
        self.text.split('\n')
    }

    /// The width of the widest line, at least 1 (an empty column still takes one place).
    fn width(&self) -> usize {
        self.lines().map(width).max().unwrap_or(0).max(1)
    }
}

/// A table being filled: a header, rows, and the columns whose width is fixed.
pub struct Grid {
    header: Option<Vec<Cell>>,
    rows: Vec<Vec<Cell>>,
    /// Content widths (without padding) of the columns that do not take part in sharing the width.
    fixed: Vec<(usize, usize)>,
    /// The width the columns share; `None`: every column as wide as its widest text, and no borders.
    width: Option<usize>,
}

/// One space either side of each cell's text.
const PADDING: usize = 2;
/// comfy-table's rule: a line with at most this much room left is full.
const MIN_FREE: usize = 2;

impl Grid {
    /// A table in box characters whose columns share `width`.
    pub fn boxed(width: usize) -> Self {
        Grid {
            header: None,
            rows: Vec::new(),
            fixed: Vec::new(),
            width: Some(width),
        }
    }

    /// Columns as wide as their texts, without borders or wrapping (lines may end in spaces).
    pub fn plain() -> Self {
        Grid {
            width: None,
            ..Grid::boxed(0)
        }
    }

    pub fn header(&mut self, cells: Vec<Cell>) {
        self.header = Some(cells);
    }

    pub fn row(&mut self, cells: Vec<Cell>) {
        self.rows.push(cells);
    }

    /// Column `index` is `width` wide (its text, without padding), whatever the others need.
    pub fn fix_width(&mut self, index: usize, width: usize) {
        self.fixed.push((index, width.max(1)));
    }

    fn all_rows(&self) -> impl Iterator<Item = &Vec<Cell>> {
        self.header.iter().chain(&self.rows)
    }

    fn columns(&self) -> usize {
        self.all_rows().map(Vec::len).max().unwrap_or(0)
    }

    /// Each column's content width.
    fn widths(&self) -> Vec<usize> {
        let columns = self.columns();
        let mut widest = vec![1; columns];
        for row in self.all_rows() {
            for (index, cell) in row.iter().enumerate() {
                widest[index] = widest[index].max(cell.width());
            }
        }
        let mut decided: Vec<Option<usize>> = vec![None; columns];
        for &(index, width) in &self.fixed {
            if index < columns {
                decided[index] = Some(width);
            }
        }
        let Some(width) = self.width else {
            return (decided.iter().zip(&widest))
                .map(|(d, w)| d.unwrap_or(*w))
                .collect();
        };
        Sharing::new(self, width, &widest, decided).arrange()
    }

    /// The table's lines, joined by `\n` (no newline after the last).
    pub fn render(&self) -> String {
        let widths = self.widths();
        let boxed = self.width.is_some();
        let mut out = String::new();
        if boxed {
            rule(&mut out, &widths, ['┌', '─', '┬', '┐']);
        }
        for (number, row) in self.all_rows().enumerate() {
            self.draw_row(&mut out, row, &widths);
            if number == 0 && boxed && self.header.is_some() {
                rule(&mut out, &widths, ['╞', '═', '╪', '╡']);
            }
        }
        if boxed {
            rule(&mut out, &widths, ['└', '─', '┴', '┘']);
        }
        out.pop();
        out
    }

    /// A row's lines: each cell's lines wrapped to its column, padded; a cell with fewer lines than the
    /// row's others is blank below (unpainted).
    fn draw_row(&self, out: &mut String, row: &[Cell], widths: &[usize]) {
        let boxed = self.width.is_some();
        let cells: Vec<Vec<&str>> = (widths.iter().enumerate())
            .map(|(index, &column)| {
                let mut lines = Vec::new();
                if let Some(cell) = row.get(index) {
                    for line in cell.lines() {
                        if width(line) > column {
                            lines.extend(split_line(line, column));
                        } else {
                            lines.push(line);
                        }
                    }
                }
                lines
            })
            .collect();
        let height = cells.iter().map(Vec::len).max().unwrap_or(0);
        for line in 0..height {
            if boxed {
                out.push('│');
            }
            for (index, (&column, lines)) in widths.iter().zip(&cells).enumerate() {
                if index > 0 && boxed {
                    out.push('┆');
                }
                match lines.get(line) {
                    Some(text) => {
                        let room = column.saturating_sub(width(text));
                        let paint = row.get(index).map_or(CellPaint::NONE, |c| c.paint);
                        paint.open(out);
                        out.push(' ');
                        out.push_str(text);
                        out.extend(std::iter::repeat_n(' ', room + 1));
                        paint.close(out);
                    }
                    None => out.extend(std::iter::repeat_n(' ', column + PADDING)),
                }
            }
            if boxed {
                out.push('│');
            }
            out.push('\n');
        }
    }
}

/// A horizontal line: left corner, fill over each column, junctions between them, right corner.
fn rule(out: &mut String, widths: &[usize], [left, fill, junction, right]: [char; 4]) {
    out.push(left);
    for (index, width) in widths.iter().enumerate() {
        if index > 0 {
            out.push(junction);
        }
        out.extend(std::iter::repeat_n(fill, width + PADDING));
    }
    out.push(right);
    out.push('\n');
}

/// comfy-table's dynamic arrangement: columns whose widest text fits in an even share of the room keep
/// it; then a column that, wrapped at an even share, leaves three or more places free keeps its wrapped
/// width; the rest share what is left evenly (the first ones one more where it does not divide).
struct Sharing<'a> {
    grid: &'a Grid,
    widest: &'a [usize],
    decided: Vec<Option<usize>>,
    room: usize,
    open: usize,
}

impl<'a> Sharing<'a> {
    fn new(grid: &'a Grid, width: usize, widest: &'a [usize], decided: Vec<Option<usize>>) -> Self {
        let columns = widest.len();
        // Borders: one either side and one between each two columns; padding of every column.
        let borders = columns + 1;
        let taken: usize = decided.iter().flatten().sum();
        let room = width
            .saturating_sub(borders)
            .saturating_sub(PADDING * columns)
            .saturating_sub(taken);
        let open = decided.iter().filter(|d| d.is_none()).count();
        Sharing {
            grid,
            widest,
            decided,
            room,
            open,
        }
    }

    fn share(&self) -> usize {
        self.room.checked_div(self.open).unwrap_or(0)
    }

    /// Column `index` takes `width`; whether any column is still open.
    fn fix(&mut self, index: usize, width: usize) -> bool {
        self.decided[index] = Some(width.max(1));
        self.room = self.room.saturating_sub(width);
        self.open -= 1;
        self.open > 0
    }

    fn arrange(mut self) -> Vec<usize> {
        self.fit_in_share();
        if self.open > 0 {
            self.fit_after_wrapping();
        }
        if self.open > 0 {
            let room = self.room.max(self.open);
            let (each, excess) = (room / self.open, room % self.open);
            let open = self.decided.iter_mut().filter(|d| d.is_none());
            for (nth, decided) in open.enumerate() {
                *decided = Some((each + usize::from(nth < excess)).max(1));
            }
        }
        self.decided.into_iter().map(|d| d.unwrap_or(1)).collect()
    }

    fn fit_in_share(&mut self) {
        let mut again = true;
        while again && self.open > 0 && self.share() > 0 {
            again = false;
            for index in 0..self.decided.len() {
                if self.decided[index].is_some() || self.widest[index] > self.share() {
                    continue;
                }
                if !self.fix(index, self.widest[index]) {
                    return;
                }
                again = true;
            }
        }
    }

    fn fit_after_wrapping(&mut self) {
        let mut again = true;
        while again {
            again = false;
            for index in 0..self.decided.len() {
                if self.decided[index].is_some() {
                    continue;
                }
                let share = self.share();
                let longest = self.longest_line_wrapped(index, share);
                if share.saturating_sub(longest) >= 3 {
                    if !self.fix(index, longest) {
                        return;
                    }
                    again = true;
                }
            }
        }
    }

    fn longest_line_wrapped(&self, index: usize, width: usize) -> usize {
        let mut longest = 0;
        for cell in self.grid.all_rows().filter_map(|row| row.get(index)) {
            for line in cell.lines() {
                let line_width = self::width(line);
                if line_width > width {
                    for part in split_line(line, width.max(1)) {
                        longest = longest.max(self::width(part));
                    }
                } else {
                    longest = longest.max(line_width);
                }
            }
        }
        longest
    }
}

/// A line wrapped at spaces to `width` (comfy-table's rule: a line with at most two places left is full;
/// a word longer than the width is cut, ASCII by bytes, other text by characters). Each piece is a slice
/// of the line: words are joined by the one space between them there.
fn split_line(line: &str, width: usize) -> Vec<&str> {
    let mut lines = Vec::new();
    // Words as byte ranges of `line`, the next on top.
    let mut words: Vec<(usize, usize)> = Vec::new();
    let mut start = 0;
    for (at, _) in line.match_indices(' ') {
        words.push((start, at));
        start = at + 1;
    }
    words.push((start, line.len()));
    words.reverse();
    // The line being filled: its range (`None`: empty) and width.
    let mut current: Option<(usize, usize)> = None;
    let mut current_width = 0;
    while let Some((from, to)) = words.pop() {
        let word = &line[from..to];
        let word_width = self::width(word);
        let space = usize::from(current.is_some());
        let left = width.saturating_sub(current_width).saturating_sub(space);
        if current_width + space + word_width <= width {
            // An empty word begins no line (a leading space is dropped, as comfy-table drops it).
            current = match current {
                Some((s, _)) => Some((s, to)),
                None => (from < to).then_some((from, to)),
            };
            current_width += space + word_width;
            if current_width > width.saturating_sub(MIN_FREE) {
                lines.extend(current.take().map(|(s, e)| &line[s..e]));
                current_width = 0;
            }
            continue;
        }
        if let Some((s, e)) = current
            && left <= MIN_FREE
        {
            words.push((from, to));
            lines.push(&line[s..e]);
            current = None;
            current_width = 0;
            continue;
        }
        if word_width > width {
            let head = split_long_word(left, word);
            let cut = if current.is_none() && head == 0 {
                // Not even one character fits: it goes on a line of its own.
                word.chars().next().map_or(0, char::len_utf8)
            } else {
                head
            };
            lines.push(&line[current.map_or(from, |(s, _)| s)..from + cut]);
            words.push((from + cut, to));
            current = None;
            current_width = 0;
            continue;
        }
        if let Some((s, e)) = current {
            lines.push(&line[s..e]);
        }
        current = Some((from, to));
        current_width = word_width;
        if current_width > width.saturating_sub(MIN_FREE) {
            lines.extend(current.take().map(|(s, e)| &line[s..e]));
            current_width = 0;
        }
    }
    if let Some((s, e)) = current
        && s < e
    {
        lines.push(&line[s..e]);
    }
    lines
}

/// How many bytes of `word` make its longest head at most `width` wide.
fn split_long_word(width: usize, word: &str) -> usize {
    if word.bytes().all(printable_ascii) {
        return word.len().min(width);
    }
    let mut taken = 0;
    for (at, c) in word.char_indices() {
        let w = c.width().unwrap_or(0);
        if taken + w > width {
            return at;
        }
        taken += w;
    }
    word.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_wrap_at_spaces_and_keep_two_places_free() {
        assert_eq!(
            split_line("The throttling threshold has been reached.", 24),
            ["The throttling threshold", "has been reached."]
        );
        // "abcd efgh" in 6: "abcd" leaves 2 places: full.
        assert_eq!(split_line("abcd efgh", 6), ["abcd", "efgh"]);
        assert_eq!(split_line("abcdefghij", 4), ["abcd", "efgh", "ij"]);
        assert_eq!(split_line("超出流控值限制", 6), ["超出流", "控值限", "制"]);
    }

    #[test]
    fn a_table_shares_its_width_and_fixes_what_it_is_told() {
        let mut grid = Grid::boxed(40);
        grid.header(vec![Cell::new("Code"), Cell::new("Message")]);
        grid.row(vec![
            Cell::new("APIG.0308"),
            Cell::new("The throttling threshold has been reached."),
        ]);
        assert_eq!(
            grid.render(),
            "┌───────────┬──────────────────────────┐\n\
             │ Code      ┆ Message                  │\n\
             ╞═══════════╪══════════════════════════╡\n\
             │ APIG.0308 ┆ The throttling threshold │\n\
             │           ┆ has been reached.        │\n\
             └───────────┴──────────────────────────┘"
        );
        grid.fix_width(0, 4);
        assert!(grid.render().contains("│ APIG ┆"), "{}", grid.render());
    }

    #[test]
    fn a_plain_table_has_no_borders() {
        let mut grid = Grid::plain();
        grid.row(vec![Cell::new("3"), Cell::new("APIG.0303")]);
        grid.row(vec![Cell::new("12"), Cell::new("x")]);
        assert_eq!(grid.render(), " 3   APIG.0303 \n 12  x         ");
    }

    /// The same table drawn by comfy-table, as errcode drew its tables before this writer.
    fn comfy(grid: &Grid, look: &[u8]) -> String {
        use comfy_table::{Attribute, Color, ColumnConstraint, ContentArrangement, Table, Width};
        let cell = |c: &Cell, paint: u8| {
            let cell = comfy_table::Cell::new(&c.text);
            match paint {
                1 => cell.fg(Color::Cyan).add_attribute(Attribute::Bold),
                2 => cell.fg(Color::Magenta),
                _ => cell,
            }
        };
        let mut table = Table::new();
        table
            .load_style(comfy_table::presets::UTF8_FULL_CONDENSED)
            .set_content_arrangement(ContentArrangement::Dynamic)
            .set_width(u16::try_from(grid.width.unwrap_or(0)).unwrap())
            .enforce_styling();
        let mut paints = look.iter().copied().cycle();
        if let Some(header) = &grid.header {
            table.set_header(
                header
                    .iter()
                    .map(|c| cell(c, paints.next().unwrap()))
                    .collect::<Vec<_>>(),
            );
        }
        for row in &grid.rows {
            table.add_row(
                row.iter()
                    .map(|c| cell(c, paints.next().unwrap()))
                    .collect::<Vec<_>>(),
            );
        }
        for &(index, width) in &grid.fixed {
            let width = u16::try_from(width + 2).unwrap();
            table
                .column_mut(index)
                .unwrap()
                .set_constraint(ColumnConstraint::Absolute(Width::Fixed(width)));
        }
        table.to_string()
    }

    proptest::proptest! {
        #![proptest_config(proptest::test_runner::Config::with_cases(400))]
        /// Any table errcode could draw (words of ASCII, codes, Chinese, long unbroken words, empty and
        /// doubled spaces, several lines; fixed columns; any width) is drawn as comfy-table drew it.
        #[test]
        fn tables_are_drawn_as_comfy_table_drew_them(
            columns in 1usize..6,
            cells in proptest::collection::vec(
                proptest::collection::vec(
                    proptest::sample::select(vec![
                        "a", "abc", "APIG.0303", "The", "throttling", "threshold", "",
                        "InvalidApi.NotFound", "超出流控值限制", "签名", "x-date", "—",
                        "averyveryverylongwordthatwillnotfitinanycolumnatall",
                        "混合mixed文字text", "\n", "é", "429",
                    ]),
                    0..12,
                ),
                1..30,
            ),
            header in proptest::bool::ANY,
            fixed in proptest::collection::vec((0usize..6, 1usize..20), 0..3),
            width in 8usize..160,
            look in proptest::collection::vec(0u8..3, 1..7),
        ) {
            let palette = crate::style::Palette::new(true);
            let paints = [CellPaint::NONE, palette.code_cell(), palette.vendor_cell()];
            let mut texts = cells.iter().map(|words| {
                words.join(" ").replace(" \n ", "\n")
            });
            let mut grid = Grid::boxed(width);
            let mut looks = look.iter().copied().cycle();
            let mut next_row = |texts: &mut dyn Iterator<Item = String>| -> Vec<Cell> {
                (0..columns)
                    .map_while(|_| texts.next())
                    .map(|t| Cell::painted(t, paints[usize::from(looks.next().unwrap())]))
                    .collect()
            };
            if header {
                let row = next_row(&mut texts);
                grid.header(row);
            }
            loop {
                let row = next_row(&mut texts);
                if row.is_empty() {
                    break;
                }
                grid.row(row);
            }
            let columns_drawn = grid.columns();
            for (index, w) in fixed {
                // comfy-table fixed a column only where it had one.
                if index < columns_drawn && !grid.fixed.iter().any(|&(i, _)| i == index) {
                    grid.fix_width(index, w);
                }
            }
            proptest::prop_assert_eq!(grid.render(), comfy(&grid, &look));
        }
    }
}
