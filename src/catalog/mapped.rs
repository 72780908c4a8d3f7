//! Cache files mapped into memory rather than read: the second of errcode's two `unsafe` places (the
//! other is the prefilter's SIMD kernel, `matcher/teddy/simd.rs`), which allows it for itself.
//!
//! A 50,000-entry catalog's cache files hold 18 MB: reading them copied every byte into memory the
//! kernel first had to clear, most of such a run's time. Mapped, the pages the system already holds are
//! the bytes.
#![allow(unsafe_code)]

use std::fs::File;

/// A cache file's bytes, mapped or (where the system would not map it) read: dropped with the file refused,
/// kept for the rest of the process (`keep`) once the catalog or index read from them will borrow them.
pub(super) enum CacheBytes {
    Mapped(memmap2::Mmap),
    Read(Vec<u8>),
}

impl CacheBytes {
    pub(super) fn bytes(&self) -> &[u8] {
        match self {
            CacheBytes::Mapped(map) => map,
            CacheBytes::Read(bytes) => bytes,
        }
    }

    /// The bytes, for as long as the process runs.
    pub(super) fn keep(self) -> &'static [u8] {
        match self {
            CacheBytes::Mapped(map) => &Box::leak(Box::new(map))[..],
            CacheBytes::Read(bytes) => Box::leak(bytes.into_boxed_slice()),
        }
    }
}

/// The first `len` bytes of `file`, mapped; `None` where the system will not map it (an empty file, a
/// file system without mappings), and the caller reads it instead.
pub(super) fn map(file: &File, len: u64) -> Option<CacheBytes> {
    let len = usize::try_from(len).ok().filter(|&len| len > 0)?;
    // SAFETY: a mapping's bytes may change, or vanish (SIGBUS), if the file is written or truncated in
    // place while it is mapped. errcode never does either to a cache file: it writes one beside and
    // renames it over the old (`cache::write`), and prunes by unlinking, and a mapping of a renamed or
    // unlinked file keeps its bytes. Only another program writing into errcode's own cache folder, in
    // place, during a run could: cutting a file short ends the run (SIGBUS), and bytes changed after they
    // were checked are read as they are (a scan may then find nothing). On a network file system (NFS) a
    // file replaced from another machine may do the same. ripgrep takes these risks for the files it maps.
    let map = unsafe { memmap2::MmapOptions::new().len(len).populate().map(file) }.ok()?;
    Some(CacheBytes::Mapped(map))
}
