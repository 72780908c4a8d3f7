//! Catalogs: the vendors' error tables errcode answers from. `model` is what a catalog says, `validate`
//! the rules a catalog's TOML must keep (the one reader, also run by `build.rs` on the built-in catalogs),
//! `packed` the one form a checked catalog is kept in and read from, `load` finds and reads users'
//! catalogs, and `cache` keeps large ones packed between runs.

mod cache;
mod grams;
mod literals;
mod load;
mod mapped;
mod model;
mod packed;
mod record;
mod store;
mod validate;

pub(crate) use literals::{LiteralIndex, Stands, message_keys};
pub use load::CatalogPaths;
pub use model::{Authored, Entry, Hint, Origin, Referral, Source, Text, Vendor};
pub use packed::{Catalog, Sources};
pub use store::Entries;
pub use validate::parse;

/// The built-in catalogs, packed by `build.rs`: a postcard list of `(packed catalog, start and end of its
/// text pool in BUILTIN_TEXT)`.
static BUILTIN: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/builtin_catalogs.bin"));

/// The built-in catalogs' text pools, one after another: text the compiler checked, so nothing checks it
/// again at run time.
static BUILTIN_TEXT: &str = include_str!(concat!(env!("OUT_DIR"), "/builtin_text.txt"));

/// The literal index of the built-in catalogs (`literals`), written by `build.rs`.
static BUILTIN_LITERALS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/builtin_literals.bin"));

/// Every loaded catalog, built-in first, then the user's in load order.
#[derive(Debug, Clone, Default)]
pub struct Catalogs {
    pub catalogs: Vec<Catalog>,
    /// Where a user's large catalog is among them, their literal index (`cache`): read from its cache
    /// file, or built and written there, when first asked for.
    users_index: Option<std::sync::Arc<load::UsersIndex>>,
}

/// The built-in catalogs' files, by name: the loader's input for the tests that check them.
pub fn builtin_files() -> Vec<&'static str> {
    Catalogs::builtin()
        .catalogs
        .iter()
        .map(|c| match c.origin {
            Origin::Builtin(file) => file,
            Origin::File(_) => unreachable!("built-in catalogs are built in"),
        })
        .collect()
}

impl Catalogs {
    /// Only the built-in catalogs (packed by the build, which checked them: nothing to fail).
    pub fn builtin() -> Catalogs {
        let list: Vec<(&'static [u8], u32, u32)> =
            postcard::from_bytes(BUILTIN).expect("the build packs the built-in catalogs");
        Catalogs {
            users_index: None,
            catalogs: list
                .into_iter()
                .map(|(bytes, start, end)| {
                    let text = &BUILTIN_TEXT[start as usize..end as usize];
                    packed::unpack(bytes, None, packed::Known::Builtin(text))
                        .expect("the build packs them")
                })
                .collect(),
        }
    }

    /// The vendors of the loaded catalogs, in errcode's order.
    pub fn vendors(&self) -> Vec<Vendor> {
        let mut vendors: Vec<Vendor> = self.catalogs.iter().map(|c| c.vendor).collect();
        vendors.sort();
        vendors.dedup();
        vendors
    }

    /// The literal index of these catalogs: the build's, where they are exactly the built-in ones (no user
    /// catalog loaded, none replaced); a cached one, where a user's large catalog is among them.
    pub(crate) fn literal_index(&self) -> Option<&'static LiteralIndex<'static>> {
        static INDEX: std::sync::OnceLock<Option<LiteralIndex<'static>>> =
            std::sync::OnceLock::new();
        let index = match &self.users_index {
            Some(users) => users.get(&self.catalogs)?,
            None if self
                .catalogs
                .iter()
                .all(|c| matches!(c.origin, Origin::Builtin(_))) =>
            {
                INDEX
                    .get_or_init(|| LiteralIndex::read(BUILTIN_LITERALS))
                    .as_ref()?
            }
            None => return None,
        };
        index.indexes(&self.catalogs).then_some(index)
    }

    /// Every entry with its catalog, in catalog then document order.
    pub fn entries(&self) -> impl Iterator<Item = (&Catalog, &Entry)> {
        self.catalogs
            .iter()
            .flat_map(|c| c.entries.iter().map(move |e| (c, e)))
    }
}
