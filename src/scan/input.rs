//! What an input is before its lines are read: compressed (gzip, bzip2, xz or zstd, told by its first
//! bytes; read through a decoder with `-z`, as ripgrep's `--search-zip`), binary (a NUL byte in its first
//! 8 KiB, as ripgrep and grep tell; skipped where a recursive scan found it, unless `--binary`), or text.
//! The decoders are pure Rust (flate2's miniz_oxide, libbz2-rs, lzma-rust2, ruzstd): nothing to build
//! but the crate.

use std::io::{self, BufRead, BufReader, Read};

/// How much of an input is looked at for a NUL byte.
pub(super) const BINARY_SNIFF: usize = 8 * 1024;

/// Largest dictionary an xz block may ask for (`xz -9` uses 64 MiB): a crafted file cannot make the scan
/// allocate more.
const XZ_MEMORY_KIB: u32 = 256 * 1024;

/// A compressed format errcode reads with `-z`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Compression {
    Gzip,
    Bzip2,
    Xz,
    Zstd,
}

impl Compression {
    /// The format whose magic number `head` starts with.
    pub(super) fn of(head: &[u8]) -> Option<Compression> {
        match head {
            [0x1f, 0x8b, 0x08, ..] => Some(Compression::Gzip),
            [b'B', b'Z', b'h', b'1'..=b'9', ..] => Some(Compression::Bzip2),
            [0xfd, b'7', b'z', b'X', b'Z', 0x00, ..] => Some(Compression::Xz),
            [0x28, 0xb5, 0x2f, 0xfd, ..] => Some(Compression::Zstd),
            _ => None,
        }
    }

    pub(super) fn name(self) -> &'static str {
        match self {
            Compression::Gzip => "gzip",
            Compression::Bzip2 => "bzip2",
            Compression::Xz => "xz",
            Compression::Zstd => "zstd",
        }
    }

    /// `compressed`, decompressed as it is read (every member or stream of a concatenated file).
    pub(super) fn decoder(
        self,
        compressed: impl Read + Send + 'static,
    ) -> io::Result<Box<dyn Read + Send>> {
        Ok(match self {
            Compression::Gzip => Box::new(flate2::read::MultiGzDecoder::new(compressed)),
            Compression::Bzip2 => Box::new(bzip2::read::MultiBzDecoder::new(compressed)),
            Compression::Xz => Box::new(lzma_rust2::XzReader::new_mem_limit(
                compressed,
                true,
                XZ_MEMORY_KIB,
            )),
            Compression::Zstd => Box::new(ZstdFrames::new(BufReader::new(compressed))?),
        })
    }
}

/// An input whose first bytes were read ahead (to tell what it is), given back in front of the rest.
pub(super) struct Peeked<R> {
    pub(super) head: Vec<u8>,
    at: usize,
    rest: R,
}

impl<R: Read> Peeked<R> {
    /// Reads ahead up to `want` bytes of `rest`: as many reads as that takes where `patient` (a regular
    /// file, a decoder over one), else one read only, so that a pipe that has sent a line and waits
    /// (`tail -f`) is not waited on.
    pub(super) fn new(mut rest: R, want: usize, patient: bool) -> io::Result<Peeked<R>> {
        let mut head = vec![0; want];
        let mut filled = 0;
        while filled < want {
            match rest.read(&mut head[filled..]) {
                Ok(0) => break,
                Ok(n) => {
                    filled += n;
                    if !patient {
                        break;
                    }
                }
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => return Err(e),
            }
        }
        head.truncate(filled);
        Ok(Peeked { head, at: 0, rest })
    }

    /// Whether what was read ahead holds a NUL byte.
    pub(super) fn looks_binary(&self) -> bool {
        memchr::memchr(0, &self.head).is_some()
    }
}

impl<R: Read> Read for Peeked<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.at < self.head.len() {
            let n = buf.len().min(self.head.len() - self.at);
            buf[..n].copy_from_slice(&self.head[self.at..self.at + n]);
            self.at += n;
            if self.at == self.head.len() {
                self.head = Vec::new();
                self.at = 0;
            }
            return Ok(n);
        }
        self.rest.read(buf)
    }
}

/// A zstd input of one frame or several (`zstd -T`, concatenated files): ruzstd's decoder reads one.
struct ZstdFrames<R: BufRead> {
    frame: Option<ruzstd::decoding::StreamingDecoder<R, ruzstd::decoding::FrameDecoder>>,
}

impl<R: BufRead> ZstdFrames<R> {
    fn new(input: R) -> io::Result<ZstdFrames<R>> {
        let frame = ruzstd::decoding::StreamingDecoder::new(input).map_err(invalid)?;
        Ok(ZstdFrames { frame: Some(frame) })
    }
}

fn invalid(error: impl std::fmt::Display) -> io::Error {
    io::Error::new(
        io::ErrorKind::InvalidData,
        format!("not valid zstd data: {error}"),
    )
}

impl<R: BufRead> Read for ZstdFrames<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        while let Some(frame) = &mut self.frame {
            let n = frame.read(buf)?;
            if n > 0 || buf.is_empty() {
                return Ok(n);
            }
            // The frame ended: another follows, unless the input ends here.
            let Some(frame) = self.frame.take() else {
                break;
            };
            let mut input = frame.into_inner();
            if input.fill_buf()?.is_empty() {
                return Ok(0);
            }
            self.frame = Some(ruzstd::decoding::StreamingDecoder::new(input).map_err(invalid)?);
        }
        Ok(0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_are_told_by_their_magic_numbers() {
        assert_eq!(
            Compression::of(b"\x1f\x8b\x08\0\0\0\0\0"),
            Some(Compression::Gzip)
        );
        assert_eq!(Compression::of(b"BZh91AY&SY"), Some(Compression::Bzip2));
        assert_eq!(Compression::of(b"\xfd7zXZ\0\0\x04"), Some(Compression::Xz));
        assert_eq!(
            Compression::of(b"\x28\xb5\x2f\xfd\x04"),
            Some(Compression::Zstd)
        );
        for text in [
            &b"BZh is a word"[..],
            b"\x1f\x8b",
            b"2024-06-01 INFO ok\n",
            b"",
        ] {
            assert_eq!(Compression::of(text), None, "{text:?}");
        }
    }

    #[test]
    fn peeked_bytes_come_back_first() {
        let mut peeked = Peeked::new(&b"0123456789"[..], 4, true).unwrap();
        assert_eq!(peeked.head, b"0123");
        let mut all = String::new();
        peeked.read_to_string(&mut all).unwrap();
        assert_eq!(all, "0123456789");
    }

    #[test]
    fn gzip_members_and_zstd_frames_are_all_read() {
        let mut gz = Vec::new();
        for part in ["one\n", "two\n"] {
            let mut encoder = flate2::write::GzEncoder::new(Vec::new(), Default::default());
            io::Write::write_all(&mut encoder, part.as_bytes()).unwrap();
            gz.extend(encoder.finish().unwrap());
        }
        let mut text = String::new();
        Compression::Gzip
            .decoder(io::Cursor::new(gz))
            .unwrap()
            .read_to_string(&mut text)
            .unwrap();
        assert_eq!(text, "one\ntwo\n");
        // Two zstd frames, each of one raw block (`zstd` writes this for such short text).
        let frame = |text: &[u8]| {
            let mut frame = vec![0x28, 0xb5, 0x2f, 0xfd, 0x20, text.len() as u8];
            let header = (text.len() as u32) << 3 | 1; // last block, raw
            frame.extend(&header.to_le_bytes()[..3]);
            frame.extend(text);
            frame
        };
        let mut zst = frame(b"one\n");
        zst.extend(frame(b"two\n"));
        let mut text = String::new();
        Compression::Zstd
            .decoder(io::Cursor::new(zst))
            .unwrap()
            .read_to_string(&mut text)
            .unwrap();
        assert_eq!(text, "one\ntwo\n");
    }
}
